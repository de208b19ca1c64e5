import "server-only";
// Chỉ tiêu khen thưởng (DOMAIN.md §6 rule 11): an upper unit caps how many of a title its schools
// may propose in a school year, for the whole unit or for one school. The screen reads the quotas
// and the usage exactly as the submission check does (lib/nominations/checks.ts): quotas of the
// school's unit and the units above it, for the year; "used" = nominees already sent (COUNTED) in
// the school (a school's quota) or in every school under the unit (a unit's quota).
import type { Prisma } from "../generated/prisma/client";
import { can, type Viewer } from "../authz/permissions";
import { schoolScope } from "../authz/scope";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { record } from "../audit/record";
import { AppError, conflict, notFound } from "../server/errors";
import { unitAncestors, unitDescendants } from "../orgs/tree";
import { unitFor, schoolFor } from "../authz/load";
import { yearFor } from "./years";
import { titleName } from "./catalogue";
import { COUNTED, LIVE } from "../nominations/checks";
import type { CreateQuotaInput, DeleteQuotaInput, UpdateQuotaInput } from "./schemas";
import { orgScope } from "../authz/scope";
import { byVietnameseName } from "../format";

type Tx = Prisma.TransactionClient;

/** Quota rows the viewer may change: those of the units they serve with award.settings. */
function quotaScope(viewer: Viewer): Prisma.AwardQuotaWhereInput {
  return orgScope(viewer, "award.settings");
}

interface Usage {
  used: number;
  pending: number;
}

/**
 * The quota screen of an upper unit for a school year (award.read; editing needs award.settings):
 * the unit's own quotas with what is used and in preparation, the quotas set by units above it
 * (read only, without other units' numbers), and per school each quota's title nominated vs the
 * school's quota. Only the unit's schools are listed. Throws NOT_FOUND.
 */
export async function getQuotaPage(viewer: Viewer, unitId: string, yearId?: string) {
  const db = await getDb();
  const unit = await unitFor(viewer, unitId, "award.read");
  const { year, years } = await yearFor(db, yearId);
  const [tree, chain] = await Promise.all([unitDescendants(db, unit.id), unitAncestors(db, unit.id)]);
  const schoolWhere: Prisma.SchoolWhereInput = { AND: [{ unionUnitId: { in: tree } }, schoolScope(viewer, "award.read")] };
  const [schools, own, usage] = await Promise.all([
    db.school.findMany({ where: schoolWhere, select: { id: true, name: true }, orderBy: { name: "asc" } }).then(byVietnameseName),
    db.awardQuota.findMany({ where: { organisationId: unit.id, schoolYearId: year.id }, orderBy: [{ createdAt: "asc" }] }),
    // One grouped read for every number on the page (no query per row).
    db.nominationItem.groupBy({ by: ["schoolId", "titleCode", "status"], where: { status: { in: LIVE }, package: { schoolYearId: year.id, school: schoolWhere } }, _count: { _all: true } }),
  ]);
  const schoolIds = schools.map((s) => s.id);
  const inherited = chain.length > 1 ? await db.awardQuota.findMany({ where: { organisationId: { in: chain.slice(1) }, schoolYearId: year.id, OR: [{ schoolId: null }, { schoolId: { in: schoolIds } }] }, include: { organisation: { select: { name: true } } }, orderBy: { createdAt: "asc" } }) : [];
  const names = new Map(schools.map((s) => [s.id, s.name]));

  const count = (titleCode: string, schoolId: string | null): Usage => {
    const out = { used: 0, pending: 0 };
    for (const g of usage) {
      if (g.titleCode !== titleCode || (schoolId && g.schoolId !== schoolId)) continue;
      if (COUNTED.includes(g.status)) out.used += g._count._all;
      else out.pending += g._count._all;
    }
    return out;
  };
  const rows = own.map((q) => ({
    id: q.id,
    version: q.version,
    schoolId: q.schoolId,
    scopeName: q.schoolId ? (names.get(q.schoolId) ?? "Trường không còn trực thuộc đơn vị") : `Toàn ${unit.name}`,
    titleCode: q.titleCode,
    titleName: titleName(q.titleCode),
    max: q.max,
    basis: q.basis,
    ...count(q.titleCode, q.schoolId),
  }));
  rows.sort((a, b) => Number(!!a.schoolId) - Number(!!b.schoolId) || a.scopeName.localeCompare(b.scopeName, "vi") || a.titleName.localeCompare(b.titleName, "vi"));

  // Per school: every title that has a quota, nominated vs the school's own quota.
  const titles = [...new Set([...own, ...inherited].map((q) => q.titleCode))].sort((a, b) => titleName(a).localeCompare(titleName(b), "vi"));
  const bySchool = schools.map((s) => ({
    id: s.id,
    name: s.name,
    cells: titles.map((t) => {
      const q = own.find((x) => x.schoolId === s.id && x.titleCode === t);
      return { titleCode: t, max: q ? q.max : null, ...count(t, s.id) };
    }),
  }));

  return {
    unit,
    year: { id: year.id, label: year.label },
    years: years.map((y) => ({ id: y.id, label: y.label })),
    schools,
    rows,
    inherited: inherited.map((q) => ({ id: q.id, unitName: q.organisation.name, scopeName: q.schoolId ? (names.get(q.schoolId) ?? "") : `Toàn ${q.organisation.name}`, titleName: titleName(q.titleCode), max: q.max, basis: q.basis })),
    titles: titles.map((t) => ({ code: t, name: titleName(t) })),
    bySchool,
    canEdit: can(viewer, "award.settings", { unitId: unit.id }),
  };
}

