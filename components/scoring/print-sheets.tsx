// The print page's body: a toolbar (hidden when printing) and one sheet per member, a page break
// between members, A4 margins. Shared by the period's print page and the member's own.
import Link from "next/link";
import type { PrintView } from "@/lib/scoring/print";
import { PrintButton } from "@/components/plans/print-button";
import { PrintSheetView } from "./print-sheet";

// The app shell's padding is dropped on paper; the page's own margins are the sheet's.
const PRINT_CSS = "@media print { @page { size: A4 portrait; margin: 12mm 12mm 12mm 18mm; } main { padding: 0 !important; max-width: none !important; } }";

export function PrintSheets({ view, back, backLabel, scope }: { view: PrintView; back: string; backLabel: string; scope: string }) {
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-4 flex flex-wrap items-center gap-3">
        <Link href={back} className="text-brand-700 hover:underline">
          ← {backLabel}
        </Link>
        <PrintButton />
        <span className="text-sm text-slate-600">
          {scope}: {view.sheets.length} phiếu, mỗi phiếu một trang in.
        </span>
      </div>
      {view.sheets.map((s, i) => (
        <PrintSheetView key={s.sheetId} view={view} sheet={s} last={i === view.sheets.length - 1} />
      ))}
    </>
  );
}
