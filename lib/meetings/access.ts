import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../authz/permissions";
import { schoolScope } from "../authz/scope";

/**
 * Meetings the viewer may read: all of them for those who run them (principal, union chair,
 * admin: meeting.manage); only meetings with closed minutes for everybody else who may read
 * (members and group leaders of the school, upper-unit staff).
 */
export function readableMeetings(viewer: Viewer): Prisma.JointMeetingWhereInput {
  return {
    OR: [{ school: schoolScope(viewer, "meeting.manage") }, { AND: [{ school: schoolScope(viewer, "meeting.read") }, { status: "CLOSED" }] }],
  };
}

/** Meetings the viewer runs (meeting.manage). */
export function managedMeetings(viewer: Viewer): Prisma.JointMeetingWhereInput {
  return { school: schoolScope(viewer, "meeting.manage") };
}
