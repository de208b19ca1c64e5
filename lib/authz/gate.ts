import "server-only";
// THE GATE: every access decision of the app goes through here (issue 10).
//
// - Pure decision, for tests and the permission specification: `decide(viewer, cap, resolvedTarget)`
//   (lib/authz/decide.ts, re-exported here). `resolveTarget(ref)` turns a TargetRef such as
//   `{ plan: id }` into { schoolId, unitId, unionGroupId, memberId } with one query.
// - Server actions: `gatedAction(formData, { cap, schema, target }, handler)` → ActionState.
// - Route handlers (downloads): `gatedRoute(cap, target)` passed to pdfDownload / xlsxDownload /
//   storedFileDownload, which run `checkGate` before building anything (404 on refusal).
// - Pages: `requireAccess(cap, target)` (404 page on refusal); navigation: `navFor` in
//   lib/authz/nav.ts, `canSee(viewer, cap, target)`.
//
// Order of checks, before any work: signed in → holds the capability somewhere (else refused
// before parsing, nothing echoed) → input parsed → target resolved from its id in the database
// and inside the grant's scope. Every refusal is NOT_FOUND's message: another tenant's id, a
// missing id and a capability held nowhere all look the same. The area's scoped queries still look every row up by id AND scope.
import type { z } from "zod";
import { notFound as nextNotFound } from "next/navigation";
import type { PrismaClient } from "../generated/prisma/client";
import { requireViewer } from "../auth/viewer";
import { runAction, type ActionState } from "../server/action";
import { getDb } from "../server/db";
import { ERROR_MESSAGES, notFound } from "../server/errors";
import { decide, holdsAny, OWN, type GateCapability, type ResolvedTarget } from "./decide";
import type { Viewer } from "./permissions";

export { canSee, decide, holdsAny, OWN, type GateCapability, type ResolvedTarget } from "./decide";

type Db = Pick<PrismaClient, "user" | "school" | "organisation" | "unionGroup" | "member" | "coordinationPlan" | "jointMeeting" | "meetingTask" | "scoringScale" | "scaleVersion" | "campaign" | "registration" | "scorePeriod" | "scoreSheet" | "evidence" | "appeal" | "nominationPackage" | "nominationItem" | "nominationObjection" | "dossierDocument" | "awardDecision" | "award" | "awardQuota" | "openCase" | "initiative" | "council" | "councilMember" | "councilMeeting" | "holiday">;

const SCHOOL = { select: { unionUnitId: true } } as const;
const inSchool = (schoolId: string, unionUnitId: string): ResolvedTarget => ({ schoolId, unitId: unionUnitId });
const ofMember = (m: { id: string; schoolId: string; unionGroupId: string | null; school: { unionUnitId: string } }): ResolvedTarget => ({
  schoolId: m.schoolId,
  unitId: m.school.unionUnitId,
  unionGroupId: m.unionGroupId,
  memberId: m.id,
});
const MEMBER = { select: { id: true, schoolId: true, unionGroupId: true, school: SCHOOL } } as const;
const sheetTarget = (s: { period: { schoolId: string; school: { unionUnitId: string } }; member: { id: string; unionGroupId: string | null } }): ResolvedTarget => ({
  schoolId: s.period.schoolId,
  unitId: s.period.school.unionUnitId,
  unionGroupId: s.member.unionGroupId,
  memberId: s.member.id,
});
const SHEET = { select: { period: { select: { schoolId: true, school: SCHOOL } }, member: { select: { id: true, unionGroupId: true } } } } as const;
const PACKAGE = { select: { schoolId: true, school: SCHOOL } } as const;
const COUNCIL = { select: { schoolId: true, school: SCHOOL } } as const;
const schoolOrUnit = (r: { schoolId: string | null; organisationId: string | null; school: { unionUnitId: string } | null }): ResolvedTarget =>
  r.schoolId && r.school ? inSchool(r.schoolId, r.school.unionUnitId) : { unitId: r.organisationId };

