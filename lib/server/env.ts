import { z } from "zod";

// Environment, checked once. scripts/start.mjs fills NEXTAUTH_SECRET from .data/ for the
// embedded demo; production must set it.
const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  AUTH_SECRET: z.string().min(16).optional(),
  /** "1" when a reverse proxy we run overwrites X-Forwarded-For (see README). */
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Absolute session lifetime and idle timeout, in minutes. */
  SESSION_HOURS: z.coerce.number().min(1).max(24).default(8),
  SESSION_IDLE_MINUTES: z.coerce.number().min(5).max(24 * 60).default(120),
});

export const env = schema.parse(process.env);

export function authSecret(): string {
  const s = env.NEXTAUTH_SECRET ?? env.AUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET chưa được đặt.");
  return s;
}
