// A province at scale (issue 9 "Scale and speed"), for the benchmark: one province federation
// (Liên đoàn Lao động tỉnh Sơn Hà) → 30 upper units → 3,000 schools, 150,000 members, three
// school years (2024–2025 and 2025–2026 complete, 2026–2027 under way) of plans, campaigns,
// registrations, scales of 30 criteria, score sheets at every stage, evaluations, councils,
// nominations in every state, union and government decisions, awards, and the federation's
// union term 2023–2028.
//
//   npx tsx --conditions=react-server scripts/province.ts          (PROVINCE_FORCE=1 rebuilds)
//
// It fills a database of its own (PROVINCE_DB, default "thidua_province") on DATABASE_URL's
// server: migrated with lib/server/migrate.ts, then generated set-based in SQL
// (scripts/province-sql/NN_*.sql: INSERT … SELECT over generate_series and small parameter
// tables written here), so it takes minutes. Records are inserted in their final state and the
// immutability triggers stay on: the only rows written "before" their final state are signed
// plans (inserted as drafts, their targets added, then signed) and closed council meetings
// (attendance added while open, then closed) — the order the app itself follows. The triggers of
// the dashboard's "SchoolYearFigures" are off while each file loads and the table is rebuilt once
// at the end (figuresTriggers below: that is cheaper than a refresh per bulk statement). A marker table
// (province.marker) is written last: a database with the marker of this generator version is
// reused as it is (pending migrations are applied); one without it is dropped and rebuilt.
import { performance } from "node:perf_hooks";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { postgresConn, prismaForUrl, redact, type SqlConn } from "../lib/server/database";
import { migrate } from "../lib/server/migrate";
import { hashPassword } from "../lib/auth/password";
import { DEMO_TOTP_STORED } from "../lib/auth/demo-totp";
import { cleanText, foldVietnamese, vietnameseSortKey } from "../lib/format";
import { createRng, FAMILY_NAMES, FEMALE_GIVEN_NAMES, FEMALE_MIDDLE_NAMES, MALE_GIVEN_NAMES, MALE_MIDDLE_NAMES, intBetween, pick } from "../lib/seed/names";
import { checkScale, type Criterion, type ScaleDefinition } from "../lib/scoring/scale";
import { computeStage, type StageData } from "../lib/scoring/rules";
import { checksumOf } from "../lib/scoring/snapshot";
import { TEMPLATE_100 } from "../lib/scoring/templates";
import { seedAuthorities } from "../lib/seed/authority";

/** Bump when the generated data changes shape: an older province database is rebuilt. */
export const PROVINCE_VERSION = 2;

export const PROVINCE_PASSWORD = "ThiDua@2025";

/** Fixed ids and accounts the benchmark reads. */
export const PROVINCE = {
  root: "pv_ldld",
  /** The upper unit of exactly 100 schools (Công đoàn Giáo dục xã Sơn Thủy). */
  benchUnit: "pv_u00",
  /** Trường THCS Lê Quý Đôn: 150 members, in the bench unit. */
  benchSchool: "pv_s0001",
  /** A school of typical size (≈ 50 members) in the bench unit. */
  typicalSchool: "pv_s0002",
  termId: "pv_term_ldld_2023",
  years: { Y1: "sy_2024", Y2: "sy_2025", Y3: "sy_2026" },
  emails: {
    admin: "admin@tinh.test",
    province: "ldld@tinh.test",
    benchUnit: "canbo.u00@tinh.test",
    benchChair: "chutich.s0001@tinh.test",
    benchPrincipal: "hieutruong.s0001@tinh.test",
    typicalChair: "chutich.s0002@tinh.test",
    typicalPrincipal: "hieutruong.s0002@tinh.test",
  },
  schools: 3000,
  members: 150_000,
  units: 30,
} as const;

// ---------------------------------------------------------------------------------------------
// The scale: 10 groups × 3 criteria = 30 criteria, 100 points, TEMPLATE_100's deductions,
// bonus, disqualifiers and bands.

