// Issue 11 in the browser: the member import sends the file with a progress bar (upload, then the
// server's stages) and writes one audit entry; the audit log reads in Vietnamese (filters, field
// names, counts) and the import entry links to exactly the members it wrote.
import ExcelJS from "exceljs";
import { expect, test } from "./fixtures";

// Bắc Sơn's school, which no other browser test lists: 3,000 more members there change nothing
// another spec counts or pages through (the administrator imports, as for a school without a chair yet).
const SCHOOL = "/truong/sch_bs";
const LIST = `${SCHOOL}/doan-vien`;
const HEADERS = ["Họ và tên", "Giới tính", "Ngày sinh"];

test("nhập 3.000 đoàn viên có thanh tiến độ; nhật ký ghi một dòng, bằng tiếng Việt, có liên kết tới các dòng đã nhập", async ({ page, loginAs }) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36).toUpperCase().slice(-4);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Đoàn viên");
  ws.addRow(HEADERS);
  for (let i = 0; i < 3000; i++) ws.addRow([`Đặng Thị Tiến ${suffix} ${i + 1}`, i % 2 ? "Nam" : "Nữ", `${String((i % 28) + 1).padStart(2, "0")}/05/1990`]);
  const file = Buffer.from(await wb.xlsx.writeBuffer());

  await loginAs("admin@thidua.test");
  await page.goto(`${LIST}/nhap`);
  // The limit is said before a file is chosen.
  await expect(page.getByText("Tệp Excel (.xlsx, tối đa 10.000 dòng, 4 MB)")).toBeVisible();
  await page.getByLabel(/^Tệp Excel/).setInputFiles({ name: "ba-nghin.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: file });
  await page.getByRole("button", { name: "Nhập đoàn viên" }).click();
  // The progress box shows while the server works (upload, then checking / writing), then the result.
  await expect(page.getByTestId("import-progress")).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Đã nhập 3.000 đoàn viên.", { timeout: 120_000 });
  await expect(page.getByTestId("import-progress")).toHaveCount(0);

  await page.goto(`${SCHOOL}/nhat-ky`);
  await expect(page.getByLabel("Đối tượng")).toBeVisible();
  await page.getByLabel("Thao tác").selectOption({ label: "Nhập đoàn viên từ Excel" });
  await expect(page.getByLabel("Người thực hiện")).toBeVisible();
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/thao-tac=member\.import/);
  const row = page.getByRole("table").getByRole("row").nth(1);
  await expect(row).toContainText("Nhập đoàn viên từ Excel");
  await expect(row).toContainText("Số đoàn viên đã nhập");
  await expect(row).toContainText("3.000");
  await expect(row).not.toContainText("firstMemberId");
  await row.getByRole("link", { name: "Xem các đoàn viên đã nhập" }).click();
  await expect(page.getByText("Đang xem 3.000 đoàn viên của một lần nhập từ Excel.")).toBeVisible();
  await expect(page.getByRole("table").getByRole("link", { name: new RegExp(`Tiến ${suffix}`) }).first()).toBeVisible();
});
