// The built-in Vietnamese template of a school's coordination plan (kế hoạch phối hợp giữa nhà
// trường và Ban Chấp hành công đoàn), written the way schools publish theirs [practice]:
// legal bases, aims and principles, each side's duties, joint work, the meeting regime, a
// month-by-month calendar (20/10, 20/11, Tết, 8/3…) and targets tied to stable measure keys.
// Pure: the caller passes the school's names and the school year.
import type { CalendarContent, PlanContent, SectionContent, Side, TargetContent } from "./content";
import { schoolYearLabel } from "../format";
import { legalBasisFor } from "../legal/decrees";

export interface TemplateContext {
  schoolName: string;
  level: "MAM_NON" | "TIEU_HOC" | "THCS" | "THPT" | "LIEN_CAP";
  /** The school's government-side unit ("UBND xã Sơn Thủy"), or null. */
  govUnitName: string | null;
  /** The union-side upper unit ("Công đoàn Giáo dục huyện Sơn Thủy"). */
  upperUnionName: string;
  /** The school's address, to find the place name for the date line. */
  address: string | null;
  /** First calendar year of the school year (2025 for 2025–2026). */
  startYear: number;
}

/** Tết Nguyên đán (first day of the lunar year) for the years the app will meet. */
export const TET_DATES: Record<number, [number, number]> = {
  2024: [2, 10],
  2025: [1, 29],
  2026: [2, 17],
  2027: [2, 6],
  2028: [1, 26],
  2029: [2, 13],
  2030: [2, 3],
  2031: [1, 23],
  2032: [2, 11],
};

const CHARTERS: Record<TemplateContext["level"], string> = {
  MAM_NON: "Điều lệ Trường mầm non ban hành kèm theo Thông tư số 52/2020/TT-BGDĐT ngày 31/12/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo",
  TIEU_HOC: "Điều lệ Trường tiểu học ban hành kèm theo Thông tư số 28/2020/TT-BGDĐT ngày 04/9/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo",
  THCS: "Điều lệ Trường trung học cơ sở, trường trung học phổ thông và trường phổ thông có nhiều cấp học ban hành kèm theo Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo",
  THPT: "Điều lệ Trường trung học cơ sở, trường trung học phổ thông và trường phổ thông có nhiều cấp học ban hành kèm theo Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo",
  LIEN_CAP: "Điều lệ Trường trung học cơ sở, trường trung học phổ thông và trường phổ thông có nhiều cấp học ban hành kèm theo Thông tư số 32/2020/TT-BGDĐT ngày 15/9/2020 của Bộ trưởng Bộ Giáo dục và Đào tạo",
};

/** "Thôn Trung, xã Sơn Thủy, tỉnh Sơn Hà" → "Sơn Thủy". */
export function placeFromAddress(address: string | null): string {
  if (!address) return "";
  const parts = address.split(",").map((p) => p.trim());
  const commune = parts.find((p) => /^(xã|phường|thị trấn|đặc khu)\s/i.test(p));
  if (commune) return commune.replace(/^(xã|phường|thị trấn|đặc khu)\s+/i, "");
  return parts[parts.length - 1] ?? "";
}

export function upperVi(s: string): string {
  return s.toLocaleUpperCase("vi-VN");
}

