// What an enrolment shows once: the QR code, the secret to type in by hand, and the 10
// recovery codes. Nothing of it can be shown again later (SECURITY.md: secrets never go back to
// the browser after enrolment).
export function EnrolmentDetails({ qr, secret, recoveryCodes }: { qr: string; secret: string; recoveryCodes: string[] }) {
  return (
    <div className="flex flex-col gap-3 text-sm">
      <p>
        Mở ứng dụng xác thực (Google Authenticator, Microsoft Authenticator, FreeOTP…) và quét mã QR dưới đây, hoặc nhập khóa bí mật bằng tay.
      </p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, not an asset */}
      <img src={qr} alt="Mã QR để thêm tài khoản vào ứng dụng xác thực" width={180} height={180} className="self-center rounded border border-slate-200" />
      <p>
        Khóa bí mật: <code className="break-all rounded bg-slate-100 px-1 font-mono" data-testid="totp-secret">{secret}</code>
      </p>
      <div className="rounded-md border border-amber-300 bg-amber-50 p-3">
        <p className="font-medium text-amber-900">Mã khôi phục (chỉ hiện một lần)</p>
        <p className="mt-1 text-amber-900">
          Mỗi mã dùng được một lần khi bạn không có điện thoại. Hãy in hoặc chép lại và cất ở nơi an toàn.
        </p>
        <ul className="mt-2 grid grid-cols-2 gap-1 font-mono" data-testid="recovery-codes">
          {recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