/** One query per kind of target: the row's place, or null when the id does not exist. */
const RESOLVERS = {
  school: async (db: Db, id: string) => {
    const r = await db.school.findUnique({ where: { id }, select: { id: true, unionUnitId: true } });
    return r && inSchool(r.id, r.unionUnitId);
  },
  unit: async (db: Db, id: string) => {
    const r = await db.organisation.findUnique({ where: { id }, select: { id: true } });
    return r && { unitId: r.id };
  },
  group: async (db: Db, id: string) => {
    const r = await db.unionGroup.findUnique({ where: { id }, select: { id: true, schoolId: true, school: SCHOOL } });
    return r && { ...inSchool(r.schoolId, r.school.unionUnitId), unionGroupId: r.id };
  },
  member: async (db: Db, id: string) => {
    const r = await db.member.findUnique({ where: { id }, ...MEMBER });
    return r && ofMember(r);
  },
  plan: async (db: Db, id: string) => {
    const r = await db.coordinationPlan.findUnique({ where: { id }, select: { schoolId: true, organisationId: true, school: SCHOOL } });
    return r && schoolOrUnit(r);
  },
  meeting: async (db: Db, id: string) => {
    const r = await db.jointMeeting.findUnique({ where: { id }, select: { schoolId: true, school: SCHOOL } });
    return r && inSchool(r.schoolId, r.school.unionUnitId);
  },
  meetingTask: async (db: Db, id: string) => {
    const r = await db.meetingTask.findUnique({ where: { id }, select: { ownerMemberId: true, meeting: { select: { schoolId: true, school: SCHOOL } } } });
    // The member responsible (if named): task.complete reaches them at self scope.
    return r && { ...inSchool(r.meeting.schoolId, r.meeting.school.unionUnitId), memberId: r.ownerMemberId };
  },
  scale: async (db: Db, id: string) => {
    const r = await db.scoringScale.findUnique({ where: { id }, select: { schoolId: true, school: SCHOOL } });
    return r && inSchool(r.schoolId, r.school.unionUnitId);
  },
  scaleVersion: async (db: Db, id: string) => {
    const r = await db.scaleVersion.findUnique({ where: { id }, select: { scale: { select: { schoolId: true, school: SCHOOL } } } });
    return r && inSchool(r.scale.schoolId, r.scale.school.unionUnitId);
  },
  campaign: async (db: Db, id: string) => {
    const r = await db.campaign.findUnique({ where: { id }, select: { schoolId: true, organisationId: true, school: SCHOOL } });
    return r && schoolOrUnit(r);
  },
  registration: async (db: Db, id: string) => {
    const r = await db.registration.findUnique({ where: { id }, select: { schoolId: true, memberId: true, unionGroupId: true, school: SCHOOL } });
    return r && { ...inSchool(r.schoolId, r.school.unionUnitId), memberId: r.memberId, unionGroupId: r.unionGroupId };
  },
  period: async (db: Db, id: string) => {
    const r = await db.scorePeriod.findUnique({ where: { id }, select: { schoolId: true, school: SCHOOL } });
    return r && inSchool(r.schoolId, r.school.unionUnitId);
  },
  sheet: async (db: Db, id: string) => {
    const r = await db.scoreSheet.findUnique({ where: { id }, ...SHEET });
    return r && sheetTarget(r);
  },
  evidence: async (db: Db, id: string) => {
    const r = await db.evidence.findUnique({ where: { id }, select: { sheet: SHEET } });
    return r && sheetTarget(r.sheet);
  },
  appeal: async (db: Db, id: string) => {
    const r = await db.appeal.findUnique({ where: { id }, select: { sheet: SHEET } });
    return r && sheetTarget(r.sheet);
  },
  package: async (db: Db, id: string) => {
    const r = await db.nominationPackage.findUnique({ where: { id }, ...PACKAGE });
    return r && inSchool(r.schoolId, r.school.unionUnitId);
  },
  nominationItem: async (db: Db, id: string) => {
    const r = await db.nominationItem.findUnique({ where: { id }, select: { schoolId: true, memberId: true, unionGroupId: true, package: { select: { school: SCHOOL } } } });
    return r && { ...inSchool(r.schoolId, r.package.school.unionUnitId), memberId: r.memberId, unionGroupId: r.unionGroupId };
  },
  objection: async (db: Db, id: string) => {
    const r = await db.nominationObjection.findUnique({ where: { id }, select: { package: PACKAGE } });
    return r && inSchool(r.package.schoolId, r.package.school.unionUnitId);
  },
  document: async (db: Db, id: string) => {
    const r = await db.dossierDocument.findUnique({ where: { id }, select: { package: PACKAGE } });
    return r && inSchool(r.package.schoolId, r.package.school.unionUnitId);
  },
  decision: async (db: Db, id: string) => {
    const r = await db.awardDecision.findUnique({ where: { id }, select: { organisationId: true } });
    return r && { unitId: r.organisationId };
  },
  award: async (db: Db, id: string) => {
    const r = await db.award.findUnique({ where: { id }, select: { schoolId: true, memberId: true, unionGroupId: true, school: SCHOOL } });
    return r && { ...inSchool(r.schoolId, r.school.unionUnitId), memberId: r.memberId, unionGroupId: r.unionGroupId };
  },
  quota: async (db: Db, id: string) => {
    const r = await db.awardQuota.findUnique({ where: { id }, select: { organisationId: true } });
    return r && { unitId: r.organisationId };
  },
  openCase: async (db: Db, id: string) => {
    const r = await db.openCase.findUnique({ where: { id }, select: { member: MEMBER } });
    return r && ofMember(r.member);
  },
  initiative: async (db: Db, id: string) => {
    const r = await db.initiative.findUnique({ where: { id }, select: { schoolId: true, school: SCHOOL } });
    return r && inSchool(r.schoolId, r.school.unionUnitId);
  },
  council: async (db: Db, id: string) => {
    const r = await db.council.findUnique({ where: { id }, ...COUNCIL });
    return r && inSchool(r.schoolId, r.school.unionUnitId);
  },
  councilMember: async (db: Db, id: string) => {
    const r = await db.councilMember.findUnique({ where: { id }, select: { council: COUNCIL } });
    return r && inSchool(r.council.schoolId, r.council.school.unionUnitId);
  },
  /** A user account, by e-mail (an admin's reset): the place of its member, if any. */
  userEmail: async (db: Db, email: string) => {
    const r = await db.user.findUnique({ where: { email }, select: { member: MEMBER } });
    return r && (r.member ? ofMember(r.member) : {});
  },
  councilMeeting: async (db: Db, id: string) => {
    const r = await db.councilMeeting.findUnique({ where: { id }, select: { council: COUNCIL } });
    return r && inSchool(r.council.schoolId, r.council.school.unionUnitId);
  },
  /** An upper unit's own day off (a national row, organisationId null, is nobody's to change here). */
  holiday: async (db: Db, id: string) => {
    const r = await db.holiday.findUnique({ where: { id }, select: { organisationId: true } });
    return r && r.organisationId ? { unitId: r.organisationId } : null;
  },
} satisfies Record<string, (db: Db, id: string) => Promise<ResolvedTarget | null>>;

