import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { NominationPackageStatus } from "../generated/prisma/enums";
import type { Viewer } from "../authz/permissions";
import { schoolScope } from "../authz/scope";
import { getDb } from "../server/db";
import { unitFor } from "../authz/load";
import { unitDescendants } from "../orgs/tree";
import { yearFor } from "../awards/years";
import { titleEntry } from "../awards/catalogue";
import { toIsoDay } from "../awards/facts";
import { foldVietnamese } from "../format";
import { SCHOOL_SELECT_MAX } from "../awards/queries";

export interface QueueFilters {
  yearId?: string;
  schoolId?: string;
  titleCode?: string;
  status?: NominationPackageStatus;
  /** Part of a school's name or its code, diacritics ignored (the filter of a unit with many schools). */
  schoolQ?: string;
  /** 1-based page of the package list (QUEUE_PAGE_SIZE each); the counts are over all of them. */
  page?: number;
}

/** Packages per page of the queue: a unit of hundreds of schools sends hundreds a year. */
export const QUEUE_PAGE_SIZE = 50;

const VISIBLE: NominationPackageStatus[] = ["SUBMITTED", "RETURNED", "REVIEWED", "DECIDED"];

/**
 * The upper unit's review queue across its schools (nomination.review), with the header counts
 * of what waits: packages to review, nominees waiting, returned, approved without a decision.
 */
export async function getReviewQueue(viewer: Viewer, unitId: string, f: QueueFilters) {
  const db = await getDb();
  // The access check and the two small reads that do not depend on it, in one round trip
  // (nothing read is used unless unitFor lets the viewer in).
  const [unit, { year, years }, tree] = await Promise.all([unitFor(viewer, unitId, "nomination.review"), yearFor(db, f.yearId), unitDescendants(db, unitId)]);
  const scope: Prisma.NominationPackageWhereInput = { schoolYearId: year.id, route: "UNION", AND: [{ school: { unionUnitId: { in: tree } } }, { school: schoolScope(viewer, "nomination.review") }] };
  const where: Prisma.NominationPackageWhereInput = { ...scope, status: f.status ? f.status : { in: VISIBLE } };
  if (f.schoolId) where.schoolId = f.schoolId;
  const needle = f.schoolQ ? foldVietnamese(f.schoolQ) : "";
  if (needle) where.school = { OR: [{ nameSearch: { contains: needle } }, { code: { contains: f.schoolQ!.trim().toUpperCase() } }] };
  if (f.titleCode) where.items = { some: { titleCode: f.titleCode, status: { not: "WITHDRAWN" } } };
  const total = await db.nominationPackage.count({ where });
  const page = Math.min(Math.max(1, f.page ?? 1), Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)));
  const [packages, schools, waitingItems, returnedItems, approvedItems, waitingPackages] = await Promise.all([
    db.nominationPackage.findMany({
      where,
      include: { school: { select: { id: true, name: true } }, items: { select: { status: true, titleCode: true } } },
      orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
    }),
    // The school drop-down: at most SCHOOL_SELECT_MAX (a province's 3,000 made a 600 KB page); above
    // that, none, and the page offers a search by name or code instead (as the registry does).
    db.school.findMany({ where: { unionUnitId: { in: tree } }, select: { id: true, name: true }, orderBy: [{ sortKey: "asc" }, { id: "asc" }], take: SCHOOL_SELECT_MAX + 1 }),
    db.nominationItem.count({ where: { status: "SUBMITTED", package: scope } }),
    db.nominationItem.count({ where: { status: "RETURNED", package: scope } }),
    db.nominationItem.count({ where: { status: { in: ["APPROVED", "APPROVED_CHANGED", "REVOKED"] }, package: scope } }),
    db.nominationPackage.count({ where: { ...scope, status: "SUBMITTED" } }),
  ]);
  return {
    unit,
    year: { id: year.id, label: year.label },
    years: years.map((y) => ({ id: y.id, label: y.label })),
    /** The schools of the drop-down, or empty when there are too many (search with schoolQ). */
    schools: schools.length > SCHOOL_SELECT_MAX ? [] : schools,
    counts: { waitingPackages, waitingItems, returnedItems, approvedItems },
    page,
    pageSize: QUEUE_PAGE_SIZE,
    /** Packages matching the filters (the pager's total). */
    total,
    packages: packages.map((p) => {
      const live = p.items.filter((i) => i.status !== "WITHDRAWN");
      const titles = [...new Set(live.map((i) => i.titleCode))].map((c) => titleEntry(c).name);
      return {
        id: p.id,
        schoolId: p.school.id,
        schoolName: p.school.name,
        title: p.title,
        status: p.status,
        submittedAt: p.submittedAt?.toISOString() ?? null,
        deadline: p.deadline ? toIsoDay(p.deadline) : null,
        total: live.length,
        waiting: live.filter((i) => i.status === "SUBMITTED").length,
        titles,
      };
    }),
  };
}
