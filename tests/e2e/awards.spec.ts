// Issue 5's "done when", in the browser, on the demo data (seedDemo + seedAwardsDemo): the
// school's council votes on its candidates; a 16% CSTĐCS package is refused with the reason; the
// chair posts and submits; the upper unit returns one nominee with a comment; the school fixes
// and resubmits; the upper unit approves and issues a decision; the awards appear in the
// registries. Another school's chair gets a 404 for the package.
import type { Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";

// The machine is shared and slow: server actions that evaluate a whole school take seconds.
const expect = baseExpect.configure({ timeout: 45_000 });

const SCHOOL = "sch_sta";
const UNIT = "org_cdgd_sonthuy";
const YEAR = "sy_2025";
const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

/** The row of one nominee for one title (the title column starts with it). */
function nominee(page: Page, name: string, title: string) {
  return page
    .locator("tbody tr")
    .filter({ has: page.locator("td:nth-child(1)", { hasText: name }) })
    .filter({ has: page.locator("td:nth-child(2)", { hasText: new RegExp(`^${title}`) }) });
}

async function acceptDialogs(page: Page) {
  page.on("dialog", (d) => void d.accept());
}

let packageUrl = "";

test("the chair builds the package; the council votes; 16% CSTĐCS is refused; the chair posts and submits", async ({ page, loginAs }) => {
  await acceptDialogs(page);
  await loginAs("chutich.sta@thidua.test");
  await page.goto(`/truong/${SCHOOL}/hoi-dong?nam=${YEAR}`);
  // Missing demo data fails the journey (it is never silently skipped).
  await expect(page.getByText("Chưa thành lập Hội đồng"), "awards demo data (seedAwardsDemo) must be loaded").toHaveCount(0);

  await page.goto(`/truong/${SCHOOL}/de-nghi?nam=${YEAR}`);
  await page.getByRole("button", { name: "Lập hồ sơ đề nghị mới" }).click();
  await page.waitForURL(/\/de-nghi\/[a-z0-9]+$/);
  packageUrl = new URL(page.url()).pathname;
  await page.getByRole("button", { name: "Thêm tất cả người đủ điều kiện LĐTT" }).click();
  await expect(page.getByText("Đã thêm 25 người đủ điều kiện.")).toBeVisible();
  await page.getByRole("button", { name: "Thêm người đủ điều kiện CSTĐCS" }).click();
  await expect(page.getByText("Đã thêm 4 người đủ điều kiện.")).toBeVisible();
  await expect(page.getByText("Đề nghị 4 CSTĐCS trên 25 LĐTT (16%) vượt hạn mức 15%: tối đa 3 (làm tròn xuống)").first()).toBeVisible();

  // The council meets (10 days ago), votes the list and the secret ballots, closes the minutes.
  await page.goto(`/truong/${SCHOOL}/hoi-dong?nam=${YEAR}`);
  await page.getByLabel("Ngày họp").fill(iso(10));
  await page.getByRole("button", { name: "Khai mạc (kiểm tra túc số)" }).click();
  await page.waitForURL(/\/hoi-dong\/[a-z0-9]+$/);
  await page.getByRole("button", { name: "Ghi kết quả biểu quyết" }).click();
  await expect(page.getByText("Đã ghi biểu quyết cho 25 người; 25 đạt.")).toBeVisible();
  for (let n = 0; n < 4; n++) {
    await page.getByRole("button", { name: "Ghi kết quả kiểm phiếu" }).first().click();
    await expect(page.getByRole("button", { name: "Ghi lại" })).toHaveCount(n + 1);
  }
  await page.getByRole("button", { name: "Kết thúc phiên họp" }).click();
  await expect(page.getByText("Đã kết thúc – biên bản đã khóa")).toBeVisible();
  const minutes = await page.request.get(`${new URL(page.url()).pathname}/bien-ban`);
  expect(minutes.headers()["content-type"]).toBe("application/pdf");

  // Posting is refused for the cap; withdraw one CSTĐCS, then post (8 days ago).
  await page.goto(packageUrl);
  await page.getByLabel("Ngày niêm yết công khai").fill(iso(8));
  await page.getByRole("button", { name: "Công khai danh sách" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "vượt hạn mức 15%: tối đa 3" })).toBeVisible();
  const huong = nominee(page, "Trần Thị Thanh Hương", "Chiến sĩ thi đua cơ sở");
  await huong.getByRole("button", { name: "Rút" }).click();
  await expect(huong.getByText("Đã rút khỏi danh sách").first()).toBeVisible();
  await page.getByLabel("Ngày niêm yết công khai").fill(iso(8));
  await page.getByRole("button", { name: "Công khai danh sách" }).click();
  await expect(page.getByText(/Công khai: từ/)).toBeVisible();

  // Evidence for each CSTĐCS nominee, then submit.
  const cstdcs = page.locator("tbody tr").filter({ has: page.locator("td:nth-child(2)", { hasText: /^Chiến sĩ thi đua cơ sở/ }) }).filter({ hasText: "Đang công khai" });
  await expect(cstdcs).toHaveCount(3);
  for (let n = 0; n < 3; n++) {
    const row = cstdcs.nth(n);
    await row.getByText(/Hồ sơ cá nhân/).click();
    await row.getByLabel("Tên tài liệu").fill("Biên bản đánh giá hiệu quả áp dụng sáng kiến");
    await row.getByRole("button", { name: "Bổ sung tài liệu" }).click();
    await expect(row.getByText("Đã bổ sung tài liệu.")).toBeVisible();
  }
  await page.reload();
  await expect(page.getByText("Đủ điều kiện gửi.")).toBeVisible();
  await page.getByRole("button", { name: "Gửi cấp trên" }).click();
  await expect(page.getByText("Đã gửi, chờ duyệt").first()).toBeVisible();
});

