// Issue 5's "done when", in the browser, on the demo data (seedDemo + seedAwardsDemo), with the
// two routes of issue 12: the school's council votes on its candidates; a 16% CSTĐCS package is
// refused with the reason; the chair posts it and splits it by deciding body; the union part
// (Giấy khen) goes to the upper unit, which returns one nominee with a comment; the school fixes
// and resubmits; the upper unit approves and issues its decision; the principal sends the state
// part (LĐTT, CSTĐCS) and records the commune's decision; the awards appear in the registries
// and the member's profile. Another school's chair gets a 404 for both packages.
import type { Page } from "@playwright/test";
import { confirmDialog, expect as baseExpect, test } from "./fixtures";

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
let stateUrl = "";
/** Union forms proposed alongside the titles (the demo quota allows 3 per school; awards-routes.spec.ts uses one). */
const GK = "Giấy khen của Công đoàn cấp trên trực tiếp";
const SCAN = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** This package's card on the meeting page (awards-routes.spec.ts may have its own draft there too). */
function packageCard(page: Page) {
  return page.locator("section").filter({ has: page.getByRole("button", { name: "Ghi kết quả biểu quyết" }) }).filter({ hasText: "Chiến sĩ thi đua cơ sở" }).first();
}

/** Ticks exactly the approved nominees matching `wanted` on the decision form (others may wait too). */
async function chooseOnly(page: Page, wanted: RegExp[]) {
  const boxes = page.locator("fieldset label").filter({ has: page.locator('input[type="checkbox"]') });
  await expect(boxes.first()).toBeVisible();
  let chosen = 0;
  for (const label of await boxes.all()) {
    const text = (await label.textContent()) ?? "";
    const want = wanted.some((w) => w.test(text));
    const box = label.locator('input[type="checkbox"]');
    if ((await box.isChecked()) !== want) await box.click();
    if (want) chosen++;
  }
  expect(chosen).toBe(wanted.length);
}

test("the chair builds the package; the council votes; 16% CSTĐCS is refused; the chair posts, splits and submits the union part", async ({ page, loginAs }) => {
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
  // Two union Giấy khen in the same school package (decided by the upper union).
  for (const m of ["mem_sta_totruong", "mem_sta_hieutruong"]) {
    await page.reload();
    await page.locator('select[name="nominee"]').selectOption(`m:${m}`);
    await page.locator('select[name="titleCode"]').selectOption("GK_CD_CAP_TREN");
    await page.getByRole("button", { name: "Thêm", exact: true }).click();
    await expect(page.getByText("Đã thêm vào danh sách.")).toBeVisible();
  }
  await expect(nominee(page, "Trần Thị Mỹ Linh", GK)).toBeVisible();

  // The council meets (10 days ago), votes the list and the secret ballots, closes the minutes.
  await page.goto(`/truong/${SCHOOL}/hoi-dong?nam=${YEAR}`);
  await page.getByLabel("Ngày họp").fill(iso(10));
  await page.getByRole("button", { name: "Khai mạc (kiểm tra túc số)" }).click();
  await page.waitForURL(/\/hoi-dong\/[a-z0-9]+$/);
  const card = packageCard(page);
  await card.getByRole("button", { name: "Ghi kết quả biểu quyết" }).click();
  await expect(page.getByText("Đã ghi biểu quyết cho 27 người; 27 đạt.")).toBeVisible();
  for (let n = 0; n < 4; n++) {
    await card.getByRole("button", { name: "Ghi kết quả kiểm phiếu" }).first().click();
    await expect(card.getByRole("button", { name: "Ghi lại" })).toHaveCount(n + 1);
  }
  await page.getByRole("button", { name: "Kết thúc phiên họp" }).click();
  await confirmDialog(page);
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
  await confirmDialog(page);
  await expect(huong.getByText("Đã rút khỏi danh sách").first()).toBeVisible();
  await page.getByLabel("Ngày niêm yết công khai").fill(iso(8));
  await page.getByRole("button", { name: "Công khai danh sách" }).click();
  await expect(page.getByText(/Công khai: từ/)).toBeVisible();

  // Issue 12: the list holds proposals for two deciding bodies; the package is split first.
  const routes = page.getByRole("list", { name: "Chia theo cấp quyết định" });
  await expect(routes.getByText(/Ban Thường vụ Công đoàn Giáo dục huyện Sơn Thủy: 2 đề nghị/)).toBeVisible();
  await expect(routes.getByText(/Chủ tịch Ủy ban nhân dân xã Sơn Thủy: 28 đề nghị/)).toBeVisible();
  await page.getByRole("button", { name: "Tách hồ sơ theo cấp quyết định" }).click();
  await confirmDialog(page);
  await expect(page.getByText("Tờ trình do TM. Ban Chấp hành / Chủ tịch ký")).toBeVisible();
  stateUrl = (await page.getByRole("link", { name: /gửi Chủ tịch Ủy ban nhân dân xã Sơn Thủy/ }).getAttribute("href"))!;

  // Evidence for each CSTĐCS nominee (now in the state part).
  await page.goto(stateUrl);
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
  await expect(page.getByRole("button", { name: "Gửi cấp trên" })).toHaveCount(0);

  // The union part goes to the upper union.
  await page.goto(packageUrl);
  await expect(page.getByText("Đủ điều kiện gửi.")).toBeVisible();
  await page.getByRole("button", { name: "Gửi cấp trên" }).click();
  await confirmDialog(page);
  await expect(page.getByText("Đã gửi, chờ duyệt").first()).toBeVisible();
});

