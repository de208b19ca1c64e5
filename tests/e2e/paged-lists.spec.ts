// Lists that grow with the data (issue 9), in the browser on the demo data: the eligibility page
// shows the counts by verdict first, a verdict filter lists exactly that many members with a pager
// that says so; the upper unit's calibration page opens from its menu with its thresholds.
import { expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 45_000 });
const SCHOOL = "sch_sta";
const UNIT = "org_cdgd_sonthuy";
const YEAR = "sy_2025";

test.setTimeout(180_000);

test("eligibility: counts by verdict, then a filtered, paged list", async ({ page, loginAs }) => {
  await loginAs("chutich.sta@thidua.test");
  await page.goto(`/truong/${SCHOOL}/de-nghi/xet-dieu-kien?nam=${YEAR}`);
  const counts = page.getByRole("navigation", { name: "Số đoàn viên theo kết quả" });
  await expect(counts).toBeVisible();
  const ldtt = Number((await page.getByTestId("verdict-count-LDTT").innerText()).replace(/\D/g, ""));
  expect(ldtt).toBeGreaterThan(0);
  const pager = page.getByRole("navigation", { name: "Phân trang" });
  await expect(pager).toContainText(/trên \d+/);
  await counts.getByRole("link", { name: /Đủ điều kiện LĐTT/ }).click();
  await page.waitForURL(/ket-qua=LDTT/);
  await expect(page.getByRole("navigation", { name: "Phân trang" })).toContainText(`trên ${ldtt}`);
  // One row per member shown (≤ a page of 50), each eligible for LĐTT.
  const rows = page.getByRole("table", { name: "Kết quả xét từng đoàn viên" }).locator("tbody > tr");
  await expect(rows).toHaveCount(Math.min(ldtt, 50));
});

test("calibration: the upper unit's menu opens the questions, with the thresholds shown", async ({ page, loginAs }) => {
  await loginAs("congdoan@thidua.test");
  await page.goto(`/cap-tren/${UNIT}`);
  await page.getByRole("link", { name: "Hiệu chỉnh kết quả chấm" }).first().click();
  await expect(page.getByRole("heading", { name: "Hiệu chỉnh kết quả chấm điểm" })).toBeVisible();
  await expect(page.getByText("từ 90% phiếu trở lên")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Phân trang" })).toContainText(/trên \d+/);
});