test("another school's chair gets a 404 for the package", async ({ page, loginAs }) => {
  expect(packageUrl, "made by the journey above (no package means it failed)").not.toBe("");
  await loginAs("chutich.kd@thidua.test");
  const res = await page.goto(packageUrl);
  expect(res?.status()).toBe(404);
});

test("the upper unit returns one nominee; the school fixes and resubmits; approve; decision; registries", async ({ page, loginAs }) => {
  expect(packageUrl, "made by the journey above (no package means it failed)").not.toBe("");
  await acceptDialogs(page);
  const packageId = packageUrl.split("/").pop()!;
  await loginAs("congdoan@thidua.test");
  await page.goto(`/cap-tren/${UNIT}/duyet?nam=${YEAR}`);
  await expect(page.getByText("Lượt đề nghị chờ duyệt")).toBeVisible();
  await page.locator(`a[href$="/duyet/${packageId}"]`).click();
  const linh = nominee(page, "Trần Thị Mỹ Linh", "Chiến sĩ thi đua cơ sở");
  await linh.getByText("Xét duyệt").click();
  await linh.getByLabel("Ý kiến", { exact: true }).selectOption("return");
  await linh.getByLabel("Ý kiến, lý do").fill("Bổ sung kết quả áp dụng sáng kiến (số lớp, số học sinh).");
  await linh.getByRole("button", { name: "Ghi ý kiến" }).click();
  await expect(linh.getByText("Bị trả lại để bổ sung")).toBeVisible();
  await page.getByRole("button", { name: "Duyệt những người đã chọn" }).click();
  await expect(page.getByText("Bị trả lại", { exact: true }).first()).toBeVisible();
  await expect(page.locator("tbody tr").filter({ hasText: "Cấp trên đã duyệt" })).toHaveCount(27);

  // The school sees the comment, fixes the report and resubmits.
  await page.context().clearCookies();
  await loginAs("chutich.sta@thidua.test");
  await page.goto(packageUrl);
  const row = nominee(page, "Trần Thị Mỹ Linh", "Chiến sĩ thi đua cơ sở");
  await expect(row.getByText("Ý kiến cấp trên: Bổ sung kết quả áp dụng sáng kiến")).toBeVisible();
  await row.getByText(/Hồ sơ cá nhân/).click();
  const report = row.getByRole("textbox", { name: "Báo cáo thành tích" });
  await report.fill(`${await report.inputValue()}\nSáng kiến được áp dụng tại 4 lớp với 140 học sinh.`);
  await row.getByRole("button", { name: "Lưu báo cáo thành tích" }).click();
  await expect(row.getByText("Đã lưu báo cáo thành tích.")).toBeVisible();
  await page.getByRole("button", { name: "Gửi lại cấp trên" }).click();
  await expect(page.getByText("Đã gửi, chờ duyệt").first()).toBeVisible();

  // The upper unit approves it and issues the decision.
  await page.context().clearCookies();
  await loginAs("congdoan@thidua.test");
  await page.goto(`/cap-tren/${UNIT}/duyet/${packageId}`);
  const again = nominee(page, "Trần Thị Mỹ Linh", "Chiến sĩ thi đua cơ sở");
  await again.getByText("Xét duyệt").click();
  await again.getByRole("button", { name: "Ghi ý kiến" }).click();
  await expect(page.getByText("Đã duyệt xong").first()).toBeVisible();
  await page.goto(`/cap-tren/${UNIT}/khen-thuong/quyet-dinh?nam=${YEAR}`);
  await page.getByLabel("Số quyết định").fill("88/QĐ-CĐGD");
  await page.getByRole("button", { name: "Ban hành quyết định" }).click();
  await page.waitForURL(/\/quyet-dinh\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: "Quyết định số 88/QĐ-CĐGD" })).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(28);
  await page.goto(`/cap-tren/${UNIT}/khen-thuong?nam=${YEAR}`);
  await expect(page.getByText("88/QĐ-CĐGD").first()).toBeVisible();

  // The chair sees the awards in the school's registry.
  await page.context().clearCookies();
  await loginAs("chutich.sta@thidua.test");
  await page.goto(`/truong/${SCHOOL}/de-nghi/so-khen-thuong?nam=${YEAR}`);
  await expect(page.locator("tbody tr", { hasText: "Trần Thị Mỹ Linh" }).filter({ hasText: "Chiến sĩ thi đua cơ sở" }).filter({ hasText: "88/QĐ-CĐGD" })).toBeVisible();
});
