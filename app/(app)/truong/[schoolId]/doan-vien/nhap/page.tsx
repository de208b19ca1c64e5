import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getSchoolForMembers } from "@/lib/members/queries";
import { IMPORT_COLUMNS } from "@/lib/members/rules";
import { orNotFound, routeId } from "@/lib/server/page";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/page";
import { ImportForm } from "@/components/members/import-form";
import { MAX_IMPORT_ROWS, MAX_UPLOAD_BYTES } from "@/lib/members/excel";
import { formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Nhập đoàn viên từ Excel" };

/** Nhập đoàn viên từ Excel: the school's chair (member.manage). */
export default async function ImportMembersPage({ params }: { params: Promise<{ schoolId: string }> }) {
  // A place the viewer works in with member.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("member.read", { school: (await params).schoolId, within: true });
  const school = await orNotFound(getSchoolForMembers(viewer, routeId((await params).schoolId), "member.manage"));
  const base = `/truong/${school.id}/doan-vien`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={base} className="text-brand-700 hover:underline">
          ← Danh sách đoàn viên
        </Link>
      </p>
      <PageHeader title="Nhập đoàn viên từ Excel" subtitle={school.name} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <ImportForm schoolId={school.id} listHref={base} maxRows={MAX_IMPORT_ROWS} maxMegabytes={MAX_UPLOAD_BYTES / 1024 / 1024} />
        </Card>
        <Card title="Cách làm">
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            <li>
              <a href={`${base}/nhap/mau`} download className="text-brand-700 underline">
                Tải tệp mẫu
              </a>{" "}
              (có sẵn tên các tổ công đoàn của trường).
            </li>
            <li>Mỗi đoàn viên một dòng. Bắt buộc: Họ và tên, Giới tính (Nam/Nữ). Ngày ghi dạng dd/mm/yyyy (hoặc ô ngày của Excel).</li>
            <li>
              Mỗi tệp tối đa <strong>{formatNumber(MAX_IMPORT_ROWS)} dòng</strong> và {MAX_UPLOAD_BYTES / 1024 / 1024} MB; nhiều hơn thì chia thành nhiều tệp.
            </li>
            <li>Chọn tệp rồi bấm “Kiểm tra tệp” để xem các dòng chưa hợp lệ.</li>
            <li>Bấm “Nhập đoàn viên”. Nếu còn dòng lỗi, không dòng nào được nhập, trừ khi bạn chọn “chỉ nhập các dòng hợp lệ”.</li>
          </ol>
          <p className="mt-3 text-xs text-slate-500">Các cột: {IMPORT_COLUMNS.map((c) => c.header).join(", ")}.</p>
          <p className="mt-3">
            <a href={`${base}/nhap/mau`} download className={buttonClass("secondary")}>
              Tải tệp mẫu (.xlsx)
            </a>
          </p>
        </Card>
      </div>
    </>
  );
}
