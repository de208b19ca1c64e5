import "server-only";
// The school's side of a nomination package: build it, post it publicly, answer objections,
// submit it (and resubmit what was returned). Every state change asks the workflow table and
// is a conditional update on the old state and version; each is audited with one history event.
import { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { bySchoolScope } from "../authz/scope";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { record } from "../audit/record";
import { AppError, conflict, notFound } from "../server/errors";
import { capsAt } from "../authz/decide";
import { schoolFor } from "../authz/load";
import { todayIsoVN } from "../time";
import { titleEntry } from "../awards/catalogue";
import { formatIsoDay, periodOf, toIsoDay } from "../awards/facts";
import { postingDateRule } from "../awards/rules-dossier";
import { coverNumbering, nextDocumentNumber } from "../documents/numbering";
import { notifySchoolMembers } from "../notifications/notify";
import { evaluateAll, loadMemberFacts, settingsFor } from "../awards/facts-loader";
import { itemTransition, packageTransition, summarise, type ItemAction, type PackageAction, type PackageState } from "../awards/rules";
import { notifyUnitReviewers } from "../awards/notices";
import { computePackageChecks } from "./checks";
import { assertUnionSubmit } from "../awards/routes-union";
import { draftAchievementReport, draftCoverNote } from "./texts";
import { checkEvidence } from "../evidence/rules";
import { removeStoredFile, storeFile } from "../evidence/storage";
import type { AddDocumentInput, DeleteDocumentInput, AddEligibleInput, AddItemInput, AnswerObjectionInput, CreatePackageInput, ObjectionInput, PackageVersionInput, PostPackageInput, UpdateCoverInput, UpdateItemInput, WithdrawItemInput } from "./schemas";

type Tx = Prisma.TransactionClient;

/** A package of a school the viewer holds nomination.manage on, with the workflow check. */
async function packageFor(tx: Tx, viewer: Viewer, packageId: string, action: PackageAction) {
  const p = await tx.nominationPackage.findFirst({
    where: { id: packageId, ...bySchoolScope(viewer, "nomination.manage") },
    include: { school: { select: { id: true, name: true, unionUnitId: true } }, schoolYear: true },
  });
  if (!p) throw notFound();
  const t = packageTransition(p.status, action, capsAt(viewer, { schoolId: p.schoolId, unitId: p.school.unionUnitId }));
  if (!t.ok) throw new AppError("STATE", t.reason);
  return { ...p, to: t.to };
}

async function itemFor(tx: Tx, viewer: Viewer, itemId: string, action: ItemAction) {
  const i = await tx.nominationItem.findFirst({
    where: { id: itemId, package: bySchoolScope(viewer, "nomination.manage") },
    include: { package: { include: { school: { select: { id: true, unionUnitId: true } }, schoolYear: true } } },
  });
  if (!i) throw notFound();
  const t = itemTransition(i.status, action, capsAt(viewer, { schoolId: i.schoolId, unitId: i.package.school.unionUnitId }));
  if (!t.ok) throw new AppError("STATE", t.reason);
  return { ...i, to: t.to };
}

async function event(tx: Tx, viewer: Viewer, e: { packageId: string; itemId?: string; action: string; from?: string; to?: string; comment?: string | null }) {
  await tx.nominationEvent.create({
    data: { packageId: e.packageId, itemId: e.itemId ?? null, action: e.action, fromStatus: e.from ?? null, toStatus: e.to ?? null, comment: e.comment ?? null, actorUserId: viewer.userId, actorName: viewer.displayName },
  });
}

const orgOf = (p: { school: { unionUnitId: string } }) => p.school.unionUnitId;

/** The list part of the drafted tờ trình: live nominees counted per title. */
async function titleCounts(tx: Tx, packageId: string) {
  const rows = await tx.nominationItem.groupBy({ by: ["titleCode"], where: { packageId, status: { not: "WITHDRAWN" } }, _count: true, orderBy: { titleCode: "asc" } });
  return rows.map((r) => ({ titleName: titleEntry(r.titleCode).name, count: r._count }));
}

/** Keeps an untouched drafted tờ trình in step with the list; an edited one is left alone. */
async function syncCover(tx: Tx, p: { id: string; coverNote: string | null; school: { name: string }; schoolYear: { id: string; label: string; startsOn: Date; endsOn: Date } }, before: { titleName: string; count: number }[]) {
  const period = periodOf(p.schoolYear);
  if (p.coverNote !== draftCoverNote(p.school.name, period, before)) return;
  await tx.nominationPackage.update({ where: { id: p.id }, data: { coverNote: draftCoverNote(p.school.name, period, await titleCounts(tx, p.id)) } });
}


/** Lập hồ sơ đề nghị for a school year (nomination.manage). The receiving unit is the school's union-side unit. */
export async function createPackage(viewer: Viewer, input: CreatePackageInput): Promise<{ id: string; schoolId: string }> {
  return createOnce(viewer, "nomination.create", input.submissionKey, async (tx) => {
    const school = await schoolFor(viewer, input.schoolId, "nomination.manage", tx);
    const year = await tx.schoolYear.findUnique({ where: { id: input.schoolYearId } });
    if (!year) throw notFound();
    const n = await tx.nominationPackage.count({ where: { schoolId: school.id, schoolYearId: year.id } });
    const p = await tx.nominationPackage.create({
      data: {
        schoolId: school.id,
        schoolYearId: year.id,
        organisationId: school.unionUnitId,
        title: `Hồ sơ đề nghị khen thưởng năm học ${year.label}${n ? ` (đợt ${n + 1})` : ""}`,
        coverNote: draftCoverNote(school.name, periodOf(year), []),
        createdById: viewer.userId,
      },
    });
    await event(tx, viewer, { packageId: p.id, action: "create", to: "DRAFT" });
    await record(tx, viewer, { action: "nomination.create", entity: "NominationPackage", entityId: p.id, schoolId: school.id, organisationId: school.unionUnitId, after: { title: p.title, schoolYearId: year.id } });
    return { id: p.id, schoolId: school.id };
  });
}

/** Adds one nominee (a member, a union group or the school) to a draft package. */
export async function addItem(viewer: Viewer, input: AddItemInput): Promise<{ schoolId: string }> {
  try {
    return await createOnce(viewer, "nomination.add_item", input.submissionKey, async (tx) => {
      const p = await packageFor(tx, viewer, input.packageId, "edit");
      const before = await titleCounts(tx, p.id);
      const entry = titleEntry(input.titleCode);
      const period = periodOf(p.schoolYear);
      let subject: "MEMBER" | "UNION_GROUP" | "SCHOOL" = "SCHOOL";
      let memberId: string | null = null;
      let unionGroupId: string | null = null;
      let nomineeName = p.school.name;
      let summary: string | null = null;
      if (input.nominee.startsWith("m:")) {
        const rows = await loadMemberFacts(tx, p.schoolId, period, [input.nominee.slice(2)]);
        if (!rows.length) throw new AppError("INVALID", undefined, { nominee: ["Không tìm thấy đoàn viên này trong trường."] });
        subject = "MEMBER";
        memberId = rows[0].member.id;
        nomineeName = rows[0].member.fullName;
        summary = entry.needsAchievementReport ? draftAchievementReport(rows[0].facts, input.titleCode, period, rows[0].member.position) : null;
      } else if (input.nominee.startsWith("g:")) {
        const g = await tx.unionGroup.findFirst({ where: { id: input.nominee.slice(2), schoolId: p.schoolId }, select: { id: true, name: true } });
        if (!g) throw new AppError("INVALID", undefined, { nominee: ["Không tìm thấy tổ công đoàn này trong trường."] });
        subject = "UNION_GROUP";
        unionGroupId = g.id;
        nomineeName = g.name;
      }
      const wants = subject === "MEMBER" ? "individual" : "collective";
      if (!entry.subjects.includes(wants)) throw new AppError("INVALID", undefined, { titleCode: [`"${entry.name}" không dành cho ${wants === "individual" ? "cá nhân" : "tập thể"}.`] });
      if (subject !== "MEMBER" && (await tx.nominationItem.count({ where: { packageId: p.id, subject, unionGroupId, titleCode: input.titleCode, status: { not: "WITHDRAWN" } } })))
        throw new AppError("DUPLICATE", "Tập thể này đã có trong danh sách với hình thức này.");
      const item = await tx.nominationItem.create({
        data: {
          packageId: p.id,
          schoolId: p.schoolId,
          subject,
          memberId,
          unionGroupId,
          nomineeName,
          titleCode: input.titleCode,
          level: entry.level,
          achievementKey: input.theme ? `theme:${input.theme}` : `year:${period.startYear}`,
          achievementSummary: summary,
        },
      });
      await syncCover(tx, p, before);
      await event(tx, viewer, { packageId: p.id, itemId: item.id, action: "add", to: "DRAFT", comment: `${nomineeName} – ${entry.name}` });
      await record(tx, viewer, { action: "nomination.item_add", entity: "NominationItem", entityId: item.id, schoolId: p.schoolId, organisationId: orgOf(p), after: { nomineeName, titleCode: input.titleCode } });
      return { schoolId: p.schoolId };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("DUPLICATE", "Người này đã có trong danh sách với danh hiệu này.");
    throw e;
  }
}

/** Adds every member who qualifies for LĐTT (or CSTĐCS) and is not yet in the package. */
export async function addEligible(viewer: Viewer, input: AddEligibleInput): Promise<{ schoolId: string; added: number }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const p = await packageFor(tx, viewer, input.packageId, "edit");
    const before = await titleCounts(tx, p.id);
    const period = periodOf(p.schoolYear);
    const s = await settingsFor(tx, orgOf(p), period);
    const rows = evaluateAll(await loadMemberFacts(tx, p.schoolId, period), period, s, todayIsoVN());
    const have = new Set((await tx.nominationItem.findMany({ where: { packageId: p.id, titleCode: input.titleCode }, select: { memberId: true } })).map((i) => i.memberId));
    const entry = titleEntry(input.titleCode);
    const add = rows.filter((r) => r.verdicts.find((v) => v.title === input.titleCode)?.eligible && !have.has(r.member.id));
    // Nothing left to add (a second click, everyone already listed): no event, no audit row.
    if (!add.length) return { schoolId: p.schoolId, added: 0 };
    await tx.nominationItem.createMany({
      data: add.map((r) => ({
        packageId: p.id,
        schoolId: p.schoolId,
        subject: "MEMBER" as const,
        memberId: r.member.id,
        nomineeName: r.member.fullName,
        titleCode: input.titleCode,
        level: entry.level,
        achievementKey: `year:${period.startYear}`,
        achievementSummary: entry.needsAchievementReport ? draftAchievementReport(r.facts, input.titleCode, period, r.member.position) : null,
      })),
    });
    await syncCover(tx, p, before);
    await event(tx, viewer, { packageId: p.id, action: "add_eligible", comment: `${add.length} × ${entry.name}` });
    await record(tx, viewer, { action: "nomination.item_add_eligible", entity: "NominationPackage", entityId: p.id, schoolId: p.schoolId, organisationId: orgOf(p), after: { titleCode: input.titleCode, memberIds: add.map((r) => r.member.id) } });
    return { schoolId: p.schoolId, added: add.length };
  });
}

