// Scoring scales in Excel and printed scoring sheets, in the browser on the demo data: the chair
// exports last year's adopted scale (Vietnamese intact), imports it back as a new draft, sees the
// row of a broken file with the typed name kept, downloads the template; another school's chair
// gets 404s; the chair, a group leader and a member open the print view of the closed 2025–2026
// period, each seeing only the sheets they may read.
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 30_000 });

const SCHOOL = "sch_sta";
const SCALE = "scl_sta_2025";
const PERIOD = "per_sta_2025_nam";
const RUN = Date.now().toString(36).slice(-5);
const IMPORTED = `Biểu điểm nhập từ Excel e2e ${RUN}`;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function signIn(browser: Browser, email: string): Promise<Page> {
  const ctx = await browser.newContext({ acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto("/dang-nhap");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/dang-nhap"));
  return page;
}

async function workbook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

let exported: Buffer;

test("chủ tịch xuất biểu điểm ra Excel / the chair exports a scale", async ({ browser }) => {
  const page = await signIn(browser, "chutich.sta@thidua.test");
  await page.goto(`/truong/${SCHOOL}/bieu-diem/${SCALE}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Xuất Excel", exact: true }).click()]);
  expect(download.suggestedFilename()).toBe("Biểu điểm thi đua năm học 2025–2026 - phiên bản 1.xlsx");
  exported = readFileSync((await download.path())!);
  const wb = await workbook(exported);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Biểu điểm", "Khoản trừ", "Điểm cộng", "Không xếp loại", "Xếp loại", "Cách tính", "Hướng dẫn"]);
  const ws = wb.getWorksheet("Biểu điểm")!;
  expect(ws.getCell(2, 1).value).toBe("Biểu điểm thi đua năm học 2025–2026");
  expect(ws.getCell(3, 1).value).toBe("Trường Tiểu học Sơn Thủy A · Năm học 2025–2026 · Phiên bản 1 (thông qua ngày 05/10/2025, nghị quyết số 02/NQ-HNVC)");
  expect(ws.getCell(6, 2).value).toBe("Phẩm chất chính trị, đạo đức, lối sống");
  expect(ws.getCell(7, 2).value).toBe("Chấp hành chủ trương, chính sách, pháp luật");
  expect(wb.getWorksheet("Xếp loại")!.getCell(6, 2).value).toBe("Xuất sắc");

  // Another school's chair: the same URL is a 404, so is the template of this school.
  const other = await signIn(browser, "chutich.kd@thidua.test");
  expect((await other.request.get(`/truong/${SCHOOL}/bieu-diem/${SCALE}/xuat-excel`)).status()).toBe(404);
  expect((await other.request.get(`/truong/${SCHOOL}/bieu-diem/mau`)).status()).toBe(404);
  const template = await page.request.get(`/truong/${SCHOOL}/bieu-diem/mau`);
  expect(template.status()).toBe(200);
  expect(template.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect((await workbook(await template.body())).getWorksheet("Biểu điểm")!.getCell(2, 1).value).toBe("Biểu điểm thi đua (tệp mẫu)");
});

test("nhập lại thành bản nháp mới; tệp lỗi báo đúng dòng / imports it back as a draft; a broken file names its row", async ({ browser }) => {
  const page = await signIn(browser, "chutich.sta@thidua.test");
  await page.goto(`/truong/${SCHOOL}/bieu-diem`);
  const form = page.getByRole("form", { name: "Nhập biểu điểm từ Excel" });

  // A broken copy first: one criterion's maximum is a word.
  const wb = await workbook(exported);
  wb.getWorksheet("Biểu điểm")!.getCell(8, 3).value = "mười";
  const broken = Buffer.from(await wb.xlsx.writeBuffer());
  await form.getByLabel("Đặt tên cho biểu điểm").fill(IMPORTED);
  await form.getByLabel("Năm học áp dụng").selectOption({ label: "2026–2027" });
  await form.getByLabel(/Tệp Excel/).setInputFiles({ name: "bieu-diem-loi.xlsx", mimeType: XLSX, buffer: broken });
  await form.getByRole("button", { name: "Nhập biểu điểm" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "chưa tạo biểu điểm" });
  await expect(alert).toContainText("Tệp có 1 lỗi; chưa tạo biểu điểm.");
  await expect(alert.getByRole("listitem")).toHaveText(["Trang “Biểu điểm”, dòng 8, cột “Điểm tối đa”: “mười” không phải số điểm (ví dụ 7,5)."]);
  await expect(form.getByLabel("Đặt tên cho biểu điểm")).toHaveValue(IMPORTED);

  // The file as exported: a new draft opens in the builder, valid, 100 points.
  await form.getByLabel(/Tệp Excel/).setInputFiles({ name: "bieu-diem.xlsx", mimeType: XLSX, buffer: exported });
  await form.getByRole("button", { name: "Nhập biểu điểm" }).click();
  await page.waitForURL(/\/bieu-diem\/(?!scl_)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(IMPORTED);
  await expect(page.getByText("Phiên bản 1 – bản nháp")).toBeVisible();
  await expect(page.getByText("Biểu điểm hợp lệ: tổng điểm tiêu chí 100, cộng tối đa 10.")).toBeVisible();
  await page.goto(`/truong/${SCHOOL}/bieu-diem`);
  await expect(page.getByRole("link", { name: IMPORTED })).toBeVisible();
});

test("xem bản in phiếu chấm theo quyền / the print view for the chair, a group leader and a member", async ({ browser }) => {
  const chair = await signIn(browser, "chutich.sta@thidua.test");
  await chair.goto(`/truong/${SCHOOL}/cham-diem/${PERIOD}`);
  await chair.getByRole("link", { name: "In phiếu chấm" }).click();
  await chair.waitForURL(new RegExp(`/cham-diem/${PERIOD}/in$`));
  const sheets = chair.getByRole("article");
  await expect(sheets.first()).toBeVisible();
  const total = await sheets.count();
  expect(total).toBeGreaterThan(30);
  await expect(chair.getByRole("heading", { name: "PHIẾU ĐÁNH GIÁ, CHẤM ĐIỂM THI ĐUA" })).toHaveCount(total);
  const tuan = chair.getByRole("article", { name: "Phiếu chấm điểm: Lê Văn Tuấn" });
  await expect(tuan.getByText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toBeVisible();
  await expect(tuan.getByText("Công đoàn cơ sở Trường Tiểu học Sơn Thủy A")).toBeVisible();
  await expect(tuan.getByRole("columnheader")).toHaveText(["STT", "Nội dung tiêu chí", "Điểm tối đa", "Tự chấm", "Tổ chấm", "Hội đồng", "Giải trình"]);
  await expect(tuan.getByRole("row", { name: /TỔNG ĐIỂM/ })).toBeVisible();
  // Issue 11: each stage signed with its signer's title (and the council on behalf of its body).
  await expect(tuan.getByText("NGƯỜI TỰ ĐÁNH GIÁ")).toBeVisible();
  await expect(tuan.getByText("TM. HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG")).toBeVisible();

  // One member, on screen and as printed (navigation hidden): screenshots to look at.
  await chair.goto(`/truong/${SCHOOL}/cham-diem/${PERIOD}/in?phieu=sht_sta_2025_sta_doanvien`);
  await expect(chair.getByRole("article")).toHaveCount(1);
  await chair.screenshot({ path: "/tmp/scoring-print-screen.png", fullPage: true });
  await chair.emulateMedia({ media: "print" });
  await expect(chair.getByRole("link", { name: "Biểu điểm" })).toBeHidden();
  await expect(chair.getByRole("button", { name: "In" })).toBeHidden();
  await chair.screenshot({ path: "/tmp/scoring-print.png", fullPage: true });
  await chair.pdf({ path: "/tmp/scoring-print.pdf", format: "A4", printBackground: false });

  // The group leader: their own group only; another group's filter is a 404.
  const leader = await signIn(browser, "totruong.sta@thidua.test");
  await leader.goto(`/truong/${SCHOOL}/cham-diem/${PERIOD}/in`);
  await expect(leader.getByRole("article").first()).toBeVisible();
  const own = await leader.getByRole("article").count();
  expect(own).toBeGreaterThan(0);
  expect(own).toBeLessThan(total);
  await expect(leader.getByText("Tổ công đoàn: Tổ CĐ Khối 1–2")).toHaveCount(own);
  expect((await leader.goto(`/truong/${SCHOOL}/cham-diem/${PERIOD}/in?to=grp_sta_k3`))?.status()).toBe(404);

  // A member prints their own sheet from their page; another school's chair gets a 404.
  const member = await signIn(browser, "doanvien.sta@thidua.test");
  await member.goto("/ca-nhan/thi-dua/sht_sta_2025_sta_doanvien");
  await member.getByRole("link", { name: "In phiếu" }).click();
  await member.waitForURL(/\/ca-nhan\/thi-dua\/sht_sta_2025_sta_doanvien\/in$/);
  await expect(member.getByRole("article")).toHaveCount(1);
  await expect(member.getByRole("article")).toContainText("Họ và tên: Lê Văn Tuấn");
  const other = await signIn(browser, "chutich.kd@thidua.test");
  expect((await other.goto(`/truong/${SCHOOL}/cham-diem/${PERIOD}/in`))?.status()).toBe(404);
});
