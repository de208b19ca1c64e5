import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { getDb } from "../server/db";
import { env } from "../server/env";
import { clientAddress } from "./address";
import { decodeJwt, encodeJwt } from "./jwt";
import { safeCallbackUrl } from "./callback";
import { DEVICE_COOKIE_DAYS, deviceFor, withDeviceEntry } from "./device";
import { revokeSession, signInWithPassword, type SignInFailure } from "./sessions";
import { deviceCookieName, isHttpsDeployment } from "./tls";
import { LOCK_MINUTES, MAX_ACCOUNT_FAILURES, MAX_FAILURES } from "./throttle";
import { lockCode } from "./lock-message";

/**
 * What a failed sign-in tells the browser: next-auth passes the message of an error thrown in
 * `authorize` on as `?error=…`; the form turns it into Vietnamese (components/auth/sign-in-form.tsx).
 * Plain "wrong e-mail or password" stays next-auth's own CredentialsSignin.
 */
export function signInErrorCode(f: SignInFailure): string | null {
  switch (f.reason) {
    case "invalid":
      return f.remaining !== undefined ? `INVALID_LEFT_${f.remaining}` : null;
    case "locked":
      // The rule that locked: this client's MAX_FAILURES, or the account's failures across addresses.
      return f.acrossAddresses ? lockCode(true, MAX_ACCOUNT_FAILURES, LOCK_MINUTES) : lockCode(false, MAX_FAILURES, LOCK_MINUTES);
    case "code_required":
      return "CODE_REQUIRED";
    case "enrol_required":
      return "ENROL_REQUIRED";
    case "code_invalid":
      return f.remaining !== undefined && f.remaining <= 2 ? `CODE_INVALID_LEFT_${f.remaining}` : "CODE_INVALID";
    case "code_locked":
      return "CODE_LOCKED";
    case "password_change_required":
      return "PASSWORD_CHANGE_REQUIRED";
    case "new_password_weak":
      // The rule's own Vietnamese text travels in the error (it is ours, never user input).
      return `NEW_PASSWORD_WEAK:${f.problem}`;
  }
}

/** Reads a cookie from a raw Cookie header (what next-auth hands `authorize`). */
export function cookieFrom(header: unknown, name: string): string | null {
  for (const part of String(header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

const secure = isHttpsDeployment();

// next-auth keeps a JWT cookie that carries only our server-side session id (sid); every
// request checks that row (lib/auth/viewer.ts), so signing out really ends the session.
export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET ?? env.AUTH_SECRET,
  // Secure, `__Secure-`-prefixed cookies exactly when served over HTTPS (lib/auth/tls.ts).
  useSecureCookies: secure,
  session: { strategy: "jwt", maxAge: env.SESSION_HOURS * 3600 },
  // next-auth's own token format, with the HKDF key derived once (lib/auth/jwt.ts).
  jwt: { maxAge: env.SESSION_HOURS * 3600, encode: encodeJwt, decode: decodeJwt },
  pages: { signIn: "/dang-nhap", error: "/dang-nhap" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Mật khẩu", type: "password" },
        code: { label: "Mã xác thực", type: "text" },
        newPassword: { label: "Mật khẩu mới", type: "password" },
      },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "").slice(0, 254);
        const password = String(credentials?.password ?? "").slice(0, 200);
        const code = String(credentials?.code ?? "").slice(0, 32);
        const newPassword = String((credentials as { newPassword?: string } | undefined)?.newPassword ?? "").slice(0, 200);
        if (!email || !password) return null;
        const headers = (req?.headers ?? {}) as Record<string, unknown>;
        const cookieName = deviceCookieName(secure);
        const deviceCookie = cookieFrom(headers.cookie, cookieName);
        const client = { address: clientAddress(headers), device: deviceFor(deviceCookie, email) };
        const result = await signInWithPassword(await getDb(), email, password, client, new Date(), { code, newPassword });
        if (!result.ok) {
          // Unknown clients wait longer after each failure (OWASP: slow down online guessing).
          if (result.reason === "invalid" && result.slowMs) await new Promise((r) => setTimeout(r, result.slowMs));
          const error = signInErrorCode(result);
          if (error) throw new Error(error);
          return null;
        }
        // This browser is now a known device for this account (lib/auth/device.ts).
        (await cookies()).set(cookieName, withDeviceEntry(deviceCookie, email), {
          httpOnly: true,
          sameSite: "strict",
          secure,
          path: "/",
          maxAge: DEVICE_COOKIE_DAYS * 24 * 3600,
        });
        return { id: result.userId, sid: result.sessionId } as { id: string; sid: string };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sid = (user as { sid?: string }).sid;
        token.sub = user.id;
      }
      return token;
    },
    async session({ session, token }) {
      // Only the session id crosses to the browser-visible session; names come from the DB.
      return { expires: session.expires, sid: token.sid } as typeof session;
    },
    async redirect({ url, baseUrl }) {
      // callbackUrl only to in-app paths: resolved against our origin, origin compared.
      return safeCallbackUrl(url, baseUrl);
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeSession(await getDb(), String(token.sid));
    },
  },
};
