// Demo data that feels real (DOMAIN.md §8): a fictional province "Sơn Hà", the education union
// of Sơn Thủy with five schools (175 members), a second upper unit (Bắc Sơn, one school of 12)
// so that tests have two tenants at the upper level, accounts for every role, and three school
// years. Everything is generated deterministically (seeded PRNG), with fixed readable ids that
// tests can reference through DEMO.
import type { PrismaClient } from "../generated/prisma/client";
import type { Gender, MemberStatus, OrgType, Role, SchoolLevel } from "../generated/prisma/enums";
import { hashPassword } from "../auth/password";
import { cleanText, foldVietnamese, schoolYearLabel, vietnameseSortKey } from "../format";
import { createNameGenerator, createRng, intBetween, seedFrom, type SeedGender } from "./names";
import { DEMO_TOTP_STORED } from "../auth/demo-totp";

export const DEMO_PASSWORD = "ThiDua@2025";

/** Fixed ids of the demo rows (tests and docs rely on them; never change them). */
export const DEMO = {
  orgs: {
    /** Liên đoàn Lao động tỉnh Sơn Hà (root of the union side). */
    LDLD_SONHA: "org_ldld_sonha",
    /** Công đoàn Giáo dục huyện Sơn Thủy: the five Sơn Thủy schools' upper unit. */
    CDGD_SONTHUY: "org_cdgd_sonthuy",
    /** Công đoàn Giáo dục huyện Bắc Sơn: the second tenant (one school). */
    CDGD_BACSON: "org_cdgd_bacson",
    /** Công đoàn ngành Giáo dục tỉnh Sơn Hà (from 1 July 2025; no schools attached in the demo). */
    CDGD_SONHA: "org_cdgd_sonha",
    /** Phòng Giáo dục và Đào tạo huyện Sơn Thủy (until 30 June 2025, succeeded by UBND xã). */
    PGD_SONTHUY: "org_pgd_sonthuy",
    UBND_SONTHUY: "org_ubnd_sonthuy",
    UBND_BACSON: "org_ubnd_bacson",
  },
  schools: {
    HM: "sch_hm",
    STA: "sch_sta",
    KD: "sch_kd",
    LQD: "sch_lqd",
    NT: "sch_nt",
    BS: "sch_bs",
  },
  schoolCodes: {
    HM: "ST-MN-HM",
    STA: "ST-TH-A",
    KD: "ST-TH-KD",
    LQD: "ST-THCS-LQD",
    NT: "ST-THCS-NT",
    BS: "BS-TH",
  },
  /** Member rows per school (LEFT included). */
  schoolSizes: { sch_hm: 28, sch_sta: 36, sch_kd: 31, sch_lqd: 42, sch_nt: 38, sch_bs: 12 },
  groups: {
    HM_NHA_TRE: "grp_hm_nt",
    HM_MAU_GIAO: "grp_hm_mg",
    HM_VAN_PHONG: "grp_hm_vp",
    STA_K12: "grp_sta_k12",
    STA_K3: "grp_sta_k3",
    STA_K45: "grp_sta_k45",
    STA_VAN_PHONG: "grp_sta_vp",
    KD_K12: "grp_kd_k12",
    KD_K3: "grp_kd_k3",
    KD_K45: "grp_kd_k45",
    KD_VAN_PHONG: "grp_kd_vp",
    LQD_TOAN_TIN: "grp_lqd_toan",
    LQD_VAN_SU_DIA: "grp_lqd_van",
    LQD_ANH_NK: "grp_lqd_anh",
    LQD_KHTN: "grp_lqd_khtn",
    LQD_VAN_PHONG: "grp_lqd_vp",
    NT_TOAN_TIN: "grp_nt_toan",
    NT_VAN_SU_DIA: "grp_nt_van",
    NT_ANH_NK: "grp_nt_anh",
    NT_KHTN: "grp_nt_khtn",
    NT_VAN_PHONG: "grp_nt_vp",
    BS_CHUNG: "grp_bs_chung",
  },
  members: {
    /** Hoàng Văn Minh, Hiệu trưởng TH Sơn Thủy A (account hieutruong.sta). */
    STA_PRINCIPAL: "mem_sta_hieutruong",
    /** Nguyễn Thị Thanh Tâm, Chủ tịch CĐCS TH Sơn Thủy A (account chutich.sta). */
    STA_CHAIR: "mem_sta_chutich",
    /** Trần Thị Mỹ Linh, tổ trưởng Tổ CĐ Khối 1–2 (account totruong.sta). */
    STA_GROUP_LEADER: "mem_sta_totruong",
    /** Lê Văn Tuấn, đoàn viên Tổ CĐ Khối 1–2 (account doanvien.sta). */
    STA_MEMBER: "mem_sta_doanvien",
    /** On maternity leave (status MATERNITY_LEAVE). */
    STA_MATERNITY: "mem_sta_thaisan",
    /** Recruited 3 March 2025 (contractStartAt 2025-03-03): under 10 months in 2024–2025. */
    STA_RECRUIT_2025: "mem_sta_moituyen",
    /** Bùi Thị Ngọc Lan, Hiệu trưởng TH Kim Đồng (account hieutruong.kd). */
    KD_PRINCIPAL: "mem_kd_hieutruong",
    /** Đặng Văn Hùng, Chủ tịch CĐCS TH Kim Đồng (account chutich.kd). */
    KD_CHAIR: "mem_kd_chutich",
    /** Nguyễn Thị Thanh Tám (TH Kim Đồng): differs from "Tâm" only by the accent. */
    KD_THANH_TAM: "mem_kd_thanhtam",
    /** Đỗ Thị Đào (MN Hoa Mai). */
    HM_DAO: "mem_hm_dao",
    /** Moved to another school (status LEFT). */
    LQD_LEFT: "mem_lqd_chuyencongtac",
    /** On unpaid leave (status ON_LEAVE). */
    NT_ON_LEAVE: "mem_nt_nghiphep",
  },
  users: {
    ADMIN: "usr_admin",
    UPPER_SONTHUY: "usr_congdoan_st",
    UPPER_BACSON: "usr_congdoan_bs",
    STA_PRINCIPAL: "usr_hieutruong_sta",
    STA_CHAIR: "usr_chutich_sta",
    STA_GROUP_LEADER: "usr_totruong_sta",
    STA_MEMBER: "usr_doanvien_sta",
    KD_PRINCIPAL: "usr_hieutruong_kd",
    KD_CHAIR: "usr_chutich_kd",
  },
  emails: {
    ADMIN: "admin@thidua.test",
    UPPER_SONTHUY: "congdoan@thidua.test",
    UPPER_BACSON: "congdoan.bs@thidua.test",
    STA_PRINCIPAL: "hieutruong.sta@thidua.test",
    STA_CHAIR: "chutich.sta@thidua.test",
    STA_GROUP_LEADER: "totruong.sta@thidua.test",
    STA_MEMBER: "doanvien.sta@thidua.test",
    KD_PRINCIPAL: "hieutruong.kd@thidua.test",
    KD_CHAIR: "chutich.kd@thidua.test",
  },
  /** Y2024–Y2026 are made by seedDemo(); Y2023 (2023–2024) by seedAwardsDemo() and seedHistoryDemo(). */
  years: { Y2023: "sy_2023", Y2024: "sy_2024", Y2025: "sy_2025", Y2026: "sy_2026" },
} as const;

