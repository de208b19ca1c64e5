// Reports of an upper unit (issue 9): the unit's staff (two-step sign-in) opens the reports from
// the menu, picks a calendar year, sees the awards report's summary, table and chart (also at
// 390 px wide), and downloads the Excel file, whose cells carry the numbers on screen.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "./fixtures";

test("upper-unit staff open the awards report, see the table and chart, and download the Excel", async ({ page, loginAs }) => {
  await loginAs("congdoan@thidua.test");
  await page.getByRole("link", { name: "Báo cáo thống kê" }).first().click();
  await expect(page.getByRole("heading", { name: "Báo cáo thống kê", level: 1 })).toBeVisible();

  // A bad year keeps what was typed and says why.
  await page.getByLabel("Kỳ báo cáo", { exact: true }).selectOption("nam");
  await page.getByLabel("Năm", { exact: true }).fill("20x5");
  await page.getByRole("button", { name: "Xem báo cáo" }).click();
  await expect(page.getByText("Năm không hợp lệ.")).toBeVisible();
  await expect(page.getByLabel("Năm", { exact: true })).toHaveValue("20x5");

  await page.getByLabel("Năm", { exact: true }).fill("2025");
  await page.getByRole("button", { name: "Xem báo cáo" }).click();
  await expect(page.getByText("Kỳ báo cáo: Năm 2025")).toBeVisible();
  await page.getByRole("link", { name: "Khen thưởng theo hình thức và cấp khen" }).click();

  await expect(page.getByRole("heading", { name: "Khen thưởng theo hình thức và cấp khen", level: 1 })).toBeVisible();
  await expect(page.locator("[data-report-summary]")).toContainText("Năm 2025, Công đoàn Giáo dục huyện Sơn Thủy và các đơn vị trực thuộc có");
  const table = page.locator("[data-report-table]");
  const totalRow = table.getByRole("row").filter({ hasText: "Tổng cộng" });
  await expect(totalRow).toBeVisible();
  const individuals = Number((await totalRow.locator("td").nth(3).innerText()).replace(/\./g, ""));
  expect(individuals).toBeGreaterThan(0);
  const chart = page.getByRole("img", { name: "Khen thưởng theo cấp quyết định" });
  await expect(chart.locator("svg .recharts-bar-rectangle").first()).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Xuất Excel" }).click()]);
  expect(download.suggestedFilename()).toBe("bao-cao-khen-thuong-nam-2025.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  let excelTotal: unknown = null;
  ws.eachRow((row) => {
    if (row.getCell(2).value === "Tổng cộng") excelTotal = row.getCell(5).value;
  });
  expect(excelTotal).toBe(individuals);

  // On a phone: the chart fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const box = await page.getByRole("img", { name: "Khen thưởng theo cấp quyết định" }).boundingBox();
  expect(box && box.width).toBeGreaterThan(200);
  expect(box && box.x + box.width).toBeLessThanOrEqual(390);
});
