// The one table model of a report: the screen, the Excel file and the print view all render these
// rows, so they cannot disagree. Pure (client-safe).
import { formatNumber, formatPercent } from "../format";

/** A number (counts), a share (fraction; null when the base is zero) or text. */
export type Cell = string | number | { pct: number | null };

export interface ReportColumn {
  header: string;
  align?: "left" | "right" | "center";
  /** Share of the width in print, characters in Excel. */
  width: number;
}

export interface ReportTable {
  title: string;
  columns: ReportColumn[];
  rows: Cell[][];
  /** Rows shown in bold (totals, subtotals). */
  strong?: number[];
}

/** A cell as people read it: Vietnamese number and percent formatting, "—" for an empty base. */
export function cellText(c: Cell): string {
  if (typeof c === "number") return formatNumber(c);
  if (typeof c === "string") return c;
  return c.pct === null ? "—" : formatPercent(c.pct);
}

export const pct = (v: number | null): Cell => ({ pct: v });
