// The upper unit's two charts (classification distribution, nominations pipeline), each with its
// table and a sentence saying what it shows (components/charts/chart-figure.tsx).
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import type { YearFigures } from "@/lib/dashboards/upper";
import { PIPELINE_BUCKETS, PIPELINE_LABELS } from "@/lib/dashboards/rules";
import { formatNumber } from "@/lib/format";
import { pct } from "./figures";

type Year = { label: string; f: YearFigures };
type DistYear = { label: string; f: Pick<YearFigures, "distribution" | "classified"> };

const th = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";
const td = "px-3 py-1.5 text-sm tabular-nums";

export function DistributionFigure({ years, title = "Xếp loại của hội đồng" }: { years: DistYear[]; title?: string }) {
  const labels = [...new Set(years.flatMap((y) => y.f.distribution.map((d) => d.label)))];
  const cell = (y: DistYear, l: string) => y.f.distribution.find((d) => d.label === l);
  const last = years[years.length - 1];
  const summary =
    labels.length === 0
      ? "Chưa có kết quả xếp loại của hội đồng trong các năm học này."
      : `${last.label}: ${last.f.classified > 0 ? last.f.distribution.map((d) => `${d.label} ${pct(d.share)}`).join(", ") : "chưa có kết quả"} trên ${formatNumber(last.f.classified)} đoàn viên được xếp loại.`;
  return (
    <ChartFigure
      title={title}
      summary={summary}
      table={
        <table className="w-full">
          <caption className="sr-only">{title}: số đoàn viên và tỷ lệ theo từng mức</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={th}>Mức</th>
              {years.map((y) => (
                <th key={y.label} scope="col" className={`${th} text-right`}>{y.label}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {labels.map((l) => (
              <tr key={l}>
                <th scope="row" className={`${td} text-left font-medium`}>{l}</th>
                {years.map((y) => {
                  const c = cell(y, l);
                  return (
                    <td key={y.label} className={`${td} text-right`}>
                      {c ? `${formatNumber(c.count)} (${pct(c.share)})` : "—"}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th scope="row" className={`${td} text-left font-medium`}>Tổng số được xếp loại</th>
              {years.map((y) => (
                <td key={y.label} className={`${td} text-right font-semibold`}>{formatNumber(y.f.classified)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      }
    >
      <BarChart
        title={title}
        horizontal
        stacked
        percent
        data={years.map((y) => ({ label: y.label, ...Object.fromEntries(labels.map((l, i) => [`k${i}`, cell(y, l)?.share ?? 0])) }))}
        series={labels.map((l, i) => ({ key: `k${i}`, label: l }))}
      />
    </ChartFigure>
  );
}

export function PipelineFigure({ years }: { years: Year[] }) {
  const title = "Đề nghị khen thưởng theo trạng thái";
  const last = years[years.length - 1];
  const summary = `${last.label}: ${PIPELINE_BUCKETS.map((b) => `${PIPELINE_LABELS[b].toLowerCase()} ${formatNumber(last.f.pipeline[b])}`).join(", ")} (số người, tập thể được đề nghị).`;
  return (
    <ChartFigure
      title={title}
      summary={summary}
      table={
        <table className="w-full">
          <caption className="sr-only">{title}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={th}>Trạng thái</th>
              {years.map((y) => (
                <th key={y.label} scope="col" className={`${th} text-right`}>{y.label}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {PIPELINE_BUCKETS.map((b) => (
              <tr key={b}>
                <th scope="row" className={`${td} text-left font-medium`}>{PIPELINE_LABELS[b]}</th>
                {years.map((y) => (
                  <td key={y.label} className={`${td} text-right`}>{formatNumber(y.f.pipeline[b])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <BarChart
        title={title}
        horizontal
        data={PIPELINE_BUCKETS.map((b) => ({ label: PIPELINE_LABELS[b], ...Object.fromEntries(years.map((y, i) => [`y${i}`, y.f.pipeline[b]])) }))}
        series={years.map((y, i) => ({ key: `y${i}`, label: y.label }))}
      />
    </ChartFigure>
  );
}
