// Danh mục danh hiệu thi đua và hình thức khen thưởng (DOMAIN.md §5). Pure data, no I/O:
// the rules engine, the forms and the documents read the same rows. A code is stored in the
// database (NominationItem.titleCode, Award.titleCode), so codes never change; labels may.

/** Cấp khen thưởng, lowest first (the order matters for "approve at a different level"). */
export const AWARD_LEVELS = ["SCHOOL", "DIRECT_UPPER", "PROVINCE", "NATIONAL"] as const;
export type AwardLevelCode = (typeof AWARD_LEVELS)[number];

export const LEVEL_LABELS: Record<AwardLevelCode, string> = {
  SCHOOL: "Cơ sở",
  DIRECT_UPPER: "Cấp trên trực tiếp",
  PROVINCE: "Cấp tỉnh, bộ, ngành",
  NATIONAL: "Toàn quốc",
};

export function levelRank(level: AwardLevelCode): number {
  return AWARD_LEVELS.indexOf(level);
}

/** Danh hiệu (a title conferred per period) or hình thức khen thưởng (a commendation). */
export type AwardKind = "title" | "form";
export type Subject = "individual" | "collective";
/** Nhà nước (Luật Thi đua, khen thưởng) or công đoàn (Điều lệ Công đoàn, Tổng LĐLĐVN). */
export type Side = "state" | "union";
export type SourceTag = "law" | "old" | "practice" | "assumed";

export interface CatalogueEntry {
  code: string;
  name: string;
  kind: AwardKind;
  subjects: readonly Subject[];
  side: Side;
  level: AwardLevelCode;
  /** Who may decide it (signs the decision). */
  decidedBy: string;
  /** Titles that need a secret ballot of the council (CSTĐ and above, DOMAIN §6 rule 13). */
  secretBallot: boolean;
  /** Vote threshold family: school-level titles vs provincial/national proposals. */
  voteRule: "school" | "higher" | "simple";
  /** The dossier needs a báo cáo thành tích (rule 15). */
  needsAchievementReport: boolean;
  /** Thematic or one-off: never counts toward higher merit awards (rule 6). */
  thematic: boolean;
  /** Only for women (e.g. Giỏi việc trường – Đảm việc nhà). */
  womenOnly?: boolean;
  source: SourceTag;
  note?: string;
}

const individual = ["individual"] as const;
const collective = ["collective"] as const;
const both = ["individual", "collective"] as const;

