// Decided records cannot be rewritten (issue 10, migration 20261202010000_immutable_records): for
// every decided, signed, sealed or closed row, UPDATE, DELETE and TRUNCATE (also TRUNCATE … CASCADE
// of a parent) are refused by the one generic trigger function refuse_decided(), on PostgreSQL and
// PGlite, as the table owner; rows not decided yet can still change; the workflow's own moves
// (issue → DECIDED, revoke → REVOKED, amend a closed score) still pass.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDemoDb } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { AWARDS_DEMO } from "@/lib/seed/awards-demo";
import { SCORING_DEMO } from "@/lib/seed/scoring-demo";

const S = DEMO.schools;
const M = DEMO.members;
const U = DEMO.users;
const Y = DEMO.years.Y2025;

let t: TestDb;

/** The error message of a refused statement, "accepted" when it went through. */
async function run(sql: string): Promise<string> {
  try {
    await t.sql.exec(sql);
  } catch (e) {
    return String((e as Error).message);
  }
  return "accepted";
}

async function count(table: string, where = "true"): Promise<number> {
  const [r] = await t.sql.query<{ n: unknown }>(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`);
  return Number(r.n);
}

const ids = {
  signedPlan: "imm_plan_signed",
  draftPlan: "imm_plan_draft",
  closedMeeting: "imm_jm_closed",
  openMeeting: "imm_jm_open",
  closedCouncil: "imm_cm_closed",
  openCouncil: "imm_cm_open",
  pkg: "imm_pkg",
  votedItem: "imm_item_voted",
  openItem: "imm_item_open",
  decidedItem: "imm_item_decided",
  decision: "imm_qd",
  award: "imm_award",
  revocation: "imm_revocation",
  amendment: "imm_amendment",
};

function plan(id: string, revision: number) {
  return {
    id, schoolId: S.STA, schoolYearId: Y, revision, issuerParent: "PHÒNG GD&ĐT SƠN THỦY", issuerName: "TRƯỜNG TH SƠN THỦY A", docNumber: `${revision}/KHPH`, place: "Sơn Thủy",
    title: "Kế hoạch phối hợp", recipients: "Lưu VT", govSignerTitle: "Hiệu trưởng", unionSignerTitle: "Chủ tịch CĐ",
    sections: { create: [{ key: "can_cu", title: "Căn cứ", body: "Luật Công đoàn", sortOrder: 1 }] },
    items: { create: [{ key: "t9", sortOrder: 1, month: 9, content: "Hội nghị viên chức", leadSide: "BOTH" as const }] },
    targets: { create: [{ key: "ldtt", sortOrder: 1, label: "LĐTT", measureKey: "manual", unit: "PERCENT" as const, targetValue: 80 }] },
    comments: { create: [{ sectionKey: "can_cu", authorId: U.STA_CHAIR, body: "Góp ý" }] },
  };
}

function meeting(id: string) {
  return { id, schoolId: S.STA, schoolYearId: Y, title: "Họp liên tịch tháng 9", scheduledOn: new Date("2025-09-05"), attendees: { create: [{ role: "UNION_CHAIR" as const, name: "Nguyễn Thị Thanh Tâm", sortOrder: 1 }] } };
}

function item(id: string, memberId: string, status: "APPROVED" | "SUBMITTED") {
  return { id, packageId: ids.pkg, schoolId: S.STA, subject: "MEMBER" as const, memberId, nomineeName: id, titleCode: "LDTT", level: "SCHOOL" as const, achievementKey: "year:2025", status };
}

function vote(meetingId: string, itemId: string) {
  return { meetingId, itemId, titleCode: "LDTT", secret: false, issued: 9, returned: 9, valid: 9, agree: 9, baseCount: 9, required: 5, passed: true, basis: "quá bán" };
}

beforeAll(async () => {
  ({ t } = await openDemoDb({ scoring: true, awards: true }));
  const p = t.prisma;
  const council = AWARDS_DEMO.councils.STA_2025;
  const seat = (await p.councilMember.findFirstOrThrow({ where: { councilId: council } })).id;

  await p.coordinationPlan.create({ data: plan(ids.signedPlan, 91) });
  await p.coordinationPlan.create({ data: plan(ids.draftPlan, 92) });
  await p.coordinationPlan.update({ where: { id: ids.signedPlan }, data: { status: "SIGNED", signedAt: new Date() } });

  await p.jointMeeting.create({ data: meeting(ids.closedMeeting) });
  await p.jointMeeting.create({ data: meeting(ids.openMeeting) });
  await p.jointMeeting.update({ where: { id: ids.closedMeeting }, data: { status: "CLOSED", closedAt: new Date() } });

  await p.nominationPackage.create({ data: { id: ids.pkg, schoolId: S.STA, schoolYearId: Y, organisationId: DEMO.orgs.CDGD_SONTHUY, title: "Hồ sơ thử" } });
  await p.nominationItem.create({ data: item(ids.votedItem, M.STA_MEMBER, "SUBMITTED") });
  await p.nominationItem.create({ data: item(ids.openItem, M.STA_GROUP_LEADER, "SUBMITTED") });
  await p.nominationItem.create({ data: item(ids.decidedItem, M.STA_CHAIR, "APPROVED") });
  for (const id of [ids.closedCouncil, ids.openCouncil]) {
    await p.councilMeeting.create({ data: { id, councilId: council, heldOn: new Date("2025-09-10"), purpose: "Bình xét", memberCount: 9, presentCount: 9, attendance: { create: [{ councilMemberId: seat }] } } });
    await p.councilVote.create({ data: vote(id, ids.votedItem) });
  }
  await p.councilMeeting.update({ where: { id: ids.closedCouncil }, data: { status: "CLOSED", closedAt: new Date() } });

  // Issuing a decision the way issueDecision does: the award row first, then the nominee → DECIDED.
  await p.awardDecision.create({ data: { id: ids.decision, organisationId: DEMO.orgs.CDGD_SONTHUY, schoolYearId: Y, number: "99/QĐ-THU", signedOn: new Date("2026-06-01"), signerName: "A", signerTitle: "Chủ tịch", issuerName: "CĐGD Sơn Thủy", level: "DIRECT_UPPER" } });
  await p.award.create({ data: { id: ids.award, decisionId: ids.decision, schoolId: S.STA, schoolYearId: Y, subject: "MEMBER", memberId: M.STA_CHAIR, recipientName: "Nguyễn Thị Thanh Tâm", titleCode: "LDTT", level: "SCHOOL", achievementKey: "year:2025", nominationItemId: ids.decidedItem } });
  await p.nominationItem.update({ where: { id: ids.decidedItem }, data: { status: "DECIDED", version: { increment: 1 } } });

  const sheet = await p.scoreSheet.findFirstOrThrow({ where: { periodId: SCORING_DEMO.periods.STA_LAST_YEAR } });
  await p.scoreAmendment.create({ data: { id: ids.amendment, sheetId: sheet.id, stage: "COUNCIL", reason: "Thử", before: {}, after: {}, amendedById: U.STA_CHAIR } });
  await p.auditLog.create({ data: { action: "TEST", entity: "Probe", entityId: "p1", prevHash: "", hash: "" } });
}, 240_000);
afterAll(() => t?.drop());

const closedPeriod = `(SELECT "id" FROM "ScorePeriod" WHERE "state" = 'CLOSED')`;
const closedSheets = `"sheetId" IN (SELECT "id" FROM "ScoreSheet" WHERE "periodId" IN ${closedPeriod})`;

/** One decided row per table: how to find it, and a harmless UPDATE of it (no column changes value). */
const DECIDED: { table: string; where: string; set: string }[] = [
  { table: "CoordinationPlan", where: `"id" = '${ids.signedPlan}'`, set: `"title" = "title"` },
  { table: "PlanSection", where: `"planId" = '${ids.signedPlan}'`, set: `"body" = "body"` },
  { table: "PlanCalendarItem", where: `"planId" = '${ids.signedPlan}'`, set: `"content" = "content"` },
  { table: "PlanTarget", where: `"planId" = '${ids.signedPlan}'`, set: `"label" = "label"` },
  { table: "PlanComment", where: `"planId" = '${ids.signedPlan}'`, set: `"body" = "body"` },
  { table: "JointMeeting", where: `"id" = '${ids.closedMeeting}'`, set: `"title" = "title"` },
  { table: "MeetingAttendee", where: `"meetingId" = '${ids.closedMeeting}'`, set: `"name" = "name"` },
  { table: "CouncilMeeting", where: `"id" = '${ids.closedCouncil}'`, set: `"purpose" = "purpose"` },
  { table: "CouncilAttendance", where: `"meetingId" = '${ids.closedCouncil}'`, set: `"councilMemberId" = "councilMemberId"` },
  { table: "CouncilVote", where: `"meetingId" = '${ids.closedCouncil}'`, set: `"agree" = "agree"` },
  { table: "NominationItem", where: `"id" = '${ids.decidedItem}'`, set: `"status" = 'SUBMITTED'` },
  { table: "ScorePeriod", where: `"state" = 'CLOSED'`, set: `"name" = "name"` },
  { table: "ScoreSheet", where: `"periodId" IN ${closedPeriod}`, set: `"memberId" = "memberId"` },
  { table: "ScoreStage", where: closedSheets, set: `"totalTenths" = "totalTenths" + 10` },
  { table: "SealedSnapshot", where: "true", set: `"checksum" = "checksum"` },
  { table: "ScoreAmendment", where: "true", set: `"reason" = "reason"` },
  { table: "ScaleVersion", where: `"adoptedAt" IS NOT NULL`, set: `"definition" = '{}'` },
  { table: "AwardDecision", where: "true", set: `"summary" = "summary"` },
  { table: "Award", where: "true", set: `"recipientName" = "recipientName"` },
  { table: "AuditLog", where: "true", set: `"action" = "action"` },
];

describe.each(DECIDED)("$table: decided rows", ({ table, where, set }) => {
  it("refuse UPDATE, DELETE, TRUNCATE and TRUNCATE … CASCADE", async () => {
    const before = await count(table);
    expect(await count(table, where), "the test needs a decided row").toBeGreaterThan(0);
    expect(await run(`UPDATE "${table}" SET ${set} WHERE ${where}`)).toMatch(/refused/);
    expect(await run(`DELETE FROM "${table}" WHERE ${where}`)).toMatch(/refused/);
    expect(await run(`TRUNCATE "${table}" CASCADE`)).toMatch(/refused/);
    expect(await count(table)).toBe(before);
  });

  it("has its own statement-level TRUNCATE trigger on the generic function", async () => {
    const rows = await t.sql.query<{ n: unknown }>(
      `SELECT count(*) AS n FROM pg_trigger g JOIN pg_proc f ON f.oid = g.tgfoid
       WHERE g.tgrelid = '"${table}"'::regclass AND f.proname = 'refuse_decided' AND (g.tgtype & 32) <> 0 AND (g.tgtype & 1) = 0`,
    );
    expect(Number(rows[0].n)).toBe(1);
  });
});

describe("parents truncated with CASCADE", () => {
  it.each(["CoordinationPlan", "JointMeeting", "CouncilMeeting", "NominationPackage", "ScorePeriod", "Campaign", "AwardDecision", "SchoolYear", "School"])(
    "TRUNCATE %s CASCADE is refused and nothing is removed",
    async (parent) => {
      const counts = async () => {
        const out: number[] = [];
        for (const d of DECIDED) out.push(await count(d.table));
        return out;
      };
      const before = await counts();
      expect(await run(`TRUNCATE "${parent}" CASCADE`)).toMatch(/refused/);
      expect(await counts()).toEqual(before);
    },
  );
});

describe("one generic function", () => {
  it("every immutability trigger runs refuse_decided(); the per-table copies are gone", async () => {
    const tables = [...DECIDED.map((d) => d.table), "DecisionRevocation", "AuditSeal"].map((x) => `'"${x}"'::regclass`).join(", ");
    const fns = await t.sql.query<{ proname: string; guards: boolean }>(
      `SELECT p.proname, bool_or(p.prosrc ~* 'raise\\s+exception') AS guards FROM pg_trigger g JOIN pg_proc p ON p.oid = g.tgfoid WHERE NOT g.tgisinternal AND g.tgrelid IN (${tables}) GROUP BY p.proname ORDER BY 1`,
    );
    // Triggers that refuse a change all run the one generic function; the others only derive
    // values (the audit chain's hashes, sort keys, the decision's date on an award, the awards
    // tally, the per-school-year and per-period summaries) and never refuse.
    expect(fns.filter((f) => f.guards).map((f) => f.proname)).toEqual(["refuse_decided"]);
    const derive = fns.filter((f) => !f.guards).map((f) => f.proname);
    expect(derive).toContain("audit_chain");
    expect(derive.filter((n) => n !== "audit_chain" && !/_sort_key$|^award_tally_|^award_signed_on$|^syf_|^spf_/.test(n))).toEqual([]);
    const old = ["plan_signed_refuse", "plan_content_refuse", "meeting_closed_refuse", "meeting_attendee_refuse", "audit_refuse", "award_record_refuse", "council_meeting_closed_refuse", "scoring_refuse_change", "scale_version_locked"];
    const left = await t.sql.query<{ proname: string }>(`SELECT proname FROM pg_proc WHERE proname IN (${old.map((o) => `'${o}'`).join(", ")})`);
    expect(left).toEqual([]);
  });
});

describe("rows not decided yet, and the workflow's own moves", () => {
  it("a draft plan, an open meeting, an open council meeting and a submitted nominee still change", async () => {
    for (const sql of [
      `UPDATE "CoordinationPlan" SET "title" = 'Đổi' WHERE "id" = '${ids.draftPlan}'`,
      `UPDATE "PlanSection" SET "body" = 'Đổi' WHERE "planId" = '${ids.draftPlan}'`,
      `INSERT INTO "PlanTarget" ("id", "planId", "key", "sortOrder", "label", "measureKey", "unit", "targetValue") VALUES ('imm_t2', '${ids.draftPlan}', 'k2', 2, 'x', 'manual', 'COUNT', 1)`,
      `DELETE FROM "PlanComment" WHERE "planId" = '${ids.draftPlan}'`,
      `UPDATE "JointMeeting" SET "decisions" = 'Thống nhất' WHERE "id" = '${ids.openMeeting}'`,
      `DELETE FROM "MeetingAttendee" WHERE "meetingId" = '${ids.openMeeting}'`,
      `UPDATE "CouncilVote" SET "agree" = 8 WHERE "meetingId" = '${ids.openCouncil}'`,
      `UPDATE "NominationItem" SET "status" = 'RETURNED' WHERE "id" = '${ids.openItem}'`,
      `UPDATE "ScoreStage" SET "explanation" = 'Đổi' WHERE "sheetId" IN (SELECT "id" FROM "ScoreSheet" WHERE "periodId" = '${SCORING_DEMO.periods.STA_DRIVE}')`,
    ])
      expect(await run(sql), sql).toBe("accepted");
  });

  it("nothing is added to a signed plan, closed minutes or a closed council meeting", async () => {
    expect(await run(`INSERT INTO "PlanSection" ("id", "planId", "key", "title", "body", "sortOrder") VALUES ('imm_s9', '${ids.signedPlan}', 'k9', 'x', 'x', 9)`)).toMatch(/refused/);
    expect(await run(`INSERT INTO "MeetingAttendee" ("id", "meetingId", "role", "name", "sortOrder") VALUES ('imm_a9', '${ids.closedMeeting}', 'OTHER', 'x', 9)`)).toMatch(/refused/);
    expect(await run(`UPDATE "CouncilVote" SET "meetingId" = '${ids.closedCouncil}' WHERE "meetingId" = '${ids.openCouncil}'`)).toMatch(/refused/);
  });

  it("a nominee with an issued award cannot go back; DECIDED → REVOKED passes once the decision is revoked", async () => {
    expect(await run(`UPDATE "NominationItem" SET "reviewNote" = 'lén' WHERE "id" = '${ids.decidedItem}'`)).toMatch(/refused/);
    expect(await run(`UPDATE "NominationItem" SET "status" = 'REVOKED' WHERE "id" = '${ids.decidedItem}'`)).toMatch(/refused/);
    expect(await run(`INSERT INTO "DecisionRevocation" ("id", "decisionId", "reason", "revokedOn") VALUES ('${ids.revocation}', '${ids.decision}', 'Sai đối tượng', '2026-07-01')`)).toBe("accepted");
    expect(await run(`UPDATE "NominationItem" SET "status" = 'REVOKED', "reviewNote" = 'lén' WHERE "id" = '${ids.decidedItem}'`)).toMatch(/refused/);
    expect(await run(`UPDATE "NominationItem" SET "status" = 'REVOKED', "version" = "version" + 1 WHERE "id" = '${ids.decidedItem}'`)).toBe("accepted");
    // Revoked, its award no longer stands: issue 12 may approve and decide it again.
    expect(await run(`UPDATE "NominationItem" SET "status" = 'APPROVED' WHERE "id" = '${ids.decidedItem}'`)).toBe("accepted");
    for (const sql of [`UPDATE "DecisionRevocation" SET "reason" = 'x'`, `DELETE FROM "DecisionRevocation"`, `TRUNCATE "DecisionRevocation"`]) expect(await run(sql), sql).toMatch(/refused/);
    expect(await count("DecisionRevocation")).toBe(1);
  });

  it("a closed score changes only together with a ScoreAmendment holding the new numbers, in one transaction", async () => {
    const [st] = await t.sql.query<{ id: string; sheetId: string; data: unknown; totalTenths: number }>(`SELECT "id", "sheetId", "data", "totalTenths" FROM "ScoreStage" WHERE ${closedSheets} AND "stage" = 'COUNCIL' LIMIT 1`);
    const data = JSON.stringify(st.data);
    const amend = (total: number) =>
      `INSERT INTO "ScoreAmendment" ("id", "sheetId", "stage", "reason", "before", "after", "amendedById") VALUES ('imm_am_${total}', '${st.sheetId}', 'COUNCIL', 'Biên bản', '{}', '{"data": ${data}, "total": ${total}}', '${U.STA_CHAIR}')`;
    const update = (total: number) => `UPDATE "ScoreStage" SET "totalTenths" = ${total} WHERE "id" = '${st.id}'`;
    expect(await run(update(st.totalTenths - 5))).toMatch(/refused/);
    expect(await run(`BEGIN; ${update(st.totalTenths - 5)}; ${amend(st.totalTenths - 7)}; COMMIT;`)).toMatch(/refused/);
    await run("ROLLBACK");
    expect(await run(`BEGIN; ${update(st.totalTenths - 5)}; ${amend(st.totalTenths - 5)}; COMMIT;`)).toBe("accepted");
    const [after] = await t.sql.query<{ totalTenths: number }>(`SELECT "totalTenths" FROM "ScoreStage" WHERE "id" = '${st.id}'`);
    expect(after.totalTenths).toBe(st.totalTenths - 5);
  });

  it("an adopted scale version still takes changes outside its locked content", async () => {
    expect(await run(`UPDATE "ScaleVersion" SET "version" = "version" + 1 WHERE "adoptedAt" IS NOT NULL`)).toBe("accepted");
  });
});
