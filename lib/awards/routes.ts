import "server-only";
// Two routes leave one school (DOMAIN.md §5, issue 12). After the council vote and the public
// posting, splitPackage() groups the school's proposals by deciding body: union forms stay in the
// package that goes to the upper union (which reviews and decides as before); each government body
// gets its own package (route STATE) with its own tờ trình signed by the principal. The school
// prints that dossier, marks it sent (markStateSent) and records the authority's decision when it
// comes back (recordStateDecision): number, date, issuer, signer and a scan; the awards then enter
// the registry like any other.
import { coverNumbering, nextDocumentNumber } from "../documents/numbering";
import { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { bySchoolScope } from "../authz/scope";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { record } from "../audit/record";
import { AppError, conflict, notFound } from "../server/errors";
import { checkEvidence } from "../evidence/rules";
import { removeStoredFile, storeFile } from "../evidence/storage";
import { capsAt } from "../authz/decide";
import { todayIsoVN } from "../time";
import type { Db } from "../authz/load";
import { AUTHORITY_DEFAULTS, decidingBody, routeKey, type AuthorityRow, type AuthorityVerdict, type ManagerKind, type SchoolContext } from "./authority";
import { CATALOGUE, titleEntry, titleName, levelRank, type AwardLevelCode } from "./catalogue";
import { toIsoDay } from "./facts";
import { itemTransition, packageTransition, summarise } from "./rules";
import { notifySchoolManagers } from "./notices";
import { notifyAwardedMembers } from "../notifications/notify";
import { computePackageChecks } from "../nominations/checks";
import { draftRouteCover } from "./routes-text";
import { settlePackage } from "../nominations/review";
import type { MarkSentInput, RecordStateDecisionInput, SplitPackageInput } from "./routes-schemas";

type Tx = Prisma.TransactionClient;

/** The authority table: the admin-edited rows, or the seed when the table is empty. */
export async function loadAuthorities(db: Db): Promise<AuthorityRow[]> {
  const rows = await db.awardAuthority.findMany({ orderBy: [{ titleCode: "asc" }, { validFrom: "asc" }] });
  if (!rows.length) return [...AUTHORITY_DEFAULTS];
  return rows.map((r) => ({
    id: r.id,
    titleCode: r.titleCode,
    side: r.side,
    bodyKind: r.bodyKind,
    bodyName: r.bodyName,
    schoolManager: (r.schoolManager as ManagerKind | null) ?? null,
    level: r.level,
    proposerRole: r.proposerRole === "PRINCIPAL" ? "PRINCIPAL" : "UNION_CHAIR",
    basis: r.basis,
    source: r.source,
    validFrom: toIsoDay(r.validFrom),
    validTo: r.validTo ? toIsoDay(r.validTo) : null,
  }));
}

export function contextOf(school: { govUnit: { type: string } | null }): SchoolContext {
  return { manager: (school.govUnit?.type as ManagerKind | undefined) ?? null };
}

/** "Chủ tịch UBND xã Sơn Thủy" when the body is the unit managing the school, else the table's name. */
export function authorityNameFor(v: AuthorityVerdict, school: { govUnit: { name: string; type: string } | null; unionUnit: { name: string } }): string {
  if (v.side === "UNION") return v.bodyKind === "CD_CAP_TREN" ? `Ban Thường vụ ${school.unionUnit.name}` : v.bodyName;
  const g = school.govUnit;
  if (g && g.type === v.bodyKind) {
    if (g.type === "UBND_XA") return `Chủ tịch ${g.name.replace(/^UBND/, "Ủy ban nhân dân")}`;
    if (g.type === "SO_GD") return `Giám đốc ${g.name}`;
    if (g.type === "PHONG_GD") return `Trưởng phòng ${g.name.replace(/^Phòng /, "")}`;
  }
  return v.bodyName;
}

const SCHOOL_SELECT = { id: true, name: true, unionUnitId: true, govUnitId: true, govUnit: { select: { id: true, name: true, type: true, parent: { select: { name: true } } } }, unionUnit: { select: { id: true, name: true } } } as const;

export interface RouteGroup {
  key: string;
  side: "UNION" | "STATE";
  authorityName: string;
  proposer: string;
  basis: string;
  itemIds: string[];
  titles: string[];
}

/**
 * How a package's live proposals split by deciding body, on `isoDay`. Proposals with no known
 * body are listed under `unknown` (the school must withdraw or change them).
 */
export async function routeGroups(db: Db, packageId: string, isoDay = todayIsoVN()) {
  const p = await db.nominationPackage.findUniqueOrThrow({ where: { id: packageId }, select: { id: true, school: { select: SCHOOL_SELECT }, items: { where: { status: { not: "WITHDRAWN" } }, select: { id: true, titleCode: true, nomineeName: true } } } });
  const rows = await loadAuthorities(db);
  const ctx = contextOf(p.school);
  const groups = new Map<string, RouteGroup>();
  const unknown: { id: string; nomineeName: string; titleCode: string }[] = [];
  for (const i of p.items) {
    const v = decidingBody(i.titleCode, ctx, isoDay, rows);
    if (!v) {
      unknown.push(i);
      continue;
    }
    const key = routeKey(v);
    const g = groups.get(key) ?? { key, side: v.side, authorityName: authorityNameFor(v, p.school), proposer: v.side === "STATE" ? "Hiệu trưởng" : "Chủ tịch Công đoàn cơ sở (TM. Ban Chấp hành)", basis: v.basis, itemIds: [], titles: [] };
    g.itemIds.push(i.id);
    if (!g.titles.includes(titleEntry(i.titleCode).name)) g.titles.push(titleEntry(i.titleCode).name);
    groups.set(key, g);
  }
  return { school: p.school, groups: [...groups.values()].sort((a, b) => (a.side === b.side ? a.key.localeCompare(b.key) : a.side === "UNION" ? -1 : 1)), unknown };
}

async function event(tx: Tx, viewer: Viewer, e: { packageId: string; itemId?: string; action: string; from?: string; to?: string; comment?: string | null }) {
  await tx.nominationEvent.create({ data: { packageId: e.packageId, itemId: e.itemId ?? null, action: e.action, fromStatus: e.from ?? null, toStatus: e.to ?? null, comment: e.comment ?? null, actorUserId: viewer.userId, actorName: viewer.displayName } });
}

async function countsOf(tx: Tx, packageId: string) {
  const rows = await tx.nominationItem.groupBy({ by: ["titleCode"], where: { packageId, status: { not: "WITHDRAWN" } }, _count: true, orderBy: { titleCode: "asc" } });
  return rows.map((r) => ({ titleName: titleEntry(r.titleCode).name, count: r._count }));
}

/**
 * Tách hồ sơ theo cấp quyết định (nomination.manage; the package posted, not yet sent). Union
 * proposals stay in this package (to the upper union, tờ trình of the BCH signed by the chair);
 * each government body gets a new package (route STATE) with its proposals, their papers and
 * objections. A package of one route only is marked with it. Throws NOT_FOUND, STATE, CONFLICT.
 */
export async function splitPackage(viewer: Viewer, input: SplitPackageInput): Promise<{ schoolId: string; packageIds: string[] }> {
  // One split per form submission: a resent form answers with the first split (lib/server/submission.ts).
  return createOnce(viewer, "nomination.split", input.submissionKey, async (tx) => {
    const p = await tx.nominationPackage.findFirst({ where: { id: input.packageId, ...bySchoolScope(viewer, "nomination.manage") }, include: { school: { select: SCHOOL_SELECT }, schoolYear: { select: { label: true } } } });
    if (!p) throw notFound();
    const t = packageTransition(p.status, "split", capsAt(viewer, { schoolId: p.schoolId, unitId: p.school.unionUnitId }));
    if (!t.ok) throw new AppError("STATE", t.reason);
    if (p.splitFromId || p.sentAt || p.authorityKind) throw new AppError("STATE", "Hồ sơ này đã được tách theo cấp quyết định.");
    const { groups, unknown } = await routeGroups(tx, p.id);
    if (unknown.length) throw new AppError("STATE", `Chưa xác định được cơ quan có thẩm quyền quyết định cho: ${unknown.map((u) => `${u.nomineeName} – ${titleEntry(u.titleCode).name}`).join("; ")}. Rút các đề nghị này hoặc bổ sung bảng thẩm quyền.`);
    if (!groups.length) throw new AppError("STATE", "Hồ sơ chưa có đề nghị nào.");
    const state = groups.filter((g) => g.side === "STATE");
    if (state.length && !p.school.govUnitId) throw new AppError("STATE", "Trường chưa khai báo cơ quan quản lý nhà nước; không gửi được danh hiệu thi đua của Nhà nước.");
    // The upper union's group keeps the package (the school BCH's forms stay in it too, decided at the school).
    const union = groups.find((g) => g.key === "UNION") ?? groups.find((g) => g.side === "UNION");
    const { count } = await tx.nominationPackage.updateMany({ where: { id: p.id, status: p.status, version: input.version }, data: { version: { increment: 1 } } });
    if (count === 0) throw conflict();
    const created: string[] = [];
    // The union group keeps this package; without one, the first government group takes it over.
    const keep = union ?? state[0];
    const movers = union ? state : state.slice(1);
    for (const g of movers) {
      const np = await tx.nominationPackage.create({
        data: {
          schoolId: p.schoolId,
          schoolYearId: p.schoolYearId,
          organisationId: p.school.govUnitId!,
          title: `${p.title} – gửi ${g.authorityName}`,
          status: "POSTED",
          postedOn: p.postedOn,
          deadline: p.deadline,
          route: "STATE",
          authorityKind: g.key,
          authorityName: g.authorityName,
          splitFromId: p.id,
          createdById: viewer.userId,
        },
      });
      await tx.nominationItem.updateMany({ where: { id: { in: g.itemIds } }, data: { packageId: np.id, version: { increment: 1 } } });
      await tx.dossierDocument.updateMany({ where: { packageId: p.id, itemId: { in: g.itemIds } }, data: { packageId: np.id } });
      await tx.nominationObjection.updateMany({ where: { packageId: p.id, itemId: { in: g.itemIds } }, data: { packageId: np.id } });
      await tx.nominationPackage.update({ where: { id: np.id }, data: { coverNote: draftRouteCover(p.school.name, p.schoolYear.label, g.authorityName, "STATE", await countsOf(tx, np.id)) } });
      await event(tx, viewer, { packageId: np.id, action: "split", to: "POSTED", comment: `Tách từ "${p.title}": ${g.itemIds.length} đề nghị gửi ${g.authorityName}` });
      await record(tx, viewer, { action: "nomination.split", entity: "NominationPackage", entityId: np.id, schoolId: p.schoolId, organisationId: p.school.unionUnitId, after: { from: p.id, route: "STATE", authority: g.authorityName, itemIds: g.itemIds } });
      created.push(np.id);
    }
    await tx.nominationPackage.update({
      where: { id: p.id },
      data: {
        route: keep.side,
        authorityKind: keep.key,
        authorityName: keep.authorityName,
        organisationId: keep.side === "STATE" ? p.school.govUnitId! : p.organisationId,
        coverNote: draftRouteCover(p.school.name, p.schoolYear.label, keep.authorityName, keep.side, await countsOf(tx, p.id)),
      },
    });
    await event(tx, viewer, { packageId: p.id, action: "split", comment: groups.map((g) => `${g.authorityName}: ${g.itemIds.length}`).join("; ") });
    await record(tx, viewer, { action: "nomination.split", entity: "NominationPackage", entityId: p.id, schoolId: p.schoolId, organisationId: p.school.unionUnitId, before: { route: p.route }, after: { route: keep.side, authority: keep.authorityName, split: created } });
    return { schoolId: p.schoolId, packageIds: [p.id, ...created] };
  });
}

/** A STATE package of a school where the viewer holds `cap`, or NOT_FOUND. */
async function statePackage(tx: Tx, viewer: Viewer, packageId: string, cap: "nomination.propose_state" | "decision.record_external") {
  const p = await tx.nominationPackage.findFirst({ where: { id: packageId, route: "STATE", ...bySchoolScope(viewer, cap) }, include: { school: { select: SCHOOL_SELECT }, schoolYear: { select: { id: true, label: true } } } });
  if (!p) throw notFound();
  return p;
}

/**
 * Đánh dấu đã gửi hồ sơ đến cơ quan nhà nước (nomination.propose_state: the principal). The same
 * checks as a submission to the upper union (notice period, votes, eligibility, caps, dossier);
 * each nominee's verdict is kept as it stood. Throws NOT_FOUND, STATE, CONFLICT.
 */
export async function markStateSent(viewer: Viewer, input: MarkSentInput): Promise<{ schoolId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const p = await statePackage(tx, viewer, input.packageId, "nomination.propose_state");
    const t = packageTransition(p.status, "send", capsAt(viewer, { schoolId: p.schoolId, unitId: p.school.unionUnitId }));
    if (!t.ok) throw new AppError("STATE", t.reason);
    const c = await computePackageChecks(tx, p.id, todayIsoVN());
    if (c.blockingSubmit.length) throw new AppError("STATE", `Chưa gửi được: ${c.blockingSubmit.map((x) => x.detail).join("; ")}.`);
    for (const [itemId, v] of c.verdicts) await tx.nominationItem.updateMany({ where: { id: itemId, status: "POSTED" }, data: { eligibility: JSON.parse(JSON.stringify({ ...v, summary: summarise(v) })) } });
    const now = new Date();
    // Số tờ trình of the school (lib/documents/numbering.ts), given when first sent.
    const num = p.number ? null : await nextDocumentNumber(tx, coverNumbering(p, now));
    const { count } = await tx.nominationPackage.updateMany({ where: { id: p.id, status: p.status, version: input.version }, data: { status: t.to, submittedAt: now, sentAt: now, sentById: viewer.userId, ...(num ? { number: num.number, numberYear: num.year } : {}), version: { increment: 1 } } });
    if (count === 0) throw conflict();
    await tx.nominationItem.updateMany({ where: { packageId: p.id, status: "POSTED" }, data: { status: "SUBMITTED", version: { increment: 1 } } });
    await event(tx, viewer, { packageId: p.id, action: "send", from: p.status, to: t.to, comment: `Gửi ${p.authorityName ?? "cơ quan có thẩm quyền"}` });
    await record(tx, viewer, { action: "nomination.send", entity: "NominationPackage", entityId: p.id, schoolId: p.schoolId, organisationId: p.school.unionUnitId, before: { status: p.status }, after: { status: t.to, authority: p.authorityName } });
    return { schoolId: p.schoolId };
  });
}

