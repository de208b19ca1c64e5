// Issue 11 in the browser, at 1,366 px (a school's laptop):
//  - the group leader's scoring grid scrolls inside its own box (the page never scrolls sideways),
//    with the header row and the names sticky and the totals and "Lưu cả bảng" in view; a skip
//    link is the first Tab stop and puts focus in the grid; a cell's error is heard (live region)
//    and tied to the cell (aria-describedby); Ctrl+Enter saves the grid;
//  - the period form proposes the campaign's own scale;
//  - a council whose size breaks the odd-number setting shows why where the meeting would open;
//    after "Chưa đủ túc số" the attendance boxes show what was sent, not all ticked.
// It creates what it needs (its own campaign and period at TH Sơn Thủy A, a council of TH Kim Đồng
// for 2024–2025), so it runs beside the other journeys.
import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 30_000 });
const VIEWPORT = { width: 1366, height: 768 };
const RUN = Date.now().toString(36).slice(-5);
const CAMPAIGN = `Đợt thi đua bảng điểm ${RUN}`;
const PERIOD = `Tháng 12 bảng điểm ${RUN}`;
const DRIVE_SCALE = "Biểu điểm đợt thi đua chào mừng 20/11/2026";

async function signIn(browser: Browser, email: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  const page = await ctx.newPage();
  page.on("dialog", (d) => void d.accept());
  await page.goto("/dang-nhap");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/dang-nhap"));
  return page;
}

/** Clicks a step's button and confirms it, whether it asks with the browser's confirm() or an in-page dialog. */
async function confirmStep(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).first().click();
  const dialog = page.locator("dialog[open]");
  if (await dialog.isVisible().catch(() => false)) await dialog.getByRole("button").last().click();
}

const noPageScrollSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

let periodUrl = "";

test("kỳ chấm đề xuất biểu điểm của phong trào / the period form proposes the campaign's scale", async ({ browser }) => {
  const chair = await signIn(browser, "chutich.sta@thidua.test");
  await chair.goto("/truong/sch_sta/phong-trao");
  await chair.getByLabel("Tên phong trào / đợt thi đua").fill(CAMPAIGN);
  // Collective titles only: the period scores the campaign's whole audience (every member).
  await chair.getByRole("checkbox", { name: /^Lao động tiên tiến/ }).uncheck();
  await chair.getByRole("checkbox", { name: /^Tập thể lao động tiên tiến/ }).check();
  const scale = chair.locator("#scaleId option", { hasText: DRIVE_SCALE }).first();
  await chair.getByLabel("Biểu điểm").selectOption((await scale.getAttribute("value")) ?? "");
  await chair.getByRole("button", { name: "Tạo phong trào (bản nháp)" }).click();
  await chair.waitForURL(/\/phong-trao\/[^/]+$/);
  await confirmStep(chair, "Mở đăng ký");
  await expect(chair.getByRole("heading", { level: 1 }).locator("..").getByText("Đang đăng ký")).toBeVisible();
  await confirmStep(chair, "Kết thúc đăng ký, chuyển sang chấm điểm");
  await expect(chair.getByRole("heading", { level: 1 }).locator("..").getByText("Đang chấm điểm")).toBeVisible();

  // The scale proposed is the campaign's own (its adopted version), not the first in the list.
  const chosen = chair.locator('select[name="scaleVersionId"] option:checked');
  await expect(chosen).toContainText(DRIVE_SCALE);
  await chair.getByLabel("Tên kỳ chấm").fill(PERIOD);
  await chair.getByLabel(/Từ ngày/).fill("01/12/2026");
  await chair.getByLabel(/Đến ngày/).fill("31/12/2026");
  await chair.getByRole("button", { name: "Tạo kỳ chấm điểm" }).click();
  await expect(chair.getByText("Đã tạo kỳ chấm điểm")).toBeVisible();
  await chair.getByRole("link", { name: PERIOD }).click();
  await chair.waitForURL(/\/cham-diem\/[^/]+$/);
  periodUrl = new URL(chair.url()).pathname;
  await confirmStep(chair, "Kết thúc tự chấm, chuyển tổ chấm");
  await expect(chair.getByRole("heading", { level: 1 }).locator("..").getByText("Tổ công đoàn chấm")).toBeVisible();
});

