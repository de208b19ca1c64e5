// The decision screen's waiting list (lib/awards/decision-list.ts): counts by form over everyone,
// the filter by form and by name (diacritics ignored), pages of 100, and the ids of every match.
import { describe, expect, it } from "vitest";
import { DECISION_PAGE_SIZE, waitingList } from "@/lib/awards/decision-list";

// 250 nominees: 180 "Giấy khen" (every 10th at Trường Tiểu học Đồng Tâm), 70 "Bằng khen".
const all = Array.from({ length: 250 }, (_, i) => ({
  id: `n${String(i).padStart(3, "0")}`,
  nomineeName: i === 7 ? "Nguyễn Thị Đào" : `Người ${i}`,
  schoolName: i % 10 === 0 ? "Trường Tiểu học Đồng Tâm" : "Trường THCS Sơn Thủy",
  titleCode: i < 180 ? "GK" : "BK",
  titleName: i < 180 ? "Giấy khen" : "Bằng khen",
  level: i < 180 ? "DIRECT_UPPER" : "PROVINCE",
}));

describe("waiting list", () => {
  it("counts every nominee by form, before any filter", () => {
    expect(DECISION_PAGE_SIZE).toBe(100);
    const l = waitingList(all, { titleCode: "BK" });
    expect(l.forms).toEqual([
      { code: "GK", name: "Giấy khen", count: 180 },
      { code: "BK", name: "Bằng khen", count: 70 },
    ]);
  });

  it("draws 100 rows a page and carries the ids of every match, all pages", () => {
    const p1 = waitingList(all, {});
    expect(p1.total).toBe(250);
    expect(p1.rows).toHaveLength(100);
    expect(p1.matchingIds).toHaveLength(250);
    expect(p1.rows[0].id).toBe("n000");
    const p3 = waitingList(all, { page: 3 });
    expect(p3.rows.map((r) => r.id)).toEqual(all.slice(200).map((a) => a.id));
    // Past the last page: the last page.
    expect(waitingList(all, { page: 99 }).page).toBe(3);
  });

  it("narrows by form, and an unknown form is no filter", () => {
    const gk = waitingList(all, { titleCode: "GK", page: 2 });
    expect(gk.total).toBe(180);
    expect(gk.rows).toHaveLength(80);
    expect(gk.matchingIds.every((id) => Number(id.slice(1)) < 180)).toBe(true);
    const unknown = waitingList(all, { titleCode: "NOPE" });
    expect(unknown.filters.titleCode).toBeUndefined();
    expect(unknown.total).toBe(250);
  });

  it("finds by nominee or school name without diacritics, with the form filter", () => {
    expect(waitingList(all, { q: "nguyen thi dao" }).matchingIds).toEqual(["n007"]);
    const school = waitingList(all, { q: "dong tam" });
    expect(school.total).toBe(25);
    expect(waitingList(all, { q: "ĐỒNG TÂM", titleCode: "BK" }).total).toBe(7);
    expect(waitingList(all, { q: "không có ai" }).total).toBe(0);
  });

  it("offers first the level most of the matching nominees were approved at", () => {
    expect(waitingList(all, {}).level).toBe("DIRECT_UPPER");
    expect(waitingList(all, { titleCode: "BK" }).level).toBe("PROVINCE");
    expect(waitingList(all, { q: "không có ai" }).level).toBeUndefined();
  });
});
