"use client";

// A bar chart for reports and dashboards (recharts). Stable API, shared by the reports and the
// dashboards: keep props backwards compatible. Always wrap it in <ChartFigure> so the numbers are
// also given as a table and a text alternative (a chart alone is not accessible).
import {
  Bar,
  BarChart as RechartsBarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatNumber, formatPercent } from "@/lib/format";

export type BarDatum = { label: string } & Record<string, number | string>;
export type BarSeries = { key: string; label: string; color?: string };

export type BarChartProps = {
  /** Used as the chart's accessible name (the figure carries the full text alternative). */
  title: string;
  data: BarDatum[];
  series: BarSeries[];
  /** Stack the series in one bar per label. */
  stacked?: boolean;
  /** Bars run left to right, labels on the left: better for long Vietnamese labels on a phone. */
  horizontal?: boolean;
  /** Values are fractions (0.42 = 42%) and are shown as percentages. */
  percent?: boolean;
  /** Height in px; by default grows with the number of labels when horizontal. */
  height?: number;
};

// Distinguishable on white and for common colour-vision deficiencies (Okabe–Ito based).
const PALETTE = ["#1d5fbf", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#7f7f7f", "#f0e442"];

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function BarChart({ title, data, series, stacked = false, horizontal = false, percent = false, height }: BarChartProps) {
  const fmt = (v: unknown) => {
    const n = typeof v === "number" ? v : Number(v);
    if (!Number.isFinite(n)) return String(v ?? "");
    return percent ? formatPercent(n) : formatNumber(n);
  };
  const h = height ?? (horizontal ? Math.max(220, data.length * (stacked ? 32 : 18 * series.length + 14) + 70) : 300);
  const valueAxis = {
    type: "number" as const,
    tickFormatter: (v: number) => fmt(v),
    allowDecimals: percent,
    domain: percent && stacked ? ([0, 1] as [number, number]) : undefined,
    tick: { fontSize: 12 },
  };
  const categoryAxis = {
    type: "category" as const,
    dataKey: "label",
    tick: { fontSize: 12 },
    tickFormatter: (v: string) => shorten(String(v), horizontal ? 18 : 14),
    interval: 0 as const,
  };
  return (
    <div role="img" aria-label={title} className="w-full min-w-0" style={{ height: h }}>
      <ResponsiveContainer width="100%" height="100%" minWidth={0} initialDimension={{ width: 320, height: h }}>
        <RechartsBarChart
          data={data}
          layout={horizontal ? "vertical" : "horizontal"}
          margin={{ top: 8, right: 12, bottom: 8, left: horizontal ? 4 : 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis {...valueAxis} />
              <YAxis {...categoryAxis} width={120} />
            </>
          ) : (
            <>
              <XAxis {...categoryAxis} height={40} />
              <YAxis {...valueAxis} width={48} />
            </>
          )}
          <Tooltip formatter={(value, name) => [fmt(value), String(name)]} />
          {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)} />}
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color ?? PALETTE[i % PALETTE.length]}
              stackId={stacked ? "stack" : undefined}
              isAnimationActive={false}
            />
          ))}
        </RechartsBarChart>
      </ResponsiveContainer>
    </div>
  );
}
