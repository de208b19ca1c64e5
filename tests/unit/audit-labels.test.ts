// Every action code the code writes to the audit log reads as Vietnamese in the log viewer:
// the static codes are found in lib/ by their `action: "…"` literal; the codes built from a
// workflow (plan.<transition>, nomination.<transition>, meeting.<action>, campaign.<action>)
// come from the same tables the mutations use.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionLabel } from "@/components/audit/audit-format";
import { PLAN_ACTIONS } from "@/lib/plans/rules";
import { MEETING_ACTIONS } from "@/lib/meetings/rules";
import { ITEM_ACTION_NAMES, PACKAGE_ACTION_NAMES } from "@/lib/awards/workflow";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (p.includes(`${path.sep}generated`)) return [];
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const staticCodes = [...new Set(files(path.resolve("lib")).flatMap((f) => [...readFileSync(f, "utf8").matchAll(/\baction: "([a-z_]+\.[a-z_.A-Z]+)"/g)].map((m) => m[1])))];

describe("audit action labels", () => {
  it("finds the codes written in lib/", () => {
    expect(staticCodes.length).toBeGreaterThan(50);
  });

  it.each(staticCodes)("%s has a Vietnamese label", (code) => {
    expect(actionLabel(code)).not.toBe(code);
  });

  const dynamic = [
    ...PLAN_ACTIONS.filter((a) => a !== "edit" && a !== "comment").map((a) => `plan.${a}`),
    ...MEETING_ACTIONS.map((a) => `meeting.${a}`),
    ...[...ITEM_ACTION_NAMES, ...PACKAGE_ACTION_NAMES].map((a) => `nomination.${a}`),
    ...["open", "startScoring", "close"].map((a) => `campaign.${a}`),
    // Passed to lib/scoring/mutations.ts writeStage().
    "scoring.stage.save",
    "scoring.grid.save",
    "scoring.stage.amend",
  ];
  it.each(dynamic)("%s (from a workflow) has a Vietnamese label", (code) => {
    expect(actionLabel(code)).not.toBe(code);
  });
});
