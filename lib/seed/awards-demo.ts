// Awards demo data (issue 5), on top of seedDemo(): TH Sơn Thủy A's evaluations for 2024–2025
// and 2025–2026, initiatives, a disciplined member and an open complaint, the council of each
// year, and the decisions of earlier years so that "3 consecutive CSTĐCS" and year-over-year
// reports have history. Designed so the rules show DOMAIN.md's cases in the browser:
//   2025–2026: 25 of 36 members qualify for LĐTT, 4 for CSTĐCS → proposing all 4 is 16% and is
//   refused (at most 3); Nguyễn Thị Thanh Tâm has CSTĐCS 2023–2024 and 2024–2025, so with this
//   year's she is flagged for CSTĐ cấp tỉnh; the principal meets the Confederation Bằng khen rule;
//   the maternity-leave member qualifies; the member recruited in March 2025 does not for 2024–2025.
import type { PrismaClient } from "../generated/prisma/client";
import type { AwardLevel, CivilServantGrade, CouncilRole } from "../generated/prisma/enums";
import { buildDemoMembers, DEMO } from "./demo";
import { seedAuthorities } from "./authority";

const M = DEMO.members;
const S = DEMO.schools;

/** Fixed ids tests and docs rely on. */
export const AWARDS_DEMO = {
  years: { Y2022: "sy_2022", Y2023: "sy_2023" },
  members: {
    /** Khiển trách 10/12/2025: not LĐTT in 2025–2026. */
    DISCIPLINED: "mem_sta_011",
    /** Open complaint since 15/05/2026: no nomination while it is open (rule 5). */
    OPEN_COMPLAINT: "mem_sta_009",
    /** Initiative recognised but not applied. */
    NOT_APPLIED: "mem_sta_005",
    CSTDCS_THUY: "mem_sta_012",
    CSTDCS_HUONG: "mem_sta_020",
  },
  councils: { STA_2025: "hd_sta_2025", STA_2026: "hd_sta_2026" },
  decisions: { D2022: "qd_pgd_2023_176", D2023: "qd_pgd_2024_198", D2024: "qd_pgd_2025_245", BK_LDLD_2024: "qd_ldld_2025_1023" },
} as const;

const day = (s: string) => new Date(`${s}T00:00:00Z`);

const HTNV_2025 = ["mem_sta_024", "mem_sta_028", "mem_sta_029", "mem_sta_033", "mem_sta_036"];
const UNREGISTERED_2025 = ["mem_sta_019", "mem_sta_034", "mem_sta_035"];
const HTXSNV_2025 = [M.STA_CHAIR, M.STA_GROUP_LEADER, M.STA_PRINCIPAL, "mem_sta_031", "mem_sta_012", "mem_sta_020"];

