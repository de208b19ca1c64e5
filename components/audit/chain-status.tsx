import type { ChainStatus } from "@/lib/audit/queries";

/** The audit_verify() verdict, shown to admins and upper-unit staff. */
export function ChainStatusNote({ status }: { status: ChainStatus | null }) {
  if (!status) return null;
  return status.ok ? (
    <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
      ✓ Chuỗi nhật ký toàn vẹn: chưa bản ghi nào bị sửa hay xóa.
    </p>
  ) : (
    <p role="alert" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
      Chuỗi nhật ký: phát hiện sai lệch tại bản ghi #{status.firstBadId}. Hãy báo ngay cho quản trị hệ thống.
    </p>
  );
}
