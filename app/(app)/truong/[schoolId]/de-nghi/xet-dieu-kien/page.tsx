import type { Metadata } from "next";
import Link from "next/link";
import { formatNumber } from "@/lib/format";
import { requireAccess } from "@/lib/authz/gate";
import { getEligibilityPage } from "@/lib/awards/queries";
import { addDisciplineAction, addOpenCaseAction, closeOpenCaseAction, saveEvaluationAction } from "@/lib/awards/actions";
import { DISCIPLINE_LABELS, GRADE_LABELS, GRADES, DISCIPLINE_LEVELS } from "@/lib/awards/settings";
import { OPEN_CASE_KINDS, OPEN_CASE_LABELS, formatIsoDay } from "@/lib/awards/facts";
import { orNotFound, routeId, idParam, pageParam, textParam } from "@/lib/server/page";
import { VERDICT_FILTERS, VERDICT_FILTER_LABELS, verdictFilterParam } from "@/lib/awards/eligibility-filters";
import { Pagination } from "@/components/ui/pagination";
import { Badge, Card, PageHeader, Stat } from "@/components/ui/page";
import { inputClass } from "@/components/ui/field";
import { ActionForm } from "@/components/awards/action-form";
import { BasisNotes, CheckList, VerdictCell, numberBases } from "@/components/awards/verdict";
import { AwardYearTabs, SchoolAwardsNav } from "@/components/awards/year-tabs";
import { DateInput } from "@/components/ui/date-input";

export const metadata: Metadata = { title: "Xét điều kiện thi đua" };

