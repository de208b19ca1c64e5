// Awards by form and issuing level (issue 9, report 1) and the statistical form built on it
// (report 2): pure functions over the grouped rows the query returns. No I/O: the screen, the
// Excel file and the print view all call these on the same rows.
import { CATALOGUE } from "../awards/catalogue";
import { foldVietnamese, formatNumber } from "../format";

/** Who issued the decision, as federations count it. */
export const ISSUER_LEVELS = ["TLD", "LDLD", "NGANH", "CAP_TREN", "CDCS", "NHA_NUOC"] as const;
export type IssuerLevel = (typeof ISSUER_LEVELS)[number];
export const ISSUER_LEVEL_LABELS: Record<IssuerLevel, string> = {
  TLD: "Tổng Liên đoàn Lao động Việt Nam",
  LDLD: "Liên đoàn Lao động tỉnh, thành phố",
  NGANH: "Công đoàn ngành",
  CAP_TREN: "Công đoàn cấp trên trực tiếp cơ sở",
  CDCS: "Công đoàn cơ sở",
  NHA_NUOC: "Cơ quan nhà nước (chính quyền)",
};

/** One grouped row of the awards query (counts of award rows, i.e. "lượt"). */
export interface AwardGroupRow {
  titleCode: string;
  /** Award.level: SCHOOL | DIRECT_UPPER | PROVINCE | NATIONAL. */
  level: string;
  /** MEMBER (individual) | UNION_GROUP | SCHOOL (collective). */
  subject: string;
  /** AwardDecision.side, or from the issuing organisation's type for older rows: UNION | STATE. */
  side: string;
  /** OrgType of the issuing organisation. */
  orgType: string;
  /** The issuing organisation is the school's own upper union (School.unionUnitId). */
  directUpper: boolean;
  /** NAM | NU | null (collectives). */
  gender: string | null;
  /** Member.position (chức vụ) as recorded, or null. */
  position: string | null;
  n: number;
}

/**
 * Who signed, as a level: the government side is one column; on the union side the Confederation
 * (national forms), the school's own union (school-level forms), the school's direct upper union,
 * a provincial federation, or another union body above (the sector union).
 */
export function issuerLevel(r: Pick<AwardGroupRow, "side" | "level" | "orgType" | "directUpper">): IssuerLevel {
  if (r.side === "STATE") return "NHA_NUOC";
  if (r.level === "NATIONAL") return "TLD";
  if (r.level === "SCHOOL") return "CDCS";
  if (r.directUpper) return "CAP_TREN";
  if (r.orgType === "LIEN_DOAN_LAO_DONG") return "LDLD";
  return "NGANH";
}

/**
 * Lãnh đạo, quản lý vs người trực tiếp lao động, công tác (the Law gives the latter priority).
 * A school's managers are its Ban Giám hiệu (Hiệu trưởng, Phó hiệu trưởng) — or Giám đốc / Phó
 * giám đốc of a centre. Read from Member.position (chức vụ); a group leader (tổ trưởng) teaches
 * full time and counts as working directly. [assumed: no separate field records leadership]
 */
export function isLeaderPosition(position: string | null | undefined): boolean {
  if (!position) return false;
  const p = foldVietnamese(position);
  return /^(pho )?(hieu truong|giam doc)\b/.test(p);
}