/** Inserts the awards demo rows unless the council of TH Sơn Thủy A already exists. */
export async function seedAwardsDemo(prisma: PrismaClient): Promise<{ created: boolean }> {
  // Who decides which form (issue 12): reference data, seeded with the awards area.
  await seedAuthorities(prisma);
  if (await prisma.council.findUnique({ where: { id: AWARDS_DEMO.councils.STA_2025 } })) return { created: false };
  const sta = buildDemoMembers().filter((m) => m.schoolId === S.STA);
  const name = new Map(sta.map((m) => [m.id, m.fullName]));

  await prisma.$transaction(async (tx) => {
    for (const y of [2022, 2023]) {
      await tx.schoolYear.upsert({
        where: { id: `sy_${y}` },
        update: {},
        create: { id: `sy_${y}`, label: `${y}–${y + 1}`, startsOn: day(`${y}-09-05`), endsOn: day(`${y + 1}-05-31`) },
      });
    }

    // ---- Evaluations (xếp loại viên chức, đăng ký, ngày nghỉ)
    const evals = [];
    for (const m of sta) {
      // 2025–2026
      let grade: CivilServantGrade = HTXSNV_2025.includes(m.id) ? "HTXSNV" : HTNV_2025.includes(m.id) ? "HTNV" : "HTTNV";
      evals.push({
        id: `ev_${m.id}_2025`,
        memberId: m.id,
        schoolId: S.STA,
        schoolYearId: DEMO.years.Y2025,
        grade,
        standardRating: grade === "HTXSNV" ? ("TOT" as const) : grade === "HTNV" ? ("DAT" as const) : ("KHA" as const),
        registered: !UNREGISTERED_2025.includes(m.id),
        absenceWorkingDays: m.id === "mem_sta_006" ? 45 : m.id === M.STA_MATERNITY ? 2 : (m.id.charCodeAt(m.id.length - 1) % 4),
        maternityLeaveDays: m.id === M.STA_MATERNITY ? 115 : 0,
        note: m.id === "mem_sta_006" ? "Nghỉ ốm dài ngày (tháng 10–12/2025)" : m.id === M.STA_MATERNITY ? "Nghỉ thai sản từ 02/2026" : null,
      });
      // 2024–2025
      grade = [M.STA_CHAIR, M.STA_GROUP_LEADER, M.STA_PRINCIPAL, "mem_sta_031"].includes(m.id) ? "HTXSNV" : ["mem_sta_024", "mem_sta_036"].includes(m.id) ? "HTNV" : "HTTNV";
      evals.push({
        id: `ev_${m.id}_2024`,
        memberId: m.id,
        schoolId: S.STA,
        schoolYearId: DEMO.years.Y2024,
        grade,
        standardRating: grade === "HTXSNV" ? ("TOT" as const) : ("KHA" as const),
        registered: true,
        absenceWorkingDays: 1,
        maternityLeaveDays: 0,
        note: m.id === M.STA_RECRUIT_2025 ? "Tuyển dụng từ 03/03/2025" : null,
      });
    }
    await tx.memberEvaluation.createMany({ data: evals });

    // ---- Discipline and an open complaint
    await tx.discipline.create({
      data: { id: "kl_sta_2025_1", schoolId: S.STA, memberId: AWARDS_DEMO.members.DISCIPLINED, level: "KHIEN_TRACH", decidedOn: day("2025-12-10"), decisionNumber: "18/QĐ-THSTA", reason: "Vi phạm quy định về dạy thêm, học thêm" },
    });
    await tx.openCase.create({
      data: { id: "vv_sta_2026_1", schoolId: S.STA, memberId: AWARDS_DEMO.members.OPEN_COMPLAINT, kind: "COMPLAINT", openedOn: day("2026-05-15"), summary: "Đơn phản ánh của phụ huynh lớp 2A đang được xác minh" },
    });

    // ---- Initiatives (sáng kiến)
    const init = async (id: string, yearId: string, title: string, authors: string[], o: { recognisedOn?: string; decision?: string; applied: boolean; level?: AwardLevel }) => {
      await tx.initiative.create({
        data: {
          id,
          schoolId: S.STA,
          schoolYearId: yearId,
          title,
          field: "Chuyên môn",
          level: o.recognisedOn ? (o.level ?? "SCHOOL") : null,
          recognisedBy: o.recognisedOn ? "Hội đồng sáng kiến Trường Tiểu học Sơn Thủy A" : null,
          decisionNumber: o.decision ?? null,
          recognisedOn: o.recognisedOn ? day(o.recognisedOn) : null,
          applied: o.applied,
          appliedNote: o.applied ? "Áp dụng tại các lớp trong năm học" : null,
          evidence: o.recognisedOn ? "Báo cáo sáng kiến và biên bản đánh giá lưu tại văn phòng" : null,
          authors: { create: authors.map((memberId) => ({ memberId })) },
        },
      });
    };
    const Y25 = DEMO.years.Y2025;
    await init("sk_sta_2025_1", Y25, "Một số biện pháp rèn kỹ năng đọc hiểu cho học sinh lớp 3", [M.STA_CHAIR], { recognisedOn: "2026-04-20", decision: "25/QĐ-HĐSK", applied: true });
    await init("sk_sta_2025_2", Y25, "Tổ chức trò chơi học tập môn Toán lớp 1", [M.STA_GROUP_LEADER], { recognisedOn: "2026-04-20", decision: "25/QĐ-HĐSK", applied: true });
    await init("sk_sta_2025_3", Y25, "Ứng dụng bản đồ tư duy trong dạy Tiếng Việt lớp 3", ["mem_sta_012"], { recognisedOn: "2026-04-20", decision: "25/QĐ-HĐSK", applied: true });
    await init("sk_sta_2025_4", Y25, "Giáo dục kỹ năng sống qua hoạt động trải nghiệm lớp 5", ["mem_sta_020"], { recognisedOn: "2026-04-20", decision: "25/QĐ-HĐSK", applied: true });
    await init("sk_sta_2025_5", Y25, "Sổ theo dõi nề nếp lớp học bằng mã QR", [AWARDS_DEMO.members.NOT_APPLIED], { recognisedOn: "2026-04-20", decision: "25/QĐ-HĐSK", applied: false });
    await init("sk_sta_2025_6", Y25, "Góc đọc sách thân thiện cho học sinh lớp 2", [M.STA_MEMBER], { applied: false });
    await init("sk_sta_2024_1", DEMO.years.Y2024, "Quản lý hồ sơ chuyên môn trên môi trường số", [M.STA_PRINCIPAL], { recognisedOn: "2025-04-18", decision: "19/QĐ-HĐSK", applied: true });
    await init("sk_sta_2024_2", DEMO.years.Y2024, "Xây dựng văn hóa đọc trong nhà trường tiểu học", [M.STA_PRINCIPAL, "mem_sta_031"], { recognisedOn: "2025-04-18", decision: "19/QĐ-HĐSK", applied: true });
    await init("sk_sta_2024_3", DEMO.years.Y2024, "Dạy học phân hóa môn Toán lớp 4", [M.STA_CHAIR], { recognisedOn: "2025-04-18", decision: "19/QĐ-HĐSK", applied: true });
    await init("sk_sta_2024_4", DEMO.years.Y2024, "Hướng dẫn học sinh lớp 1 tự học ở nhà", [M.STA_GROUP_LEADER], { recognisedOn: "2025-04-18", decision: "19/QĐ-HĐSK", applied: true });
    await init("sk_sta_2023_1", AWARDS_DEMO.years.Y2023, "Rèn chữ viết đẹp cho học sinh lớp 3", [M.STA_CHAIR, "mem_sta_012"], { recognisedOn: "2024-04-15", decision: "14/QĐ-HĐSK", applied: true });
    await init("sk_sta_2022_1", AWARDS_DEMO.years.Y2022, "Sử dụng đồ dùng trực quan tự làm trong dạy Toán", ["mem_sta_012"], { recognisedOn: "2023-04-14", decision: "11/QĐ-HĐSK", applied: true });

    // ---- Councils (odd number of members)
    const seats: [string, CouncilRole, string][] = [
      [M.STA_PRINCIPAL, "CHAIR", "Hiệu trưởng"],
      ["mem_sta_031", "VICE_CHAIR", "Phó hiệu trưởng"],
      [M.STA_CHAIR, "VICE_CHAIR", "Chủ tịch Công đoàn"],
      ["mem_sta_032", "SECRETARY", "Phó hiệu trưởng"],
      [M.STA_GROUP_LEADER, "MEMBER", "Tổ trưởng Tổ Khối 1–2"],
      ["mem_sta_012", "MEMBER", "Tổ trưởng Tổ Khối 3"],
      ["mem_sta_020", "MEMBER", "Tổ trưởng Tổ Khối 4–5"],
    ];
    for (const [id, yearId, no, on] of [
      [AWARDS_DEMO.councils.STA_2025, DEMO.years.Y2025, "05/QĐ-THSTA", "2025-09-08"],
      [AWARDS_DEMO.councils.STA_2026, DEMO.years.Y2026, "04/QĐ-THSTA", "2026-09-07"],
    ] as const) {
      await tx.council.create({
        data: {
          id,
          schoolId: S.STA,
          schoolYearId: yearId,
          name: "Hội đồng Thi đua – Khen thưởng Trường Tiểu học Sơn Thủy A",
          decisionNumber: no,
          establishedOn: day(on),
          members: { create: seats.map(([memberId, role, position]) => ({ id: `${id}_${memberId.slice(4)}`, memberId, role, position })) },
        },
      });
    }

    // ---- Earlier years' decisions (immutable once written)
    const decision = async (id: string, yearId: string, number: string, signedOn: string, awards: { memberId: string; titleCode: string; level: AwardLevel }[], o: { organisationId?: string; issuerName?: string; signerName?: string; signerTitle?: string; level?: AwardLevel } = {}) => {
      await tx.awardDecision.create({
        data: {
          id,
          organisationId: o.organisationId ?? DEMO.orgs.PGD_SONTHUY,
          schoolYearId: yearId,
          number,
          signedOn: day(signedOn),
          signerName: o.signerName ?? "Đinh Văn Khải",
          signerTitle: o.signerTitle ?? "Trưởng phòng",
          issuerName: o.issuerName ?? "Phòng Giáo dục và Đào tạo huyện Sơn Thủy",
          level: o.level ?? "DIRECT_UPPER",
          summary: "Công nhận danh hiệu thi đua năm học",
          awards: {
            create: awards.map((a) => ({
              schoolId: S.STA,
              schoolYearId: yearId,
              subject: "MEMBER" as const,
              memberId: a.memberId,
              recipientName: name.get(a.memberId)!,
              titleCode: a.titleCode,
              level: a.level,
              achievementKey: `year:${Number(yearId.slice(3))}`,
            })),
          },
        },
      });
    };
    const ldtt = (exclude: string[]) => sta.filter((m) => !exclude.includes(m.id)).map((m) => ({ memberId: m.id, titleCode: "LDTT", level: "SCHOOL" as const }));
    const cstdcs = (ids: string[]) => ids.map((memberId) => ({ memberId, titleCode: "CSTDCS", level: "SCHOOL" as const }));
    await decision(AWARDS_DEMO.decisions.D2022, AWARDS_DEMO.years.Y2022, "176/QĐ-PGDĐT", "2023-06-20", [...ldtt([M.STA_RECRUIT_2025, "mem_sta_024", "mem_sta_033"]), ...cstdcs(["mem_sta_012"])]);
    await decision(AWARDS_DEMO.decisions.D2023, AWARDS_DEMO.years.Y2023, "198/QĐ-PGDĐT", "2024-06-21", [...ldtt([M.STA_RECRUIT_2025, "mem_sta_024"]), ...cstdcs([M.STA_CHAIR, "mem_sta_012"])]);
    await decision(AWARDS_DEMO.decisions.D2024, DEMO.years.Y2024, "245/QĐ-PGDĐT", "2025-06-25", [...ldtt([M.STA_RECRUIT_2025, "mem_sta_024", "mem_sta_036"]), ...cstdcs([M.STA_CHAIR, M.STA_GROUP_LEADER])]);
    await decision(AWARDS_DEMO.decisions.BK_LDLD_2024, DEMO.years.Y2024, "1023/QĐ-LĐLĐ", "2025-08-15", [{ memberId: M.STA_PRINCIPAL, titleCode: "BK_LDLD_TINH", level: "PROVINCE" }], {
      organisationId: DEMO.orgs.LDLD_SONHA,
      issuerName: "Liên đoàn Lao động tỉnh Sơn Hà",
      signerName: "Trịnh Thị Thu Hà",
      signerTitle: "Chủ tịch",
      level: "PROVINCE",
    });

    // ---- The upper unit's own settings and quotas for 2025–2026
    await tx.awardSetting.create({
      data: {
        id: "st_cdgd_sonthuy_notice",
        organisationId: DEMO.orgs.CDGD_SONTHUY,
        key: "nomination.noticeDays",
        value: 5,
        basis: "Hướng dẫn số 12/HD-CĐGD ngày 15/04/2026 của Công đoàn Giáo dục huyện Sơn Thủy: công khai danh sách 5 ngày làm việc",
        source: "PRACTICE",
        validFrom: day("2025-09-05"),
      },
    });
    await tx.awardQuota.create({
      data: { id: "ct_sta_2025_gk", organisationId: DEMO.orgs.CDGD_SONTHUY, schoolYearId: Y25, schoolId: S.STA, titleCode: "GK_CD_CAP_TREN", max: 3, basis: "Hướng dẫn số 12/HD-CĐGD: mỗi trường tối đa 3 Giấy khen" },
    });
  });
  return { created: true };
}
