// The one table that says which role may do what, and over which scope. Pages, actions and
// queries all ask it (through can() / scope.ts); tests read it to build the whole matrix.
import type { Role } from "../generated/prisma/enums";

/** How far a grant reaches: everything, the schools under an upper unit, one school, one union group, oneself. */
export type ScopeKind = "all" | "unit" | "school" | "group" | "self";

export const CAPABILITIES = [
  "school.read",
  "school.create",
  "school.update",
  "group.read",
  "group.manage",
  "member.read",
  "member.manage",
  "member.export",
  "roles.read",
  "audit.read",
  "plan.read",
  "plan.read_draft",
  "plan.edit",
  "plan.sign_school",
  "plan.sign_union",
  "plan.comment",
  "plan.manage_unit",
  "meeting.read",
  "meeting.manage",
  // Campaigns, scales and scoring (issue 4).
  "campaign.read",
  "campaign.manage",
  "registration.read",
  "registration.self",
  "registration.manage",
  "scale.read",
  "scale.manage",
  "scoring.read",
  "scoring.self",
  "scoring.group",
  "scoring.council",
  // Confirm and seal the council's scores (issue 11): whoever chairs the emulation council (the
  // principal, DOMAIN.md §1) and the union chair who runs the periods.
  "scoring.seal_council",
  "scoring.manage",
  "scoring.export",
  "appeal.create",
  "appeal.resolve",
  "evidence.upload",
  // Eligibility, council, nominations, decisions, registry (issue 5).
  "award.read",
  "award.export",
  "award.settings",
  "evaluation.manage",
  "initiative.read",
  "initiative.manage",
  "council.read",
  "council.manage",
  "nomination.read",
  "nomination.manage",
  "nomination.public",
  "nomination.object",
  "nomination.review",
  "decision.issue",
  // Who decides what (issue 12): the proposer of each route, the state decision recorded by the
  // school, the authority table.
  "nomination.propose_state",
  "nomination.propose_union",
  "decision.record_external",
  "authority.manage",
  // Reset another user's two-step sign-in (issue 10; admins only, audited).
  "user.twostep_reset",
  // Reset a user's forgotten password (issue 11): the upper unit for its schools' accounts, the
  // school's union chair (who keeps the member records) for plain members' accounts; audited.
  "user.password_reset",
  // Reports across the schools of an upper unit and the units below it (issue 9).
  "report.read",
  // The holiday calendar (issue 11): an upper unit adds its own days off and corrects Tết for its schools.
  "holiday.manage",
  // Mark a joint meeting's task done when it is done (issue 11): the member responsible for it, and
  // those who run the meetings (principal, union chair), without waiting for the next meeting.
  "task.complete",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

type Grants = Partial<Record<Capability, ScopeKind>>;

export const PERMISSIONS: Record<Role, Grants> = {
  ADMIN: Object.fromEntries(CAPABILITIES.map((c) => [c, "all"])) as Grants,
  UPPER_STAFF: {
    "school.read": "unit",
    "school.create": "unit",
    "school.update": "unit",
    "group.read": "unit",
    "member.read": "unit",
    "member.export": "unit",
    "roles.read": "unit",
    "audit.read": "unit",
    "plan.read": "unit",
    "plan.read_draft": "unit",
    "plan.manage_unit": "unit",
    "meeting.read": "unit",
    "campaign.read": "unit",
    "campaign.manage": "unit",
    "registration.read": "unit",
    "scale.read": "unit",
    "scoring.read": "unit",
    "scoring.export": "unit",
    "award.read": "unit",
    "award.export": "unit",
    "award.settings": "unit",
    "initiative.read": "unit",
    "council.read": "unit",
    "nomination.read": "unit",
    "nomination.review": "unit",
    "decision.issue": "unit",
    "user.password_reset": "unit",
    "report.read": "unit",
    "holiday.manage": "unit",
  },
  PRINCIPAL: {
    "school.read": "school",
    "group.read": "school",
    "member.read": "school",
    "member.export": "school",
    "roles.read": "school",
    "audit.read": "school",
    "plan.read": "school",
    "plan.read_draft": "school",
    "plan.edit": "school",
    "plan.sign_school": "school",
    "plan.comment": "school",
    "meeting.read": "school",
    "meeting.manage": "school",
    "task.complete": "school",
    "campaign.read": "school",
    "registration.read": "school",
    "scale.read": "school",
    "scoring.read": "school",
    "scoring.export": "school",
    // The principal chairs the emulation council (DOMAIN.md §1): the chair's own sheet goes to them,
    // and the council's scores are confirmed and sealed by its chair.
    "scoring.council": "school",
    "scoring.seal_council": "school",
    "award.read": "school",
    "award.export": "school",
    "evaluation.manage": "school",
    "initiative.read": "school",
    "initiative.manage": "school",
    "council.read": "school",
    "council.manage": "school",
    "nomination.read": "school",
    "nomination.manage": "school",
    "nomination.public": "school",
    "nomination.propose_state": "school",
    "decision.record_external": "school",
  },
  UNION_CHAIR: {
    "school.read": "school",
    "group.read": "school",
    "group.manage": "school",
    "member.read": "school",
    "member.manage": "school",
    "member.export": "school",
    "roles.read": "school",
    "audit.read": "school",
    "plan.read": "school",
    "plan.read_draft": "school",
    "plan.sign_union": "school",
    "plan.comment": "school",
    "meeting.read": "school",
    "meeting.manage": "school",
    "task.complete": "school",
    "campaign.read": "school",
    "campaign.manage": "school",
    "registration.read": "school",
    "registration.manage": "school",
    "scale.read": "school",
    "scale.manage": "school",
    "scoring.read": "school",
    "scoring.group": "school",
    "scoring.council": "school",
    "scoring.seal_council": "school",
    "scoring.manage": "school",
    "scoring.export": "school",
    "appeal.resolve": "school",
    "evidence.upload": "school",
    "award.read": "school",
    "award.export": "school",
    "evaluation.manage": "school",
    "initiative.read": "school",
    "initiative.manage": "school",
    "council.read": "school",
    "council.manage": "school",
    "nomination.read": "school",
    "nomination.manage": "school",
    "nomination.public": "school",
    "nomination.propose_union": "school",
    "user.password_reset": "school",
    // The school union's BCH decides its own forms (Giấy khen of the BCH…); the chair signs "TM. BAN CHẤP HÀNH" (DOMAIN.md §5).
    "decision.issue": "school",
  },
  GROUP_LEADER: {
    "school.read": "school",
    "group.read": "school",
    "member.read": "group",
    "plan.read": "school",
    "meeting.read": "school",
    "task.complete": "self",
    "campaign.read": "school",
    "registration.read": "group",
    "scale.read": "school",
    "scoring.read": "group",
    "scoring.group": "group",
    "scoring.export": "group",
    "evidence.upload": "group",
    "award.read": "group",
    "initiative.read": "school",
    "nomination.public": "school",
    "nomination.object": "school",
  },
  MEMBER: {
    "school.read": "school",
    "group.read": "school",
    "member.read": "self",
    "plan.read": "school",
    "meeting.read": "school",
    "task.complete": "self",
    "campaign.read": "school",
    "registration.read": "self",
    "registration.self": "self",
    "scale.read": "school",
    "scoring.read": "self",
    "scoring.self": "self",
    "appeal.create": "self",
    "evidence.upload": "self",
    "award.read": "self",
    "initiative.read": "school",
    "nomination.public": "school",
    "nomination.object": "school",
  },
};

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Quản trị hệ thống",
  UPPER_STAFF: "Cán bộ công đoàn cấp trên",
  PRINCIPAL: "Hiệu trưởng",
  UNION_CHAIR: "Chủ tịch công đoàn",
  GROUP_LEADER: "Tổ trưởng công đoàn",
  MEMBER: "Đoàn viên",
};

