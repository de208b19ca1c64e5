// The header bell and the quota screen in the browser, on the demo data: the chair reminds the
// members to register (she is one of them), sees the bell's count, opens the panel, marks the
// reminder read and the count drops; Escape closes the panel and gives focus back. Upper-unit staff
// set a quota for one school on the chi-tieu page, see it listed, edit it, delete it; another
// unit's quota page is a 404.
import type { Locator, Page } from "@playwright/test";
import { confirmDialog, expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 30_000 });
test.setTimeout(180_000);

/** The unread count on the bell (0 when no badge). */
async function unread(bell: Locator): Promise<number> {
  const badge = bell.getByTestId("notification-count");
  if (!(await badge.count())) return 0;
  return Number((await badge.locator("[aria-hidden=true]").innerText()).replace("+", ""));
}

async function timedGoto(page: Page, path: string): Promise<number> {
  const start = Date.now();
  const res = await page.goto(path);
  expect(res?.status()).toBe(200);
  return Date.now() - start;
}

test("a chair sees the bell with a count, opens it, marks read, and the count drops", async ({ page, loginAs }) => {
  await loginAs("chutich.sta@thidua.test");
  await page.goto("/truong/sch_sta/phong-trao/cmp_sta_2026");
  await page.getByRole("button", { name: /^Nhắc \d+ người chưa đăng ký$/ }).click();
  await expect(page.getByText(/^Đã nhắc \d+ đoàn viên chưa đăng ký\.$/)).toBeVisible();

  // The dashboard, timed (layout with the bell's counts + the page).
  const times = [await timedGoto(page, "/"), await timedGoto(page, "/"), await timedGoto(page, "/")];
  console.log(`GET / as the chair, ms: ${times.join(", ")}`);
  const bell = page.getByRole("button", { name: /^Thông báo/ });
  await expect(bell).toBeVisible();
  await expect(bell.getByTestId("notification-count")).toBeVisible();
  const before = await unread(bell);
  expect(before).toBeGreaterThan(0);

  await bell.click();
  const panel = page.getByRole("dialog", { name: /Thông báo/ });
  await expect(panel).toBeVisible();
  await expect(panel.getByText("Việc đang chờ")).toBeVisible();
  const reminder = panel.getByRole("listitem").filter({ hasText: "nhắc bạn đăng ký thi đua" });
  await expect(reminder).toHaveCount(1);
  await expect(reminder).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(reminder.getByRole("link")).toHaveAttribute("href", "/ca-nhan/thi-dua");
  await page.screenshot({ path: "/tmp/notification-bell.png" });

  await reminder.getByRole("button", { name: "Đánh dấu đã đọc" }).click();
  await expect(reminder).toHaveCount(0);
  await expect.poll(() => unread(bell)).toBe(before - 1);

  // Keyboard: Escape closes and gives focus back; Enter opens again.
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();

  // The reminder stays read after a reload.
  await page.reload();
  await bell.click();
  await expect(panel.getByRole("listitem").filter({ hasText: "nhắc bạn đăng ký thi đua" })).toHaveCount(0);
});

test("the bell is in the mobile top bar too", async ({ page, loginAs }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs("doanvien.sta@thidua.test");
  const bell = page.getByRole("button", { name: /^Thông báo/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const panel = page.getByRole("dialog", { name: /Thông báo/ });
  await expect(panel).toBeVisible();
  const box = await panel.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBeTruthy();
  await page.screenshot({ path: "/tmp/notification-bell-mobile.png" });
});

test("upper-unit staff set a quota on the chi-tieu page and see it listed", async ({ page, loginAs }) => {
  page.on("dialog", (d) => void d.accept());
  await loginAs("congdoan@thidua.test");
  await page.goto("/cap-tren/org_cdgd_sonthuy/khen-thuong");
  await page.getByRole("main").getByRole("link", { name: "Chỉ tiêu khen thưởng" }).click();
  await page.waitForURL(/\/khen-thuong\/chi-tieu/);
  await page.getByRole("link", { name: "Năm học 2025–2026" }).click();
  await page.waitForURL(/nam=sy_2025/);
  await expect(page.getByRole("heading", { name: "Chỉ tiêu khen thưởng" })).toBeVisible();
  // The demo quota of TH Sơn Thủy A is there; Bắc Sơn's school is not offered.
  await expect(page.getByTestId("quota-table").getByRole("row").filter({ hasText: "Trường Tiểu học Sơn Thủy A" })).toContainText("Giấy khen của Công đoàn cấp trên trực tiếp");

  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Thêm chỉ tiêu" }) });
  await expect(form.getByLabel("Phạm vi").locator("option", { hasText: "Bắc Sơn" })).toHaveCount(0);
  await form.getByLabel("Phạm vi").selectOption({ label: "Trường THCS Nguyễn Trãi" });
  await form.getByLabel("Danh hiệu, hình thức khen thưởng").selectOption({ label: "Chiến sĩ thi đua cơ sở" });
  await form.getByLabel("Số tối đa").fill("4");
  await form.getByLabel("Văn bản giao chỉ tiêu").fill("Hướng dẫn số 15/HD-CĐGD ngày 02/5/2026");
  await form.getByRole("button", { name: "Thêm chỉ tiêu" }).click();
  await expect(form.getByText("Đã thêm chỉ tiêu.")).toBeVisible();

  const row = page.getByTestId("quota-table").getByRole("row").filter({ hasText: "Trường THCS Nguyễn Trãi" }).filter({ hasText: "Chiến sĩ thi đua cơ sở" });
  await expect(row.locator("td").nth(2)).toHaveText("4");
  await expect(row.locator("td").nth(3)).toContainText("0/4");
  await expect(page.getByTestId("quota-by-school").getByRole("row").filter({ hasText: "Trường THCS Nguyễn Trãi" })).toContainText("0/4");
  await page.screenshot({ path: "/tmp/quota-page.png", fullPage: true });

  // Edit (version-checked on the server), then delete.
  await row.getByText("Sửa").click();
  const edit = row.getByRole("form", { name: /Sửa chỉ tiêu/ });
  await edit.getByLabel("Số tối đa").fill("5");
  await edit.getByRole("button", { name: "Lưu" }).click();
  await expect(row.locator("td").nth(2)).toHaveText("5");
  await row.getByRole("button", { name: "Xóa" }).click();
  await confirmDialog(page);
  await expect(row).toHaveCount(0);

  // Another unit's page is a 404.
  const other = await page.goto("/cap-tren/org_cdgd_bacson/khen-thuong/chi-tieu");
  expect(other?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
});