test("another school's chair gets a 404 for both packages", async ({ page, loginAs }) => {
  expect(packageUrl, "made by the journey above (no package means it failed)").not.toBe("");
  expect(stateUrl, "made by the journey above (no state package means it failed)").not.toBe("");
  await loginAs("chutich.kd@thidua.test");
  for (const url of [packageUrl, stateUrl]) expect((await page.goto(url))?.status()).toBe(404);
});

test("the upper unit returns one nominee; the school fixes and resubmits; approve; decision; registries", async ({ page, loginAs }) => {
  expect(packageUrl, "made by the journey above (no package means it failed)").not.toBe("");
  await acceptDialogs(page);
  const packageId = packageUrl.split("/").pop()!;
  await loginAs("congdoan@thidua.test");
  await page.goto(`/cap-tren/${UNIT}/duyet?nam=${YEAR}`);
  await expect(page.getByText("Lượt đề nghị chờ duyệt")).toBeVisible();
  // The state part is not in the upper union's queue.
  await expect(page.locator(`a[href$="/duyet/${stateUrl.split("/").pop()}"]`)).toHaveCount(0);
  await page.locator(`a[href$="/duyet/${packageId}"]`).click();
  const linh = nominee(page, "Trần Thị Mỹ Linh", GK);
  await linh.getByText("Xét duyệt").click();
  await linh.getByLabel("Ý kiến", { exact: true }).selectOption("return");
  await linh.getByLabel("Ý kiến, lý do").fill("Bổ sung minh chứng thành tích (kết quả phong trào của tổ).");
  await linh.getByRole("button", { name: "Ghi ý kiến" }).click();
  await expect(linh.getByText("Bị trả lại để bổ sung")).toBeVisible();
  await page.getByRole("button", { name: "Duyệt những người đã chọn" }).click();
  await confirmDialog(page);
  await expect(page.getByText("Bị trả lại", { exact: true }).first()).toBeVisible();
  await expect(page.locator("tbody tr").filter({ hasText: "Cấp trên đã duyệt" })).toHaveCount(1);

  // The school sees the comment, adds the paper asked for and resubmits.
  await page.context().clearCookies();
  await loginAs("chutich.sta@thidua.test");
  await page.goto(packageUrl);
  const row = nominee(page, "Trần Thị Mỹ Linh", GK);
  await expect(row.getByText("Ý kiến cấp trên: Bổ sung minh chứng thành tích")).toBeVisible();
  await row.getByText(/Hồ sơ cá nhân/).click();
  await row.getByLabel("Tên tài liệu").fill("Báo cáo kết quả phong trào thi đua của Tổ CĐ Khối 1–2");
  await row.getByRole("button", { name: "Bổ sung tài liệu" }).click();
  await expect(row.getByText("Đã bổ sung tài liệu.")).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "Gửi lại cấp trên" }).click();
  await confirmDialog(page);
  await expect(page.getByText("Đã gửi, chờ duyệt").first()).toBeVisible();

  // The upper unit approves it and issues the decision for its own forms.
  await page.context().clearCookies();
  await loginAs("congdoan@thidua.test");
  await page.goto(`/cap-tren/${UNIT}/duyet/${packageId}`);
  const again = nominee(page, "Trần Thị Mỹ Linh", GK);
  await again.getByText("Xét duyệt").click();
  await again.getByRole("button", { name: "Ghi ý kiến" }).click();
  await expect(page.getByText("Đã duyệt xong").first()).toBeVisible();
  await page.goto(`/cap-tren/${UNIT}/khen-thuong/quyet-dinh?nam=${YEAR}`);
  // The waiting list counted by form; a form's count narrows the list (and the decision) to it.
  await page.getByRole("link", { name: /^Giấy khen của Công đoàn cấp trên trực tiếp: \d+$/ }).click();
  await expect(page).toHaveURL(/hinh-thuc=GK_CD_CAP_TREN/);
  await expect(page.locator("fieldset label").filter({ hasNotText: "Giấy khen của Công đoàn cấp trên trực tiếp" })).toHaveCount(0);
  await chooseOnly(page, [/^Trần Thị Mỹ Linh .*Giấy khen của Công đoàn cấp trên trực tiếp/, /^Hoàng Văn Minh .*Giấy khen của Công đoàn cấp trên trực tiếp/]);
  await expect(page.getByText(/^Quyết định gồm 2\/\d+ người đang lọc/)).toBeVisible();
  await page.getByLabel("Số quyết định").fill("88/QĐ-CĐGD");
  await page.getByRole("button", { name: "Ban hành quyết định" }).click();
  await confirmDialog(page);
  await page.waitForURL(/\/quyet-dinh\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: "Quyết định số 88/QĐ-CĐGD" })).toBeVisible();
  await expect(page.locator("tbody tr")).toHaveCount(2);
  await page.goto(`/cap-tren/${UNIT}/khen-thuong?nam=${YEAR}`);
  await expect(page.getByText("88/QĐ-CĐGD").first()).toBeVisible();
});