/** Edits a nominee's achievement report (draft or returned), version-checked. */
export async function updateItem(viewer: Viewer, input: UpdateItemInput): Promise<{ schoolId: string; packageId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const i = await itemFor(tx, viewer, input.itemId, "edit");
    const { count } = await tx.nominationItem.updateMany({ where: { id: i.id, version: input.version, status: i.status }, data: { achievementSummary: input.achievementSummary ?? null, version: { increment: 1 } } });
    if (count === 0) throw conflict();
    await event(tx, viewer, { packageId: i.packageId, itemId: i.id, action: "edit", comment: "Sửa báo cáo thành tích" });
    await record(tx, viewer, { action: "nomination.item_update", entity: "NominationItem", entityId: i.id, schoolId: i.schoolId, organisationId: i.package.school.unionUnitId, before: { achievementSummary: i.achievementSummary }, after: { achievementSummary: input.achievementSummary ?? null } });
    return { schoolId: i.schoolId, packageId: i.packageId };
  });
}

/** Rút khỏi danh sách (draft, posted or returned), version-checked. */
export async function withdrawItem(viewer: Viewer, input: WithdrawItemInput): Promise<{ schoolId: string; packageId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const i = await itemFor(tx, viewer, input.itemId, "withdraw");
    const before = await titleCounts(tx, i.packageId);
    const { count } = await tx.nominationItem.updateMany({ where: { id: i.id, version: input.version, status: i.status }, data: { status: i.to, version: { increment: 1 } } });
    if (count === 0) throw conflict();
    const pkg = await tx.nominationPackage.findUniqueOrThrow({ where: { id: i.packageId }, include: { school: { select: { name: true } }, schoolYear: true } });
    await syncCover(tx, pkg, before);
    await event(tx, viewer, { packageId: i.packageId, itemId: i.id, action: "withdraw", from: i.status, to: i.to });
    await record(tx, viewer, { action: "nomination.item_withdraw", entity: "NominationItem", entityId: i.id, schoolId: i.schoolId, organisationId: i.package.school.unionUnitId, before: { status: i.status }, after: { status: i.to } });
    return { schoolId: i.schoolId, packageId: i.packageId };
  });
}

