// The coordination plan and joint meetings, in the browser: the principal drafts from the
// template, the union chair comments and signs, the principal signs, amends; a monthly meeting
// gets minutes and a task; both print as PDF; members read, another school gets 404, the
// upper unit sees all five schools.
import type { Locator, Page } from "@playwright/test";
import { confirmDialog, expect, test } from "./fixtures";

const PRINCIPAL = "hieutruong.sta@thidua.test";
const CHAIR = "chutich.sta@thidua.test";
const MEMBER = "doanvien.sta@thidua.test";
const KD_PRINCIPAL = "hieutruong.kd@thidua.test";
const UPPER = "congdoan@thidua.test";

let planUrl = "";
let amendmentUrl = "";
let meetingUrl = "";

test.describe.configure({ mode: "serial", timeout: 90_000 });

/** A Card (a <section> with an h2) by its title. */
function card(page: Page, title: string): Locator {
  return page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });
}

async function expectPdf(page: Page, url: string) {
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="[ -~]+\.pdf"; filename\*=UTF-8''.+\.pdf$/);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await res.body()).subarray(0, 5).toString()).toBe("%PDF-");
}

test("the principal drafts the plan from the template and edits a section", async ({ page, loginAs }) => {
  await loginAs(PRINCIPAL);
  await page.goto("/truong/sch_sta/ke-hoach");
  await expect(page.getByRole("heading", { name: "Kế hoạch phối hợp", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Lập kế hoạch" }).click();
  await page.waitForURL(/\/truong\/sch_sta\/ke-hoach\/[A-Za-z0-9_-]+$/);
  planUrl = new URL(page.url()).pathname;
  await expect(page.getByText("Dự thảo", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Ngày Nhà giáo Việt Nam 20/11", { exact: false }).first()).toBeAttached();

  const work = card(page, "Nội dung phối hợp");
  const body = work.getByLabel("Nội dung", { exact: true });
  await body.fill(`${await body.inputValue()}\n- Phối hợp tổ chức Hội thi "Giáo viên dạy giỏi" cấp trường.`);
  await work.getByRole("button", { name: "Lưu mục" }).click();
  await expect(work.getByText("Đã lưu mục.")).toBeVisible();

  // A second tab still showing the old version: its save is refused, nothing overwritten.
  const other = await page.context().newPage();
  await other.goto(planUrl);
  const duties = card(other, "Trách nhiệm của mỗi bên");
  const mine = card(page, "Trách nhiệm của mỗi bên");
  await mine.getByLabel("Nội dung", { exact: true }).fill("1. Trách nhiệm của Hiệu trưởng\n- Bản của tab thứ nhất.");
  await mine.getByRole("button", { name: "Lưu mục" }).click();
  await expect(mine.getByText("Đã lưu mục.")).toBeVisible();
  await duties.getByLabel("Nội dung", { exact: true }).fill("Bản của tab thứ hai.");
  await duties.getByRole("button", { name: "Lưu mục" }).click();
  await expect(duties.getByText("Dữ liệu đã được người khác thay đổi")).toBeVisible();
  await other.close();
});

test("the union chair comments on a section, cannot edit, then the principal sends it for signing", async ({ page, loginAs, browser }) => {
  await loginAs(CHAIR);
  await page.goto(planUrl);
  await expect(page.getByRole("button", { name: "Lưu mục" })).toHaveCount(0);
  const duties = card(page, "Trách nhiệm của mỗi bên");
  await duties.getByLabel('Góp ý cho mục "Trách nhiệm của mỗi bên"').fill("Đề nghị bổ sung trách nhiệm phối hợp tổ chức Hội nghị viên chức.");
  await duties.getByRole("button", { name: "Gửi góp ý" }).click();
  await expect(duties.getByText("Đề nghị bổ sung trách nhiệm phối hợp tổ chức Hội nghị viên chức.")).toBeVisible();

  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.goto("/dang-nhap");
  await p.getByLabel("Email", { exact: true }).fill(PRINCIPAL);
  await p.getByLabel("Mật khẩu", { exact: true }).fill("ThiDua@2025");
  await p.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await p.waitForURL((u) => !u.pathname.startsWith("/dang-nhap"));
  await p.goto(planUrl);
  await expect(card(p, "Trách nhiệm của mỗi bên").getByText("Đề nghị bổ sung trách nhiệm")).toBeVisible();
  p.once("dialog", (d) => d.accept());
  await p.getByRole("button", { name: "Trình ký" }).click();
  await confirmDialog(p);
  // The buttons follow the new state: the draft is locked for signing.
  await expect(p.getByRole("button", { name: "Rút về dự thảo" })).toBeVisible();
  await expect(p.getByText("Trình ký", { exact: true }).first()).toBeVisible();
  await expect(p.getByRole("button", { name: "Lưu mục" })).toHaveCount(0);
  await ctx.close();
});

test("the chair signs for the union BCH", async ({ page, loginAs }) => {
  await loginAs(CHAIR);
  await page.goto(planUrl);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Ký (công đoàn)" }).click();
  await confirmDialog(page);
  await expect(page.getByText("Trình ký – công đoàn đã ký", { exact: true })).toBeVisible();
  await expect(page.getByText(/Đã ký lúc/)).toHaveCount(1);
});

test("the principal signs for the school; the plan is signed and prints", async ({ page, loginAs }) => {
  await loginAs(PRINCIPAL);
  await page.goto(planUrl);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Ký (nhà trường)" }).click();
  await confirmDialog(page);
  await expect(page.getByText("Đã ký kết", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/Đã ký lúc/)).toHaveCount(2);
  await expectPdf(page, `${planUrl}/pdf`);
  await page.goto(`${planUrl}/in`);
  await expect(page.getByText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toBeVisible();
  await expect(page.getByText("TM. BCH CÔNG ĐOÀN")).toBeVisible();
});

test("the principal amends the signed plan; the change shows between versions", async ({ page, loginAs }) => {
  await loginAs(PRINCIPAL);
  await page.goto(planUrl);
  await page.getByRole("button", { name: "Lập bản sửa đổi" }).click();
  await page.getByLabel("Lý do sửa đổi, bổ sung").fill("Bổ sung hoạt động chào mừng Ngày thành lập Đoàn 26/3.");
  await page.getByRole("button", { name: "Tạo bản sửa đổi" }).click();
  await page.waitForURL((u) => u.pathname !== planUrl && /\/ke-hoach\/[A-Za-z0-9_-]+$/.test(u.pathname));
  amendmentUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toContainText("sửa đổi lần 1");
  const work = card(page, "Nội dung phối hợp");
  const body = work.getByLabel("Nội dung", { exact: true });
  await body.fill(`${await body.inputValue()}\n- Phối hợp tổ chức hoạt động chào mừng Ngày thành lập Đoàn 26/3.`);
  await work.getByRole("button", { name: "Lưu mục" }).click();
  await expect(work.getByText("Đã lưu mục.")).toBeVisible();
  await page.getByRole("link", { name: "xem thay đổi so với bản 1" }).click();
  await expect(page.getByRole("heading", { name: "Thay đổi từ bản 1 sang bản 2" })).toBeVisible();
  await expect(page.getByText("+ - Phối hợp tổ chức hoạt động chào mừng Ngày thành lập Đoàn 26/3.")).toBeVisible();
  // The signed version is still there, unchanged.
  await page.goto(planUrl);
  await expect(page.getByText("Đã ký kết", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Kế hoạch này đã có")).toBeVisible();
});

test("a monthly joint meeting gets minutes and a task, is closed and prints", async ({ page, loginAs }) => {
  await loginAs(CHAIR);
  await page.goto("/truong/sch_sta/hop-lien-tich");
  await page.getByRole("button", { name: "Lập lịch họp định kỳ cả năm" }).click();
  await expect(page.getByText(/Đã lập 9 cuộc họp định kỳ\./)).toBeVisible();
  await page.getByRole("link", { name: /^Họp liên tịch tháng 9\// }).click();
  await page.waitForURL(/\/hop-lien-tich\/[A-Za-z0-9_-]+$/);
  meetingUrl = new URL(page.url()).pathname;
  const minutes = card(page, "Biên bản");
  await minutes.getByLabel("Số biên bản").fill("01/BB-LT");
  await minutes.getByLabel("Bí thư Chi bộ").fill("Hoàng Văn Minh");
  await minutes.getByLabel("Nội dung cuộc họp").fill("1. Triển khai nhiệm vụ tháng 9.\n2. Chuẩn bị Hội nghị viên chức, người lao động.");
  await minutes.getByLabel("Kết luận").fill("Thống nhất tổ chức Hội nghị viên chức, người lao động vào cuối tháng 9.");
  await minutes.getByRole("button", { name: "Lưu biên bản" }).click();
  await expect(minutes.getByText("Đã lưu biên bản.")).toBeVisible();

  const tasks = card(page, "Nhiệm vụ được giao tại cuộc họp");
  await tasks.getByLabel("Nhiệm vụ", { exact: true }).fill("Chuẩn bị báo cáo Hội nghị viên chức");
  await tasks.getByLabel("Người thực hiện", { exact: true }).fill("Nguyễn Thị Thanh Tâm");
  await tasks.getByLabel("Hạn hoàn thành").fill("2026-09-25");
  await tasks.getByRole("button", { name: "Giao nhiệm vụ" }).click();
  await expect(tasks.getByText("Đã giao nhiệm vụ.")).toBeVisible();
  await expect(tasks.getByRole("cell", { name: "Chuẩn bị báo cáo Hội nghị viên chức" })).toBeVisible();

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Chốt biên bản" }).click();
  await confirmDialog(page);
  await expect(page.getByText("Đã chốt biên bản", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Lưu biên bản" })).toHaveCount(0);
  await expectPdf(page, `${meetingUrl}/pdf`);

  // Overdue tasks are listed for both sides.
  await page.goto("/truong/sch_sta/hop-lien-tich");
  await expect(page.getByRole("heading", { name: "Nhiệm vụ quá hạn (1)" })).toBeVisible();
});

test("the principal sees the overdue task and follows it up at the next meeting", async ({ page, loginAs }) => {
  await loginAs(PRINCIPAL);
  await page.goto("/truong/sch_sta/hop-lien-tich");
  await expect(page.getByRole("heading", { name: "Nhiệm vụ quá hạn (1)" })).toBeVisible();
  await page.getByRole("link", { name: /^Họp liên tịch tháng 10\// }).click();
  const review = card(page, "Kiểm điểm nhiệm vụ các cuộc họp trước");
  await review.getByLabel("Kết quả", { exact: true }).selectOption("DONE");
  await review.getByLabel("Ghi chú kết quả").fill("Đã hoàn thành, trình Hội nghị.");
  await review.getByRole("button", { name: "Ghi kết quả" }).click();
  await expect(review.getByText("Đã ghi kết quả thực hiện.")).toBeVisible();
  await page.goto("/truong/sch_sta/hop-lien-tich");
  await expect(page.getByRole("heading", { name: /Nhiệm vụ quá hạn/ })).toHaveCount(0);
});

test("a member reads the signed plan and the closed minutes, not the draft amendment", async ({ page, loginAs }) => {
  await loginAs(MEMBER);
  await page.goto(planUrl);
  await expect(page.getByText("Đã ký kết", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: /Ký|Trình ký|Lưu/ })).toHaveCount(0);
  expect((await page.goto(amendmentUrl))?.status()).toBe(404);
  await page.goto(meetingUrl);
  await expect(page.getByText("Thống nhất tổ chức Hội nghị viên chức")).toBeVisible();
  await expectPdf(page, `${planUrl}/pdf`);
});

test("another school's principal gets 404 for the plan, its PDF and the minutes", async ({ page, loginAs }) => {
  await loginAs(KD_PRINCIPAL);
  expect((await page.goto(planUrl))?.status()).toBe(404);
  expect((await page.request.get(`${planUrl}/pdf`)).status()).toBe(404);
  expect((await page.goto(meetingUrl))?.status()).toBe(404);
  expect((await page.goto(planUrl.replace("sch_sta", "sch_kd")))?.status()).toBe(404);
});

test("the upper unit sees the plan status of all five schools and can open one", async ({ page, loginAs }) => {
  await loginAs(UPPER);
  await page.goto("/cap-tren/org_cdgd_sonthuy/ke-hoach");
  const schools = card(page, "Các trường (5)");
  await expect(schools.locator("tbody tr")).toHaveCount(5);
  const sta = schools.getByRole("row", { name: /Trường Tiểu học Sơn Thủy A/ });
  await expect(sta.getByText("Đã ký kết")).toBeVisible();
  // Nguyễn Trãi: no journey drafts a plan there (plans-calendar.spec.ts uses Kim Đồng in the same run).
  await expect(schools.getByRole("row", { name: /Trường THCS Nguyễn Trãi/ }).getByText("Chưa có")).toBeVisible();
  await sta.getByRole("link", { name: /Xem/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kế hoạch phối hợp năm học");
});
