// The scale builder's live checks (issue 11): a bonus item of −2 was shown as a valid scale —
// the field refused the minus sign silently and kept its old value. What is typed now reaches
// the scale, and the refusal is given for that field.
import { describe, expect, it } from "vitest";
import { readPointsField } from "@/lib/scoring/points";
import { editorProblems, parseScale } from "@/lib/scoring/scale";
import { BLANK_SCALE, TEMPLATE_100 } from "@/lib/scoring/templates";

describe("a points field as typed", () => {
  it("keeps a negative number (so the checks can refuse it) and says when it is not a number", () => {
    expect(readPointsField("−2")).toEqual({ value: -20, error: null });
    expect(readPointsField("-2,5")).toEqual({ value: -25, error: null });
    expect(readPointsField("7,5")).toEqual({ value: 75, error: null });
    expect(readPointsField("abc").error).toContain("Nhập số điểm");
    expect(readPointsField(" ").error).toBe("Vui lòng nhập số điểm.");
  });
});

describe("the builder's problems, by field", () => {
  it("a bonus item with a negative maximum is refused beside that field; deductions are their own items", () => {
    const def = { ...TEMPLATE_100, bonus: [{ ...TEMPLATE_100.bonus[0], max: readPointsField("−2").value! }, ...TEMPLATE_100.bonus.slice(1)] };
    const p = editorProblems(def);
    expect(p.byPath["bonus.0.max"]).toBe("Điểm cộng không được âm; khoản trừ điểm nhập ở mục “Khoản trừ theo lần”.");
    expect(p.list.length).toBeGreaterThan(0);
    expect(parseScale(def).ok).toBe(false);
  });
  it("a field whose text is not a number is a problem of that field, even though the scale still holds the old value", () => {
    const p = editorProblems(TEMPLATE_100, { "bonus.0.max": "Nhập số điểm, tối đa một chữ số thập phân (ví dụ 7,5)." });
    expect(parseScale(TEMPLATE_100).ok).toBe(true);
    expect(p.byPath["bonus.0.max"]).toContain("Nhập số điểm");
  });
  it("the template is valid as it stands", () => {
    expect(editorProblems(TEMPLATE_100).list).toEqual([]);
  });
});

describe("a blank scale", () => {
  it("is the smallest scale the checks accept, ready to be filled in", () => {
    const r = parseScale(BLANK_SCALE);
    expect(r.ok).toBe(true);
    expect(BLANK_SCALE.groups).toHaveLength(1);
    expect(BLANK_SCALE.bonus).toEqual([]);
    expect(BLANK_SCALE.deductions).toEqual([]);
  });
});
