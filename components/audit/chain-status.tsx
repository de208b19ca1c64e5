import type { ChainStatus } from "@/lib/audit/queries";
import { formatDateTime, formatNumber } from "@/lib/format";

const ALERT = "mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800";
const REPORT = " Hãy báo ngay cho quản trị hệ thống.";

/** The audit chain's verdict (lib/audit/anchor.ts), shown to admins and upper-unit staff. */
export function ChainStatusNote({ status }: { status: ChainStatus | null }) {
  if (!status) return null;
  if (status.ok) {
    return (
      <p role="status" className="mb-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
        ✓ Chuỗi nhật ký toàn vẹn: chưa bản ghi nào bị sửa hay xóa.{" "}
        {status.checkpoint
          ? `Đã đối chiếu với mốc kiểm tra lưu ngoài cơ sở dữ liệu lúc ${formatDateTime(status.checkpoint.at)} (${formatNumber(status.checkpoint.count)} bản ghi).`
          : "Chưa có mốc kiểm tra nào lưu ngoài cơ sở dữ liệu."}
        {status.forgedCheckpoints > 0 && ` Cảnh báo: ${formatNumber(status.forgedCheckpoints)} dòng trong tệp mốc kiểm tra bị sửa (sai mã xác thực).`}
      </p>
    );
  }
  if (status.kind === "truncated") {
    return (
      <p role="alert" className={ALERT}>
        Chuỗi nhật ký bị cắt: đã mất bản ghi
        {status.expectedCount !== null
          ? ` so với mốc kiểm tra lúc ${formatDateTime(status.checkpointAt)} (mốc ghi nhận ${formatNumber(status.expectedCount)} bản ghi đến #${status.lastId}, nay chỉ còn ${formatNumber(status.foundCount)}).`
          : ` từ #${status.lastId} trở đi (còn mã xác thực nhưng không còn bản ghi).`}
        {REPORT}
      </p>
    );
  }
  if (status.kind === "rechained") {
    return (
      <p role="alert" className={ALERT}>
        Chuỗi nhật ký bị tính lại:{" "}
        {status.reason === "head"
          ? `mã băm của chuỗi khác với mốc kiểm tra lúc ${formatDateTime(status.checkpointAt)}, tức là bản ghi cũ đã bị sửa hoặc xóa rồi tính lại chuỗi.`
          : `bản ghi #${status.firstBadId} không khớp mã xác thực (HMAC) do ứng dụng ghi, tức là bản ghi đã bị sửa, chèn hoặc chuỗi bị tính lại.`}
        {REPORT}
      </p>
    );
  }
  return (
    <p role="alert" className={ALERT}>
      Chuỗi nhật ký: phát hiện sai lệch tại bản ghi #{status.firstBadId}.{REPORT}
    </p>
  );
}
