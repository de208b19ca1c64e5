// The scoring journey in the browser, on the plain demo data (it creates what it needs): the chair
// builds a 100-point scale from the template and adopts it, launches a campaign and opens it; a
// member registers and self-assesses on a phone with evidence; the chair closes self-assessment;
// the group leader scores the group in the keyboard grid; a concurrent edit shows as a conflict;
// another school's chair gets a 404; the export opens with Vietnamese intact. Appeals, sealing
// the council stage and closing are covered end to end in tests/integration/scoring.int.test.ts.
import ExcelJS from "exceljs";
import type { Browser, Page } from "@playwright/test";
import { confirmDialog, DEMO_PASSWORD, expect as baseExpect, test } from "./fixtures";

// Server actions revalidate the page they come from; on a busy 2-core machine that takes seconds.
const expect = baseExpect.configure({ timeout: 30_000 });

const SCHOOL = "sch_sta";
const RUN = Date.now().toString(36).slice(-5);
const SCALE = `Biểu điểm e2e ${RUN}`;
const CAMPAIGN = `Thi đua e2e ${RUN}`;
const PERIOD = `Học kỳ I e2e ${RUN}`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

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

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

let periodUrl = "";

test("chủ tịch lập và thông qua biểu điểm 100 điểm / the chair builds and adopts a scale", async ({ browser }) => {
  const page = await signIn(browser, "chutich.sta@thidua.test");
  await page.goto(`/truong/${SCHOOL}/bieu-diem`);
  await page.getByLabel("Tên biểu điểm").fill(SCALE);
  await page.getByLabel("Bắt đầu từ").selectOption({ label: "Mẫu: Biểu điểm 100 điểm (7 nhóm, cộng ≤ 10, trừ theo lần)" });
  await page.getByRole("button", { name: "Tạo biểu điểm" }).click();
  await page.waitForURL(/\/bieu-diem\/[^/]+$/);
  await expect(page.getByText("Biểu điểm hợp lệ: tổng điểm tiêu chí 100")).toBeVisible();
  // Edit the draft: the live check refuses a group whose criteria do not add up, then it is fixed.
  await page.getByLabel("Điểm tối đa", { exact: true }).first().fill("6");
  await expect(page.getByText("Biểu điểm hợp lệ: tổng điểm tiêu chí 101")).toBeVisible();
  await page.getByLabel("Điểm tối đa", { exact: true }).first().fill("5");
  await page.getByRole("button", { name: "Lưu bản nháp" }).click();
  await expect(page.getByText("Đã lưu bản nháp biểu điểm.")).toBeVisible();
  await page.getByLabel("Ngày thông qua (dd/mm/yyyy)").fill("10/10/2025");
  await page.getByLabel("Số nghị quyết").fill("01/NQ-HNVC");
  await page.getByRole("button", { name: "Ghi nhận đã thông qua" }).click();
  await confirmDialog(page);
  await expect(page.getByText("Nội dung nguyên vẹn")).toBeVisible();
  await expect(page.getByRole("button", { name: "Lưu bản nháp" })).toHaveCount(0);
});

