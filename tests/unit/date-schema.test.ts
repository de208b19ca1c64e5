// The shared date schema (issue 11): the date input posts dd/mm/yyyy, older forms ISO yyyy-mm-dd;
// a day the calendar does not have (31/02, 29/02 of a common year) is refused with the field's
// message, so a form marks that field instead of showing only "Dữ liệu chưa hợp lệ".
import { describe, expect, it } from "vitest";
import { optionalDate, vnDate, z } from "@/lib/validation";
import { adoptScaleSchema } from "@/lib/scoring/scale-schemas";
import { changeStatusSchema } from "@/lib/members/schemas";
import { toDateText } from "@/components/ui/date-input";

const day = (s: string) => vnDate("ngày thông qua").safeParse(s);
const iso = (d: Date | undefined) => d?.toISOString().slice(0, 10);

describe("vnDate / optionalDate", () => {
  it("reads dd/mm/yyyy and ISO yyyy-mm-dd as the same calendar day (UTC midnight)", () => {
    expect(iso(day("28/02/2026").data)).toBe("2026-02-28");
    expect(iso(day("2026-02-28").data)).toBe("2026-02-28");
    expect(iso(day("1/2/2026").data)).toBe("2026-02-01");
    expect(day("28/02/2026").data?.getUTCHours()).toBe(0);
  });

  it("refuses 31/02 and 30/02 in either form, with the field's message", () => {
    for (const s of ["31/02/2026", "30/02/2024", "2026-02-31", "31/04/2026", "00/01/2026", "15/13/2026"]) {
      const r = day(s);
      expect(r.success, s).toBe(false);
      expect(r.error?.issues[0].message, s).toBe("Ngày thông qua không hợp lệ (định dạng dd/mm/yyyy).");
    }
  });

  it("29/02 only in leap years (2024, 2000), not in common ones (2026, 2100, 1900)", () => {
    expect(iso(day("29/02/2024").data)).toBe("2024-02-29");
    expect(iso(day("29/02/2000").data)).toBe("2000-02-29");
    expect(iso(day("2024-02-29").data)).toBe("2024-02-29");
    for (const s of ["29/02/2026", "29/02/2100", "29/02/1900", "2026-02-29"]) expect(day(s).success, s).toBe(false);
  });

  it("refuses text that is not a date, and years outside 1900–2100", () => {
    for (const s of ["hôm qua", "31/02", "2026/02/01", "01/01/1899", "01/01/2101"]) expect(day(s).success, s).toBe(false);
  });

  it("optionalDate: absent is fine, a wrong day is not", () => {
    const s = z.object({ d: optionalDate("ngày") });
    expect(s.safeParse({}).success).toBe(true);
    expect(s.safeParse({ d: "29/02/2026" }).error?.issues[0].path).toEqual(["d"]);
  });
});

describe("the forms that reported it", () => {
  it("adopting a scale on 31/02/2026 fails on the date field only", () => {
    const r = adoptScaleSchema.safeParse({ versionId: "v1", version: "1", adoptedOn: "31/02/2026", resolutionNo: "01/NQ-HNVC" });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["adoptedOn", "Ngày thông qua không hợp lệ (định dạng dd/mm/yyyy)."]]);
    expect(iso(adoptScaleSchema.safeParse({ versionId: "v1", version: "1", adoptedOn: "28/02/2026", resolutionNo: "01/NQ-HNVC" }).data?.adoptedOn)).toBe("2026-02-28");
  });

  it("leaving asks for the day and the reason; other changes do not", () => {
    const base = { memberId: "m1", version: "1" };
    const refused = changeStatusSchema.safeParse({ ...base, status: "LEFT" });
    expect(refused.error?.issues.map((i) => i.path[0]).sort()).toEqual(["leftOn", "leftReason"]);
    expect(changeStatusSchema.safeParse({ ...base, status: "LEFT", leftOn: "29/02/2026", leftReason: "Nghỉ hưu" }).error?.issues[0].path).toEqual(["leftOn"]);
    const ok = changeStatusSchema.safeParse({ ...base, status: "LEFT", leftOn: "28/02/2026", leftReason: "Nghỉ hưu" });
    expect(iso(ok.data?.leftOn)).toBe("2026-02-28");
    expect(changeStatusSchema.safeParse({ ...base, status: "ON_LEAVE" }).success).toBe(true);
  });
});

describe("the date input's default value", () => {
  it("shows stored ISO days and Dates as dd/mm/yyyy and leaves typed text as typed", () => {
    expect(toDateText("2026-01-11")).toBe("11/01/2026");
    expect(toDateText(new Date(Date.UTC(2027, 0, 11)))).toBe("11/01/2027");
    expect(toDateText("31/02/2026")).toBe("31/02/2026");
    expect(toDateText(null)).toBe("");
  });
});
