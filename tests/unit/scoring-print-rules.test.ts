// The printed sheet's date line (issue 11: it was left blank): the school's place and Vietnam's
// calendar day of the sheet's latest stage; dots to fill by hand when nothing is known.
import { describe, expect, it } from "vitest";
import { dateLine, sheetDate, type Signer } from "@/lib/scoring/print-rules";

const signer = (stage: Signer["stage"], date: Date | null): Signer => ({ stage, onBehalfOf: null, role: "", name: "", date });

describe("date line", () => {
  it("place and Vietnam's day (a seal at 20:00 UTC is the next morning in Vietnam)", () => {
    expect(dateLine("Sơn Thủy", new Date("2026-05-20T03:00:00Z"))).toBe("Sơn Thủy, ngày 20 tháng 05 năm 2026");
    expect(dateLine("Sơn Thủy", new Date("2026-05-20T20:00:00Z"))).toBe("Sơn Thủy, ngày 21 tháng 05 năm 2026");
  });
  it("blank parts stay to be filled by hand", () => {
    expect(dateLine("", null)).toBe("……………, ngày …… tháng …… năm 20……");
    expect(dateLine("Kim Đồng", null)).toBe("Kim Đồng, ngày …… tháng …… năm 20……");
  });
  it("the sheet's date is its most advanced stage's", () => {
    const self = new Date("2026-05-10T00:00:00Z");
    const council = new Date("2026-05-20T00:00:00Z");
    expect(sheetDate([signer("SELF", self), signer("GROUP", null), signer("COUNCIL", council)])).toBe(council);
    expect(sheetDate([signer("SELF", self), signer("GROUP", null), signer("COUNCIL", null)])).toBe(self);
    expect(sheetDate([signer("SELF", null), signer("GROUP", null), signer("COUNCIL", null)])).toBeNull();
  });
});
