import { describe, expect, it } from "vitest";
import { calendarYearPeriod, defaultPeriod, parsePeriod, periodQuery, rangePeriod } from "../../lib/reports/period";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const years = [
  { id: "sy_2024", label: "2024–2025", startsOn: d("2024-09-05"), endsOn: d("2025-05-31") },
  { id: "sy_2025", label: "2025–2026", startsOn: d("2025-09-05"), endsOn: d("2026-05-31") },
];
const terms = [{ id: "nk_1", label: "2023–2028", startsOn: d("2023-10-12"), endsOn: d("2028-10-11") }];
const rows = { schoolYears: years, unionTerms: terms };
const today = d("2026-03-10");
const iso = (x: Date) => x.toISOString().slice(0, 10);

describe("parsePeriod", () => {
  it("resolves a school year from its row", () => {
    const r = parsePeriod({ ky: "nam-hoc", "nam-hoc": "sy_2024" }, rows, today);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.period.label).toBe("Năm học 2024–2025");
    // To the day before the next year opens: June–August decisions belong to the year.
    expect([iso(r.period.from), iso(r.period.to)]).toEqual(["2024-09-05", "2025-09-04"]);
  });

  it("resolves a calendar year", () => {
    const r = parsePeriod(new URLSearchParams("ky=nam&nam=2026"), rows, today);
    expect(r.ok && [r.period.label, iso(r.period.from), iso(r.period.to)]).toEqual(["Năm 2026", "2026-01-01", "2026-12-31"]);
  });

  it("resolves a union term", () => {
    const r = parsePeriod({ ky: "nhiem-ky", "nhiem-ky": "nk_1" }, rows, today);
    expect(r.ok && [r.period.label, iso(r.period.from), iso(r.period.to)]).toEqual(["Nhiệm kỳ 2023–2028", "2023-10-12", "2028-10-11"]);
  });

  it("resolves a date range typed dd/mm/yyyy or yyyy-mm-dd", () => {
    const a = parsePeriod({ ky: "khoang", tu: "01/01/2026", den: "30/06/2026" }, rows, today);
    const b = parsePeriod({ ky: "khoang", tu: "2026-01-01", den: "2026-06-30" }, rows, today);
    expect(a.ok && a.period.label).toBe("Từ 01/01/2026 đến 30/06/2026");
    expect(b.ok && b.period.label).toBe("Từ 01/01/2026 đến 30/06/2026");
  });

  it("defaults to the school year containing today, else the latest one started", () => {
    const r = parsePeriod({}, rows, today);
    expect(r.ok && r.period.label).toBe("Năm học 2025–2026");
    expect(r.ok && r.values).toMatchObject({ ky: "nam-hoc", namHoc: "sy_2025" });
    // Summer holidays: between two school years.
    expect(defaultPeriod(years, d("2026-07-15")).label).toBe("Năm học 2025–2026");
    expect(defaultPeriod(years, d("2026-10-15")).label).toBe("Năm học 2025–2026");
    expect(defaultPeriod([], d("2026-07-15")).label).toBe("Năm 2026");
  });

  it("refuses bad input with a Vietnamese message and keeps what was typed", () => {
    const r = parsePeriod({ ky: "khoang", tu: "31/02/2026", den: "30/06/2026" }, rows, today);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.tu).toBe("Ngày bắt đầu không hợp lệ (định dạng dd/mm/yyyy).");
    expect(r.values.tu).toBe("31/02/2026");
    expect(r.period).toBeNull();

    const back = parsePeriod({ ky: "khoang", tu: "30/06/2026", den: "01/01/2026" }, rows, today);
    expect(!back.ok && back.errors.den).toBe("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.");

    const year = parsePeriod({ ky: "nam", nam: "20x6" }, rows, today);
    expect(!year.ok && year.errors.nam).toBe("Năm không hợp lệ.");
    expect(!year.ok && year.values.nam).toBe("20x6");

    const unknown = parsePeriod({ ky: "nam-hoc", "nam-hoc": "sy_1999" }, rows, today);
    expect(!unknown.ok && unknown.errors.namHoc).toBe("Không tìm thấy năm học đã chọn.");

    const kind = parsePeriod({ ky: "tuan" }, rows, today);
    expect(!kind.ok && kind.errors.ky).toBe("Loại kỳ báo cáo không hợp lệ.");

    const missing = parsePeriod({ ky: "khoang", den: "30/06/2026" }, rows, today);
    expect(!missing.ok && missing.errors.tu).toBe("Vui lòng nhập ngày bắt đầu.");
  });

  it("round-trips through its query string", () => {
    for (const p of [calendarYearPeriod(2025), rangePeriod(d("2026-01-01"), d("2026-06-30"))]) {
      const r = parsePeriod(new URLSearchParams(periodQuery(p)), rows, today);
      expect(r.ok && r.period).toEqual(p);
    }
  });
});
