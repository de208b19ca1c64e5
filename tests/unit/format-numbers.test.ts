// Issue 11: every number and percentage shown to people goes through lib/format.ts (Vietnamese:
// comma decimal, dot thousands, no space before "%"). The second block reads the source so that a
// new `toFixed(` or hand-built "…%" in display code fails here instead of in a user's screen.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent } from "@/lib/format";
import { formatRatio, percent } from "@/lib/awards/settings";
import { ballotFigures } from "@/lib/council/ballot-figures";
import { formatTarget } from "@/lib/plans/measures";

describe("formatNumber / formatPercent", () => {
  it("uses a comma for decimals and dots for thousands", () => {
    expect(formatNumber(1234567)).toBe("1.234.567");
    expect(formatNumber(7.5)).toBe("7,5");
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(-1234.25)).toBe("-1.234,25");
  });
  it("writes shares as 55,56% with no space (so nothing wraps before %)", () => {
    expect(formatPercent(5 / 9, 2)).toBe("55,56%");
    expect(formatPercent(0.6944, 2)).toBe("69,44%");
    expect(formatPercent(83.333, 2, true)).toBe("83,33%");
    expect(formatPercent(1 / 122, 2)).toBe("0,82%");
    expect(formatPercent(0.7)).toBe("70%");
    expect(formatPercent(12.5, 0, true)).toBe("13%");
    expect(formatPercent(1, 1)).not.toMatch(/\s%/);
  });
  it("is what the rules, the minutes and the plan targets print", () => {
    expect(ballotFigures({ issued: 6, returned: 6, valid: 6, agree: 5, baseCount: 6 } as Parameters<typeof ballotFigures>[0]).percentText).toBe("83,33%");
    expect(`${formatPercent(percent(1, 122), 2, true)}`).toBe("0,82%");
    expect(formatRatio({ num: 70, den: 100 })).toBe("từ 70%");
    expect(formatTarget({ comparator: "AT_LEAST", targetValue: 82.5, unit: "PERCENT" })).toBe("≥ 82,5%");
    expect(formatTarget({ comparator: "AT_LEAST", targetValue: 1500, unit: "COUNT" })).toBe("≥ 1.500");
  });
});

/** Source files under app/, components/ and lib/ (not the generated Prisma client). */
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (p === path.join("lib", "generated")) continue;
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}
const FILES = ["app", "components", "lib"].flatMap((d) => sources(d));

/** Lines allowed to build a "%" by hand: CSS widths, not numbers shown to people. */
const PERCENT_ALLOWED: [string, RegExp][] = [
  ["lib/format.ts", /format\(v\)\}%/],
  ["components/plans/document-view.tsx", /width: `\$\{c\.width \* 100\}%`/],
  ["components/scoring/print-sheet.tsx", /width: `\$\{w\}%`/],
];
/** Lines allowed to call toFixed: none is displayed (add file and pattern with the reason). */
const TOFIXED_ALLOWED: [string, RegExp][] = [];

function offenders(pattern: RegExp, allowed: [string, RegExp][]): string[] {
  const out: string[] = [];
  for (const f of FILES) {
    const lines = readFileSync(f, "utf8").split("\n");
    lines.forEach((line, i) => {
      if (!pattern.test(line)) return;
      const file = f.split(path.sep).join("/");
      if (allowed.some(([a, re]) => a === file && re.test(line))) return;
      out.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
    });
  }
  return out;
}

describe("display code formats numbers through lib/format.ts", () => {
  it("scans a real tree", () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(FILES).toContain(path.join("lib", "format.ts"));
  });
  it("has no toFixed( (it writes 55.56, with a dot)", () => {
    expect(offenders(/\.toFixed\(/, TOFIXED_ALLOWED)).toEqual([]);
  });
  it("has no toLocaleString( or Intl.NumberFormat outside lib/format.ts (one formatter for every number)", () => {
    expect(offenders(/\.toLocaleString\(|Intl\.NumberFormat\(/, [["lib/format.ts", /Intl\.NumberFormat\("vi-VN"/]])).toEqual([]);
  });
  it('builds no percentage by hand (`${x}%` or {x}%): use formatPercent', () => {
    expect(offenders(/\}\s?%/, PERCENT_ALLOWED)).toEqual([]);
  });
});
