// The three dashboards of issue 9 in the browser: an upper unit sorts, searches and pages its
// schools on the server; a principal sees "Việc chờ tôi" and follows its link; a member sees their
// awards; and the upper dashboard fits a 390-px phone without sideways scrolling.
import { expect, test } from "./fixtures";

const ST = "/cap-tren/org_cdgd_sonthuy";

const schools = (page: import("@playwright/test").Page) => page.getByRole("table", { name: /Bấm tiêu đề cột để sắp xếp/ });

/** The numbers of one column of the schools table, top to bottom. */
async function columnNumbers(page: import("@playwright/test").Page, index: number): Promise<number[]> {
  const cells = await schools(page).locator("tbody tr").evaluateAll((rows, i) => rows.map((r) => (r.children[i] as HTMLElement).innerText), index);
  return cells.map((t) => Number(t.replace(/\./g, "").trim()));
}

test("cấp trên: tổng số trước, bảng trường sắp xếp, tìm kiếm và phân trang trên máy chủ", async ({ page, loginAs }) => {
  test.setTimeout(120_000);
  await loginAs("congdoan@thidua.test");
  await page.goto(ST);
  await expect(page.getByRole("heading", { level: 1, name: "Công đoàn Giáo dục huyện Sơn Thủy" })).toBeVisible();
  await expect(page.getByRole("main").getByText("Trường trực thuộc", { exact: true })).toBeVisible();
  await expect(page.getByRole("figure", { name: /Xếp loại của hội đồng/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Phân trang" })).toContainText("Trang 1/1");

  // Sort by members, largest first, then the other way round (the server orders; the URL says how).
  await schools(page).getByRole("link", { name: "Đoàn viên", exact: true }).click();
  await expect(page).toHaveURL(/sap-xep=members&chieu=desc/);
  const desc = await columnNumbers(page, 1);
  expect(desc.length).toBeGreaterThanOrEqual(5);
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  await schools(page).getByRole("link", { name: /^Đoàn viên/ }).click();
  await expect(page).toHaveURL(/chieu=asc/);
  const asc = await columnNumbers(page, 1);
  expect(asc).toEqual([...asc].sort((a, b) => a - b));

  // Search without diacritics keeps the sort; page 2 of a single page is empty, with the totals still there.
  await page.getByLabel("Tìm trường").fill("kim dong");
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await expect(page).toHaveURL(/q=kim\+dong/);
  await expect(page).toHaveURL(/sap-xep=members/);
  await expect(schools(page).locator("tbody tr")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Trường Tiểu học Kim Đồng", exact: true })).toBeVisible();
  await page.goto(`${ST}?trang=2`);
  await expect(page.getByText("Không có trường nào khớp với tìm kiếm và bộ lọc.")).toBeVisible();
  await expect(page.getByRole("main").getByText("Trường trực thuộc", { exact: true })).toBeVisible();

  // Each row drills down to the school.
  await page.goto(`${ST}?q=son+thuy+a`);
  await page.getByRole("link", { name: "Trường Tiểu học Sơn Thủy A", exact: true }).click();
  await expect(page).toHaveURL(/\/truong\/sch_sta$/);
});

test("hiệu trưởng: Việc chờ tôi dẫn đến hồ sơ chờ ghi nhận quyết định", async ({ page, loginAs }) => {
  await loginAs("hieutruong.kd@thidua.test");
  await page.goto("/truong/sch_kd");
  const waiting = page.getByRole("region", { name: "Việc chờ tôi" });
  await expect(waiting).toBeVisible();
  const link = waiting.getByRole("link", { name: /Ghi nhận quyết định của cơ quan nhà nước/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/truong\/sch_kd\/de-nghi\/hs_kd_2025_nn$/);
});

test("đoàn viên: trang cá nhân có tóm tắt thi đua và khen thưởng đã nhận", async ({ page, loginAs }) => {
  await loginAs("doanvien.sta@thidua.test");
  await page.goto("/ca-nhan");
  await expect(page.getByRole("heading", { level: 2, name: "Điểm ở từng bước" })).toBeVisible();
  const awards = page.locator("section", { has: page.getByRole("heading", { name: "Khen thưởng đã nhận" }) });
  await expect(awards.getByText("Lao động tiên tiến").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Thông tin đoàn viên" })).toBeVisible();
});

test.describe("điện thoại 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test("the upper dashboard does not scroll sideways", async ({ page, loginAs }) => {
    await loginAs("congdoan@thidua.test");
    await page.goto(ST);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("figure", { name: /Đề nghị khen thưởng/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
