import "server-only";
// Writes to coordination plans. Each one: scoped lookup (another school's plan is NOT_FOUND),
// the state machine (lib/plans/rules.ts) for the viewer's workflow role, one transaction with
// an optimistic-lock check and an audit row. Signed plans are also protected by a database
// trigger, so a bug here cannot change them.
import { Prisma } from "../generated/prisma/client";
import { getDb } from "../server/db";
import { createOnce } from "../server/submission";
import { can, type Viewer } from "../authz/permissions";
import { holdsHere } from "../authz/decide";
import { readablePlans } from "../authz/scope";
import { schoolFor } from "../authz/load";
import { record } from "../audit/record";
import { AppError, conflict, forbidden, notFound } from "../server/errors";
import { toDateInput } from "../format";
import { vietnamToday } from "../meetings/rules";
import { notifyPlanStep } from "../notifications/notify";
import { planRolesOf, planState, planTransition, type PlanAction, type PlanRole, type PlanState } from "./rules";
import { buildPlanTemplate, buildUnitPlanTemplate, carryOver } from "./template";
import { COMMENT_KEY_LABELS, contentOf, newContentKey, type CommentKey, type PlanContent, type PlanHeader } from "./content";
import { restatementMessage, restatementMismatches, sectionsRestated } from "./restated";
import type {
  AddCommentInput,
  AmendPlanInput,
  CreatePlanInput,
  CreateUnitPlanInput,
  DeleteRowInput,
  DiscardDraftInput,
  SaveItemInput,
  SaveTargetInput,
  TransitionInput,
  UpdateHeaderInput,
  UpdateSectionInput,
} from "./schemas";

type Tx = Prisma.TransactionClient;

const stateError = () => new AppError("STATE");

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

const writeSelect = {
  id: true,
  schoolId: true,
  organisationId: true,
  schoolYearId: true,
  revision: true,
  status: true,
  version: true,
  issuedOn: true,
  govSignerId: true,
  govSignerName: true,
  govSignedAt: true,
  unionSignerName: true,
  unionSignedAt: true,
  school: { select: { unionUnitId: true } },
  schoolYear: { select: { label: true } },
  amendedBy: { select: { id: true } },
} as const satisfies Prisma.CoordinationPlanSelect;
type WritePlan = Prisma.CoordinationPlanGetPayload<{ select: typeof writeSelect }>;

/** The plan, if the viewer may read it; NOT_FOUND otherwise (another school's id included). */
async function findForWrite(tx: Tx, viewer: Viewer, planId: string): Promise<WritePlan> {
  const plan = await tx.coordinationPlan.findFirst({ where: { id: planId, ...readablePlans(viewer) }, select: writeSelect });
  if (!plan) throw notFound();
  return plan;
}

/** The role in which the viewer may take `action` now; FORBIDDEN or STATE otherwise. */
function authorize(viewer: Viewer, plan: WritePlan, action: PlanAction): { role: PlanRole; state: PlanState; to: PlanState } {
  const state = planState(plan);
  let wrongState = false;
  for (const role of planRolesOf(viewer, plan)) {
    const t = planTransition(state, action, role);
    if (t.ok) return { role, state, to: t.to };
    if (t.reason === "state") wrongState = true;
  }
  throw wrongState ? stateError() : forbidden();
}

/** The other side of a school's plan hears of the step (the bell); unit plans have one side in the app. */
async function tellOtherSide(tx: Tx, viewer: Viewer, plan: WritePlan, role: PlanRole, step: Parameters<typeof notifyPlanStep>[3], extra?: Parameters<typeof notifyPlanStep>[5]) {
  if (!plan.schoolId || (role !== "PRINCIPAL" && role !== "UNION_CHAIR")) return;
  await notifyPlanStep(tx, { id: plan.id, schoolId: plan.schoolId, revision: plan.revision, yearLabel: plan.schoolYear.label }, role === "PRINCIPAL" ? "gov" : "union", step, viewer, extra);
}

function where(plan: WritePlan) {
  return { schoolId: plan.schoolId, organisationId: plan.school?.unionUnitId ?? plan.organisationId };
}

/**
 * Content rows change only while the plan is a draft: this conditional update both checks
 * that and locks the plan row, so a concurrent "send for signing" waits for the edit (or the
 * edit sees the new status and is refused).
 */
