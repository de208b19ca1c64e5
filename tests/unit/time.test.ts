// Issue 11: "today" and deadlines in Vietnam time. Checked at 23:30 and 00:30 Vietnam time, the
// hours where the UTC date (16:30 and 17:30 UTC) and Vietnam's date part ways.
import { describe, expect, it } from "vitest";
import { endOfDayVN, isPastDeadline, todayIsoVN, todayVN } from "@/lib/time";
import { registrationOpen } from "@/lib/campaigns/rules";
import { vietnamToday } from "@/lib/meetings/rules";
import { submissionChecks } from "@/lib/awards/rules-dossier";
import { defaultSettings } from "@/lib/awards/settings";

/** A Vietnam wall-clock moment (UTC+7 all year). */
const vn = (iso: string) => new Date(`${iso}+07:00`);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("lib/time", () => {
  it("todayVN is Vietnam's day: 23:30 on 2 December is still the 2nd, 00:30 is already the 3rd", () => {
    expect(todayIsoVN(vn("2026-12-02T23:30:00"))).toBe("2026-12-02");
    expect(todayIsoVN(vn("2026-12-03T00:30:00"))).toBe("2026-12-03");
    expect(todayVN(vn("2026-12-03T00:30:00")).toISOString()).toBe("2026-12-03T00:00:00.000Z");
    // the UTC date at 00:30 in Vietnam is still the 2nd: that is the bug this module removes
    expect(vn("2026-12-03T00:30:00").toISOString().slice(0, 10)).toBe("2026-12-02");
  });

  it("endOfDayVN is 23:59:59.999 in Vietnam (16:59:59.999 UTC)", () => {
    expect(endOfDayVN(day("2026-12-02")).toISOString()).toBe("2026-12-02T16:59:59.999Z");
    expect(endOfDayVN(day("2027-01-01")).toISOString()).toBe("2027-01-01T16:59:59.999Z");
  });

  it("a deadline on 2 December is open at 23:30 and closed at 00:30 (not until 07:00)", () => {
    const deadline = day("2026-12-02");
    expect(isPastDeadline(deadline, vn("2026-12-02T23:30:00"))).toBe(false);
    expect(isPastDeadline(deadline, vn("2026-12-03T00:30:00"))).toBe(true);
    expect(isPastDeadline(deadline, vn("2026-12-03T06:30:00"))).toBe(true);
    expect(isPastDeadline(deadline, vn("2026-12-02T00:00:00"))).toBe(false);
  });
});

describe("deadlines elsewhere go through it", () => {
  it("the award rules' today (package submission deadline) is Vietnam's day", () => {
    expect(todayIsoVN(vn("2026-12-02T23:30:00"))).toBe("2026-12-02");
    expect(todayIsoVN(vn("2026-12-03T00:30:00"))).toBe("2026-12-03");
  });

  it("a package whose deadline was 2 December is late at 00:30 on the 3rd", () => {
    const base = { today: todayIsoVN(vn("2026-12-03T00:30:00")), deadline: "2026-12-02", reopenedUntil: null };
    const late = dossierDeadline(base);
    expect(late?.passed).toBe(false);
    expect(late?.detail).toBe("Đã quá hạn nộp 02/12/2026; cần đơn vị cấp trên mở lại");
    expect(dossierDeadline({ ...base, today: todayIsoVN(vn("2026-12-02T23:30:00")) })?.passed).toBe(true);
  });

  it("campaign registration and meeting tasks use the same day", () => {
    expect(registrationOpen(day("2026-12-02"), vn("2026-12-02T23:30:00"))).toBe(true);
    expect(registrationOpen(day("2026-12-02"), vn("2026-12-03T00:30:00"))).toBe(false);
    expect(vietnamToday(vn("2026-12-03T00:30:00")).toISOString()).toBe("2026-12-03T00:00:00.000Z");
  });
});

function dossierDeadline(x: { today: string; deadline: string | null; reopenedUntil: string | null }) {
  const checks = submissionChecks({ ...x, postedOn: null, objections: [], votesMissing: [], eligibility: [], caps: [], dossier: [] }, defaultSettings());
  return checks.find((c) => c.rule === "deadline");
}

describe("no page or rule takes today's UTC date", () => {
  it('nobody writes new Date().toISOString().slice(0, 10) (the UTC day): use todayIsoVN()', async () => {
    const { readdirSync, readFileSync, statSync } = await import("node:fs");
    const path = await import("node:path");
    const hits: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (p === path.join("lib", "generated")) continue;
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(name) && /new Date\(\)\.toISOString\(\)\.slice\(0, ?10\)/.test(readFileSync(p, "utf8"))) hits.push(p);
      }
    };
    ["app", "components", "lib"].forEach(walk);
    expect(hits).toEqual([]);
  });
});
