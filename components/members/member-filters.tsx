import Form from "next/form";
import Link from "next/link";
import { STATUS_FILTERS } from "@/lib/members/rules";
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";

/** Search by name (accents optional), filter by union group and status: a GET form, works without JS. */
export function MemberFilters({ basePath, q, groupId, status, groups }: { basePath: string; q?: string; groupId?: string; status?: string; groups: { id: string; name: string }[] }) {
  const active = Boolean(q || groupId || status);
  return (
    <Form action={basePath} role="search" className="mb-4 grid grid-cols-2 items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto]">
      <div className="col-span-2 flex flex-col gap-1 sm:col-span-1">
        <label htmlFor="q" className="text-sm font-medium text-slate-700">
          Tìm theo họ tên
        </label>
        <input id="q" name="q" type="search" defaultValue={q ?? ""} placeholder="Ví dụ: nguyen thi tam" className={inputClass} maxLength={100} />
      </div>
      {groups.length > 0 && (
        <div className="flex flex-col gap-1">
          <label htmlFor="to" className="text-sm font-medium text-slate-700">
            Tổ công đoàn
          </label>
          <select id="to" name="to" defaultValue={groupId ?? ""} className={inputClass}>
            <option value="">Tất cả các tổ</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
            <option value="chua-xep">Chưa xếp tổ</option>
          </select>
        </div>
      )}
      <div className="flex flex-col gap-1">
        <label htmlFor="trang-thai" className="text-sm font-medium text-slate-700">
          Trạng thái
        </label>
        <select id="trang-thai" name="trang-thai" defaultValue={status ?? ""} className={inputClass}>
          {STATUS_FILTERS.map((f) => (
            <option key={f.slug} value={f.slug}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      <div className="col-span-2 flex gap-2 sm:col-span-1">
        <button type="submit" className={buttonClass("primary")}>
          Tìm
        </button>
        {active && (
          <Link href={basePath} className={buttonClass("ghost")}>
            Xóa lọc
          </Link>
        )}
      </div>
    </Form>
  );
}