async function lockDraft(tx: Tx, planId: string): Promise<void> {
  const r = await tx.coordinationPlan.updateMany({ where: { id: planId, status: "DRAFT" }, data: { updatedAt: new Date() } });
  if (r.count === 0) throw stateError();
}

/** After a conditional update matched nothing: the status moved (STATE) or the version did (CONFLICT). */
/** Runs `write` in one transaction on a plan the viewer may edit, locked while it is a draft. */
async function withDraftPlan(viewer: Viewer, planId: string, write: (tx: Tx, plan: WritePlan) => Promise<void>, once?: { form: string; submissionKey?: string }): Promise<WritePlan> {
  // With a form's submission key, one write per submission: a resent form answers with the first.
  return createOnce(viewer, once?.form ?? "plan.edit", once?.submissionKey, async (tx) => {
    const plan = await findForWrite(tx, viewer, planId);
    authorize(viewer, plan, "edit");
    await lockDraft(tx, plan.id);
    await write(tx, plan);
    return plan;
  });
}

async function refusal(tx: Tx, planId: string, expected: WritePlan["status"][]): Promise<AppError> {
  const now = await tx.coordinationPlan.findUnique({ where: { id: planId }, select: { status: true } });
  return now && !expected.includes(now.status) ? stateError() : conflict();
}

function headerData(h: PlanHeader) {
  return {
    issuerParent: h.issuerParent,
    issuerName: h.issuerName,
    docNumber: h.docNumber,
    place: h.place,
    issuedOn: h.issuedOn,
    title: h.title,
    recipients: h.recipients,
    govSignerTitle: h.govSignerTitle,
    unionSignerTitle: h.unionSignerTitle,
    meetingDay: h.meetingDay,
  };
}

function headerSnapshot(h: PlanHeader) {
  return { ...headerData(h), issuedOn: toDateInput(h.issuedOn) || null };
}

async function writeContent(tx: Tx, planId: string, c: PlanContent): Promise<void> {
  await tx.planSection.createMany({ data: c.sections.map((s) => ({ planId, key: s.key, title: s.title, body: s.body, sortOrder: s.sortOrder })) });
  await tx.planCalendarItem.createMany({
    data: c.items.map((i) => ({ planId, key: i.key, sortOrder: i.sortOrder, month: i.month, onDate: i.onDate, content: i.content, leadSide: i.leadSide })),
  });
  await tx.planTarget.createMany({
    data: c.targets.map((t) => ({
      planId,
      key: t.key,
      sortOrder: t.sortOrder,
      label: t.label,
      measureKey: t.measureKey,
      unit: t.unit,
      comparator: t.comparator,
      targetValue: t.targetValue,
      manualActual: t.manualActual,
    })),
  });
}

const contentInclude = { sections: true, items: true, targets: true } as const;

/**
 * Lập kế hoạch of a school for a school year, from the built-in template or from the school's
 * last signed plan. Principal of the school only; DUPLICATE when the year already has one.
 */
