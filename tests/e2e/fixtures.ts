// Shared Playwright fixtures: `loginAs(email)` signs in through the real form (with the
// second step for the demo accounts that require it, from the published demo secret).
import { test as base, expect, type Cookie, type Page } from "@playwright/test";
import { totpCode } from "../../lib/auth/totp";
import { DEMO_TOTP_SECRET } from "../../lib/auth/demo-totp";

/** The demo accounts' password (seed data only). */
export const DEMO_PASSWORD = "ThiDua@2025";

/** Demo accounts that must use two-step sign-in; their published secret is in README. */
const TWO_STEP_ACCOUNTS = new Set(["admin@thidua.test", "congdoan@thidua.test", "congdoan.bs@thidua.test"]);

/** Sessions of two-step accounts, kept per worker: each code is accepted once (RFC 6238 §5.2). */
const twoStepSessions = new Map<string, Cookie[]>();

/** Fills in the second step with codes computed from the demo secret (retrying the next step when another worker used this one). */
async function secondStep(page: Page) {
  const code = page.getByLabel("Mã xác thực", { exact: true });
  for (let attempt = 0; attempt < 4; attempt++) {
    const offset = attempt % 2 === 0 ? 0 : 30_000;
    if (attempt === 2) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    await code.fill(totpCode(DEMO_TOTP_SECRET, Date.now() + offset));
    await page.getByRole("button", { name: "Xác nhận", exact: true }).click();
    const done = await page
      .waitForURL((url) => !url.pathname.startsWith("/dang-nhap"), { timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (done) return;
  }
  throw new Error("two-step sign-in failed");
}

export const test = base.extend<{ loginAs: (email: string) => Promise<void> }>({
  loginAs: async ({ page }, use) => {
    await use(async (email: string) => {
      const cached = twoStepSessions.get(email);
      if (cached) {
        await page.context().clearCookies();
        await page.context().addCookies(cached);
        await page.goto("/");
        if (!new URL(page.url()).pathname.startsWith("/dang-nhap")) return;
        twoStepSessions.delete(email); // signed out or expired meanwhile: sign in again
      }
      await page.goto("/dang-nhap");
      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
      if (TWO_STEP_ACCOUNTS.has(email)) {
        await secondStep(page);
        twoStepSessions.set(email, await page.context().cookies());
      }
      await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"));
    });
  },
});

/**
 * Confirms the confirm dialog a click opened, if any (components/ui/confirm-dialog.tsx, which
 * replaced the browser's confirm()): its confirming button is the dialog's last.
 */
export async function confirmDialog(page: Page) {
  // showModal() runs in the trigger's click handler: the dialog is open once click() returns.
  const dialog = page.locator("dialog[open]");
  if (await dialog.isVisible().catch(() => false)) await dialog.getByRole("button").last().click();
}

export { expect };
