// A report table (lib/reports/table.ts) on screen: the same rows the Excel file and the print view
// carry, formatted the Vietnamese way.
import { cellText, type ReportTable } from "@/lib/reports/table";

export function ReportTableView({ table, rows, caption }: { table: ReportTable; rows?: { cells: ReportTable["rows"][number]; strong: boolean }[]; caption?: string }) {
  const list = rows ?? table.rows.map((cells, i) => ({ cells, strong: !!table.strong?.includes(i) }));
  return (
    <table className="w-full border-collapse text-sm" data-report-table>
      <caption className="sr-only">{caption ?? table.title}</caption>
      <thead>
        <tr className="border-b border-slate-300 bg-slate-50">
          {table.columns.map((c) => (
            <th key={c.header} scope="col" className={`px-2 py-2 font-semibold text-slate-700 ${c.align === "right" ? "text-right" : c.align === "center" ? "text-center" : "text-left"}`}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {list.map((r, i) => (
          <tr key={i} className={`border-b border-slate-100 ${r.strong ? "bg-slate-50 font-semibold" : ""}`}>
            {r.cells.map((c, j) => {
              const col = table.columns[j];
              const cls = `px-2 py-1.5 ${col?.align === "right" ? "text-right tabular-nums" : col?.align === "center" ? "text-center" : "text-left"}`;
              return j === 1 ? (
                <th key={j} scope="row" className={`${cls} font-normal ${r.strong ? "font-semibold" : ""}`}>
                  {cellText(c)}
                </th>
              ) : (
                <td key={j} className={cls}>
                  {cellText(c)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