/** Sửa nội dung tờ trình (draft or returned), version-checked. */
export async function updateCover(viewer: Viewer, input: UpdateCoverInput): Promise<{ schoolId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const p = await packageFor(tx, viewer, input.packageId, "edit");
    const { count } = await tx.nominationPackage.updateMany({ where: { id: p.id, version: input.version, status: p.status }, data: { coverNote: input.coverNote, version: { increment: 1 } } });
    if (count === 0) throw conflict();
    await record(tx, viewer, { action: "nomination.cover_update", entity: "NominationPackage", entityId: p.id, schoolId: p.schoolId, organisationId: orgOf(p), before: { coverNote: p.coverNote }, after: { coverNote: input.coverNote } });
    return { schoolId: p.schoolId };
  });
}

const EDITABLE: PackageState[] = ["DRAFT", "POSTED", "RETURNED"];
/** Enough for every nominee's papers; keeps one package from filling the disk. */
export const MAX_FILES_PER_PACKAGE = 200;

/** The package of a paper, while the school may still add or remove papers (same rule for both). */
async function editablePackage(db: Tx, viewer: Viewer, packageId: string) {
  const p = await db.nominationPackage.findFirst({ where: { id: packageId, ...bySchoolScope(viewer, "nomination.manage") }, select: { id: true, status: true, schoolId: true, school: { select: { unionUnitId: true } } } });
  if (!p) throw notFound();
  if (!EDITABLE.includes(p.status)) throw new AppError("STATE", "Hồ sơ đã gửi; không bổ sung, gỡ tài liệu được nữa.");
  return p;
}

