import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getHolidayPage } from "@/lib/holidays/queries";
import { HOLIDAY_KIND_LABELS } from "@/lib/holidays/calendar";
import { formatDate } from "@/lib/format";
import { todayVN } from "@/lib/time";
import { orNotFound, routeId, textParam } from "@/lib/server/page";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { CreateHolidayForm, DeleteHolidayForm, EditHolidayForm } from "@/components/holidays/holiday-forms";

export const metadata: Metadata = { title: "Lịch nghỉ lễ, Tết" };

/**
 * The holiday calendar the unit's schools follow when their joint meetings are generated
 * (holiday.manage over the unit): the national calendar of a year (read-only) and the unit's own
 * days off, which it adds, edits (a form per row) and deletes, and Tết as announced, which
 * replaces the national one of that year.
 */
export default async function HolidaysPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer } = await requireAccess("holiday.manage", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const raw = Number(textParam((await searchParams).nam, 4));
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : todayVN().getUTCFullYear();
  const r = await orNotFound(getHolidayPage(viewer, unitId, year));
  const base = `/cap-tren/${r.unit.id}/ngay-nghi`;
  return (
    <>
      <PageHeader title={`Lịch nghỉ lễ, Tết năm ${year}`} subtitle={`${r.unit.name} · họp liên tịch định kỳ trùng ngày nghỉ được chuyển sang ngày làm việc kế tiếp`} />
      <nav aria-label="Chọn năm" className="mb-4 flex flex-wrap gap-2 text-sm">
        {[year - 1, year, year + 1].map((y) => (
          <Link key={y} href={`${base}?nam=${y}`} aria-current={y === year ? "page" : undefined} className={y === year ? "rounded-md bg-brand-700 px-3 py-1 text-white" : "rounded-md border border-slate-300 px-3 py-1 text-brand-800 underline"}>
            Năm {y}
          </Link>
        ))}
      </nav>
      <Card title="Các ngày nghỉ" className="mb-6">
        {r.rows.length === 0 ? (
          <p className="text-sm text-slate-600">Chưa có ngày nghỉ nào của năm {year}.</p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Bảng ngày nghỉ">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b text-left text-slate-600">
                  <th className="py-2 pr-3">Ngày nghỉ</th>
                  <th className="py-2 pr-3">Loại</th>
                  <th className="py-2 pr-3">Từ ngày</th>
                  <th className="py-2 pr-3">Đến hết ngày</th>
                  <th className="py-2 pr-3">Nguồn</th>
                  <th className="py-2" />
                </tr>
              </thead>
              <tbody>
                {r.rows.map((h) => (
                  <tr key={h.id} className={`border-b last:border-0 ${h.applies ? "" : "text-slate-500 line-through"}`}>
                    <td className="py-2 pr-3">{h.name}</td>
                    <td className="py-2 pr-3">{HOLIDAY_KIND_LABELS[h.kind]}</td>
                    <td className="py-2 pr-3">{formatDate(h.startsOn)}</td>
                    <td className="py-2 pr-3">{formatDate(h.endsOn)}</td>
                    <td className="py-2 pr-3">
                      {h.national ? <Badge tone="slate">Lịch chung</Badge> : h.own ? <Badge tone="blue">Của đơn vị</Badge> : <Badge tone="slate">Cấp trên</Badge>}
                      {!h.applies && <span className="ml-2 no-underline">(được thay bằng Tết của đơn vị)</span>}
                    </td>
                    <td className="py-2">
                      {h.own && (
                        <>
                          <details className="mb-2">
                            <summary className="cursor-pointer text-brand-700">Sửa</summary>
                            <EditHolidayForm holiday={h} />
                          </details>
                          <DeleteHolidayForm holidayId={h.id} version={h.version} name={h.name} />
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title="Thêm ngày nghỉ của đơn vị">
        <CreateHolidayForm unitId={r.unit.id} />
      </Card>
    </>
  );
}
