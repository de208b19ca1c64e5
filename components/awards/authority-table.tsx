// Bảng thẩm quyền quyết định khen thưởng (issue 12): which body decides which form, who proposes
// it, the legal basis and validity of each row. Everyone who reads the unit's rules sees it; the
// admin (authority.manage) edits a row or adds one (rows are closed by their end date, never deleted).
import { requireViewer } from "@/lib/auth/viewer";
import { listAuthorities } from "@/lib/awards/routes-authority";
import { saveAuthorityAction } from "@/lib/awards/routes-actions";
import { BODY_KINDS } from "@/lib/awards/authority";
import { CATALOGUE_ENTRIES, LEVEL_LABELS, AWARD_LEVELS, SOURCE_LABELS } from "@/lib/awards/catalogue";
import { formatIsoDay } from "@/lib/awards/facts";
import { Card } from "@/components/ui/page";
import { inputClass } from "@/components/ui/field";
import { DateInput } from "@/components/ui/date-input";
import { ActionForm } from "@/components/awards/action-form";

const SOURCES = { LAW: "law", OLD: "old", PRACTICE: "practice", ASSUMED: "assumed" } as const;
const MANAGERS = { "": "Mọi trường", UBND_XA: "Trường do UBND cấp xã quản lý", PHONG_GD: "Trường do Phòng GD&ĐT quản lý", SO_GD: "Trường do Sở GD&ĐT quản lý", KHAC: "Khác" } as const;

type Row = Awaited<ReturnType<typeof listAuthorities>>["rows"][number];

function Fields({ r }: { r?: Row }) {
  return (
    <div className="grid gap-2 md:grid-cols-3">
      <label className="flex flex-col gap-1 text-xs">
        Danh hiệu, hình thức
        <select name="titleCode" defaultValue={r?.titleCode} className={inputClass}>
          {CATALOGUE_ENTRIES.map((e) => (
            <option key={e.code} value={e.code}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs">
        Khối
        <select name="side" defaultValue={r?.side ?? "STATE"} className={inputClass}>
          <option value="STATE">Chính quyền (Hiệu trưởng đề nghị)</option>
          <option value="UNION">Công đoàn (Chủ tịch CĐCS đề nghị)</option>
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs">
        Loại cơ quan quyết định
        <select name="bodyKind" defaultValue={r?.bodyKind} className={inputClass}>
          {Object.entries(BODY_KINDS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs">
        Tên cơ quan quyết định
        <input name="bodyName" defaultValue={r?.bodyName} className={inputClass} required />
      </label>
      <label className="flex flex-col gap-1 text-xs">
        Áp dụng cho
        <select name="schoolManager" defaultValue={r?.schoolManager ?? ""} className={inputClass}>
          {Object.entries(MANAGERS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs">
        Cấp
        <select name="level" defaultValue={r?.level ?? "SCHOOL"} className={inputClass}>
          {AWARD_LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs md:col-span-3">
        Văn bản căn cứ
        <input name="basis" defaultValue={r?.basis} className={inputClass} required />
      </label>
      <label className="flex flex-col gap-1 text-xs">
        Nguồn
        <select name="source" defaultValue={r?.source ?? "LAW"} className={inputClass}>
          {Object.entries(SOURCES).map(([k, v]) => (
            <option key={k} value={k}>
              {SOURCE_LABELS[v]}
            </option>
          ))}
        </select>
      </label>
      <DateInput name="validFrom" id={`validFrom-${r?.id ?? "moi"}`} label="Hiệu lực từ" defaultValue={r?.validFrom} required className="text-xs" />
      <DateInput name="validTo" id={`validTo-${r?.id ?? "moi"}`} label="Đến (để trống: còn hiệu lực)" defaultValue={r?.validTo ?? ""} className="text-xs" />
    </div>
  );
}

export async function AuthorityTable({ unitId }: { unitId: string }) {
  const viewer = await requireViewer();
  const t = await listAuthorities(viewer);
  return (
    <Card title="Thẩm quyền quyết định khen thưởng" className="mt-6">
      <p className="mb-2 text-xs text-slate-500">Danh hiệu, hình thức của Nhà nước do cơ quan quản lý trường quyết định theo đề nghị của Hiệu trưởng; hình thức của Công đoàn do cơ quan công đoàn quyết định theo đề nghị của Chủ tịch Công đoàn cơ sở.</p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Bảng thẩm quyền">
          <thead className="text-left text-slate-600">
            <tr>
              <th className="py-2 pr-3">Danh hiệu, hình thức</th>
              <th className="py-2 pr-3">Cơ quan quyết định</th>
              <th className="py-2 pr-3">Áp dụng cho</th>
              <th className="py-2 pr-3">Văn bản căn cứ</th>
              <th className="py-2 pr-3">Hiệu lực</th>
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-100 align-top">
                <td className="py-2 pr-3">
                  {r.titleName}
                  <div className="text-xs text-slate-500">{r.sideLabel}</div>
                </td>
                <td className="py-2 pr-3">{r.bodyName}</td>
                <td className="py-2 pr-3 text-xs">{MANAGERS[(r.schoolManager ?? "") as keyof typeof MANAGERS] ?? r.schoolManager}</td>
                <td className="py-2 pr-3 text-xs">
                  {r.basis}
                  {t.editable && (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-blue-700">Sửa</summary>
                      <ActionForm action={saveAuthorityAction} hidden={{ unitId, authorityId: r.id, version: r.version }} label="Lưu dòng này" variant="secondary" className="mt-2">
                        <Fields r={r} />
                      </ActionForm>
                    </details>
                  )}
                </td>
                <td className="py-2 pr-3 text-xs">
                  từ {formatIsoDay(r.validFrom)}
                  {r.validTo ? ` đến ${formatIsoDay(r.validTo)}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {t.editable && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-blue-700">Thêm một dòng thẩm quyền</summary>
          <ActionForm action={saveAuthorityAction} hidden={{ unitId }} label="Thêm" className="mt-2" once>
            <Fields />
          </ActionForm>
        </details>
      )}
    </Card>
  );
}