/**
 * Adds a paper to the dossier (minh chứng, bản sao quyết định…) while the school may edit
 * (nomination.manage; draft, posted or returned). A file is checked by size, extension and first
 * bytes (lib/evidence/rules.ts), written outside public/ before the transaction and removed again
 * if the transaction fails. Throws NOT_FOUND, STATE, INVALID.
 */
export async function addDocument(viewer: Viewer, input: AddDocumentInput): Promise<{ schoolId: string; documentId: string }> {
  const db = await getDb();
  // Scope and state first: nobody else gets to write bytes to the disk.
  const found = await editablePackage(db, viewer, input.packageId);
  if (input.itemId && !(await db.nominationItem.count({ where: { id: input.itemId, packageId: found.id } }))) throw notFound();
  let file: { fileName: string; mime: string; sizeBytes: number; sha256: string; storageKey: string } | null = null;
  if (input.file) {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const check = checkEvidence(input.file.name, bytes);
    // Shown beside the file input (the form's general message says to check the marked fields).
    if (!check.ok) throw new AppError("INVALID", undefined, { file: [check.message] });
    if ((await db.dossierDocument.count({ where: { packageId: found.id, storageKey: { not: null } } })) >= MAX_FILES_PER_PACKAGE) throw new AppError("INVALID", undefined, { file: [`Mỗi hồ sơ tối đa ${MAX_FILES_PER_PACKAGE} tệp đính kèm.`] });
    const stored = await storeFile(bytes);
    file = { fileName: check.fileName, mime: check.mime, sizeBytes: bytes.length, sha256: stored.sha256, storageKey: stored.key };
  }
  try {
    // A resubmit of the same form adds nothing: its file is removed, the first paper is answered.
    return await createOnce(viewer, "nomination.document_add", input.submissionKey, async (tx) => {
      // Serialised with submit (which updates this row): a paper lands before or after, never during.
      await tx.$executeRaw`SELECT 1 FROM "NominationPackage" WHERE "id" = ${found.id} FOR UPDATE`;
      const p = await editablePackage(tx, viewer, found.id);
      const d = await tx.dossierDocument.create({
        data: {
          packageId: p.id,
          itemId: input.itemId ?? null,
          kind: input.kind,
          title: input.title,
          reference: input.reference ?? null,
          storageKey: file?.storageKey ?? null,
          fileName: file?.fileName ?? null,
          mime: file?.mime ?? null,
          sizeBytes: file?.sizeBytes ?? null,
          sha256: file?.sha256 ?? null,
          createdById: viewer.userId,
        },
        select: { id: true },
      });
      await record(tx, viewer, {
        action: "nomination.document_add",
        entity: "DossierDocument",
        entityId: d.id,
        schoolId: p.schoolId,
        organisationId: p.school.unionUnitId,
        after: { packageId: p.id, kind: input.kind, title: input.title, itemId: input.itemId ?? null, reference: input.reference ?? null, ...(file ? { fileName: file.fileName, sizeBytes: file.sizeBytes, sha256: file.sha256 } : {}) },
      });
      return { schoolId: p.schoolId, documentId: d.id };
    }, { onDuplicate: async () => { if (file) await removeStoredFile(file.storageKey); } });
  } catch (e) {
    if (file) await removeStoredFile(file.storageKey);
    throw e;
  }
}