function snapshot(q: { schoolId: string | null; titleCode: string; max: number; basis: string | null; schoolYearId: string }) {
  return { schoolYearId: q.schoolYearId, schoolId: q.schoolId, titleCode: q.titleCode, max: q.max, basis: q.basis };
}

/**
 * Quota writes of one unit run one at a time (no two equal quotas from two tabs). NO KEY UPDATE:
 * rows that merely reference the unit (audit, packages) are not held up, so a submission holding
 * the quota rows cannot deadlock with this.
 */
async function lockUnit(tx: Tx, organisationId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Organisation" WHERE "id" = ${organisationId} FOR NO KEY UPDATE`;
}

/**
 * Adds a quota for the unit's schools or for one of them (award.settings at the unit). The school
 * is looked up among the unit's schools (another unit's school: NOT_FOUND). DUPLICATE when the
 * same title already has a quota for that scope and year. Audited.
 */
export async function createQuota(viewer: Viewer, input: CreateQuotaInput): Promise<{ unitId: string; id: string }> {
  return createOnce(viewer, "quota.create", input.submissionKey, async (tx) => {
    const unit = await unitFor(viewer, input.unitId, "award.settings", tx);
    const year = await tx.schoolYear.findUnique({ where: { id: input.schoolYearId }, select: { id: true } });
    if (!year) throw notFound();
    let schoolId: string | null = null;
    if (input.schoolId) {
      const tree = await unitDescendants(tx, unit.id);
      const school = await schoolFor(viewer, input.schoolId, "award.settings", tx, { id: true, unionUnitId: true });
      if (!tree.includes(school.unionUnitId)) throw notFound();
      schoolId = school.id;
    }
    await lockUnit(tx, unit.id);
    const same = await tx.awardQuota.count({ where: { organisationId: unit.id, schoolYearId: year.id, schoolId, titleCode: input.titleCode } });
    if (same) throw new AppError("DUPLICATE", "Đã có chỉ tiêu cho danh hiệu này trong phạm vi và năm học đã chọn; hãy sửa chỉ tiêu đó.");
    const data = { organisationId: unit.id, schoolYearId: year.id, schoolId, titleCode: input.titleCode, max: input.max, basis: input.basis };
    const q = await tx.awardQuota.create({ data, select: { id: true } });
    await record(tx, viewer, { action: "award_quota.create", entity: "AwardQuota", entityId: q.id, organisationId: unit.id, schoolId, after: snapshot(data) });
    return { unitId: unit.id, id: q.id };
  });
}

/** The quota by id within the viewer's units, locked for the write; NOT_FOUND otherwise. */
async function quotaFor(tx: Tx, viewer: Viewer, quotaId: string) {
  const q = await tx.awardQuota.findFirst({ where: { AND: [{ id: quotaId }, quotaScope(viewer)] } });
  if (!q) throw notFound();
  await unitFor(viewer, q.organisationId, "award.settings", tx);
  await lockUnit(tx, q.organisationId);
  return q;
}

/** Changes a quota's number and basis, version-checked (CONFLICT). Audited with before/after. */
export async function updateQuota(viewer: Viewer, input: UpdateQuotaInput): Promise<{ unitId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const q = await quotaFor(tx, viewer, input.quotaId);
    const { count } = await tx.awardQuota.updateMany({ where: { id: q.id, version: input.version }, data: { max: input.max, basis: input.basis, version: { increment: 1 } } });
    if (count === 0) throw conflict();
    await record(tx, viewer, { action: "award_quota.update", entity: "AwardQuota", entityId: q.id, organisationId: q.organisationId, schoolId: q.schoolId, before: snapshot(q), after: snapshot({ ...q, max: input.max, basis: input.basis }) });
    return { unitId: q.organisationId };
  });
}

/** Removes a quota, version-checked (CONFLICT). Audited with what it was. */
export async function deleteQuota(viewer: Viewer, input: DeleteQuotaInput): Promise<{ unitId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const q = await quotaFor(tx, viewer, input.quotaId);
    const { count } = await tx.awardQuota.deleteMany({ where: { id: q.id, version: input.version } });
    if (count === 0) throw conflict();
    await record(tx, viewer, { action: "award_quota.delete", entity: "AwardQuota", entityId: q.id, organisationId: q.organisationId, schoolId: q.schoolId, before: snapshot(q) });
    return { unitId: q.organisationId };
  });
}