/** A role the viewer holds, with where it applies. */
export interface Grant {
  role: Role;
  schoolId: string | null;
  organisationId: string | null;
  unionGroupId: string | null;
}

/** Who is asking: resolved from the database on every request (lib/auth/viewer.ts). */
export interface Viewer {
  userId: string;
  sessionId: string;
  email: string;
  displayName: string;
  memberId: string | null;
  grants: Grant[];
  /** Upper units this viewer serves, with every unit below them. */
  unitIds: string[];
}

/** The thing being touched, as far as scope is concerned. */
export interface Target {
  schoolId?: string | null;
  /** The union-side upper unit of the target's school. */
  unitId?: string | null;
  unionGroupId?: string | null;
  memberId?: string | null;
}

function grantCovers(viewer: Viewer, g: Grant, scope: ScopeKind, t: Target): boolean {
  switch (scope) {
    case "all":
      return true;
    case "unit":
      return !!t.unitId && viewer.unitIds.includes(t.unitId);
    case "school":
      return !!t.schoolId && g.schoolId === t.schoolId;
    case "group":
      return !!t.schoolId && g.schoolId === t.schoolId && !!t.unionGroupId && g.unionGroupId === t.unionGroupId;
    case "self":
      return !!t.memberId && viewer.memberId === t.memberId && (!t.schoolId || g.schoolId === t.schoolId);
  }
}

/** May this viewer do `cap` to `target`? Deny by default. */
export function can(viewer: Viewer | null, cap: Capability, target: Target): boolean {
  if (!viewer) return false;
  return viewer.grants.some((g) => {
    const scope = PERMISSIONS[g.role]?.[cap];
    return scope !== undefined && grantCovers(viewer, g, scope, target);
  });
}

/** May this viewer do `cap` anywhere at all (to show a menu item, not to guard data)? */
export function canSome(viewer: Viewer | null, cap: Capability): boolean {
  return !!viewer && viewer.grants.some((g) => PERMISSIONS[g.role]?.[cap] !== undefined);
}

/** The grants giving `cap`, with their scope kinds. */
export function grantsFor(viewer: Viewer, cap: Capability): { grant: Grant; scope: ScopeKind }[] {
  return viewer.grants.flatMap((grant) => {
    const scope = PERMISSIONS[grant.role]?.[cap];
    return scope ? [{ grant, scope }] : [];
  });
}

/** Who the viewer is, with exactly which roles they hold now: a key for per-viewer memos (lib/server/brief-cache.ts). */
export function viewerKey(viewer: Pick<Viewer, "userId" | "memberId" | "grants">): string {
  return `${viewer.userId}|${viewer.memberId ?? ""}|${JSON.stringify(viewer.grants)}`;
}