const c = (key: string, name: string, points: number, evidenceRequired = false): Criterion => ({ key, name, max: points * 10, evidenceRequired, type: "POINTS" });
const group = (key: string, name: string, criteria: Criterion[]) => ({ key, name, max: criteria.reduce((s, x) => s + x.max, 0), criteria });

export const PROVINCE_SCALE: ScaleDefinition = {
  ...TEMPLATE_100,
  periodKind: "YEAR",
  basis: "Hướng dẫn thi đua của Công đoàn ngành Giáo dục tỉnh Sơn Hà; Quy chế thi đua, khen thưởng của nhà trường.",
  groups: [
    group("dao_duc", "Phẩm chất chính trị, đạo đức, lối sống", [c("dd_phap_luat", "Chấp hành chủ trương, chính sách, pháp luật", 4), c("dd_nha_giao", "Đạo đức nhà giáo, ứng xử văn hóa", 3), c("dd_doan_ket", "Đoàn kết, giúp đỡ đồng nghiệp", 3)]),
    group("ky_luat", "Chấp hành kỷ luật, ngày giờ công", [c("kl_ngay_cong", "Đảm bảo ngày giờ công", 4), c("kl_noi_quy", "Chấp hành nội quy, quy chế cơ quan", 3), c("kl_dung_han", "Hoàn thành nhiệm vụ được giao đúng hạn", 3)]),
    group("quy_che", "Thực hiện quy chế chuyên môn", [c("qc_ho_so", "Hồ sơ, sổ sách chuyên môn", 4, true), c("qc_soan_giang", "Soạn giảng đúng quy định", 3), c("qc_kiem_tra", "Kiểm tra, đánh giá học sinh đúng quy định", 3)]),
    group("chat_luong", "Chất lượng giảng dạy, giáo dục", [c("cl_gio_day", "Chất lượng giờ dạy (dự giờ, thao giảng)", 6, true), c("cl_ket_qua", "Kết quả học tập, rèn luyện của học sinh", 5), c("cl_doi_moi", "Đổi mới phương pháp dạy học", 4)]),
    group("chu_nhiem", "Công tác chủ nhiệm", [c("cn_lop", "Quản lý lớp, nền nếp học sinh", 4), c("cn_phu_huynh", "Phối hợp với cha mẹ học sinh", 3), c("cn_hoc_sinh_yeu", "Giúp đỡ học sinh có hoàn cảnh khó khăn", 3)]),
    group("tu_hoc", "Tự học, bồi dưỡng", [c("th_boi_duong", "Bồi dưỡng thường xuyên", 4, true), c("th_sang_kien", "Sáng kiến, đồ dùng dạy học", 3, true), c("th_cntt", "Ứng dụng công nghệ thông tin", 3)]),
    group("phong_trao", "Phong trào thi đua", [c("pt_thi_dua", "Phong trào thi đua của trường, ngành", 4), c("pt_van_nghe", "Văn nghệ, hội diễn", 3), c("pt_the_thao", "Thể dục, thể thao", 3)]),
    group("cong_doan", "Hoạt động công đoàn", [c("cd_sinh_hoat", "Sinh hoạt tổ công đoàn", 3), c("cd_dong_gop", "Đóng đoàn phí, quỹ", 2.5), c("cd_tu_thien", "Hoạt động tương thân tương ái", 2.5)]),
    group("gia_dinh", "Xây dựng gia đình văn hóa", [c("gd_gia_dinh", "Gia đình văn hóa", 3), c("gd_an_toan", "An toàn giao thông, phòng chống tệ nạn", 2), c("gd_moi_truong", "Bảo vệ môi trường", 2)]),
    group("phoi_hop", "Phối hợp, tham gia công tác chung", [c("ph_doan_the", "Phối hợp với các đoàn thể", 4), c("ph_cong_dong", "Tham gia hoạt động cộng đồng", 3), c("ph_phan_cong", "Nhận nhiệm vụ được phân công thêm", 3)]),
  ],
};

