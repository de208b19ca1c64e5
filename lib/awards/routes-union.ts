import "server-only";
// The union route's guards (issue 12): a package goes to the upper union only with union forms;
// an upper union changes a proposal only to a union form and decides only the forms its body may
// decide (lib/awards/authority.ts). Called by lib/nominations (submit, review) and issueDecision.
import { AppError } from "../server/errors";
import { todayIsoVN } from "../time";
import type { Db } from "../authz/load";
import type { Prisma } from "../generated/prisma/client";
import { decidingBody, schoolBchDecides, unionDecidableCodes, unionUnitMayDecide, type AuthorityRow, type UnionUnit } from "./authority";
import { CATALOGUE_ENTRIES, LEVEL_LABELS, titleEntry, type AwardLevelCode } from "./catalogue";
import { contextOf, loadAuthorities } from "./routes";

/**
 * Refuses sending a package to the upper union when it is a government-route package, or still
 * holds proposals a government body decides (the school splits the package first).
 */
export async function assertUnionSubmit(db: Db, packageId: string, isoDay = todayIsoVN()): Promise<void> {
  const p = await db.nominationPackage.findUniqueOrThrow({ where: { id: packageId }, select: { route: true, school: { select: { govUnit: { select: { type: true } } } }, items: { where: { status: { not: "WITHDRAWN" } }, select: { titleCode: true, nomineeName: true, status: true } } } });
  if (p.route === "STATE") throw new AppError("STATE", "Hồ sơ này gửi cơ quan nhà nước: tải hồ sơ, gửi và đánh dấu đã gửi; cấp trên công đoàn không xét hồ sơ này.");
  const rows = await loadAuthorities(db);
  const ctx = contextOf(p.school);
  const state = p.items.filter((i) => decidingBody(i.titleCode, ctx, isoDay, rows)?.side === "STATE");
  if (state.length) {
    const titles = [...new Set(state.map((i) => titleEntry(i.titleCode).name))].join(", ");
    throw new AppError("STATE", `Hồ sơ có ${state.length} đề nghị thuộc thẩm quyền chính quyền (${titles}): tách hồ sơ theo cấp quyết định trước khi gửi cấp trên công đoàn.`);
  }
  // The school's own BCH decides its forms (issue 12): they are decided at the school, never sent up.
  const own = p.items.filter((i) => i.status === "POSTED" && schoolBchDecides(i.titleCode, ctx, isoDay, rows));
  if (own.length) {
    const titles = [...new Set(own.map((i) => titleEntry(i.titleCode).name))].join(", ");
    throw new AppError("STATE", `Hồ sơ có ${own.length} đề nghị thuộc thẩm quyền của Ban Chấp hành công đoàn cơ sở (${titles}): ra quyết định của Ban Chấp hành tại trang "Quyết định" của trường (hoặc rút các đề nghị này) trước khi gửi cấp trên.`);
  }
}

/** Refuses a decision of the school BCH naming a form the BCH does not decide. */
export async function assertSchoolBchMayDecide(db: Db, school: { govUnit: { type: string } | null }, items: { titleCode: string; nomineeName: string }[], isoDay = todayIsoVN()): Promise<void> {
  const rows = await loadAuthorities(db);
  const bad = items.filter((i) => !schoolBchDecides(i.titleCode, contextOf(school), isoDay, rows));
  if (bad.length) throw new AppError("STATE", `Không thuộc thẩm quyền quyết định của Ban Chấp hành công đoàn cơ sở: ${bad.map((i) => `${i.nomineeName} – ${titleEntry(i.titleCode).name}`).join("; ")}.`);
}

/** The title codes the school's BCH decides (the decision screen offers only these). */
export async function schoolBchCodes(db: Db, school: { govUnit: { type: string } | null }, codes: string[], isoDay = todayIsoVN()): Promise<Set<string>> {
  const rows = await loadAuthorities(db);
  return new Set(codes.filter((c) => schoolBchDecides(c, contextOf(school), isoDay, rows)));
}

/** The union form a reviewer may change a proposal to: a union form, never a state title. */
export function assertUnionForm(titleCode: string): void {
  if (titleEntry(titleCode).side !== "union") throw new AppError("INVALID", undefined, { approvedTitleCode: ["Cấp trên công đoàn chỉ chuyển sang hình thức khen thưởng của Công đoàn."] });
}

type ReviewedSchool = { unionUnitId: string; govUnit: { type: string } | null };

/**
 * The forms a reviewing union unit may change a proposal to (issue 12: "changes level within its
 * own forms only"): the union forms its own body decides for this school on `isoDay`, per the
 * authority table (its validity dates), each with the level the table gives it. A district union
 * is never offered a form only the provincial federation or the Confederation decides.
 */
