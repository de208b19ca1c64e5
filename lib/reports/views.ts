import "server-only";
// The four reports as views: ONE load per report gives the summary, the tables and the chart that
// the page shows, the Excel route writes (lib/reports/excel.ts) and the print view prints
// (lib/reports/document.ts). Statistical circular: see STAT_FORM_BASIS.
import type { Viewer } from "../authz/permissions";
import { formatNumber, formatPercent } from "../format";
import { ISSUER_LEVELS, type Counts } from "./awards-rules";
import type { ChartSpec } from "./chart-spec";
import { PERIOD_BASIS, type Period } from "./period";
import { getAwardsReport, getMovementsReport, getStatFormReport, getTitlesReport, type ReportUnit } from "./queries";
import { INITIATIVE_LEVELS, INITIATIVE_LEVEL_LABELS } from "./school-rules";
import { pct, type Cell, type ReportTable } from "./table";

export const REPORT_SLUGS = ["khen-thuong", "bieu-thong-ke", "danh-hieu", "phong-trao"] as const;
export type ReportSlug = (typeof REPORT_SLUGS)[number];

export const REPORT_TITLES: Record<ReportSlug, { title: string; description: string }> = {
  "khen-thuong": { title: "Khen thưởng theo hình thức và cấp khen", description: "Số tập thể, cá nhân được khen theo từng hình thức và cấp quyết định; cá nhân chia lãnh đạo, quản lý và người trực tiếp công tác; nữ." },
  "bieu-thong-ke": { title: "Biểu thống kê thi đua, khen thưởng", description: "Số phong trào thi đua và số khen thưởng theo hình thức, đối tượng (tập thể, lãnh đạo, trực tiếp công tác) theo chế độ báo cáo thống kê ngành Nội vụ." },
  "danh-hieu": { title: "Danh hiệu thi đua theo trường", description: "Lao động tiên tiến, Chiến sĩ thi đua cơ sở, danh hiệu tập thể của từng trường, tỉ lệ trên số đoàn viên, tỉ lệ nữ, sáng kiến theo cấp." },
  "phong-trao": { title: "Phong trào thi đua", description: "Số phong trào được phát động, tỉ lệ đoàn viên đăng ký thi đua, tiến độ chấm điểm của từng trường." },
};

/**
 * The circular the statistical form follows. Thông tư số 18/2025/TT-BNV ngày 08/10/2025 của Bộ
 * Nội vụ quy định chế độ báo cáo thống kê ngành Nội vụ (signed by Phạm Thị Thanh Trà), which
 * replaced Thông tư 03/2018/TT-BNV. [assumed] The biểu's number and exact row/column wording
 * could not be read from the circular's annex here: the layout follows what the sector's forms
 * count (movements launched; awards by form; collective / individual: leader, working directly).
 */
export const STAT_FORM_BASIS =
  "Theo chế độ báo cáo thống kê ngành Nội vụ (Thông tư số 18/2025/TT-BNV ngày 08/10/2025 của Bộ Nội vụ, thay thế Thông tư số 03/2018/TT-BNV); bố cục biểu theo các chỉ tiêu của lĩnh vực thi đua, khen thưởng (giả định, cần đối chiếu phụ lục của Thông tư).";

export interface ReportView {
  slug: ReportSlug;
  title: string;
  unit: ReportUnit;
  period: Period;
  /** The sentence at the top (and the print's first paragraph). */
  summary: string;
  /** How the numbers are counted (shown under the table, printed). */
  notes: string[];
  tables: ReportTable[];
  chart: ChartSpec;
  /** Per-school reports: table 0's rows after `head` are one per school, in the chart's order. */
  perSchool?: { head: number };
}

const COUNT_COLUMNS = [
  { header: "Tập thể", align: "right", width: 8 },
  { header: "Cá nhân", align: "right", width: 8 },
  { header: "Lãnh đạo, quản lý", align: "right", width: 10 },
  { header: "Trực tiếp lao động, công tác", align: "right", width: 12 },
  { header: "Nữ", align: "right", width: 7 },
] as const;
const counts = (c: Counts): Cell[] => [c.collectives, c.individuals, c.leaders, c.direct, c.women];
const AWARD_SERIES = [
  { key: "collectives", label: "Tập thể", color: "#1d5fbf" },
  { key: "leaders", label: "Cá nhân lãnh đạo, quản lý", color: "#e69f00" },
  { key: "direct", label: "Cá nhân trực tiếp công tác", color: "#009e73" },
];
const COUNTED_AS = "Mỗi lượt khen được tính một lần (một người được hai hình thức được tính ở cả hai).";