/** Who qualifies for what and why: totals by verdict, then one page of members (nomination.read). */
export default async function EligibilityPage({ params, searchParams }: { params: Promise<{ schoolId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The gate first: a place where the viewer holds the capability (the scoped loader narrows to the rows).
  const { viewer } = await requireAccess("nomination.read", { school: (await params).schoolId, within: true });
  const schoolId = routeId((await params).schoolId);
  const sp = await searchParams;
  const query = { yearId: idParam(sp.nam), verdict: verdictFilterParam(sp["ket-qua"]), groupId: idParam(sp.to), q: textParam(sp.q), page: pageParam(sp.trang) };
  const page = await orNotFound(getEligibilityPage(viewer, schoolId, query));
  const path = `/truong/${page.school.id}/de-nghi/xet-dieu-kien`;
  // The forms below offer the members of the page shown (a school may have thousands).
  const members = page.rows.map((r) => ({ id: r.id, fullName: r.fullName }));
  // The legal bases of the rows shown, numbered once and listed under the table.
  const bases = numberBases(page.rows.flatMap((r) => r.verdicts.flatMap((v) => v.reasons)));
  const keep = { nam: query.yearId, to: page.filters.groupId, q: page.filters.q };
  const filterHref = (f?: string) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...keep, "ket-qua": f })) if (v) q.set(k, v);
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  return (
    <>
      <PageHeader title="Xét điều kiện thi đua" subtitle={`${page.school.name} · năm học ${page.year.label}`} />
      <SchoolAwardsNav schoolId={page.school.id} active={path} manage />
      <AwardYearTabs years={page.years} current={page.year.id} path={path} />
      <div className="mb-6 grid gap-4 sm:grid-cols-4">
        <Stat label="Đoàn viên" value={page.counts.members} />
        <Stat label="Đủ điều kiện LĐTT" value={page.counts.ldtt} />
        <Stat label="Đủ điều kiện CSTĐCS" value={page.counts.cstdcs} hint={`Hạn mức tối đa ${page.counts.cstdcsMax}`} />
        <Stat label="Xếp loại HTXSNV" value={page.counts.htxsnv} hint={`trên ${page.counts.atLeastHttnv} người từ HTTNV`} />
      </div>
      <div className="mb-6 grid gap-4 md:grid-cols-2">
        <Card title="Hạn mức">
          <CheckList checks={page.caps} />
        </Card>
        <Card title="Danh hiệu tập thể (toàn trường)">
          {page.collectiveUnits[0].verdicts.map((c) => (
            <div key={c.titleName} className="mb-2">
              <Badge tone={c.eligible ? "green" : "red"}>{c.eligible ? "Đạt" : "Không đạt"}</Badge> <span className="text-sm font-medium">{c.titleName}</span>
              <CheckList checks={c.reasons} />
            </div>
          ))}
        </Card>
      </div>
      {page.collectiveUnits.length > 1 && (
        <Card title="Danh hiệu tập thể theo tổ (tổ công đoàn, tổ chuyên môn)" className="mb-6">
          <div className="overflow-x-auto">
            <table className="w-full text-sm" aria-label="Danh hiệu tập thể theo tổ">
              <thead className="text-left text-slate-600">
                <tr>
                  <th className="py-2 pr-3">Tập thể</th>
                  <th className="py-2 pr-3">Số thành viên</th>
                  {page.collectiveUnits[0].verdicts.map((v) => (
                    <th key={v.title} className="py-2 pr-3">
                      {v.titleName}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.collectiveUnits.slice(1).map((u) => (
                  <tr key={`${u.kind}:${u.name}`} className="border-t border-slate-100 align-top">
                    <td className="py-2 pr-3">
                      <div className="font-medium">{u.name}</div>
                      <div className="text-xs text-slate-500">{u.kind === "UNION_GROUP" ? "Tổ công đoàn" : "Tổ chuyên môn"}</div>
                    </td>
                    <td className="py-2 pr-3">{u.memberCount}</td>
                    {u.verdicts.map((v) => (
                      <td key={v.title} className="max-w-xs py-2 pr-3">
                        <details>
                          <summary className="cursor-pointer">
                            <Badge tone={v.eligible ? "green" : "red"}>{v.eligible ? "Đạt" : "Không đạt"}</Badge>
                          </summary>
                          <CheckList checks={v.reasons} />
                        </details>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      <Card title="Từng đoàn viên (bấm vào kết quả để xem lý do và căn cứ)">
        <nav aria-label="Số đoàn viên theo kết quả" className="mb-3 flex flex-wrap gap-2 text-sm">
          <Link href={filterHref()} aria-current={!page.filters.verdict ? "page" : undefined} className={chip(!page.filters.verdict)}>
            Tất cả <strong>{formatNumber(page.counts.members)}</strong>
          </Link>
          {VERDICT_FILTERS.map((f) => (
            <Link key={f} href={filterHref(f)} aria-current={page.filters.verdict === f ? "page" : undefined} className={chip(page.filters.verdict === f)}>
              {VERDICT_FILTER_LABELS[f]} <strong data-testid={`verdict-count-${f}`}>{formatNumber(page.counts.byVerdict[f])}</strong>
            </Link>
          ))}
        </nav>
        <form method="get" action={path} className="mb-3 flex flex-wrap items-end gap-2 text-sm">
          {query.yearId && <input type="hidden" name="nam" value={query.yearId} />}
          {page.filters.verdict && <input type="hidden" name="ket-qua" value={page.filters.verdict} />}
          <label className="flex flex-col gap-1">
            Tổ công đoàn
            <select name="to" defaultValue={page.filters.groupId ?? ""} className={inputClass}>
              <option value="">Tất cả các tổ</option>
              {page.groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            Họ tên
            <input name="q" defaultValue={page.filters.q ?? ""} placeholder="Tìm theo tên (không cần dấu)" className={inputClass} />
          </label>
          <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-2 hover:bg-slate-50">
            Lọc
          </button>
        </form>
        <div className="overflow-x-auto">
          <table className="w-full text-sm" aria-label="Kết quả xét từng đoàn viên">
            <thead className="text-left text-slate-600">
              <tr>
                <th className="py-2 pr-3">Họ và tên</th>
                <th className="py-2 pr-3">Xếp loại, đăng ký, ngày nghỉ</th>
                <th className="py-2 pr-3">LĐTT</th>
                <th className="py-2 pr-3">CSTĐCS</th>
                <th className="py-2 pr-3">CSTĐ cấp tỉnh</th>
                <th className="py-2 pr-3">BK Tổng LĐ</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 align-top">
                  <td className="py-2 pr-3">
                    <div className="font-medium">{r.fullName}</div>
                    <div className="text-xs text-slate-500">
                      {r.group}
                      {r.status === "MATERNITY_LEAVE" ? " · nghỉ thai sản" : ""}
                    </div>
                  </td>
                  <td className="py-2 pr-3 text-xs">
                    {r.evaluation.grade ? GRADE_LABELS[r.evaluation.grade] : <span className="text-red-700">Chưa xếp loại</span>}
                    <br />
                    {r.registeredIn.length ? <span title={r.registeredIn.join("; ")}>Đã đăng ký (phong trào)</span> : r.evaluation.registered ? "Đã đăng ký (đánh dấu của chủ tịch)" : <span className="text-red-700">Chưa đăng ký</span>} · nghỉ {r.evaluation.absenceWorkingDays} ngày
                    {r.evaluation.maternityLeaveDays ? ` · thai sản ${r.evaluation.maternityLeaveDays} ngày` : ""}
                    {page.canEdit && (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-brand-700">Sửa</summary>
                        <ActionForm action={saveEvaluationAction} hidden={{ memberId: r.id, schoolYearId: page.year.id, version: r.evaluation.version }} label="Lưu" variant="secondary" className="mt-2 w-64">
                          <select name="grade" defaultValue={r.evaluation.grade ?? ""} className={inputClass} aria-label="Xếp loại viên chức">
                            <option value="">Chưa xếp loại</option>
                            {GRADES.map((g) => (
                              <option key={g} value={g}>
                                {GRADE_LABELS[g]}
                              </option>
                            ))}
                          </select>
                          <label className="flex items-center gap-2">
                            <input type="checkbox" name="registered" defaultChecked={r.evaluation.registered} /> Đã đăng ký thi đua
                          </label>
                          <label className="flex flex-col gap-1">
                            Ngày nghỉ (không kể thai sản)
                            <input type="number" name="absenceWorkingDays" min={0} defaultValue={r.evaluation.absenceWorkingDays} className={inputClass} />
                          </label>
                          <label className="flex flex-col gap-1">
                            Ngày nghỉ thai sản
                            <input type="number" name="maternityLeaveDays" min={0} defaultValue={r.evaluation.maternityLeaveDays} className={inputClass} />
                          </label>
                        </ActionForm>
                      </details>
                    )}
                  </td>
                  {page.shownTitles.map((code) => {
                    const v = r.verdicts.find((x) => x.title === code)!;
                    return (
                      <td key={code} className="max-w-xs py-2 pr-3">
                        <VerdictCell v={v} bases={bases} />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {page.rows.length === 0 && <p className="py-3 text-sm text-slate-500">Không có đoàn viên nào khớp bộ lọc.</p>}
          <BasisNotes bases={bases} />
        </div>
        <Pagination page={page.page} pageSize={page.pageSize} total={page.total} basePath={path} params={{ ...keep, "ket-qua": page.filters.verdict }} />
      </Card>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card title="Kỷ luật">
          <ul className="mb-3 space-y-1 text-sm">
            {page.disciplines.map((d) => (
              <li key={d.id}>
                {d.fullName}: {DISCIPLINE_LABELS[d.level]} ngày {formatIsoDay(d.decidedOn)}
                {d.decisionNumber ? ` (QĐ ${d.decisionNumber})` : ""} – {d.reason}
              </li>
            ))}
            {page.disciplines.length === 0 && <li className="text-slate-500">Không có.</li>}
          </ul>
          {page.canEdit && (
            <ActionForm once action={addDisciplineAction} label="Ghi nhận kỷ luật" variant="secondary">
              <Choice name="memberId" label="Đoàn viên (trong trang đang xem)" options={members.map((m) => [m.id, m.fullName])} />
              <Choice name="level" label="Hình thức kỷ luật" options={DISCIPLINE_LEVELS.map((l) => [l, DISCIPLINE_LABELS[l]])} />
              <DateInput name="decidedOn" aria-label="Ngày quyết định" required />
              <input name="decisionNumber" placeholder="Số quyết định" className={inputClass} />
              <input name="reason" placeholder="Lý do" className={inputClass} required />
            </ActionForm>
          )}
        </Card>
        <Card title="Vụ việc đang xem xét (khiếu nại, thanh tra…)">
          <ul className="mb-3 space-y-2 text-sm">
            {page.openCases.map((c) => (
              <li key={c.id}>
                {c.fullName}: {OPEN_CASE_LABELS[c.kind]} từ {formatIsoDay(c.openedOn)} – {c.summary} {c.closedOn ? <Badge tone="green">Đã kết thúc {formatIsoDay(c.closedOn)}</Badge> : <Badge tone="red">Đang mở</Badge>}
                {!c.closedOn && page.canEdit && (
                  <ActionForm action={closeOpenCaseAction} hidden={{ caseId: c.id, version: c.version }} label="Ghi nhận kết thúc" variant="secondary" inline className="mt-1">
                    <DateInput name="closedOn" id={`closedOn-${c.id}`} aria-label="Ngày kết thúc" required />
                  </ActionForm>
                )}
              </li>
            ))}
            {page.openCases.length === 0 && <li className="text-slate-500">Không có.</li>}
          </ul>
          {page.canEdit && (
            <ActionForm once action={addOpenCaseAction} label="Ghi nhận vụ việc" variant="secondary">
              <Choice name="memberId" label="Đoàn viên (trong trang đang xem)" options={members.map((m) => [m.id, m.fullName])} />
              <Choice name="kind" label="Loại vụ việc" options={OPEN_CASE_KINDS.map((k) => [k, OPEN_CASE_LABELS[k]])} />
              <DateInput name="openedOn" aria-label="Ngày bắt đầu" required />
              <input name="summary" placeholder="Nội dung" className={inputClass} required />
            </ActionForm>
          )}
        </Card>
      </div>
    </>
  );
}

function chip(active: boolean) {
  return `rounded-full border px-3 py-1 ${active ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`;
}

function Choice({ name, label, options }: { name: string; label: string; options: [string, string][] }) {
  return (
    <select name={name} className={inputClass} aria-label={label}>
      {options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );
}
