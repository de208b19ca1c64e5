// One submit, one record in the browser (SECURITY.md "Concurrency and resubmission", issue 10):
// a create form sent twice before the first answer — what a double click does when the button
// has not yet disabled itself — makes one row. The form carries a per-render key
// (components/ui/submission-key.tsx); the next comment from the same form is a new one.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const PRINCIPAL = "hieutruong.kd@thidua.test";
const CHAIR = "chutich.kd@thidua.test";

test.describe.configure({ mode: "serial", timeout: 90_000 });

let planUrl = "";

function card(page: Page, title: string): Locator {
  return page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });
}

/** Submits the form holding `field` twice in the same task: both requests leave before either answer. */
async function submitTwice(field: Locator) {
  await field.evaluate((el) => {
    const form = (el as HTMLTextAreaElement).form!;
    form.requestSubmit();
    form.requestSubmit();
  });
}

test("the principal drafts a plan (Kim Đồng)", async ({ page, loginAs }) => {
  await loginAs(PRINCIPAL);
  await page.goto("/truong/sch_kd/ke-hoach");
  await page.getByRole("button", { name: "Lập kế hoạch" }).click();
  await page.waitForURL(/\/truong\/sch_kd\/ke-hoach\/[A-Za-z0-9_-]+$/);
  planUrl = new URL(page.url()).pathname;
});

test("a comment sent twice in a row is stored once; the next comment is a new one", async ({ page, loginAs }) => {
  expect(planUrl, "made by the journey above").not.toBe("");
  await loginAs(CHAIR);
  await page.goto(planUrl);
  const duties = card(page, "Trách nhiệm của mỗi bên");
  const box = duties.getByLabel('Góp ý cho mục "Trách nhiệm của mỗi bên"');
  // The key is added once the page is interactive.
  await expect(duties.locator('input[name="submissionKey"]')).toHaveCount(1);
  await box.fill("Góp ý gửi hai lần liền.");
  await submitTwice(box);
  await expect(duties.getByText("Đã gửi góp ý.")).toBeVisible();
  await page.reload();
  await expect(card(page, "Trách nhiệm của mỗi bên").getByText("Góp ý gửi hai lần liền.")).toHaveCount(1);

  // Same form, new answer, new key: a second comment is created.
  const again = card(page, "Trách nhiệm của mỗi bên");
  await expect(again.locator('input[name="submissionKey"]')).toHaveCount(1);
  await again.getByLabel('Góp ý cho mục "Trách nhiệm của mỗi bên"').fill("Góp ý thứ hai.");
  await again.getByRole("button", { name: "Gửi góp ý" }).click();
  await expect(again.getByText("Góp ý thứ hai.")).toBeVisible();
  await expect(again.getByText("Góp ý gửi hai lần liền.")).toHaveCount(1);
});
