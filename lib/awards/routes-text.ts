// The tờ trình text of each route (issue 12), pure: the split (lib/awards/routes.ts) and the demo
// seed draft it the same way; the school edits it afterwards.

/** The tờ trình text of one route, drafted from its proposals (editable afterwards). */
export function draftRouteCover(schoolName: string, yearLabel: string, authorityName: string, side: "UNION" | "STATE", counts: { titleName: string; count: number }[]): string {
  const who = side === "STATE" ? `${schoolName}` : `Ban Chấp hành Công đoàn cơ sở ${schoolName}`;
  const lines = [
    `Căn cứ ${side === "STATE" ? "Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn thi hành" : "Điều lệ Công đoàn Việt Nam và Quy chế khen thưởng của Tổng Liên đoàn Lao động Việt Nam"};`,
    `Căn cứ kết quả họp Hội đồng Thi đua – Khen thưởng và kết quả công khai danh sách năm học ${yearLabel};`,
    `${who} kính đề nghị ${authorityName} xem xét, ${side === "STATE" ? "công nhận danh hiệu thi đua và khen thưởng" : "khen thưởng"} cho các cá nhân, tập thể sau:`,
    ...counts.map((c) => `- ${c.titleName}: ${c.count}`),
    "(Có danh sách, biên bản họp Hội đồng và báo cáo thành tích kèm theo.)",
    "Kính đề nghị xem xét, quyết định.",
  ];
  return lines.join("\n");
}