const VARIANTS = 64;

/**
 * Stage data of VARIANTS member profiles (most near full marks, some weaker, a few non-homeroom
 * teachers with N/A, one disqualified), each at the three stages (the group and the council take
 * off a little), plus incomplete self-assessments — totals and classification computed by the
 * app's own rules (lib/scoring/rules.ts), so the stored numbers are what the app would store.
 */
function stageVariants() {
  const crit = PROVINCE_SCALE.groups.flatMap((g) => g.criteria);
  const out: { k: number; stage: string; partial: boolean; data: StageData; total: number; complete: boolean; classification: string | null }[] = [];
  for (let k = 0; k < VARIANTS; k++) {
    const rng = createRng(1000 + k);
    const weakness = k % 11 === 5 ? 3 : k % 7 === 3 ? 2 : k % 3 === 0 ? 1 : 0;
    const homeroom = k % 5 !== 4;
    for (const stage of ["SELF", "GROUP", "COUNCIL"] as const) {
      const entries: StageData["entries"] = {};
      crit.forEach((cr, i) => {
        if (!homeroom && cr.key.startsWith("cn_")) {
          entries[cr.key] = { state: "NOT_APPLICABLE" };
          return;
        }
        const off = (weakness * ((k + i) % 4)) / 4 + (stage !== "SELF" && (k + i) % 9 === 0 ? 1 : 0) + (stage === "COUNCIL" && k % 6 === 1 && i % 10 === 0 ? 1 : 0);
        entries[cr.key] = { state: "SCORED", points: Math.max(0, cr.max - Math.round(off * 10 * (0.5 + rng()))) };
      });
      const data: StageData = {
        entries,
        deductions: k % 8 === 3 ? [{ key: "di_muon", count: 1 + (k % 3), reason: "Sổ trực ghi đi muộn" }] : [],
        bonus: k % 6 === 0 ? { gv_gioi: 30 } : k % 10 === 7 ? { xa_hoi: 20 } : {},
        disqualifiers: k === 17 && stage !== "SELF" ? [{ key: "ky_luat", reason: "Quyết định kỷ luật khiển trách trong năm học" }] : [],
      };
      const r = computeStage(PROVINCE_SCALE, data);
      out.push({ k, stage, partial: false, data, total: r.total, complete: r.complete, classification: r.classification?.label ?? null });
    }
    // An incomplete self-assessment (two thirds entered).
    const entries: StageData["entries"] = {};
    crit.slice(0, 20).forEach((cr) => (entries[cr.key] = { state: "SCORED", points: cr.max - (k % 3) * 5 }));
    const data: StageData = { entries, deductions: [], bonus: {}, disqualifiers: [] };
    const r = computeStage(PROVINCE_SCALE, data);
    out.push({ k, stage: "SELF", partial: true, data, total: r.total, complete: r.complete, classification: r.classification?.label ?? null });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Units and schools (sizes and names decided here, rows written by SQL).

const PLACES = [
  "Sơn Thủy", "Bắc Sơn", "An Phú", "Hòa Bình", "Tân Lập", "Phú Lộc", "Thanh Hà", "Đông Hưng", "Quảng Xương", "Yên Thế",
  "Vĩnh Lộc", "Hưng Nguyên", "Nghĩa Đàn", "Kim Sơn", "Tiên Phước", "Đại Lộc", "Hải Lăng", "Cam Lộ", "Minh Hóa", "Lạc Thủy",
  "Cẩm Xuyên", "Thạch Hà", "Đức Thọ", "Hương Khê", "Can Lộc", "Nghi Xuân", "Kỳ Anh", "Lộc Hà", "Vũ Quang",
];
const HONOREES = [
  "Kim Đồng", "Lê Quý Đôn", "Nguyễn Trãi", "Chu Văn An", "Trần Phú", "Lý Tự Trọng", "Võ Thị Sáu", "Nguyễn Du", "Lê Lợi", "Trần Quốc Toản",
  "Nguyễn Huệ", "Hai Bà Trưng", "Ngô Quyền", "Phan Bội Châu", "Nguyễn Văn Trỗi", "Lê Văn Tám", "Hoàng Hoa Thám", "Trần Hưng Đạo", "Nguyễn Khuyến", "Tô Hiến Thành",
];
const KINDERGARTEN = ["Hoa Mai", "Hoa Sen", "Họa Mi", "Sơn Ca", "Hoa Hồng", "Búp Sen Xanh", "Tuổi Thơ", "Hướng Dương", "Bình Minh", "Sao Mai"];
const LEVEL_NAME: Record<string, string> = { MAM_NON: "Mầm non", TIEU_HOC: "Tiểu học", THCS: "THCS", THPT: "THPT", LIEN_CAP: "Phổ thông liên cấp" };
const LEVEL_CODE: Record<string, string> = { MAM_NON: "MN", TIEU_HOC: "TH", THCS: "THCS", THPT: "THPT", LIEN_CAP: "LC" };
const SIZE: Record<string, [number, number]> = { MAM_NON: [22, 42], TIEU_HOC: [30, 62], THCS: [34, 66], THPT: [70, 110], LIEN_CAP: [40, 72] };
const FEMALE: Record<string, number> = { MAM_NON: 0.98, TIEU_HOC: 0.82, THCS: 0.72, THPT: 0.62, LIEN_CAP: 0.75 };

function layout() {
  const rng = createRng(20261202);
  const units = Array.from({ length: PROVINCE.units }, (_, k) => {
    const sector = k === PROVINCE.units - 1;
    const place = sector ? "tỉnh Sơn Hà" : PLACES[k];
    return {
      k,
      id: `pv_u${String(k).padStart(2, "0")}`,
      name: sector ? "Công đoàn ngành Giáo dục tỉnh Sơn Hà" : `Công đoàn Giáo dục xã ${place}`,
      place: sector ? "Sơn Hà" : place,
      govId: sector ? "pv_so_gd" : `pv_x${String(k).padStart(2, "0")}`,
      govName: sector ? "Sở Giáo dục và Đào tạo tỉnh Sơn Hà" : `Ủy ban nhân dân xã ${place}`,
      govShort: sector ? "SGDĐT" : "UBND",
      govSigner: sector ? "Giám đốc" : "Chủ tịch",
      n: 0,
      start: 0,
    };
  });
  // Unit 0 (the bench unit) has exactly 100 schools; the other 2,900 spread over 29 units (60–140).
  const counts = units.map((u) => (u.k === 0 ? 100 : intBetween(rng, 60, 140)));
  const rest = counts.slice(1).reduce((s, n) => s + n, 0);
  let acc = 0;
  for (let k = 1; k < units.length; k++) {
    counts[k] = k === units.length - 1 ? PROVINCE.schools - 100 - acc : Math.round((counts[k] * (PROVINCE.schools - 100)) / rest);
    acc += counts[k];
  }
  let start = 1;
  for (const u of units) {
    u.n = counts[u.k];
    u.start = start;
    start += u.n;
  }
  const schools: { i: number; k: number; id: string; code: string; name: string; level: string; size: number; mStart: number; female: number }[] = [];
  for (const u of units) {
    const used = new Set<string>();
    for (let j = 0; j < u.n; j++) {
      const i = u.start + j;
      const sector = u.k === PROVINCE.units - 1;
      const r = rng();
      const level = i === 1 ? "THCS" : sector ? "THPT" : r < 0.3 ? "MAM_NON" : r < 0.68 ? "TIEU_HOC" : r < 0.95 ? "THCS" : "LIEN_CAP";
      let base = level === "MAM_NON" ? pick(rng, KINDERGARTEN) : pick(rng, HONOREES);
      if (i === 1) base = "Lê Quý Đôn";
      let name = `Trường ${LEVEL_NAME[level]} ${base}`;
      for (let n = 2; used.has(name); n++) name = `Trường ${LEVEL_NAME[level]} ${u.place} ${n}`;
      used.add(name);
      schools.push({ i, k: u.k, id: `pv_s${String(i).padStart(4, "0")}`, code: `SH-${String(u.k).padStart(2, "0")}-${LEVEL_CODE[level]}-${String(i).padStart(4, "0")}`, name, level, size: intBetween(rng, ...SIZE[level]), mStart: 0, female: FEMALE[level] });
    }
  }
  // Scale the sizes so that the province has exactly 150,000 members, the bench school 150.
  const others = schools.filter((s) => s.i !== 1);
  const raw = others.reduce((s, x) => s + x.size, 0);
  const target = PROVINCE.members - 150;
  let sum = 0;
  others.forEach((s, n) => {
    s.size = n === others.length - 1 ? target - sum : Math.max(15, Math.round((s.size * target) / raw));
    sum += s.size;
  });
  schools[0].size = 150;
  let m = 1;
  for (const s of schools) {
    s.mStart = m;
    m += s.size;
  }
  return { units, schools };
}

// ---------------------------------------------------------------------------------------------

function nameArrays() {
  const fam = FAMILY_NAMES.flatMap(([n, w]) => Array.from({ length: w }, () => n));
  const f = (xs: readonly string[]) => xs.map((x) => foldVietnamese(x));
  return {
    fam,
    famF: f(fam),
    femMid: [...FEMALE_MIDDLE_NAMES],
    femMidF: f(FEMALE_MIDDLE_NAMES),
    maleMid: [...MALE_MIDDLE_NAMES],
    maleMidF: f(MALE_MIDDLE_NAMES),
    femGiven: [...FEMALE_GIVEN_NAMES],
    femGivenF: f(FEMALE_GIVEN_NAMES),
    femGivenL: FEMALE_GIVEN_NAMES.map((x) => cleanText(x).toLowerCase()),
    maleGiven: [...MALE_GIVEN_NAMES],
    maleGivenF: f(MALE_GIVEN_NAMES),
    maleGivenL: MALE_GIVEN_NAMES.map((x) => cleanText(x).toLowerCase()),
  };
}

/** Writes the parameter tables the SQL steps read (schema province_gen, dropped at the end). */
async function writeParams(sql: SqlConn) {
  const { units, schools } = layout();
  const problems = checkScale(PROVINCE_SCALE);
  if (problems.length) throw new Error(`province scale: ${problems.map((p) => p.message).join("; ")}`);
  const names = nameArrays();
  const passwordHash = await hashPassword(PROVINCE_PASSWORD);
  await sql.exec(`
    DROP SCHEMA IF EXISTS province_gen CASCADE;
    CREATE SCHEMA province_gen;
    -- A deterministic number in [0, 1) from an integer and a salt (hashint8 is PostgreSQL's own).
    CREATE FUNCTION province_gen.r(i bigint, salt int) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT ((hashint8(i * 7919 + salt) & 2147483647) % 1000003)::double precision / 1000003 $$;
    CREATE TABLE province_gen.p (
      fam text[], fam_f text[], fem_mid text[], fem_mid_f text[], male_mid text[], male_mid_f text[],
      fem_given text[], fem_given_f text[], fem_given_l text[], male_given text[], male_given_f text[], male_given_l text[],
      password_hash text, totp text, scale jsonb, scale_checksum text);
    CREATE TABLE province_gen.unit (k int PRIMARY KEY, id text, name text, place text, gov_id text, gov_name text, gov_short text, gov_signer text, n int, start int);
    CREATE TABLE province_gen.school (i int PRIMARY KEY, k int, id text, code text, name text, level text, size int, m_start int, female real, name_f text);
    -- Every name the generator can make (family × middle × given, by gender), with nameSearch and
    -- sortKey computed by lib/format.ts, so they are exactly what the app writes.
    CREATE TABLE province_gen.nm (gender text, f int, m int, g int, full_name text, search text, sort_key text, PRIMARY KEY (gender, f, m, g));
    CREATE TABLE province_gen.variant (k int, stage text, partial boolean, data jsonb, total int, complete boolean, classification text, PRIMARY KEY (k, stage, partial));
    CREATE TABLE province_gen.year (y int PRIMARY KEY, id text, label text, start_year int, closed boolean);
    INSERT INTO province_gen.year VALUES (1, 'sy_2024', '2024–2025', 2024, true), (2, 'sy_2025', '2025–2026', 2025, true), (3, 'sy_2026', '2026–2027', 2026, false);
  `);
  await sql.query(
    `INSERT INTO province_gen.p VALUES ($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13, $14, $15::jsonb, $16)`,
    [names.fam, names.famF, names.femMid, names.femMidF, names.maleMid, names.maleMidF, names.femGiven, names.femGivenF, names.femGivenL, names.maleGiven, names.maleGivenF, names.maleGivenL, passwordHash, DEMO_TOTP_STORED, JSON.stringify(PROVINCE_SCALE), checksumOf(PROVINCE_SCALE)],
  );
  await sql.query(
    `INSERT INTO province_gen.unit SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[])`,
    [units.map((u) => u.k), units.map((u) => u.id), units.map((u) => u.name), units.map((u) => u.place), units.map((u) => u.govId), units.map((u) => u.govName), units.map((u) => u.govShort), units.map((u) => u.govSigner), units.map((u) => u.n), units.map((u) => u.start)],
  );
  await sql.query(
    `INSERT INTO province_gen.school SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::real[], $10::text[])`,
    [schools.map((s) => s.i), schools.map((s) => s.k), schools.map((s) => s.id), schools.map((s) => s.code), schools.map((s) => s.name), schools.map((s) => s.level), schools.map((s) => s.size), schools.map((s) => s.mStart), schools.map((s) => s.female), schools.map((s) => foldVietnamese(s.name))],
  );
  const nm: [string, number, number, number, string][] = [];
  for (const [gender, mids, givens] of [["NU", names.femMid, names.femGiven], ["NAM", names.maleMid, names.maleGiven]] as const) {
    names.fam.forEach((fam, f) => mids.forEach((mid, m) => givens.forEach((given, g) => nm.push([gender, f + 1, m + 1, g + 1, cleanText(`${fam} ${mid} ${given}`)]))));
  }
  await sql.query(
    `INSERT INTO province_gen.nm SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[])`,
    [nm.map((x) => x[0]), nm.map((x) => x[1]), nm.map((x) => x[2]), nm.map((x) => x[3]), nm.map((x) => x[4]), nm.map((x) => foldVietnamese(x[4])), nm.map((x) => vietnameseSortKey(x[4]))],
  );
  const v = stageVariants();
  await sql.query(
    `INSERT INTO province_gen.variant SELECT * FROM unnest($1::int[], $2::text[], $3::boolean[], $4::jsonb[], $5::int[], $6::boolean[], $7::text[])`,
    [v.map((x) => x.k), v.map((x) => x.stage), v.map((x) => x.partial), v.map((x) => JSON.stringify(x.data)), v.map((x) => x.total), v.map((x) => x.complete), v.map((x) => x.classification)],
  );
  await sql.exec(`ANALYZE province_gen.school; ANALYZE province_gen.unit; ANALYZE province_gen.variant; ANALYZE province_gen.nm;`);
}

export function sqlDir(): string {
  return path.join(process.cwd(), "scripts", "province-sql");
}

export interface ProvinceInfo {
  url: string;
  dbName: string;
  created: boolean;
  /** Seconds the generation took (this run, or the run that built the reused database). */
  seconds: number;
  counts: Record<string, number>;
}

function dbUrl(base: string, dbName: string): string {
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  return u.toString();
}

async function markerOf(sql: SqlConn): Promise<{ version: number; seconds: number; counts: Record<string, number> } | null> {
  const has = await sql.query<{ ok: boolean }>(`SELECT to_regclass('province.marker') IS NOT NULL AS ok`);
  if (!has[0]?.ok) return null;
  const rows = await sql.query<{ version: number; seconds: string; counts: Record<string, number> }>(`SELECT version, seconds, counts FROM province.marker LIMIT 1`);
  return rows[0] ? { version: rows[0].version, seconds: Number(rows[0].seconds), counts: rows[0].counts } : null;
}

/** The province database: reused when complete, else (re)built. Logs each step's time. */
export async function ensureProvince(base: string, o: { dbName?: string; force?: boolean; log?: (line: string) => void } = {}): Promise<ProvinceInfo> {
  const dbName = o.dbName ?? process.env.PROVINCE_DB ?? "thidua_province";
  if (!/^[a-z0-9_]+$/.test(dbName)) throw new Error(`PROVINCE_DB: bad database name "${dbName}"`);
  const log = o.log ?? ((l: string) => console.log(l));
  const url = dbUrl(base, dbName);
  // Development aid: PROVINCE_RESUME=05 re-runs scripts/province-sql/05_*.sql and after on the
  // half-built database a failed run left (its province_gen parameter tables are kept).
  const resume = process.env.PROVINCE_RESUME;
  if (resume) return build(url, dbName, log, resume);
  const admin = await postgresConn(base);
  try {
    const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [dbName])).length > 0;
    if (exists && !o.force) {
      const sql = await postgresConn(url);
      try {
        const marker = await markerOf(sql);
        if (marker && marker.version === PROVINCE_VERSION) {
          const applied = await migrate(sql);
          if (applied.length) {
            log(`province: applied ${applied.length} new migration(s) to the existing database: ${applied.join(", ")}`);
            await sql.exec("ANALYZE");
          }
          return { url, dbName, created: false, seconds: marker.seconds, counts: marker.counts };
        }
        log(marker ? `province: ${dbName} was built by generator version ${marker.version}; rebuilding` : `province: ${dbName} exists but is incomplete (no marker); rebuilding`);
      } finally {
        await sql.close();
      }
    }
    if (exists) await admin.exec(`DROP DATABASE "${dbName}" WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE "${dbName}"`);
  } finally {
    await admin.close();
  }
  log(`province: generating ${dbName} on ${redact(base)} (3,000 schools, 150,000 members, 3 school years)…`);
  return build(url, dbName, log, null);
}

