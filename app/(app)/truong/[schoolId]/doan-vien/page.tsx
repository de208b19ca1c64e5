import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { listMembers } from "@/lib/members/queries";
import { listGroupOptions } from "@/lib/groups/queries";
import { statusFilter } from "@/lib/members/rules";
import { formatNumber } from "@/lib/format";
import { orNotFound, pageParam, routeId, textParam, idParam } from "@/lib/server/page";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page";
import { Pagination } from "@/components/ui/pagination";
import { MemberFilters } from "@/components/members/member-filters";
import { MemberList } from "@/components/members/member-list";

export const metadata: Metadata = { title: "Đoàn viên" };

type Search = Record<string, string | string[] | undefined>;

/** A school's members (member.read: chair, principal, upper staff; a group leader sees their group). */
export default async function MembersPage({ params, searchParams }: { params: Promise<{ schoolId: string }>; searchParams: Promise<Search> }) {
  // A place the viewer works in with member.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("member.read", { school: (await params).schoolId, within: true });
  const schoolId = routeId((await params).schoolId);
  const sp = await searchParams;
  const q = textParam(sp.q, 100);
  const groupId = idParam(sp.to);
  const status = statusFilter(textParam(sp["trang-thai"], 20)).slug || undefined;
  // "dot-nhap": the members one Excel import wrote (the link in the audit log's import entry).
  const importedWith = idParam(sp["dot-nhap"]);
  const filters = { q, groupId, status, importedWith };
  // Both check the viewer's scope themselves: run them side by side.
  const [list, groups] = await orNotFound(Promise.all([listMembers(viewer, schoolId, filters, pageParam(sp.trang)), listGroupOptions(viewer, schoolId)]));
  const base = `/truong/${list.school.id}/doan-vien`;
  const params_ = { q, to: groupId, "trang-thai": status, "dot-nhap": importedWith };
  const exportQuery = new URLSearchParams(Object.entries(params_).filter((e): e is [string, string] => !!e[1])).toString();
  const duplicate = textParam(sp["da-luu"], 10) === "trung";
  const filtered = Boolean(q || groupId || status || importedWith);

  return (
    <>
      <PageHeader
        title="Đoàn viên"
        subtitle={
          <>
            <Link href={`/truong/${list.school.id}`} className="hover:underline">
              {list.school.name}
            </Link>
            {" · "}
            {formatNumber(list.total)} người{filtered ? " phù hợp" : ""}
          </>
        }
        actions={
          <>
            {list.canManage && (
              <Link href={`${base}/moi`} className={buttonClass()}>
                Thêm đoàn viên
              </Link>
            )}
            {list.canManage && (
              <Link href={`${base}/nhap`} className={buttonClass("secondary")}>
                Nhập từ Excel
              </Link>
            )}
            {list.canExport && (
              <a href={`${base}/xuat${exportQuery ? `?${exportQuery}` : ""}`} className={buttonClass("secondary")} download>
                Xuất Excel
              </a>
            )}
          </>
        }
      />
      {duplicate && (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Biểu mẫu này đã được gửi trước đó nên không tạo thêm đoàn viên.
        </p>
      )}
      {importedWith && (
        <p role="status" className="mb-4 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-800">
          Đang xem {formatNumber(list.total)} đoàn viên của một lần nhập từ Excel.{" "}
          <Link href={base} className="font-medium underline">
            Xem tất cả đoàn viên
          </Link>
        </p>
      )}
      <MemberFilters basePath={base} q={q} groupId={groupId} status={status} groups={groups} />
      <MemberList
        items={list.items}
        basePath={base}
        empty={
          filtered ? (
            <>Không có đoàn viên nào phù hợp{q ? ` với “${q}”` : ""}. Hãy thử bỏ bớt bộ lọc.</>
          ) : list.canManage ? (
            <>
              Trường chưa có đoàn viên nào.{" "}
              <Link href={`${base}/moi`} className="text-brand-700 underline">
                Thêm đoàn viên
              </Link>{" "}
              hoặc{" "}
              <Link href={`${base}/nhap`} className="text-brand-700 underline">
                nhập từ Excel
              </Link>
              .
            </>
          ) : (
            "Chưa có đoàn viên nào."
          )
        }
      />
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} basePath={base} params={params_} />
    </>
  );
}
