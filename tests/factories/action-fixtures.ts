// A VALID payload for every exported server action, aimed at a real demo row of TH Sơn Thủy A
// (sch_sta) or of Công đoàn Giáo dục huyện Sơn Thủy (org_cdgd_sonthuy): the form the rightful
// account would send from the page. Used by the integration sweep
// (tests/integration/action-sweep.int.test.ts: wrong callers refused, rightful caller succeeds)
// and by the HTTP sweep (tests/e2e/security.spec.ts).
//
// Fixtures run in the order written: a fixture may rely on rows the rightful calls of the fixtures
// above it created (the plan created by createPlanAction is the one updateHeaderAction edits), and
// may prepare more with `ctx.act` (another action, as its rightful account). Forms are built from
// the database just before the calls, so versions are current.
//
// A new server action without a fixture here fails the sweep.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { DEMO, DEMO_PASSWORD } from "../../lib/seed/demo";

export type Account = keyof typeof DEMO.emails;
export type Fields = Record<string, string | File>;

export interface FixtureContext {
  readonly db: PrismaClient;
  /** Runs another action (key as in ACTION_FIXTURES) as `as`, to prepare a row; throws unless it succeeds. */
  act(action: string, as: Account, fields: Fields): Promise<void>;
}

export interface ActionFixture {
  /** The account that may succeed with this payload. */
  rightful: Account;
  /** The form fields, from real rows. */
  fields: (ctx: FixtureContext) => Promise<Fields> | Fields;
  /** Arguments other than (previousState, formData), for an export that is not a form action. */
  args?: (ctx: FixtureContext) => Promise<unknown[]> | unknown[];
  /**
   * Works on the caller's own account only (no one else's row can be aimed at): anonymous must be
   * refused; a signed-in caller may act on their own account, with no validation error.
   */
  own?: string;
  /** Callable without a session by design (a sign-in step: the password in the form is the credential). */
  public?: string;
  /** The rightful call is expected to be refused for a domain reason (never for the form): why. */
  rightfulRefusal?: string;
}

const S = DEMO.schools;
const O = DEMO.orgs;
const Y = DEMO.years;
const M = DEMO.members;
const G = DEMO.groups;

/** dd/mm/yyyy of today + `days` (UTC). */
export function vnDay(days = 0): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

let seq = 0;
/** A fresh idempotency key / unique suffix per form. */
const fresh = (p: string) => `${p}-${Date.now().toString(36)}-${(seq++).toString(36)}`;

/** The fields as the browser would post them. */
export function formOf(fields: Fields): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

/**
 * Who must be refused: anonymous, a plain member of the school (unless that is the rightful
 * account), a user of the other school of the same unit (the principal for principal actions,
 * the chair otherwise), the staff of the other upper unit.
 */
export function wrongCallers(fx: ActionFixture): ("anonymous" | Account)[] {
  const out: ("anonymous" | Account)[] = ["anonymous"];
  if (fx.rightful !== "STA_MEMBER") out.push("STA_MEMBER");
  out.push(fx.rightful === "STA_PRINCIPAL" || fx.rightful === "KD_PRINCIPAL" ? "KD_PRINCIPAL" : "KD_CHAIR");
  out.push("UPPER_BACSON");
  return out;
}

// ---- lookups of the rows the fixtures aim at ----------------------------------------------

async function latest<T>(p: Promise<T | null>, what: string): Promise<T> {
  const r = await p;
  if (!r) throw new Error(`fixture: no ${what} in the database (did the fixture that creates it run?)`);
  return r;
}

const draftPlan = (db: PrismaClient) =>
  latest(db.coordinationPlan.findFirst({ where: { schoolId: S.STA, schoolYearId: Y.Y2026, status: "DRAFT" }, orderBy: { createdAt: "desc" }, select: { id: true, version: true } }), "draft plan of sch_sta");
const staPlan = (db: PrismaClient) =>
  latest(db.coordinationPlan.findFirst({ where: { schoolId: S.STA, schoolYearId: Y.Y2026 }, orderBy: { createdAt: "desc" }, select: { id: true, version: true, status: true } }), "plan of sch_sta");
const lastMeeting = (db: PrismaClient) =>
  latest(db.jointMeeting.findFirst({ where: { schoolId: S.STA, title: { startsWith: "Họp liên tịch kiểm tra" } }, orderBy: { createdAt: "desc" }, select: { id: true, version: true } }), "joint meeting of sch_sta");
const newCampaign = (db: PrismaClient) =>
  latest(db.campaign.findFirst({ where: { schoolId: S.STA, name: { startsWith: "Phong trào kiểm tra" } }, orderBy: { createdAt: "desc" }, select: { id: true, version: true } }), "campaign created by the sweep");
const newPeriod = (db: PrismaClient) =>
  latest(db.scorePeriod.findFirst({ where: { schoolId: S.STA, name: { startsWith: "Kỳ chấm kiểm tra" } }, orderBy: { createdAt: "desc" }, select: { id: true, version: true } }), "period created by the sweep");
const sheetOf = (db: PrismaClient, periodId: string, memberId: string) =>
  latest(db.scoreSheet.findFirst({ where: { periodId, memberId }, select: { id: true } }), `sheet of ${memberId} in ${periodId}`);
const stageVersion = async (db: PrismaClient, sheetId: string, stage: "SELF" | "GROUP" | "COUNCIL") =>
  (await db.scoreStage.findFirst({ where: { sheetId, stage }, select: { version: true } }))?.version ?? 0;
const dot1 = "per_sta_2026_dot1";
const pkg = (db: PrismaClient) =>
  latest(db.nominationPackage.findFirst({ where: { schoolId: S.STA, schoolYearId: Y.Y2025 }, orderBy: { createdAt: "desc" }, select: { id: true, version: true, status: true } }), "nomination package of sch_sta 2025");
/** After the split by deciding body (issue 12): the package going to the upper union, or to the state authority. */
const routePkg = (db: PrismaClient, route: "UNION" | "STATE") =>
  latest(db.nominationPackage.findFirst({ where: { schoolId: S.STA, schoolYearId: Y.Y2025, route }, orderBy: { createdAt: "desc" }, select: { id: true, version: true, status: true } }), `${route} nomination package of sch_sta 2025`);
const items = async (db: PrismaClient, where: { titleCode?: string; status?: string } = {}, route?: "UNION" | "STATE") => {
  const p = route ? await routePkg(db, route) : await pkg(db);
  return db.nominationItem.findMany({ where: { packageId: p.id, ...(where.titleCode ? { titleCode: where.titleCode } : {}), ...(where.status ? { status: where.status as never } : {}) }, orderBy: { id: "asc" }, select: { id: true, version: true, titleCode: true, status: true } });
};
const councilMeeting = (db: PrismaClient) =>
  latest(db.councilMeeting.findFirst({ where: { council: { schoolId: S.STA, schoolYearId: Y.Y2025 } }, orderBy: { createdAt: "desc" }, select: { id: true, version: true } }), "council meeting of sch_sta 2025");

