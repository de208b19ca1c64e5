import "server-only";
// The period of a report page or download, from its query string (lib/reports/period.ts), with
// the picker's choices. The caller has passed the gate (report.read on the unit).
import type { Viewer } from "../authz/permissions";
import { getPeriodChoices } from "./queries";
import { parsePeriod, periodQuery, type PeriodParse } from "./period";

export async function reportPeriod(viewer: Viewer, unitId: string, sp: Record<string, string | string[] | undefined> | URLSearchParams) {
  const choices = await getPeriodChoices(viewer, unitId);
  const parsed: PeriodParse = parsePeriod(sp, choices, new Date());
  return { choices, parsed, query: parsed.period ? periodQuery(parsed.period) : "" };
}
