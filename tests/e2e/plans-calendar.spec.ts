// Issue 11 in the browser (Kim Đồng, so the Sơn Thủy A journeys of plans.spec.ts are untouched): the
// amendment moves the monthly meeting to the 10th and the text follows; once it is signed the first
// version says by which version and when it was replaced, on its page, print view and PDF; the
// generated meeting calendar skips the Tết break (no meeting on 10/02/2027).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { confirmDialog, expect, test } from "./fixtures";

const PRINCIPAL = "hieutruong.kd@thidua.test";
const CHAIR = "chutich.kd@thidua.test";

let v1 = "";
let v2 = "";

test.describe.configure({ mode: "serial", timeout: 120_000 });

function card(page: Page, title: string): Locator {
  return page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });
}

async function act(page: Page, name: string) {
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name, exact: true }).click();
  await confirmDialog(page);
}

/** "dd/mm/yyyy" of today in Vietnam. */
function todayVn(): string {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date()).split("-");
  return `${d}/${m}/${y}`;
}

test("version 1: drafted, sent, signed by both sides with the meeting on the 5th", async ({ page, loginAs }) => {
  await loginAs(PRINCIPAL);
  await page.goto("/truong/sch_kd/ke-hoach");
  await page.getByRole("button", { name: "Lập kế hoạch" }).click();
  await page.waitForURL(/\/truong\/sch_kd\/ke-hoach\/[A-Za-z0-9_-]+$/);
  v1 = new URL(page.url()).pathname;
  await expect(card(page, "Chế độ họp và thông tin").getByLabel("Nội dung", { exact: true })).toHaveValue(/ngày 05 hằng tháng/);
  await act(page, "Trình ký");
  await expect(page.getByRole("button", { name: "Rút về dự thảo" })).toBeVisible();
  await act(page, "Ký (nhà trường)");
  await expect(page.getByText("Trình ký – nhà trường đã ký", { exact: true })).toBeVisible();

  await page.context().clearCookies();
  await loginAs(CHAIR);
  // The chair's bell: the plan waits for their signature.
  await page.goto("/");
  await expect(page.getByText(/Kế hoạch phối hợp chờ bạn ký|đã ký kế hoạch phối hợp năm học .*: kế hoạch chờ bạn ký/).first()).toBeAttached();
  await page.goto(v1);
  await act(page, "Ký (công đoàn)");
  await expect(page.getByText("Đã ký kết", { exact: true }).first()).toBeVisible();
});

test("the amendment keeps the number, moves the meeting to the 10th and its text follows; both sides sign it", async ({ page, loginAs }) => {
  await loginAs(PRINCIPAL);
  await page.goto(v1);
  await page.getByRole("button", { name: "Lập bản sửa đổi" }).click();
  await page.getByLabel("Lý do sửa đổi, bổ sung").fill("Chuyển ngày họp liên tịch định kỳ sang ngày 10 hằng tháng.");
  await page.getByRole("button", { name: "Tạo bản sửa đổi" }).click();
  await page.waitForURL((u) => u.pathname !== v1 && /\/ke-hoach\/[A-Za-z0-9_-]+$/.test(u.pathname));
  v2 = new URL(page.url()).pathname;
  const head = card(page, "Phần đầu văn bản");
  await expect(head.getByLabel("Số, ký hiệu")).toHaveValue("01/KHPH-NT-CĐ");
  await head.getByLabel("Ngày họp liên tịch hằng tháng").fill("10");
  await head.getByRole("button", { name: "Lưu phần đầu văn bản" }).click();
  await expect(card(page, "Chế độ họp và thông tin").getByLabel("Nội dung", { exact: true })).toHaveValue(/Họp liên tịch định kỳ vào ngày 10 hằng tháng/);
  await act(page, "Trình ký");
  await act(page, "Ký (nhà trường)");
  await expect(page.getByText("Trình ký – nhà trường đã ký", { exact: true }).first()).toBeVisible();

  await page.context().clearCookies();
  await loginAs(CHAIR);
  await page.goto(v2);
  await act(page, "Ký (công đoàn)");
  await expect(page.getByText("Đã ký kết", { exact: true }).first()).toBeVisible();
  await expect(card(page, "Chế độ họp và thông tin").getByText(/Họp liên tịch định kỳ vào ngày 10 hằng tháng/)).toBeVisible();
  await expect(card(page, "Chế độ họp và thông tin").getByText(/ngày 05 hằng tháng/)).toHaveCount(0);
});

test("version 1 says it was replaced, by version 2 and when – on its page, the print view and the PDF", async ({ page, loginAs }) => {
  const note = `Đã được thay thế bởi phiên bản 2 ngày ${todayVn()}`;
  await loginAs(PRINCIPAL);
  await page.goto(v1);
  await expect(page.getByText(note, { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Đã ký kết", { exact: true })).toHaveCount(1); // version 2's line in "Các phiên bản"
  await page.goto(`${v1}/in`);
  await expect(page.getByText(note, { exact: false }).first()).toBeVisible();

  const res = await page.request.get(`${v1}/pdf`);
  expect(res.status()).toBe(200);
  const dir = mkdtempSync(path.join(tmpdir(), "thidua-plan-"));
  try {
    const file = path.join(dir, "v1.pdf");
    writeFileSync(file, await res.body());
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("ĐÃ ĐƯỢC THAY THẾ");
    expect(text).toContain(note);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the generated meeting calendar skips the Tết break: no meeting on 10/02/2027", async ({ page, loginAs }) => {
  await loginAs(PRINCIPAL);
  await page.goto("/truong/sch_kd/hop-lien-tich");
  await page.getByRole("button", { name: "Lập lịch họp định kỳ cả năm" }).click();
  await expect(page.getByText(/Đã lập 9 cuộc họp định kỳ\./)).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: /^Họp liên tịch tháng 2\/2027/ }) });
  await expect(row).toContainText("12/02/2027");
  await expect(page.getByText("10/02/2027", { exact: true })).toHaveCount(0);
  await expect(page.getByText("10/09/2026", { exact: true })).toBeVisible();
});
