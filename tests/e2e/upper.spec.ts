// Upper-unit staff: their schools (search, create with a duplicate code then a valid one,
// edit), the audit log showing the change, and another tenant's unit answering 404.
import { expect, test } from "./fixtures";

const ST = "/cap-tren/org_cdgd_sonthuy";
const SONTHUY_SCHOOLS = [
  "Trường Mầm non Hoa Mai",
  "Trường Tiểu học Sơn Thủy A",
  "Trường Tiểu học Kim Đồng",
  "Trường THCS Lê Quý Đôn",
  "Trường THCS Nguyễn Trãi",
];

test("cán bộ công đoàn cấp trên: xem, tìm, thêm, sửa trường và xem nhật ký", async ({ page, loginAs }) => {
  // Seven page loads with server actions; on a loaded 2-core machine that exceeds the default 30 s.
  test.setTimeout(120_000);
  // Unique per run so that a retry does not trip over its own school.
  const suffix = Date.now().toString(36).toUpperCase().slice(-5);
  const code = `ST-TH-HB${suffix}`;
  const name = `Trường Tiểu học Hòa Bình ${suffix}`;

  await loginAs("congdoan@thidua.test");
  await page.goto(ST);
  await expect(page.getByRole("heading", { level: 1, name: "Công đoàn Giáo dục huyện Sơn Thủy" })).toBeVisible();

  await page.goto(`${ST}/truong`);
  const table = page.getByRole("table");
  for (const s of SONTHUY_SCHOOLS) await expect(table.getByRole("link", { name: s, exact: true })).toBeVisible();
  await expect(page.getByText("Trường Tiểu học Bắc Sơn")).toHaveCount(0);

  // Search ignores diacritics and case.
  await page.getByLabel("Tìm theo tên hoặc mã trường").fill("kim dong");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await expect(page).toHaveURL(/q=kim\+dong/);
  await expect(table.getByRole("link", { name: "Trường Tiểu học Kim Đồng", exact: true })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2); // header + one school

  // A duplicate code: the error sits beside the field and what was typed stays.
  await page.goto(`${ST}/truong`);
  await page.getByRole("link", { name: "Thêm trường" }).click();
  await expect(page).toHaveURL(`${ST}/truong/moi`);
  await page.getByLabel("Mã trường").fill("st-th-kd");
  await page.getByLabel("Tên trường").fill(name);
  await page.getByLabel("Cấp học").selectOption({ label: "Tiểu học" });
  await page.getByLabel("Địa chỉ").fill("Thôn Hòa Bình, xã Sơn Thủy");
  await page.getByRole("button", { name: "Thêm trường" }).click();
  await expect(page.locator("#code-error")).toHaveText("Mã trường đã tồn tại.");
  await expect(page.getByLabel("Mã trường")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Tên trường")).toHaveValue(name);
  await expect(page.getByLabel("Cấp học")).toHaveValue("TIEU_HOC");
  await expect(page.getByLabel("Địa chỉ")).toHaveValue("Thôn Hòa Bình, xã Sơn Thủy");

  // Then a valid one.
  await page.getByLabel("Mã trường").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Thêm trường" }).click();
  await expect(page).toHaveURL(new RegExp(`${ST}/truong\\?da-luu=${code}$`));
  await expect(page.getByRole("status")).toContainText(`Đã lưu trường có mã ${code}`);
  await expect(table.getByRole("link", { name, exact: true })).toBeVisible();

  // Edit it.
  await page.getByRole("link", { name: `Sửa ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sửa thông tin trường" })).toBeVisible();
  await expect(page.getByLabel("Mã trường")).toHaveValue(code);
  await expect(page.getByLabel("Tên công đoàn cơ sở")).toHaveValue(`Công đoàn cơ sở ${name}`);
  await page.getByLabel("Cấp học").selectOption({ label: "Liên cấp" });
  await page.getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page).toHaveURL(new RegExp(`${ST}/truong\\?da-luu=${code}$`));
  await expect(table.getByRole("row", { name: new RegExp(name) })).toContainText("Liên cấp");

  // The audit log shows both changes, newest first, with the actor's name.
  await page.goto(`${ST}/nhat-ky`);
  await expect(page.getByText("Chuỗi nhật ký toàn vẹn")).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  const created = rows.filter({ hasText: "Thêm trường" }).filter({ hasText: name });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText("Phạm Quang Vinh");
  const edited = rows.filter({ hasText: "Sửa thông tin trường" }).filter({ hasText: name }).first();
  await expect(edited).toContainText("Tiểu học");
  await expect(edited).toContainText("Liên cấp");
  await page.getByLabel("Đối tượng", { exact: true }).selectOption({ label: "Trường" });
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/loai=School/);
  await expect(created).toHaveCount(1);
});

test("cán bộ Bắc Sơn mở trang của Sơn Thủy: 404 tiếng Việt", async ({ page, loginAs }) => {
  await loginAs("congdoan.bs@thidua.test");
  for (const path of [ST, `${ST}/truong`, `${ST}/nhat-ky`, `${ST}/nguoi-dung`, `${ST}/truong/sch_kd/sua`, "/cap-tren/org_cdgd_bacson/truong/sch_kd/sua"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Không tìm thấy trang" })).toBeVisible();
    await expect(page.getByText("Kim Đồng")).toHaveCount(0);
  }
  await page.goto("/cap-tren/org_cdgd_bacson/truong");
  await expect(page.getByRole("table").getByRole("link")).toHaveText(["Trường Tiểu học Bắc Sơn", "Sửa"]);
});

test("người giữ vai trò của đơn vị", async ({ page, loginAs }) => {
  await loginAs("congdoan@thidua.test");
  await page.goto(`${ST}/nguoi-dung`);
  const table = page.getByRole("table");
  await expect(table).toContainText("Nguyễn Thị Thanh Tâm");
  await expect(table).toContainText("Chủ tịch công đoàn");
  await expect(table).toContainText("Tổ CĐ Khối 1–2");
  await expect(table).toContainText("01/01/2020");
  await expect(table).not.toContainText("Vũ Thị Hồng Nhung");
});

test("chủ tịch công đoàn xem nhật ký trường mình, không xem được trường khác", async ({ page, loginAs }) => {
  await loginAs("chutich.kd@thidua.test");
  const own = await page.goto("/truong/sch_kd/nhat-ky");
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Nhật ký thay đổi" })).toBeVisible();
  await expect(page.getByText("Chuỗi nhật ký")).toHaveCount(0);
  const other = await page.goto("/truong/sch_sta/nhat-ky");
  expect(other?.status()).toBe(404);
  const unit = await page.goto(`${ST}/nhat-ky`);
  expect(unit?.status()).toBe(404);
});
