// The upper unit's page of schools: one row per school, last year → this year in each figure,
// every column header a link that sorts on the server (components/dashboards, issue 9).
import Link from "next/link";
import type { UpperDashboard, UpperRow } from "@/lib/dashboards/upper";
import { nextDir, PIPELINE_LABELS, type UpperSort } from "@/lib/dashboards/rules";
import { UNIT_PLAN_STATUS_LABELS, type UnitPlanStatus } from "@/lib/plans/rules";
import { SCHOOL_LEVEL_LABELS } from "@/lib/schools/schemas";
import { formatNumber } from "@/lib/format";
import { Badge, EmptyState } from "@/components/ui/page";
import { pct, Trend } from "./figures";

const PLAN_TONES: Record<UnitPlanStatus, "slate" | "amber" | "blue" | "green"> = { NONE: "slate", DRAFT: "amber", SUBMITTED: "blue", SIGNED: "green" };
const COLUMNS: { key: UpperSort; label: string; numeric?: boolean }[] = [
  { key: "name", label: "Trường" },
  { key: "members", label: "Đoàn viên", numeric: true },
  { key: "plan", label: "Kế hoạch phối hợp" },
  { key: "registration", label: "Đăng ký thi đua", numeric: true },
  { key: "scoring", label: "Hội đồng đã chấm", numeric: true },
  { key: "excellent", label: "Xếp loại (tỷ lệ Xuất sắc)" },
  { key: "nominations", label: "Đề nghị khen thưởng" },
  { key: "awards", label: "Khen thưởng", numeric: true },
  { key: "roles", label: "Vai trò còn thiếu" },
];

export function sortHref(basePath: string, params: Record<string, string | undefined>, sort: UpperSort, dir: string): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v && k !== "trang" && k !== "sap-xep" && k !== "chieu") q.set(k, v);
  q.set("sap-xep", sort);
  q.set("chieu", dir);
  return `${basePath}?${q.toString()}`;
}

function PlanCell({ r }: { r: UpperRow }) {
  return (
    <span className="flex flex-col gap-1">
      <Badge tone={PLAN_TONES[r.cur.plan]}>{UNIT_PLAN_STATUS_LABELS[r.cur.plan]}</Badge>
      <span className="text-xs text-slate-500">năm trước: {UNIT_PLAN_STATUS_LABELS[r.prev.plan].toLowerCase()}</span>
    </span>
  );
}

function Pipeline({ r, prevLabel }: { r: UpperRow; prevLabel: string }) {
  const p = r.cur.pipeline;
  const total = p.draft + p.submitted + p.returned + p.approved;
  const prev = r.prev.pipeline.draft + r.prev.pipeline.submitted + r.prev.pipeline.returned + r.prev.pipeline.approved;
  if (total === 0 && prev === 0) return <span className="text-slate-500">—</span>;
  return (
    <span className="block text-xs leading-5">
      {(["draft", "submitted", "returned", "approved"] as const).map((b) => (
        <span key={b} className={`block whitespace-nowrap ${b === "returned" && p.returned > 0 ? "text-red-700" : ""}`}>
          {PIPELINE_LABELS[b]}: <span className="font-semibold tabular-nums">{formatNumber(p[b])}</span>
        </span>
      ))}
      <span className="block whitespace-nowrap text-slate-500" title={`Năm học ${prevLabel}`}>năm trước: {formatNumber(prev)}</span>
    </span>
  );
}

export function UpperTable({ d, basePath, params }: { d: UpperDashboard; basePath: string; params: Record<string, string | undefined> }) {
  if (d.rows.length === 0) return <EmptyState>Không có trường nào khớp với tìm kiếm và bộ lọc.</EmptyState>;
  const prevLabel = d.prevYear?.label ?? "trước";
  const curLabel = d.year?.label ?? "";
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="px-3 py-2 text-left text-xs text-slate-600">
          Mỗi ô: năm học {prevLabel} → năm học {curLabel}. Bấm tiêu đề cột để sắp xếp.
        </caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {COLUMNS.map((c) => {
              const active = d.query.sort === c.key;
              return (
                <th key={c.key} scope="col" className={`px-3 py-2 align-bottom ${c.numeric ? "text-right" : ""}`} aria-sort={active ? (d.query.dir === "asc" ? "ascending" : "descending") : undefined}>
                  <Link href={sortHref(basePath, params, c.key, nextDir(d.query, c.key))} className="hover:text-brand-700 hover:underline">
                    {c.label}
                    {active && <span aria-hidden="true">{d.query.dir === "asc" ? " ▲" : " ▼"}</span>}
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {d.rows.map((r) => (
            <tr key={r.id} className="align-top hover:bg-slate-50">
              <th scope="row" className="min-w-48 px-3 py-2 font-normal">
                <Link href={`/truong/${r.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                  {r.name}
                </Link>
                <span className="block text-xs text-slate-500">
                  {SCHOOL_LEVEL_LABELS[r.level]} · {r.code}
                </span>
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{formatNumber(r.members)}</td>
              <td className="px-3 py-2">
                <PlanCell r={r} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                <Trend prev={pct(r.prev.registration)} cur={pct(r.cur.registration)} prevLabel={prevLabel} />
                <span className="block text-xs text-slate-500">{formatNumber(r.cur.registered)} người</span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                <Trend prev={pct(r.prev.scoring)} cur={pct(r.cur.scoring)} prevLabel={prevLabel} />
                <span className="block text-xs text-slate-500">
                  {formatNumber(r.cur.scored)}/{formatNumber(r.cur.sheets)} phiếu
                </span>
              </td>
              <td className="px-3 py-2">
                <Trend prev={pct(r.prev.excellentShare)} cur={pct(r.cur.excellentShare)} prevLabel={prevLabel} />
                <span className="block text-xs text-slate-500">
                  {r.cur.distribution.length ? r.cur.distribution.map((x) => `${x.label} ${formatNumber(x.count)}`).join(" · ") : "chưa xếp loại"}
                </span>
              </td>
              <td className="px-3 py-2">
                <Pipeline r={r} prevLabel={prevLabel} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                <Trend prev={formatNumber(r.prev.awards)} cur={formatNumber(r.cur.awards)} prevLabel={prevLabel} />
              </td>
              <td className="px-3 py-2">
                {r.missingRoles.length === 0 ? (
                  <span className="text-slate-500">Đủ</span>
                ) : (
                  <span className="flex flex-col gap-1">
                    {r.missingRoles.map((role) => (
                      <Badge key={role} tone="red">
                        {role === "PRINCIPAL" ? "Chưa có hiệu trưởng" : "Chưa có chủ tịch CĐ"}
                      </Badge>
                    ))}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
