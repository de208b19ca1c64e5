// Marking a member as left (issue 11): the confirm dialog asks for the day and the reason; the
// action refuses either missing (or a day the calendar does not have) on its field, keeping what
// was typed, and changes nothing; with both, the status, day and reason are stored and audited.
// Another school's chair gets the missing-row answer and changes nothing. Returning clears them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { current, form } from "../factories/action-env";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import type { Viewer } from "@/lib/authz/permissions";
import { ERROR_MESSAGES } from "@/lib/server/errors";

const { changeMemberStatusAction } = await import("@/lib/members/actions");

let t: TestDb;
let v: DemoViewers;
const MEMBER = DEMO.members.STA_MEMBER;

beforeAll(async () => {
  ({ t, v } = await openDemoDb());
});
afterAll(() => t?.drop());

const row = () => t.prisma.member.findUniqueOrThrow({ where: { id: MEMBER } });
const statusAudits = () => t.prisma.auditLog.findMany({ where: { entityId: MEMBER, action: "member.status" }, orderBy: { id: "asc" } });

async function leave(viewer: Viewer, fields: Record<string, string>) {
  current.viewer = viewer;
  const m = await row();
  return changeMemberStatusAction(null, form({ memberId: MEMBER, version: String(m.version), status: "LEFT", ...fields }));
}

describe("marking a member as left asks for the day and the reason", () => {
  it("refuses a missing day and reason on their fields, keeps the values, changes nothing", async () => {
    const before = await row();
    const audits = (await statusAudits()).length;
    const r = await leave(v.STA_CHAIR, { leftOn: "", leftReason: "" });
    expect(r).toMatchObject({ ok: false, message: ERROR_MESSAGES.INVALID, fieldErrors: { leftOn: ["Vui lòng nhập ngày nghỉ việc."], leftReason: ["Vui lòng nhập lý do nghỉ việc."] } });
    const again = await leave(v.STA_CHAIR, { leftOn: "31/02/2026", leftReason: "Chuyển công tác" });
    expect(again).toMatchObject({ ok: false, fieldErrors: { leftOn: ["Ngày nghỉ việc không hợp lệ (định dạng dd/mm/yyyy)."] }, values: { leftOn: "31/02/2026", leftReason: "Chuyển công tác", status: "LEFT" } });
    expect(again && !again.ok && again.fieldErrors?.leftReason).toBeFalsy();
    expect(await row()).toMatchObject({ status: before.status, version: before.version, leftOn: null, leftReason: null });
    expect((await statusAudits()).length).toBe(audits);
  });

  it("another school's chair cannot mark the member as left (missing-row answer, nothing changed)", async () => {
    const before = await row();
    const r = await leave(v.KD_CHAIR, { leftOn: "15/11/2026", leftReason: "Chuyển công tác" });
    expect(r).toMatchObject({ ok: false, message: ERROR_MESSAGES.NOT_FOUND });
    expect(await row()).toMatchObject({ status: before.status, version: before.version, leftOn: null, leftReason: null });
  });

  it("stores the day and the reason with the status, audits them, and clears them on return", async () => {
    const r = await leave(v.STA_CHAIR, { leftOn: "15/11/2026", leftReason: "  Chuyển công tác   sang trường khác " });
    expect(r).toMatchObject({ ok: true });
    const m = await row();
    expect(m.status).toBe("LEFT");
    expect(m.leftOn?.toISOString().slice(0, 10)).toBe("2026-11-15");
    expect(m.leftReason).toBe("Chuyển công tác sang trường khác");
    const audit = (await statusAudits()).at(-1);
    expect(audit?.before).toMatchObject({ status: "ACTIVE", leftOn: null, leftReason: null });
    expect(audit?.after).toMatchObject({ status: "LEFT", leftOn: "2026-11-15", leftReason: "Chuyển công tác sang trường khác" });
    current.viewer = v.STA_CHAIR;
    const back = await changeMemberStatusAction(null, form({ memberId: MEMBER, version: String(m.version), status: "ACTIVE", leftOn: "", leftReason: "" }));
    expect(back).toMatchObject({ ok: true });
    expect(await row()).toMatchObject({ status: "ACTIVE", leftOn: null, leftReason: null });
    expect((await statusAudits()).at(-1)?.after).toMatchObject({ status: "ACTIVE", leftOn: null, leftReason: null });
  });
});
