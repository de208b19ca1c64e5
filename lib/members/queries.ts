import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { getDb } from "../server/db";
import { can, type Capability, type Viewer } from "../authz/permissions";
import { memberScope } from "../authz/scope";
import { schoolFor } from "../authz/load";
import { notFound } from "../server/errors";
import { formatDate } from "../format";
import { rankMatches, searchWords } from "./union-fields";
import { canListMembers, GENDER_LABELS, personKey, statusFilter, STATUS_LABELS, type ImportContext } from "./rules";
import type { ExportRow } from "./excel";

export const MEMBERS_PAGE_SIZE = 50;
/** An export is the whole filtered list; a school has hundreds, this bounds a mistake. */
const EXPORT_LIMIT = 20_000;

/** The school, when the viewer holds `cap` there (another school's id: NOT_FOUND). */
export async function getSchoolForMembers(viewer: Viewer, schoolId: string, cap: Capability) {
  return schoolFor(viewer, schoolId, cap, await getDb(), { id: true, code: true, name: true, unionUnitId: true });
}

export interface MemberFilters {
  /** Free text, matched against the folded name. */
  q?: string;
  /** A union group id, or "chua-xep" for members without one. */
  groupId?: string;
  /** A STATUS_FILTERS slug. */
  status?: string;
  /** One Excel import: a member it wrote (the audit entry's firstMemberId); the list shows every member written with it. */
  importedWith?: string;
}

/**
 * The members one import wrote: one transaction inserted them all, so they share its start time
 * (createdAt defaults to now()). Null when the id is not a member of the school.
 */
async function importBatchTime(schoolId: string, memberId: string): Promise<Date | null> {
  const db = await getDb();
  return (await db.member.findFirst({ where: { id: memberId, schoolId }, select: { createdAt: true } }))?.createdAt ?? null;
}

/** The viewer's scope AND the school AND the filters (AND, so no OR of a scope is overwritten). */
function filterWhere(viewer: Viewer, cap: Capability, schoolId: string, f: MemberFilters, batchAt: Date | null = null): Prisma.MemberWhereInput {
  const and: Prisma.MemberWhereInput[] = [memberScope(viewer, cap), { schoolId }];
  // Every typed word starts a word of the folded name: "yen" finds "hai yen", not "nguyen".
  for (const w of f.q ? searchWords(f.q).folded : []) and.push({ OR: [{ nameSearch: { startsWith: w } }, { nameSearch: { contains: ` ${w}` } }] });
  if (f.groupId === "chua-xep") and.push({ unionGroupId: null });
  else if (f.groupId) and.push({ unionGroupId: f.groupId });
  and.push({ status: { in: [...statusFilter(f.status).statuses] } });
  if (f.importedWith) and.push({ createdAt: batchAt ?? new Date(0) });
  return { AND: and };
}

/** What a list row shows (a DTO: no raw rows to the client). */
export interface MemberListItem {
  id: string;
  fullName: string;
  gender: string;
  dateOfBirth: string;
  position: string;
  unionGroup: string;
  status: keyof typeof STATUS_LABELS;
}

/**
 * A page of a school's members the viewer may read (member.read: chair/principal the school,
 * upper staff their schools, a group leader their group, a member themselves), in Vietnamese
 * order (given name first), 50 a page. Throws NOT_FOUND for a school outside the viewer's reach.
 */