export async function reviewerForms(db: Db, unit: UnionUnit, school: ReviewedSchool, isoDay = todayIsoVN()): Promise<Map<string, AwardLevelCode>> {
  const rows = await loadAuthorities(db);
  const ctx = contextOf(school);
  const forms = new Map<string, AwardLevelCode>();
  for (const e of CATALOGUE_ENTRIES) {
    if (e.side !== "union" || !unionUnitMayDecide(unit, school.unionUnitId, e.code, ctx, isoDay, rows)) continue;
    forms.set(e.code, decidingBody(e.code, ctx, isoDay, rows)!.level);
  }
  return forms;
}

/**
 * Refuses changing a proposal to a form the reviewing unit may not decide itself (naming the form
 * and the body that decides it), or to a level other than the one the table gives that form.
 * Returns the level to record.
 */
export async function assertReviewerMayDecide(db: Db, unit: UnionUnit & { name: string }, school: ReviewedSchool, titleCode: string, level: AwardLevelCode | undefined, isoDay = todayIsoVN()): Promise<AwardLevelCode> {
  assertUnionForm(titleCode);
  const rows = await loadAuthorities(db);
  const ctx = contextOf(school);
  const name = titleEntry(titleCode).name;
  const v = decidingBody(titleCode, ctx, isoDay, rows);
  if (!v || !unionUnitMayDecide(unit, school.unionUnitId, titleCode, ctx, isoDay, rows)) {
    const msg = v
      ? `“${name}” do ${v.bodyName} quyết định, không thuộc thẩm quyền của ${unit.name}: chỉ chuyển sang hình thức đơn vị được quyết định.`
      : `“${name}” chưa có cấp quyết định trong bảng thẩm quyền hiện hành: không chuyển sang hình thức này.`;
    throw new AppError("INVALID", msg, { approvedTitleCode: [msg] });
  }
  if (level && level !== v.level) {
    const msg = `“${name}” là khen thưởng cấp “${LEVEL_LABELS[v.level]}”, không duyệt ở cấp “${LEVEL_LABELS[level]}”.`;
    throw new AppError("INVALID", msg, { approvedLevel: [msg] });
  }
  return v.level;
}

/** Title codes this union unit may decide for a school (its direct upper union id, its manager). */
export async function decidableBy(db: Db, unit: { id: string; type: string }, schools: { unionUnitId: string; govUnit: { type: string } | null }[], codes: string[], isoDay = todayIsoVN()): Promise<Set<string>> {
  const rows = await loadAuthorities(db);
  const ok = new Set<string>();
  for (const code of codes) if (schools.every((s) => unionUnitMayDecide(unit, s.unionUnitId, code, contextOf(s), isoDay, rows))) ok.add(code);
  return ok;
}

/** Refuses a union decision naming a form the unit may not decide. */
export async function assertUnitMayDecide(db: Db, unit: { id: string; type: string }, items: { titleCode: string; approvedTitleCode: string | null; nomineeName: string; school: { unionUnitId: string; govUnit: { type: string } | null } }[], isoDay = todayIsoVN()): Promise<void> {
  const rows = await loadAuthorities(db);
  const bad = items.filter((i) => !unionUnitMayDecide(unit, i.school.unionUnitId, i.approvedTitleCode ?? i.titleCode, contextOf(i.school), isoDay, rows));
  if (bad.length) throw new AppError("STATE", `Không thuộc thẩm quyền quyết định của đơn vị: ${bad.map((i) => `${i.nomineeName} – ${titleEntry(i.approvedTitleCode ?? i.titleCode).name}`).join("; ")}.`);
}

/**
 * A where-fragment that keeps the nomination items a union unit might decide (its upper-union
 * forms for its own schools, a federation's forms in its subtree): the decision screen reads only
 * these, then decidableItems decides each. Without it a provincial federation read every approved
 * nominee of 3,000 schools (113,000 rows) to offer a few hundred. `rows`: loadAuthorities, read
 * once for both.
 */
export function decidableWhere(unit: UnionUnit, tree: string[], rows: readonly AuthorityRow[], isoDay = todayIsoVN()): Prisma.NominationItemWhereInput {
  const { direct, anywhere } = unionDecidableCodes(unit, isoDay, rows);
  const coded = (codes: string[]): Prisma.NominationItemWhereInput => ({ OR: [{ approvedTitleCode: { in: codes } }, { approvedTitleCode: null, titleCode: { in: codes } }] });
  return {
    OR: [
      { AND: [coded(direct), { package: { school: { unionUnitId: unit.id } } }] },
      { AND: [coded(anywhere), { package: { school: { unionUnitId: { in: tree } } } }] },
    ],
  };
}

/** The approved nominees a union unit may decide (the decision screen offers only these). */
export function decidableItems<T extends { titleCode: string; approvedTitleCode: string | null; package: { school: { unionUnitId: string; govUnit: { type: string } | null } } }>(unit: UnionUnit, items: T[], rows: readonly AuthorityRow[], isoDay = todayIsoVN()): T[] {
  return items.filter((i) => unionUnitMayDecide(unit, i.package.school.unionUnitId, i.approvedTitleCode ?? i.titleCode, contextOf(i.package.school), isoDay, rows));
}
