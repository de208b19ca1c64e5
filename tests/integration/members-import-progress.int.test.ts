// Issue 11, member import: a file of 10,000 rows in one go through the upload route the form
// sends with XMLHttpRequest; the answer reports the server's stages as they happen ("checking",
// then "writing" with the row count) and the result; one audit entry for the whole file. The route
// refuses a cross-site post, a school outside the viewer's reach (NOT_FOUND, nothing written) and
// a form for another school than the URL's.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { current, form } from "../factories/action-env";
import { openDemoDb, type DemoViewers } from "../factories/demo-db";
import type { TestDb } from "./harness";
import { DEMO } from "@/lib/seed/demo";
import { IMPORT_COLUMNS } from "@/lib/members/rules";
import { MAX_IMPORT_ROWS } from "@/lib/members/excel";
import { ERROR_MESSAGES } from "@/lib/server/errors";

const { POST } = await import("@/app/(app)/truong/[schoolId]/doan-vien/nhap/tai-len/route");

const S = DEMO.schools;
let t: TestDb;
let v: DemoViewers;
beforeAll(async () => {
  ({ t, v } = await openDemoDb());
});
afterAll(() => t?.drop());

async function xlsx(count: number): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Đoàn viên");
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  const family = ["Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Dương", "Đinh", "Hà"];
  for (let i = 0; i < count; i++) ws.addRow([`${family[i % 8]} Thị Tải ${i + 1}`, i % 2 ? "Nam" : "Nữ", `${String((i % 28) + 1).padStart(2, "0")}/0${(i % 9) + 1}/19${70 + (i % 30)}`]);
  return new File([new Uint8Array(await wb.xlsx.writeBuffer())], "muoi-nghin.xlsx");
}

function post(schoolId: string, fields: Record<string, string | File>, site = "same-origin") {
  const req = new Request(`http://127.0.0.1:3000/truong/${schoolId}/doan-vien/nhap/tai-len`, { method: "POST", body: form(fields), headers: { "sec-fetch-site": site } });
  return POST(req, { params: Promise.resolve({ schoolId }) });
}

async function lines(res: Response) {
  return (await res.text())
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { stage?: string; rows?: number; done?: boolean; state?: { ok: boolean; message: string; data?: { result: { imported: number; total: number } } } });
}

describe("member import with progress", () => {
  it(`imports ${MAX_IMPORT_ROWS.toString()} rows in one file, telling each stage`, async () => {
    expect(MAX_IMPORT_ROWS).toBe(10_000);
    current.viewer = v.KD_CHAIR;
    const file = await xlsx(10_000);
    const before = await t.prisma.member.count({ where: { schoolId: S.KD } });
    const audits = await t.prisma.auditLog.count();

    const check = await lines(await post(S.KD, { schoolId: S.KD, intent: "check", file }));
    expect(check.map((l) => l.stage ?? "done")).toEqual(["checking", "done"]);
    expect(check.at(-1)!.state).toMatchObject({ ok: true, data: { result: { total: 10_000, imported: 0 } } });
    expect(await t.prisma.member.count({ where: { schoolId: S.KD } })).toBe(before);

    const done = await lines(await post(S.KD, { schoolId: S.KD, intent: "import", file, submissionKey: "progress-1" }));
    expect(done.map((l) => l.stage ?? "done")).toEqual(["checking", "writing", "done"]);
    expect(done[1].rows).toBe(10_000);
    expect(done.at(-1)!.state).toMatchObject({ ok: true, message: "Đã nhập 10.000 đoàn viên.", data: { result: { imported: 10_000 } } });
    expect(await t.prisma.member.count({ where: { schoolId: S.KD } })).toBe(before + 10_000);
    expect(await t.prisma.auditLog.count()).toBe(audits + 1);
  }, 300_000);

  it("refuses a cross-site post, another school, and a form for another school than the URL's", async () => {
    current.viewer = v.STA_CHAIR;
    const file = await xlsx(2);
    const before = await t.prisma.member.count();
    const cross = await post(S.STA, { schoolId: S.STA, intent: "import", file }, "cross-site");
    expect(cross.status).toBe(403);
    const other = await post(S.KD, { schoolId: S.KD, intent: "import", file });
    expect(other.status).toBe(404);
    expect((await lines(other))[0].state).toEqual({ ok: false, message: ERROR_MESSAGES.NOT_FOUND });
    const mixed = await lines(await post(S.STA, { schoolId: S.KD, intent: "import", file }));
    expect(mixed.at(-1)!.state?.ok).toBe(false);
    current.viewer = null;
    expect((await post(S.STA, { schoolId: S.STA, intent: "import", file })).status).toBe(401);
    expect(await t.prisma.member.count()).toBe(before);
  });
});
