import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../server/db";
import { env } from "../server/env";
import { clientAddress } from "./address";
import { revokeSession, signInWithPassword } from "./sessions";

// next-auth keeps a JWT cookie that carries only our server-side session id (sid); every
// request checks that row (lib/auth/viewer.ts), so signing out really ends the session.
export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET ?? env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: env.SESSION_HOURS * 3600 },
  jwt: { maxAge: env.SESSION_HOURS * 3600 },
  pages: { signIn: "/dang-nhap", error: "/dang-nhap" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Mật khẩu", type: "password" } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "").slice(0, 254);
        const password = String(credentials?.password ?? "").slice(0, 200);
        if (!email || !password) return null;
        const result = await signInWithPassword(await getDb(), email, password, clientAddress(req?.headers ?? {}));
        if (!result.ok) {
          if (result.reason === "locked") throw new Error("LOCKED");
          return null;
        }
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
      // callbackUrl only to in-app paths.
      if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
      try {
        if (new URL(url).origin === baseUrl) return url;
      } catch {}
      return baseUrl;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeSession(await getDb(), String(token.sid));
    },
  },
};
