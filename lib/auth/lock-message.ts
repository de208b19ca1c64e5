// What a person locked out of sign-in is told (issue 11: say the rule that locked them, exactly).
// Pure and client-safe: the sign-in form (client) and the server actions share it. The numbers
// come from lib/auth/throttle.ts (MAX_FAILURES, MAX_ACCOUNT_FAILURES, LOCK_MINUTES) through the
// error code, so the text cannot drift from the rule.

/** This browser or address made `failures` wrong attempts in a row. */
export function clientLockMessage(failures: number, minutes: number): string {
  return `Đăng nhập vào tài khoản này tạm khóa ${minutes} phút vì có ${failures} lần nhập sai mật khẩu liên tiếp. Vui lòng thử lại sau.`;
}

/**
 * The account saw `failures` wrong attempts from many addresses (none of them reached the
 * per-address limit): locked for browsers that never signed in to it; the owner's known browser
 * keeps its own allowance.
 */
export function accountLockMessage(failures: number, minutes: number): string {
  return (
    `Tài khoản này tạm khóa ${minutes} phút vì có ${failures} lần nhập sai mật khẩu từ nhiều địa chỉ khác nhau. ` +
    "Trên trình duyệt bạn đã từng đăng nhập vào tài khoản này, bạn vẫn đăng nhập được; nếu không, vui lòng thử lại sau."
  );
}

/** The error code a lock travels as to the sign-in form ("LOCKED_5_15", "LOCKED_ACCOUNT_20_15"). */
export function lockCode(acrossAddresses: boolean, failures: number, minutes: number): string {
  return `${acrossAddresses ? "LOCKED_ACCOUNT" : "LOCKED"}_${failures}_${minutes}`;
}

/** The message for a code made by `lockCode` (null: not a lock code). */
export function lockMessageFor(code: string): string | null {
  const m = /^LOCKED(_ACCOUNT)?_(\d{1,3})_(\d{1,4})$/.exec(code);
  if (!m) return null;
  return m[1] ? accountLockMessage(Number(m[2]), Number(m[3])) : clientLockMessage(Number(m[2]), Number(m[3]));
}
