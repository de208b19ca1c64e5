// Thẩm quyền quyết định khen thưởng (DOMAIN.md §5 "Who decides") as data: for each form, which
// body decides it, for schools managed by which kind of government unit, who proposes it, on what
// legal basis and since when. Pure: the defaults below seed the AwardAuthority table (an admin may
// edit it); decidingBody() answers from whichever rows it is given. Two routes leave one school:
// state titles and forms go to the government side on the principal's proposal; union forms go to
// the union body on the union chair's proposal.
import type { AwardLevelCode } from "./catalogue";

export type RouteSide = "UNION" | "STATE";
/** The kind of government unit that manages a school (OrgType of School.govUnit). */
export type ManagerKind = "PHONG_GD" | "SO_GD" | "UBND_XA" | "LIEN_DOAN_LAO_DONG" | "CONG_DOAN_NGANH_GD" | "KHAC";

/** Kinds of deciding body. State: the unit managing the school, the province, the ministry, the Government; union: the school's BCH, the direct upper union, the provincial federation, the Confederation. */
export const BODY_KINDS = {
  PHONG_GD: "Trưởng phòng Giáo dục và Đào tạo cấp huyện",
  UBND_XA: "Chủ tịch Ủy ban nhân dân cấp xã",
  SO_GD: "Giám đốc Sở Giáo dục và Đào tạo",
  UBND_TINH: "Chủ tịch Ủy ban nhân dân cấp tỉnh",
  BO_GD: "Bộ trưởng Bộ Giáo dục và Đào tạo",
  TTCP: "Thủ tướng Chính phủ",
  BCH_CDCS: "Ban Chấp hành Công đoàn cơ sở",
  CD_CAP_TREN: "Ban Thường vụ Công đoàn cấp trên trực tiếp cơ sở",
  LDLD_TINH: "Ban Thường vụ Liên đoàn Lao động cấp tỉnh",
  TLD: "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam",
} as const;
export type BodyKind = keyof typeof BODY_KINDS;
export const BODY_KIND_CODES = Object.keys(BODY_KINDS) as [BodyKind, ...BodyKind[]];

export const ROUTE_LABELS: Record<RouteSide, string> = { STATE: "Chính quyền (Nhà nước)", UNION: "Công đoàn" };

export interface AuthorityRow {
  id: string;
  titleCode: string;
  side: RouteSide;
  bodyKind: string;
  bodyName: string;
  /** Applies to schools managed by this kind of unit; null: to every school. */
  schoolManager: ManagerKind | null;
  level: AwardLevelCode;
  proposerRole: "PRINCIPAL" | "UNION_CHAIR";
  basis: string;
  source: "LAW" | "OLD" | "PRACTICE" | "ASSUMED";
  /** ISO days. */
  validFrom: string;
  validTo: string | null;
}

export interface SchoolContext {
  /** OrgType of the unit that manages the school on the government side (School.govUnit), or null. */
  manager: ManagerKind | null;
}

export interface AuthorityVerdict {
  side: RouteSide;
  bodyKind: string;
  bodyName: string;
  proposerRole: "PRINCIPAL" | "UNION_CHAIR";
  /** The proposer's signature on the tờ trình. */
  proposerSignature: string[];
  level: AwardLevelCode;
  basis: string;
  rowId: string;
}