/** Demo sign-in accounts (all with DEMO_PASSWORD), for the README and the sign-in page. */
export const DEMO_ACCOUNTS: readonly { email: string; label: string }[] = [
  { email: DEMO.emails.ADMIN, label: "Quản trị hệ thống" },
  { email: DEMO.emails.UPPER_SONTHUY, label: "Phạm Quang Vinh – cán bộ Công đoàn Giáo dục huyện Sơn Thủy" },
  { email: DEMO.emails.UPPER_BACSON, label: "Vũ Thị Hồng Nhung – cán bộ Công đoàn Giáo dục huyện Bắc Sơn" },
  { email: DEMO.emails.STA_PRINCIPAL, label: "Hoàng Văn Minh – Hiệu trưởng Trường Tiểu học Sơn Thủy A" },
  { email: DEMO.emails.STA_CHAIR, label: "Nguyễn Thị Thanh Tâm – Chủ tịch Công đoàn Trường Tiểu học Sơn Thủy A" },
  { email: DEMO.emails.STA_GROUP_LEADER, label: "Trần Thị Mỹ Linh – Tổ trưởng Tổ CĐ Khối 1–2, TH Sơn Thủy A" },
  { email: DEMO.emails.STA_MEMBER, label: "Lê Văn Tuấn – đoàn viên, TH Sơn Thủy A" },
  { email: DEMO.emails.KD_PRINCIPAL, label: "Bùi Thị Ngọc Lan – Hiệu trưởng Trường Tiểu học Kim Đồng" },
  { email: DEMO.emails.KD_CHAIR, label: "Đặng Văn Hùng – Chủ tịch Công đoàn Trường Tiểu học Kim Đồng" },
];

