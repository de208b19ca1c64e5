import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-2xl font-semibold">Không tìm thấy trang</h1>
      <p className="max-w-md text-slate-600">Trang hoặc dữ liệu bạn tìm không tồn tại, hoặc bạn không có quyền xem.</p>
      <Link href="/" className="text-brand-700 underline">
        Về trang tổng quan
      </Link>
    </main>
  );
}