export async function createPlan(viewer: Viewer, input: CreatePlanInput): Promise<{ id: string; schoolId: string }> {
  const db = await getDb();
  const school = await schoolFor(viewer, input.schoolId, "plan.edit", db, {
    id: true, name: true, level: true, address: true, unionUnitId: true, govUnit: { select: { name: true } }, unionUnit: { select: { name: true } },
  });
  // The school side drafts its plan in its own name (lib/authz/decide.ts holdsHere): plan.edit and
  // plan.sign_school held at this school, never through an admin's blanket grant.
  if (!(["plan.edit", "plan.sign_school"] as const).every((c) => holdsHere(viewer, c, { schoolId: school.id }))) throw forbidden();
  const year = await db.schoolYear.findUnique({ where: { id: input.schoolYearId }, select: { id: true, startsOn: true } });
  if (!year) throw notFound();

  let content: PlanContent;
  let copiedFromId: string | null = null;
  if (input.source === "copy") {
    const prev = await db.coordinationPlan.findFirst({
      where: { schoolId: school.id, status: "SIGNED", schoolYear: { startsOn: { lt: year.startsOn } } },
      orderBy: [{ schoolYear: { startsOn: "desc" } }, { revision: "desc" }],
      include: { ...contentInclude, schoolYear: { select: { startsOn: true } } },
    });
    if (!prev) throw new AppError("INVALID", "Chưa có kế hoạch đã ký kết của năm học trước để sao chép.", { source: ["Hãy tạo từ mẫu có sẵn."] });
    content = carryOver(contentOf(prev), prev.schoolYear.startsOn.getUTCFullYear(), year.startsOn.getUTCFullYear());
    copiedFromId = prev.id;
  } else {
    content = buildPlanTemplate({
      schoolName: school.name,
      level: school.level,
      govUnitName: school.govUnit?.name ?? null,
      upperUnionName: school.unionUnit.name,
      address: school.address,
      startYear: year.startsOn.getUTCFullYear(),
    });
  }
  try {
    return await createOnce(viewer, "plan.create", input.submissionKey, async (tx) => {
      const plan = await tx.coordinationPlan.create({
        data: { schoolId: school.id, schoolYearId: year.id, revision: 1, copiedFromId, ...headerData(content.header) },
        select: { id: true },
      });
      await writeContent(tx, plan.id, content);
      await record(tx, viewer, {
        action: "plan.create",
        entity: "CoordinationPlan",
        entityId: plan.id,
        schoolId: school.id,
        organisationId: school.unionUnitId,
        after: { schoolYearId: year.id, revision: 1, source: input.source, copiedFromId, header: headerSnapshot(content.header) },
      });
      return { id: plan.id, schoolId: school.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("DUPLICATE", "Trường đã có kế hoạch phối hợp của năm học này.");
    throw e;
  }
}

/**
 * An upper unit's own plan with its government counterpart (DOMAIN.md §2), for a school year.
 * Staff of that unit only (UNIT_STAFF); DUPLICATE when the year already has one.
 */
export async function createUnitPlan(viewer: Viewer, input: CreateUnitPlanInput): Promise<{ id: string; unitId: string }> {
  const db = await getDb();
  if (!holdsHere(viewer, "plan.manage_unit", { unitId: input.unitId })) throw notFound();
  const unit = await db.organisation.findUnique({ where: { id: input.unitId }, select: { id: true, name: true, parent: { select: { name: true } } } });
  if (!unit) throw notFound();
  const year = await db.schoolYear.findUnique({ where: { id: input.schoolYearId }, select: { id: true, startsOn: true } });
  if (!year) throw notFound();
  // The counterpart: the government unit most of the unit's schools answer to.
  const gov = await db.school.groupBy({ by: ["govUnitId"], where: { unionUnitId: unit.id, govUnitId: { not: null } }, _count: { _all: true } });
  gov.sort((a, b) => b._count._all - a._count._all);
  const govUnit = gov[0]?.govUnitId ? await db.organisation.findUnique({ where: { id: gov[0].govUnitId }, select: { name: true } }) : null;
  const content = buildUnitPlanTemplate({
    unitName: unit.name,
    parentName: unit.parent?.name ?? null,
    counterpartName: govUnit?.name ?? null,
    startYear: year.startsOn.getUTCFullYear(),
  });
  try {
    return await createOnce(viewer, "plan.create_unit", input.submissionKey, async (tx) => {
      const plan = await tx.coordinationPlan.create({
        data: { organisationId: unit.id, schoolYearId: year.id, revision: 1, ...headerData(content.header) },
        select: { id: true },
      });
      await writeContent(tx, plan.id, content);
      await record(tx, viewer, {
        action: "plan.create",
        entity: "CoordinationPlan",
        entityId: plan.id,
        organisationId: unit.id,
        after: { schoolYearId: year.id, revision: 1, source: "template", header: headerSnapshot(content.header) },
      });
      return { id: plan.id, unitId: unit.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("DUPLICATE", "Đơn vị đã có kế hoạch phối hợp của năm học này.");
    throw e;
  }
}

/** Sửa phần đầu văn bản (số, ngày, trích yếu, nơi nhận…): draft only, plan version checked. */
export async function updateHeader(viewer: Viewer, input: UpdateHeaderInput) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const plan = await findForWrite(tx, viewer, input.planId);
    authorize(viewer, plan, "edit");
    const before = await tx.coordinationPlan.findUniqueOrThrow({ where: { id: plan.id } });
    const header: PlanHeader = {
      issuerParent: input.issuerParent,
      issuerName: input.issuerName,
      docNumber: input.docNumber,
      place: input.place,
      issuedOn: input.issuedOn ?? null,
      title: input.title,
      recipients: input.recipients,
      govSignerTitle: input.govSignerTitle,
      unionSignerTitle: input.unionSignerTitle,
      meetingDay: input.meetingDay,
    };
    const r = await tx.coordinationPlan.updateMany({
      where: { id: plan.id, version: input.version, status: "DRAFT" },
      data: { ...headerData(header), version: { increment: 1 } },
    });
    if (r.count === 0) throw await refusal(tx, plan.id, ["DRAFT"]);
    await record(tx, viewer, { action: "plan.update_header", entity: "CoordinationPlan", entityId: plan.id, ...where(plan), before: headerSnapshot(before), after: headerSnapshot(header) });
    // The text's sentences that restate the meeting day are generated from the field again.
    if (before.meetingDay !== header.meetingDay) {
      const sections = await tx.planSection.findMany({ where: { planId: plan.id }, select: { id: true, key: true, body: true } });
      for (const { section, body } of sectionsRestated(sections, header.meetingDay)) {
        await tx.planSection.update({ where: { id: section.id }, data: { body, version: { increment: 1 } } });
        await record(tx, viewer, {
          action: "plan.update_section",
          entity: "PlanSection",
          entityId: section.id,
          ...where(plan),
          before: { planId: plan.id, key: section.key, body: section.body },
          after: { planId: plan.id, key: section.key, body, from: "meetingDay" },
        });
      }
    }
    return plan;
  });
}

/** Sửa một mục nội dung: draft only, the section's own version checked. */
export async function updateSection(viewer: Viewer, input: UpdateSectionInput) {
  return withDraftPlan(viewer, input.planId, async (tx, plan) => {
    const section = await tx.planSection.findFirst({ where: { id: input.sectionId, planId: plan.id } });
    if (!section) throw notFound();
    const r = await tx.planSection.updateMany({
      where: { id: section.id, planId: plan.id, version: input.version },
      data: { title: input.title, body: input.body, version: { increment: 1 } },
    });
    if (r.count === 0) throw conflict();
    await record(tx, viewer, {
      action: "plan.update_section",
      entity: "PlanSection",
      entityId: section.id,
      ...where(plan),
      before: { planId: plan.id, key: section.key, title: section.title, body: section.body },
      after: { planId: plan.id, key: section.key, title: input.title, body: input.body },
    });
  });
}

/** Thêm / sửa một dòng lịch công việc: draft only; an existing row's version checked. */
export async function saveCalendarItem(viewer: Viewer, input: SaveItemInput) {
  return withDraftPlan(viewer, input.planId, async (tx, plan) => {
    const data = { month: input.month, onDate: input.onDate ?? null, content: input.content, leadSide: input.leadSide };
    if (input.onDate && input.onDate.getUTCMonth() + 1 !== input.month) {
      throw new AppError("INVALID", "Dữ liệu chưa hợp lệ. Hãy kiểm tra các ô được đánh dấu.", { onDate: ["Ngày phải thuộc tháng đã chọn."] });
    }
    if (input.itemId) {
      const item = await tx.planCalendarItem.findFirst({ where: { id: input.itemId, planId: plan.id } });
      if (!item) throw notFound();
      const r = await tx.planCalendarItem.updateMany({ where: { id: item.id, planId: plan.id, version: input.version ?? -1 }, data: { ...data, version: { increment: 1 } } });
      if (r.count === 0) throw conflict();
      await record(tx, viewer, {
        action: "plan.update_item",
        entity: "PlanCalendarItem",
        entityId: item.id,
        ...where(plan),
        before: { planId: plan.id, month: item.month, onDate: toDateInput(item.onDate) || null, content: item.content, leadSide: item.leadSide },
        after: { planId: plan.id, ...data, onDate: toDateInput(data.onDate) || null },
      });
      return;
    }
    const last = await tx.planCalendarItem.aggregate({ where: { planId: plan.id }, _max: { sortOrder: true } });
    const item = await tx.planCalendarItem.create({ data: { planId: plan.id, key: newContentKey(), sortOrder: (last._max.sortOrder ?? 0) + 1, ...data }, select: { id: true } });
    await record(tx, viewer, { action: "plan.add_item", entity: "PlanCalendarItem", entityId: item.id, ...where(plan), after: { planId: plan.id, ...data, onDate: toDateInput(data.onDate) || null } });
  }, { form: "plan.save_item", submissionKey: input.submissionKey });
}

/** Xóa một dòng lịch: draft only, version checked. */
export async function deleteCalendarItem(viewer: Viewer, input: DeleteRowInput) {
  return withDraftPlan(viewer, input.planId, async (tx, plan) => {
    const item = await tx.planCalendarItem.findFirst({ where: { id: input.rowId, planId: plan.id } });
    if (!item) throw notFound();
    const r = await tx.planCalendarItem.deleteMany({ where: { id: item.id, planId: plan.id, version: input.version } });
    if (r.count === 0) throw conflict();
    await record(tx, viewer, { action: "plan.delete_item", entity: "PlanCalendarItem", entityId: item.id, ...where(plan), before: { planId: plan.id, month: item.month, content: item.content } });
  });
}

/** Thêm / sửa một chỉ tiêu: draft only; an existing row's version checked. */
export async function saveTarget(viewer: Viewer, input: SaveTargetInput) {
  return withDraftPlan(viewer, input.planId, async (tx, plan) => {
    const data = {
      label: input.label,
      measureKey: input.measureKey,
      unit: input.unit,
      comparator: input.comparator,
      targetValue: input.targetValue,
      manualActual: input.manualActual ?? null,
    };
    if (data.unit === "PERCENT" && (data.targetValue > 100 || (data.manualActual ?? 0) > 100)) {
      throw new AppError("INVALID", "Dữ liệu chưa hợp lệ. Hãy kiểm tra các ô được đánh dấu.", { targetValue: ["Tỷ lệ không quá 100%."] });
    }
    if (input.targetId) {
      const t = await tx.planTarget.findFirst({ where: { id: input.targetId, planId: plan.id } });
      if (!t) throw notFound();
      const r = await tx.planTarget.updateMany({ where: { id: t.id, planId: plan.id, version: input.version ?? -1 }, data: { ...data, version: { increment: 1 } } });
      if (r.count === 0) throw conflict();
      await record(tx, viewer, {
        action: "plan.update_target",
        entity: "PlanTarget",
        entityId: t.id,
        ...where(plan),
        before: { planId: plan.id, label: t.label, measureKey: t.measureKey, unit: t.unit, comparator: t.comparator, targetValue: t.targetValue, manualActual: t.manualActual },
        after: { planId: plan.id, ...data },
      });
      return;
    }
    const last = await tx.planTarget.aggregate({ where: { planId: plan.id }, _max: { sortOrder: true } });
    const t = await tx.planTarget.create({ data: { planId: plan.id, key: newContentKey(), sortOrder: (last._max.sortOrder ?? 0) + 1, ...data }, select: { id: true } });
    await record(tx, viewer, { action: "plan.add_target", entity: "PlanTarget", entityId: t.id, ...where(plan), after: { planId: plan.id, ...data } });
  }, { form: "plan.save_target", submissionKey: input.submissionKey });
}

/** Xóa một chỉ tiêu: draft only, version checked. */
export async function deleteTarget(viewer: Viewer, input: DeleteRowInput) {
  return withDraftPlan(viewer, input.planId, async (tx, plan) => {
    const t = await tx.planTarget.findFirst({ where: { id: input.rowId, planId: plan.id } });
    if (!t) throw notFound();
    const r = await tx.planTarget.deleteMany({ where: { id: t.id, planId: plan.id, version: input.version } });
    if (r.count === 0) throw conflict();
    await record(tx, viewer, { action: "plan.delete_target", entity: "PlanTarget", entityId: t.id, ...where(plan), before: { planId: plan.id, label: t.label, targetValue: t.targetValue } });
  });
}

/** Góp ý on a section (union chair; the principal may answer), while not yet signed. */
export async function addComment(viewer: Viewer, input: AddCommentInput) {
  return createOnce(viewer, "plan.comment", input.submissionKey, async (tx) => {
    const plan = await findForWrite(tx, viewer, input.planId);
    const { role } = authorize(viewer, plan, "comment");
    if (plan.schoolId && !can(viewer, "plan.comment", { schoolId: plan.schoolId })) throw forbidden();
    const c = await tx.planComment.create({ data: { planId: plan.id, sectionKey: input.sectionKey, authorId: viewer.userId, body: input.body }, select: { id: true } });
    await record(tx, viewer, { action: "plan.comment", entity: "PlanComment", entityId: c.id, ...where(plan), after: { planId: plan.id, sectionKey: input.sectionKey, body: input.body } });
    await tellOtherSide(tx, viewer, plan, role, "comment", { sectionLabel: COMMENT_KEY_LABELS[input.sectionKey as CommentKey] });
    return plan;
  });
}

/**
 * Trình ký, rút về, trả lại, ký. Conditional updates: two people racing produce one outcome;
 * when both sides have signed the plan becomes SIGNED (and immutable) in the same
 * transaction as the second signature.
 */
export async function transitionPlan(viewer: Viewer, input: TransitionInput): Promise<WritePlan & { to: PlanState }> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const plan = await findForWrite(tx, viewer, input.planId);
    const { state, role } = authorize(viewer, plan, input.action);
    const now = new Date();
    let r: Prisma.BatchPayload;
    switch (input.action) {
      case "submit": {
        r = await tx.coordinationPlan.updateMany({
          where: { id: plan.id, version: input.version, status: "DRAFT" },
          data: { status: "SUBMITTED", submittedAt: now, version: { increment: 1 } },
        });
        if (r.count === 0) throw await refusal(tx, plan.id, ["DRAFT"]);
        // Text that restates a field must agree with it before anyone signs (read after the
        // update: the plan row is locked, so no edit of the draft slips in between).
        const full = await tx.coordinationPlan.findUniqueOrThrow({ where: { id: plan.id }, include: { sections: true, items: true, targets: true } });
        const wrong = restatementMismatches(contentOf(full));
        if (wrong.length) throw new AppError("STATE", restatementMessage(wrong));
        break;
      }
      case "withdraw":
      case "return":
        r = await tx.coordinationPlan.updateMany({
          where: { id: plan.id, version: input.version, status: "SUBMITTED" },
          data: {
            status: "DRAFT",
            submittedAt: null,
            govSignerId: null,
            govSignerName: null,
            govSignedAt: null,
            unionSignerId: null,
            unionSignerName: null,
            unionSignedAt: null,
            version: { increment: 1 },
          },
        });
        if (r.count === 0) throw await refusal(tx, plan.id, ["SUBMITTED"]);
        break;
      case "sign_gov":
      case "sign_union": {
        const gov = input.action === "sign_gov";
        // A unit's staff record the counterpart's signature with the signer's name; a school's
        // principal and chair sign as themselves.
        const recordsBoth = !plan.schoolId && holdsHere(viewer, "plan.manage_unit", { unitId: plan.organisationId });
        const name = recordsBoth ? (input.signerName ?? (gov ? null : viewer.displayName)) : viewer.displayName;
        if (!name) throw new AppError("INVALID", "Dữ liệu chưa hợp lệ. Hãy kiểm tra các ô được đánh dấu.", { signerName: ["Vui lòng nhập họ tên người ký của cơ quan quản lý."] });
        // Segregation of duties: one person never signs for both sides of a school's plan.
        if (!gov && !recordsBoth && plan.govSignerId === viewer.userId) throw forbidden();
        const data = gov
          ? { govSignerId: viewer.userId, govSignerName: name, govSignedAt: now }
          : { unionSignerId: viewer.userId, unionSignerName: name, unionSignedAt: now };
        r = await tx.coordinationPlan.updateMany({
          where: { id: plan.id, version: input.version, status: "SUBMITTED", ...(gov ? { govSignedAt: null } : { unionSignedAt: null }) },
          data,
        });
        if (r.count === 0) throw await refusal(tx, plan.id, ["SUBMITTED"]);
        // Re-read after our update: a concurrent signature of the other side, committed before
        // ours was allowed through, is visible now; whoever signs second completes the plan.
        const both = await tx.coordinationPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { govSignedAt: true, unionSignedAt: true, issuedOn: true } });
        if (both.govSignedAt && both.unionSignedAt) {
          const today = vietnamToday(now);
          await tx.coordinationPlan.updateMany({ where: { id: plan.id, status: "SUBMITTED" }, data: { status: "SIGNED", signedAt: now, issuedOn: both.issuedOn ?? today } });
        }
        break;
      }
    }
    const after = await tx.coordinationPlan.findUniqueOrThrow({ where: { id: plan.id }, select: writeSelect });
    const to = planState(after);
    await record(tx, viewer, {
      action: `plan.${input.action}`,
      entity: "CoordinationPlan",
      entityId: plan.id,
      ...where(plan),
      before: { state, version: plan.version },
      after: {
        state: to,
        version: after.version,
        ...(input.action === "sign_gov" ? { govSignerName: after.govSignerName } : {}),
        ...(input.action === "sign_union" ? { unionSignerName: after.unionSignerName } : {}),
      },
    });
    await tellOtherSide(tx, viewer, plan, role, input.action, { completed: to === "SIGNED" });
    return { ...after, to };
  });
}

