import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "../generated/prisma/client";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import type { Viewer } from "../authz/permissions";
import { memberScope } from "../authz/scope";
import { schoolFor } from "../authz/load";
import { record } from "../audit/record";
import { AppError, conflict, notFound } from "../server/errors";
import { foldVietnamese, toDateInput, vietnameseSortKey } from "../format";
import { canChangeStatus, STATUS_LABELS, type ValidImportRow } from "./rules";
import { snapshotSelect } from "./queries";
import type { ChangeStatusInput, CreateMemberInput, MoveMemberInput, UpdateMemberInput } from "./schemas";

type Tx = Prisma.TransactionClient;

/** What an audit row keeps of a member. */
type Snapshot = Prisma.MemberGetPayload<{ select: typeof snapshotSelect }>;

/** Dates as yyyy-mm-dd in the audit log: calendar dates, not moments. */
function snapshot(m: Snapshot) {
  return {
    ...m,
    dateOfBirth: toDateInput(m.dateOfBirth),
    joinedUnionAt: toDateInput(m.joinedUnionAt),
    contractStartAt: toDateInput(m.contractStartAt),
    partyJoinedAt: toDateInput(m.partyJoinedAt),
    leftOn: toDateInput(m.leftOn) || null,
  };
}

const badField = (field: string, message: string) => new AppError("INVALID", "Dữ liệu chưa hợp lệ. Hãy kiểm tra các ô được đánh dấu.", { [field]: [message] });

/** A union group of this school, or a field error: an id from another school is simply unknown. */
async function resolveGroup(tx: Tx, schoolId: string, groupId: string | undefined): Promise<string | null> {
  if (!groupId) return null;
  const g = await tx.unionGroup.findFirst({ where: { id: groupId, schoolId }, select: { id: true } });
  if (!g) throw badField("unionGroupId", "Không tìm thấy tổ công đoàn này trong trường.");
  return g.id;
}

/** The personal and work fields, built one by one (never spread), with the derived search columns. */
function personData(input: Omit<UpdateMemberInput, "memberId" | "version">) {
  return {
    fullName: input.fullName,
    nameSearch: foldVietnamese(input.fullName),
    sortKey: vietnameseSortKey(input.fullName),
    gender: input.gender,
    dateOfBirth: input.dateOfBirth ?? null,
    position: input.position ?? null,
    professionalGroup: input.professionalGroup ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    joinedUnionAt: input.joinedUnionAt ?? null,
    contractStartAt: input.contractStartAt ?? null,
    citizenId: input.citizenId ?? null,
    ethnicity: input.ethnicity ?? null,
    hometown: input.hometown ?? null,
    unionCardNumber: input.unionCardNumber ?? null,
    partyMember: input.partyMember ?? false,
    partyJoinedAt: input.partyMember ? (input.partyJoinedAt ?? null) : null,
  };
}

/**
 * Adds a member to a school the viewer manages (member.manage: the school's chair, ADMIN).
 * The school and the union group are resolved through scope; the form's idempotency key is
 * stored in the same transaction (lib/server/submission.ts), so a double submit creates one
 * member and is answered with the first one's id. Throws NOT_FOUND (school), INVALID (group).
 * Audited "member.create".
 */
export async function createMember(viewer: Viewer, input: CreateMemberInput): Promise<{ id: string | null }> {
  return createOnce(viewer, "member.create", input.idempotencyKey, async (tx) => {
    const school = await schoolFor(viewer, input.schoolId, "member.manage", tx, { id: true, unionUnitId: true });
    const unionGroupId = await resolveGroup(tx, school.id, input.unionGroupId);
    const m = await tx.member.create({ data: { schoolId: school.id, unionGroupId, status: input.status, ...personData(input) }, select: snapshotSelect });
    await record(tx, viewer, { action: "member.create", entity: "Member", entityId: m.id, schoolId: school.id, organisationId: school.unionUnitId, after: snapshot(m) });
    return { id: m.id };
  });
}