test("chủ tịch phát động phong trào, đoàn viên đăng ký / a campaign opens and a member registers", async ({ browser }) => {
  const chair = await signIn(browser, "chutich.sta@thidua.test");
  await chair.goto(`/truong/${SCHOOL}/phong-trao`);
  await chair.getByLabel("Tên phong trào / đợt thi đua").fill(CAMPAIGN);
  const option = chair.locator("#scaleId option", { hasText: SCALE }).first();
  await chair.getByLabel("Biểu điểm").selectOption((await option.getAttribute("value")) ?? "");
  await chair.getByRole("button", { name: "Tạo phong trào (bản nháp)" }).click();
  await chair.waitForURL(/\/phong-trao\/[^/]+$/);
  await chair.getByRole("button", { name: "Mở đăng ký" }).click();
  await confirmDialog(chair);
  await expect(chair.getByRole("heading", { level: 1 }).locator("..").getByText("Đang đăng ký")).toBeVisible();

  const member = await signIn(browser, "doanvien.sta@thidua.test", { width: 390, height: 844 });
  await member.goto("/ca-nhan/thi-dua");
  const card = member.locator("li", { hasText: CAMPAIGN }).first();
  await card.getByRole("button", { name: "Đăng ký Lao động tiên tiến" }).click();
  await expect(card.getByText("Đã đăng ký: Lao động tiên tiến")).toBeVisible();

  await chair.reload();
  await expect(chair.getByTestId("registrations").getByRole("row", { name: /Lê Văn Tuấn/ })).toContainText("Lao động tiên tiến");
  await chair.getByRole("button", { name: "Kết thúc đăng ký, chuyển sang chấm điểm" }).click();
  await confirmDialog(chair);
  await expect(chair.getByRole("heading", { level: 1 }).locator("..").getByText("Đang chấm điểm")).toBeVisible();
  await chair.getByLabel("Tên kỳ chấm").fill(PERIOD);
  const sv = chair.locator('select[name="scaleVersionId"] option', { hasText: SCALE }).first();
  await chair.locator('select[name="scaleVersionId"]').selectOption((await sv.getAttribute("value")) ?? "");
  await chair.getByLabel("Từ ngày (dd/mm/yyyy)").fill("05/09/2026");
  await chair.getByLabel("Đến ngày (dd/mm/yyyy)").fill("15/01/2027");
  await chair.getByRole("button", { name: "Tạo kỳ chấm điểm" }).click();
  await expect(chair.getByText("Đã tạo kỳ chấm điểm")).toBeVisible();
  await chair.getByRole("link", { name: PERIOD }).click();
  await chair.waitForURL(/\/cham-diem\/[^/]+$/);
  periodUrl = new URL(chair.url()).pathname;
});

test("đoàn viên tự chấm trên điện thoại, kèm minh chứng / self-assessment on a phone with evidence", async ({ browser }) => {
  const member = await signIn(browser, "doanvien.sta@thidua.test", { width: 390, height: 844 });
  await member.goto("/ca-nhan/thi-dua");
  await member.getByRole("link", { name: PERIOD }).click();
  await member.waitForURL(/\/ca-nhan\/thi-dua\/[^/]+$/);
  const inputs = member.locator('input[id^="c-"]');
  await expect(inputs.first()).toBeVisible();
  const n = await inputs.count();
  expect(n).toBe(18);
  for (let i = 0; i < n; i++) {
    const label = await member.locator(`label[for="${await inputs.nth(i).getAttribute("id")}"]`).textContent();
    await inputs.nth(i).fill(label?.includes("Kết quả học tập") ? "9" : label?.includes("Chất lượng giờ dạy") ? "10" : "5");
  }
  // Not entered is not zero: one empty criterion keeps the sheet incomplete.
  await member.locator("#c-pt_cong_doan").fill("");
  await expect(member.getByText("Chưa chấm đủ (1 tiêu chí)")).toBeVisible();
  await member.locator("#c-pt_cong_doan").fill("5");
  await expect(member.getByTestId("stage-total").first()).toHaveText("99");
  await member.locator('input[type="file"]').setInputFiles({ name: "Biên bản dự giờ.png", mimeType: "image/png", buffer: PNG });
  await member.getByRole("button", { name: "Tải lên minh chứng" }).click();
  await expect(member.getByRole("link", { name: "Biên bản dự giờ.png" })).toBeVisible();
  await member.getByRole("button", { name: "Lưu phiếu tự đánh giá" }).click();
  await expect(member.getByText("Đã lưu. Tổng điểm 99 – Xuất sắc.")).toBeVisible();
});