/**
 * Lập bản sửa đổi of a signed plan: a new draft revision with the reason, pointing at the one
 * it amends, with the same content to edit. The signed plan stays as it is. CONFLICT when
 * somebody amended it at the same moment (amendsId is unique).
 */
export async function amendPlan(viewer: Viewer, input: AmendPlanInput): Promise<{ id: string; schoolId: string | null; organisationId: string | null }> {
  try {
    // One revision per form submission: a resent form answers with the first revision.
    return await createOnce(viewer, "plan.amend", input.submissionKey, async (tx) => {
      const plan = await findForWrite(tx, viewer, input.planId);
      authorize(viewer, plan, "amend");
      if (plan.amendedBy) throw stateError();
      const full = await tx.coordinationPlan.findUniqueOrThrow({ where: { id: plan.id }, include: contentInclude });
      const content = contentOf(full);
      const created = await tx.coordinationPlan.create({
        data: {
          schoolId: plan.schoolId,
          organisationId: plan.organisationId,
          schoolYearId: plan.schoolYearId,
          revision: plan.revision + 1,
          amendsId: plan.id,
          amendmentReason: input.reason,
          ...headerData({ ...content.header, issuedOn: null }),
        },
        select: { id: true },
      });
      await writeContent(tx, created.id, content);
      await record(tx, viewer, {
        action: "plan.amend",
        entity: "CoordinationPlan",
        entityId: created.id,
        ...where(plan),
        after: { amendsId: plan.id, revision: plan.revision + 1, reason: input.reason },
      });
      return { id: created.id, schoolId: plan.schoolId, organisationId: plan.organisationId };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict();
    throw e;
  }
}

/**
 * Xóa bản dự thảo (a draft that was never signed, with its content and comments). Refused
 * when meetings were already generated from it.
 */
export async function discardDraft(viewer: Viewer, input: DiscardDraftInput) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const plan = await findForWrite(tx, viewer, input.planId);
    authorize(viewer, plan, "edit");
    const r = await tx.coordinationPlan.updateMany({ where: { id: plan.id, version: input.version, status: "DRAFT" }, data: { version: { increment: 1 } } });
    if (r.count === 0) throw await refusal(tx, plan.id, ["DRAFT"]);
    if ((await tx.jointMeeting.count({ where: { planId: plan.id } })) > 0) {
      throw new AppError("STATE", "Đã có cuộc họp liên tịch lập theo bản dự thảo này, không thể xóa.");
    }
    await tx.planComment.deleteMany({ where: { planId: plan.id } });
    await tx.planSection.deleteMany({ where: { planId: plan.id } });
    await tx.planCalendarItem.deleteMany({ where: { planId: plan.id } });
    await tx.planTarget.deleteMany({ where: { planId: plan.id } });
    await tx.coordinationPlan.delete({ where: { id: plan.id } });
    await record(tx, viewer, { action: "plan.discard", entity: "CoordinationPlan", entityId: plan.id, ...where(plan), before: { revision: plan.revision, schoolYearId: plan.schoolYearId } });
    return plan;
  });
}