export type TargetKind = keyof typeof RESOLVERS;

/**
 * What an action or route touches, by the id the client sent; the gate finds where it lives.
 * Exactly one kind key; `within: true` when the work is on rows inside the place (see decide.ts).
 * `"self"`: the viewer's own rows only (with the OWN capability), no target to resolve.
 */
export type TargetRef = { [K in TargetKind]: { [P in K]: string | null | undefined } & { within?: boolean } }[TargetKind] | "self";

/** The target's place from the database, or null when the id does not exist (or is missing). */
export async function resolveTarget(ref: TargetRef, db?: Db): Promise<ResolvedTarget | null> {
  if (ref === "self") return {};
  const entry = Object.entries(ref).find(([k]) => k !== "within") as [TargetKind, string | null | undefined] | undefined;
  if (!entry) return null;
  const [kind, id] = entry;
  if (!id || typeof id !== "string") return null;
  const found = await RESOLVERS[kind](db ?? (await getDb()), id);
  return found && (ref.within ? { ...found, within: true } : found);
}

/**
 * May this viewer do `cap` to `ref`? Resolves the target and decides; NOT_FOUND (an AppError)
 * when the id does not exist or lies outside every grant: the two look the same.
 */
export async function checkGate(viewer: Viewer, cap: GateCapability | readonly GateCapability[], ref: TargetRef, db?: Db): Promise<ResolvedTarget> {
  if (ref === "self" && !(Array.isArray(cap) ? cap : [cap]).every((c) => c === OWN)) throw notFound();
  const target = await resolveTarget(ref, db);
  if (!target || !decide(viewer, cap, target)) throw notFound();
  return target;
}