export async function listMembers(viewer: Viewer, schoolId: string, filters: MemberFilters, page: number) {
  const school = await getSchoolForMembers(viewer, schoolId, "member.read");
  if (!canListMembers(viewer, school)) throw notFound();
  const db = await getDb();
  const where = filterWhere(viewer, "member.read", school.id, filters, filters.importedWith ? await importBatchTime(school.id, filters.importedWith) : null);
  const select = { id: true, fullName: true, gender: true, dateOfBirth: true, position: true, status: true, unionGroup: { select: { name: true } } } as const;
  let total: number;
  let rows: Prisma.MemberGetPayload<{ select: typeof select }>[];
  if (filters.q && searchWords(filters.q).folded.length) {
    // A search is ranked (exact diacritics, whole words first): the matches' names are read and
    // ordered here (a few columns of at most a school's members), then one page is loaded.
    const matches = rankMatches(await db.member.findMany({ where, select: { id: true, fullName: true, sortKey: true } }), filters.q);
    total = matches.length;
    const ids = matches.slice((page - 1) * MEMBERS_PAGE_SIZE, page * MEMBERS_PAGE_SIZE).map((m) => m.id);
    const byId = new Map((ids.length ? await db.member.findMany({ where: { id: { in: ids } }, select }) : []).map((r) => [r.id, r]));
    rows = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  } else {
    [total, rows] = await Promise.all([
      db.member.count({ where }),
      db.member.findMany({ where, orderBy: [{ sortKey: "asc" }, { id: "asc" }], skip: (page - 1) * MEMBERS_PAGE_SIZE, take: MEMBERS_PAGE_SIZE, select }),
    ]);
  }
  const items: MemberListItem[] = rows.map((m) => ({
    id: m.id,
    fullName: m.fullName,
    gender: GENDER_LABELS[m.gender],
    dateOfBirth: formatDate(m.dateOfBirth),
    position: m.position ?? "",
    unionGroup: m.unionGroup?.name ?? "",
    status: m.status,
  }));
  return {
    school,
    items,
    total,
    page,
    pageSize: MEMBERS_PAGE_SIZE,
    canManage: can(viewer, "member.manage", { schoolId: school.id, unitId: school.unionUnitId }),
    canExport: can(viewer, "member.export", { schoolId: school.id, unitId: school.unionUnitId }),
  };
}

/** The member's own fields, as the audit log's before/after records them. */
export const snapshotSelect = {
  id: true,
  schoolId: true,
  unionGroupId: true,
  fullName: true,
  gender: true,
  dateOfBirth: true,
  position: true,
  professionalGroup: true,
  email: true,
  phone: true,
  joinedUnionAt: true,
  contractStartAt: true,
  citizenId: true,
  ethnicity: true,
  hometown: true,
  unionCardNumber: true,
  partyMember: true,
  partyJoinedAt: true,
  status: true,
  leftOn: true,
  leftReason: true,
  version: true,
} as const satisfies Prisma.MemberSelect;

const detailSelect = {
  ...snapshotSelect,
  unionGroup: { select: { name: true } },
  school: { select: { name: true, unionName: true, unionUnitId: true } },
} as const satisfies Prisma.MemberSelect;

type DetailRow = Prisma.MemberGetPayload<{ select: typeof detailSelect }>;

/** A member as the forms and the profile show it: dates as dd/mm/yyyy text. */
export interface MemberDetail {
  id: string;
  schoolId: string;
  schoolName: string;
  unionName: string;
  fullName: string;
  gender: "NAM" | "NU";
  dateOfBirth: string;
  position: string;
  professionalGroup: string;
  email: string;
  phone: string;
  joinedUnionAt: string;
  contractStartAt: string;
  citizenId: string;
  ethnicity: string;
  hometown: string;
  unionCardNumber: string;
  partyMember: boolean;
  partyJoinedAt: string;
  status: keyof typeof STATUS_LABELS;
  /** Đã nghỉ việc: the day (dd/mm/yyyy) and the reason recorded when leaving; "" otherwise. */
  leftOn: string;
  leftReason: string;
  version: number;
  unionGroupId: string;
  unionGroup: string;
}

function toDetail(m: DetailRow): MemberDetail {
  return {
    id: m.id,
    schoolId: m.schoolId,
    schoolName: m.school.name,
    unionName: m.school.unionName,
    fullName: m.fullName,
    gender: m.gender,
    dateOfBirth: formatDate(m.dateOfBirth),
    position: m.position ?? "",
    professionalGroup: m.professionalGroup ?? "",
    email: m.email ?? "",
    phone: m.phone ?? "",
    joinedUnionAt: formatDate(m.joinedUnionAt),
    contractStartAt: formatDate(m.contractStartAt),
    citizenId: m.citizenId ?? "",
    ethnicity: m.ethnicity ?? "",
    hometown: m.hometown ?? "",
    unionCardNumber: m.unionCardNumber ?? "",
    partyMember: m.partyMember,
    partyJoinedAt: formatDate(m.partyJoinedAt),
    status: m.status,
    leftOn: formatDate(m.leftOn),
    leftReason: m.leftReason ?? "",
    version: m.version,
    unionGroupId: m.unionGroupId ?? "",
    unionGroup: m.unionGroup?.name ?? "",
  };
}

/**
 * One member of the school, when the viewer may read them (member.read scope), with whether
 * they may manage them. Throws NOT_FOUND otherwise (another school's member looks missing).
 */
