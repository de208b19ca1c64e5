// The edit form per row of the upper unit's holiday page (components/holidays/holiday-forms.tsx
// EditHolidayForm) posts to updateHolidayAction with holidayId, version (hidden) and the fields of
// the create form. What it relies on: a refused edit answers beside each field and gives back what
// was typed; a good one is saved, version-checked and audited; a stale form gets the conflict
// message; another unit's staff and a school's chair find nothing and change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { current, form } from "../factories/action-env";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { createHoliday } from "@/lib/holidays/mutations";
import { getHolidayPage } from "@/lib/holidays/queries";
import { ERROR_MESSAGES } from "@/lib/server/errors";

const { updateHolidayAction } = await import("@/lib/holidays/actions");

const O = DEMO.orgs;
let t: TestDb;
let v: DemoViewers;
let holidayId = "";

beforeAll(async () => {
  ({ t, v } = await openDemoDb());
  ({ id: holidayId } = await createHoliday(v.UPPER_SONTHUY, { unitId: O.CDGD_SONTHUY, kind: "EXTRA", name: "Nghỉ bù ngày hội của huyện", startsOn: new Date(Date.UTC(2027, 2, 10)), endsOn: new Date(Date.UTC(2027, 2, 10)) }));
});
afterAll(() => t?.drop());

const row = () => t.prisma.holiday.findUniqueOrThrow({ where: { id: holidayId } });
const fields = (version: number, over: Record<string, string> = {}) => form({ holidayId, version: String(version), kind: "EXTRA", name: "Nghỉ bù ngày hội văn hóa huyện", startsOn: "11/03/2027", endsOn: "12/03/2027", ...over });

describe("editing a day off of the unit", () => {
  it("refuses an end before the start beside the field, keeping what was typed, and changes nothing", async () => {
    current.viewer = v.UPPER_SONTHUY;
    const before = await row();
    const state = await updateHolidayAction(null, fields(before.version, { startsOn: "12/03/2027", endsOn: "11/03/2027", lunarNewYear: "" }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { endsOn: ["Ngày kết thúc không được trước ngày bắt đầu."] } });
    expect(state && !state.ok && state.values).toMatchObject({ name: "Nghỉ bù ngày hội văn hóa huyện", startsOn: "12/03/2027", endsOn: "11/03/2027" });
    expect(await row()).toEqual(before);
  });

  it("saves the edit, bumps the version, writes an audit row; the page lists the new dates", async () => {
    current.viewer = v.UPPER_SONTHUY;
    const before = await row();
    const audits = await t.prisma.auditLog.count({ where: { action: "holiday.update", entityId: holidayId } });
    expect(await updateHolidayAction(null, fields(before.version))).toMatchObject({ ok: true, message: "Đã lưu ngày nghỉ." });
    const after = await row();
    expect(after).toMatchObject({ name: "Nghỉ bù ngày hội văn hóa huyện", startsOn: new Date(Date.UTC(2027, 2, 11)), endsOn: new Date(Date.UTC(2027, 2, 12)), version: before.version + 1 });
    expect(await t.prisma.auditLog.count({ where: { action: "holiday.update", entityId: holidayId } })).toBe(audits + 1);
    const page = await getHolidayPage(v.UPPER_SONTHUY, O.CDGD_SONTHUY, 2027);
    expect(page.rows.find((h) => h.id === holidayId)).toMatchObject({ own: true, name: "Nghỉ bù ngày hội văn hóa huyện", version: before.version + 1 });
  });

  it("a form left open over an older version gets the conflict message", async () => {
    current.viewer = v.UPPER_SONTHUY;
    const now = await row();
    expect(await updateHolidayAction(null, fields(now.version - 1, { name: "Bản cũ" }))).toMatchObject({ ok: false, message: ERROR_MESSAGES.CONFLICT });
    expect(await row()).toEqual(now);
  });

  it("another unit's staff and a school's chair find nothing to edit", async () => {
    const now = await row();
    for (const viewer of [v.UPPER_BACSON, v.STA_CHAIR]) {
      current.viewer = viewer;
      expect(await updateHolidayAction(null, fields(now.version, { name: "Bị sửa" }))).toMatchObject({ ok: false, message: ERROR_MESSAGES.NOT_FOUND });
    }
    expect(await row()).toEqual(now);
  });
});