test("tổ trưởng chấm cả tổ bằng bàn phím; sửa cùng lúc thì báo xung đột / the leader's grid and a conflict", async ({ browser }) => {
  const chair = await signIn(browser, "chutich.sta@thidua.test");
  await chair.goto(periodUrl);
  await chair.getByRole("button", { name: "Kết thúc tự chấm, chuyển tổ chấm" }).click();
  await confirmDialog(chair);
  await expect(chair.getByRole("heading", { level: 1 }).locator("..").getByText("Tổ công đoàn chấm")).toBeVisible();

  const leader = await signIn(browser, "totruong.sta@thidua.test");
  await leader.goto(periodUrl);
  await leader.getByRole("link", { name: "Tổ CĐ Khối 1–2", exact: true }).click();
  await expect(leader.getByRole("table", { name: "Bảng điểm Tổ CĐ Khối 1–2" })).toBeVisible();
  await leader.getByRole("button", { name: "Lấy điểm tự chấm cho ô trống" }).click();
  const row = leader.getByRole("row", { name: /Lê Văn Tuấn/ });
  await expect(row.getByTestId("row-total")).toHaveText("99");
  // Keyboard: into "Kết quả học tập", type 8, Enter moves down, ArrowUp comes back.
  const cell = row.getByLabel("Lê Văn Tuấn – Kết quả học tập, rèn luyện của học sinh");
  await cell.focus();
  await leader.keyboard.type("8");
  await leader.keyboard.press("Enter");
  await leader.keyboard.press("ArrowUp");
  await expect(cell).toBeFocused();
  await leader.keyboard.press("ArrowRight");
  await expect(row.getByLabel("Lê Văn Tuấn – Đổi mới phương pháp, ứng dụng công nghệ thông tin")).toBeFocused();
  await expect(row.getByTestId("row-total")).toHaveText("98");
  // Out of range is shown before saving and refused.
  await cell.fill("11");
  await expect(cell).toHaveAttribute("aria-invalid", "true");
  await cell.fill("8");
  await leader.getByRole("button", { name: /Lưu cả bảng/ }).click();
  await expect(leader.getByText("Đã lưu 1 phiếu.")).toBeVisible();

  // Meanwhile the chair edits the same member in the per-member view…
  await chair.goto(periodUrl);
  await chair.getByRole("link", { name: "Lê Văn Tuấn" }).first().click();
  await chair.locator("#c-cl_doi_moi").fill("4");
  await chair.getByRole("button", { name: "Lưu điểm" }).click();
  await expect(chair.getByText(/Đã lưu\. Tổng điểm 97/)).toBeVisible();
  // …so the leader's next save of that row is a conflict, shown on the row, nothing overwritten.
  await cell.fill("7");
  await leader.getByRole("button", { name: /Lưu cả bảng/ }).click();
  await expect(row.getByText("Người khác vừa sửa phiếu này.")).toBeVisible();
  await chair.reload();
  await expect(chair.getByTestId("total-GROUP")).toHaveText("97");
});

test("trường khác không thấy; xuất Excel giữ tiếng Việt / another school gets 404; the export opens", async ({ browser }) => {
  const other = await signIn(browser, "chutich.kd@thidua.test");
  const res = await other.goto(periodUrl);
  expect(res?.status()).toBe(404);
  const dl = await other.request.get(`${periodUrl}/xuat-excel`);
  expect(dl.status()).toBe(404);

  const chair = await signIn(browser, "chutich.sta@thidua.test");
  const x = await chair.request.get(`${periodUrl}/xuat-excel`);
  expect(x.status()).toBe(200);
  expect(x.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(x.headers()["x-content-type-options"]).toBe("nosniff");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await x.body()) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet("Lê Văn Tuấn");
  expect(sheet).toBeTruthy();
  expect(sheet!.getRow(6).getCell(2).value).toBe("Nội dung tiêu chí");
  expect(wb.getWorksheet("Tổng hợp")!.getRow(2).getCell(1).value).toBe(`TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA – ${PERIOD}`);
});
