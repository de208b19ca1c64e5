import "server-only";
// The school year a dashboard shows: the one asked for, else the one running today (as
// lib/plans/queries.ts pickYear), and the year before it. Kept here, free of Next.js imports, so
// the benchmark (scripts/bench-province.ts, run outside Next) can load the dashboards.
import type { PrismaClient } from "../generated/prisma/client";

export async function dashboardYears(db: Pick<PrismaClient, "schoolYear">, yearId: string | undefined, now = new Date()) {
  const years = await db.schoolYear.findMany({ orderBy: { startsOn: "desc" }, select: { id: true, label: true, startsOn: true, endsOn: true } });
  // A year stays "running" through the summer after it ends (reports and decisions come in June–August).
  const running = years.find((y) => y.startsOn <= now && now <= new Date(y.endsOn.getTime() + 92 * 86_400_000));
  const current = running ?? years.find((y) => y.startsOn <= now) ?? years[years.length - 1] ?? null;
  const year = (yearId && years.find((y) => y.id === yearId)) || current;
  const prevYear = year ? (years[years.findIndex((y) => y.id === year.id) + 1] ?? null) : null;
  return { years, year, prevYear };
}
