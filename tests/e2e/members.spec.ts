// Union chair's members journey in the browser: search without accents, create with a bad date
// (error beside the field, typed values kept), fix, edit, change status, export to Excel, import
// a workbook generated here; then the other roles' views and another school's URL (404).
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";

const STA = "/truong/sch_sta";
const LIST = `${STA}/doan-vien`;
const HEADERS = [
  "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Tổ chuyên môn", "Tổ công đoàn", "Email", "Số điện thoại", "Ngày vào công đoàn", "Ngày bắt đầu hợp đồng",
  "Số CCCD", "Dân tộc", "Quê quán", "Số thẻ đoàn viên", "Đảng viên", "Ngày vào Đảng",
];

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Đoàn viên");
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test("chủ tịch công đoàn: tìm, thêm (sai ngày rồi sửa), sửa, đổi trạng thái, xuất và nhập Excel", async ({ page, loginAs }) => {
  test.setTimeout(240_000); // a long journey; the embedded database on a shared 2-core machine is slow
  const suffix = Date.now().toString(36).toUpperCase().slice(-4);
  const name = `Đinh Thị Thử ${suffix}`;
  await loginAs("chutich.sta@thidua.test");

  // Search ignores diacritics and case.
  await page.goto(LIST);
  await expect(page.getByRole("heading", { level: 1, name: "Đoàn viên" })).toBeVisible();
  await page.getByLabel("Tìm theo họ tên").fill("nguyen thi thanh tam");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(page).toHaveURL(/q=nguyen\+thi\+thanh\+tam/);
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name: "Nguyễn Thị Thanh Tâm", exact: true })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);

  // Create with a bad date: the error sits beside the field, what was typed stays.
  await page.goto(LIST);
  await page.getByRole("link", { name: "Thêm đoàn viên" }).click();
  await expect(page).toHaveURL(`${LIST}/moi`);
  await page.getByLabel("Họ và tên").fill(name);
  await page.getByLabel("Giới tính").selectOption({ label: "Nữ" });
  await page.getByLabel("Ngày sinh").fill("31/02/1990");
  await page.getByLabel("Chức vụ").fill("Giáo viên");
  await page.getByLabel("Tổ công đoàn").selectOption({ label: "Tổ CĐ Khối 3" });
  await page.getByLabel("Số điện thoại").fill("0912 345 678");
  // The union fields (issue 11): a CCCD of 10 digits is refused beside its field.
  await page.getByLabel("Số CCCD").fill("0011900123");
  await page.getByLabel("Dân tộc").fill("Mường");
  await page.getByLabel("Quê quán").fill("Tân Lạc, Phú Thọ");
  await page.getByLabel("Số thẻ đoàn viên").fill("CĐ-2026-77");
  await page.getByLabel("Là đảng viên Đảng Cộng sản Việt Nam").check();
  await page.getByLabel("Ngày vào Đảng").fill("19/05/2015");
  await page.getByRole("button", { name: "Thêm đoàn viên" }).click();
  await expect(page.locator("#dateOfBirth-error")).toHaveText("Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).");
  await expect(page.locator("#citizenId-error")).toHaveText("Số CCCD gồm đúng 12 chữ số.");
  await expect(page.getByLabel("Số CCCD")).toHaveValue("0011900123");
  await expect(page.getByLabel("Là đảng viên Đảng Cộng sản Việt Nam")).toBeChecked();
  await expect(page.getByLabel("Quê quán")).toHaveValue("Tân Lạc, Phú Thọ");
  await expect(page.getByLabel("Ngày sinh")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Họ và tên")).toHaveValue(name);
  await expect(page.getByLabel("Giới tính")).toHaveValue("NU");
  await expect(page.getByLabel("Ngày sinh")).toHaveValue("31/02/1990");
  await expect(page.getByLabel("Tổ công đoàn")).toHaveValue("grp_sta_k3");
  await expect(page.getByLabel("Số điện thoại")).toHaveValue("0912 345 678");

  // Fix it.
  await page.getByLabel("Ngày sinh").fill("28/02/1990");
  await page.getByLabel("Số CCCD").fill("001 190 012 345");
  await page.getByRole("button", { name: "Thêm đoàn viên" }).click();
  await expect(page).toHaveURL(/\/doan-vien\/[a-z0-9]+\?da-luu=moi$/);
  await expect(page.getByRole("status")).toContainText(`Đã thêm đoàn viên ${name}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // Edit.
  await expect(page.getByLabel("Ngày sinh")).toHaveValue("28/02/1990");
  await expect(page.getByLabel("Số CCCD")).toHaveValue("001190012345");
  await expect(page.getByLabel("Dân tộc")).toHaveValue("Mường");
  await expect(page.getByLabel("Số thẻ đoàn viên")).toHaveValue("CĐ-2026-77");
  await expect(page.getByLabel("Là đảng viên Đảng Cộng sản Việt Nam")).toBeChecked();
  await expect(page.getByLabel("Ngày vào Đảng")).toHaveValue("19/05/2015");
  await page.getByLabel("Chức vụ").fill("Giáo viên chủ nhiệm");
  await page.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.getByText("Đã lưu thay đổi.")).toBeVisible();
  await expect(page.getByLabel("Chức vụ")).toHaveValue("Giáo viên chủ nhiệm");

  // Move to another group, then an explicit status change.
  await page.getByLabel("Tổ công đoàn").selectOption({ label: "Tổ CĐ Khối 4–5" });
  await page.getByRole("button", { name: "Chuyển tổ" }).click();
  await expect(page.getByText("Đã chuyển tổ công đoàn.")).toBeVisible();
  await page.getByRole("button", { name: "Cho nghỉ phép" }).click();
  await expect(page.getByText("Đã cập nhật trạng thái: Nghỉ phép.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Trở lại công tác" })).toBeVisible();

  // Export the list (all statuses) and read the file.
  await page.goto(`${LIST}?trang-thai=tat-ca`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Xuất Excel" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^doan-vien-ST-TH-A-\d{8}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(await download.path())) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const ws = wb.getWorksheet("Đoàn viên")!;
  // A title with the school and the export day, then the headers.
  expect(String(ws.getCell(1, 1).value)).toBe("DANH SÁCH ĐOÀN VIÊN – TRƯỜNG TIỂU HỌC SƠN THỦY A");
  expect(String(ws.getCell(2, 1).value)).toMatch(/^Xuất ngày \d{2}\/\d{2}\/\d{4} · /);
  expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(["STT", ...HEADERS, "Trạng thái"]);
  const exported = ws.getColumn(2).values.map(String);
  expect(exported).toContain(name);
  expect(exported).toContain("Nguyễn Thị Thanh Tâm");
  const ours = ws.getRows(5, ws.rowCount - 4)!.find((r) => r.getCell(2).value === name)!;
  // A real date (Excel sorts it), shown dd/mm/yyyy.
  expect(ours.getCell(4).value).toEqual(new Date(Date.UTC(1990, 1, 28)));
  expect(ours.getCell(4).numFmt).toBe("dd/mm/yyyy");
  expect(ours.getCell(12).value).toBe("001190012345");
  expect(ours.getCell(16).value).toBe("Có");
  expect(ours.getCell(18).value).toBe("Nghỉ phép");

  // Import: one bad row blocks everything, then "only valid rows" imports the others.
  const a = `Lương Văn Nhập ${suffix}`;
  const b = `Kiều Thị Nhập ${suffix}`;
  const file = await workbook([
    [a, "Nam", "12/03/1988", "Giáo viên", null, "Tổ CĐ Khối 1–2"],
    // A birthday typed as a bare serial number in a General cell (33848 = 01/09/1992).
    [b, "Nữ", 33848, "Giáo viên", null, "khoi 3"],
    [`Sai Ngày ${suffix}`, "Nữ", "30/02/1991"],
  ]);
  await page.goto(LIST);
  await page.getByRole("link", { name: "Nhập từ Excel" }).click();
  // The limit is said before the upload.
  await expect(page.getByLabel(/^Tệp Excel/)).toBeVisible();
  await expect(page.getByText("Tệp Excel (.xlsx, tối đa 10.000 dòng, 4 MB)")).toBeVisible();
  await page.getByLabel(/^Tệp Excel/).setInputFiles({ name: "nhap-thu.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: file });
  await page.getByRole("button", { name: "Nhập đoàn viên" }).click();
  await expect(page.getByRole("status")).toContainText("1 dòng chưa hợp lệ, 2 dòng hợp lệ. Chưa nhập dòng nào");
  const report = page.getByRole("table");
  await expect(report.getByRole("row")).toHaveCount(2);
  await expect(report.getByRole("row").nth(1)).toContainText("4");
  await expect(report.getByRole("row").nth(1)).toContainText("Ngày sinh");
  await expect(report.getByRole("row").nth(1)).toContainText("Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).");
  // The person's name and the value refused.
  await expect(report.getByRole("row").nth(1)).toContainText(`Sai Ngày ${suffix}`);
  await expect(report.getByRole("row").nth(1)).toContainText("30/02/1991");
  await page.getByLabel("Chỉ nhập các dòng hợp lệ").check();
  await page.getByRole("button", { name: "Nhập đoàn viên" }).click();
  await expect(page.getByRole("status")).toContainText("Đã nhập 2 đoàn viên. Bỏ qua 1 dòng chưa hợp lệ.");

  await page.goto(`${LIST}?q=${encodeURIComponent(`nhap ${suffix.toLowerCase()}`)}`);
  await expect(page.getByRole("table").getByRole("link", { name: a })).toBeVisible();
  await expect(page.getByRole("table").getByRole("link", { name: b })).toBeVisible();
  await page.getByRole("table").getByRole("link", { name: b }).click();
  await expect(page.getByLabel("Ngày sinh")).toHaveValue("01/09/1992");
});

test("tìm theo đầu từ: “Yến” không ra mọi “Nguyễn”, “hung” không ra “Nhung”", async ({ page, loginAs }) => {
  test.setTimeout(90_000);
  // Kim Đồng has Đặng Văn Hùng, Nguyễn Hữu Hùng and Lê Ngọc Nhung, and several Nguyễn but no Yến.
  await loginAs("chutich.kd@thidua.test");
  const KD = "/truong/sch_kd/doan-vien";
  const names = async () => (await page.getByRole("table").getByRole("link").allTextContents()).map((n) => n.trim());
  const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  await page.goto(`${KD}?q=hung`);
  await expect(page.getByRole("table").getByRole("link", { name: "Đặng Văn Hùng", exact: true })).toBeVisible();
  const hung = await names();
  expect(hung).toContain("Nguyễn Hữu Hùng");
  for (const n of hung) expect(fold(n).split(" ").some((w) => w.startsWith("hung")), n).toBe(true);
  expect(hung.some((n) => n.endsWith("Nhung"))).toBe(false);
  await page.goto(`${KD}?q=${encodeURIComponent("Yến")}`);
  await expect(page.getByText("Không có đoàn viên nào phù hợp")).toBeVisible();
});

test("đăng xuất ở lại trên địa chỉ người dùng đã vào (localhost, không sang 127.0.0.1)", async ({ page }) => {
  test.setTimeout(90_000);
  // The server's NEXTAUTH_URL is the 127.0.0.1 address (scripts/e2e.mjs); come on "localhost".
  const base = new URL(test.info().project.use.baseURL ?? "http://127.0.0.1:3100");
  const other = `http://localhost:${base.port || "3100"}`;
  await page.goto(`${other}/dang-nhap`);
  await page.getByLabel("Email", { exact: true }).fill("totruong.sta@thidua.test");
  await page.getByLabel("Mật khẩu", { exact: true }).fill("ThiDua@2025");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/dang-nhap"));
  expect(new URL(page.url()).host).toBe(new URL(other).host);
  await page.getByRole("button", { name: "Đăng xuất" }).filter({ visible: true }).first().click();
  await page.waitForURL((u) => u.pathname === "/dang-nhap");
  expect(new URL(page.url()).host).toBe(new URL(other).host);
  await expect(page.getByRole("heading", { name: "Đăng nhập" })).toBeVisible();
});

