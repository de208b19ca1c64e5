import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/server/db";
import { twoStepStatus } from "@/lib/auth/two-step";
import { can } from "@/lib/authz/permissions";
import { holdsAny } from "@/lib/authz/gate";
import { widestScope } from "@/lib/authz/decide";
import { formatDateTime } from "@/lib/format";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { AdminResetForm, ChangePasswordForm, DisableForm, EnrolPanel, ResetPasswordForm } from "./forms";

export const metadata: Metadata = { title: "Bảo mật tài khoản" };

/** Two-step sign-in of the signed-in person; for admins, the reset of another user's. */
export default async function SecurityPage() {
  const viewer = await requireViewer();
  const status = await twoStepStatus(await getDb(), viewer.userId);
  return (
    <>
      <PageHeader title="Bảo mật tài khoản" subtitle={viewer.email} />
      <Card title="Đổi mật khẩu" className="mb-4">
        <p className="mb-3 text-sm text-slate-700">Sau khi đổi, mọi phiên đăng nhập khác của bạn (trên máy hoặc điện thoại khác) kết thúc; phiên này vẫn giữ.</p>
        <ChangePasswordForm />
      </Card>
      <Card title="Xác thực hai bước">
        <p className="mb-3 text-sm text-slate-700">
          Khi đăng nhập, ngoài mật khẩu bạn nhập thêm mã 6 số từ ứng dụng xác thực trên điện thoại.{" "}
          {status.required ? "Vai trò của bạn bắt buộc dùng xác thực hai bước." : "Không bắt buộc với vai trò của bạn, nhưng nên bật."}
        </p>
        {status.enabled ? (
          <div className="flex flex-col gap-3 text-sm">
            <p>
              <Badge tone="green">Đang bật</Badge>
              {status.enabledAt ? <span className="ml-2 text-slate-600">từ {formatDateTime(status.enabledAt)}</span> : null}
            </p>
            <p>
              Mã khôi phục còn dùng được: <strong>{status.recoveryLeft}</strong>
              {status.recoveryLeft <= 2 ? " — sắp hết; hãy nhờ quản trị hệ thống đặt lại để đăng ký lại và nhận mã mới." : ""}
            </p>
            {!status.required ? <DisableForm /> : null}
          </div>
        ) : (
          <EnrolPanel />
        )}
      </Card>
      {holdsAny(viewer, "user.password_reset") ? (
        <Card title="Đặt lại mật khẩu cho người dùng quên mật khẩu" className="mt-4">
          <p className="mb-3 text-sm text-slate-700">
            {widestScope(viewer, "user.password_reset") === "school"
              ? "Cho tài khoản đoàn viên và tổ trưởng của trường (mật khẩu của hiệu trưởng, chủ tịch công đoàn do công đoàn cấp trên đặt lại)."
              : widestScope(viewer, "user.password_reset") === "unit"
                ? "Cho tài khoản của người làm việc ở các trường trực thuộc đơn vị."
                : "Cho mọi tài khoản."}{" "}
            Người dùng phải chọn mật khẩu mới khi đăng nhập lần tới; mọi phiên đăng nhập của họ kết thúc. Thao tác được ghi nhật ký.
          </p>
          <ResetPasswordForm />
        </Card>
      ) : null}
      {can(viewer, "user.twostep_reset", {}) ? (
        <Card title="Đặt lại xác thực hai bước cho người dùng" className="mt-4">
          <p className="mb-3 text-sm text-slate-700">
            Khi người dùng mất điện thoại và hết mã khôi phục: xóa khóa bí mật và mã khôi phục của họ, kết thúc mọi phiên đăng nhập. Thao tác được ghi nhật ký.
          </p>
          <AdminResetForm />
        </Card>
      ) : null}
    </>
  );
}
