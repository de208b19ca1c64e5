// Texts generated from data (editable afterwards): the achievement report of a nominee and the
// cover submission (tờ trình). Pure.
import { titleName } from "../awards/catalogue";
import { formatIsoDay, yearLabel, type MemberFacts, type PeriodInfo } from "../awards/facts";
import { GRADE_LABELS } from "../awards/settings";

/** Báo cáo thành tích, drafted from the grade, initiatives and earlier awards. */
export function draftAchievementReport(f: MemberFacts, titleCode: string, period: PeriodInfo, position: string | null): string {
  const lines: string[] = [];
  lines.push(`Họ và tên: ${f.fullName}${position ? `; chức vụ: ${position}` : ""}.`);
  lines.push(`Đề nghị: ${titleName(titleCode)}, năm học ${period.label}.`);
  if (f.grade) lines.push(`Kết quả đánh giá, xếp loại viên chức năm học ${period.label}: ${GRADE_LABELS[f.grade]}.`);
  const inits = f.initiatives.filter((i) => i.startYear === period.startYear && i.recognisedOn);
  for (const i of inits) {
    lines.push(`Sáng kiến "${i.title}" được ${i.recognisedBy ?? "Hội đồng sáng kiến"} công nhận${i.decisionNumber ? ` (Quyết định số ${i.decisionNumber}` : ""}${i.recognisedOn ? `${i.decisionNumber ? ", " : " ("}ngày ${formatIsoDay(i.recognisedOn)})` : i.decisionNumber ? ")" : ""}${i.applied ? ", đã được áp dụng hiệu quả" : ""}.`);
  }
  const earlier = f.awards.filter((a) => !a.revoked && a.startYear < period.startYear).sort((a, b) => b.startYear - a.startYear).slice(0, 6);
  if (earlier.length) {
    lines.push("Các hình thức khen thưởng đã nhận:");
    for (const a of earlier) lines.push(`- Năm học ${yearLabel(a.startYear)}: ${titleName(a.titleCode)}${a.decisionNumber ? ` (Quyết định số ${a.decisionNumber}${a.decidedOn ? ` ngày ${formatIsoDay(a.decidedOn)}` : ""})` : ""}.`);
  }
  lines.push("Thực hiện tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước; hoàn thành nhiệm vụ được giao; tích cực tham gia các phong trào thi đua của nhà trường và công đoàn.");
  return lines.join("\n");
}

/** Tờ trình, drafted from the counts of the list. */
export function draftCoverNote(schoolName: string, period: PeriodInfo, counts: { titleName: string; count: number }[]): string {
  const list = counts.length ? counts.map((c) => `- ${c.titleName}: ${c.count}`).join("\n") : "- (chưa có người được đề nghị)";
  return [
    `Căn cứ Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn; căn cứ kết quả bình xét của Hội đồng Thi đua – Khen thưởng ${schoolName} năm học ${period.label};`,
    `${schoolName} kính đề nghị xét, công nhận và khen thưởng cho các cá nhân, tập thể có thành tích trong năm học ${period.label}, cụ thể:`,
    list,
    "(Có danh sách, biên bản họp Hội đồng và hồ sơ kèm theo.)",
    "Kính đề nghị đơn vị cấp trên xem xét, quyết định.",
  ].join("\n");
}
