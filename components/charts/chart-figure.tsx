// A chart with its text alternative and its table (server-safe: no hooks, no "use client").
// The summary is the sentence a screen-reader user hears instead of the chart; the table carries
// every number the chart draws, so nothing is only visible as a picture.
import type { ReactNode } from "react";

export type ChartFigureProps = {
  title: string;
  /** One or two sentences saying what the chart shows (the text alternative). */
  summary: string;
  /** The chart, usually <BarChart>. */
  children: ReactNode;
  /** The same numbers as a table, shown beside the chart on wide screens, below it on phones. */
  table?: ReactNode;
};

export function ChartFigure({ title, summary, children, table }: ChartFigureProps) {
  return (
    <figure aria-label={`${title}. ${summary}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="mb-3">
        <span className="block text-base font-semibold text-slate-800">{title}</span>
        <span className="mt-1 block text-sm text-slate-600">{summary}</span>
      </figcaption>
      <div className={table ? "grid gap-4 xl:grid-cols-2" : ""}>
        <div className="min-w-0">
          {children}
        </div>
        {table && <div className="min-w-0 overflow-x-auto">{table}</div>}
      </div>
    </figure>
  );
}
