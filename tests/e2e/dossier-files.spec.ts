// Files in a nomination dossier (issue 5 gaps), in the browser: the chair of Sơn Thủy A opens a
// new package of her own (independent of the other specs), attaches a signed PDF to it, sees it
// listed with its size, downloads the same bytes (attachment, nosniff); a renamed .exe is refused
// in Vietnamese; the upper unit downloads the paper through its review route; another tenant's
// upper unit and another school's chair get a plain 404; the chair removes a paper.
import { confirmDialog, expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 45_000 });

const SCHOOL = "sch_sta";
const UNIT = "org_cdgd_sonthuy";
const YEAR = "sy_2026";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
const NOT_FOUND = "Không tìm thấy dữ liệu này, hoặc bạn không có quyền xem.";

test.describe.configure({ mode: "serial" });
test.setTimeout(180_000);

let packageUrl = "";
let fileUrl = "";

test("the chair attaches a PDF to a new package, sees it listed and downloads the same bytes", async ({ page, loginAs }) => {
  page.on("dialog", (d) => void d.accept());
  await loginAs("chutich.sta@thidua.test");
  await page.goto(`/truong/${SCHOOL}/de-nghi?nam=${YEAR}`);
  await page.getByRole("button", { name: "Lập hồ sơ đề nghị mới" }).click();
  await page.waitForURL(/\/de-nghi\/[a-z0-9]+$/);
  packageUrl = new URL(page.url()).pathname;

  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: /^Tài liệu kèm hồ sơ/ }) });
  await expect(card.getByText("Chưa có tài liệu.")).toBeVisible();

  // A program renamed to .pdf is refused by its first bytes, beside the file input.
  await card.getByLabel("Tên tài liệu").fill("Biên bản họp Hội đồng (bản ký)");
  await card.getByLabel(/^Tệp đính kèm/).setInputFiles({ name: "bien-ban.pdf", mimeType: "application/pdf", buffer: EXE });
  await card.getByRole("button", { name: "Bổ sung tài liệu" }).click();
  await expect(card.getByText("Nội dung tệp không đúng định dạng .pdf.")).toBeVisible();
  await expect(card.getByText("Chưa có tài liệu.")).toBeVisible();

  // The real PDF, with its reference.
  await card.getByLabel("Loại").selectOption("BIEN_BAN_HOP");
  await card.getByLabel("Tên tài liệu").fill("Biên bản họp Hội đồng (bản ký)");
  await card.getByLabel("Số, ký hiệu hoặc nơi lưu").fill("05/BB-HĐTĐKT");
  await card.getByLabel(/^Tệp đính kèm/).setInputFiles({ name: "Biên bản họp HĐ.pdf", mimeType: "application/pdf", buffer: PDF });
  await card.getByRole("button", { name: "Bổ sung tài liệu" }).click();
  await expect(card.getByText("Đã bổ sung tài liệu.")).toBeVisible();
  const link = card.getByRole("link", { name: "Biên bản họp HĐ.pdf" });
  await expect(link).toBeVisible();
  await expect(card.getByTestId("ho-so-tai-lieu").filter({ hasText: "Biên bản họp Hội đồng (bản ký) (05/BB-HĐTĐKT)" })).toContainText("(1 KB)");
  fileUrl = (await link.getAttribute("href"))!;
  expect(fileUrl).toMatch(new RegExp(`^${packageUrl}/tai-lieu/[a-z0-9]+$`));

  // Clicking the link downloads the file (attachment), byte for byte.
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("Biên bản họp HĐ.pdf");
  const res = await page.request.get(fileUrl);
  expect(res.status()).toBe(200);
  expect(Buffer.from(await res.body()).equals(PDF)).toBe(true);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");

  // A paper may be a reference only: the file input stays empty.
  await card.getByLabel("Loại").selectOption("TO_TRINH");
  await card.getByLabel("Tên tài liệu").fill("Tờ trình đã ký");
  await card.getByLabel("Số, ký hiệu hoặc nơi lưu").fill("12/TTr-CĐCS");
  await card.getByRole("button", { name: "Bổ sung tài liệu" }).click();
  const cover = card.getByTestId("ho-so-tai-lieu").filter({ hasText: "Tờ trình đã ký (12/TTr-CĐCS)" });
  await expect(cover).toBeVisible();
  await expect(cover.getByRole("link")).toHaveCount(0);

  // A second paper, removed again while the package is still a draft.
  await card.getByLabel("Loại").selectOption("MINH_CHUNG");
  await card.getByLabel("Tên tài liệu").fill("Ảnh hoạt động phong trào");
  await card.getByLabel(/^Tệp đính kèm/).setInputFiles({ name: "anh.pdf", mimeType: "application/pdf", buffer: PDF });
  await card.getByRole("button", { name: "Bổ sung tài liệu" }).click();
  const second = card.getByTestId("ho-so-tai-lieu").filter({ hasText: "Ảnh hoạt động phong trào" });
  await expect(second).toBeVisible();
  await second.getByRole("button", { name: "Gỡ" }).click();
  await confirmDialog(page);
  await expect(second).toHaveCount(0);
  await expect(card.getByRole("link", { name: "Biên bản họp HĐ.pdf" })).toBeVisible();
});

test("the upper unit downloads the paper from its review route; another tenant gets a plain 404", async ({ page, loginAs }) => {
  expect(fileUrl, "made by the journey above (no file means it failed)").not.toBe("");
  const [, , , packageId, , documentId] = fileUrl.split("/").filter(Boolean);
  const reviewFile = `/cap-tren/${UNIT}/duyet/${packageId}/tai-lieu/${documentId}`;
  await loginAs("congdoan@thidua.test");
  const res = await page.request.get(reviewFile);
  expect(res.status()).toBe(200);
  expect(Buffer.from(await res.body()).equals(PDF)).toBe(true);
  expect(res.headers()["content-disposition"]).toMatch(/^attachment;/);
  await page.goto(`/cap-tren/${UNIT}/duyet/${packageId}`);
  await expect(page.getByRole("link", { name: "Biên bản họp HĐ.pdf" })).toHaveAttribute("href", reviewFile);

  await page.context().clearCookies();
  await loginAs("congdoan.bs@thidua.test");
  for (const url of [reviewFile, `/cap-tren/org_cdgd_bacson/duyet/${packageId}/tai-lieu/${documentId}`, fileUrl]) {
    const r = await page.request.get(url);
    expect(r.status(), url).toBe(404);
    expect(await r.text()).toBe(NOT_FOUND);
  }
});

test("another school's chair gets a plain 404 for the file", async ({ page, loginAs }) => {
  expect(fileUrl, "made by the journey above (no file means it failed)").not.toBe("");
  await loginAs("chutich.kd@thidua.test");
  for (const url of [fileUrl, fileUrl.replace(`/truong/${SCHOOL}/`, "/truong/sch_kd/")]) {
    const r = await page.request.get(url);
    expect(r.status(), url).toBe(404);
    expect(await r.text()).toBe(NOT_FOUND);
  }
});
