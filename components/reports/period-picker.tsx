// The period picker of the reports (a GET form: the period lives in the URL, so a report can be
// bookmarked and its Excel and print links carry the same period). Errors beside their field;
// the typed values stay in the form.
import { inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { PERIOD_KIND_LABELS, PERIOD_KINDS, type PeriodFormValues, type SchoolYearRow, type UnionTermRow } from "@/lib/reports/period";
import { formatDate } from "@/lib/format";
import { DateInput } from "@/components/ui/date-input";

type Errors = Partial<Record<keyof PeriodFormValues, string>>;

function Err({ id, msg }: { id: string; msg?: string }) {
  return (
    <div id={id} aria-live="polite">
      {msg && <p className="text-sm text-red-700">{msg}</p>}
    </div>
  );
}

export function PeriodPicker({ values, errors = {}, schoolYears, unionTerms }: { values: PeriodFormValues; errors?: Errors; schoolYears: SchoolYearRow[]; unionTerms: UnionTermRow[] }) {
  const field = (name: keyof PeriodFormValues, param: string) => ({
    id: `ky-${param}`,
    name: param,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": `ky-${param}-error`,
    className: inputClass,
  });
  return (
    <form method="get" className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm no-print" aria-label="Chọn kỳ báo cáo">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
        <div className="flex flex-col gap-1">
          <label htmlFor="ky-ky" className="text-sm font-medium text-slate-700">
            Kỳ báo cáo
          </label>
          <select {...field("ky", "ky")} defaultValue={values.ky}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {PERIOD_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <Err id="ky-ky-error" msg={errors.ky} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="ky-nam-hoc" className="text-sm font-medium text-slate-700">
            Năm học
          </label>
          <select {...field("namHoc", "nam-hoc")} defaultValue={values.namHoc}>
            <option value="">—</option>
            {schoolYears.map((y) => (
              <option key={y.id} value={y.id}>
                {y.label}
              </option>
            ))}
          </select>
          <Err id="ky-nam-hoc-error" msg={errors.namHoc} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="ky-nam" className="text-sm font-medium text-slate-700">
            Năm
          </label>
          <input {...field("nam", "nam")} defaultValue={values.nam} inputMode="numeric" placeholder="2026" />
          <Err id="ky-nam-error" msg={errors.nam} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="ky-nhiem-ky" className="text-sm font-medium text-slate-700">
            Nhiệm kỳ
          </label>
          <select {...field("nhiemKy", "nhiem-ky")} defaultValue={values.nhiemKy}>
            <option value="">{unionTerms.length ? "—" : "Chưa khai báo nhiệm kỳ"}</option>
            {unionTerms.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label} ({formatDate(t.startsOn)} – {formatDate(t.endsOn)})
              </option>
            ))}
          </select>
          <Err id="ky-nhiem-ky-error" msg={errors.nhiemKy} />
        </div>
        <div className="grid gap-2 sm:col-span-2 sm:grid-cols-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="ky-tu" className="text-sm font-medium text-slate-700">
              Từ ngày
            </label>
            <DateInput bare {...field("tu", "tu")} defaultValue={values.tu} state={null} />
            <Err id="ky-tu-error" msg={errors.tu} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="ky-den" className="text-sm font-medium text-slate-700">
              Đến ngày
            </label>
            <DateInput bare {...field("den", "den")} defaultValue={values.den} state={null} />
            <Err id="ky-den-error" msg={errors.den} />
          </div>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass()}>
          Xem báo cáo
        </button>
        <p className="text-xs text-slate-500">Chọn loại kỳ, rồi điền ô tương ứng (năm học, năm, nhiệm kỳ hoặc khoảng ngày dd/mm/yyyy).</p>
      </div>
    </form>
  );
}
