"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="vi">
      <body style={{ fontFamily: "sans-serif", padding: 32, textAlign: "center" }}>
        <h1>Đã có lỗi xảy ra</h1>
        <p>Vui lòng tải lại trang. {error.digest ? `Mã lỗi: ${error.digest}` : ""}</p>
      </body>
    </html>
  );
}
