import type { Metadata } from "next";
import { requireAccess } from "@/lib/authz/gate";
import { getSettingsPage } from "@/lib/awards/queries";
import { saveSettingAction } from "@/lib/awards/actions";
import { SOURCE_LABELS } from "@/lib/awards/catalogue";
import { formatIsoDay } from "@/lib/awards/facts";
import { orNotFound, routeId, idParam } from "@/lib/server/page";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { inputClass } from "@/components/ui/field";
import { ActionForm } from "@/components/awards/action-form";
import { AwardYearTabs } from "@/components/awards/year-tabs";
import { AuthorityTable } from "@/components/awards/authority-table";
import { todayIsoVN } from "@/lib/time";
import { DateInput } from "@/components/ui/date-input";

export const metadata: Metadata = { title: "Quy định thi đua – khen thưởng" };

/** Thresholds in force for the unit's schools, each with its legal basis; overrides (award.settings). */
export default async function SettingsPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The unit itself must be one the viewer serves with award.read (the gate, lib/authz/gate.ts).
  const { viewer } = await requireAccess("award.read", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const page = await orNotFound(getSettingsPage(viewer, unitId, idParam((await searchParams).nam)));
  const path = `/cap-tren/${page.unit.id}/khen-thuong/quy-dinh`;
  const today = todayIsoVN();
  return (
    <>
      <PageHeader title="Quy định, ngưỡng xét thi đua – khen thưởng" subtitle={`${page.unit.name} · áp dụng cho năm học ${page.year.label}`} />
      <AwardYearTabs years={page.years} current={page.year.id} path={path} />
      <Card>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-left text-slate-600">
              <tr>
                <th className="py-2 pr-3">Quy định</th>
                <th className="py-2 pr-3">Giá trị</th>
                <th className="py-2 pr-3">Văn bản căn cứ</th>
                <th className="py-2 pr-3">Hiệu lực</th>
              </tr>
            </thead>
            <tbody>
              {page.settings.map((s) => (
                <tr key={s.key} className="border-t border-slate-100 align-top">
                  <td className="py-2 pr-3">{s.label}</td>
                  <td className="py-2 pr-3 font-medium">
                    {s.value} {s.origin === "unit" && <Badge tone="blue">Đơn vị điều chỉnh</Badge>}
                  </td>
                  <td className="py-2 pr-3 text-xs">
                    {s.basis}
                    <div className="text-slate-500">{SOURCE_LABELS[s.source]}</div>
                  </td>
                  <td className="py-2 pr-3 text-xs">
                    từ {formatIsoDay(s.validFrom)}
                    {s.validTo ? ` đến ${formatIsoDay(s.validTo)}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      {page.canEdit && (
        <Card title="Điều chỉnh một quy định cho các trường của đơn vị" className="mt-6">
          <ActionForm once action={saveSettingAction} hidden={{ unitId: page.unit.id }} label="Lưu điều chỉnh">
            <select name="key" className={inputClass} aria-label="Quy định">
              {page.settings.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
            </select>
            <input name="value" className={inputClass} placeholder="Giá trị: 15%, 2/3, trên 50%, 40, có/không…" aria-label="Giá trị" required />
            <input name="basis" className={inputClass} placeholder="Văn bản căn cứ (số, ngày, cơ quan ban hành)" aria-label="Văn bản căn cứ" required />
            <select name="source" className={inputClass} aria-label="Nguồn" defaultValue="PRACTICE">
              <option value="LAW">Văn bản hiện hành</option>
              <option value="OLD">Văn bản đã thay thế (giữ làm quy định)</option>
              <option value="PRACTICE">Hướng dẫn, thực tiễn của đơn vị</option>
              <option value="ASSUMED">Giả định</option>
            </select>
            <DateInput name="validFrom" label="Hiệu lực từ" defaultValue={today} required className="text-sm" />
            <DateInput name="validTo" label="Hết hiệu lực (nếu có)" className="text-sm" />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="schoolYearId" value={page.year.id} /> Chỉ áp dụng cho năm học {page.year.label}
            </label>
          </ActionForm>
          {page.overrides.length > 0 && (
            <ul className="mt-4 space-y-1 border-t border-slate-100 pt-3 text-xs text-slate-600">
              {page.overrides.map((o) => (
                <li key={o.id}>
                  {o.key} = {o.value} · {o.basis} · từ {formatIsoDay(o.validFrom)}
                  {o.validTo ? ` đến ${formatIsoDay(o.validTo)}` : ""}
                  {o.schoolYearId ? ` · năm học ${o.schoolYearId}` : ""}
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <AuthorityTable unitId={page.unit.id} />
    </>
  );
}