const ENTRIES: CatalogueEntry[] = [
  // ---- Individual titles (state)
  { code: "LDTT", name: "Lao động tiên tiến", kind: "title", subjects: individual, side: "state", level: "SCHOOL", decidedBy: "Thủ trưởng cơ quan, đơn vị hoặc Chủ tịch UBND cấp xã quản lý trường", secretBallot: false, voteRule: "simple", needsAchievementReport: false, thematic: false, source: "law" },
  { code: "CSTDCS", name: "Chiến sĩ thi đua cơ sở", kind: "title", subjects: individual, side: "state", level: "SCHOOL", decidedBy: "Thủ trưởng đơn vị quản lý trực tiếp hoặc Chủ tịch UBND cấp xã", secretBallot: true, voteRule: "school", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "CSTD_TINH", name: "Chiến sĩ thi đua cấp tỉnh, bộ, ngành", kind: "title", subjects: individual, side: "state", level: "PROVINCE", decidedBy: "Chủ tịch UBND tỉnh hoặc Bộ trưởng Bộ Giáo dục và Đào tạo", secretBallot: true, voteRule: "higher", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "CSTD_TOAN_QUOC", name: "Chiến sĩ thi đua toàn quốc", kind: "title", subjects: individual, side: "state", level: "NATIONAL", decidedBy: "Thủ tướng Chính phủ", secretBallot: true, voteRule: "higher", needsAchievementReport: true, thematic: false, source: "law" },
  // ---- Forms (state). The principal never signs a state Giấy khen.
  { code: "GK_UBND_XA", name: "Giấy khen của Chủ tịch UBND cấp xã", kind: "form", subjects: both, side: "state", level: "DIRECT_UPPER", decidedBy: "Chủ tịch UBND cấp xã", secretBallot: false, voteRule: "simple", needsAchievementReport: false, thematic: false, source: "law" },
  { code: "GK_SO_GD", name: "Giấy khen của Giám đốc Sở Giáo dục và Đào tạo", kind: "form", subjects: both, side: "state", level: "DIRECT_UPPER", decidedBy: "Giám đốc Sở Giáo dục và Đào tạo", secretBallot: false, voteRule: "simple", needsAchievementReport: false, thematic: false, source: "law" },
  { code: "BK_UBND_TINH", name: "Bằng khen của Chủ tịch UBND tỉnh", kind: "form", subjects: both, side: "state", level: "PROVINCE", decidedBy: "Chủ tịch UBND tỉnh", secretBallot: false, voteRule: "higher", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "BK_BO_GD", name: "Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo", kind: "form", subjects: both, side: "state", level: "PROVINCE", decidedBy: "Bộ trưởng Bộ Giáo dục và Đào tạo", secretBallot: false, voteRule: "higher", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "BK_TTCP", name: "Bằng khen của Thủ tướng Chính phủ", kind: "form", subjects: both, side: "state", level: "NATIONAL", decidedBy: "Thủ tướng Chính phủ", secretBallot: false, voteRule: "higher", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "KNC_GD", name: "Kỷ niệm chương Vì sự nghiệp giáo dục", kind: "form", subjects: individual, side: "state", level: "NATIONAL", decidedBy: "Bộ trưởng Bộ Giáo dục và Đào tạo", secretBallot: false, voteRule: "simple", needsAchievementReport: false, thematic: true, source: "law" },
  // ---- Union (công đoàn)
  { code: "GK_CDCS", name: "Giấy khen của Ban Chấp hành Công đoàn cơ sở", kind: "form", subjects: both, side: "union", level: "SCHOOL", decidedBy: "Ban Chấp hành Công đoàn cơ sở", secretBallot: false, voteRule: "simple", needsAchievementReport: false, thematic: false, source: "practice" },
  { code: "GK_CD_CAP_TREN", name: "Giấy khen của Công đoàn cấp trên trực tiếp", kind: "form", subjects: both, side: "union", level: "DIRECT_UPPER", decidedBy: "Ban Thường vụ Công đoàn cấp trên trực tiếp cơ sở", secretBallot: false, voteRule: "simple", needsAchievementReport: false, thematic: false, source: "law" },
  { code: "BK_LDLD_TINH", name: "Bằng khen của Liên đoàn Lao động tỉnh", kind: "form", subjects: both, side: "union", level: "PROVINCE", decidedBy: "Ban Thường vụ Liên đoàn Lao động tỉnh", secretBallot: false, voteRule: "higher", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "BK_TLD", name: "Bằng khen của Tổng Liên đoàn Lao động Việt Nam", kind: "form", subjects: both, side: "union", level: "NATIONAL", decidedBy: "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam", secretBallot: false, voteRule: "higher", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "BK_TLD_CHUYEN_DE", name: "Bằng khen chuyên đề của Tổng Liên đoàn Lao động Việt Nam", kind: "form", subjects: both, side: "union", level: "NATIONAL", decidedBy: "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam", secretBallot: false, voteRule: "higher", needsAchievementReport: true, thematic: true, source: "old", note: "Theo chuyên đề; hạn mức theo từng chuyên đề (quy tắc 11)." },
  { code: "BANG_LDST", name: "Bằng Lao động sáng tạo", kind: "form", subjects: individual, side: "union", level: "NATIONAL", decidedBy: "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam", secretBallot: false, voteRule: "higher", needsAchievementReport: true, thematic: true, source: "law" },
  { code: "KNC_CD", name: "Kỷ niệm chương Vì sự nghiệp xây dựng tổ chức Công đoàn", kind: "form", subjects: individual, side: "union", level: "NATIONAL", decidedBy: "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam", secretBallot: false, voteRule: "simple", needsAchievementReport: false, thematic: true, source: "law" },
  { code: "DVCD_XS", name: "Đoàn viên công đoàn xuất sắc", kind: "title", subjects: individual, side: "union", level: "SCHOOL", decidedBy: "Ban Chấp hành Công đoàn cơ sở", secretBallot: false, voteRule: "simple", needsAchievementReport: false, thematic: false, source: "practice" },
  { code: "GVT_DVN", name: "Giỏi việc trường – Đảm việc nhà", kind: "title", subjects: individual, side: "union", level: "SCHOOL", decidedBy: "Ban Chấp hành Công đoàn cơ sở", secretBallot: false, voteRule: "simple", needsAchievementReport: false, thematic: true, womenOnly: true, source: "practice" },
  // ---- Collective titles
  { code: "TT_LDTT", name: "Tập thể lao động tiên tiến", kind: "title", subjects: collective, side: "state", level: "SCHOOL", decidedBy: "Thủ trưởng cơ quan, đơn vị hoặc Chủ tịch UBND cấp xã", secretBallot: false, voteRule: "simple", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "TT_LDXS", name: "Tập thể lao động xuất sắc", kind: "title", subjects: collective, side: "state", level: "PROVINCE", decidedBy: "Chủ tịch UBND tỉnh hoặc Bộ trưởng", secretBallot: false, voteRule: "higher", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "CO_TD_TINH", name: "Cờ thi đua của UBND tỉnh", kind: "title", subjects: collective, side: "state", level: "PROVINCE", decidedBy: "Chủ tịch UBND tỉnh", secretBallot: false, voteRule: "higher", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "CO_TD_BO", name: "Cờ thi đua của Bộ Giáo dục và Đào tạo", kind: "title", subjects: collective, side: "state", level: "PROVINCE", decidedBy: "Bộ trưởng Bộ Giáo dục và Đào tạo", secretBallot: false, voteRule: "higher", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "CO_TD_CP", name: "Cờ thi đua của Chính phủ", kind: "title", subjects: collective, side: "state", level: "NATIONAL", decidedBy: "Thủ tướng Chính phủ", secretBallot: false, voteRule: "higher", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "CO_TD_LDLD_TINH", name: "Cờ thi đua của Liên đoàn Lao động tỉnh", kind: "title", subjects: collective, side: "union", level: "PROVINCE", decidedBy: "Ban Thường vụ Liên đoàn Lao động tỉnh", secretBallot: false, voteRule: "higher", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "CO_TD_TLD", name: "Cờ thi đua của Tổng Liên đoàn Lao động Việt Nam", kind: "title", subjects: collective, side: "union", level: "NATIONAL", decidedBy: "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam", secretBallot: false, voteRule: "higher", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "CDCS_HTXS", name: "Công đoàn cơ sở hoàn thành xuất sắc nhiệm vụ", kind: "title", subjects: collective, side: "union", level: "DIRECT_UPPER", decidedBy: "Công đoàn cấp trên trực tiếp cơ sở", secretBallot: false, voteRule: "simple", needsAchievementReport: true, thematic: false, source: "law" },
  { code: "TO_CD_HTXS", name: "Tổ công đoàn hoàn thành xuất sắc nhiệm vụ", kind: "title", subjects: collective, side: "union", level: "SCHOOL", decidedBy: "Ban Chấp hành Công đoàn cơ sở", secretBallot: false, voteRule: "simple", needsAchievementReport: false, thematic: false, source: "practice" },
];

