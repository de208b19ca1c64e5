// Paging helpers (issue 9): what page N holds, the page numbers offered, name search without diacritics.
import { describe, expect, it } from "vitest";
import { byName, nameMatches, pageOf } from "@/lib/paging";
import { pageWindow } from "@/components/ui/pagination";

describe("pageOf", () => {
  const rows = Array.from({ length: 120 }, (_, i) => i);
  it("slices page N and clamps out-of-range pages", () => {
    expect(pageOf(rows, 1, 50)).toMatchObject({ total: 120, page: 1, pageSize: 50 });
    expect(pageOf(rows, 3, 50).rows).toEqual(rows.slice(100));
    expect(pageOf(rows, 99, 50).page).toBe(3);
    expect(pageOf(rows, 0, 50).page).toBe(1);
    expect(pageOf([], 5, 50)).toEqual({ rows: [], total: 0, page: 1, pageSize: 50 });
  });
});

describe("pageWindow", () => {
  it("offers the first, the last and two either side, with gaps", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, null, 5]);
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("name search and order", () => {
  it("ignores diacritics and case", () => {
    expect(nameMatches("Trường Tiểu học Sơn Thủy A", "son THUY")).toBe(true);
    expect(nameMatches("Trường Tiểu học Đồng Tâm", "dong tam")).toBe(true);
    expect(nameMatches("Trường Tiểu học Kim Đồng", "son thuy")).toBe(false);
    expect(nameMatches("x", undefined)).toBe(true);
  });
  it("orders Đ after D, not after Z", () => {
    expect(["Đông", "Zơ", "Dương"].sort(byName)).toEqual(["Dương", "Đông", "Zơ"]);
  });
});
