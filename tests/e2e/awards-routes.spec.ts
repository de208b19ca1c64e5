// Issue 12's "done when", in the browser on the demo data: one school package goes through both
// routes. The chair builds it: a state title for a union group (Tập thể lao động tiên tiến, with
// its report and evidence), a state Giấy khen of the commune chairman for one member, a union
// Giấy khen of the upper union for another and a Giấy khen of the school union's own BCH for a
// third. The council votes, the list is posted and split by deciding body (three bodies listed);
// the chair issues the BCH's decision at the school (TM. BAN CHẤP HÀNH / CHỦ TỊCH, under the school
// union's name with the upper union as parent line), then sends the union part; the upper union
// decides its Giấy khen from a screen offering only its own forms (certificate: TM. BAN THƯỜNG VỤ /
// CHỦ TỊCH under its name and its parent's); the principal downloads the government dossier (PDF
// and Word), marks it sent, records the commune's decision with a scan and prints the
// certificates under the state issuer's heading ("GIẤY CHỨNG NHẬN" for the title). The school's
// registry, the upper unit's registry, the members' profiles and the upper unit's awards report
// show the three issuers. Certificates are read back with pdftotext (poppler-utils, as in CI).
// The LĐTT of 2025–2026 for everyone eligible goes through the government route in awards.spec.ts:
// the same members cannot be proposed for the same title twice in a year (one achievement, one
// award), so this journey uses the collective title and members no other spec proposes for a
// form, and the two specs can run side by side.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 45_000 });
const SCHOOL = "sch_sta";
const UNIT = "org_cdgd_sonthuy";
const YEAR = "sy_2025";
const MEMBER = "mem_sta_doanvien";
const GROUP = "grp_sta_k12";
const GROUP_NAME = "Tổ CĐ Khối 1–2";
/** Trần Bích Vân: the school union BCH's Giấy khen (decided at the school). */
const BCH_MEMBER = "mem_sta_016";
const BCH_NAME = "Trần Bích Vân";
/** Phạm Thu Hiền: the commune chairman's Giấy khen (government route, an individual state award). */
const STATE_MEMBER = "mem_sta_017";
const STATE_NAME = "Phạm Thu Hiền";
const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
/** A minimal PDF: the upload check reads the extension and the first bytes. */
const SCAN = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

let unionUrl = "";
let stateUrl = "";
let bchNumber = "";

/** dd/mm/yyyy of `daysAgo` (the report's date range). */
const vnDay = (daysAgo: number) => iso(daysAgo).split("-").reverse().join("/");

