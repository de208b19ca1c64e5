import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/authz/gate";
import { getCalibrationPage, CALIBRATION_SORTS, type CalibrationSort } from "@/lib/calibration/queries";
import { ALMOST_ALL_EXCELLENT, EXCELLENT, FAR_MEAN, MIN_CLASSIFIED, MIN_PAIRS, PEER_GAP, QUESTION_LABELS, type QuestionKind } from "@/lib/calibration/rules";
import { SCHOOL_LEVEL_LABELS } from "@/lib/schools/schemas";
import type { SchoolLevel } from "@/lib/generated/prisma/enums";
import { orNotFound, routeId, idParam, pageParam, textParam } from "@/lib/server/page";
import { formatNumber, formatPercent } from "@/lib/format";
import { Badge, Card, EmptyState, PageHeader, Stat } from "@/components/ui/page";
import { ListFilters, sortField } from "@/components/ui/list-filters";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Hiệu chỉnh kết quả chấm điểm" };

const QUESTIONS = Object.keys(QUESTION_LABELS) as QuestionKind[];
const SORT_LABELS: Record<CalibrationSort, string> = { "cau-hoi": "Nhiều câu hỏi trước", "xuat-sac": "Tỷ lệ Xuất sắc cao trước", ten: "Tên trường" };
const pct = (part: number, whole: number) => (whole ? formatPercent(part / whole, 0) : "–");
const levelLabel = (l: string) => SCHOOL_LEVEL_LABELS[l as SchoolLevel] ?? l;

