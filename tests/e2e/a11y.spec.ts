// Issue 11, accessibility and phones. axe (WCAG 2.1 A and AA rules) over the pages each role reaches
// from its menu (member list, union groups, audit log, plans and a plan, scoring and a period,
// the upper unit's pages): no serious or critical violation. And the menu fits a 390-px phone:
// a "Menu" button opens the links as a vertical list; the page never scrolls sideways.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The menu's links (desktop layout), then one detail page per list that has one. */
async function pagesOf(page: Page): Promise<string[]> {
  await page.goto("/");
  const menu = page.getByRole("navigation", { name: "Điều hướng chính" });
  const hrefs = await menu.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const out = new Set(hrefs.filter((h) => h.startsWith("/")));
  // One detail page behind each list that leads to one (a plan, a scoring period, a member…).
  for (const list of [...out]) {
    if (!/\/(ke-hoach|cham-diem|doan-vien|phong-trao|hop-lien-tich|truong)$/.test(list)) continue;
    await page.goto(list);
    const first = await page
      .locator(`main a[href^="${list}/"]`)
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? "").find((h) => /^\/[^?#]+$/.test(h) && !/\/(moi|nhap|xuat|in)(\/|$)/.test(h)) ?? null);
    if (first) out.add(first);
  }
  return [...out];
}

type Finding = { page: string; rule: string; impact: string; nodes: number; example: string };

async function audit(page: Page, url: string): Promise<Finding[]> {
  const res = await page.goto(url);
  expect(res?.status(), url).toBeLessThan(400);
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => {});
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ page: url, rule: v.id, impact: v.impact ?? "", nodes: v.nodes.length, example: v.nodes[0]?.target.join(" ") + " " + (v.nodes[0]?.failureSummary ?? "").split("\n")[1]?.trim() }));
}

const ROLES = [
  "chutich.sta@thidua.test",
  "hieutruong.sta@thidua.test",
  "totruong.sta@thidua.test",
  "doanvien.sta@thidua.test",
  "congdoan@thidua.test",
];

test.describe("axe, WCAG 2.1 AA: no serious or critical violation on the pages each role reaches", () => {
  for (const email of ROLES) {
    test(email, async ({ page, loginAs }) => {
      test.setTimeout(600_000);
      await loginAs(email);
      const urls = await pagesOf(page);
      expect(urls.length).toBeGreaterThan(2);
      const findings: Finding[] = [];
      for (const url of urls) findings.push(...(await audit(page, url)));
      console.log(`${email}: ${urls.length} pages\n${findings.map((f) => `  ${f.impact} ${f.rule} ×${f.nodes} ${f.page} — ${f.example}`).join("\n")}`);
      expect(findings).toEqual([]);
    });
  }
});

test.describe("phone, 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the menu opens as a vertical list with every link on screen; nothing scrolls sideways", async ({ page, loginAs }) => {
    await loginAs("chutich.sta@thidua.test");
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
    const button = page.getByRole("button", { name: /^Menu/ });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(390);

    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    const plans = nav.getByRole("link", { name: "Kế hoạch phối hợp" });
    await expect(plans).toBeVisible();
    // every link lies within the screen's width (a list, not a strip)
    const boxes = await nav.locator("a").evaluateAll((as) => as.map((a) => a.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
    expect(boxes.length).toBeGreaterThan(5);
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(390);
    }
    expect(await width()).toBeLessThanOrEqual(390);

    await plans.click();
    await page.waitForURL(/\/ke-hoach$/);
    await expect(nav).toBeHidden();
    expect(await width()).toBeLessThanOrEqual(390);
  });
});
