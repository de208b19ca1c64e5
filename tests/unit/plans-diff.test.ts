import { describe, expect, it } from "vitest";
import { diffLines, diffPlans } from "@/lib/plans/diff";
import { buildPlanTemplate } from "@/lib/plans/template";
import type { PlanContent } from "@/lib/plans/content";

const base = (): PlanContent =>
  buildPlanTemplate({ schoolName: "Trường Tiểu học Sơn Thủy A", level: "TIEU_HOC", govUnitName: "UBND xã Sơn Thủy", upperUnionName: "Công đoàn Giáo dục huyện Sơn Thủy", address: "Thôn Trung, xã Sơn Thủy, tỉnh Sơn Hà", startYear: 2025 });

describe("diffLines", () => {
  it("keeps common lines and marks removed and added ones in order", () => {
    expect(diffLines("a\nb\nc", "a\nx\nc\nd")).toEqual([
      { op: "same", text: "a" },
      { op: "del", text: "b" },
      { op: "add", text: "x" },
      { op: "same", text: "c" },
      { op: "add", text: "d" },
    ]);
  });
});

describe("diffPlans", () => {
  it("finds nothing between identical versions", () => {
    expect(diffPlans(base(), base())).toEqual([]);
  });

  it("reports each changed field, and added and removed rows by their stable key", () => {
    const a = base();
    const b = base();
    b.header.docNumber = "02/KHPH-NT-CĐ";
    b.header.meetingDay = 6;
    const duties = b.sections.find((s) => s.key === "duties")!;
    duties.body += "\n- Phối hợp tổ chức Hội nghị viên chức.";
    b.items = b.items.filter((i) => i.key !== "tpl-cal-06");
    b.items.push({ key: "knew", sortOrder: 99, month: 12, onDate: null, content: "Hội thi giáo viên dạy giỏi", leadSide: "GOV" });
    b.items[0] = { ...b.items[0], leadSide: "UNION" };
    const t = b.targets.find((x) => x.measureKey === "lddt_pct")!;
    t.targetValue = 85;

    const changes = diffPlans(a, b);
    expect(changes).toContainEqual(expect.objectContaining({ area: "header", field: "docNumber", before: "01/KHPH-NT-CĐ", after: "02/KHPH-NT-CĐ" }));
    expect(changes).toContainEqual(expect.objectContaining({ area: "header", field: "meetingDay", before: "5", after: "6" }));
    const body = changes.find((c) => c.area === "section" && c.key === "duties")!;
    expect(body.lines?.filter((l) => l.op !== "same")).toEqual([{ op: "add", text: "- Phối hợp tổ chức Hội nghị viên chức." }]);
    expect(changes).toContainEqual(expect.objectContaining({ area: "calendar", key: "tpl-cal-06", kind: "removed" }));
    expect(changes).toContainEqual(expect.objectContaining({ area: "calendar", key: "knew", kind: "added", after: "tháng 12: Hội thi giáo viên dạy giỏi (Nhà trường chủ trì)" }));
    expect(changes).toContainEqual(expect.objectContaining({ area: "calendar", field: "leadSide", before: "Hai bên", after: "Công đoàn" }));
    expect(changes).toContainEqual(expect.objectContaining({ area: "target", field: "targetValue", before: "80", after: "85" }));
    expect(changes).toHaveLength(7);
  });
});