/** The member, locked to the viewer's member.manage scope, inside the transaction. */
async function lockMember(tx: Tx, viewer: Viewer, memberId: string, version: number) {
  const m = await tx.member.findFirst({
    where: { AND: [{ id: memberId }, memberScope(viewer, "member.manage")] },
    select: { ...snapshotSelect, school: { select: { unionUnitId: true } } },
  });
  if (!m) throw notFound();
  if (m.version !== version) throw conflict();
  const { school, ...before } = m;
  return { before, organisationId: school.unionUnitId };
}

/** Writes the change only if nobody saved in between (optimistic lock), then audits before/after. */
async function saveChange(tx: Tx, viewer: Viewer, action: string, memberId: string, version: number, organisationId: string, before: Snapshot, data: Prisma.MemberUpdateManyMutationInput & { unionGroupId?: string | null }) {
  const { count } = await tx.member.updateMany({ where: { id: memberId, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw conflict();
  const after = await tx.member.findUniqueOrThrow({ where: { id: memberId }, select: snapshotSelect });
  await record(tx, viewer, { action, entity: "Member", entityId: memberId, schoolId: before.schoolId, organisationId, before: snapshot(before), after: snapshot(after) });
  return after;
}

/**
 * Edits a member's personal and work fields (member.manage), version-checked. Throws
 * NOT_FOUND (out of scope), CONFLICT (someone saved first). Audited "member.update".
 */
export async function updateMember(viewer: Viewer, input: UpdateMemberInput) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const { before, organisationId } = await lockMember(tx, viewer, input.memberId, input.version);
    return saveChange(tx, viewer, "member.update", input.memberId, input.version, organisationId, before, personData(input));
  });
}

/**
 * Moves a member to another union group of the same school, or to none (member.manage).
 * Throws NOT_FOUND, CONFLICT, INVALID (a group not of this school). Audited "member.move".
 */
export async function moveMember(viewer: Viewer, input: MoveMemberInput) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const { before, organisationId } = await lockMember(tx, viewer, input.memberId, input.version);
    const unionGroupId = await resolveGroup(tx, before.schoolId, input.unionGroupId);
    return saveChange(tx, viewer, "member.move", input.memberId, input.version, organisationId, before, { unionGroupId });
  });
}

/**
 * Nghỉ phép / nghỉ thai sản / trở lại công tác / đã nghỉ việc (member.manage), along
 * STATUS_CHANGES only; nobody is ever deleted. Throws NOT_FOUND, CONFLICT, STATE. Audited
 * "member.status".
 */
export async function changeMemberStatus(viewer: Viewer, input: ChangeStatusInput) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const { before, organisationId } = await lockMember(tx, viewer, input.memberId, input.version);
    if (!canChangeStatus(before.status, input.status)) {
      throw new AppError("STATE", `Không thể chuyển từ "${STATUS_LABELS[before.status]}" sang "${STATUS_LABELS[input.status]}".`);
    }
    // Leaving keeps the day and the reason asked in the dialog; any other change clears them.
    const left = input.status === "LEFT";
    return saveChange(tx, viewer, "member.status", input.memberId, input.version, organisationId, before, {
      status: input.status,
      leftOn: left ? (input.leftOn ?? null) : null,
      leftReason: left ? (input.leftReason ?? null) : null,
    });
  });
}

type MemberRow = ReturnType<typeof personData> & { id: string; unionGroupId: string | null };

/**
 * One INSERT … SELECT FROM unnest(…) for a batch: one array per column (about twenty bind
 * parameters whatever the batch size), which PostgreSQL expands into rows. Prisma's createMany
 * binds every cell (22,000 parameters a batch) and took seconds per thousand rows.
 */
