// The chart of a report as plain data (sent to the client component components/charts/bar-chart.tsx).
export interface ChartSpec {
  title: string;
  /** The text alternative: what the chart shows, in one or two sentences. */
  summary: string;
  data: Array<{ label: string } & Record<string, number | string>>;
  series: Array<{ key: string; label: string; color?: string }>;
  stacked?: boolean;
  horizontal?: boolean;
  percent?: boolean;
}