/**
 * Gỡ a paper (and its file) from the dossier while the school may edit (nomination.manage). The
 * row goes; the audit row keeps its name and sha-256; the file is removed after the commit.
 * Throws NOT_FOUND, STATE.
 */
export async function deleteDocument(viewer: Viewer, input: DeleteDocumentInput): Promise<{ schoolId: string; packageId: string }> {
  const db = await getDb();
  const result = await db.$transaction(async (tx) => {
    const doc = await tx.dossierDocument.findFirst({
      where: { id: input.documentId, package: bySchoolScope(viewer, "nomination.manage") },
      select: { id: true, packageId: true, itemId: true, kind: true, title: true, reference: true, storageKey: true, fileName: true, sizeBytes: true, sha256: true, item: { select: { status: true } } },
    });
    if (!doc) throw notFound();
    await tx.$executeRaw`SELECT 1 FROM "NominationPackage" WHERE "id" = ${doc.packageId} FOR UPDATE`;
    const p = await editablePackage(tx, viewer, doc.packageId);
    // A nominee the upper unit has already approved (in a package returned for others) keeps its papers.
    if (doc.item && !["DRAFT", "POSTED", "RETURNED"].includes(doc.item.status)) throw new AppError("STATE", "Đề nghị này đã được xét; không gỡ tài liệu được nữa.");
    await tx.dossierDocument.delete({ where: { id: doc.id } });
    await record(tx, viewer, {
      action: "nomination.document_delete",
      entity: "DossierDocument",
      entityId: doc.id,
      schoolId: p.schoolId,
      organisationId: p.school.unionUnitId,
      before: { packageId: p.id, kind: doc.kind, title: doc.title, itemId: doc.itemId, reference: doc.reference, fileName: doc.fileName, sizeBytes: doc.sizeBytes, sha256: doc.sha256 },
    });
    return { schoolId: p.schoolId, packageId: p.id, storageKey: doc.storageKey };
  });
  if (result.storageKey) await removeStoredFile(result.storageKey);
  return { schoolId: result.schoolId, packageId: result.packageId };
}

function refusal(checks: { detail: string }[], what: string): AppError {
  return new AppError("STATE", `Chưa ${what}: ${checks.map((c) => c.detail).join("; ")}.`);
}