export interface ActionGate<S extends z.ZodType> {
  /** The capability the action needs (any one of a list); OWN for one's own rows. */
  cap: GateCapability | readonly GateCapability[];
  schema: S;
  /** The target, from the parsed input's ids (and the viewer, for "my own member"). */
  target: (input: z.output<S>, viewer: Viewer) => TargetRef;
}

/**
 * The wrapper of every server action (DESIGN.md's steps, lib/server/action.ts): who → holds the
 * capability somewhere → parse → target in scope → handler (scoped query, transaction, audit) →
 * ActionState. Refused (before parsing, or a target out of scope): NOT_FOUND's message.
 */
export async function gatedAction<S extends z.ZodType>(
  formData: FormData,
  gate: ActionGate<S>,
  handler: (viewer: Viewer, input: z.output<S>, target: ResolvedTarget) => Promise<ActionState | void>,
): Promise<ActionState> {
  const viewer = await requireViewer();
  if (!holdsAny(viewer, gate.cap)) return { ok: false, message: ERROR_MESSAGES.NOT_FOUND };
  return runAction(formData, gate.schema, async (v, input) => {
    const target = await checkGate(v, gate.cap, gate.target(input, v));
    return handler(v, input, target);
  });
}

/**
 * The gate's one explicit door for steps taken before a session exists (a sign-in step that
 * checks the password itself, under the sign-in throttle). Every use is listed in
 * tests/unit/gate-coverage.test.ts: a new one must be added there on purpose.
 */
export async function publicAction<T>(reason: "sign-in", run: () => Promise<T>): Promise<T> {
  void reason;
  return run();
}

/** A route handler's declared access: checked by the download helpers before any work. */
export interface RouteGate {
  readonly cap: GateCapability | readonly GateCapability[];
  readonly target: TargetRef;
}

/** Declares a route handler's capability and target (an id from the URL); refusal is a 404. */
export function gatedRoute(cap: GateCapability | readonly GateCapability[], target: TargetRef): RouteGate {
  return { cap, target };
}

/**
 * For pages: the viewer, and the target when they may do `cap` to it; otherwise the 404 page
 * (not signed in → the sign-in page).
 */
export async function requireAccess(cap: GateCapability | readonly GateCapability[], ref: TargetRef): Promise<{ viewer: Viewer; target: ResolvedTarget }> {
  const viewer = await requireViewer();
  const target = await resolveTarget(ref);
  if (!target || !decide(viewer, cap, target)) nextNotFound();
  return { viewer, target };
}

/** For pages that show or hide a control: the same decision, as a boolean (no throw). */
export async function mayAccess(viewer: Viewer, cap: GateCapability | readonly GateCapability[], ref: TargetRef): Promise<boolean> {
  const target = await resolveTarget(ref);
  return !!target && decide(viewer, cap, target);
}