test("the principal sends the state part and records the commune's decision; registries and the profile show both routes", async ({ page, loginAs }) => {
  expect(stateUrl, "made by the journey above (no state package means it failed)").not.toBe("");
  await acceptDialogs(page);
  await loginAs("hieutruong.sta@thidua.test");
  await page.goto(stateUrl);
  await page.getByRole("button", { name: "Đánh dấu đã gửi" }).click();
  await confirmDialog(page);
  await expect(page.getByText(/Đã gửi lúc/)).toBeVisible();
  await page.getByLabel("Số quyết định", { exact: true }).fill("113/QĐ-UBND");
  await page.getByLabel("Ngày ký", { exact: true }).fill(iso(1));
  await page.getByLabel("Cơ quan ban hành").fill("UBND xã Sơn Thủy");
  await page.getByLabel("Người ký", { exact: true }).fill("Lương Văn Sơn");
  await page.getByLabel(/Bản chụp quyết định đã ký/).setInputFiles({ name: "qd-113-ubnd.pdf", mimeType: "application/pdf", buffer: SCAN });
  await page.getByRole("button", { name: "Ghi nhận quyết định" }).click();
  const decisions = page.getByRole("list", { name: "Quyết định đã ghi nhận" });
  await expect(decisions.getByText(/Quyết định số 113\/QĐ-UBND .* của UBND xã Sơn Thủy \(Chủ tịch Lương Văn Sơn\), 28 người/)).toBeVisible();

  // The chair sees both routes' awards in the school's registry and on the member's profile.
  await page.context().clearCookies();
  await loginAs("chutich.sta@thidua.test");
  await page.goto(`/truong/${SCHOOL}/de-nghi/so-khen-thuong?nam=${YEAR}`);
  const linh = page.locator("tbody tr", { hasText: "Trần Thị Mỹ Linh" });
  await expect(linh.filter({ hasText: "Chiến sĩ thi đua cơ sở" }).filter({ hasText: "113/QĐ-UBND" }).filter({ hasText: "UBND xã Sơn Thủy" })).toBeVisible();
  await expect(linh.filter({ hasText: "Lao động tiên tiến" }).filter({ hasText: "113/QĐ-UBND" })).toBeVisible();
  await expect(linh.filter({ hasText: GK }).filter({ hasText: "88/QĐ-CĐGD" })).toBeVisible();
  await page.goto(`/truong/${SCHOOL}/doan-vien/mem_sta_totruong`);
  await expect(page.getByText("113/QĐ-UBND").first()).toBeVisible();
  await expect(page.getByText("88/QĐ-CĐGD").first()).toBeVisible();
});
