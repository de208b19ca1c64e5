// The member's own registrations, newest first, by school year, whatever order the rows were
// written in (the dashboard's query orders them so itself: lib/dashboards/member.ts).
import { describe, expect, it } from "vitest";
import { registrationsNewestFirst } from "@/lib/campaigns/rules";

describe("registrationsNewestFirst", () => {
  it("puts the latest school year first, keeping the given order within a year", () => {
    // As the query returns them (newest written first): the earlier years were imported last.
    const rows = [
      { id: "h2023", year: "2023–2024" },
      { id: "h2024", year: "2024–2025" },
      { id: "r2026b", year: "2026–2027" },
      { id: "r2025", year: "2025–2026" },
      { id: "r2026a", year: "2026–2027" },
    ];
    expect(registrationsNewestFirst(rows).map((r) => r.id)).toEqual(["r2026b", "r2026a", "r2025", "h2024", "h2023"]);
    expect(rows[0].id).toBe("h2023"); // a new array: the input is left as it was
  });

  it("keeps an empty list empty and a label without a year last", () => {
    expect(registrationsNewestFirst([])).toEqual([]);
    expect(registrationsNewestFirst([{ year: "" }, { year: "2025–2026" }]).map((r) => r.year)).toEqual(["2025–2026", ""]);
  });
});