test("bảng chấm của tổ trưởng ở 1.366 px / the leader's grid at 1,366 px", async ({ browser }) => {
  expect(periodUrl).not.toBe("");
  const leader = await signIn(browser, "totruong.sta@thidua.test");
  await leader.goto(periodUrl);
  await leader.getByRole("link", { name: "Tổ CĐ Khối 1–2" }).first().click();
  await leader.waitForURL(/\/to\/[^/]+$/);
  const table = leader.getByRole("table", { name: "Bảng điểm Tổ CĐ Khối 1–2" });
  await expect(table).toBeVisible();
  const box = leader.getByTestId("grid-box");

  // The page does not scroll sideways; the grid scrolls inside its own box.
  expect(await noPageScrollSideways(leader)).toBe(true);
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  const save = leader.getByRole("button", { name: /Lưu cả bảng/ });
  await expect(save).toBeInViewport();
  await expect(leader.getByRole("button", { name: "Đăng xuất" }).first()).toBeInViewport();

  // Scrolled to its far right, the names and the header row stay, and the totals are in the box.
  await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth, top: el.scrollHeight }));
  const boxRect = (await box.boundingBox())!;
  const nameHeader = (await table.getByRole("columnheader", { name: "Đoàn viên" }).boundingBox())!;
  expect(Math.abs(nameHeader.x - boxRect.x)).toBeLessThanOrEqual(2);
  expect(Math.abs(nameHeader.y - boxRect.y)).toBeLessThanOrEqual(2);
  const firstName = (await table.getByRole("rowheader").first().boundingBox())!;
  expect(Math.abs(firstName.x - boxRect.x)).toBeLessThanOrEqual(2);
  const total = (await table.getByTestId("row-total").first().boundingBox())!;
  expect(total.x).toBeGreaterThanOrEqual(boxRect.x);
  expect(total.x + total.width).toBeLessThanOrEqual(boxRect.x + boxRect.width + 1);
  const totalHeader = (await table.getByRole("columnheader", { name: "Tổng" }).boundingBox())!;
  expect(totalHeader.x).toBeGreaterThan(firstName.x + firstName.width);
  expect(await noPageScrollSideways(leader)).toBe(true);
  await box.evaluate((el) => el.scrollTo({ left: 0, top: 0 }));

  // The skip link is the first Tab stop of the page and puts focus in the grid.
  await leader.reload();
  await expect(table).toBeVisible();
  await leader.locator("body").focus();
  await leader.keyboard.press("Tab");
  const skip = leader.getByRole("link", { name: "Đến bảng chấm điểm" });
  await expect(skip).toBeFocused();
  await leader.keyboard.press("Enter");
  expect(await box.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  const cellLabel = (await leader.locator(":focus").getAttribute("aria-label")) ?? "";
  expect(cellLabel).toContain("–");
  const cell = leader.getByLabel(cellLabel, { exact: true });
  await expect(cell).toBeFocused();

  // A wrong value: marked, described by its message, and said aloud by the live region.
  await leader.keyboard.type("99");
  await expect(cell).toHaveAttribute("aria-invalid", "true");
  const describedBy = await cell.getAttribute("aria-describedby");
  expect(describedBy).toBeTruthy();
  const message = leader.locator(`[id="${describedBy}"]`);
  await expect(message).toContainText("tối đa");
  await expect(leader.getByTestId("grid-live")).toContainText("tối đa");
  // Ctrl+Enter with a wrong cell saves nothing and says why.
  await leader.keyboard.press("Control+Enter");
  await expect(leader.getByTestId("grid-live")).toContainText("Chưa lưu");
  await expect(leader.getByText(/Đã lưu \d+ phiếu\./)).toHaveCount(0);

  // Fixed, then saved from the keyboard with Ctrl+Enter.
  await cell.fill("1");
  await expect(cell).not.toHaveAttribute("aria-invalid", "true");
  await expect(leader.getByTestId("grid-live")).toContainText("đã hợp lệ");
  await cell.focus();
  await leader.keyboard.press("Control+Enter");
  await expect(leader.getByText("Đã lưu 1 phiếu.")).toBeVisible();
  await leader.reload();
  await expect(table).toBeVisible();
  await expect(leader.getByLabel(cellLabel, { exact: true })).toHaveValue("1");
});

test("hội đồng số chẵn và điểm danh bị từ chối / an even council, and attendance after a refusal", async ({ browser }) => {
  const chair = await signIn(browser, "chutich.kd@thidua.test");
  const url = "/truong/sch_kd/hoi-dong?nam=sy_2024";
  await chair.goto(url);
  await expect(chair.getByText("Chưa thành lập Hội đồng cho năm học này")).toBeVisible();
  await chair.getByRole("button", { name: "Thành lập Hội đồng" }).click();
  await expect(chair.getByRole("button", { name: "Thêm thành viên" })).toBeVisible();

  const add = async (n: number) => {
    const select = chair.locator('select[name="memberId"]');
    const value = await select.locator("option").first().getAttribute("value");
    await select.selectOption(value ?? "");
    await chair.getByRole("button", { name: "Thêm thành viên" }).click();
    await expect(chair.getByText(`Thành viên (${n})`)).toBeVisible();
  };
  await add(1);
  await add(2);
  // Two members: no meeting, no vote; the reason stands where the meeting would open.
  await expect(chair.getByTestId("vote-blocked")).toContainText("Hội đồng có 2 thành viên, số thành viên phải là số lẻ");
  await expect(chair.getByRole("button", { name: "Khai mạc (kiểm tra túc số)" })).toHaveCount(0);
  await add(3);
  await expect(chair.getByTestId("vote-blocked")).toHaveCount(0);

  // Only one of three present: refused ("Chưa đủ túc số"); the boxes show what was sent.
  const attendance = chair.getByRole("group", { name: "Thành viên có mặt" });
  const boxes = attendance.getByRole("checkbox");
  await expect(boxes).toHaveCount(3);
  await boxes.nth(1).uncheck();
  await boxes.nth(2).uncheck();
  await expect(attendance.getByText("Đã chọn 1/3")).toBeVisible();
  await chair.getByRole("button", { name: "Khai mạc (kiểm tra túc số)" }).click();
  await expect(chair.getByText(/Chưa đủ túc số/).first()).toBeVisible();
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).not.toBeChecked();
  await expect(boxes.nth(2)).not.toBeChecked();
  await expect(attendance.getByText("Đã chọn 1/3")).toBeVisible();
  expect(new URL(chair.url()).pathname).toBe("/truong/sch_kd/hoi-dong");
});