/** A stage's data with one real criterion of the period's scale scored at its maximum. */
async function stageData(db: PrismaClient, periodId: string): Promise<string> {
  const p = await db.scorePeriod.findUniqueOrThrow({ where: { id: periodId }, select: { scaleVersion: { select: { definition: true } } } });
  const def = p.scaleVersion.definition as { groups?: { criteria: { key: string; type: string; max: number }[] }[] };
  const c = def.groups?.[0]?.criteria?.[0];
  const entries = c ? { [c.key]: c.type === "PASS_FAIL" ? { state: "SCORED", pass: true } : { state: "SCORED", points: c.max } } : {};
  return JSON.stringify({ entries, deductions: [], bonus: {}, disqualifiers: [] });
}

const memberFields = {
  gender: "NU",
  dateOfBirth: "12/03/1988",
  position: "Giáo viên",
  professionalGroup: "Tổ Khối 3",
  phone: "0912 345 678",
  joinedUnionAt: "01/09/2012",
};

async function xlsxFile(bytes: Uint8Array | ArrayBuffer, name: string): Promise<File> {
  return new File([bytes as BlobPart], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

/** A small valid PDF (evidence, dossier papers). */
function pdfFile(name = "minh-chung.pdf"): File {
  const body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  return new File([body], name, { type: "application/pdf" });
}

/** The new period's form (a fresh name per run). */
const createPeriodFields = () => ({ schoolId: S.STA, campaignId: "cmp_sta_2026_dot1", name: fresh("Kỳ chấm kiểm tra"), kind: "MONTH", startsOn: "01/11/2026", endsOn: "30/11/2026", scaleVersionId: "sv_sta_2026_dot1_1" });

// ---- the fixtures, in the order they run ----------------------------------------------------

export const ACTION_FIXTURES: Record<string, ActionFixture> = {
  // Schools and union groups (upper unit, union chair).
  "lib/schools/actions.ts#createSchoolAction": {
    rightful: "UPPER_SONTHUY",
    fields: () => ({ code: fresh("ST-TH-KT").toUpperCase().replace(/[^A-Z0-9-]/g, "").slice(0, 30), name: "Trường Tiểu học Kiểm Tra", level: "TIEU_HOC", address: "Xã Sơn Thủy", unionUnitId: O.CDGD_SONTHUY, unitId: O.CDGD_SONTHUY }),
  },
  "lib/schools/actions.ts#updateSchoolAction": {
    rightful: "UPPER_SONTHUY",
    fields: async ({ db }) => {
      const s = await db.school.findUniqueOrThrow({ where: { id: S.STA }, select: { code: true, name: true, level: true, address: true, unionName: true, unionUnitId: true, govUnitId: true, version: true } });
      return { id: S.STA, version: String(s.version), code: s.code, name: s.name, level: s.level, address: s.address ?? "Xã Sơn Thủy", unionName: s.unionName ?? "", unionUnitId: s.unionUnitId, ...(s.govUnitId ? { govUnitId: s.govUnitId } : {}), unitId: O.CDGD_SONTHUY };
    },
  },
  "lib/groups/actions.ts#createGroupAction": {
    rightful: "STA_CHAIR",
    fields: () => ({ schoolId: S.STA, name: fresh("Tổ CĐ Kiểm tra") }),
  },
  "lib/groups/actions.ts#renameGroupAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      const g = await db.unionGroup.findUniqueOrThrow({ where: { id: G.STA_K3 }, select: { version: true } });
      return { groupId: G.STA_K3, version: String(g.version), name: "Tổ CĐ Khối 3 (đổi tên)" };
    },
  },

  // Members (union chair).
  "lib/members/actions.ts#createMemberAction": {
    rightful: "STA_CHAIR",
    fields: () => ({ schoolId: S.STA, idempotencyKey: fresh("k"), fullName: "Phan Thị Kiểm Tra", ...memberFields, unionGroupId: G.STA_K3, status: "ACTIVE" }),
  },
  "lib/members/actions.ts#updateMemberAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      const m = await db.member.findUniqueOrThrow({ where: { id: "mem_sta_012" }, select: { version: true, fullName: true } });
      return { memberId: "mem_sta_012", version: String(m.version), fullName: m.fullName, ...memberFields };
    },
  },
  "lib/members/actions.ts#moveMemberAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      const m = await db.member.findUniqueOrThrow({ where: { id: "mem_sta_015" }, select: { version: true } });
      return { memberId: "mem_sta_015", version: String(m.version), unionGroupId: G.STA_K45 };
    },
  },
  "lib/members/actions.ts#changeMemberStatusAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      const m = await db.member.findUniqueOrThrow({ where: { id: "mem_sta_016" }, select: { version: true } });
      return { memberId: "mem_sta_016", version: String(m.version), status: "ON_LEAVE" };
    },
  },
  "lib/members/actions.ts#importMembersAction": {
    rightful: "STA_CHAIR",
    fields: async () => {
      // The template's columns (lib/members/rules.ts) with one member typed in; "check" reads and
      // validates it without writing. Built here, not by lib/members/excel.ts (server-only), so
      // that the HTTP sweep can use the same fixture.
      const { IMPORT_COLUMNS } = await import("../../lib/members/rules");
      const ExcelJS = (await import("exceljs")).default;
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Đoàn viên");
      ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
      const value: Record<string, string> = { fullName: "Đỗ Văn Nhập", gender: "Nam", dateOfBirth: "02/02/1990", position: "Giáo viên", unionGroup: "Tổ CĐ Khối 1–2", joinedUnionAt: "01/09/2015" };
      ws.addRow(IMPORT_COLUMNS.map((c) => value[c.field] ?? ""));
      return { schoolId: S.STA, intent: "check", file: await xlsxFile(new Uint8Array(await wb.xlsx.writeBuffer()), "doan-vien.xlsx") };
    },
  },

  // Coordination plan of the school (principal drafts and signs, chair comments and signs).
  "lib/plans/actions.ts#createPlanAction": {
    rightful: "STA_PRINCIPAL",
    fields: () => ({ schoolId: S.STA, schoolYearId: Y.Y2026, source: "template" }),
  },
  "lib/plans/actions.ts#updateHeaderAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const p = await draftPlan(db);
      return {
        planId: p.id,
        version: String(p.version),
        issuerParent: "UBND XÃ SƠN THỦY",
        issuerName: "TRƯỜNG TIỂU HỌC SƠN THỦY A",
        docNumber: "01/KH-PH",
        place: "Sơn Thủy",
        issuedOn: vnDay(),
        title: "Kế hoạch phối hợp giữa nhà trường và Công đoàn năm học 2026–2027",
        recipients: "- Như trên;\n- Lưu VT.",
        govSignerTitle: "HIỆU TRƯỞNG",
        unionSignerTitle: "TM. BAN CHẤP HÀNH\nCHỦ TỊCH",
        meetingDay: "5",
      };
    },
  },
  "lib/plans/actions.ts#updateSectionAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const p = await draftPlan(db);
      const s = await latest(db.planSection.findFirst({ where: { planId: p.id }, orderBy: { sortOrder: "asc" }, select: { id: true, version: true, title: true } }), "plan section");
      return { planId: p.id, sectionId: s.id, version: String(s.version), title: s.title, body: "Luật Công đoàn năm 2024;\nLuật Thi đua, khen thưởng năm 2022." };
    },
  },
  "lib/plans/actions.ts#saveItemAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => ({ planId: (await draftPlan(db)).id, month: "12", onDate: "20/12/2026", content: "Thăm hỏi đoàn viên dịp Tết", leadSide: "BOTH" }),
  },
  "lib/plans/actions.ts#deleteItemAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const p = await draftPlan(db);
      const i = await latest(db.planCalendarItem.findFirst({ where: { planId: p.id }, orderBy: { id: "desc" }, select: { id: true, version: true } }), "plan calendar item");
      return { planId: p.id, rowId: i.id, version: String(i.version) };
    },
  },
  "lib/plans/actions.ts#saveTargetAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => ({ planId: (await draftPlan(db)).id, label: "Đoàn viên đăng ký thi đua", measureKey: "registered_pct", unit: "PERCENT", comparator: "AT_LEAST", targetValue: "100" }),
  },
  "lib/plans/actions.ts#deleteTargetAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const p = await draftPlan(db);
      const i = await latest(db.planTarget.findFirst({ where: { planId: p.id }, orderBy: { id: "desc" }, select: { id: true, version: true } }), "plan target");
      return { planId: p.id, rowId: i.id, version: String(i.version) };
    },
  },
  "lib/plans/actions.ts#addCommentAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => ({ planId: (await draftPlan(db)).id, sectionKey: "joint_work", body: "Đề nghị bổ sung nội dung thăm hỏi đoàn viên ốm đau." }),
  },
  "lib/plans/actions.ts#transitionPlanAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const p = await draftPlan(db);
      return { planId: p.id, version: String(p.version), action: "submit" };
    },
  },
  "lib/plans/actions.ts#amendPlanAction": {
    rightful: "STA_PRINCIPAL",
    fields: async (ctx) => {
      // The submitted plan, signed by both sides first: only a signed plan is amended.
      let p = await staPlan(ctx.db);
      await ctx.act("lib/plans/actions.ts#transitionPlanAction", "STA_PRINCIPAL", { planId: p.id, version: String(p.version), action: "sign_gov" });
      p = await staPlan(ctx.db);
      await ctx.act("lib/plans/actions.ts#transitionPlanAction", "STA_CHAIR", { planId: p.id, version: String(p.version), action: "sign_union" });
      return { planId: p.id, reason: "Điều chỉnh lịch họp liên tịch theo lịch công tác mới của xã." };
    },
  },
  "lib/plans/actions.ts#discardDraftAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const p = await draftPlan(db);
      return { planId: p.id, version: String(p.version) };
    },
  },
  "lib/plans/actions.ts#createUnitPlanAction": {
    rightful: "UPPER_SONTHUY",
    fields: () => ({ unitId: O.CDGD_SONTHUY, schoolYearId: Y.Y2026 }),
  },

  // Joint meetings (họp liên tịch).
  "lib/meetings/actions.ts#generateMeetingsAction": {
    rightful: "STA_PRINCIPAL",
    fields: () => ({ schoolId: S.STA, schoolYearId: Y.Y2026 }),
  },
  "lib/meetings/actions.ts#createMeetingAction": {
    rightful: "STA_PRINCIPAL",
    fields: () => ({ schoolId: S.STA, schoolYearId: Y.Y2026, kind: "REWARD", scheduledOn: vnDay(3), title: fresh("Họp liên tịch kiểm tra"), agenda: "Xét khen thưởng đột xuất." }),
  },
  "lib/meetings/actions.ts#saveMinutesAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      const m = await lastMeeting(db);
      return {
        meetingId: m.id,
        version: String(m.version),
        heldOn: vnDay(),
        heldTime: "14:00",
        location: "Phòng họp",
        docNumber: "05/BB-LT",
        chairName: "Hoàng Văn Minh",
        secretaryName: "Nguyễn Thị Thúy",
        principalName: "Hoàng Văn Minh",
        principalPresent: "on",
        unionChairName: "Nguyễn Thị Thanh Tâm",
        unionChairPresent: "on",
        agenda: "Xét khen thưởng đột xuất.",
        discussion: "Thống nhất đề nghị.",
        decisions: "Giao Công đoàn hoàn thiện hồ sơ.",
      };
    },
  },
  "lib/meetings/actions.ts#addTaskAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => ({ meetingId: (await lastMeeting(db)).id, content: "Hoàn thiện hồ sơ khen thưởng", ownerName: "Nguyễn Thị Thanh Tâm", ownerSide: "UNION", dueOn: vnDay(10) }),
  },
  "lib/meetings/actions.ts#completeTaskAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const task = await latest(db.meetingTask.findFirst({ where: { meeting: { schoolId: S.STA }, status: "OPEN" }, orderBy: { createdAt: "desc" }, select: { id: true, version: true } }), "open meeting task");
      return { taskId: task.id, version: String(task.version), followUp: "Đã hoàn thành trước hạn." };
    },
  },
  "lib/meetings/actions.ts#followUpTaskAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const task = await latest(db.meetingTask.findFirst({ where: { meeting: { schoolId: S.STA } }, orderBy: { createdAt: "desc" }, select: { id: true, version: true, meetingId: true } }), "meeting task");
      return { taskId: task.id, version: String(task.version), meetingId: task.meetingId, status: "DONE", followUp: "Đã hoàn thành đúng hạn." };
    },
  },
  "lib/meetings/actions.ts#meetingStateAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const m = await lastMeeting(db);
      return { meetingId: m.id, version: String(m.version), action: "close" };
    },
  },

  // Holiday calendar of the upper unit (its own days off).
  "lib/holidays/actions.ts#createHolidayAction": {
    rightful: "UPPER_SONTHUY",
    fields: () => ({ unitId: O.CDGD_SONTHUY, kind: "EXTRA", name: fresh("Nghỉ bù của huyện"), startsOn: "21/11/2026", endsOn: "21/11/2026" }),
  },
  "lib/holidays/actions.ts#updateHolidayAction": {
    rightful: "UPPER_SONTHUY",
    fields: async ({ db }) => {
      const h = await latest(db.holiday.findFirst({ where: { organisationId: O.CDGD_SONTHUY }, orderBy: { createdAt: "desc" }, select: { id: true, version: true } }), "holiday of org_cdgd_sonthuy");
      return { holidayId: h.id, version: String(h.version), kind: "EXTRA", name: fresh("Nghỉ bù của huyện"), startsOn: "23/11/2026", endsOn: "23/11/2026" };
    },
  },
  "lib/holidays/actions.ts#deleteHolidayAction": {
    rightful: "UPPER_SONTHUY",
    fields: async ({ db }) => {
      const h = await latest(db.holiday.findFirst({ where: { organisationId: O.CDGD_SONTHUY }, orderBy: { createdAt: "desc" }, select: { id: true, version: true } }), "holiday of org_cdgd_sonthuy");
      return { holidayId: h.id, version: String(h.version) };
    },
  },

  // Campaigns and registration.
  "lib/campaigns/actions.ts#createCampaignAction": {
    rightful: "STA_CHAIR",
    fields: () => ({ schoolId: S.STA, name: fresh("Phong trào kiểm tra"), movement: "HAI_TOT", description: "Thi đua dạy tốt – học tốt.", schoolYearId: Y.Y2026, audience: "ALL_MEMBERS", registrationDeadline: vnDay(20), title_LDTT: "on" }),
  },
  "lib/campaigns/actions.ts#updateCampaignAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      const c = await newCampaign(db);
      return { campaignId: c.id, version: String(c.version), name: "Phong trào kiểm tra (sửa)", movement: "HAI_TOT", schoolYearId: Y.Y2026, audience: "ALL_MEMBERS", registrationDeadline: vnDay(20), title_LDTT: "on", title_CSTDCS: "on" };
    },
  },
  "lib/campaigns/actions.ts#transitionCampaignAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      const c = await newCampaign(db);
      return { campaignId: c.id, version: String(c.version), action: "open" };
    },
  },
  "lib/campaigns/actions.ts#registerSelfAction": {
    rightful: "STA_MEMBER",
    fields: () => ({ schoolId: S.STA, campaignId: "cmp_sta_2026", title: "LDTT" }),
  },
  "lib/campaigns/actions.ts#registerCollectiveAction": {
    rightful: "STA_CHAIR",
    fields: () => ({ schoolId: S.STA, campaignId: "cmp_sta_2026", title: "TT_LDTT", subject: G.STA_K3 }),
  },
  "lib/campaigns/actions.ts#withdrawRegistrationAction": {
    rightful: "STA_MEMBER",
    fields: async ({ db }) => ({ registrationId: (await latest(db.registration.findFirst({ where: { campaignId: "cmp_sta_2026", memberId: M.STA_MEMBER }, select: { id: true } }), "registration of doanvien.sta")).id }),
  },
  "lib/campaigns/actions.ts#remindAction": {
    rightful: "STA_CHAIR",
    fields: () => ({ schoolId: S.STA, campaignId: "cmp_sta_2026" }),
  },

  // Scales (biểu điểm).
  "lib/scoring/scale-actions.ts#createScaleAction": {
    rightful: "STA_CHAIR",
    fields: () => ({ schoolId: S.STA, schoolYearId: Y.Y2026, name: fresh("Biểu điểm kiểm tra"), source: "template:100" }),
  },
  "lib/scoring/scale-actions.ts#importScaleAction": {
    rightful: "STA_CHAIR",
    fields: async () => {
      const { scaleToWorkbook } = await import("../../lib/scoring/scale-excel");
      const { TEMPLATE_100 } = await import("../../lib/scoring/templates");
      const name = fresh("Biểu điểm nhập");
      return { schoolId: S.STA, schoolYearId: Y.Y2026, name, file: await xlsxFile(await scaleToWorkbook(TEMPLATE_100, { name }), "bieu-diem.xlsx") };
    },
  },
  "lib/scoring/scale-actions.ts#saveScaleDraftAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      const sv = await db.scaleVersion.findUniqueOrThrow({ where: { id: "sv_sta_2026_1" }, select: { version: true, definition: true } });
      return { versionId: "sv_sta_2026_1", version: String(sv.version), definition: JSON.stringify(sv.definition) };
    },
  },
  "lib/scoring/scale-actions.ts#adoptScaleAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      const sv = await db.scaleVersion.findUniqueOrThrow({ where: { id: "sv_sta_2026_1" }, select: { version: true } });
      return { versionId: "sv_sta_2026_1", version: String(sv.version), adoptedOn: "05/10/2026", resolutionNo: "02/NQ-HNVC" };
    },
  },
  "lib/scoring/scale-actions.ts#newScaleVersionAction": {
    rightful: "STA_CHAIR",
    fields: () => ({ scaleId: "scl_sta_2026" }),
  },

  // Scoring: a new period walked through self → group, then the demo's council-review period.
  "lib/scoring/actions.ts#createPeriodAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      // A period of a campaign with individual titles has a sheet per registered member (issue 11):
      // the members the scoring fixtures below aim at registered for the drive (its registration
      // closed in the demo, so the rows are written here, as the chair would have taken them).
      await db.registration.createMany({
        data: [M.STA_MEMBER, "mem_sta_003", "mem_sta_004"].map((memberId) => ({ campaignId: "cmp_sta_2026_dot1", schoolId: S.STA, subjectKey: `m:${memberId}`, memberId, title: "LDTT", registeredById: DEMO.users.STA_CHAIR })),
        skipDuplicates: true,
      });
      return createPeriodFields();
    },
  },
  "lib/scoring/actions.ts#syncSheetsAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => ({ periodId: (await newPeriod(db)).id }),
  },
  "lib/scoring/actions.ts#saveStageAction": {
    rightful: "STA_MEMBER",
    fields: async ({ db }) => {
      const p = await newPeriod(db);
      const sheet = await sheetOf(db, p.id, M.STA_MEMBER);
      return { sheetId: sheet.id, stage: "SELF", version: String(await stageVersion(db, sheet.id, "SELF")), data: await stageData(db, p.id), explanation: "Tự đánh giá." };
    },
  },
  "lib/evidence/actions.ts#uploadEvidenceAction": {
    rightful: "STA_MEMBER",
    fields: async ({ db }) => {
      const p = await newPeriod(db);
      return { sheetId: (await sheetOf(db, p.id, M.STA_MEMBER)).id, file: pdfFile() };
    },
  },
  "lib/evidence/actions.ts#deleteEvidenceAction": {
    rightful: "STA_MEMBER",
    fields: async ({ db }) => ({ evidenceId: (await latest(db.evidence.findFirst({ where: { sheet: { memberId: M.STA_MEMBER } }, orderBy: { createdAt: "desc" }, select: { id: true } }), "evidence of doanvien.sta")).id }),
  },
  "lib/scoring/actions.ts#sealStageAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      const p = await newPeriod(db);
      return { periodId: p.id, version: String(p.version) };
    },
  },
  "lib/scoring/actions.ts#saveGridAction": {
    rightful: "STA_GROUP_LEADER",
    fields: async ({ db }) => {
      const p = await newPeriod(db);
      const sheet = await sheetOf(db, p.id, "mem_sta_003");
      const data = JSON.parse(await stageData(db, p.id)) as { entries: unknown; bonus: unknown };
      return { periodId: p.id, stage: "GROUP", rows: JSON.stringify([{ sheetId: sheet.id, version: await stageVersion(db, sheet.id, "GROUP"), entries: data.entries, bonus: data.bonus }]) };
    },
  },
  "lib/scoring/actions.ts#recuseAction": {
    rightful: "STA_GROUP_LEADER",
    fields: async ({ db }) => {
      const p = await newPeriod(db);
      return { sheetId: (await sheetOf(db, p.id, "mem_sta_004")).id, stage: "GROUP", reason: "Người chấm là người thân của đoàn viên." };
    },
  },
  "lib/scoring/actions.ts#confirmGroupScoresAction": {
    rightful: "STA_PRINCIPAL",
    fields: () => ({ periodId: dot1 }),
  },
  "lib/scoring/actions.ts#createAppealAction": {
    rightful: "STA_MEMBER",
    fields: async (ctx) => {
      // The council confirms the demo period first: appeals open after the council's seal.
      const p = await ctx.db.scorePeriod.findUniqueOrThrow({ where: { id: dot1 }, select: { version: true, state: true } });
      if (p.state === "COUNCIL_REVIEW") await ctx.act("lib/scoring/actions.ts#sealStageAction", "STA_CHAIR", { periodId: dot1, version: String(p.version), appealDeadline: vnDay(7) });
      return { sheetId: (await sheetOf(ctx.db, dot1, M.STA_MEMBER)).id, text: "Đề nghị xem lại điểm tiêu chí dạy học." };
    },
  },
  "lib/scoring/actions.ts#resolveAppealAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      const a = await latest(db.appeal.findFirst({ where: { sheet: { periodId: dot1 } }, orderBy: { createdAt: "desc" }, select: { id: true, version: true } }), "appeal");
      return { appealId: a.id, version: String(a.version), decision: "REJECTED", resolution: "Điểm đã chấm đúng biểu điểm." };
    },
  },
  "lib/scoring/actions.ts#amendStageAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      const sheet = await sheetOf(db, dot1, "mem_sta_003");
      return { sheetId: sheet.id, stage: "COUNCIL", version: String(await stageVersion(db, sheet.id, "COUNCIL")), data: await stageData(db, dot1), explanation: "Sửa theo minh chứng bổ sung.", reason: "Bổ sung minh chứng sau khi xác nhận." };
    },
  },
  "lib/scoring/actions.ts#closePeriodAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      // A period closes only after its appeal window (issue 11): the window has passed by now.
      await db.scorePeriod.updateMany({ where: { id: dot1, state: "APPEALS" }, data: { appealDeadline: new Date(Date.now() - 86_400_000) } });
      const p = await db.scorePeriod.findUniqueOrThrow({ where: { id: dot1 }, select: { version: true } });
      return { periodId: dot1, version: String(p.version) };
    },
  },

  // Eligibility facts (the principal's assessments), initiatives.
  "lib/awards/actions.ts#saveEvaluationAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const e = await db.memberEvaluation.findFirst({ where: { memberId: "mem_sta_017", schoolYearId: Y.Y2026 }, select: { version: true } });
      return { memberId: "mem_sta_017", schoolYearId: Y.Y2026, version: String(e?.version ?? 0), grade: "HTTNV", standardRating: "KHA", registered: "on", absenceWorkingDays: "2", maternityLeaveDays: "0", note: "Đánh giá cuối năm." };
    },
  },
  "lib/awards/actions.ts#addDisciplineAction": {
    rightful: "STA_PRINCIPAL",
    fields: () => ({ memberId: "mem_sta_018", level: "KHIEN_TRACH", decidedOn: vnDay(-30), decisionNumber: "12/QĐ-THSTA", reason: "Vi phạm quy định về giờ giấc." }),
  },
  "lib/awards/actions.ts#addOpenCaseAction": {
    rightful: "STA_PRINCIPAL",
    fields: () => ({ memberId: "mem_sta_019", kind: "COMPLAINT", openedOn: vnDay(-5), summary: "Đơn phản ánh đang được xác minh." }),
  },
  "lib/awards/actions.ts#closeOpenCaseAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const c = await latest(db.openCase.findFirst({ where: { memberId: "mem_sta_019", closedOn: null }, select: { id: true, version: true } }), "open case");
      return { caseId: c.id, version: String(c.version), closedOn: vnDay() };
    },
  },
  "lib/initiatives/actions.ts#createInitiativeAction": {
    rightful: "STA_PRINCIPAL",
    fields: () => ({ schoolId: S.STA, schoolYearId: Y.Y2026, title: fresh("Sáng kiến kiểm tra"), field: "Toán", summary: "Dùng trò chơi trong giờ Toán.", authorIds: "mem_sta_020", level: "SCHOOL", recognisedBy: "Hội đồng khoa học nhà trường", decisionNumber: "03/QĐ-THSTA", recognisedOn: vnDay(-2), applied: "on", appliedNote: "Áp dụng tại 3 lớp." }),
  },
  "lib/initiatives/actions.ts#updateInitiativeAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const i = await latest(db.initiative.findFirst({ where: { schoolId: S.STA, title: { startsWith: "Sáng kiến kiểm tra" } }, orderBy: { createdAt: "desc" }, select: { id: true, version: true, title: true } }), "initiative");
      return { initiativeId: i.id, version: String(i.version), title: i.title, authorIds: "mem_sta_020", applied: "on", appliedNote: "Áp dụng tại 4 lớp." };
    },
  },

  // Council of the school (set up by the principal).
  "lib/council/actions.ts#createCouncilAction": {
    rightful: "STA_PRINCIPAL",
    fields: () => ({ schoolId: S.STA, schoolYearId: Y.Y2024, decisionNumber: "01/QĐ-THSTA", establishedOn: "10/09/2024" }),
  },
  "lib/council/actions.ts#addCouncilMemberAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => ({ councilId: (await latest(db.council.findFirst({ where: { schoolId: S.STA, schoolYearId: Y.Y2024 }, select: { id: true } }), "council 2024")).id, memberId: M.STA_PRINCIPAL, role: "CHAIR", position: "Hiệu trưởng" }),
  },
  "lib/council/actions.ts#removeCouncilMemberAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => ({ councilMemberId: (await latest(db.councilMember.findFirst({ where: { council: { schoolId: S.STA, schoolYearId: Y.Y2024 } }, select: { id: true } }), "council member 2024")).id }),
  },

  // Nominations of 2024–2025 (the dossier), the council's vote, the upper unit's review, decision.
  "lib/nominations/actions.ts#createPackageAction": {
    rightful: "STA_PRINCIPAL",
    fields: () => ({ schoolId: S.STA, schoolYearId: Y.Y2025 }),
  },
  "lib/nominations/actions.ts#addEligibleAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => ({ packageId: (await pkg(db)).id, titleCode: "LDTT" }),
  },
  "lib/nominations/actions.ts#addItemAction": {
    rightful: "STA_PRINCIPAL",
    // Union forms (decided by the upper union), next to the state titles addEligible adds: two,
    // so that the upper unit reviews one and bulk-approves the other.
    fields: async (ctx) => {
      const packageId = (await pkg(ctx.db)).id;
      await ctx.act("lib/nominations/actions.ts#addItemAction", "STA_PRINCIPAL", { packageId, nominee: "m:mem_sta_025", titleCode: "GK_CD_CAP_TREN" });
      // A form the school union's own BCH decides (issue 12): decided at the school after the split.
      await ctx.act("lib/nominations/actions.ts#addItemAction", "STA_PRINCIPAL", { packageId, nominee: "m:mem_sta_027", titleCode: "GK_CDCS" });
      return { packageId, nominee: "m:mem_sta_020", titleCode: "GK_CD_CAP_TREN" };
    },
  },
  "lib/nominations/actions.ts#updateItemAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const i = (await items(db, { titleCode: "LDTT" }))[0];
      return { itemId: i.id, version: String(i.version), achievementSummary: "Hoàn thành tốt nhiệm vụ năm học; chủ nhiệm lớp đạt tiên tiến." };
    },
  },
  "lib/nominations/actions.ts#withdrawItemAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const all = await items(db, { titleCode: "LDTT" });
      const i = all[all.length - 1];
      return { itemId: i.id, version: String(i.version) };
    },
  },
  "lib/nominations/actions.ts#updateCoverAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const p = await pkg(db);
      return { packageId: p.id, version: String(p.version), coverNote: "Căn cứ kết quả bình xét của Hội đồng Thi đua – Khen thưởng, nhà trường đề nghị…" };
    },
  },
  "lib/nominations/actions.ts#addDocumentAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => ({ packageId: (await pkg(db)).id, kind: "DANH_SACH", title: "Danh sách đề nghị khen thưởng", reference: "Lưu tại văn phòng", file: pdfFile("danh-sach.pdf") }),
  },
  "lib/nominations/actions.ts#deleteDocumentAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => ({ documentId: (await latest(db.dossierDocument.findFirst({ where: { package: { schoolId: S.STA } }, orderBy: { createdAt: "desc" }, select: { id: true } }), "dossier document")).id }),
  },
  "lib/council/actions.ts#openMeetingAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const seats = await db.councilMember.findMany({ where: { councilId: "hd_sta_2025" }, orderBy: { id: "asc" }, select: { id: true } });
      return { councilId: "hd_sta_2025", heldOn: vnDay(-14), purpose: "Bình xét danh hiệu thi đua năm học 2024–2025", location: "Phòng họp", presentIds: seats.map((s) => s.id).join(",") };
    },
  },
  "lib/council/actions.ts#recordListVoteAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => ({ meetingId: (await councilMeeting(db)).id, packageId: (await pkg(db)).id, issued: "7", returned: "7", valid: "7", agree: "7" }),
  },
  "lib/council/actions.ts#recordVoteAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => ({ meetingId: (await councilMeeting(db)).id, itemId: (await items(db, { titleCode: "LDTT" }))[0].id, issued: "7", returned: "7", valid: "7", agree: "6" }),
  },
  "lib/council/actions.ts#recordBallotSheetAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      // The show of hands, person by person: every nominee whose title needs no secret ballot.
      const open = (await items(db)).filter((i) => i.status !== "WITHDRAWN" && !i.titleCode.startsWith("CSTD"));
      return { meetingId: (await councilMeeting(db)).id, packageId: (await pkg(db)).id, kind: "open", issued: "7", returned: "7", valid: "7", ...Object.fromEntries(open.map((i) => [`agree_${i.id}`, "7"])) };
    },
  },
  "lib/council/actions.ts#closeMeetingAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const m = await councilMeeting(db);
      return { meetingId: m.id, version: String(m.version), minutesNote: "Hội đồng thống nhất danh sách đề nghị." };
    },
  },
  "lib/nominations/actions.ts#postPackageAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const p = await pkg(db);
      return { packageId: p.id, version: String(p.version), postedOn: vnDay(-10) };
    },
  },
  "lib/nominations/actions.ts#lodgeObjectionAction": {
    rightful: "STA_MEMBER",
    fields: async ({ db }) => ({ packageId: (await pkg(db)).id, body: "Đề nghị làm rõ thành tích của tập thể trường.", evidence: "Báo cáo tổng kết năm học." }),
  },
  "lib/nominations/actions.ts#answerObjectionAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const o = await latest(db.nominationObjection.findFirst({ where: { package: { schoolId: S.STA } }, orderBy: { createdAt: "desc" }, select: { id: true, version: true } }), "objection");
      return { objectionId: o.id, version: String(o.version), answer: "Thành tích đã nêu trong báo cáo tổng kết, lưu tại văn phòng." };
    },
  },
  "lib/nominations/actions.ts#unpostPackageAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const p = await pkg(db);
      return { packageId: p.id, version: String(p.version) };
    },
  },
  "lib/awards/routes-actions.ts#splitPackageAction": {
    rightful: "STA_PRINCIPAL",
    fields: async (ctx) => {
      let p = await pkg(ctx.db);
      if (p.status !== "POSTED") {
        // unpostPackageAction took the list down "today"; the posting rule counts days, the sweep
        // runs in seconds: the take-down is moved twelve days back, the list goes up again eleven
        // days ago, and the five working days of posting have passed.
        await ctx.db.nominationEvent.updateMany({ where: { packageId: p.id, action: "unpost" }, data: { at: new Date(Date.now() - 12 * 86_400_000) } });
        await ctx.act("lib/nominations/actions.ts#postPackageAction", "STA_PRINCIPAL", { packageId: p.id, version: String(p.version), postedOn: vnDay(-11) });
      }
      p = await pkg(ctx.db);
      return { packageId: p.id, version: String(p.version) };
    },
  },
  // The school union BCH's own decision (issue 12): the chair decides the BCH's forms of the posted
  // list before the rest goes to the upper union.
  "lib/awards/routes-actions.ts#issueSchoolDecisionAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => ({
      schoolId: S.STA,
      schoolYearId: Y.Y2025,
      signedOn: vnDay(-1),
      signerName: "Nguyễn Thị Thanh Tâm",
      summary: "Tặng Giấy khen của Ban Chấp hành năm học 2025–2026",
      itemIds: (await items(db, { titleCode: "GK_CDCS", status: "POSTED" }, "UNION")).map((i) => i.id).join(","),
      submissionKey: fresh("bch"),
    }),
  },
  "lib/nominations/actions.ts#submitPackageAction": {
    rightful: "STA_CHAIR",
    fields: async ({ db }) => {
      const p = await routePkg(db, "UNION");
      return { packageId: p.id, version: String(p.version) };
    },
  },
  "lib/nominations/actions.ts#reviewItemAction": {
    rightful: "UPPER_SONTHUY",
    fields: async ({ db }) => {
      const i = (await items(db, { status: "SUBMITTED" }, "UNION"))[0];
      return { itemId: i.id, version: String(i.version), decision: "approve", comment: "Đủ điều kiện." };
    },
  },
  "lib/nominations/actions.ts#bulkApproveAction": {
    rightful: "UPPER_SONTHUY",
    fields: async (ctx) => {
      // A second union nominee, so that one is left for the bulk approval after reviewItem's.
      const p = await routePkg(ctx.db, "UNION");
      const left = await items(ctx.db, { status: "SUBMITTED" }, "UNION");
      return { packageId: p.id, itemIds: (left.length ? left : await items(ctx.db, {}, "UNION")).map((i) => i.id).join(",") };
    },
  },
  "lib/nominations/actions.ts#setDeadlineAction": {
    rightful: "UPPER_SONTHUY",
    fields: async ({ db }) => {
      const p = await routePkg(db, "UNION");
      return { packageId: p.id, version: String(p.version), deadline: vnDay(15) };
    },
  },
  "lib/awards/actions.ts#issueDecisionAction": {
    rightful: "UPPER_SONTHUY",
    fields: async ({ db }) => ({
      unitId: O.CDGD_SONTHUY,
      schoolYearId: Y.Y2025,
      number: fresh("QĐ-CĐGD").slice(0, 60),
      signedOn: vnDay(-1),
      signerName: "Phạm Quang Vinh",
      signerTitle: "Chủ tịch",
      issuerName: "Công đoàn Giáo dục huyện Sơn Thủy",
      level: "DIRECT_UPPER",
      summary: "Khen thưởng năm học 2024–2025",
      itemIds: (await items(db, { status: "APPROVED" }, "UNION")).map((i) => i.id).join(","),
      idempotencyKey: fresh("qd"),
    }),
  },
  "lib/awards/actions.ts#revokeDecisionAction": {
    rightful: "UPPER_SONTHUY",
    fields: async ({ db }) => ({
      decisionId: (await latest(db.awardDecision.findFirst({ where: { organisationId: O.CDGD_SONTHUY }, orderBy: { createdAt: "desc" }, select: { id: true } }), "decision of the unit")).id,
      reason: "Hồ sơ kê khai không đúng thành tích.",
      number: "99/QĐ-CĐGD",
      revokedOn: vnDay(),
    }),
  },

  // The government route (issue 12): the principal sends the state titles and records the decision.
  "lib/awards/routes-actions.ts#markStateSentAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => {
      const p = await routePkg(db, "STATE");
      return { packageId: p.id, version: String(p.version) };
    },
  },
  "lib/awards/routes-actions.ts#recordStateDecisionAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => ({
      packageId: (await routePkg(db, "STATE")).id,
      number: fresh("QĐ-UBND").slice(0, 60),
      signedOn: vnDay(-1),
      issuerName: "Ủy ban nhân dân xã Sơn Thủy",
      signerName: "Trần Văn Quang",
      signerTitle: "Chủ tịch",
      summary: "Công nhận danh hiệu Lao động tiên tiến năm học 2024–2025",
      file: pdfFile("quyet-dinh.pdf"),
    }),
  },
  // The authority revoked it: the principal records the revocation; its nominees may be recorded again.
  "lib/awards/routes-actions.ts#revokeSchoolDecisionAction": {
    rightful: "STA_PRINCIPAL",
    fields: async ({ db }) => ({
      schoolId: S.STA,
      decisionId: (await latest(db.awardDecision.findFirst({ where: { schoolId: S.STA, side: "STATE", revocation: null }, orderBy: { createdAt: "desc" }, select: { id: true } }), "recorded state decision of sch_sta")).id,
      reason: "Ủy ban nhân dân xã đã thu hồi quyết định để điều chỉnh danh sách.",
      number: "15/QĐ-UBND",
      revokedOn: vnDay(),
      submissionKey: fresh("rev"),
    }),
  },
  "lib/awards/routes-actions.ts#saveAuthorityAction": {
    rightful: "ADMIN",
    fields: () => ({ unitId: O.CDGD_SONTHUY, titleCode: "GK_CDCS", side: "UNION", bodyKind: "BCH_CDCS", bodyName: "Ban Chấp hành Công đoàn cơ sở", level: "SCHOOL", basis: "Quy chế khen thưởng của Tổng Liên đoàn", source: "LAW", validFrom: "01/01/2025" }),
  },

  // The upper unit's thresholds and quotas.
  "lib/awards/actions.ts#saveSettingAction": {
    rightful: "UPPER_SONTHUY",
    fields: () => ({ unitId: O.CDGD_SONTHUY, key: "nomination.noticeDays", value: "7", basis: "Hướng dẫn số 15/HD-CĐGD", source: "PRACTICE", validFrom: "01/09/2026" }),
  },
  "lib/awards/actions.ts#createQuotaAction": {
    rightful: "UPPER_SONTHUY",
    fields: () => ({ unitId: O.CDGD_SONTHUY, schoolYearId: Y.Y2026, schoolId: S.STA, titleCode: "GK_CD_CAP_TREN", max: "3", basis: "Hướng dẫn số 16/HD-CĐGD" }),
  },
  "lib/awards/actions.ts#updateQuotaAction": {
    rightful: "UPPER_SONTHUY",
    fields: async ({ db }) => {
      const q = await latest(db.awardQuota.findFirst({ where: { organisationId: O.CDGD_SONTHUY, schoolYearId: Y.Y2026 }, select: { id: true, version: true } }), "quota 2026");
      return { quotaId: q.id, version: String(q.version), max: "4", basis: "Hướng dẫn số 16/HD-CĐGD (sửa)" };
    },
  },
  "lib/awards/actions.ts#deleteQuotaAction": {
    rightful: "UPPER_SONTHUY",
    fields: async ({ db }) => {
      const q = await latest(db.awardQuota.findFirst({ where: { organisationId: O.CDGD_SONTHUY, schoolYearId: Y.Y2026 }, select: { id: true, version: true } }), "quota 2026");
      return { quotaId: q.id, version: String(q.version) };
    },
  },

  // Notifications: the reminder the chair's remindAction sent to doanvien.sta.
  "lib/notifications/actions.ts#markNotificationReadAction": {
    rightful: "STA_MEMBER",
    fields: async ({ db }) => ({ kind: "reminder", id: (await latest(db.registrationReminder.findFirst({ where: { memberId: M.STA_MEMBER }, select: { id: true } }), "reminder of doanvien.sta")).id }),
  },
  "lib/notifications/actions.ts#markAllNotificationsReadAction": {
    rightful: "STA_MEMBER",
    own: "marks the caller's own notifications read",
    fields: () => ({}),
  },

  // Two-step sign-in.
  "lib/auth/two-step-actions.ts#startSignInEnrolmentAction": {
    rightful: "UPPER_BACSON",
    public: "a step of signing in: the account's password in the form is the credential",
    fields: async ({ db }) => {
      // An account that must use two-step sign-in and has not enrolled yet (the demo enrols them all).
      await db.twoStep.deleteMany({ where: { userId: DEMO.users.UPPER_BACSON } });
      return { email: DEMO.emails.UPPER_BACSON, password: DEMO_PASSWORD };
    },
  },
  "lib/auth/two-step-actions.ts#startEnrolmentAction": {
    rightful: "STA_MEMBER",
    own: "starts the caller's own enrolment",
    fields: () => ({}),
  },
  "lib/auth/two-step-actions.ts#confirmEnrolmentAction": {
    rightful: "STA_MEMBER",
    own: "confirms the caller's own enrolment",
    rightfulRefusal: "needs the live code of the authenticator app",
    fields: () => ({ code: "123456" }),
  },
  "lib/auth/two-step-actions.ts#disableTwoStepAction": {
    rightful: "STA_MEMBER",
    own: "turns off the caller's own two-step sign-in",
    rightfulRefusal: "needs an enrolled account and the live code of the authenticator app",
    fields: () => ({ code: "123456" }),
  },
  "lib/auth/two-step-actions.ts#resetTwoStepAction": {
    rightful: "ADMIN",
    fields: () => ({ email: DEMO.emails.STA_CHAIR }),
  },
  // Issue 11: passwords. Anyone changes their own (the demo password is the current one), then the
  // chair resets a plain member's forgotten password (with a typed temporary password).
  "lib/auth/password-actions.ts#changeOwnPasswordAction": {
    rightful: "STA_MEMBER",
    own: "changes the caller's own password",
    fields: () => ({ currentPassword: DEMO_PASSWORD, newPassword: "Doi-mat-khau-2026", confirmPassword: "Doi-mat-khau-2026" }),
  },
  "lib/auth/password-actions.ts#resetPasswordAction": {
    rightful: "STA_CHAIR",
    fields: () => ({ email: DEMO.emails.STA_MEMBER, temporaryPassword: "Tam-thoi-2026-xk" }),
  },

};