async function build(url: string, dbName: string, log: (l: string) => void, resume: string | null): Promise<ProvinceInfo> {
  const t0 = performance.now();
  const sql = await postgresConn(url);
  try {
    await sql.exec(`SET synchronous_commit = off; SET work_mem = '64MB'; SET maintenance_work_mem = '256MB'; SET jit = off;`);
    if (!resume) {
      await step(log, "migrate", () => migrate(sql));
      await step(log, "parameters (names, units, schools, scale, score variants)", () => writeParams(sql));
      const prisma = prismaForUrl(url, 1);
      try {
        await step(log, "award authorities (lib/seed/authority.ts)", () => seedAuthorities(prisma));
      } finally {
        await prisma.$disconnect();
      }
    }
    const files = readdirSync(sqlDir()).filter((f) => f.endsWith(".sql") && (!resume || f >= resume)).sort();
    for (const f of files) {
      const text = readFileSync(path.join(sqlDir(), f), "utf8");
      const rows = await step(log, f, async () => {
        // The upper-unit dashboard's summary triggers are off inside each file's transaction (so a
        // failed file leaves them on) and the table is rebuilt once at the end, below.
        await sql.exec(`BEGIN;\n${figuresTriggers("DISABLE")}\n${text}\n${figuresTriggers("ENABLE")}\nCOMMIT;`).catch(async (e) => {
          await sql.exec("ROLLBACK").catch(() => {});
          throw new Error(`${f}: ${(e as Error).message}`);
        });
        // Fresh statistics for the next step's joins (the tables were empty when last analysed).
        await sql.exec("ANALYZE");
      });
      void rows;
    }
    await step(log, "SchoolYearFigures (school_year_figures_rebuild)", () => sql.exec(`SELECT school_year_figures_rebuild()`));
    // As autovacuum would by then: statistics, and the visibility map that index-only scans need.
    await step(log, "VACUUM ANALYZE", () => sql.exec("VACUUM ANALYZE"));
    const counts = await countRows(sql);
    const seconds = (performance.now() - t0) / 1000;
    await sql.exec(`DROP SCHEMA province_gen CASCADE; CREATE SCHEMA IF NOT EXISTS province;
      CREATE TABLE province.marker (version int NOT NULL, generated_at timestamptz NOT NULL DEFAULT now(), seconds numeric NOT NULL, counts jsonb NOT NULL);`);
    await sql.query(`INSERT INTO province.marker (version, seconds, counts) VALUES ($1, $2, $3::jsonb)`, [PROVINCE_VERSION, seconds.toFixed(1), JSON.stringify(counts)]);
    const size = await sql.query<{ s: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`);
    log(`province: generated in ${seconds.toFixed(1)} s; database size ${size[0].s}`);
    return { url, dbName, created: true, seconds, counts };
  } finally {
    await sql.close();
  }
}

/**
 * Turns the triggers of "SchoolYearFigures" (migration 20261203170000_school_year_figures) off or
 * on, in the transaction that runs it. With them on, every bulk INSERT of the load refreshes every
 * (school, year) pair it touches, each time over all the rows loaded so far. Measured on the
 * 3,000-school province (03/12/2026, the shared 2-core machine): 05_campaigns_scoring.sql 133 s
 * with them against 92 s without, 07_nominations.sql 49 s against 35 s, 08_decisions.sql 70 s
 * against 42 s, the whole load 294 s against 224 s including the one rebuild at the end (9–18 s).
 * Both end with the same table (schoolYearFiguresDrift empty); the triggers are on afterwards.
 */
function figuresTriggers(op: "DISABLE" | "ENABLE"): string {
  return `DO $syf$ DECLARE r record; BEGIN
    FOR r IN SELECT t.tgrelid::regclass AS tbl, t.tgname FROM pg_trigger t WHERE t.tgname LIKE 'syf\\_%' AND NOT t.tgisinternal LOOP
      EXECUTE format('ALTER TABLE %s ${op} TRIGGER %I', r.tbl, r.tgname);
    END LOOP;
  END $syf$;`;
}

async function step<T>(log: (l: string) => void, label: string, fn: () => Promise<T>): Promise<T> {
  const s = performance.now();
  const out = await fn();
  log(`  ${label.padEnd(58)} ${((performance.now() - s) / 1000).toFixed(1).padStart(7)} s`);
  return out;
}

const COUNTED = [
  "Organisation", "School", "UnionGroup", "Member", "User", "RoleAssignment", "CoordinationPlan", "PlanTarget", "ScoringScale", "Campaign",
  "Registration", "ScorePeriod", "ScoreSheet", "ScoreStage", "Appeal", "MemberEvaluation", "Discipline", "OpenCase", "Initiative", "Council",
  "CouncilMember", "CouncilMeeting", "NominationPackage", "NominationItem", "NominationEvent", "AwardDecision", "DecisionRevocation", "Award", "UnionTerm",
];

async function countRows(sql: SqlConn): Promise<Record<string, number>> {
  const rows = await sql.query<{ t: string; n: string }>(COUNTED.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM "${t}"`).join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

// CLI
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const base = process.env.DATABASE_URL;
  if (!base) {
    console.error("province: set DATABASE_URL to a PostgreSQL server (the province is generated in a database of its own).");
    process.exit(1);
  }
  const info = await ensureProvince(base, { force: process.env.PROVINCE_FORCE === "1" });
  console.log(info.created ? `province: ready (${info.dbName})` : `province: reusing ${info.dbName} (generated earlier in ${info.seconds.toFixed(1)} s)`);
  for (const [t, n] of Object.entries(info.counts)) console.log(`  ${t.padEnd(22)} ${n.toLocaleString("vi-VN").padStart(12)}`);
}
