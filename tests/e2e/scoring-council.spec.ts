// The end of a scoring period in the browser, on the demo drive "chào mừng 20/11/2026" whose
// period waits for the council (lib/seed/scoring-demo.ts): the chair seals the council stage with
// an appeal deadline; a member sees their breakdown and appeals from a phone; closing is refused
// while the appeal is open and while the appeal window runs; the chair accepts it with a reason and amends the council score
// (the reason is required); the member sees the answer; the chair closes the period; after
// closing a change still needs a reason, and the sealed snapshot stays intact.
import ExcelJS from "exceljs";
import pg from "pg";
import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect as baseExpect, test } from "./fixtures";
import { allCriteria } from "../../lib/scoring/scale";
import { TEMPLATE_100 } from "../../lib/scoring/templates";

const expect = baseExpect.configure({ timeout: 30_000 });
const PERIOD_URL = "/truong/sch_sta/cham-diem/per_sta_2026_dot1";
const PERIOD = "Đợt 1 (05/9 – 20/11/2026)";
const MEMBER = "Lê Văn Tuấn";

async function signIn(browser: Browser, email: string, viewport?: { width: number; height: number }): Promise<Page> {
  const ctx = await browser.newContext(viewport ? { viewport, isMobile: true, hasTouch: true } : {});
  const page = await ctx.newPage();
  page.on("dialog", (d) => d.accept());
  await page.goto("/dang-nhap");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/dang-nhap"));
  return page;
}

function inDays(n: number): string {
  const d = new Date(Date.now() + n * 86_400_000 + 7 * 3_600_000);
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

const points = (s: string | null) => Number((s ?? "").trim().replace(",", "."));

/** Clicks a step's button and confirms it (the in-page dialog, or the browser's confirm() accepted above). */
async function confirmed(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).first().click();
  const dialog = page.locator("dialog[open]");
  if (await dialog.isVisible().catch(() => false)) await dialog.getByRole("button").last().click();
}

/** Moves the demo period's appeal deadline to yesterday (PostgreSQL: the test process reaches the server's database). */
async function windowPassed() {
  const url = process.env.E2E_DATABASE_URL;
  expect(url, "E2E_DATABASE_URL is missing: run the e2e with DATABASE_URL (PostgreSQL)").toBeTruthy();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`UPDATE "ScorePeriod" SET "appealDeadline" = now() - interval '1 day' WHERE "id" = $1 AND "state" = 'APPEALS'`, ["per_sta_2026_dot1"]);
    expect(r.rowCount).toBe(1);
  } finally {
    await c.end();
  }
}

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