/** Moves the package and its items together, conditional on the package's state and version. */
async function movePackage(tx: Tx, viewer: Viewer, p: { id: string; status: PackageState; schoolId: string; school: { unionUnitId: string } }, to: PackageState, version: number, items: { from: ItemAction; data?: Prisma.NominationPackageUpdateManyMutationInput }, action: string) {
  const { count } = await tx.nominationPackage.updateMany({ where: { id: p.id, status: p.status, version }, data: { ...(items.data ?? {}), status: to, version: { increment: 1 } } });
  if (count === 0) throw conflict();
  const rule = { post: ["DRAFT", "POSTED"], unpost: ["POSTED", "DRAFT"], submit: ["POSTED", "SUBMITTED"], resubmit: ["RETURNED", "SUBMITTED"] } as Record<string, [string, string]>;
  const [from, itemTo] = rule[items.from];
  await tx.nominationItem.updateMany({ where: { packageId: p.id, status: from as never }, data: { status: itemTo as never, version: { increment: 1 } } });
  await event(tx, viewer, { packageId: p.id, action, from: p.status, to });
  await record(tx, viewer, { action: `nomination.${action}`, entity: "NominationPackage", entityId: p.id, schoolId: p.schoolId, organisationId: p.school.unionUnitId, before: { status: p.status }, after: { status: to } });
}

/**
 * Công khai danh sách (rule: votes passed, eligibility, caps first); the notice period (working
 * days) starts at postedOn, which may not precede the council's vote nor an earlier withdrawal of
 * the posting (INVALID beside the date field). The school's members are notified.
 */
export async function postPackage(viewer: Viewer, input: PostPackageInput): Promise<{ schoolId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const p = await packageFor(tx, viewer, input.packageId, "post");
    const dateCheck = postingDateRule(toIsoDay(input.postedOn), await postingFacts(tx, p.id));
    if (!dateCheck.passed) throw new AppError("INVALID", dateCheck.detail, { postedOn: [dateCheck.detail] });
    const c = await computePackageChecks(tx, p.id, todayIsoVN());
    if (c.blockingPost.length) throw refusal(c.blockingPost, "công khai được");
    await movePackage(tx, viewer, p, p.to, input.version, { from: "post", data: { postedOn: input.postedOn } }, "post");
    await notifySchoolMembers(tx, p.schoolId, `Danh sách đề nghị khen thưởng "${p.title}" được công khai từ ngày ${formatIsoDay(toIsoDay(input.postedOn))}; đoàn viên góp ý trong thời hạn công khai.`, `/truong/${p.schoolId}/de-nghi/cong-khai`);
    return { schoolId: p.schoolId };
  });
}

/** When the council last voted on the package's nominees, and when its posting was last withdrawn. */
async function postingFacts(tx: Tx, packageId: string) {
  const [meeting, unpost] = await Promise.all([
    tx.councilMeeting.findFirst({ where: { status: "CLOSED", votes: { some: { item: { packageId, status: { notIn: ["WITHDRAWN"] } } } } }, orderBy: { heldOn: "desc" }, select: { heldOn: true } }),
    tx.nominationEvent.findFirst({ where: { packageId, action: "unpost" }, orderBy: { at: "desc" }, select: { at: true } }),
  ]);
  return { today: todayIsoVN(), councilMetOn: meeting ? toIsoDay(meeting.heldOn) : null, withdrawnOn: unpost ? toIsoDay(unpost.at) : null };
}

/** Thôi công khai để sửa (objections upheld, a nominee withdrawn…). */
export async function unpostPackage(viewer: Viewer, input: PackageVersionInput): Promise<{ schoolId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const p = await packageFor(tx, viewer, input.packageId, "unpost");
    await movePackage(tx, viewer, p, p.to, input.version, { from: "unpost", data: { postedOn: null } }, "unpost");
    return { schoolId: p.schoolId };
  });
}

/**
 * Gửi (or gửi lại) cấp trên: refused with every failed check (notice period, objections,
 * deadline, votes, eligibility, caps and quotas, dossier). Quota rows are locked first so two
 * schools racing for the last place cannot both pass. Each nominee's verdict is kept as it stood.
 */