export async function getMemberOrThrow(viewer: Viewer, schoolId: string, memberId: string) {
  const db = await getDb();
  const m = await db.member.findFirst({
    where: { AND: [{ id: memberId, schoolId }, memberScope(viewer, "member.read")] },
    select: detailSelect,
  });
  if (!m) throw notFound();
  const target = { schoolId: m.schoolId, unitId: m.school.unionUnitId };
  const member = toDetail(m);
  // The CCCD is personal data (Nghị định 13/2023/NĐ-CP): in full to the person, and to those who
  // keep or export the records; a group leader sees its last digits only.
  const full = viewer.memberId === m.id || can(viewer, "member.manage", target) || can(viewer, "member.export", target);
  if (!full && member.citizenId) member.citizenId = `••••••••${member.citizenId.slice(-4)}`;
  return {
    member,
    canManage: can(viewer, "member.manage", target),
    canList: canListMembers(viewer, { id: m.schoolId, unionUnitId: m.school.unionUnitId }),
  };
}

/** The signed-in person's own member record (member.read, scope self or wider); null when they have none. */
export async function getOwnMember(viewer: Viewer): Promise<MemberDetail | null> {
  if (!viewer.memberId) return null;
  const db = await getDb();
  const m = await db.member.findFirst({
    where: { AND: [{ id: viewer.memberId }, memberScope(viewer, "member.read")] },
    select: detailSelect,
  });
  return m ? toDetail(m) : null;
}

/**
 * Every member matching the list's filters, for the Excel export (member.export: chair,
 * principal, upper staff). Throws NOT_FOUND outside that scope.
 */
export async function exportMembers(viewer: Viewer, schoolId: string, filters: MemberFilters) {
  const school = await getSchoolForMembers(viewer, schoolId, "member.export");
  const db = await getDb();
  const found = await db.member.findMany({
    where: filterWhere(viewer, "member.export", school.id, filters, filters.importedWith ? await importBatchTime(school.id, filters.importedWith) : null),
    orderBy: [{ sortKey: "asc" }, { id: "asc" }],
    take: EXPORT_LIMIT,
    select: {
      id: true,
      sortKey: true,
      fullName: true,
      gender: true,
      dateOfBirth: true,
      position: true,
      professionalGroup: true,
      email: true,
      phone: true,
      joinedUnionAt: true,
      contractStartAt: true,
      citizenId: true,
      ethnicity: true,
      hometown: true,
      unionCardNumber: true,
      partyMember: true,
      partyJoinedAt: true,
      status: true,
      unionGroup: { select: { name: true } },
    },
  });
  // A search exports in the list's order (best matches first).
  const rows = filters.q ? rankMatches(found, filters.q) : found;
  const out: ExportRow[] = rows.map((m) => ({
    fullName: m.fullName,
    gender: GENDER_LABELS[m.gender],
    dateOfBirth: m.dateOfBirth,
    position: m.position,
    professionalGroup: m.professionalGroup,
    unionGroup: m.unionGroup?.name ?? null,
    email: m.email,
    phone: m.phone,
    joinedUnionAt: m.joinedUnionAt,
    contractStartAt: m.contractStartAt,
    citizenId: m.citizenId,
    ethnicity: m.ethnicity,
    hometown: m.hometown,
    unionCardNumber: m.unionCardNumber,
    partyMember: m.partyMember,
    partyJoinedAt: m.partyJoinedAt,
    status: STATUS_LABELS[m.status],
  }));
  return { school, rows: out };
}

/**
 * What validating an import needs (member.manage): the school's union groups and its current
 * members' name+birthday keys. Throws NOT_FOUND outside the chair's school.
 */
export async function getImportContext(viewer: Viewer, schoolId: string): Promise<ImportContext & { school: { id: string; name: string } }> {
  const school = await getSchoolForMembers(viewer, schoolId, "member.manage");
  const db = await getDb();
  const [groups, members] = await Promise.all([
    db.unionGroup.findMany({ where: { schoolId: school.id }, select: { id: true, name: true } }),
    db.member.findMany({ where: { schoolId: school.id, status: { not: "LEFT" } }, select: { fullName: true, dateOfBirth: true } }),
  ]);
  return { school, groups, existing: new Set(members.filter((m) => m.dateOfBirth).map((m) => personKey(m.fullName, m.dateOfBirth))) };
}