/** Questions for a person, never verdicts: each school's results beside its peers' (scoring.read over the unit). */
export default async function CalibrationPage({ params, searchParams }: { params: Promise<{ unitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer } = await requireAccess("scoring.read", { unit: (await params).unitId });
  const unitId = routeId((await params).unitId);
  const sp = await searchParams;
  const question = QUESTIONS.find((k) => k === textParam(sp["cau-hoi"]));
  const sort = CALIBRATION_SORTS.find((k) => k === textParam(sp["sap-xep"]));
  const level = Object.keys(SCHOOL_LEVEL_LABELS).find((k) => k === textParam(sp["cap-hoc"]));
  const d = await orNotFound(getCalibrationPage(viewer, unitId, { yearId: idParam(sp.nam), question, level, q: textParam(sp.q), sort, page: pageParam(sp.trang) }));
  const path = `/cap-tren/${d.unit.id}/hieu-chinh`;
  const keep = { nam: d.year?.id, "cau-hoi": question, "cap-hoc": level, q: d.filters.q, "sap-xep": sort };
  return (
    <>
      <PageHeader title="Hiệu chỉnh kết quả chấm điểm" subtitle={`${d.unit.name}${d.year ? ` · năm học ${d.year.label}` : ""}`} />
      <p className="mb-4 max-w-3xl text-sm text-slate-600">
        Những câu hỏi để người có trách nhiệm xem lại, không phải kết luận. Mỗi trường được đặt cạnh các trường cùng đơn vị cấp trên và cùng cấp học. Ngưỡng: “gần như tất cả {EXCELLENT}” khi từ {formatPercent(ALMOST_ALL_EXCELLENT, 0)} phiếu trở lên (ít nhất {MIN_CLASSIFIED} phiếu); “cao hơn hẳn” khi tỷ lệ {EXCELLENT} vượt các trường cùng cấp từ {formatNumber(Math.round(PEER_GAP * 100))} điểm phần trăm; “lệch xa” khi bước tổ hoặc hội đồng thay đổi điểm tự chấm trung bình từ {formatNumber(FAR_MEAN / 10)} điểm; “không bao giờ khác” khi không phiếu nào thay đổi (ít nhất {MIN_PAIRS} phiếu).
      </p>
      <nav aria-label="Năm học" className="mb-4 flex flex-wrap gap-2 text-sm no-print">
        {d.years.map((y) => (
          <Link key={y.id} href={`${path}?nam=${y.id}`} aria-current={y.id === d.year?.id ? "page" : undefined} className={`rounded-full border px-3 py-1 ${y.id === d.year?.id ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}>
            Năm học {y.label}
          </Link>
        ))}
      </nav>
      <div className="mb-6 grid gap-4 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="Trường" value={formatNumber(d.totals.schools)} />
        <Stat label="Có kết quả chấm" value={formatNumber(d.totals.withResults)} />
        <Stat label="Có câu hỏi" value={formatNumber(d.totals.withQuestions)} />
        {QUESTIONS.map((k) => (
          <Stat key={k} label={QUESTION_LABELS[k]} value={formatNumber(d.totals.perQuestion[k])} />
        ))}
      </div>
      <ListFilters
        action={path}
        className="mb-4"
        keep={{ nam: d.year?.id }}
        fields={[
          { kind: "select", label: "Câu hỏi", name: "cau-hoi", value: question, all: "Tất cả các trường", options: QUESTIONS.map((k) => ({ value: k, label: QUESTION_LABELS[k] })) },
          { kind: "select", label: "Cấp học", name: "cap-hoc", value: level, all: "Tất cả", options: d.levels.map((l) => ({ value: l, label: levelLabel(l) })) },
          { kind: "search", label: "Tên trường", value: d.filters.q },
          sortField(CALIBRATION_SORTS, SORT_LABELS, d.filters.sort),
        ]}
      />
      <Card title="Từng trường, cạnh các trường cùng cấp">
        {d.rows.length === 0 ? (
          <EmptyState>Không có trường nào khớp bộ lọc.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" aria-label="Phân bố xếp loại và câu hỏi theo trường">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-2 pr-3">Trường</th>
                  <th className="pr-3 text-right">Số phiếu</th>
                  {d.labels.map((l) => (
                    <th key={l} className="pr-3 text-right">
                      {l}
                      <div className="font-normal normal-case">trường / cùng cấp</div>
                    </th>
                  ))}
                  <th className="pr-3">Câu hỏi</th>
                  <th>Minh chứng</th>
                </tr>
              </thead>
              <tbody>
                {d.rows.map((r) => {
                  const peerTotal = Object.values(r.peerCounts).reduce((a, b) => a + b, 0);
                  return (
                    <tr key={r.schoolId} className="border-t border-slate-200 align-top">
                      <td className="py-2 pr-3">
                        <div className="font-medium">{r.name}</div>
                        <div className="text-xs text-slate-500">
                          {levelLabel(r.level)} · {r.peerCount} trường cùng cấp
                        </div>
                      </td>
                      <td className="pr-3 text-right">{formatNumber(r.classified)}</td>
                      {d.labels.map((l) => (
                        <td key={l} className="pr-3 text-right whitespace-nowrap">
                          {pct(r.counts[l] ?? 0, r.classified)} <span className="text-slate-500">/ {pct(r.peerCounts[l] ?? 0, peerTotal)}</span>
                        </td>
                      ))}
                      <td className="max-w-md pr-3">
                        {r.questions.length === 0 ? (
                          <span className="text-slate-500">Không có gì nổi bật</span>
                        ) : (
                          <ul className="space-y-1">
                            {r.questions.map((q, i) => (
                              <li key={i}>
                                <Badge tone="amber">{QUESTION_LABELS[q.kind]}</Badge> {q.text}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td className="whitespace-nowrap">
                        {r.periodId ? (
                          <Link className="text-brand-700 hover:underline" href={`/truong/${r.schoolId}/cham-diem/${r.periodId}`}>
                            Kỳ chấm, phiếu chấm
                          </Link>
                        ) : (
                          <span className="text-slate-500">Chưa có kết quả</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={d.page} pageSize={d.pageSize} total={d.total} basePath={path} params={keep} />
      </Card>
    </>
  );
}