/** The rows of the statistical form and of report 1: forms grouped as federations count them. */
export const FORM_GROUPS = [
  { key: "CSTD_TOAN_QUOC", label: "Chiến sĩ thi đua toàn quốc", kind: "title", codes: ["CSTD_TOAN_QUOC"] },
  { key: "CSTD_TINH", label: "Chiến sĩ thi đua cấp tỉnh, bộ, ngành", kind: "title", codes: ["CSTD_TINH"] },
  { key: "CSTDCS", label: "Chiến sĩ thi đua cơ sở", kind: "title", codes: ["CSTDCS"] },
  { key: "LDTT", label: "Lao động tiên tiến", kind: "title", codes: ["LDTT"] },
  { key: "CO_TD", label: "Cờ thi đua", kind: "title", codes: ["CO_TD_CP", "CO_TD_TINH", "CO_TD_BO", "CO_TD_LDLD_TINH", "CO_TD_TLD"] },
  { key: "TT_LDXS", label: "Tập thể lao động xuất sắc", kind: "title", codes: ["TT_LDXS"] },
  { key: "TT_LDTT", label: "Tập thể lao động tiên tiến", kind: "title", codes: ["TT_LDTT"] },
  { key: "CD_HTXS", label: "Công đoàn cơ sở, tổ công đoàn hoàn thành xuất sắc nhiệm vụ", kind: "title", codes: ["CDCS_HTXS", "TO_CD_HTXS"] },
  { key: "DV_CD", label: "Đoàn viên công đoàn xuất sắc; Giỏi việc trường – Đảm việc nhà", kind: "title", codes: ["DVCD_XS", "GVT_DVN"] },
  { key: "BK", label: "Bằng khen", kind: "form", codes: ["BK_TTCP", "BK_BO_GD", "BK_UBND_TINH", "BK_TLD", "BK_TLD_CHUYEN_DE", "BK_LDLD_TINH"] },
  { key: "GK", label: "Giấy khen", kind: "form", codes: ["GK_SO_GD", "GK_UBND_XA", "GK_CD_CAP_TREN", "GK_CDCS"] },
  { key: "KNC", label: "Kỷ niệm chương", kind: "form", codes: ["KNC_GD", "KNC_CD"] },
  { key: "BANG_LDST", label: "Bằng Lao động sáng tạo", kind: "form", codes: ["BANG_LDST"] },
] as const satisfies readonly { key: string; label: string; kind: "title" | "form"; codes: readonly string[] }[];
export type FormKey = (typeof FORM_GROUPS)[number]["key"] | "KHAC";

const FORM_OF = new Map<string, FormKey>(FORM_GROUPS.flatMap((g) => g.codes.map((c) => [c, g.key as FormKey] as const)));
export function formOf(titleCode: string): FormKey {
  return FORM_OF.get(titleCode) ?? "KHAC";
}
export function formLabel(key: FormKey): string {
  return FORM_GROUPS.find((g) => g.key === key)?.label ?? "Hình thức khác";
}
function formKind(key: FormKey): "title" | "form" {
  return FORM_GROUPS.find((g) => g.key === key)?.kind ?? (CATALOGUE.get(key)?.kind ?? "form");
}

/** Counts of one cell: collectives, individuals and, of the individuals, leaders, working directly, women. */
export interface Counts {
  collectives: number;
  individuals: number;
  leaders: number;
  direct: number;
  women: number;
}
export const zeroCounts = (): Counts => ({ collectives: 0, individuals: 0, leaders: 0, direct: 0, women: 0 });
function add(c: Counts, r: AwardGroupRow): void {
  if (r.subject === "MEMBER") {
    c.individuals += r.n;
    if (isLeaderPosition(r.position)) c.leaders += r.n;
    else c.direct += r.n;
    if (r.gender === "NU") c.women += r.n;
  } else c.collectives += r.n;
}
function plus(a: Counts, b: Counts): Counts {
  return { collectives: a.collectives + b.collectives, individuals: a.individuals + b.individuals, leaders: a.leaders + b.leaders, direct: a.direct + b.direct, women: a.women + b.women };
}

export interface FormLevelLine extends Counts {
  form: FormKey;
  formLabel: string;
  level: IssuerLevel;
  levelLabel: string;
}
export interface FormTotal extends Counts {
  form: FormKey;
  formLabel: string;
  kind: "title" | "form";
  lines: FormLevelLine[];
}
export interface AwardsTable {
  forms: FormTotal[];
  total: Counts;
  /** Totals per issuing level (every level, zeros included), for the chart. */
  byLevel: (Counts & { level: IssuerLevel; levelLabel: string })[];
}

