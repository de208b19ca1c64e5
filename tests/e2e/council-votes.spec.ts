// Issue 12 in the browser, on the demo data: the council records a secret ballot that lists each
// nominee (per nominee "agree" out of the valid ballots, the pass threshold judged per person); a
// refused tally keeps what was typed, with the reason beside the field; posting the list before the
// council met is refused beside the date; the posting period is counted in working days.
import type { Locator, Page } from "@playwright/test";
import { confirmDialog, expect as baseExpect, test } from "./fixtures";
import { addWorkingDays } from "../../lib/awards/rules-calendar";
import { formatIsoDay } from "../../lib/awards/facts";

const expect = baseExpect.configure({ timeout: 45_000 });
const SCHOOL = "sch_sta";
const YEAR = "sy_2025";
const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

function secretSheet(page: Page): Locator {
  return page.locator("form").filter({ has: page.getByRole("table", { name: "Phiếu bầu kín theo từng người" }) });
}

test("per-nominee secret ballot, a refused tally keeps its values, posting counted in working days", async ({ page, loginAs }) => {
  page.on("dialog", (d) => void d.accept());
  await loginAs("chutich.sta@thidua.test");
  await page.goto(`/truong/${SCHOOL}/hoi-dong?nam=${YEAR}`);
  // Missing demo data fails the journey (a skip would hide it).
  await expect(page.getByText("Chưa thành lập Hội đồng")).toHaveCount(0);

  // A package with every eligible LĐTT and CSTĐCS.
  await page.goto(`/truong/${SCHOOL}/de-nghi?nam=${YEAR}`);
  await page.getByRole("button", { name: "Lập hồ sơ đề nghị mới" }).click();
  await page.waitForURL(/\/de-nghi\/[a-z0-9]+$/);
  const packageUrl = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "Thêm tất cả người đủ điều kiện LĐTT" }).click();
  await expect(page.getByText("Đã thêm 25 người đủ điều kiện.")).toBeVisible();
  await page.getByRole("button", { name: "Thêm người đủ điều kiện CSTĐCS" }).click();
  await expect(page.getByText("Đã thêm 4 người đủ điều kiện.")).toBeVisible();

  // The council meets 12 days ago, all 7 members present.
  await page.goto(`/truong/${SCHOOL}/hoi-dong?nam=${YEAR}`);
  await page.getByLabel("Ngày họp").fill(iso(12));
  await page.getByRole("button", { name: "Khai mạc (kiểm tra túc số)" }).click();
  await page.waitForURL(/\/hoi-dong\/[a-z0-9]+$/);

  // The whole-list show of hands: a refused tally keeps what was typed.
  const list = page.locator("form").filter({ has: page.getByRole("button", { name: "Ghi kết quả biểu quyết" }) }).first();
  await list.getByLabel("Hợp lệ", { exact: true }).fill("6");
  await list.getByLabel("Đồng ý", { exact: true }).fill("7");
  await list.getByRole("button", { name: "Ghi kết quả biểu quyết" }).click();
  await expect(list.getByRole("alert")).toContainText("Số phiếu không khớp");
  await expect(list.getByLabel("Hợp lệ", { exact: true })).toHaveValue("6");
  await expect(list.getByLabel("Đồng ý", { exact: true })).toHaveValue("7");
  await list.getByLabel("Hợp lệ", { exact: true }).fill("7");
  await list.getByRole("button", { name: "Ghi kết quả biểu quyết" }).click();
  await expect(page.getByText("Đã ghi biểu quyết cho 25 người; 25 đạt.")).toBeVisible();

  // The secret ballot lists the 4 CSTĐCS nominees: one count per person.
  const sheet = secretSheet(page);
  const agree = sheet.getByLabel(/^Đồng ý – /);
  await expect(agree).toHaveCount(4);
  const names = (await sheet.locator("tbody tr td:first-child").allTextContents()).map((s) => s.trim());
  await sheet.getByLabel("Hợp lệ", { exact: true }).fill("6");
  for (let n = 0; n < 4; n++) await agree.nth(n).fill(n === 0 ? "7" : "6");
  await sheet.getByRole("button", { name: "Ghi kết quả phiếu bầu" }).click();
  // Refused: 7 agree of 6 valid for the first person; nothing recorded, every typed value kept.
  await expect(sheet.getByRole("alert")).toContainText("Phiếu không khớp, chưa ghi");
  // The message beside the field (FormMessage also keeps a hidden copy for errors that have no place).
  await expect(sheet.getByText("Số phiếu đồng ý (7) lớn hơn số phiếu hợp lệ (6)", { exact: true }).filter({ visible: true })).toBeVisible();
  await expect(sheet.getByLabel("Hợp lệ", { exact: true })).toHaveValue("6");
  await expect(agree.nth(0)).toHaveValue("7");
  await expect(agree.nth(3)).toHaveValue("6");
  // Corrected: the first person gets 4 of 7 present (57%, under 70%), the others 6 (86%).
  await agree.nth(0).fill("4");
  await sheet.getByRole("button", { name: "Ghi kết quả phiếu bầu" }).click();
  await expect(page.getByText("Đã ghi phiếu của 4 người; 3 đạt, 1 không đạt.")).toBeVisible();
  const recorded = page.locator("table").filter({ has: page.getByRole("columnheader", { name: "Kết quả" }) }).last();
  await expect(recorded.locator("tr").filter({ hasText: names[0] }).filter({ hasText: "phiếu kín" })).toContainText("Không đạt");
  await expect(recorded.locator("tr").filter({ hasText: names[1] }).filter({ hasText: "phiếu kín" })).toContainText("Đạt");
  await page.getByRole("button", { name: "Kết thúc phiên họp" }).click();
  await confirmDialog(page);
  await expect(page.getByText("Đã kết thúc – biên bản đã khóa")).toBeVisible();

  // Back on the package: the CSTĐCS who did not pass is withdrawn (3 left: within the 15% cap).
  await page.goto(packageUrl);
  const failed = page
    .locator("tbody tr")
    .filter({ has: page.locator("td:nth-child(1)", { hasText: names[0] }) })
    .filter({ has: page.locator("td:nth-child(2)", { hasText: /^Chiến sĩ thi đua cơ sở/ }) });
  await failed.getByRole("button", { name: "Rút" }).click();
  await confirmDialog(page);
  await expect(failed.getByText("Đã rút khỏi danh sách").first()).toBeVisible();

  // Posting before the council met is refused beside the date, which keeps what was typed.
  await page.getByLabel("Ngày niêm yết công khai").fill(iso(13));
  await page.getByRole("button", { name: "Công khai danh sách" }).click();
  await expect(page.locator("#postedOn-error")).toContainText("Ngày công khai không được trước ngày Hội đồng họp xét");
  await expect(page.getByLabel("Ngày niêm yết công khai")).toHaveValue(iso(13));

  // Posted today: the period runs 5 working days (weekends, holidays and Tết skipped).
  await page.getByLabel("Ngày niêm yết công khai").fill(iso(0));
  await page.getByRole("button", { name: "Công khai danh sách" }).click();
  await expect(page.getByText(`Công khai: từ ${formatIsoDay(iso(0))} (tối thiểu 5 ngày làm việc, hết ngày ${formatIsoDay(addWorkingDays(iso(0), 5))})`)).toBeVisible();
  await expect(page.getByText(/phải đủ 5 ngày làm việc/).first()).toBeVisible();
});
