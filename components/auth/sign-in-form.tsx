"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { Field, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

const MESSAGES: Record<string, string> = {
  LOCKED: "Tài khoản tạm khóa 15 phút do nhập sai mật khẩu quá 5 lần. Vui lòng thử lại sau.",
  CredentialsSignin: "Email hoặc mật khẩu không đúng.",
};

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!res || res.error) {
        setError(MESSAGES[res?.error ?? ""] ?? MESSAGES.CredentialsSignin);
        setPending(false);
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError("Không kết nối được máy chủ. Vui lòng thử lại.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field name="email" label="Email">
        <input id="email" name="email" type="email" autoComplete="username" required className={inputClass} />
      </Field>
      <Field name="password" label="Mật khẩu">
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Đang đăng nhập…" : "Đăng nhập"}
      </Button>
    </form>
  );
}
