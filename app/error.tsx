"use client";

// Never shows the error's text: details stay in the server log (Next sends only a digest).
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Đã có lỗi xảy ra</h1>
      <p className="max-w-md text-slate-600">Hệ thống gặp sự cố khi xử lý yêu cầu. Dữ liệu bạn đã lưu trước đó không bị ảnh hưởng. Vui lòng thử lại.</p>
      {error.digest && <p className="text-xs text-slate-400">Mã lỗi: {error.digest}</p>}
      <button onClick={reset} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
        Thử lại
      </button>
    </main>
  );
}
