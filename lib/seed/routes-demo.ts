// Both routes in the demo (issue 12), for `npm run db:seed` only (tests build their own): Tiểu học
// Kim Đồng's 2025–2026 package after the council vote and the posting, split by deciding body.
// The union part (Giấy khen of the upper union) was decided by Công đoàn Giáo dục huyện Sơn Thủy
// (87/QĐ-CĐGD); the government part (LĐTT, CSTĐCS) was sent to the Chairman of UBND xã Sơn Thủy
// and waits for the principal (hieutruong.kd) to record the decision when it comes back.
import type { PrismaClient } from "../generated/prisma/client";
import { draftRouteCover } from "../awards/routes-text";
import { buildDemoMembers, DEMO } from "./demo";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const IDS = { union: "hs_kd_2025_cd", state: "hs_kd_2025_nn", decision: "qd_cdgd_2026_87" } as const;

export async function seedRoutesDemo(prisma: PrismaClient): Promise<{ created: boolean }> {
  if (await prisma.nominationPackage.findUnique({ where: { id: IDS.union } })) return { created: false };
  const kd = buildDemoMembers().filter((m) => m.schoolId === DEMO.schools.KD);
  if (kd.length < 9) return { created: false };
  const Y = DEMO.years.Y2025;
  const gk = kd.slice(0, 2);
  const ldtt = kd.slice(2, 9);
  const cstdcs = kd[2];
  const school = "Trường Tiểu học Kim Đồng";
  await prisma.$transaction(async (tx) => {
    const common = { schoolId: DEMO.schools.KD, schoolYearId: Y, postedOn: day("2026-06-01"), submittedAt: day("2026-06-10"), title: "Hồ sơ đề nghị khen thưởng năm học 2025–2026" };
    await tx.nominationPackage.create({
      data: { ...common, id: IDS.union, organisationId: DEMO.orgs.CDGD_SONTHUY, status: "DECIDED", route: "UNION", authorityKind: "UNION", authorityName: "Ban Thường vụ Công đoàn Giáo dục huyện Sơn Thủy", coverNote: draftRouteCover(school, "2025–2026", "Ban Thường vụ Công đoàn Giáo dục huyện Sơn Thủy", "UNION", [{ titleName: "Giấy khen của Công đoàn cấp trên trực tiếp", count: gk.length }]) },
    });
    await tx.nominationPackage.create({
      data: { ...common, id: IDS.state, title: `${common.title} – gửi Chủ tịch Ủy ban nhân dân xã Sơn Thủy`, organisationId: DEMO.orgs.UBND_SONTHUY, status: "SUBMITTED", route: "STATE", authorityKind: "UBND_XA", authorityName: "Chủ tịch Ủy ban nhân dân xã Sơn Thủy", splitFromId: IDS.union, sentAt: day("2026-06-10"), coverNote: draftRouteCover(school, "2025–2026", "Chủ tịch Ủy ban nhân dân xã Sơn Thủy", "STATE", [{ titleName: "Lao động tiên tiến", count: ldtt.length }, { titleName: "Chiến sĩ thi đua cơ sở", count: 1 }]) },
    });
    const item = (packageId: string, m: (typeof kd)[number], titleCode: string, level: "SCHOOL" | "DIRECT_UPPER", status: "SUBMITTED" | "DECIDED") => ({
      id: `dn_${packageId}_${m.id}_${titleCode.toLowerCase()}`,
      packageId,
      schoolId: DEMO.schools.KD,
      subject: "MEMBER" as const,
      memberId: m.id,
      nomineeName: m.fullName,
      titleCode,
      level,
      achievementKey: "year:2025",
      status,
    });
    await tx.nominationItem.createMany({ data: [...ldtt.map((m) => item(IDS.state, m, "LDTT", "SCHOOL", "SUBMITTED")), item(IDS.state, cstdcs, "CSTDCS", "SCHOOL", "SUBMITTED")] });
    // The union decision: the nominee row is written DECIDED with its award (the record triggers
    // freeze it from then on).
    await tx.nominationItem.createMany({ data: gk.map((m) => item(IDS.union, m, "GK_CD_CAP_TREN", "DIRECT_UPPER", "DECIDED")) });
    await tx.awardDecision.create({
      data: {
        id: IDS.decision,
        organisationId: DEMO.orgs.CDGD_SONTHUY,
        schoolYearId: Y,
        number: "87/QĐ-CĐGD",
        signedOn: day("2026-06-20"),
        signerName: "Phạm Quang Vinh",
        signerTitle: "Chủ tịch",
        issuerName: "Công đoàn Giáo dục huyện Sơn Thủy",
        issuerParent: "Liên đoàn Lao động tỉnh Sơn Hà",
        side: "UNION",
        level: "DIRECT_UPPER",
        summary: "Về việc tặng Giấy khen năm học 2025–2026",
        awards: { create: gk.map((m) => ({ schoolId: DEMO.schools.KD, schoolYearId: Y, subject: "MEMBER" as const, memberId: m.id, recipientName: m.fullName, titleCode: "GK_CD_CAP_TREN", level: "DIRECT_UPPER" as const, achievementKey: "year:2025", nominationItemId: `dn_${IDS.union}_${m.id}_gk_cd_cap_tren` })) },
      },
    });
    await tx.nominationEvent.createMany({
      data: [
        { packageId: IDS.union, action: "split", comment: "Ban Thường vụ Công đoàn Giáo dục huyện Sơn Thủy: 2; Chủ tịch Ủy ban nhân dân xã Sơn Thủy: 8", actorName: "Dữ liệu mẫu" },
        { packageId: IDS.state, action: "send", fromStatus: "POSTED", toStatus: "SUBMITTED", comment: "Gửi Chủ tịch Ủy ban nhân dân xã Sơn Thủy", actorName: "Dữ liệu mẫu" },
        { packageId: IDS.union, action: "decide", comment: "Quyết định số 87/QĐ-CĐGD", actorName: "Dữ liệu mẫu" },
      ],
    });
  });
  return { created: true };
}