/**
 * Create forms that carry the page's one-time submission key (components/ui/submission-key.tsx →
 * lib/server/submission.ts createOnce): their fixtures send one, and the sweep sends the same form
 * twice and finds one record. (createMemberAction and issueDecisionAction name it idempotencyKey,
 * issueSchoolDecisionAction and revokeSchoolDecisionAction carry it in their fields above.)
 */
export const KEYED_ACTIONS = [
  "lib/schools/actions.ts#createSchoolAction",
  "lib/groups/actions.ts#createGroupAction",
  "lib/members/actions.ts#importMembersAction",
  "lib/plans/actions.ts#createPlanAction",
  "lib/plans/actions.ts#saveItemAction",
  "lib/plans/actions.ts#saveTargetAction",
  "lib/plans/actions.ts#addCommentAction",
  "lib/plans/actions.ts#amendPlanAction",
  "lib/plans/actions.ts#createUnitPlanAction",
  "lib/meetings/actions.ts#createMeetingAction",
  "lib/meetings/actions.ts#addTaskAction",
  "lib/holidays/actions.ts#createHolidayAction",
  "lib/campaigns/actions.ts#createCampaignAction",
  "lib/campaigns/actions.ts#remindAction",
  "lib/scoring/scale-actions.ts#createScaleAction",
  "lib/scoring/scale-actions.ts#importScaleAction",
  "lib/scoring/actions.ts#createPeriodAction",
  "lib/scoring/actions.ts#createAppealAction",
  "lib/evidence/actions.ts#uploadEvidenceAction",
  "lib/awards/actions.ts#addDisciplineAction",
  "lib/awards/actions.ts#addOpenCaseAction",
  "lib/awards/actions.ts#revokeDecisionAction",
  "lib/awards/actions.ts#saveSettingAction",
  "lib/awards/actions.ts#createQuotaAction",
  "lib/awards/routes-actions.ts#saveAuthorityAction",
  "lib/initiatives/actions.ts#createInitiativeAction",
  "lib/nominations/actions.ts#createPackageAction",
  "lib/nominations/actions.ts#addItemAction",
  "lib/nominations/actions.ts#addDocumentAction",
  "lib/nominations/actions.ts#lodgeObjectionAction",
  "lib/council/actions.ts#createCouncilAction",
  "lib/council/actions.ts#addCouncilMemberAction",
  "lib/council/actions.ts#openMeetingAction",
] as const;
for (const k of KEYED_ACTIONS) {
  const fx = ACTION_FIXTURES[k];
  if (!fx) continue; // the sweep reports a missing fixture
  const fields = fx.fields;
  ACTION_FIXTURES[k] = { ...fx, fields: async (ctx) => ({ ...(await fields(ctx)), submissionKey: fresh("k") }) };
}

/** Calls that must be refused: not the own-account calls of signed-in callers, nothing for public steps. */
export function mustRefuse(fx: ActionFixture, who: "anonymous" | Account): boolean {
  if (fx.public) return false;
  return !(fx.own && who !== "anonymous");
}
