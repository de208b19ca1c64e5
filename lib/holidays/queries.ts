import "server-only";
// Reads of the holiday calendar: the days off a school's meetings follow (national calendar plus
// its upper units' own days), and the upper unit's page.
import type { Prisma } from "../generated/prisma/client";
import { getDb } from "../server/db";
import type { Viewer } from "../authz/permissions";
import { decide } from "../authz/decide";
import { unitAncestors } from "../orgs/tree";
import { notFound } from "../server/errors";
import type { DayRange } from "./calendar";

type Db = Prisma.TransactionClient | Awaited<ReturnType<typeof getDb>>;

const rowSelect = { id: true, organisationId: true, kind: true, name: true, startsOn: true, endsOn: true, lunarNewYear: true, version: true } as const;
type Row = Prisma.HolidayGetPayload<{ select: typeof rowSelect }>;

/** Tết rows of the units replace the national Tết of the same year (the nearest unit's wins). */
function effective(rows: Row[], chain: string[]): Row[] {
  const rank = (r: Row) => (r.organisationId ? chain.indexOf(r.organisationId) : chain.length);
  const tetByYear = new Map<number, Row>();
  for (const r of rows.filter((x) => x.kind === "TET")) {
    const y = (r.lunarNewYear ?? r.startsOn).getUTCFullYear();
    const best = tetByYear.get(y);
    if (!best || rank(r) < rank(best)) tetByYear.set(y, r);
  }
  return rows.filter((r) => r.kind !== "TET" || tetByYear.get((r.lunarNewYear ?? r.startsOn).getUTCFullYear()) === r);
}

/**
 * The days off between `from` and `to` for the schools of union unit `unitId`: the national
 * calendar and the days of the unit and every unit above it. Internal (generating meetings).
 */
export async function holidaysForUnit(db: Db, unitId: string, from: Date, to: Date): Promise<DayRange[]> {
  const chain = await unitAncestors(db as never, unitId);
  const ordered = [unitId, ...chain.filter((u) => u !== unitId)];
  const rows = await db.holiday.findMany({
    where: { startsOn: { lte: to }, endsOn: { gte: new Date(from.getTime() - 40 * 86_400_000) }, OR: [{ organisationId: null }, { organisationId: { in: ordered } }] },
    select: rowSelect,
  });
  return effective(rows, ordered).map((r) => ({ startsOn: r.startsOn, endsOn: r.endsOn }));
}

/**
 * The upper unit's holiday page (holiday.manage over the unit; NOT_FOUND otherwise): the national
 * calendar and the unit's own rows of one calendar year, in date order, each saying whether it
 * applies (a national Tết replaced by the unit's does not).
 */
export async function getHolidayPage(viewer: Viewer, unitId: string, year: number) {
  if (!decide(viewer, "holiday.manage", { unitId })) throw notFound();
  const db = await getDb();
  const unit = await db.organisation.findUnique({ where: { id: unitId }, select: { id: true, name: true } });
  if (!unit) throw notFound();
  const chain = await unitAncestors(db, unitId);
  const ordered = [unitId, ...chain.filter((u) => u !== unitId)];
  const rows = await db.holiday.findMany({
    where: { startsOn: { lte: new Date(Date.UTC(year, 11, 31)) }, endsOn: { gte: new Date(Date.UTC(year, 0, 1)) }, OR: [{ organisationId: null }, { organisationId: { in: ordered } }] },
    select: rowSelect,
    orderBy: [{ startsOn: "asc" }, { endsOn: "asc" }],
  });
  const applied = new Set(effective(rows, ordered).map((r) => r.id));
  return {
    unit,
    year,
    rows: rows.map((r) => ({ ...r, national: r.organisationId === null, own: r.organisationId === unitId, applies: applied.has(r.id) })),
  };
}
