import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { SignInForm } from "@/components/auth/sign-in-form";
import { appOrigin, safeCallbackPath } from "@/lib/auth/callback";

export const metadata: Metadata = { title: "Đăng nhập" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  // Resolved against our own origin; anything off-site (`/\evil`, `/%09/evil`, …) becomes "/".
  const safe = safeCallbackPath(Array.isArray(callbackUrl) ? callbackUrl[0] : callbackUrl, appOrigin());
  if (await getViewer()) redirect(safe);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-md">
        <p className="text-sm font-medium text-brand-700">Thi đua – Khen thưởng</p>
        <h1 className="mt-1 mb-6 text-2xl font-semibold">Đăng nhập</h1>
        <SignInForm callbackUrl={safe} />
        {process.env.SHOW_DEMO_ACCOUNTS === "1" ? (
          <p className="mt-6 text-xs text-slate-500">Dữ liệu thử nghiệm: xem danh sách tài khoản trong README (mật khẩu ThiDua@2025).</p>
        ) : null}
      </div>
    </main>
  );
}
