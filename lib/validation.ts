// zod building blocks with plain Vietnamese messages, shared by forms (client) and actions
// (server). Text is NFC-normalised; dates accept dd/mm/yyyy or yyyy-mm-dd.
import { z } from "zod";
import { cleanText, parseDate } from "./format";

z.config(z.locales.vi());

export { z };

/** Required text: trimmed, NFC, 1..max characters. */
export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `Vui lòng nhập ${label}.` })
    .transform(cleanText)
    .pipe(z.string().min(1, `Vui lòng nhập ${label}.`).max(max, `${capital(label)} dài quá ${max} ký tự.`));

/** Optional text: empty → undefined. */
export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().max(max, `${capital(label)} dài quá ${max} ký tự.`))
    .transform((v) => (v ? v : undefined))
    .optional();

/**
 * A calendar date, dd/mm/yyyy (what the date input posts, components/ui/date-input.tsx) or ISO
 * yyyy-mm-dd, within sensible years. A day the calendar does not have (31/02, 29/02 of a common
 * year) is refused with its own message, on the field.
 */
export const vnDate = (label: string) =>
  z.string({ error: `Vui lòng nhập ${label}.` }).transform((s, ctx) => {
    // parseDate refuses a day the calendar does not have (31/02, 29/02 of a common year).
    const d = parseDate(s);
    if (!d || d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 2100) {
      ctx.addIssue({ code: "custom", message: `${capital(label)} không hợp lệ (định dạng dd/mm/yyyy).` });
      return z.NEVER;
    }
    return d;
  });

export const optionalDate = (label: string) => vnDate(label).optional();

export const email = (label = "email") =>
  z
    .string({ error: `Vui lòng nhập ${label}.` })
    .trim()
    .toLowerCase()
    .pipe(z.email(`${capital(label)} không hợp lệ.`).max(254));

export const optionalEmail = (label = "email") => email(label).optional();

export const id = (label = "mã") => z.string({ error: `Thiếu ${label}.` }).min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, `${capital(label)} không hợp lệ.`);

/**
 * The per-render key of a create form (components/ui/submission-key.tsx): the same submit sent
 * twice creates one record (lib/server/submission.ts). Optional: callers without a form
 * (scripts, tests) create without it.
 */
export const submissionKey = id("mã gửi biểu mẫu").optional();

export const version = z.coerce.number({ error: "Thiếu phiên bản dữ liệu." }).int().min(1);

export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