test("trên điện thoại: mỗi đoàn viên là một thẻ, không có tiêu đề bảng, không cuộn ngang", async ({ page, loginAs }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs("chutich.sta@thidua.test");
  await page.goto(LIST);
  await expect(page.getByRole("columnheader", { name: "Ngày sinh" })).toBeHidden();
  const link = page.getByRole("link", { name: /Nguyễn Thị Thanh Tâm/ });
  await expect(link).toBeVisible();
  // The card: name and status on one line, the position below it, inside the screen.
  const card = page.locator("tbody tr").filter({ has: link });
  const [box, name, status, position] = await Promise.all([
    card.boundingBox(),
    card.locator("td").nth(0).boundingBox(),
    card.locator("td").nth(5).boundingBox(),
    card.locator("td").nth(3).boundingBox(),
  ]);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  expect(Math.abs(status!.y - name!.y)).toBeLessThan(12);
  expect(position!.y).toBeGreaterThan(name!.y + name!.height - 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The whole card opens the member.
  await card.click({ position: { x: box!.width - 20, y: box!.height - 10 } });
  await expect(page).toHaveURL(new RegExp(`${LIST}/[^/?]+$`));
  await page.goto(`${LIST}?q=khong+co+ai+ten+nay`);
  await expect(page.getByText("Không có đoàn viên nào phù hợp")).toBeVisible();
});

test("tổ trưởng thấy tổ của mình; đoàn viên thấy hồ sơ của mình", async ({ page, loginAs }) => {
  test.setTimeout(90_000);
  await loginAs("totruong.sta@thidua.test");
  await page.goto(LIST);
  await expect(page.getByRole("link", { name: "Thêm đoàn viên" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Xuất Excel" })).toHaveCount(0);
  const groups = page.getByRole("table").getByRole("cell", { name: /^Tổ CĐ/ });
  await expect(groups.first()).toBeVisible();
  for (const g of await groups.allTextContents()) expect(g).toBe("Tổ CĐ Khối 1–2");

  await page.context().clearCookies();
  await loginAs("doanvien.sta@thidua.test");
  await page.goto("/ca-nhan");
  await expect(page.getByRole("heading", { level: 1, name: "Hồ sơ của tôi" })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByText("Lê Văn Tuấn", { exact: true }).first()).toBeVisible();
  await expect(main.getByText("Tổ CĐ Khối 1–2", { exact: true }).first()).toBeVisible();
  await expect(main.getByText("Trường Tiểu học Sơn Thủy A", { exact: true }).first()).toBeVisible();
  const res = await page.goto(LIST);
  expect(res?.status()).toBe(404);
});

test("chủ tịch trường khác: mọi đường dẫn của Sơn Thủy A đều là 404", async ({ page, loginAs }) => {
  test.setTimeout(90_000);
  await loginAs("chutich.kd@thidua.test");
  for (const path of [LIST, `${LIST}/mem_sta_doanvien`, `${LIST}/moi`, `${LIST}/nhap`, `/truong/sch_kd/doan-vien/mem_sta_doanvien`]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
  }
  for (const path of [`${LIST}/xuat`, `${LIST}/nhap/mau`]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
  }
  const own = await page.request.get("/truong/sch_kd/doan-vien/xuat");
  expect(own.status()).toBe(200);
  expect(own.headers()["content-disposition"]).toMatch(/^attachment; filename="doan-vien-ST-TH-KD-\d{8}\.xlsx"; filename\*=UTF-8''doan-vien-ST-TH-KD-\d{8}\.xlsx$/);
});