export const PROPOSER_SIGNATURE: Record<RouteSide, string[]> = { STATE: ["HIỆU TRƯỞNG"], UNION: ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"] };

/**
 * Who decides `titleCode` for a school in `ctx` on `isoDay`: the row valid that day for the school's
 * kind of managing unit (a row naming the kind wins over a row for every school; the latest start
 * wins a tie), or null when no body is known (the form cannot be proposed from this school).
 */
export function decidingBody(titleCode: string, ctx: SchoolContext, isoDay: string, rows: readonly AuthorityRow[] = AUTHORITY_DEFAULTS): AuthorityVerdict | null {
  const fits = rows.filter((r) => r.titleCode === titleCode && r.validFrom <= isoDay && (!r.validTo || r.validTo >= isoDay) && (r.schoolManager === null || r.schoolManager === ctx.manager));
  if (!fits.length) return null;
  fits.sort((a, b) => Number(b.schoolManager !== null) - Number(a.schoolManager !== null) || b.validFrom.localeCompare(a.validFrom));
  const r = fits[0];
  return { side: r.side, bodyKind: r.bodyKind, bodyName: r.bodyName, proposerRole: r.proposerRole, proposerSignature: PROPOSER_SIGNATURE[r.side], level: r.level, basis: r.basis, rowId: r.id };
}

/** An upper union unit as far as deciding goes. */
export interface UnionUnit {
  id: string;
  type: string;
}

/**
 * May this union unit decide `titleCode` for a school whose direct upper union is `schoolUnionUnitId`?
 * The direct upper union decides its own Giấy khen and the grassroots union ranking; a provincial
 * federation decides its Bằng khen and Cờ thi đua. Never a state title.
 */
export function unionUnitMayDecide(unit: UnionUnit, schoolUnionUnitId: string, titleCode: string, ctx: SchoolContext, isoDay: string, rows: readonly AuthorityRow[] = AUTHORITY_DEFAULTS): boolean {
  const v = decidingBody(titleCode, ctx, isoDay, rows);
  if (!v || v.side !== "UNION") return false;
  if (v.bodyKind === "CD_CAP_TREN") return unit.id === schoolUnionUnitId;
  if (v.bodyKind === "LDLD_TINH") return unit.type === "LIEN_DOAN_LAO_DONG";
  return false;
}

/**
 * The title codes a union unit might decide on `isoDay`, whatever the school's manager: those a
 * row in force gives to an upper union (CD_CAP_TREN: only for the unit's own schools, `direct`)
 * or to a provincial federation (LDLD_TINH: the unit must be one, `anywhere` in its subtree).
 * A superset of what unionUnitMayDecide accepts, so that a query can narrow the rows it reads
 * before unionUnitMayDecide decides each one.
 */
export function unionDecidableCodes(unit: UnionUnit, isoDay: string, rows: readonly AuthorityRow[] = AUTHORITY_DEFAULTS): { direct: string[]; anywhere: string[] } {
  const live = rows.filter((r) => r.side === "UNION" && r.validFrom <= isoDay && (!r.validTo || r.validTo >= isoDay));
  const codes = (kind: string) => [...new Set(live.filter((r) => r.bodyKind === kind).map((r) => r.titleCode))].sort();
  return { direct: codes("CD_CAP_TREN"), anywhere: unit.type === "LIEN_DOAN_LAO_DONG" ? codes("LDLD_TINH") : [] };
}

/** Does the school union's own executive committee (BCH công đoàn cơ sở) decide `titleCode` (GK_CDCS, DVCD_XS…)? */
export function schoolBchDecides(titleCode: string, ctx: SchoolContext, isoDay: string, rows: readonly AuthorityRow[] = AUTHORITY_DEFAULTS): boolean {
  const v = decidingBody(titleCode, ctx, isoDay, rows);
  return !!v && v.side === "UNION" && v.bodyKind === "BCH_CDCS";
}

/** The signature of a decision of the school union's BCH (the chair signs for the committee). */
export const SCHOOL_BCH_SIGNER_TITLE = "TM. BAN CHẤP HÀNH / CHỦ TỊCH";

/**
 * The route group of a form: "BCH_CDCS" for the forms the school union's own BCH decides (decided
 * at the school, never sent up), "UNION" for every other union form (they go to the upper union),
 * or the state body kind.
 */
export function routeKey(v: AuthorityVerdict): string {
  if (v.side === "UNION") return v.bodyKind === "BCH_CDCS" ? "BCH_CDCS" : "UNION";
  return v.bodyKind;
}

// ---- The seed (lib/seed/authority.ts writes these rows; an admin edits them afterwards)
const LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15, chương về thẩm quyền quyết định khen thưởng (Điều 74–80)";
const LAW_2025 = `${LAW}, áp dụng theo mô hình chính quyền địa phương hai cấp từ 01/07/2025 (cấp xã thay cấp huyện)`;
const TLD = "Điều lệ Công đoàn Việt Nam và Quy chế khen thưởng của Tổng Liên đoàn Lao động Việt Nam";
const OLD_DISTRICT_END = "2025-06-30";
const JULY_2025 = "2025-07-01";
const SINCE = "2022-01-01";

type Seed = Omit<AuthorityRow, "id" | "bodyName" | "proposerRole" | "source"> & { source?: AuthorityRow["source"] };
const S = (titleCode: string, bodyKind: BodyKind, level: AwardLevelCode, basis: string, o: { manager?: ManagerKind; from?: string; to?: string } = {}): Seed => ({
  titleCode,
  side: "STATE",
  bodyKind,
  schoolManager: o.manager ?? null,
  level,
  basis,
  validFrom: o.from ?? SINCE,
  validTo: o.to ?? null,
});
const U = (titleCode: string, bodyKind: BodyKind, level: AwardLevelCode, source: AuthorityRow["source"] = "LAW"): Seed => ({ titleCode, side: "UNION", bodyKind, schoolManager: null, level, basis: TLD, validFrom: SINCE, validTo: null, source });

const SEEDS: Seed[] = [
  // Titles and Giấy khen of the unit that manages the school: the district education office
  // until 30/06/2025; the commune People's Committee from 01/07/2025; the Department of
  // Education for the schools it manages.
  ...["LDTT", "CSTDCS", "TT_LDTT"].flatMap((c) => [
    S(c, "PHONG_GD", "SCHOOL", `${LAW}: Thủ trưởng cơ quan chuyên môn cấp huyện quản lý trường`, { manager: "PHONG_GD", to: OLD_DISTRICT_END }),
    S(c, "UBND_XA", "SCHOOL", `${LAW_2025}: Chủ tịch UBND cấp xã quản lý trường`, { manager: "UBND_XA", from: JULY_2025 }),
    S(c, "SO_GD", "SCHOOL", `${LAW}: Giám đốc Sở Giáo dục và Đào tạo đối với trường trực thuộc Sở`, { manager: "SO_GD" }),
  ]),
  S("GK_UBND_XA", "UBND_XA", "DIRECT_UPPER", `${LAW_2025}: Giấy khen của Chủ tịch UBND cấp xã`, { from: JULY_2025 }),
  S("GK_SO_GD", "SO_GD", "DIRECT_UPPER", `${LAW}: Giấy khen của Giám đốc Sở (thủ trưởng cơ quan chuyên môn cấp tỉnh)`),
  // Provincial and higher state forms.
  ...["CSTD_TINH", "TT_LDXS", "BK_UBND_TINH", "CO_TD_TINH"].map((c) => S(c, "UBND_TINH", "PROVINCE", `${LAW}: thẩm quyền của Chủ tịch UBND cấp tỉnh`)),
  ...["BK_BO_GD", "CO_TD_BO"].map((c) => S(c, "BO_GD", "PROVINCE", `${LAW}: thẩm quyền của Bộ trưởng`)),
  S("KNC_GD", "BO_GD", "NATIONAL", `${LAW}: Kỷ niệm chương của Bộ Giáo dục và Đào tạo`),
  ...["CSTD_TOAN_QUOC", "BK_TTCP", "CO_TD_CP"].map((c) => S(c, "TTCP", "NATIONAL", `${LAW}: thẩm quyền của Thủ tướng Chính phủ`)),
  // Union forms: decided by that union body on the union chair's proposal.
  U("GK_CDCS", "BCH_CDCS", "SCHOOL", "PRACTICE"),
  U("DVCD_XS", "BCH_CDCS", "SCHOOL", "PRACTICE"),
  U("GVT_DVN", "BCH_CDCS", "SCHOOL", "PRACTICE"),
  U("TO_CD_HTXS", "BCH_CDCS", "SCHOOL", "PRACTICE"),
  U("GK_CD_CAP_TREN", "CD_CAP_TREN", "DIRECT_UPPER"),
  U("CDCS_HTXS", "CD_CAP_TREN", "DIRECT_UPPER"),
  U("BK_LDLD_TINH", "LDLD_TINH", "PROVINCE"),
  U("CO_TD_LDLD_TINH", "LDLD_TINH", "PROVINCE"),
  ...["BK_TLD", "BK_TLD_CHUYEN_DE", "BANG_LDST", "KNC_CD", "CO_TD_TLD"].map((c) => U(c, "TLD", "NATIONAL")),
];

/** The authority table as seeded (ids are stable: the seed upserts by them). */
export const AUTHORITY_DEFAULTS: readonly AuthorityRow[] = SEEDS.map((s) => ({
  ...s,
  id: `tq_${s.titleCode.toLowerCase()}_${s.bodyKind.toLowerCase()}${s.schoolManager ? `_${s.schoolManager.toLowerCase()}` : ""}`,
  bodyName: BODY_KINDS[s.bodyKind as BodyKind],
  proposerRole: s.side === "STATE" ? "PRINCIPAL" : "UNION_CHAIR",
  source: s.source ?? "LAW",
}));
