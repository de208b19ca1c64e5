import { expect, test } from "./fixtures";

test("trang đăng nhập hiện ra / the sign-in page answers", async ({ page }) => {
  const response = await page.goto("/dang-nhap");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Đăng nhập" })).toBeVisible();
});