/** Where the decision's own school year and its date disagree, say which way the report counted. */
function mismatchNote(m: { otherYear: number; outside: number } | null): string[] {
  if (!m || (m.otherYear === 0 && m.outside === 0)) return [];
  return [
    `Theo ngày ký: đã tính ${formatNumber(m.otherYear)} lượt khen của quyết định ghi năm học khác nhưng ký trong kỳ; không tính ${formatNumber(m.outside)} lượt khen của quyết định ghi năm học này nhưng ký ngoài kỳ.`,
  ];
}

async function awardsView(viewer: Viewer, unitId: string, period: Period): Promise<ReportView> {
  const r = await getAwardsReport(viewer, unitId, period);
  const rows: Cell[][] = [];
  const strong: number[] = [];
  r.table.forms.forEach((f, i) => {
    strong.push(rows.length);
    rows.push([String(i + 1), f.formLabel, "Cộng", ...counts(f)]);
    for (const l of f.lines) rows.push(["", "", l.levelLabel, ...counts(l)]);
  });
  strong.push(rows.length);
  rows.push(["", "Tổng cộng", "", ...counts(r.table.total)]);
  const used = r.table.byLevel.filter((l) => l.collectives + l.individuals > 0);
  return {
    slug: "khen-thuong",
    title: REPORT_TITLES["khen-thuong"].title,
    unit: r.unit,
    period,
    summary: r.summary,
    notes: [PERIOD_BASIS, ...mismatchNote(r.yearMismatch), COUNTED_AS, "Lãnh đạo, quản lý: Hiệu trưởng, Phó hiệu trưởng (theo chức vụ ghi trong hồ sơ đoàn viên); các cá nhân khác là người trực tiếp lao động, công tác."],
    tables: [{ title: "Số tập thể, cá nhân được khen thưởng theo hình thức và cấp quyết định", columns: [{ header: "TT", align: "center", width: 4 }, { header: "Hình thức khen thưởng", width: 26 }, { header: "Cấp quyết định", width: 24 }, ...COUNT_COLUMNS], rows, strong }],
    chart: {
      title: "Khen thưởng theo cấp quyết định",
      summary: used.length
        ? `Số lượt khen theo cấp quyết định: ${used.map((l) => `${l.levelLabel} ${formatNumber(l.collectives)} tập thể, ${formatNumber(l.individuals)} cá nhân`).join("; ")}.`
        : "Không có khen thưởng nào trong kỳ.",
      data: ISSUER_LEVELS.map((level) => r.table.byLevel.find((l) => l.level === level)!).map((l) => ({ label: l.levelLabel, collectives: l.collectives, leaders: l.leaders, direct: l.direct })),
      series: AWARD_SERIES,
      stacked: true,
      horizontal: true,
    },
  };
}

async function statFormView(viewer: Viewer, unitId: string, period: Period): Promise<ReportView> {
  const r = await getStatFormReport(viewer, unitId, period);
  const f = r.form;
  const line = (no: string, l: { label: string; total: number } & Counts): Cell[] => [no, l.label, l.total, ...counts(l)];
  const rows: Cell[][] = [
    ["A", "Số phong trào thi đua được phát động", f.movements, "", "", "", "", ""],
    ["B", "Danh hiệu thi đua", "", "", "", "", "", ""],
    ...f.titles.map((t) => line(t.no, t)),
    ["C", "Hình thức khen thưởng", "", "", "", "", "", ""],
    ...f.forms.map((t) => line(t.no, t)),
    line("", f.total),
  ];
  const strong = [0, 1, 2 + f.titles.length, rows.length - 1];
  const all = [...f.titles, ...f.forms].filter((l) => l.total > 0);
  return {
    slug: "bieu-thong-ke",
    title: REPORT_TITLES["bieu-thong-ke"].title,
    unit: r.unit,
    period,
    summary: `${r.summary} Số phong trào thi đua được phát động: ${formatNumber(f.movements)} (${formatNumber(r.campaigns.byUnits)} của công đoàn cấp trên, ${formatNumber(r.campaigns.bySchools)} của các trường).`,
    notes: [STAT_FORM_BASIS, PERIOD_BASIS, ...mismatchNote(r.yearMismatch), "Phong trào: các phong trào (không tính bản nháp) của năm học giao với kỳ báo cáo.", COUNTED_AS],
    tables: [
      {
        title: "Biểu thống kê số phong trào thi đua và số khen thưởng",
        columns: [{ header: "STT", align: "center", width: 5 }, { header: "Chỉ tiêu", width: 30 }, { header: "Tổng số", align: "right", width: 8 }, ...COUNT_COLUMNS],
        rows,
        strong,
      },
    ],
    chart: {
      title: "Khen thưởng theo hình thức và đối tượng",
      summary: all.length ? `Theo hình thức: ${all.map((l) => `${l.label} ${formatNumber(l.total)}`).join("; ")}.` : "Không có khen thưởng nào trong kỳ.",
      data: all.map((l) => ({ label: l.label, collectives: l.collectives, leaders: l.leaders, direct: l.direct })),
      series: AWARD_SERIES,
      stacked: true,
      horizontal: true,
    },
  };
}

