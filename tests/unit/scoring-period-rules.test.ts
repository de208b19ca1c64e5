// Who is scored in a period and which scale the period form proposes (issue 11).
import { describe, expect, it } from "vitest";
import { defaultScaleVersionId, groupRowsInOrder, NO_GROUP_NAME, sheetsByRegistration } from "@/lib/scoring/period-rules";

describe("who gets a sheet", () => {
  it("a campaign with an individual title to register for scores the registered only", () => {
    expect(sheetsByRegistration(["LDTT", "CSTDCS", "TT_LDTT"])).toBe(true);
    expect(sheetsByRegistration(["GVT_DVN"])).toBe(true);
  });
  it("a campaign with only collective titles scores its whole audience", () => {
    expect(sheetsByRegistration(["TT_LDTT", "CD_VUNG_MANH"])).toBe(false);
    expect(sheetsByRegistration([])).toBe(false);
  });
});

describe("the period form's scale", () => {
  const versions = [
    { id: "sv_other_2", scaleId: "scl_other", number: 2 },
    { id: "sv_own_1", scaleId: "scl_own", number: 1 },
    { id: "sv_own_3", scaleId: "scl_own", number: 3 },
  ];
  it("defaults to the campaign's own scale, its newest adopted version, wherever it is listed", () => {
    expect(defaultScaleVersionId(versions, "scl_own")).toBe("sv_own_3");
  });
  it("falls back to the first listed when the campaign has no scale or none adopted", () => {
    expect(defaultScaleVersionId(versions, null)).toBe("sv_other_2");
    expect(defaultScaleVersionId(versions, "scl_none")).toBe("sv_other_2");
    expect(defaultScaleVersionId([], "scl_own")).toBeUndefined();
  });
});

describe("the period's table by union group (Xếp loại theo tổ)", () => {
  it("lists the groups by name the Vietnamese way, members in no group last", () => {
    const rows = [
      { groupName: "Tổ CĐ Văn phòng", total: 4 },
      { groupName: NO_GROUP_NAME, total: 1 },
      { groupName: "Tổ CĐ Đội", total: 2 },
      { groupName: "Tổ CĐ Khối 4–5", total: 9 },
      { groupName: "Tổ CĐ Dạy nghề", total: 3 },
      { groupName: "Tổ CĐ Khối 1–2", total: 11 },
      { groupName: "Tổ CĐ Ăn bán trú", total: 5 },
    ];
    // "Ă" after "A…" and before "B…" (a bytewise sort puts it after "V…"), "Đ" after "D".
    expect(groupRowsInOrder(rows).map((r) => r.groupName)).toEqual([
      "Tổ CĐ Ăn bán trú",
      "Tổ CĐ Dạy nghề",
      "Tổ CĐ Đội",
      "Tổ CĐ Khối 1–2",
      "Tổ CĐ Khối 4–5",
      "Tổ CĐ Văn phòng",
      "Chưa xếp tổ",
    ]);
    expect(rows[0].groupName).toBe("Tổ CĐ Văn phòng"); // a new array
  });
});
