// The rule for a new password (SECURITY.md "Sign-in and sessions"; OWASP ASVS V2.1: length over
// composition rules, no known or guessable passwords). Pure: the forms, the actions and the
// tests use it. lib/auth/password.ts hashes.
import { foldVietnamese } from "../format";

/** At least this many characters. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** Passwords any guesser tries first (and the demo's own), compared case-insensitively. */
const COMMON = new Set(
  [
    "thidua@2025",
    "thidua2025",
    "matkhau123",
    "matkhau@123",
    "123456789a",
    "1234567890",
    "0123456789",
    "12345678910",
    "qwertyuiop",
    "password123",
    "password@123",
    "admin@12345",
    "abc@123456",
    "congdoan@123",
    "congdoan2025",
    "iloveyou123",
  ].map((p) => p.toLowerCase()),
);

/** What is wrong with a new password, in Vietnamese; null when it is acceptable. */
export function newPasswordProblem(password: string, ctx: { email?: string; displayName?: string; current?: string } = {}): string | null {
  const p = password.normalize("NFC");
  if (p.length < PASSWORD_MIN) return `Mật khẩu mới cần ít nhất ${PASSWORD_MIN} ký tự.`;
  if (p.length > PASSWORD_MAX) return `Mật khẩu mới dài quá ${PASSWORD_MAX} ký tự.`;
  if (!/\p{L}/u.test(p) || !/\p{N}/u.test(p)) return "Mật khẩu mới cần có cả chữ và số.";
  if (new Set(p).size < 4) return "Mật khẩu mới lặp lại quá ít ký tự khác nhau.";
  if (COMMON.has(p.toLowerCase())) return "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.";
  const folded = foldVietnamese(p).replace(/[^a-z0-9]/g, "");
  const local = foldVietnamese((ctx.email ?? "").split("@")[0] ?? "").replace(/[^a-z0-9]/g, "");
  if (local.length >= 4 && folded.includes(local)) return "Mật khẩu mới không được chứa tên đăng nhập (email).";
  const name = foldVietnamese(ctx.displayName ?? "").replace(/[^a-z0-9]/g, "");
  if (name.length >= 4 && folded.includes(name)) return "Mật khẩu mới không được chứa họ tên của bạn.";
  if (ctx.current !== undefined && p === ctx.current.normalize("NFC")) return "Mật khẩu mới phải khác mật khẩu hiện tại.";
  return null;
}

/** A temporary password an administrator hands over (shown once): 14 characters, no look-alikes (0/O, 1/l/I). */
export function temporaryPassword(random: (n: number) => Uint8Array): string {
  const letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  const digits = "23456789";
  const all = letters + digits;
  for (;;) {
    const bytes = random(28);
    let out = "";
    // Rejection sampling: no modulo bias.
    for (const b of bytes) {
      if (out.length === 14) break;
      if (b < 256 - (256 % all.length)) out += all[b % all.length];
    }
    if (out.length === 14 && /[0-9]/.test(out) && /[a-zA-Z]/.test(out)) return `${out.slice(0, 7)}-${out.slice(7)}`;
  }
}