/** Report 1's table from the grouped rows: forms in catalogue order, levels from the Confederation down. */
export function buildAwardsTable(rows: readonly AwardGroupRow[]): AwardsTable {
  const cells = new Map<string, Counts>();
  const levelTotals = new Map<IssuerLevel, Counts>(ISSUER_LEVELS.map((l) => [l, zeroCounts()]));
  for (const r of rows) {
    const form = formOf(r.titleCode);
    const level = issuerLevel(r);
    const key = `${form}|${level}`;
    const c = cells.get(key) ?? zeroCounts();
    add(c, r);
    cells.set(key, c);
    add(levelTotals.get(level)!, r);
  }
  const order: FormKey[] = [...FORM_GROUPS.map((g) => g.key as FormKey), "KHAC"];
  const forms: FormTotal[] = [];
  for (const form of order) {
    const lines: FormLevelLine[] = [];
    for (const level of ISSUER_LEVELS) {
      const c = cells.get(`${form}|${level}`);
      if (c) lines.push({ ...c, form, formLabel: formLabel(form), level, levelLabel: ISSUER_LEVEL_LABELS[level] });
    }
    if (!lines.length) continue;
    forms.push({ ...lines.reduce<Counts>((a, b) => plus(a, b), zeroCounts()), form, formLabel: formLabel(form), kind: formKind(form), lines });
  }
  return {
    forms,
    total: forms.reduce<Counts>((a, b) => plus(a, b), zeroCounts()),
    byLevel: ISSUER_LEVELS.map((level) => ({ ...levelTotals.get(level)!, level, levelLabel: ISSUER_LEVEL_LABELS[level] })),
  };
}

function joinVi(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} và ${parts[parts.length - 1]}`;
}

/**
 * The sentence federations write in their summary reports, e.g. "Năm học 2025–2026, Công đoàn
 * Giáo dục huyện Sơn Thủy và các đơn vị trực thuộc có 46 tập thể và 96 cá nhân được tặng Giấy
 * khen; 120 cá nhân được công nhận danh hiệu Lao động tiên tiến." Forms (Bằng khen, Giấy khen…)
 * are "được tặng"; titles are "được công nhận danh hiệu".
 */
export function awardsSummary(unitName: string, periodLabel: string, table: Pick<AwardsTable, "forms">): string {
  const subject = `${periodLabel}, ${unitName} và các đơn vị trực thuộc`;
  const clauses = table.forms.map((f) => {
    const who = joinVi([f.collectives ? `${formatNumber(f.collectives)} tập thể` : "", f.individuals ? `${formatNumber(f.individuals)} cá nhân` : ""].filter(Boolean));
    if (f.form === "KHAC") return `${who} được khen thưởng bằng hình thức khác`;
    return f.kind === "form" ? `${who} được tặng ${f.formLabel}` : `${who} được công nhận danh hiệu ${f.formLabel}`;
  });
  if (!clauses.length) return `${subject} chưa có tập thể, cá nhân nào được khen thưởng.`;
  return `${subject} có ${clauses.join("; ")}.`;
}

/** The statistical form: one line per form, counts across every issuing level. */
export interface StatFormLine extends Counts {
  no: string;
  label: string;
  total: number;
}
export interface StatForm {
  /** "Số phong trào thi đua được phát động" */
  movements: number;
  titles: StatFormLine[];
  forms: StatFormLine[];
  total: StatFormLine;
}

/** Report 2's layout from report 1's table and the number of movements launched. */
export function buildStatForm(table: AwardsTable, movements: number): StatForm {
  const line = (no: string, label: string, c: Counts): StatFormLine => ({ ...c, no, label, total: c.collectives + c.individuals });
  const pick = (kind: "title" | "form") =>
    FORM_GROUPS.filter((g) => g.kind === kind).map((g, i) => line(`${i + 1}`, g.label, table.forms.find((f) => f.form === g.key) ?? zeroCounts()));
  const other = table.forms.find((f) => f.form === "KHAC");
  const forms = pick("form");
  if (other) forms.push(line(String(forms.length + 1), "Hình thức khác", other));
  return { movements, titles: pick("title"), forms, total: line("", "Tổng cộng", table.total) };
}