async function insertMembers(tx: Tx, schoolId: string, rows: MemberRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <K extends keyof MemberRow>(k: K) => rows.map((r) => r[k]);
  const day = (k: "dateOfBirth" | "joinedUnionAt" | "contractStartAt" | "partyJoinedAt") => rows.map((r) => (r[k] ? toDateInput(r[k]) : null));
  return tx.$executeRaw`
    INSERT INTO "Member" ("id", "schoolId", "unionGroupId", "fullName", "nameSearch", "sortKey", "gender", "dateOfBirth", "position",
      "professionalGroup", "email", "phone", "joinedUnionAt", "contractStartAt", "citizenId", "ethnicity", "hometown", "unionCardNumber",
      "partyMember", "partyJoinedAt", "status", "updatedAt")
    SELECT u.id, ${schoolId}, u.grp, u.full_name, u.name_search, u.sort_key, u.gender::"Gender", u.dob::date, u.pos, u.prof, u.email, u.phone,
      u.joined::date, u.contract::date, u.cccd, u.ethnicity, u.hometown, u.card, u.party, u.party_at::date, 'ACTIVE'::"MemberStatus", now()
    FROM unnest(
      ${col("id")}::text[], ${col("unionGroupId")}::text[], ${col("fullName")}::text[], ${col("nameSearch")}::text[], ${col("sortKey")}::text[],
      ${col("gender")}::text[], ${day("dateOfBirth")}::text[], ${col("position")}::text[], ${col("professionalGroup")}::text[], ${col("email")}::text[],
      ${col("phone")}::text[], ${day("joinedUnionAt")}::text[], ${day("contractStartAt")}::text[], ${col("citizenId")}::text[], ${col("ethnicity")}::text[],
      ${col("hometown")}::text[], ${col("unionCardNumber")}::text[], ${col("partyMember")}::boolean[], ${day("partyJoinedAt")}::text[]
    ) AS u(id, grp, full_name, name_search, sort_key, gender, dob, pos, prof, email, phone, joined, contract, cccd, ethnicity, hometown, card, party, party_at)`;
}

/** Rows written per INSERT of an import (a set-based insert, not one statement per member). */
export const IMPORT_BATCH = 1000;

/**
 * Imports validated rows into a school the viewer manages (member.manage), all in one
 * transaction (all or nothing; once per form submission key), IMPORT_BATCH rows per INSERT. One "member.import" audit row for
 * the file with its count (not one per member: 10,000 rows would bury the log). Groups are
 * re-resolved inside the transaction. Throws NOT_FOUND, INVALID.
 */
export async function importMembers(viewer: Viewer, schoolId: string, rows: ValidImportRow[], meta: { fileName: string; skippedRows: number[]; submissionKey?: string }) {
  // One import per rendered form: a double click or a resend imports once (lib/server/submission.ts).
  return createOnce(
    viewer,
    "member.import",
    meta.submissionKey,
    async (tx): Promise<{ imported: number }> => {
      const school = await schoolFor(viewer, schoolId, "member.manage", tx, { id: true, unionUnitId: true });
      const groups = new Set((await tx.unionGroup.findMany({ where: { schoolId: school.id }, select: { id: true } })).map((g) => g.id));
      const stray = rows.find((r) => r.data.unionGroupId && !groups.has(r.data.unionGroupId));
      if (stray) throw new AppError("INVALID", `Dòng ${stray.row}: tổ công đoàn không còn thuộc trường.`);
      let imported = 0;
      let firstId: string | null = null;
      for (let i = 0; i < rows.length; i += IMPORT_BATCH) {
        const batch = rows.slice(i, i + IMPORT_BATCH).map(({ data }) => ({ id: `mem_${randomBytes(12).toString("base64url")}`, unionGroupId: data.unionGroupId ?? null, ...personData(data) }));
        imported += await insertMembers(tx, school.id, batch);
        firstId ??= batch[0]?.id ?? null;
      }
      await record(tx, viewer, {
        action: "member.import",
        entity: "School",
        entityId: school.id,
        schoolId: school.id,
        organisationId: school.unionUnitId,
        after: {
          fileName: meta.fileName,
          imported,
          rows: rows.length ? `${rows[0].row}–${rows[rows.length - 1].row}` : "",
          skipped: meta.skippedRows.length,
          skippedRows: meta.skippedRows.slice(0, 200),
          firstMemberId: firstId,
        },
      });
      return { imported };
    },
    { transaction: { timeout: 300_000, maxWait: 10_000 } },
  );
}
