import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getPeriodOverview } from "@/lib/scoring/queries";
import { orNotFound, routeId, idParam, pageParam } from "@/lib/server/page";
import { Pagination } from "@/components/ui/pagination";
import { formatDate, formatDateTime } from "@/lib/format";
import { formatPoints } from "@/lib/scoring/points";
import { PERIOD_STATE_LABELS, STAGE_LABELS } from "@/lib/scoring/workflow";
import { Badge, Card, PageHeader } from "@/components/ui/page";
import { buttonClass } from "@/components/ui/button";
import { PeriodControls } from "@/components/scoring/period-controls";

export const metadata: Metadata = { title: "Kỳ chấm điểm" };

const STAGES = ["SELF", "GROUP", "COUNCIL"] as const;

/** A period: progress, who scored what, distribution per group, missing scores, flags, appeals, seals. */
export default async function PeriodPage({ params, searchParams }: { params: Promise<{ schoolId: string; periodId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // A place the viewer works in with scoring.read (the gate; the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("scoring.read", { school: (await params).schoolId, within: true });
  const p = await params;
  const schoolId = routeId(p.schoolId);
  const sp = await searchParams;
  const o = await orNotFound(getPeriodOverview(viewer, schoolId, routeId(p.periodId), { groupId: idParam(sp.to), page: pageParam(sp.trang) }));
  const base = `/truong/${schoolId}/cham-diem/${o.period.id}`;
  const councilGrid = o.period.state === "COUNCIL_REVIEW" && o.can.council;
  return (
    <>
      <p className="mb-2 text-sm no-print">
        <Link href={`/truong/${schoolId}/cham-diem`} className="text-brand-700 hover:underline">
          ← Các kỳ chấm
        </Link>
      </p>
      <PageHeader
        title={o.period.name}
        subtitle={
          <>
            {o.period.campaign.name} · {o.period.schoolName} · {formatDate(o.period.startsOn)} – {formatDate(o.period.endsOn)} · {o.period.scaleName} (phiên bản {o.period.scaleNumber}){" "}
            <Badge tone={o.period.state === "CLOSED" ? "slate" : "blue"}>{PERIOD_STATE_LABELS[o.period.state]}</Badge>
            {o.period.appealDeadline && <span className="ml-2">Hạn khiếu nại {formatDateTime(o.period.appealDeadline)}</span>}
          </>
        }
        actions={
          <>
            {o.rows.length > 0 && (
              <Link className={buttonClass("secondary")} href={`${base}/in`}>
                In phiếu chấm
              </Link>
            )}
            {o.can.export && (
              <a className={buttonClass("secondary")} href={`${base}/xuat-excel`}>
                Xuất Excel
              </a>
            )}
          </>
        }
      />

      <div className="flex flex-col gap-6">
        <PeriodControls o={o} />

        {o.groups.length > 0 && o.can.export && (
          <Card title="Bảng chấm theo tổ">
            <ul className="flex flex-wrap gap-2 text-sm">
              {o.groups.map((g) => (
                <li key={g.id}>
                  <Link className={buttonClass("secondary")} href={`${base}/to/${g.id}${councilGrid ? "?buoc=hoi-dong" : ""}`}>
                    {g.name}
                    {councilGrid ? " – hội đồng" : ""}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        )}

        <Card title={`Xếp loại theo tổ (${STAGE_LABELS[o.stageForReport]})`}>
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="distribution">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2">Tổ</th>
                  <th className="text-right">Số phiếu</th>
                  {o.labels.map((l) => (
                    <th key={l} className="text-right">
                      {l}
                    </th>
                  ))}
                  <th className="text-right">Chưa đủ điểm</th>
                </tr>
              </thead>
              <tbody>
                {o.distribution.map((g) => (
                  <tr key={g.groupName} className="border-t border-slate-200">
                    <td className="py-1.5">{g.groupName}</td>
                    <td className="text-right">{g.total}</td>
                    {o.labels.map((l) => (
                      <td key={l} className="text-right">
                        {g.counts[l] ?? 0}
                      </td>
                    ))}
                    <td className={`text-right ${g.missing ? "font-semibold text-amber-700" : ""}`}>{g.missing}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>

        {!o.list.anomaliesShown && (
          <Card title="Cần xem lại (không chặn việc chấm)">
            <p className="text-sm text-slate-600">Kỳ chấm có nhiều phiếu: chọn một tổ bên dưới để xem các dấu hiệu cần xem lại của tổ đó.</p>
          </Card>
        )}

        {o.anomalies.length > 0 && (
          <Card title="Cần xem lại (không chặn việc chấm)">
            <ul className="list-disc pl-5 text-sm text-amber-800">
              {o.anomalies.map((a, i) => (
                <li key={i}>{a.message}</li>
              ))}
            </ul>
          </Card>
        )}

        <Card title="Phiếu chấm">
          {o.groups.length > 0 && (
            <nav aria-label="Phiếu chấm theo tổ" className="mb-3 flex flex-wrap gap-2 text-sm no-print">
              <Link href={base} aria-current={!o.list.groupId ? "page" : undefined} className={chip(!o.list.groupId)}>
                Tất cả các tổ
              </Link>
              {o.groups.map((g) => (
                <Link key={g.id} href={`${base}?to=${g.id}`} aria-current={o.list.groupId === g.id ? "page" : undefined} className={chip(o.list.groupId === g.id)}>
                  {g.name} ({g.sheets})
                </Link>
              ))}
            </nav>
          )}
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2">Đoàn viên</th>
                  <th>Tổ</th>
                  {STAGES.map((s) => (
                    <th key={s} className="text-center">
                      {STAGE_LABELS[s]}
                    </th>
                  ))}
                  <th className="text-center">Minh chứng</th>
                  <th className="text-center">Khiếu nại</th>
                </tr>
              </thead>
              <tbody>
                {o.rows.map((r) => (
                  <tr key={r.sheetId} className="border-t border-slate-200">
                    <td className="py-1.5">
                      <Link className="text-brand-700 hover:underline" href={`${base}/phieu/${r.sheetId}`}>
                        {r.memberName}
                      </Link>
                    </td>
                    <td>{r.groupName}</td>
                    {STAGES.map((s) => {
                      const st = r.stages[s];
                      return (
                        <td key={s} className="text-center" title={st ? `${st.enteredBy}, ${formatDateTime(st.updatedAt)}` : undefined}>
                          {st ? (
                            <>
                              {formatPoints(st.total)} {st.classification ? <span className="text-xs text-slate-600">{st.classification}</span> : <span className="text-xs text-amber-700">(chưa đủ)</span>}
                              <div className="text-xs text-slate-400">{st.enteredBy}</div>
                            </>
                          ) : (
                            <span className="text-xs text-slate-400">chưa chấm</span>
                          )}
                        </td>
                      );
                    })}
                    <td className="text-center">{r.evidence || ""}</td>
                    <td className="text-center">{r.openAppeals ? <Badge tone="amber">{r.openAppeals}</Badge> : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={o.list.page} pageSize={o.list.pageSize} total={o.list.total} basePath={base} params={{ to: o.list.groupId }} />
        </Card>

        {o.appeals.length > 0 && (
          <Card title="Khiếu nại">
            <ul className="text-sm">
              {o.appeals.map((a) => (
                <li key={a.id} className="border-t border-slate-200 py-1.5">
                  <Link className="text-brand-700 hover:underline" href={`${base}/phieu/${a.sheetId}`}>
                    {a.memberName}
                  </Link>{" "}
                  <Badge tone={a.state === "OPEN" ? "amber" : "slate"}>{a.state === "OPEN" ? "Chờ giải quyết" : a.state === "ACCEPTED" ? "Chấp nhận" : "Không chấp nhận"}</Badge> <span className="text-slate-600">{a.text}</span>
                </li>
              ))}
            </ul>
          </Card>
        )}

        {o.snapshots.length > 0 && (
          <Card title="Số liệu đã niêm phong">
            <ul className="text-sm">
              {o.snapshots.map((s) => (
                <li key={s.id} className="py-1">
                  {STAGE_LABELS[s.stage]} – {formatDateTime(s.sealedAt)} – mã kiểm tra <code className="text-xs">{s.checksum.slice(0, 16)}…</code>{" "}
                  {s.intact ? <Badge tone="green">Nguyên vẹn</Badge> : <Badge tone="red">Không khớp mã kiểm tra</Badge>}
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}

function chip(active: boolean) {
  return `rounded-full border px-3 py-1 ${active ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`;
}
