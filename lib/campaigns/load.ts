import "server-only";
// Campaigns' loaders: which campaigns concern a school (its own, and those launched by its upper
// unit or any unit above it), and a campaign found in a school's or an upper unit's context. The
// school comes from the gate's scoped look-up (lib/authz/load.ts), decisions from lib/authz/decide.ts.
import type { Prisma } from "../generated/prisma/client";
import type { Capability, Target, Viewer } from "../authz/permissions";
import { decide } from "../authz/decide";
import { SCHOOL_BRIEF, schoolFor, type Db } from "../authz/load";
import { AppError, notFound } from "../server/errors";
import { decideCampaign, type CampaignAction } from "./rules";
import { unitAncestors } from "../orgs/tree";

/** Campaigns that concern a school: `where` fragment. */
export async function campaignsOfSchool(db: Db, school: { id: string; unionUnitId: string }): Promise<Prisma.CampaignWhereInput> {
  return { OR: [{ schoolId: school.id }, { organisationId: { in: await unitAncestors(db, school.unionUnitId) } }] };
}

export const campaignSelect = {
  id: true,
  name: true,
  movement: true,
  description: true,
  audience: true,
  titles: true,
  state: true,
  version: true,
  registrationDeadline: true,
  schoolId: true,
  organisationId: true,
  schoolYearId: true,
  scaleId: true,
  schoolYear: { select: { label: true } },
  organisation: { select: { name: true } },
  school: { select: { name: true } },
  scale: { select: { name: true } },
  rounds: { select: { id: true, name: true, startsOn: true, endsOn: true, position: true }, orderBy: { position: "asc" } },
} satisfies Prisma.CampaignSelect;

/**
 * A campaign seen from a school the viewer may read with `cap` (the school's own or its upper
 * units'), or NOT_FOUND.
 */
export async function findCampaignForSchool(db: Db, viewer: Viewer, schoolId: string, campaignId: string, cap: Capability = "campaign.read") {
  const school = await schoolFor(viewer, schoolId, cap, db, SCHOOL_BRIEF);
  const c = await db.campaign.findFirst({ where: { id: campaignId, ...(await campaignsOfSchool(db, school)) }, select: campaignSelect });
  if (!c) throw notFound();
  return { campaign: c, school };
}

/** A campaign launched by an upper unit the viewer serves, or NOT_FOUND. */
export async function findCampaignOfUnit(db: Db, viewer: Viewer, unitId: string, campaignId: string, cap: Capability = "campaign.read") {
  if (!decide(viewer, cap, { unitId })) throw notFound();
  const c = await db.campaign.findFirst({ where: { id: campaignId, organisationId: unitId }, select: campaignSelect });
  if (!c) throw notFound();
  return c;
}

/**
 * Whose campaign it is decides who manages it: a school's campaign by that school's chair, an
 * upper unit's by that unit's staff (never the other way round).
 */
export function manageTarget(c: { schoolId: string | null; organisationId: string | null }): Target {
  return c.schoolId ? { schoolId: c.schoolId } : { unitId: c.organisationId };
}

export function requireCampaignAction(viewer: Viewer, c: { state: Parameters<typeof decideCampaign>[0]; schoolId: string | null; organisationId: string | null }, action: CampaignAction, target: Target = manageTarget(c)): void {
  const d = decideCampaign(c.state, action, (cap) => decide(viewer, cap, target));
  if (!d.ok) throw new AppError(d.code);
}
