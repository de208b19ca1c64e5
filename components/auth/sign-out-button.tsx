"use client";
import { signOut } from "next-auth/react";

/**
 * Signs out and goes to the sign-in page on the host the person came on. next-auth would send
 * them to its configured URL (NEXTAUTH_URL, e.g. "localhost" for someone on 127.0.0.1, whose
 * cookies then do not follow): the session is ended without its redirect, then a relative
 * navigation keeps the origin, which is by definition one the app was reached on.
 */
export function SignOutButton() {
  async function onClick() {
    try {
      await signOut({ redirect: false });
    } finally {
      // A full load, not a client navigation: nothing of the signed-in pages stays in memory.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/dang-nhap");
    }
  }
  return (
    <button type="button" onClick={onClick} className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
      Đăng xuất
    </button>
  );
}