test("hội đồng niêm phong, đoàn viên khiếu nại, chủ tịch trả lời và khóa sổ / council seal, appeal, resolution, closing", async ({ browser }) => {
  const chair = await signIn(browser, "chutich.sta@thidua.test");
  await chair.goto(PERIOD_URL);
  const status = chair.getByRole("heading", { level: 1 }).locator("..");
  await expect(status.getByText("Hội đồng xét")).toBeVisible();
  // A past deadline is refused beside the field; the form keeps working.
  await chair.getByLabel("Hạn nhận khiếu nại (dd/mm/yyyy)").fill(inDays(-3));
  await confirmed(chair, "Hội đồng xác nhận, mở nhận khiếu nại");
  await expect(chair.getByText("Hạn khiếu nại phải ở tương lai.").first()).toBeVisible();
  await chair.getByLabel("Hạn nhận khiếu nại (dd/mm/yyyy)").fill(inDays(7));
  await confirmed(chair, "Hội đồng xác nhận, mở nhận khiếu nại");
  await expect(status.getByText("Đã xác nhận – nhận khiếu nại")).toBeVisible();

  // The member, on a phone, sees all three stages and appeals.
  const member = await signIn(browser, "doanvien.sta@thidua.test", { width: 390, height: 844 });
  await member.goto("/ca-nhan/thi-dua");
  await member.getByRole("link", { name: PERIOD }).click();
  await member.waitForURL(/\/ca-nhan\/thi-dua\/[^/]+$/);
  const before = points(await member.getByTestId("total-COUNCIL").first().textContent());
  expect(before).toBeGreaterThan(0);
  await expect(member.getByTestId("class-COUNCIL").first()).not.toBeEmpty();
  await member.getByLabel(/Nội dung khiếu nại/).fill("Tôi có minh chứng dự giờ đạt loại Tốt ngày 12/10/2026, đề nghị hội đồng xem lại tiêu chí đổi mới phương pháp.");
  await member.getByRole("button", { name: "Gửi khiếu nại" }).click();
  await expect(member.getByText("Đang chờ giải quyết")).toBeVisible();

  // Closing waits for every appeal.
  await chair.reload();
  await confirmed(chair, "Khóa sổ kỳ chấm");
  await expect(chair.getByText("Còn 1 khiếu nại chưa giải quyết.")).toBeVisible();

  // The chair answers on the member's sheet and amends the council score; the reason is required.
  await chair.getByRole("link", { name: MEMBER }).first().click();
  await chair.waitForURL(/\/phieu\//);
  await chair.getByLabel("Chấp nhận", { exact: true }).check();
  await chair.locator('textarea[name="resolution"]').fill("Hội đồng xem lại biên bản dự giờ ngày 12/10/2026: chấp nhận, cộng đủ điểm tiêu chí đổi mới phương pháp.");
  await chair.getByRole("button", { name: "Trả lời khiếu nại" }).click();
  await expect(chair.getByText("Được chấp nhận")).toBeVisible();

  const cell = chair.locator("#c-cl_doi_moi");
  const max = allCriteria(TEMPLATE_100).find((c) => c.key === "cl_doi_moi")!.max / 10;
  const old = points(await cell.inputValue());
  await cell.fill(String(max));
  await chair.getByRole("button", { name: "Lưu điểm đã sửa" }).click();
  await expect(chair.locator("#reason:invalid")).toHaveCount(1); // the browser refuses an empty reason
  await chair.getByLabel(/Lý do sửa điểm sau khi đã xác nhận/).fill("Theo kết luận giải quyết khiếu nại ngày " + inDays(0));
  await chair.getByRole("button", { name: "Lưu điểm đã sửa" }).click();
  const expected = before + (max - old);
  await expect(chair.getByTestId("total-COUNCIL").first()).toHaveText(String(expected).replace(".", ","));
  const classification = (await chair.getByTestId("class-COUNCIL").first().textContent())?.trim();
  expect(classification).toBeTruthy();

  // The member sees the answer and the amended total.
  await member.reload();
  await expect(member.getByText("Được chấp nhận")).toBeVisible();
  await expect(member.getByTestId("appeal-resolution")).toContainText("chấp nhận, cộng đủ điểm");
  await expect(member.getByTestId("total-COUNCIL").first()).toHaveText(String(expected).replace(".", ","));
  await expect(member.getByRole("button", { name: "Gửi khiếu nại" })).toBeVisible(); // still within the window

  // Not while the appeal window runs (issue 11): the refusal says until when, Vietnam's day.
  await chair.goto(PERIOD_URL);
  await confirmed(chair, "Khóa sổ kỳ chấm");
  await expect(chair.getByText(`Đang trong thời hạn nhận khiếu nại (đến hết ngày ${inDays(7)})`)).toBeVisible();
  await expect(status.getByText("Đã xác nhận – nhận khiếu nại")).toBeVisible();
  // The window passes (the deadline moved to yesterday in the database stands for the days going by); now the period closes.
  await windowPassed();
  await chair.reload();
  await confirmed(chair, "Khóa sổ kỳ chấm");
  await expect(status.getByText("Đã khóa sổ")).toBeVisible();
  await member.reload();
  await expect(member.getByRole("button", { name: "Gửi khiếu nại" })).toHaveCount(0);

  // The export agrees with the page: total and classification.
  const x = await chair.request.get(`${PERIOD_URL}/xuat-excel`);
  expect(x.status()).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await x.body()) as unknown as ArrayBuffer);
  const summary = wb.getWorksheet("Tổng hợp")!;
  let found = false;
  summary.eachRow((row) => {
    if (row.getCell(2).value !== MEMBER) return;
    found = true;
    expect(row.getCell(6).value).toBe(expected);
    expect(row.getCell(7).value).toBe(classification);
  });
  expect(found).toBe(true);
});
