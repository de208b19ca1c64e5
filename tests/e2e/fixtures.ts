// Shared Playwright fixtures: `loginAs(email)` signs in through the real form.
import { test as base, expect } from "@playwright/test";

/** The demo accounts' password (seed data only). */
export const DEMO_PASSWORD = "ThiDua@2025";

export const test = base.extend<{ loginAs: (email: string) => Promise<void> }>({
  loginAs: async ({ page }, use) => {
    await use(async (email: string) => {
      await page.goto("/dang-nhap");
      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"));
    });
  },
});

export { expect };
