import "server-only";
// Which school year an awards page shows (not access: the year is chosen, the rows are scoped
// elsewhere through lib/authz).
import type { Db } from "../authz/load";
import { notFound } from "../server/errors";
import { periodOf } from "./facts";

const YEAR_SELECT = { id: true, label: true, startsOn: true, endsOn: true } as const;

/**
 * The school year asked for (?nam=…), else the one nominations are for: the latest year that has
 * ended (nominations follow the year-end review), else the current one.
 */
export async function yearFor(db: Db, yearId?: string | null, today = new Date()) {
  const years = await db.schoolYear.findMany({ select: YEAR_SELECT, orderBy: { startsOn: "desc" } });
  if (!years.length) throw notFound();
  if (yearId) {
    const y = years.find((x) => x.id === yearId);
    if (!y) throw notFound();
    return { year: y, period: periodOf(y), years };
  }
  const y = years.find((x) => x.endsOn < today) ?? years[years.length - 1];
  return { year: y, period: periodOf(y), years };
}