/** Downloads a PDF through the session and reads its text back (pdftotext; a missing tool fails). */
async function pdfText(page: Page, href: string): Promise<string> {
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  const dir = mkdtempSync(path.join(tmpdir(), "thidua-e2e-"));
  try {
    const file = path.join(dir, "x.pdf");
    writeFileSync(file, await res.body());
    // Non-breaking spaces keep a unit's name on one line; compare them as spaces.
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).normalize("NFC").replace(/\u00a0/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** This package's card on the meeting page (awards.spec.ts may have its own draft there too). */
function packageCard(page: Page) {
  return page.locator("section").filter({ has: page.getByRole("button", { name: "Ghi kết quả biểu quyết" }) }).filter({ hasText: GROUP_NAME }).first();
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

/**
 * Clicks a button of `scope`; when it asks first in the page's confirm dialog
 * (components/ui/confirm-dialog.tsx: a native <dialog> whose confirming button repeats the label),
 * confirms there. The browser's own confirm() is accepted by each test's dialog handler.
 */
async function press(page: Page, name: string, scope: Page | Locator = page, timeout?: number) {
  await scope.getByRole("button", { name, exact: true }).first().click({ timeout });
  const dialog = page.locator("dialog[open]");
  const asked = await dialog
    .waitFor({ state: "visible", timeout: 1_500 })
    .then(() => true)
    .catch(() => false);
  if (asked) await dialog.getByRole("button", { name, exact: true }).click();
}

/**
 * Sends (or marks sent) and waits for `done`. The CSTĐCS cap is judged on the school's whole year:
 * while awards.spec.ts's draft still proposes 4 CSTĐCS (before it withdraws one) every package of
 * the school is held back with the cap's reason, so the click is repeated until the cap clears.
 */
async function sendWhenClear(page: Page, button: string, done: Locator) {
  await expect(async () => {
    if (await done.isVisible()) return;
    await press(page, button, page, 10_000);
    await expect(done).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
}

async function relogin(page: Page, loginAs: (email: string) => Promise<void>, email: string) {
  await page.context().clearCookies();
  await loginAs(email);
}

test("the chair builds, the council votes, the list is posted and split by deciding body", async ({ page, loginAs }) => {
  page.on("dialog", (d) => void d.accept());
  await loginAs("chutich.sta@thidua.test");
  await page.goto(`/truong/${SCHOOL}/hoi-dong?nam=${YEAR}`);
  // Missing demo data fails the journey (it is never silently skipped).
  await expect(page.getByText("Chưa thành lập Hội đồng"), "awards demo data (seedAwardsDemo) must be loaded").toHaveCount(0);

  await page.goto(`/truong/${SCHOOL}/de-nghi?nam=${YEAR}`);
  await press(page, "Lập hồ sơ đề nghị mới");
  await page.waitForURL(/\/de-nghi\/[a-z0-9]+$/);
  unionUrl = new URL(page.url()).pathname;
  await page.locator('select[name="nominee"]').selectOption(`g:${GROUP}`);
  await page.locator('select[name="titleCode"]').selectOption("TT_LDTT");
  await page.getByRole("button", { name: "Thêm", exact: true }).click();
  const group = page.locator("tbody tr", { hasText: GROUP_NAME }).filter({ hasText: "Tập thể lao động tiên tiến" });
  await expect(group).toBeVisible();
  await page.reload();
  await page.locator('select[name="nominee"]').selectOption(`m:${MEMBER}`);
  await page.locator('select[name="titleCode"]').selectOption("GK_CD_CAP_TREN");
  await page.getByRole("button", { name: "Thêm", exact: true }).click();
  await expect(page.locator("tbody tr", { hasText: "Lê Văn Tuấn" }).filter({ hasText: "Giấy khen của Công đoàn cấp trên trực tiếp" })).toBeVisible();
  // A Giấy khen of the school union's own BCH, and one of the commune chairman (a state form).
  for (const [member, title, name, label] of [
    [BCH_MEMBER, "GK_CDCS", BCH_NAME, "Giấy khen của Ban Chấp hành Công đoàn cơ sở"],
    [STATE_MEMBER, "GK_UBND_XA", STATE_NAME, "Giấy khen của Chủ tịch UBND cấp xã"],
  ]) {
    await page.reload();
    await page.locator('select[name="nominee"]').selectOption(`m:${member}`);
    await page.locator('select[name="titleCode"]').selectOption(title);
    await page.getByRole("button", { name: "Thêm", exact: true }).click();
    await expect(page.locator("tbody tr", { hasText: name }).filter({ hasText: label })).toBeVisible();
  }
  // The collective title's papers: its achievement report and one piece of evidence.
  await page.reload();
  await group.getByText(/Hồ sơ cá nhân/).click();
  await group.getByRole("textbox", { name: "Báo cáo thành tích" }).fill("Tổ CĐ Khối 1–2: 100% đoàn viên hoàn thành nhiệm vụ, 6/8 đạt Lao động tiên tiến; không có đoàn viên bị kỷ luật.");
  await group.getByRole("button", { name: "Lưu báo cáo thành tích" }).click();
  await expect(group.getByText("Đã lưu báo cáo thành tích.")).toBeVisible();
  await page.reload();
  await group.getByText(/Hồ sơ cá nhân/).click();
  await group.getByLabel("Tên tài liệu").fill("Bảng tổng hợp kết quả đánh giá, xếp loại đoàn viên của tổ");
  await group.getByRole("button", { name: "Bổ sung tài liệu" }).click();
  await expect(group.getByText("Đã bổ sung tài liệu.")).toBeVisible();
  // A nominee whose form needs no report has a slot for their own papers too.
  await page.reload();
  const hien = page.locator("tbody tr", { hasText: STATE_NAME }).filter({ hasText: "Giấy khen của Chủ tịch UBND cấp xã" });
  await hien.getByText(/Hồ sơ cá nhân/).click();
  await expect(hien.getByRole("textbox", { name: "Báo cáo thành tích" })).toHaveCount(0);
  await hien.getByLabel("Tên tài liệu").fill("Giấy chứng nhận giáo viên dạy giỏi cấp xã năm học 2025–2026");
  await hien.getByRole("button", { name: "Bổ sung tài liệu" }).click();
  await expect(hien.getByText("Đã bổ sung tài liệu.")).toBeVisible();

  await page.goto(`/truong/${SCHOOL}/hoi-dong?nam=${YEAR}`);
  await page.getByLabel("Ngày họp").fill(iso(12));
  await press(page, "Khai mạc (kiểm tra túc số)");
  await page.waitForURL(/\/hoi-dong\/[a-z0-9]+$/);
  await press(page, "Ghi kết quả biểu quyết", packageCard(page));
  await expect(page.getByText(/Đã ghi biểu quyết cho 4 người/)).toBeVisible();
  await press(page, "Kết thúc phiên họp");
  await expect(page.getByText("Đã kết thúc – biên bản đã khóa")).toBeVisible();

  await page.goto(unionUrl);
  await page.getByLabel("Ngày niêm yết công khai").fill(iso(10));
  await press(page, "Công khai danh sách");
  await expect(page.getByText(/Công khai: từ/)).toBeVisible();
  // The panel shows the two routes and links the council minutes.
  const routes = page.getByRole("list", { name: "Chia theo cấp quyết định" });
  await expect(routes.getByText(/Ban Chấp hành Công đoàn cơ sở: 1 đề nghị \(Giấy khen của Ban Chấp hành Công đoàn cơ sở\); người đề nghị: Chủ tịch Công đoàn cơ sở/)).toBeVisible();
  await expect(routes.getByText(/Ban Thường vụ Công đoàn Giáo dục huyện Sơn Thủy: 1 đề nghị \(Giấy khen của Công đoàn cấp trên trực tiếp\)/)).toBeVisible();
  await expect(routes.getByText(/Chủ tịch Ủy ban nhân dân xã Sơn Thủy: 2 đề nghị \(.*Tập thể lao động tiên tiến.*\); người đề nghị: Hiệu trưởng/)).toBeVisible();
  const minutes = page.getByRole("link", { name: /Biên bản họp ngày/ }).first();
  expect((await page.request.get((await minutes.getAttribute("href"))!)).headers()["content-type"]).toBe("application/pdf");
  // The split form goes away with the mixed state (its message with it): wait for the result.
  await press(page, "Tách hồ sơ theo cấp quyết định");
  await expect(page.getByText("Tờ trình do TM. Ban Chấp hành / Chủ tịch ký")).toBeVisible();
  stateUrl = (await page.getByRole("link", { name: /gửi Chủ tịch Ủy ban nhân dân xã Sơn Thủy/ }).getAttribute("href"))!;
  // The BCH's own form is decided at the school, never sent up: the union part waits for it.
  await press(page, "Gửi cấp trên");
  await expect(page.getByText(/thuộc thẩm quyền của Ban Chấp hành công đoàn cơ sở/).first()).toBeVisible();
});

test("the school union's BCH decides its own Giấy khen; then the union part goes to the upper union", async ({ page, loginAs }) => {
  expect(unionUrl, "made by the journey above (no package means it failed)").not.toBe("");
  page.on("dialog", (d) => void d.accept());
  await loginAs("chutich.sta@thidua.test");
  // The package page points to the school's decisions page for the BCH's own form.
  await page.goto(unionUrl);
  await expect(page.getByText(/1 đề nghị thuộc thẩm quyền của Ban Chấp hành công đoàn cơ sở/)).toBeVisible();
  await page.getByRole("link", { name: "ra quyết định của Ban Chấp hành" }).click();
  await page.waitForURL(/\/de-nghi\/quyet-dinh/);
  // The screen offers only the BCH's forms: not the upper union's Giấy khen, not the state ones.
  const waiting = page.locator("fieldset label");
  await expect(waiting.filter({ hasText: BCH_NAME })).toHaveCount(1);
  await expect(waiting.filter({ hasText: /Công đoàn cấp trên trực tiếp|Chủ tịch UBND|Tập thể lao động|Lao động tiên tiến|Chiến sĩ thi đua/ })).toHaveCount(0);
  await chooseOnly(page, [new RegExp(`^${BCH_NAME} – Giấy khen của Ban Chấp hành Công đoàn cơ sở`)]);
  await expect(page.getByText("Chữ ký: TM. BAN CHẤP HÀNH / CHỦ TỊCH")).toBeVisible();
  await press(page, "Ban hành quyết định");
  const issued = page.getByRole("list", { name: "Quyết định của trường" }).locator("li").filter({ hasText: "BCH công đoàn cơ sở" }).filter({ hasText: /\/QĐ-CĐTHSTA/ }).first();
  await expect(issued).toContainText("1 người/tập thể");
  bchNumber = /Quyết định số (\S+)/.exec((await issued.textContent()) ?? "")![1];
  expect(bchNumber).toMatch(/^\d{2,}\/QĐ-CĐTHSTA$/);
  // The certificate: the school union's name under its upper union, the chair for the BCH.
  const text = await pdfText(page, (await issued.getByRole("link", { name: "In giấy khen" }).getAttribute("href"))!);
  expect(text).toContain("GIẤY KHEN");
  expect(text).toContain(BCH_NAME);
  expect(text).toContain("CÔNG ĐOÀN GIÁO DỤC HUYỆN SƠN THỦY");
  expect(text).toContain("CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC SƠN THỦY A");
  // The place in the date line: the school's commune (the school union's name has none).
  expect(text).toMatch(/Sơn Thủy, ngày \d{2} tháng \d{1,2} năm \d{4}/);
  expect(text).toContain("TM. BAN CHẤP HÀNH");
  expect(text).toContain("CHỦ TỊCH");
  expect(text).not.toContain("BAN THƯỜNG VỤ");
  expect(text).not.toContain("GIẤY CHỨNG NHẬN");
  expect(text).toContain(`Số quyết định: ${bchNumber}`);

  // Now the union part goes to the upper union.
  await page.goto(unionUrl);
  await sendWhenClear(page, "Gửi cấp trên", page.getByText("Đã gửi, chờ duyệt").first());
});

test("the union route: the upper union approves and decides its Giấy khen only", async ({ page, loginAs }) => {
  expect(unionUrl, "made by the journey above (no package means it failed)").not.toBe("");
  page.on("dialog", (d) => void d.accept());
  const packageId = unionUrl.split("/").pop()!;
  await loginAs("congdoan@thidua.test");
  await page.goto(`/cap-tren/${UNIT}/duyet/${packageId}`);
  await expect(page.getByRole("link", { name: /Biên bản họp ngày/ }).first()).toBeVisible();
  await press(page, "Duyệt những người đã chọn");
  await expect(page.getByText("Đã duyệt xong").first()).toBeVisible();
  await page.goto(`/cap-tren/${UNIT}/khen-thuong/quyet-dinh?nam=${YEAR}`);
  // Its decision screen offers only the forms this body decides: no state title, no BCH form.
  const offered = page.locator("fieldset label");
  await expect(offered.filter({ hasText: "Lê Văn Tuấn" })).toHaveCount(1);
  await expect(offered.filter({ hasText: /Lao động tiên tiến|Chiến sĩ thi đua|Chủ tịch UBND|Ban Chấp hành Công đoàn cơ sở/ })).toHaveCount(0);
  await expect(offered.filter({ hasText: new RegExp(`${STATE_NAME}|${BCH_NAME}`) })).toHaveCount(0);
  await chooseOnly(page, [/^Lê Văn Tuấn .*Giấy khen của Công đoàn cấp trên trực tiếp/]);
  await page.getByLabel("Số quyết định").fill("95/QĐ-CĐGD");
  await press(page, "Ban hành quyết định");
  await page.waitForURL(/\/quyet-dinh\/[a-z0-9]+$/);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  // The certificate: the union body's name and its parent line, signed for its standing committee.
  const text = await pdfText(page, `${new URL(page.url()).pathname}/giay-khen`);
  expect(text).toContain("LIÊN ĐOÀN LAO ĐỘNG TỈNH SƠN HÀ");
  expect(text).toContain("CÔNG ĐOÀN GIÁO DỤC HUYỆN SƠN THỦY");
  expect(text).toContain("GIẤY KHEN");
  expect(text).toContain("Ông Lê Văn Tuấn");
  expect(text).toContain("TM. BAN THƯỜNG VỤ");
  expect(text).toContain("CHỦ TỊCH");
  expect(text).toContain("Sơn Thủy, ngày");
  expect(text).toContain("Số quyết định: 95/QĐ-CĐGD");
  expect(text).not.toContain("GIẤY CHỨNG NHẬN");
});

test("the government route: dossier PDF and Word, sent, decision recorded with a scan, certificates", async ({ page, loginAs }) => {
  expect(stateUrl, "made by the journey above (no state package means it failed)").not.toBe("");
  page.on("dialog", (d) => void d.accept());
  await loginAs("hieutruong.sta@thidua.test");
  await page.goto(stateUrl);
  await expect(page.getByText("Tờ trình do Hiệu trưởng ký")).toBeVisible();
  const pdf = await page.request.get(`${stateUrl}/to-trinh`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const docx = await page.request.get(`${stateUrl}/ho-so-word`);
  expect(docx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  expect((await docx.body()).subarray(0, 2).toString()).toBe("PK");
  await sendWhenClear(page, "Đánh dấu đã gửi", page.getByText(/Đã gửi lúc/));
  await page.getByLabel("Số quyết định", { exact: true }).fill("112/QĐ-UBND");
  await page.getByLabel("Ngày ký", { exact: true }).fill(iso(1));
  await page.getByLabel("Cơ quan ban hành").fill("UBND xã Sơn Thủy");
  await page.getByLabel("Cơ quan cấp trên (dòng trên tên cơ quan)").fill("UBND tỉnh Sơn Hà");
  await page.getByLabel("Người ký", { exact: true }).fill("Lương Văn Sơn");
  await page.getByLabel(/Bản chụp quyết định đã ký/).setInputFiles({ name: "qd-112-ubnd.pdf", mimeType: "application/pdf", buffer: SCAN });
  await press(page, "Ghi nhận quyết định");
  const decisions = page.getByRole("list", { name: "Quyết định đã ghi nhận" });
  await expect(decisions.getByText(/Quyết định số 112\/QĐ-UBND .* của UBND xã Sơn Thủy \(Chủ tịch Lương Văn Sơn\), 2 người/)).toBeVisible();
  const scan = await page.request.get((await decisions.getByRole("link", { name: "Bản chụp" }).getAttribute("href"))!);
  expect(scan.headers()["content-type"]).toBe("application/pdf");
  expect((await scan.body()).equals(SCAN)).toBe(true);
  // The certificates: under the state issuer's heading, the title as "GIẤY CHỨNG NHẬN" (Công nhận),
  // the commune chairman's Giấy khen as "GIẤY KHEN" (Tặng); the chairman signs (no standing committee).
  const text = await pdfText(page, (await decisions.getByRole("link", { name: "In giấy chứng nhận" }).getAttribute("href"))!);
  const pages = text.split("\f").filter((p) => p.trim());
  expect(pages).toHaveLength(2);
  const title = pages.find((p) => p.includes("GIẤY CHỨNG NHẬN"))!;
  expect(title, "the state title prints a GIẤY CHỨNG NHẬN").toBeTruthy();
  expect(title).toContain("TẬP THỂ LAO ĐỘNG TIÊN TIẾN");
  expect(title).toContain("Công nhận");
  expect(title).toContain(GROUP_NAME);
  const gk = pages.find((p) => p.includes(STATE_NAME))!;
  expect(gk).toContain("GIẤY KHEN");
  for (const p of pages) {
    expect(p).toContain("UBND TỈNH SƠN HÀ");
    expect(p).toContain("UBND XÃ SƠN THỦY");
    expect(p).toContain("CHỦ TỊCH");
    expect(p).toContain("Lương Văn Sơn");
    expect(p).toContain("Số quyết định: 112/QĐ-UBND");
    expect(p).toContain("Sơn Thủy, ngày");
    expect(p).not.toContain("BAN THƯỜNG VỤ");
    expect(p).not.toContain("TM.");
  }
});

test("the registries, the members' profiles and the upper unit's report show the three issuers", async ({ page, loginAs }) => {
  expect(stateUrl, "made by the journey above (no state package means it failed)").not.toBe("");
  expect(bchNumber, "made by the BCH's decision above").not.toBe("");
  await loginAs("chutich.sta@thidua.test");
  await page.goto(`/truong/${SCHOOL}/de-nghi/so-khen-thuong?nam=${YEAR}`);
  const row = (who: string, what: string) => page.locator("tbody tr", { hasText: who }).filter({ hasText: what });
  await expect(row(GROUP_NAME, "Tập thể lao động tiên tiến").filter({ hasText: "112/QĐ-UBND" }).filter({ hasText: "UBND xã Sơn Thủy" })).toBeVisible();
  await expect(row(STATE_NAME, "Giấy khen của Chủ tịch UBND cấp xã").filter({ hasText: "112/QĐ-UBND" })).toBeVisible();
  await expect(row("Lê Văn Tuấn", "95/QĐ-CĐGD").filter({ hasText: "Công đoàn Giáo dục huyện Sơn Thủy" })).toBeVisible();
  await expect(row(BCH_NAME, bchNumber).filter({ hasText: "Giấy khen của Ban Chấp hành Công đoàn cơ sở" })).toBeVisible();
  // The members' profiles: the union route's, the BCH's and the government route's award.
  for (const [member, number] of [
    [MEMBER, "95/QĐ-CĐGD"],
    [BCH_MEMBER, bchNumber],
    [STATE_MEMBER, "112/QĐ-UBND"],
  ]) {
    await page.goto(`/truong/${SCHOOL}/doan-vien/${member}`);
    await expect(page.getByText(number).first()).toBeVisible();
  }
  // Another school's principal cannot open the government package.
  await relogin(page, loginAs, "hieutruong.kd@thidua.test");
  expect((await page.goto(stateUrl))?.status()).toBe(404);

  // The upper unit: its registry lists the school's awards of both routes, and its awards report
  // counts them under the deciding level (government, direct upper union, grassroots union).
  await relogin(page, loginAs, "congdoan@thidua.test");
  await page.goto(`/cap-tren/${UNIT}/khen-thuong?nam=${YEAR}&truong=${SCHOOL}&danh-hieu=TT_LDTT`);
  await expect(row(GROUP_NAME, "112/QĐ-UBND")).toBeVisible();
  await page.goto(`/cap-tren/${UNIT}/khen-thuong?nam=${YEAR}&truong=${SCHOOL}&danh-hieu=GK_CDCS`);
  await expect(row(BCH_NAME, bchNumber)).toBeVisible();
  await page.goto(`/cap-tren/${UNIT}/khen-thuong?nam=${YEAR}&truong=${SCHOOL}&danh-hieu=GK_CD_CAP_TREN`);
  await expect(row("Lê Văn Tuấn", "95/QĐ-CĐGD")).toBeVisible();
  await page.goto(`/cap-tren/${UNIT}/bao-cao/khen-thuong?ky=khoang&tu=${encodeURIComponent(vnDay(5))}&den=${encodeURIComponent(vnDay(-2))}`);
  const table = page.locator("[data-report-table]");
  await expect(table).toBeVisible();
  const lines = (await table.getByRole("row").allInnerTexts()).map((l) => l.replace(/\s+/g, " ").trim());
  /** The level lines under a form's "Cộng" row, up to the next form. */
  const levelsOf = (form: string) => {
    const start = lines.findIndex((l) => l.includes(form) && l.includes("Cộng"));
    expect(start, `the report lists ${form}`).toBeGreaterThanOrEqual(0);
    const rest = lines.slice(start + 1);
    const end = rest.findIndex((l) => l.includes("Cộng") || l.includes("Tổng cộng"));
    return rest.slice(0, end < 0 ? undefined : end).join("\n");
  };
  expect(levelsOf("Tập thể lao động tiên tiến")).toContain("Cơ quan nhà nước (chính quyền)");
  const gk = levelsOf("Giấy khen");
  expect(gk).toContain("Cơ quan nhà nước (chính quyền)");
  expect(gk).toContain("Công đoàn cấp trên trực tiếp cơ sở");
  expect(gk).toContain("Công đoàn cơ sở");
});
