// What a hostile outsider found at sign-in and around it (issue 10), in Chromium and as raw HTTP
// against `next start`: the open redirect after a real sign-in, two-step sign-in, the device
// cookie, 413 for bodies over the limit, download headers, a NUL byte in ?q=, HSTS only over TLS.
import { expect, test, DEMO_PASSWORD } from "./fixtures";
import { totpCode } from "../../lib/auth/totp";
import { DEMO_TOTP_SECRET } from "../../lib/auth/demo-totp";

const CHAIR = "chutich.sta@thidua.test";

async function signInWithForm(page: import("@playwright/test").Page, email: string) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
}

test.describe("callbackUrl after a real sign-in stays on the app", () => {
  for (const raw of ["/%5Cevil.example/x", "/%09/evil.example/x", "/\\/evil.example/x", "//evil.example/x", "https://evil.example/x"]) {
    test(`callbackUrl=${raw}`, async ({ page, baseURL }) => {
      // Requests to the attacker's host never leave the machine; a navigation there would show in page.url().
      await page.route((url) => url.hostname.endsWith("evil.example"), (route) => route.fulfill({ status: 200, body: "evil" }));
      await page.goto(`/dang-nhap?callbackUrl=${raw}`);
      await signInWithForm(page, CHAIR);
      await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"));
      await page.waitForLoadState("load");
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      await expect(page.locator("body")).not.toHaveText("evil");
    });
  }

  test("an in-app callbackUrl is kept", async ({ page }) => {
    await page.goto(`/dang-nhap?callbackUrl=${encodeURIComponent("/truong/sch_sta/doan-vien?q=an")}`);
    await signInWithForm(page, CHAIR);
    await page.waitForURL((url) => url.pathname === "/truong/sch_sta/doan-vien");
    expect(new URL(page.url()).searchParams.get("q")).toBe("an");
  });
});

test("after signing in the browser holds an HttpOnly device cookie", async ({ page, context }) => {
  await page.goto("/dang-nhap");
  await signInWithForm(page, CHAIR);
  await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"));
  const device = (await context.cookies()).find((c) => c.name === "thidua-device");
  expect(device?.httpOnly).toBe(true);
  expect(device?.sameSite).toBe("Strict");
  expect(device?.value).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
});

test("two-step sign-in: the code is asked for, a wrong one refused in Vietnamese, the right one lets in", async ({ page }) => {
  await page.goto("/dang-nhap");
  await signInWithForm(page, "congdoan.bs@thidua.test");
  await expect(page.getByText("Nhập mã 6 số trong ứng dụng xác thực")).toBeVisible();
  const code = page.getByLabel("Mã xác thực", { exact: true });
  const good = totpCode(DEMO_TOTP_SECRET);
  await code.fill(good === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Xác nhận", exact: true }).click();
  // (not getByRole("alert"): Next's route announcer is an alert too)
  await expect(page.getByText("Mã xác thực không đúng hoặc đã được dùng.")).toBeVisible();
  for (const offset of [0, 30_000]) {
    await code.fill(totpCode(DEMO_TOTP_SECRET, Date.now() + offset));
    await page.getByRole("button", { name: "Xác nhận", exact: true }).click();
    if (await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"), { timeout: 5000 }).then(() => true, () => false)) break;
  }
  expect(new URL(page.url()).pathname).not.toBe("/dang-nhap");
  await page.goto("/ca-nhan/bao-mat");
  await expect(page.getByText("Đang bật")).toBeVisible();
  await expect(page.getByText("Vai trò của bạn bắt buộc dùng xác thực hai bước.")).toBeVisible();
  // The secret never comes back to the browser after enrolment.
  expect(await page.content()).not.toContain(DEMO_TOTP_SECRET);
});

test.describe("raw HTTP", () => {
  const big = Buffer.alloc(6 * 1024 * 1024, 0x61);

  test("a server-action body over the limit gets 413 with a Vietnamese message, not 500", async ({ request }) => {
    const res = await request.post("/truong/sch_sta/doan-vien", {
      headers: { "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8" },
      data: big,
      maxRedirects: 0,
    });
    expect(res.status()).toBe(413);
    expect(await res.text()).toContain("Dữ liệu gửi lên quá lớn");
  });

  test("an over-size upload gets 413, not 500", async ({ request }) => {
    const res = await request.post("/truong/sch_sta/bieu-diem", {
      headers: { "Next-Action": "0".repeat(42) },
      multipart: { "1_file": { name: "minh-chung.pdf", mimeType: "application/pdf", buffer: big }, "1_sheetId": "x" },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(413);
    expect(await res.text()).toContain("quá lớn");
  });

  test("downloads keep their own CSP and cache headers; a NUL byte in ?q= is not a 500", async ({ page, request }) => {
    await page.goto("/dang-nhap");
    await signInWithForm(page, CHAIR);
    await page.waitForURL((url) => !url.pathname.startsWith("/dang-nhap"));
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const dl = await request.get("/truong/sch_sta/doan-vien/xuat", { headers: { cookie }, maxRedirects: 0 });
    expect(dl.status()).toBe(200);
    expect(dl.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
    expect(dl.headers()["cache-control"]).toBe("no-store");
    expect(dl.headers()["content-disposition"]).toContain("attachment");
    for (const p of ["/truong/sch_sta/doan-vien?q=a%00b", "/truong/sch_sta/doan-vien/xuat?q=a%00b", "/truong/sch_sta/doan-vien?q=%00%01%1F"]) {
      const res = await request.get(p, { headers: { cookie }, maxRedirects: 0 });
      expect(res.status(), p).toBe(200);
    }
    // Pages still get the page policy.
    const pageRes = await request.get("/truong/sch_sta/doan-vien", { headers: { cookie } });
    expect(pageRes.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  });

  test("over plain http on localhost: no HSTS and no Secure session cookie", async ({ request }) => {
    const res = await request.get("/dang-nhap");
    expect(res.headers()["strict-transport-security"]).toBeUndefined();
    const csrf = await (await request.get("/api/auth/csrf")).json();
    await request.post("/api/auth/callback/credentials", {
      form: { email: CHAIR, password: DEMO_PASSWORD, csrfToken: csrf.csrfToken, json: "true", callbackUrl: "/" },
    });
    const session = (await request.storageState()).cookies.find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.name).toBe("next-auth.session-token");
    expect(session?.secure).toBe(false);
  });
});