async function titlesView(viewer: Viewer, unitId: string, period: Period): Promise<ReportView> {
  const r = await getTitlesReport(viewer, unitId, period);
  const row = (no: string, s: (typeof r.schools)[number]): Cell[] => [
    no,
    s.schoolName,
    s.members,
    s.ldtt,
    pct(s.ldttShare),
    s.cstdcs,
    pct(s.cstdcsShare),
    s.collectiveTitles,
    s.womenTitles,
    pct(s.womenShare),
    ...INITIATIVE_LEVELS.map((l) => s.initiatives[l]),
  ];
  const t = r.total;
  return {
    slug: "danh-hieu",
    title: REPORT_TITLES["danh-hieu"].title,
    unit: r.unit,
    period,
    summary: `${period.label}, ${r.unit.name} và các đơn vị trực thuộc (${formatNumber(r.schools.length)} trường, ${formatNumber(t.members)} đoàn viên) có ${formatNumber(t.ldtt)} lượt Lao động tiên tiến, ${formatNumber(t.cstdcs)} lượt Chiến sĩ thi đua cơ sở, ${formatNumber(t.collectiveTitles)} danh hiệu tập thể và ${formatNumber(INITIATIVE_LEVELS.reduce((a, l) => a + t.initiatives[l], 0))} sáng kiến được công nhận.`,
    notes: [
      PERIOD_BASIS,
      "Tỉ lệ tính trên số đoàn viên hiện có của trường (không tính đoàn viên đã chuyển đi); kỳ dài hơn một năm học có thể vượt 100%.",
      "Tỉ lệ nữ: số lượt danh hiệu cá nhân trao cho nữ trên tổng số lượt danh hiệu cá nhân. Sáng kiến tính theo ngày công nhận.",
    ],
    tables: [
      {
        title: "Danh hiệu thi đua và sáng kiến theo trường",
        columns: [
          { header: "TT", align: "center", width: 4 },
          { header: "Trường", width: 26 },
          { header: "Đoàn viên", align: "right", width: 8 },
          { header: "LĐTT", align: "right", width: 7 },
          { header: "% LĐTT", align: "right", width: 8 },
          { header: "CSTĐCS", align: "right", width: 8 },
          { header: "% CSTĐCS", align: "right", width: 9 },
          { header: "Danh hiệu tập thể", align: "right", width: 9 },
          { header: "Nữ đạt danh hiệu", align: "right", width: 9 },
          { header: "% nữ", align: "right", width: 7 },
          ...INITIATIVE_LEVELS.map((l) => ({ header: `Sáng kiến ${INITIATIVE_LEVEL_LABELS[l].toLowerCase()}`, align: "right" as const, width: 9 })),
        ],
        rows: [row("", t), ...r.schools.map((s, i) => row(String(i + 1), s))],
        strong: [0],
      },
    ],
    chart: {
      title: "Tỉ lệ danh hiệu trên số đoàn viên theo trường",
      summary: `Toàn đơn vị: Lao động tiên tiến ${cellPct(t.ldttShare)}, Chiến sĩ thi đua cơ sở ${cellPct(t.cstdcsShare)} số đoàn viên; nữ chiếm ${cellPct(t.womenShare)} số lượt danh hiệu cá nhân. Số liệu từng trường ở bảng bên cạnh.`,
      data: r.schools.map((s) => ({ label: s.schoolName, ldtt: s.ldttShare ?? 0, cstdcs: s.cstdcsShare ?? 0 })),
      series: [
        { key: "ldtt", label: "Lao động tiên tiến" },
        { key: "cstdcs", label: "Chiến sĩ thi đua cơ sở" },
      ],
      horizontal: true,
      percent: true,
    },
    perSchool: { head: 1 },
  };
}