export async function submitPackage(viewer: Viewer, input: PackageVersionInput): Promise<{ schoolId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    // The union chair proposes union forms (DOMAIN.md §5): nomination.propose_union, not manage.
    const found = await tx.nominationPackage.findFirst({ where: { id: input.packageId, ...bySchoolScope(viewer, "nomination.propose_union") }, select: { status: true } });
    if (!found) throw notFound();
    const action = found.status === "RETURNED" ? "resubmit" : "submit";
    const p = await packageFor(tx, viewer, input.packageId, action);
    await assertUnionSubmit(tx, p.id);
    await tx.$executeRaw`SELECT 1 FROM "AwardQuota" WHERE "schoolYearId" = ${p.schoolYearId} FOR UPDATE`;
    const c = await computePackageChecks(tx, p.id, todayIsoVN());
    if (c.blockingSubmit.length) throw refusal(c.blockingSubmit, "gửi được");
    for (const [itemId, v] of c.verdicts) {
      await tx.nominationItem.updateMany({ where: { id: itemId, status: { in: ["POSTED", "RETURNED"] } }, data: { eligibility: JSON.parse(JSON.stringify({ ...v, summary: summarise(v) })) } });
    }
    // Số tờ trình: given at the first submission, kept when resubmitted (Nghị định 30/2020).
    const now = new Date();
    const num = p.number ? null : await nextDocumentNumber(tx, coverNumbering(p, now));
    await movePackage(tx, viewer, p, p.to, input.version, { from: action, data: { submittedAt: now, ...(num ? { number: num.number, numberYear: num.year } : {}) } }, action);
    await notifyUnitReviewers(tx, p.organisationId, `${p.school.name} đã ${action === "resubmit" ? "gửi lại" : "gửi"} hồ sơ "${p.title}" chờ duyệt.`, `/cap-tren/${p.organisationId}/duyet/${p.id}`, p.schoolId);
    return { schoolId: p.schoolId };
  });
}

/** Ý kiến phản ánh by a member of the school while the list is posted (nomination.object). */
export async function lodgeObjection(viewer: Viewer, input: ObjectionInput): Promise<{ schoolId: string }> {
  return createOnce(viewer, "nomination.objection", input.submissionKey, async (tx) => {
    const p = await tx.nominationPackage.findFirst({ where: { id: input.packageId, status: "POSTED", ...bySchoolScope(viewer, "nomination.object") }, include: { school: { select: { unionUnitId: true } } } });
    if (!p || !viewer.memberId) throw notFound();
    const me = await tx.member.findFirst({ where: { id: viewer.memberId, schoolId: p.schoolId }, select: { id: true } });
    if (!me) throw notFound();
    if (input.itemId && !(await tx.nominationItem.count({ where: { id: input.itemId, packageId: p.id, status: "POSTED" } }))) throw notFound();
    const o = await tx.nominationObjection.create({ data: { packageId: p.id, itemId: input.itemId ?? null, memberId: me.id, body: input.body, evidence: input.evidence ?? null } });
    await event(tx, viewer, { packageId: p.id, itemId: input.itemId, action: "objection", comment: input.body });
    await record(tx, viewer, { action: "nomination.objection", entity: "NominationObjection", entityId: o.id, schoolId: p.schoolId, organisationId: p.school.unionUnitId, after: { itemId: input.itemId ?? null } });
    return { schoolId: p.schoolId };
  });
}

/** The council's answer to an objection (nomination.manage), logged and shown to the member. */
export async function answerObjection(viewer: Viewer, input: AnswerObjectionInput): Promise<{ schoolId: string; packageId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const o = await tx.nominationObjection.findFirst({ where: { id: input.objectionId, package: bySchoolScope(viewer, "nomination.manage") }, include: { package: { include: { school: { select: { unionUnitId: true } } } } } });
    if (!o) throw notFound();
    const { count } = await tx.nominationObjection.updateMany({ where: { id: o.id, version: input.version }, data: { answer: input.answer, answeredAt: new Date(), answeredById: viewer.userId, version: { increment: 1 } } });
    if (count === 0) throw conflict();
    await event(tx, viewer, { packageId: o.packageId, itemId: o.itemId ?? undefined, action: "objection_answer", comment: input.answer });
    await record(tx, viewer, { action: "nomination.objection_answer", entity: "NominationObjection", entityId: o.id, schoolId: o.package.schoolId, organisationId: o.package.school.unionUnitId, before: { answer: o.answer }, after: { answer: input.answer } });
    return { schoolId: o.package.schoolId, packageId: o.packageId };
  });
}