export const CATALOGUE: ReadonlyMap<string, CatalogueEntry> = new Map(ENTRIES.map((e) => [e.code, e]));
export const CATALOGUE_ENTRIES: readonly CatalogueEntry[] = ENTRIES;
export const TITLE_CODES = ENTRIES.map((e) => e.code) as [string, ...string[]];

export function titleEntry(code: string): CatalogueEntry {
  const e = CATALOGUE.get(code);
  if (!e) throw new Error(`Unknown title code ${code}`);
  return e;
}

export function titleName(code: string): string {
  return CATALOGUE.get(code)?.name ?? code;
}

/** Catalogue entries a subject may be proposed for. */
export function entriesFor(subject: Subject): CatalogueEntry[] {
  return ENTRIES.filter((e) => e.subjects.includes(subject));
}

export const SIDE_LABELS: Record<Side, string> = { state: "Nhà nước", union: "Công đoàn" };
export const KIND_LABELS: Record<AwardKind, string> = { title: "Danh hiệu thi đua", form: "Hình thức khen thưởng" };
export const SOURCE_LABELS: Record<SourceTag, string> = {
  law: "Theo văn bản hiện hành",
  old: "Theo văn bản đã thay thế",
  practice: "Theo thực tiễn các trường",
  assumed: "Giả định mặc định",
};