function cellPct(v: number | null): string {
  return v === null ? "—" : formatPercent(v);
}

async function movementsView(viewer: Viewer, unitId: string, period: Period): Promise<ReportView> {
  const r = await getMovementsReport(viewer, unitId, period);
  const t = r.total;
  return {
    slug: "phong-trao",
    title: REPORT_TITLES["phong-trao"].title,
    unit: r.unit,
    period,
    summary: `${period.label}: ${formatNumber(r.campaigns.byUnits + r.campaigns.bySchools)} phong trào thi đua được phát động (${formatNumber(r.campaigns.byUnits)} của công đoàn cấp trên, ${formatNumber(r.campaigns.bySchools)} của các trường); ${formatNumber(t.registered)}/${formatNumber(t.members)} đoàn viên đăng ký thi đua (${cellPct(t.registrationRate)}); hội đồng đã chấm xong ${formatNumber(t.sheetsDone)}/${formatNumber(t.sheets)} phiếu (${cellPct(t.scoringRate)}).`,
    notes: [
      "Phong trào: các phong trào (không tính bản nháp) của năm học giao với kỳ báo cáo, của trường và của công đoàn cấp trên trực tiếp.",
      "Tỉ lệ đăng ký: số đoàn viên hiện có đã đăng ký ít nhất một danh hiệu trong các phong trào đó, trên số đoàn viên hiện có.",
      "Tiến độ chấm điểm: phiếu của các đợt chấm giao với kỳ báo cáo mà Hội đồng đã chấm xong.",
    ],
    tables: [
      {
        title: "Phong trào, đăng ký thi đua và chấm điểm theo trường",
        columns: [
          { header: "TT", align: "center", width: 4 },
          { header: "Trường", width: 26 },
          { header: "Phong trào", align: "right", width: 9 },
          { header: "Đoàn viên", align: "right", width: 9 },
          { header: "Đã đăng ký", align: "right", width: 9 },
          { header: "Tỉ lệ đăng ký", align: "right", width: 9 },
          { header: "Phiếu chấm", align: "right", width: 9 },
          { header: "Hội đồng đã chấm xong", align: "right", width: 10 },
          { header: "Tỉ lệ hoàn thành", align: "right", width: 9 },
        ],
        rows: [
          ["", "Tổng cộng", r.campaigns.byUnits + r.campaigns.bySchools, t.members, t.registered, pct(t.registrationRate), t.sheets, t.sheetsDone, pct(t.scoringRate)],
          ...r.schools.map((s, i): Cell[] => [String(i + 1), s.schoolName, s.campaigns, s.members, s.registered, pct(s.registrationRate), s.sheets, s.sheetsDone, pct(s.scoringRate)]),
        ],
        strong: [0],
      },
    ],
    chart: {
      title: "Tỉ lệ đăng ký thi đua và hoàn thành chấm điểm theo trường",
      summary: `Toàn đơn vị: ${cellPct(t.registrationRate)} đoàn viên đăng ký thi đua, ${cellPct(t.scoringRate)} phiếu chấm đã hoàn thành. Số liệu từng trường ở bảng bên cạnh.`,
      data: r.schools.map((s) => ({ label: s.schoolName, registration: s.registrationRate ?? 0, scoring: s.scoringRate ?? 0 })),
      series: [
        { key: "registration", label: "Tỉ lệ đăng ký" },
        { key: "scoring", label: "Tỉ lệ chấm xong" },
      ],
      horizontal: true,
      percent: true,
    },
    perSchool: { head: 1 },
  };
}

const LOADERS: Record<ReportSlug, (viewer: Viewer, unitId: string, period: Period) => Promise<ReportView>> = {
  "khen-thuong": awardsView,
  "bieu-thong-ke": statFormView,
  "danh-hieu": titlesView,
  "phong-trao": movementsView,
};

export function isReportSlug(s: string): s is ReportSlug {
  return (REPORT_SLUGS as readonly string[]).includes(s);
}

/** The report `slug` of the unit for the period (report.read on the unit; NOT_FOUND otherwise). */
export function loadReport(viewer: Viewer, slug: ReportSlug, unitId: string, period: Period): Promise<ReportView> {
  return LOADERS[slug](viewer, unitId, period);
}