/**
 * Ghi nhận quyết định của cơ quan nhà nước (decision.record_external: the principal of the school):
 * a decision row (side STATE, filed under the unit managing the school, with the scan of the signed
 * paper, checked like any evidence) and one award per nominee sent; the nominees DECIDED, the
 * package settled. Decided records stay immutable. Throws NOT_FOUND, STATE, INVALID, DUPLICATE.
 */
export async function recordStateDecision(viewer: Viewer, input: RecordStateDecisionInput): Promise<{ schoolId: string; packageId: string; decisionId: string }> {
  const db = await getDb();
  // Scope first: nobody else gets to write bytes to the disk. (The state is checked in the
  // transaction: a resent form of a recorded decision answers with the first record.)
  const found = await statePackage(db as unknown as Tx, viewer, input.packageId, "decision.record_external");
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const check = checkEvidence(input.file.name, bytes);
  if (!check.ok) throw new AppError("INVALID", undefined, { file: [check.message] });
  if (!["application/pdf", "image/jpeg", "image/png"].includes(check.mime)) throw new AppError("INVALID", undefined, { file: ["Bản chụp quyết định phải là PDF hoặc ảnh (JPG, PNG)."] });
  const stored = await storeFile(bytes);
  try {
    return await createOnce(viewer, "nomination.recordState", input.submissionKey, async (tx) => {
      const p = await statePackage(tx, viewer, found.id, "decision.record_external");
      // Sent and waiting; or decided, with nominees whose decision the authority revoked (ADR 0010).
      if (p.status !== "SUBMITTED" && p.status !== "DECIDED") throw new AppError("STATE", "Chỉ ghi nhận quyết định cho hồ sơ đã gửi cơ quan có thẩm quyền.");
      const roles = capsAt(viewer, { schoolId: p.schoolId, unitId: p.school.unionUnitId });
      const items = await tx.nominationItem.findMany({ where: { packageId: p.id, status: { in: p.status === "SUBMITTED" ? ["SUBMITTED"] : ["REVOKED"] } } });
      if (!items.length) throw new AppError("STATE", p.status === "SUBMITTED" ? "Hồ sơ không còn đề nghị nào chờ quyết định." : "Chỉ ghi nhận quyết định cho hồ sơ đã gửi cơ quan có thẩm quyền.");
      const level = items.map((i) => i.level as AwardLevelCode).reduce((a, b) => (levelRank(b) > levelRank(a) ? b : a));
      const d = await tx.awardDecision.create({
        data: {
          organisationId: p.organisationId,
          schoolYearId: p.schoolYearId,
          number: input.number,
          signedOn: input.signedOn,
          signerName: input.signerName,
          signerTitle: input.signerTitle,
          issuerName: input.issuerName,
          issuerParent: input.issuerParent ?? null,
          level,
          summary: input.summary ?? null,
          side: "STATE",
          schoolId: p.schoolId,
          scanStorageKey: stored.key,
          scanFileName: check.fileName,
          scanMime: check.mime,
          scanSizeBytes: bytes.length,
          scanSha256: stored.sha256,
          createdById: viewer.userId,
        },
      });
      for (const i of items) {
        const t = itemTransition(i.status, "recordState", roles);
        if (!t.ok) throw new AppError("STATE", t.reason);
        // The nominee moves first: once an Award names it, the record trigger freezes the row.
        const { count } = await tx.nominationItem.updateMany({ where: { id: i.id, status: i.status }, data: { status: t.to, version: { increment: 1 } } });
        if (count === 0) throw conflict();
        await tx.award.create({
          data: { decisionId: d.id, schoolId: i.schoolId, schoolYearId: p.schoolYearId, subject: i.subject, memberId: i.memberId, unionGroupId: i.unionGroupId, recipientName: i.nomineeName, titleCode: i.titleCode, level: i.level, achievementKey: i.achievementKey, thematic: !!CATALOGUE.get(i.titleCode)?.thematic || i.achievementKey.startsWith("theme:"), nominationItemId: i.id },
        });
        await event(tx, viewer, { packageId: p.id, itemId: i.id, action: "recordState", from: i.status, to: t.to, comment: `Quyết định số ${input.number} của ${input.issuerName}` });
      }
      await settlePackage(tx, viewer, p.id);
      await notifySchoolManagers(tx, p.schoolId, `Đã ghi nhận Quyết định số ${input.number} của ${input.issuerName}.`, `/truong/${p.schoolId}/de-nghi/so-khen-thuong`);
      await notifyAwardedMembers(tx, items.map((i) => ({ memberId: i.memberId, schoolId: i.schoolId, title: titleName(i.titleCode) })), { number: input.number, issuerName: input.issuerName });
      await record(tx, viewer, { action: "nomination.recordState", entity: "AwardDecision", entityId: d.id, schoolId: p.schoolId, organisationId: p.school.unionUnitId, after: { number: input.number, signedOn: input.signedOn, issuerName: input.issuerName, signerName: input.signerName, itemIds: items.map((i) => i.id), scan: { fileName: check.fileName, sizeBytes: bytes.length, sha256: stored.sha256 } } });
      return { schoolId: p.schoolId, packageId: p.id, decisionId: d.id };
    }, { onDuplicate: () => removeStoredFile(stored.key) });
  } catch (e) {
    await removeStoredFile(stored.key);
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("DUPLICATE", undefined, { number: ["Số quyết định này đã được ghi nhận cho cơ quan này."] });
    throw e;
  }
}
