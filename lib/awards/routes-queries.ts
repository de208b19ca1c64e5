import "server-only";
// What the package page shows of the routes (issue 12): the route and its deciding body, how the
// proposals would split, the sibling packages of the same school package, the council minutes of
// the year (linked from the package and from the reviewer's page), and the government decisions
// recorded for the package with their scan and certificates.
import type { Viewer } from "../authz/permissions";
import { can } from "../authz/permissions";
import { bySchoolScope } from "../authz/scope";
import { getDb } from "../server/db";
import { notFound } from "../server/errors";
import { toIsoDay } from "./facts";
import { ROUTE_LABELS } from "./authority";
import { routeGroups } from "./routes";

/** The routes panel of a package (nomination.read of its school). NOT_FOUND outside scope. */
export async function getRoutePanel(viewer: Viewer, packageId: string) {
  const db = await getDb();
  const p = await db.nominationPackage.findFirst({
    where: { id: packageId, ...bySchoolScope(viewer, "nomination.read") },
    select: { id: true, schoolId: true, schoolYearId: true, status: true, version: true, route: true, authorityName: true, splitFromId: true, sentAt: true, title: true, school: { select: { unionUnitId: true, govUnit: { select: { name: true } } } } },
  });
  if (!p) throw notFound();
  const target = { schoolId: p.schoolId, unitId: p.school.unionUnitId };
  const [split, siblings, meetings, decisions] = await Promise.all([
    routeGroups(db, p.id),
    db.nominationPackage.findMany({ where: { schoolId: p.schoolId, OR: [{ splitFromId: p.id }, ...(p.splitFromId ? [{ id: p.splitFromId }, { splitFromId: p.splitFromId, id: { not: p.id } }] : [])] }, select: { id: true, title: true, route: true, authorityName: true, status: true } }),
    db.councilMeeting.findMany({ where: { council: { schoolId: p.schoolId, schoolYearId: p.schoolYearId }, status: "CLOSED" }, select: { id: true, heldOn: true, purpose: true }, orderBy: { heldOn: "asc" } }),
    db.awardDecision.findMany({ where: { side: "STATE", awards: { some: { nominationItem: { packageId: p.id } } } }, select: { id: true, number: true, signedOn: true, issuerName: true, signerName: true, signerTitle: true, scanFileName: true, revocation: { select: { id: true } }, _count: { select: { awards: true } } }, orderBy: { signedOn: "asc" } }),
  ]);
  // The school union BCH's own forms still waiting for its decision (decided at the school, never sent up).
  const bchIds = split.groups.find((g) => g.key === "BCH_CDCS")?.itemIds ?? [];
  const bchWaiting = p.route === "STATE" || !bchIds.length ? 0 : await db.nominationItem.count({ where: { id: { in: bchIds }, status: { in: ["POSTED", "REVOKED"] } } });
  // Where the proposals go: each state body, and the union side (the upper union and the school's own BCH stay together).
  const destinations = split.groups.filter((g) => g.side === "STATE").length + (split.groups.some((g) => g.side === "UNION") ? 1 : 0);
  const decided = !!p.splitFromId || !!p.sentAt || p.route === "STATE" || destinations <= 1;
  return {
    schoolId: p.schoolId,
    schoolYearId: p.schoolYearId,
    package: { id: p.id, status: p.status, version: p.version, route: p.route, routeLabel: ROUTE_LABELS[p.route], authorityName: p.authorityName, sentAt: p.sentAt?.toISOString() ?? null },
    groups: split.groups.map((g) => ({ key: g.key, side: g.side, sideLabel: ROUTE_LABELS[g.side], authorityName: g.authorityName, proposer: g.proposer, basis: g.basis, count: g.itemIds.length, titles: g.titles })),
    bchWaiting,
    bchHref: `/truong/${p.schoolId}/de-nghi/quyet-dinh?nam=${p.schoolYearId}`,
    unknown: split.unknown.map((u) => ({ nomineeName: u.nomineeName, titleCode: u.titleCode })),
    siblings: siblings.map((s) => ({ ...s, routeLabel: ROUTE_LABELS[s.route] })),
    minutes: meetings.map((m) => ({ id: m.id, heldOn: toIsoDay(m.heldOn), purpose: m.purpose, href: `/truong/${p.schoolId}/hoi-dong/${m.id}/bien-ban` })),
    decisions: decisions.map((d) => ({ id: d.id, number: d.number, signedOn: toIsoDay(d.signedOn), issuerName: d.issuerName, signer: `${d.signerTitle} ${d.signerName}`, scanFileName: d.scanFileName, revoked: !!d.revocation, count: d._count.awards })),
    can: {
      split: p.status === "POSTED" && !decided && can(viewer, "nomination.manage", target),
      // The route is only mixed until it is split; a mixed package cannot go to the upper union.
      mixed: !decided,
      send: p.route === "STATE" && p.status === "POSTED" && can(viewer, "nomination.propose_state", target),
      // Sent and waiting; or decided, and its decision revoked by the authority (recorded again, ADR 0010).
      record: p.route === "STATE" && (p.status === "SUBMITTED" || (p.status === "DECIDED" && decisions.length > 0 && decisions.every((d) => !!d.revocation))) && can(viewer, "decision.record_external", target),
      /** Revoking a recorded decision (when its authority revoked it): on the school's decisions page. */
      revoke: p.route === "STATE" && can(viewer, "decision.record_external", target),
      print: can(viewer, "award.export", target),
    },
  };
}
export type RoutePanel = Awaited<ReturnType<typeof getRoutePanel>>;
