import "server-only";
// Writes to the holiday calendar by an upper unit (holiday.manage over the unit): its own rows
// only — the national calendar (organisationId null, seeded) is never changed here; a unit's Tết
// row replaces the national Tết of that year for its schools. Transactional, version-checked,
// audited.
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import type { Viewer } from "../authz/permissions";
import { decide } from "../authz/decide";
import { orgScope } from "../authz/scope";
import { record } from "../audit/record";
import { conflict, notFound } from "../server/errors";
import { toDateInput } from "../format";
import type { CreateHolidayInput, DeleteHolidayInput, UpdateHolidayInput } from "./schemas";
import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

function data(input: CreateHolidayInput | UpdateHolidayInput) {
  return { kind: input.kind, name: input.name, startsOn: input.startsOn, endsOn: input.endsOn, lunarNewYear: input.kind === "TET" ? (input.lunarNewYear ?? null) : null };
}

function snapshot(d: { kind: string; name: string; startsOn: Date; endsOn: Date; lunarNewYear: Date | null }) {
  return { kind: d.kind, name: d.name, startsOn: toDateInput(d.startsOn), endsOn: toDateInput(d.endsOn), lunarNewYear: toDateInput(d.lunarNewYear) || null };
}

/** A unit row the viewer manages: by id AND scope (a national row or another unit's is NOT_FOUND). */
async function ownRow(tx: Tx, viewer: Viewer, holidayId: string) {
  const row = await tx.holiday.findFirst({ where: { id: holidayId, organisationId: { not: null }, ...orgScope(viewer, "holiday.manage") } });
  if (!row || !row.organisationId || !decide(viewer, "holiday.manage", { unitId: row.organisationId })) throw notFound();
  return row as typeof row & { organisationId: string };
}

/** Thêm ngày nghỉ of the unit. */
export async function createHoliday(viewer: Viewer, input: CreateHolidayInput): Promise<{ id: string; unitId: string }> {
  if (!decide(viewer, "holiday.manage", { unitId: input.unitId })) throw notFound();
  const db = await getDb();
  const unit = await db.organisation.findUnique({ where: { id: input.unitId }, select: { id: true } });
  if (!unit) throw notFound();
  return createOnce(viewer, "holiday.create", input.submissionKey, async (tx) => {
    const d = data(input);
    const row = await tx.holiday.create({ data: { organisationId: unit.id, ...d }, select: { id: true } });
    await record(tx, viewer, { action: "holiday.create", entity: "Holiday", entityId: row.id, organisationId: unit.id, after: snapshot(d) });
    return { id: row.id, unitId: unit.id };
  });
}

/** Sửa ngày nghỉ of the unit (version-checked). */
export async function updateHoliday(viewer: Viewer, input: UpdateHolidayInput): Promise<{ unitId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await ownRow(tx, viewer, input.holidayId);
    const d = data(input);
    const r = await tx.holiday.updateMany({ where: { id: row.id, version: input.version }, data: { ...d, version: { increment: 1 } } });
    if (r.count === 0) throw conflict();
    await record(tx, viewer, { action: "holiday.update", entity: "Holiday", entityId: row.id, organisationId: row.organisationId, before: snapshot(row), after: snapshot(d) });
    return { unitId: row.organisationId };
  });
}

/** Xóa ngày nghỉ of the unit (version-checked). */
export async function deleteHoliday(viewer: Viewer, input: DeleteHolidayInput): Promise<{ unitId: string }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await ownRow(tx, viewer, input.holidayId);
    const r = await tx.holiday.deleteMany({ where: { id: row.id, version: input.version } });
    if (r.count === 0) throw conflict();
    await record(tx, viewer, { action: "holiday.delete", entity: "Holiday", entityId: row.id, organisationId: row.organisationId, before: snapshot(row) });
    return { unitId: row.organisationId };
  });
}