function day(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

export function buildPlanTemplate(ctx: TemplateContext): PlanContent {
  const year = schoolYearLabel(ctx.startYear);
  const y1 = ctx.startYear;
  const y2 = ctx.startYear + 1;
  const school = ctx.schoolName;
  const meetingDay = 5;

  const sections: SectionContent[] = [
    {
      key: "legal_basis",
      title: "Căn cứ",
      sortOrder: 1,
      body: [
        "Căn cứ Luật Công đoàn số 50/2024/QH15 ngày 27/11/2024;",
        "Căn cứ Bộ luật Lao động số 45/2019/QH14 ngày 20/11/2019;",
        `Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022 và ${legalBasisFor(day(y1, 9, 5)).formal} quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;`,
        "Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022;",
        `Căn cứ ${CHARTERS[ctx.level]};`,
        "Căn cứ Điều lệ Công đoàn Việt Nam và các văn bản hướng dẫn của Tổng Liên đoàn Lao động Việt Nam;",
        `Căn cứ kế hoạch năm học ${year} của ${school} và chương trình công tác năm học của ${ctx.upperUnionName};`,
        `${school} và Ban Chấp hành Công đoàn cơ sở thống nhất xây dựng Kế hoạch phối hợp hoạt động năm học ${year} như sau:`,
      ].join("\n"),
    },
    {
      key: "principles",
      title: "Mục đích, yêu cầu và nguyên tắc phối hợp",
      sortOrder: 2,
      body: [
        "1. Mục đích, yêu cầu",
        "- Cụ thể hóa trách nhiệm của Hiệu trưởng và Ban Chấp hành Công đoàn trong việc thực hiện nhiệm vụ năm học, phát huy quyền làm chủ, chăm lo đời sống vật chất, tinh thần và bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên, người lao động.",
        "- Đẩy mạnh các phong trào thi đua, các cuộc vận động trong nhà trường; xây dựng tập thể sư phạm đoàn kết, kỷ cương, tình thương, trách nhiệm.",
        "- Việc phối hợp phải thường xuyên, cụ thể, có kiểm tra, đánh giá; gắn với kế hoạch năm học của nhà trường.",
        "2. Nguyên tắc phối hợp",
        "- Đặt dưới sự lãnh đạo của Chi bộ; mỗi bên thực hiện đúng chức năng, nhiệm vụ, quyền hạn theo quy định của pháp luật và Điều lệ Công đoàn Việt Nam.",
        "- Tôn trọng, hợp tác, tạo điều kiện để mỗi bên hoàn thành nhiệm vụ; những vấn đề liên quan đến quyền, lợi ích của đoàn viên, người lao động phải được trao đổi, thống nhất trước khi quyết định.",
        "- Thực hiện dân chủ, công khai, minh bạch trong hoạt động của nhà trường.",
      ].join("\n"),
    },
    {
      key: "duties",
      title: "Trách nhiệm của mỗi bên",
      sortOrder: 3,
      body: [
        "1. Trách nhiệm của Hiệu trưởng",
        "- Xây dựng và tổ chức thực hiện kế hoạch năm học; mời Chủ tịch Công đoàn tham dự các cuộc họp bàn về nhiệm vụ năm học, thi đua, khen thưởng, kỷ luật, nâng lương, chế độ chính sách đối với viên chức, người lao động.",
        "- Phối hợp với Ban Chấp hành Công đoàn tổ chức Hội nghị viên chức, người lao động; thực hiện quy chế dân chủ ở cơ sở; công khai tài chính, quy chế chi tiêu nội bộ.",
        "- Bảo đảm điều kiện hoạt động của Công đoàn theo quy định: nơi làm việc, thời gian hoạt động, kinh phí hỗ trợ khi có điều kiện.",
        "- Giải quyết kịp thời kiến nghị chính đáng của đoàn viên, người lao động do Công đoàn đề xuất.",
        "2. Trách nhiệm của Ban Chấp hành Công đoàn",
        "- Tuyên truyền, vận động đoàn viên thực hiện tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước, nhiệm vụ năm học và nội quy, quy chế của nhà trường.",
        "- Chủ trì phát động, tổ chức các phong trào thi đua, các cuộc vận động; tham gia Hội đồng Thi đua – Khen thưởng, Hội đồng kỷ luật và các hội đồng liên quan đến quyền, lợi ích của người lao động.",
        "- Chăm lo đời sống vật chất, tinh thần của đoàn viên; thăm hỏi khi ốm đau, hiếu hỷ, hoàn cảnh khó khăn; tổ chức các hoạt động văn hóa, văn nghệ, thể dục thể thao.",
        "- Chỉ đạo Ban Thanh tra nhân dân giám sát việc thực hiện quy chế dân chủ, chế độ chính sách trong nhà trường.",
      ].join("\n"),
    },
    {
      key: "joint_work",
      title: "Nội dung phối hợp",
      sortOrder: 4,
      body: [
        `- Tổ chức Hội nghị viên chức, người lao động năm học ${year}; thông qua kế hoạch năm học, quy chế chi tiêu nội bộ, quy chế thi đua – khen thưởng và biểu điểm đánh giá.`,
        "- Phát động phong trào thi đua \"Dạy tốt – Học tốt\", phong trào \"Đổi mới, sáng tạo trong dạy và học\", phong trào \"Giỏi việc trường – Đảm việc nhà\" và các cuộc vận động; tổ chức sơ kết học kỳ I và tổng kết năm học.",
        "- Kiện toàn và tổ chức họp Hội đồng Thi đua – Khen thưởng vào đầu năm học, cuối học kỳ I và cuối năm học; bình xét danh hiệu thi đua công khai, dân chủ, đúng quy định.",
        "- Kiện toàn Ban Thanh tra nhân dân; phối hợp kiểm tra, giám sát việc thực hiện quy chế dân chủ, công khai tài chính.",
        "- Tổ chức các hoạt động kỷ niệm Ngày Phụ nữ Việt Nam 20/10, Ngày Nhà giáo Việt Nam 20/11, Ngày Quốc tế Phụ nữ 8/3; chăm lo Tết Nguyên đán cho đoàn viên, người lao động.",
        "- Thăm hỏi, động viên đoàn viên ốm đau, gia đình có việc hiếu, hỷ, hoàn cảnh khó khăn; thực hiện đầy đủ chế độ chính sách đối với người lao động.",
      ].join("\n"),
    },
    {
      key: "meetings",
      title: "Chế độ họp và thông tin",
      sortOrder: 5,
      body: [
        `- Họp liên tịch định kỳ vào ngày ${String(meetingDay).padStart(2, "0")} hằng tháng (nếu trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp), thành phần gồm: Hiệu trưởng, Bí thư Chi bộ, Chủ tịch Công đoàn, Bí thư Chi đoàn, Tổng phụ trách Đội.`,
        "- Họp liên tịch bất thường khi cần bàn về kỷ luật, khen thưởng, đời sống, phong trào hoặc các việc đột xuất, do Hiệu trưởng hoặc Chủ tịch Công đoàn đề nghị.",
        "- Mỗi cuộc họp có biên bản; các nhiệm vụ được phân công có người thực hiện, thời hạn và được kiểm điểm tại cuộc họp kế tiếp.",
        "- Hai bên thường xuyên trao đổi thông tin; định kỳ sơ kết học kỳ I và tổng kết năm học việc thực hiện kế hoạch phối hợp.",
      ].join("\n"),
    },
    {
      key: "implementation",
      title: "Tổ chức thực hiện",
      sortOrder: 6,
      body: [
        "- Kế hoạch này có hiệu lực kể từ ngày ký. Hiệu trưởng và Ban Chấp hành Công đoàn có trách nhiệm phổ biến đến toàn thể viên chức, người lao động và tổ chức thực hiện.",
        "- Trong quá trình thực hiện, nếu có nội dung cần sửa đổi, bổ sung, hai bên thống nhất ban hành văn bản sửa đổi.",
      ].join("\n"),
    },
  ];

  const tet = TET_DATES[y2] ?? [1, 25];
  // Tết falls in January or February: the welfare work is done in the month before it when Tết
  // comes early in its month.
  const tetMonth = tet[1] <= 10 ? tet[0] - 1 || 12 : tet[0];
  const item = (n: number, month: number, content: string, leadSide: Side, onDate: Date | null = null): CalendarContent => ({
    key: `tpl-cal-${String(n).padStart(2, "0")}`,
    sortOrder: n,
    month,
    onDate,
    content,
    leadSide,
  });
  const items: CalendarContent[] = [
    item(1, 9, "Phối hợp tổ chức Lễ khai giảng năm học; kiện toàn Hội đồng Thi đua – Khen thưởng, Ban Thanh tra nhân dân.", "BOTH", day(y1, 9, 5)),
    item(2, 9, `Tổ chức Hội nghị viên chức, người lao động năm học ${year}; ký kết kế hoạch phối hợp.`, "BOTH"),
    item(3, 10, "Phát động thi đua năm học; đoàn viên đăng ký danh hiệu thi đua, đăng ký sáng kiến.", "UNION"),
    item(4, 10, "Kỷ niệm Ngày Phụ nữ Việt Nam 20/10: gặp mặt, tặng quà nữ đoàn viên.", "UNION", day(y1, 10, 20)),
    item(5, 11, "Đợt thi đua chào mừng Ngày Nhà giáo Việt Nam 20/11: hội giảng, tọa đàm, mít tinh kỷ niệm.", "BOTH", day(y1, 11, 20)),
    item(6, 12, "Ban Thanh tra nhân dân giám sát việc thực hiện quy chế dân chủ, công khai tài chính học kỳ I.", "UNION"),
    item(7, 1, "Sơ kết học kỳ I; họp Hội đồng Thi đua – Khen thưởng sơ kết thi đua học kỳ I.", "BOTH"),
    item(8, tetMonth, `Chăm lo Tết Nguyên đán cho đoàn viên, người lao động; thăm hỏi đoàn viên có hoàn cảnh khó khăn (Tết ngày ${String(tet[1]).padStart(2, "0")}/${String(tet[0]).padStart(2, "0")}/${y2}).`, "BOTH"),
    item(9, 3, "Kỷ niệm Ngày Quốc tế Phụ nữ 8/3; bình xét danh hiệu \"Giỏi việc trường – Đảm việc nhà\" giữa kỳ.", "UNION", day(y2, 3, 8)),
    item(10, 4, "Đợt thi đua chào mừng 30/4 – 1/5; hưởng ứng Tháng Công nhân, Tháng hành động về an toàn, vệ sinh lao động.", "BOTH"),
    item(11, 5, "Tổng kết năm học; đoàn viên tự đánh giá, tổ công đoàn bình xét; họp Hội đồng Thi đua – Khen thưởng xét danh hiệu thi đua.", "BOTH"),
    item(12, 5, "Tổng kết công tác công đoàn và việc thực hiện kế hoạch phối hợp năm học; tổ chức hoạt động 1/6 cho con đoàn viên.", "UNION"),
  ];

  const target = (n: number, label: string, measureKey: string, unit: "PERCENT" | "COUNT", comparator: "AT_LEAST" | "AT_MOST", targetValue: number): TargetContent => ({
    key: `tpl-tg-${measureKey === "manual" ? `manual-${n}` : measureKey}`,
    sortOrder: n,
    label,
    measureKey,
    unit,
    comparator,
    targetValue,
    manualActual: null,
  });
  const targets: TargetContent[] = [
    target(1, "Đoàn viên đăng ký thi đua", "registered_pct", "PERCENT", "AT_LEAST", 100),
    target(2, "Đoàn viên đạt danh hiệu Lao động tiên tiến", "lddt_pct", "PERCENT", "AT_LEAST", 80),
    target(3, "Nữ đoàn viên đạt danh hiệu \"Giỏi việc trường – Đảm việc nhà\"", "women_gvtdvn_pct", "PERCENT", "AT_LEAST", 90),
    target(4, "Sáng kiến được công nhận và áp dụng", "initiatives_count", "COUNT", "AT_LEAST", 5),
    target(5, "Đoàn viên bị kỷ luật", "disciplined_count", "COUNT", "AT_MOST", 0),
    target(6, "Đoàn viên được thăm hỏi khi ốm đau, hiếu hỷ", "manual", "PERCENT", "AT_LEAST", 100),
  ];

  const gov = ctx.govUnitName ? upperVi(ctx.govUnitName) : upperVi(ctx.upperUnionName);
  const recipients = [
    `- ${ctx.upperUnionName} (để b/c);`,
    ...(ctx.govUnitName ? [`- ${ctx.govUnitName} (để b/c);`] : []),
    "- Chi bộ (để b/c);",
    "- BGH, BCH Công đoàn;",
    "- Các tổ công đoàn (để th/h);",
    "- Lưu: VT, CĐ.",
  ].join("\n");

  return {
    header: {
      issuerParent: gov,
      issuerName: `${upperVi(school)}\nBCH CÔNG ĐOÀN CƠ SỞ`,
      docNumber: "01/KHPH-NT-CĐ",
      place: placeFromAddress(ctx.address),
      issuedOn: null,
      title: `Phối hợp hoạt động giữa Nhà trường và Ban Chấp hành Công đoàn cơ sở năm học ${year}`,
      recipients,
      govSignerTitle: "HIỆU TRƯỞNG",
      unionSignerTitle: "TM. BCH CÔNG ĐOÀN\nCHỦ TỊCH",
      meetingDay,
    },
    sections,
    items,
    targets,
  };
}

function shiftYear(d: Date | null, years: number): Date | null {
  if (!d) return null;
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth();
  // 29 February has no twin in the next year: keep the last day of February.
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

/**
 * Last year's signed plan as this year's draft: year labels and dated items moved forward,
 * manual actuals and the issue date cleared. Keys stay, so the two years compare item by item.
 */
export function carryOver(content: PlanContent, fromStartYear: number, toStartYear: number): PlanContent {
  const years = toStartYear - fromStartYear;
  const from = schoolYearLabel(fromStartYear);
  const to = schoolYearLabel(toStartYear);
  const fromHyphen = `${fromStartYear}-${fromStartYear + 1}`;
  const text = (s: string) => s.split(from).join(to).split(fromHyphen).join(to);
  return {
    header: { ...content.header, title: text(content.header.title), issuedOn: null },
    sections: content.sections.map((s) => ({ ...s, title: text(s.title), body: text(s.body) })),
    items: content.items.map((i) => ({ ...i, content: text(i.content), onDate: shiftYear(i.onDate, years) })),
    targets: content.targets.map((t) => ({ ...t, label: text(t.label), manualActual: null })),
  };
}

export interface UnitTemplateContext {
  /** The upper union unit ("Công đoàn Giáo dục huyện Sơn Thủy"). */
  unitName: string;
  /** Its parent ("Liên đoàn Lao động tỉnh Sơn Hà"), for the header. */
  parentName: string | null;
  /** The government counterpart ("UBND xã Sơn Thủy", "Phòng GD&ĐT…"), when known. */
  counterpartName: string | null;
  startYear: number;
}

/**
 * The upper level's plan: the union unit with its government counterpart (DOMAIN.md §2:
 * districts and their education office sign a matching plan at the start of each year).
 * Same parts as a school's plan; the sides are the management body and the union.
 */
export function buildUnitPlanTemplate(ctx: UnitTemplateContext): PlanContent {
  const year = schoolYearLabel(ctx.startYear);
  const counterpart = ctx.counterpartName ?? "cơ quan quản lý giáo dục";
  const base = buildPlanTemplate({
    schoolName: ctx.unitName,
    level: "TIEU_HOC",
    govUnitName: ctx.counterpartName,
    upperUnionName: ctx.parentName ?? ctx.unitName,
    address: null,
    startYear: ctx.startYear,
  });
  const sections = base.sections.map((s) => {
    if (s.key === "legal_basis") {
      return {
        ...s,
        body: [
          "Căn cứ Luật Công đoàn số 50/2024/QH15 ngày 27/11/2024;",
          `Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022 và ${legalBasisFor(day(ctx.startYear, 9, 5)).formal};`,
          "Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022;",
          "Căn cứ Điều lệ Công đoàn Việt Nam và các văn bản hướng dẫn của Tổng Liên đoàn Lao động Việt Nam;",
          `Căn cứ nhiệm vụ năm học ${year} của ngành Giáo dục và chương trình công tác của ${ctx.unitName};`,
          `${counterpart} và ${ctx.unitName} thống nhất xây dựng Kế hoạch phối hợp năm học ${year} như sau:`,
        ].join("\n"),
      };
    }
    const replaced = s.body
      .split("Hiệu trưởng và Ban Chấp hành Công đoàn").join(`${counterpart} và ${ctx.unitName}`)
      .split("Trách nhiệm của Hiệu trưởng").join(`Trách nhiệm của ${counterpart}`)
      .split("Trách nhiệm của Ban Chấp hành Công đoàn").join(`Trách nhiệm của ${ctx.unitName}`)
      .split("nhà trường").join("các trường")
      .split("Hiệu trưởng").join(`Lãnh đạo ${counterpart}`)
      .split("Chủ tịch Công đoàn").join(`Chủ tịch ${ctx.unitName}`);
    return { ...s, body: replaced };
  });
  return {
    header: {
      ...base.header,
      issuerParent: upperVi(ctx.parentName ?? ctx.unitName),
      issuerName: `${upperVi(counterpart)}\n${upperVi(ctx.unitName)}`,
      docNumber: "01/KHPH-GD-CĐ",
      place: ctx.counterpartName ? placeFromAddress(`, ${ctx.counterpartName.replace(/^UBND\s+/i, "")}`) : "",
      title: `Phối hợp hoạt động giữa ${counterpart} và ${ctx.unitName} năm học ${year}`,
      recipients: ["- Như trên;", ...(ctx.parentName ? [`- ${ctx.parentName} (để b/c);`] : []), "- Các công đoàn cơ sở trực thuộc;", "- Lưu: VT."].join("\n"),
      govSignerTitle: `TM. ${upperVi(counterpart)}`,
      unionSignerTitle: "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH",
    },
    sections,
    items: base.items,
    targets: base.targets,
  };
}
