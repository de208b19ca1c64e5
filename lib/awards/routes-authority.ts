import "server-only";
// The authority table (AwardAuthority) for the admin (authority.manage): list it (the seed when
// empty) and add or edit a row, version-checked and audited. Rows are never deleted: a row stops
// applying at its validTo, so past decisions keep the basis they were taken on.
import type { Viewer } from "../authz/permissions";
import { decide } from "../authz/decide";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { record } from "../audit/record";
import { conflict, forbidden, notFound } from "../server/errors";
import { titleName } from "./catalogue";
import { AUTHORITY_DEFAULTS, BODY_KINDS, ROUTE_LABELS, type BodyKind } from "./authority";
import { loadAuthorities } from "./routes";
import type { SaveAuthorityInput } from "./routes-schemas";

/** The table as the screen shows it; `editable` only for authority.manage. */
export async function listAuthorities(viewer: Viewer) {
  const db = await getDb();
  const stored = await db.awardAuthority.findMany({ select: { id: true, version: true } });
  const versions = new Map(stored.map((r) => [r.id, r.version]));
  const rows = await loadAuthorities(db);
  return {
    editable: decide(viewer, "authority.manage", {}),
    seeded: stored.length > 0,
    rows: rows.map((r) => ({ ...r, titleName: titleName(r.titleCode), sideLabel: ROUTE_LABELS[r.side], bodyKindLabel: BODY_KINDS[r.bodyKind as BodyKind] ?? r.bodyKind, version: versions.get(r.id) ?? 0 })),
  };
}

/** Adds (no authorityId) or edits a row (version-checked). Audited. Throws FORBIDDEN, NOT_FOUND, CONFLICT. */
export async function saveAuthority(viewer: Viewer, input: SaveAuthorityInput): Promise<{ id: string }> {
  if (!decide(viewer, "authority.manage", {})) throw forbidden();
  // A new row once per form submission (lib/server/submission.ts); an edit is version-checked.
  return createOnce(viewer, "authority.create", input.authorityId ? null : input.submissionKey, async (tx) => {
    const data = {
      titleCode: input.titleCode,
      side: input.side,
      bodyKind: input.bodyKind,
      bodyName: input.bodyName,
      schoolManager: input.schoolManager ?? null,
      level: input.level,
      proposerRole: input.side === "STATE" ? ("PRINCIPAL" as const) : ("UNION_CHAIR" as const),
      basis: input.basis,
      source: input.source,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
    };
    // The first edit writes the seed so that every row has its place in the table.
    if (!(await tx.awardAuthority.count())) await tx.awardAuthority.createMany({ data: AUTHORITY_DEFAULTS.map((r) => ({ ...r, validFrom: new Date(`${r.validFrom}T00:00:00Z`), validTo: r.validTo ? new Date(`${r.validTo}T00:00:00Z`) : null })) });
    if (input.authorityId) {
      const before = await tx.awardAuthority.findUnique({ where: { id: input.authorityId } });
      if (!before) throw notFound();
      const { count } = await tx.awardAuthority.updateMany({ where: { id: before.id, version: input.version || before.version }, data: { ...data, version: { increment: 1 } } });
      if (count === 0) throw conflict();
      await record(tx, viewer, { action: "authority.update", entity: "AwardAuthority", entityId: before.id, before, after: data });
      return { id: before.id };
    }
    const row = await tx.awardAuthority.create({ data: { ...data, createdById: viewer.userId } });
    await record(tx, viewer, { action: "authority.create", entity: "AwardAuthority", entityId: row.id, after: data });
    return { id: row.id };
  });
}