// ---------------------------------------------------------------------------------------------

/** A calendar date (@db.Date) at UTC midnight. */
function day(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

const O = DEMO.orgs;

/*
 * The union side. In reality the district unions ("Công đoàn Giáo dục huyện …") closed on
 * 30 June 2025 when districts were abolished, and their schools moved to the provincial
 * education union (DOMAIN.md §1). For the demo we keep the two district unions open
 * (validTo null, no successorId) and the schools under them: the upper-unit accounts then see
 * their schools in every school year without a hand-over, and the tenants stay separate
 * (access covers an upper unit and its descendants, so a provincial parent would see both).
 * The provincial union exists as a sibling so the tree shows where things go next, with no
 * schools attached. A real succession is shown on the government side instead: the Phòng
 * GD&ĐT closes on 30 June 2025 with the UBND xã as its successor, and schools point at the
 * UBND xã (their current government unit).
 */
const ORGANISATIONS: {
  id: string;
  name: string;
  type: OrgType;
  parentId: string | null;
  successorId: string | null;
  validFrom: Date;
  validTo: Date | null;
}[] = [
  { id: O.LDLD_SONHA, name: "Liên đoàn Lao động tỉnh Sơn Hà", type: "LIEN_DOAN_LAO_DONG", parentId: null, successorId: null, validFrom: day(1990, 1, 1), validTo: null },
  { id: O.CDGD_SONTHUY, name: "Công đoàn Giáo dục huyện Sơn Thủy", type: "CONG_DOAN_NGANH_GD", parentId: O.LDLD_SONHA, successorId: null, validFrom: day(2015, 1, 1), validTo: null },
  { id: O.CDGD_BACSON, name: "Công đoàn Giáo dục huyện Bắc Sơn", type: "CONG_DOAN_NGANH_GD", parentId: O.LDLD_SONHA, successorId: null, validFrom: day(2015, 1, 1), validTo: null },
  { id: O.CDGD_SONHA, name: "Công đoàn ngành Giáo dục tỉnh Sơn Hà", type: "CONG_DOAN_NGANH_GD", parentId: O.LDLD_SONHA, successorId: null, validFrom: day(2025, 7, 1), validTo: null },
  { id: O.PGD_SONTHUY, name: "Phòng Giáo dục và Đào tạo huyện Sơn Thủy", type: "PHONG_GD", parentId: null, successorId: O.UBND_SONTHUY, validFrom: day(2015, 1, 1), validTo: day(2025, 6, 30) },
  { id: O.UBND_SONTHUY, name: "UBND xã Sơn Thủy", type: "UBND_XA", parentId: null, successorId: null, validFrom: day(2025, 7, 1), validTo: null },
  { id: O.UBND_BACSON, name: "UBND xã Bắc Sơn", type: "UBND_XA", parentId: null, successorId: null, validFrom: day(2025, 7, 1), validTo: null },
];

/** One member to create; unset fields are generated. */
interface Slot {
  id?: string;
  fullName?: string;
  gender?: SeedGender;
  position: string;
  professionalGroup?: string;
  /** Birth year range, or a fixed date. */
  born?: [number, number] | Date;
  contractStartAt?: Date;
  joinedUnionAt?: Date;
  status?: MemberStatus;
  email?: string;
}

interface GroupSpec {
  id: string;
  name: string;
  slots: Slot[];
}

interface SchoolSpec {
  key: keyof typeof DEMO.schools;
  name: string;
  level: SchoolLevel;
  address: string;
  unionUnitId: string;
  govUnitId: string;
  /** Share of women among generated people (kindergartens nearly all women). */
  femaleShare: number;
  groups: GroupSpec[];
}

const HEAD: [number, number] = [1968, 1982];
const LEAD: [number, number] = [1972, 1988];

function slots(n: number, position: string, extra: Partial<Slot> = {}): Slot[] {
  return Array.from({ length: n }, () => ({ position, ...extra }));
}

/** Classroom teachers of a primary group: most are homeroom teachers, a few teach subjects. */
function primaryTeachers(n: number): Slot[] {
  const subject = Math.max(1, Math.round(n * 0.2));
  return [...slots(n - subject, "Giáo viên chủ nhiệm"), ...slots(subject, "Giáo viên")];
}

/** Lower-secondary teachers: about half are homeroom teachers. */
function secondaryTeachers(n: number): Slot[] {
  const homeroom = Math.round(n * 0.5);
  return [...slots(homeroom, "Giáo viên chủ nhiệm"), ...slots(n - homeroom, "Giáo viên")];
}

function office(principal: Slot, viceCount: number, extra: Slot[] = []): Slot[] {
  return [
    principal,
    ...slots(viceCount, "Phó hiệu trưởng", { born: HEAD }),
    { position: "Kế toán" },
    { position: "Văn thư" },
    { position: "Nhân viên y tế", gender: "NU" },
    ...extra,
    { position: "Bảo vệ", gender: "NAM", born: [1968, 1976] },
  ];
}

function primaryGroups(k: string, counts: [number, number, number], named: { k12?: Slot[]; k3?: Slot[]; k45?: Slot[]; vp: Slot[] }): GroupSpec[] {
  const g = (suffix: string) => `grp_${k}_${suffix}`;
  const block = (extra: Slot[] | undefined, n: number): Slot[] => {
    const fixed = extra ?? [];
    const hasLeader = fixed.some((s) => s.position === "Tổ trưởng chuyên môn");
    const leader: Slot[] = hasLeader ? [] : [{ position: "Tổ trưởng chuyên môn", born: LEAD }];
    return [...leader, ...fixed, ...primaryTeachers(n - fixed.length - leader.length)];
  };
  return [
    { id: g("k12"), name: "Tổ CĐ Khối 1–2", slots: block(named.k12, counts[0]) },
    { id: g("k3"), name: "Tổ CĐ Khối 3", slots: block(named.k3, counts[1]) },
    { id: g("k45"), name: "Tổ CĐ Khối 4–5", slots: block(named.k45, counts[2]) },
    { id: g("vp"), name: "Tổ CĐ Văn phòng", slots: named.vp },
  ];
}

function secondaryGroups(k: string, counts: [number, number, number, number], named: { toan?: Slot[]; khtn?: Slot[]; vp: Slot[] }): GroupSpec[] {
  const g = (suffix: string) => `grp_${k}_${suffix}`;
  const block = (extra: Slot[] | undefined, n: number): Slot[] => {
    const fixed = extra ?? [];
    return [{ position: "Tổ trưởng chuyên môn", born: LEAD }, ...fixed, ...secondaryTeachers(n - fixed.length - 1)];
  };
  return [
    { id: g("toan"), name: "Tổ CĐ Toán – Tin", slots: block(named.toan, counts[0]) },
    { id: g("van"), name: "Tổ CĐ Ngữ văn – Sử – Địa", slots: block(undefined, counts[1]) },
    { id: g("anh"), name: "Tổ CĐ Tiếng Anh – Năng khiếu", slots: block(undefined, counts[2]) },
    { id: g("khtn"), name: "Tổ CĐ Khoa học tự nhiên", slots: block(named.khtn, counts[3]) },
    { id: g("vp"), name: "Tổ CĐ Văn phòng", slots: named.vp },
  ];
}

const M = DEMO.members;
const E = DEMO.emails;
const SONTHUY = { unionUnitId: O.CDGD_SONTHUY, govUnitId: O.UBND_SONTHUY };

const SCHOOLS: SchoolSpec[] = [
  {
    key: "HM",
    name: "Trường Mầm non Hoa Mai",
    level: "MAM_NON",
    address: "Thôn Đông, xã Sơn Thủy, tỉnh Sơn Hà",
    ...SONTHUY,
    femaleShare: 1,
    groups: [
      { id: "grp_hm_nt", name: "Tổ CĐ Nhà trẻ", slots: [{ position: "Tổ trưởng chuyên môn", born: LEAD }, ...slots(6, "Giáo viên")] },
      {
        id: "grp_hm_mg",
        name: "Tổ CĐ Mẫu giáo",
        slots: [
          { position: "Tổ trưởng chuyên môn", born: LEAD },
          { id: M.HM_DAO, fullName: "Đỗ Thị Đào", gender: "NU", position: "Giáo viên", born: [1985, 1990] },
          ...slots(9, "Giáo viên"),
        ],
      },
      {
        id: "grp_hm_vp",
        name: "Tổ CĐ Văn phòng",
        slots: office({ position: "Hiệu trưởng", born: HEAD }, 2, slots(3, "Nhân viên nuôi dưỡng", { gender: "NU" })),
      },
    ],
  },
  {
    key: "STA",
    name: "Trường Tiểu học Sơn Thủy A",
    level: "TIEU_HOC",
    address: "Thôn Trung, xã Sơn Thủy, tỉnh Sơn Hà",
    ...SONTHUY,
    femaleShare: 0.8,
    groups: primaryGroups("sta", [11, 8, 10], {
      k12: [
        { id: M.STA_GROUP_LEADER, fullName: "Trần Thị Mỹ Linh", gender: "NU", position: "Tổ trưởng chuyên môn", born: day(1982, 4, 17), contractStartAt: day(2004, 9, 1), joinedUnionAt: day(2005, 3, 8), email: E.STA_GROUP_LEADER },
        { id: M.STA_MEMBER, fullName: "Lê Văn Tuấn", gender: "NAM", position: "Giáo viên", born: day(1990, 11, 2), contractStartAt: day(2013, 9, 1), joinedUnionAt: day(2014, 1, 15), email: E.STA_MEMBER },
      ],
      k3: [
        { id: M.STA_CHAIR, fullName: "Nguyễn Thị Thanh Tâm", gender: "NU", position: "Giáo viên chủ nhiệm", born: day(1979, 8, 23), contractStartAt: day(2001, 9, 1), joinedUnionAt: day(2002, 1, 10), email: E.STA_CHAIR },
        { id: M.STA_RECRUIT_2025, gender: "NU", position: "Giáo viên", born: day(1999, 6, 12), contractStartAt: day(2025, 3, 3), joinedUnionAt: day(2025, 4, 1) },
      ],
      k45: [{ id: M.STA_MATERNITY, gender: "NU", position: "Giáo viên chủ nhiệm", born: day(1994, 2, 9), contractStartAt: day(2017, 9, 5), joinedUnionAt: day(2018, 3, 1), status: "MATERNITY_LEAVE" }],
      vp: office({ id: M.STA_PRINCIPAL, fullName: "Hoàng Văn Minh", gender: "NAM", position: "Hiệu trưởng", born: day(1972, 5, 19), contractStartAt: day(1994, 9, 1), joinedUnionAt: day(1995, 2, 20), email: E.STA_PRINCIPAL }, 2),
    }),
  },
  {
    key: "KD",
    name: "Trường Tiểu học Kim Đồng",
    level: "TIEU_HOC",
    address: "Thôn Tây, xã Sơn Thủy, tỉnh Sơn Hà",
    ...SONTHUY,
    femaleShare: 0.8,
    groups: primaryGroups("kd", [9, 6, 9], {
      k12: [{ id: M.KD_THANH_TAM, fullName: "Nguyễn Thị Thanh Tám", gender: "NU", position: "Giáo viên chủ nhiệm", born: day(1986, 10, 30), contractStartAt: day(2008, 9, 1), joinedUnionAt: day(2009, 1, 5) }],
      k45: [{ id: M.KD_CHAIR, fullName: "Đặng Văn Hùng", gender: "NAM", position: "Giáo viên", born: day(1980, 3, 14), contractStartAt: day(2003, 9, 1), joinedUnionAt: day(2004, 2, 2), email: E.KD_CHAIR }],
      vp: office({ id: M.KD_PRINCIPAL, fullName: "Bùi Thị Ngọc Lan", gender: "NU", position: "Hiệu trưởng", born: day(1975, 12, 6), contractStartAt: day(1997, 9, 1), joinedUnionAt: day(1998, 3, 8), email: E.KD_PRINCIPAL }, 2),
    }),
  },
  {
    key: "LQD",
    name: "Trường THCS Lê Quý Đôn",
    level: "THCS",
    address: "Thôn Bắc, xã Sơn Thủy, tỉnh Sơn Hà",
    ...SONTHUY,
    femaleShare: 0.7,
    groups: secondaryGroups("lqd", [10, 10, 7, 8], {
      toan: [{ id: M.LQD_LEFT, gender: "NAM", position: "Giáo viên", born: [1988, 1992], status: "LEFT" }],
      vp: office({ position: "Hiệu trưởng", born: HEAD }, 2),
    }),
  },
  {
    key: "NT",
    name: "Trường THCS Nguyễn Trãi",
    level: "THCS",
    address: "Thôn Nam, xã Sơn Thủy, tỉnh Sơn Hà",
    ...SONTHUY,
    femaleShare: 0.7,
    groups: secondaryGroups("nt", [8, 9, 6, 8], {
      khtn: [{ id: M.NT_ON_LEAVE, gender: "NU", position: "Giáo viên", born: [1984, 1990], status: "ON_LEAVE" }],
      vp: office({ position: "Hiệu trưởng", born: HEAD }, 2),
    }),
  },
  {
    key: "BS",
    name: "Trường Tiểu học Bắc Sơn",
    level: "TIEU_HOC",
    address: "Thôn Bản Chùa, xã Bắc Sơn, tỉnh Sơn Hà",
    unionUnitId: O.CDGD_BACSON,
    govUnitId: O.UBND_BACSON,
    femaleShare: 0.8,
    groups: [
      {
        id: "grp_bs_chung",
        name: "Tổ CĐ Chung",
        slots: [
          { position: "Hiệu trưởng", born: HEAD, professionalGroup: "Tổ Văn phòng" },
          { position: "Phó hiệu trưởng", born: HEAD, professionalGroup: "Tổ Văn phòng" },
          { position: "Kế toán", professionalGroup: "Tổ Văn phòng" },
          { position: "Bảo vệ", gender: "NAM", born: [1968, 1976], professionalGroup: "Tổ Văn phòng" },
          { position: "Tổ trưởng chuyên môn", born: LEAD, professionalGroup: "Tổ chuyên môn" },
          ...primaryTeachers(7).map((s) => ({ ...s, professionalGroup: "Tổ chuyên môn" })),
        ],
      },
    ],
  },
];

/** Named people: kept out of the generated names so search tests find exactly them. */
const NAMED = ["Hoàng Văn Minh", "Nguyễn Thị Thanh Tâm", "Trần Thị Mỹ Linh", "Lê Văn Tuấn", "Bùi Thị Ngọc Lan", "Đặng Văn Hùng", "Đỗ Thị Đào", "Phạm Quang Vinh", "Vũ Thị Hồng Nhung"];
/** Folded fragments no generated name may contain ("Thanh Tâm"/"Thanh Tám", "Thị Đào"). */
const AVOID = [...NAMED, "thanh tam", "thi dao"];

export interface DemoMemberRow {
  id: string;
  schoolId: string;
  unionGroupId: string;
  fullName: string;
  nameSearch: string;
  sortKey: string;
  gender: Gender;
  dateOfBirth: Date;
  position: string;
  professionalGroup: string;
  email: string | null;
  joinedUnionAt: Date;
  contractStartAt: Date;
  status: MemberStatus;
}

/** All demo members, generated deterministically (pure: same output on every call). */
export function buildDemoMembers(): DemoMemberRow[] {
  const taken = new Set<string>(NAMED);
  const rows: DemoMemberRow[] = [];
  for (const school of SCHOOLS) {
    const schoolId = DEMO.schools[school.key];
    const rng = createRng(seedFrom(schoolId));
    const nextName = createNameGenerator(rng, { avoid: AVOID, taken });
    let n = 0;
    for (const group of school.groups) {
      const professionalGroup = group.name.replace(/^Tổ CĐ /, "Tổ ");
      for (const slot of group.slots) {
        n++;
        const gender: SeedGender = slot.gender ?? (rng() < school.femaleShare ? "NU" : "NAM");
        const fullName = cleanText(slot.fullName ?? nextName(gender).fullName);
        const dateOfBirth =
          slot.born instanceof Date
            ? slot.born
            : day(intBetween(rng, ...(slot.born ?? [1970, 1999])), intBetween(rng, 1, 12), intBetween(rng, 1, 28));
        // Hired at 22–25 in late summer, never after the 2024–2025 year opened (except on purpose).
        const hireYear = Math.min(dateOfBirth.getUTCFullYear() + intBetween(rng, 22, 25), 2024);
        const contractStartAt = slot.contractStartAt ?? addDays(day(hireYear, 8, 1), intBetween(rng, 0, 45));
        const joinedUnionAt = slot.joinedUnionAt ?? addDays(contractStartAt, intBetween(rng, 20, 240));
        rows.push({
          id: slot.id ?? `mem_${school.key.toLowerCase()}_${String(n).padStart(3, "0")}`,
          schoolId,
          unionGroupId: group.id,
          fullName,
          nameSearch: foldVietnamese(fullName),
          sortKey: vietnameseSortKey(fullName),
          gender,
          dateOfBirth,
          position: slot.position,
          professionalGroup: slot.professionalGroup ?? professionalGroup,
          email: slot.email ?? null,
          joinedUnionAt,
          contractStartAt,
          status: slot.status ?? "ACTIVE",
        });
      }
    }
    const expected = DEMO.schoolSizes[schoolId];
    const count = rows.filter((r) => r.schoolId === schoolId).length;
    if (count !== expected) throw new Error(`Demo data: ${schoolId} has ${count} members, expected ${expected}`);
  }
  return rows;
}

/** Inserts the demo data unless an organisation already exists. */
export async function seedDemo(prisma: PrismaClient): Promise<{ created: boolean; counts: Record<string, number> }> {
  if ((await prisma.organisation.count()) > 0) return { created: false, counts: {} };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const schools = SCHOOLS.map((s) => ({
    id: DEMO.schools[s.key],
    code: DEMO.schoolCodes[s.key],
    name: s.name,
    nameSearch: foldVietnamese(s.name),
    level: s.level,
    address: s.address,
    unionName: `Công đoàn cơ sở ${s.name}`,
    unionUnitId: s.unionUnitId,
    govUnitId: s.govUnitId,
  }));
  const groups = SCHOOLS.flatMap((s) => s.groups.map((g) => ({ id: g.id, schoolId: DEMO.schools[s.key], name: g.name })));
  const members = buildDemoMembers();

  const U = DEMO.users;
  const users = [
    { id: U.ADMIN, email: E.ADMIN, displayName: "Quản trị hệ thống", memberId: null },
    { id: U.UPPER_SONTHUY, email: E.UPPER_SONTHUY, displayName: "Phạm Quang Vinh", memberId: null },
    { id: U.UPPER_BACSON, email: E.UPPER_BACSON, displayName: "Vũ Thị Hồng Nhung", memberId: null },
    { id: U.STA_PRINCIPAL, email: E.STA_PRINCIPAL, displayName: "Hoàng Văn Minh", memberId: M.STA_PRINCIPAL },
    { id: U.STA_CHAIR, email: E.STA_CHAIR, displayName: "Nguyễn Thị Thanh Tâm", memberId: M.STA_CHAIR },
    { id: U.STA_GROUP_LEADER, email: E.STA_GROUP_LEADER, displayName: "Trần Thị Mỹ Linh", memberId: M.STA_GROUP_LEADER },
    { id: U.STA_MEMBER, email: E.STA_MEMBER, displayName: "Lê Văn Tuấn", memberId: M.STA_MEMBER },
    { id: U.KD_PRINCIPAL, email: E.KD_PRINCIPAL, displayName: "Bùi Thị Ngọc Lan", memberId: M.KD_PRINCIPAL },
    { id: U.KD_CHAIR, email: E.KD_CHAIR, displayName: "Đặng Văn Hùng", memberId: M.KD_CHAIR },
  ].map((u) => ({ ...u, passwordHash }));

  const S = DEMO.schools;
  const since = day(2020, 1, 1);
  const role = (userId: string, r: Role, scope: { schoolId?: string; organisationId?: string; unionGroupId?: string } = {}) => ({
    id: `rol_${userId.slice(4)}_${r.toLowerCase()}`,
    userId,
    role: r,
    schoolId: scope.schoolId ?? null,
    organisationId: scope.organisationId ?? null,
    unionGroupId: scope.unionGroupId ?? null,
    validFrom: since,
  });
  const roles = [
    role(U.ADMIN, "ADMIN"),
    role(U.UPPER_SONTHUY, "UPPER_STAFF", { organisationId: O.CDGD_SONTHUY }),
    role(U.UPPER_BACSON, "UPPER_STAFF", { organisationId: O.CDGD_BACSON }),
    role(U.STA_PRINCIPAL, "PRINCIPAL", { schoolId: S.STA }),
    role(U.STA_PRINCIPAL, "MEMBER", { schoolId: S.STA }),
    role(U.STA_CHAIR, "UNION_CHAIR", { schoolId: S.STA }),
    role(U.STA_CHAIR, "MEMBER", { schoolId: S.STA }),
    role(U.STA_GROUP_LEADER, "GROUP_LEADER", { schoolId: S.STA, unionGroupId: DEMO.groups.STA_K12 }),
    role(U.STA_GROUP_LEADER, "MEMBER", { schoolId: S.STA }),
    role(U.STA_MEMBER, "MEMBER", { schoolId: S.STA }),
    role(U.KD_PRINCIPAL, "PRINCIPAL", { schoolId: S.KD }),
    role(U.KD_PRINCIPAL, "MEMBER", { schoolId: S.KD }),
    role(U.KD_CHAIR, "UNION_CHAIR", { schoolId: S.KD }),
    role(U.KD_CHAIR, "MEMBER", { schoolId: S.KD }),
  ];

  const years = [2024, 2025, 2026].map((y) => ({
    id: `sy_${y}`,
    label: schoolYearLabel(y),
    startsOn: day(y, 9, 5),
    endsOn: day(y + 1, 5, 31),
  }));

  // One transaction, one INSERT per table (parents before children).
  const [o, s, g, m, u, r, y] = await prisma.$transaction([
    prisma.organisation.createMany({ data: ORGANISATIONS }),
    prisma.school.createMany({ data: schools }),
    prisma.unionGroup.createMany({ data: groups }),
    prisma.member.createMany({ data: members }),
    prisma.user.createMany({ data: users }),
    prisma.roleAssignment.createMany({ data: roles }),
    prisma.schoolYear.createMany({ data: years }),
  ]);
  // Two-step sign-in of the accounts that require it, with the published demo secret (README).
  await prisma.twoStep.createMany({
    data: [U.ADMIN, U.UPPER_SONTHUY, U.UPPER_BACSON].map((userId) => ({ userId, secret: DEMO_TOTP_STORED, enabledAt: since })),
  });
  return {
    created: true,
    counts: {
      organisations: o.count,
      schools: s.count,
      unionGroups: g.count,
      members: m.count,
      users: u.count,
      roleAssignments: r.count,
      schoolYears: y.count,
    },
  };
}
