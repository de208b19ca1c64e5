"use client";
// The plan page's forms. Each carries the version it was drawn from; the server refuses a
// stale one with the CONFLICT message instead of overwriting somebody else's change.
import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/server/action";
import {
  addCommentAction,
  amendPlanAction,
  createPlanAction,
  createUnitPlanAction,
  deleteItemAction,
  deleteTargetAction,
  discardDraftAction,
  saveItemAction,
  saveTargetAction,
  transitionPlanAction,
  updateHeaderAction,
  updateSectionAction,
} from "@/lib/plans/actions";
import { MEASURES, MEASURE_KEYS } from "@/lib/plans/measures";
import { inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SubmissionKey } from "@/components/ui/submission-key";
import { Button } from "@/components/ui/button";
import { ConfirmSubmit, splitQuestion } from "@/components/ui/confirm-dialog";
import { DateInput, TimeInput } from "@/components/ui/date-input";

export type Failed = Extract<ActionState, { ok: false }> | null;

export function failedOf(state: ActionState): Failed {
  return state && !state.ok ? state : null;
}

/** A key that changes after each successful submit, to empty a "new row" form. */
export function useResetKey(state: ActionState): number {
  const [key, setKey] = useState(0);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setKey(key + 1);
  }
  return key;
}

/** A labelled input wired to its errors, with ids unique on a page holding many forms. */
export function Input({
  form,
  name,
  label,
  failed,
  value,
  type = "text",
  multiline,
  rows = 4,
  className = "",
  hint,
  ...rest
}: {
  form: string;
  name: string;
  label: string;
  failed: Failed;
  value?: string | number | null;
  type?: string;
  multiline?: boolean;
  rows?: number;
  className?: string;
  hint?: string;
} & Record<string, unknown>) {
  const id = `${form}-${name}`;
  const errors = failed?.fieldErrors?.[name];
  const props = {
    id,
    name,
    defaultValue: failed?.values?.[name] ?? (value == null ? "" : String(value)),
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": `${id}-error`,
    className: inputClass,
    ...rest,
  };
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {multiline ? (
        <textarea {...props} rows={rows} />
      ) : type === "date" ? (
        // The shared date input (dd/mm/yyyy, Vietnamese calendar): never the browser's picker.
        <DateInput bare id={id} name={name} defaultValue={props.defaultValue} aria-invalid={props["aria-invalid"]} aria-describedby={props["aria-describedby"]} state={null} />
      ) : type === "time" ? (
        <TimeInput bare id={id} name={name} defaultValue={props.defaultValue} aria-invalid={props["aria-invalid"]} aria-describedby={props["aria-describedby"]} state={null} />
      ) : (
        <input {...props} type={type} />
      )}
      {hint && !errors?.length && <p className="text-xs text-slate-500">{hint}</p>}
      <div id={`${id}-error`} aria-live="polite">
        {errors?.map((e) => (
          <p key={e} className="text-sm text-red-700">
            {e}
          </p>
        ))}
      </div>
    </div>
  );
}

export function Select({ form, name, label, failed, value, options }: { form: string; name: string; label: string; failed: Failed; value?: string | number | null; options: [string, string][] }) {
  const id = `${form}-${name}`;
  const errors = failed?.fieldErrors?.[name];
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={failed?.values?.[name] ?? (value == null ? "" : String(value))} aria-invalid={errors?.length ? true : undefined} aria-describedby={`${id}-error`} className={inputClass}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
      <div id={`${id}-error`} aria-live="polite">
        {errors?.map((e) => (
          <p key={e} className="text-sm text-red-700">
            {e}
          </p>
        ))}
      </div>
    </div>
  );
}

/** Lập kế hoạch: from the template, or a copy of last year's signed plan. */
export function CreatePlanForm({ schoolId, schoolYearId, copyLabel }: { schoolId: string; schoolYearId: string; copyLabel: string | null }) {
  const [state, action] = useActionState(createPlanAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="schoolId" value={schoolId} />
      <SubmissionKey after={state} />
      <input type="hidden" name="schoolYearId" value={schoolYearId} />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">Tạo bản dự thảo</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="source" value="template" defaultChecked /> Từ mẫu có sẵn (căn cứ, nguyên tắc, trách nhiệm, lịch 20/10, 20/11, Tết, 8/3, chỉ tiêu)
        </label>
        {copyLabel && (
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="source" value="copy" /> Sao chép kế hoạch đã ký kết năm học {copyLabel}
          </label>
        )}
      </fieldset>
      <div>
        <SubmitButton pendingText="Đang tạo…">Lập kế hoạch</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** Lập kế hoạch của đơn vị cấp trên với cơ quan quản lý cùng cấp. */
export function CreateUnitPlanForm({ unitId, schoolYearId }: { unitId: string; schoolYearId: string }) {
  const [state, action] = useActionState(createUnitPlanAction, null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="unitId" value={unitId} />
      <SubmissionKey after={state} />
      <input type="hidden" name="schoolYearId" value={schoolYearId} />
      <div>
        <SubmitButton pendingText="Đang tạo…">Lập kế hoạch của đơn vị từ mẫu</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export interface HeaderValues {
  issuerParent: string;
  issuerName: string;
  docNumber: string;
  place: string;
  issuedOn: string;
  title: string;
  recipients: string;
  govSignerTitle: string;
  unionSignerTitle: string;
  meetingDay: number;
}

/** Phần đầu văn bản: đơn vị ban hành, số, địa danh, ngày, trích yếu, chức danh ký, nơi nhận. */
export function HeaderForm({ planId, version, values, govLabel }: { planId: string; version: number; values: HeaderValues; govLabel: string }) {
  const [state, action] = useActionState(updateHeaderAction, null);
  const failed = failedOf(state);
  const f = "header";
  return (
    <form key={failed ? JSON.stringify(failed.values) : `v${version}`} action={action} noValidate className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      <Input form={f} name="issuerParent" label="Cơ quan chủ quản" failed={failed} value={values.issuerParent} maxLength={200} />
      <Input form={f} name="issuerName" label="Đơn vị ban hành (mỗi dòng một đơn vị)" failed={failed} value={values.issuerName} multiline rows={2} />
      <Input form={f} name="docNumber" label="Số, ký hiệu" failed={failed} value={values.docNumber} maxLength={60} hint="Ví dụ: 01/KHPH-NT-CĐ" />
      <Input form={f} name="place" label="Địa danh" failed={failed} value={values.place} maxLength={80} />
      <Input form={f} name="issuedOn" label="Ngày ban hành" type="date" failed={failed} value={values.issuedOn} hint="Để trống: điền ngày ký kết." />
      <Input form={f} name="meetingDay" label="Ngày họp liên tịch hằng tháng" type="number" min={1} max={28} failed={failed} value={values.meetingDay} />
      <Input form={f} name="title" label="Trích yếu" failed={failed} value={values.title} maxLength={300} className="sm:col-span-2" />
      <Input form={f} name="unionSignerTitle" label="Chức danh ký (công đoàn)" failed={failed} value={values.unionSignerTitle} multiline rows={2} />
      <Input form={f} name="govSignerTitle" label={`Chức danh ký (${govLabel.toLowerCase()})`} failed={failed} value={values.govSignerTitle} multiline rows={2} />
      <Input form={f} name="recipients" label="Nơi nhận (mỗi dòng một nơi)" failed={failed} value={values.recipients} multiline rows={4} className="sm:col-span-2" />
      <div className="flex items-center gap-3 sm:col-span-2">
        <SubmitButton variant="secondary">Lưu phần đầu văn bản</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** One text section, editable in the draft. */
export function SectionForm({ planId, section }: { planId: string; section: { id: string; key: string; title: string; body: string; version: number } }) {
  const [state, action] = useActionState(updateSectionAction, null);
  const failed = failedOf(state);
  const f = `section-${section.key}`;
  const lines = section.body.split("\n").length;
  return (
    <form key={failed ? JSON.stringify(failed.values) : `v${section.version}`} action={action} noValidate className="flex flex-col gap-2">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="sectionId" value={section.id} />
      <input type="hidden" name="version" value={section.version} />
      <Input form={f} name="title" label="Tên mục" failed={failed} value={section.title} maxLength={200} />
      <Input form={f} name="body" label="Nội dung" failed={failed} value={section.body} multiline rows={Math.min(18, Math.max(4, lines + 1))} hint='Mỗi dòng một đoạn; dòng bắt đầu bằng "1." là tiêu đề nhỏ, bằng "- " là gạch đầu dòng.' />
      <div className="flex items-center gap-3">
        <SubmitButton variant="secondary">Lưu mục</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

const MONTHS: [string, string][] = [9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8].map((m) => [String(m), `Tháng ${m}`]);
export const SIDE_OPTIONS: [string, string][] = [
  ["BOTH", "Hai bên"],
  ["GOV", "Nhà trường / cơ quan quản lý"],
  ["UNION", "Công đoàn"],
];

/** Thêm hoặc sửa một công việc của lịch phối hợp. */
export function ItemForm({ planId, item }: { planId: string; item?: { id: string; version: number; month: number; onDate: string; content: string; leadSide: string } }) {
  const [state, action] = useActionState(saveItemAction, null);
  const failed = failedOf(state);
  const f = item ? `item-${item.id}` : "item-new";
  const reset = useResetKey(state);
  return (
    <form key={failed ? JSON.stringify(failed.values) : item ? `v${item.version}` : `new-${reset}`} action={action} noValidate className="grid gap-2 sm:grid-cols-[8rem_10rem_1fr_10rem_auto] sm:items-start">
      <input type="hidden" name="planId" value={planId} />
      {item && <input type="hidden" name="itemId" value={item.id} />}
      {item && <input type="hidden" name="version" value={item.version} />}
      <SubmissionKey after={state} />
      <Select form={f} name="month" label="Tháng" failed={failed} value={item?.month ?? 9} options={MONTHS} />
      <Input form={f} name="onDate" label="Ngày (nếu có)" type="date" failed={failed} value={item?.onDate} />
      <Input form={f} name="content" label="Nội dung công việc" failed={failed} value={item?.content} maxLength={500} />
      <Select form={f} name="leadSide" label="Chủ trì" failed={failed} value={item?.leadSide ?? "BOTH"} options={SIDE_OPTIONS} />
      <div className="flex items-center gap-2 sm:pt-6">
        <SubmitButton variant="secondary">{item ? "Lưu" : "Thêm"}</SubmitButton>
      </div>
      <div className="sm:col-span-5">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** Xóa một dòng (công việc hoặc chỉ tiêu). */
export function DeleteRowForm({ planId, rowId, version, kind, label }: { planId: string; rowId: string; version: number; kind: "item" | "target"; label: string }) {
  const [state, action] = useActionState(kind === "item" ? deleteItemAction : deleteTargetAction, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="rowId" value={rowId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="text-sm text-red-700 hover:underline" aria-label={`Xóa: ${label}`}>
        Xóa
      </button>
      {state && !state.ok && <span className="text-sm text-red-700">{state.message}</span>}
    </form>
  );
}

const MEASURE_OPTIONS: [string, string][] = MEASURE_KEYS.map((k) => [k, MEASURES[k].label]);

/** Thêm hoặc sửa một chỉ tiêu. */
export function TargetForm({
  planId,
  target,
}: {
  planId: string;
  target?: { id: string; version: number; label: string; measureKey: string; unit: string; comparator: string; targetValue: number; manualActual: number | null };
}) {
  const [state, action] = useActionState(saveTargetAction, null);
  const failed = failedOf(state);
  const f = target ? `target-${target.id}` : "target-new";
  const reset = useResetKey(state);
  return (
    <form key={failed ? JSON.stringify(failed.values) : target ? `v${target.version}` : `new-${reset}`} action={action} noValidate className="grid gap-2 sm:grid-cols-[1fr_12rem_7rem_8rem_6rem_7rem_auto] sm:items-start">
      <input type="hidden" name="planId" value={planId} />
      {target && <input type="hidden" name="targetId" value={target.id} />}
      {target && <input type="hidden" name="version" value={target.version} />}
      <SubmissionKey after={state} />
      <Input form={f} name="label" label="Chỉ tiêu" failed={failed} value={target?.label} maxLength={300} />
      <Select form={f} name="measureKey" label="Cách đo" failed={failed} value={target?.measureKey ?? "manual"} options={MEASURE_OPTIONS} />
      <Select form={f} name="unit" label="Đơn vị" failed={failed} value={target?.unit ?? "PERCENT"} options={[["PERCENT", "%"], ["COUNT", "Số lượng"]]} />
      <Select form={f} name="comparator" label="So sánh" failed={failed} value={target?.comparator ?? "AT_LEAST"} options={[["AT_LEAST", "Ít nhất (≥)"], ["AT_MOST", "Không quá (≤)"]]} />
      <Input form={f} name="targetValue" label="Mức" inputMode="decimal" failed={failed} value={target?.targetValue} />
      <Input form={f} name="manualActual" label="Kết quả (nhập tay)" inputMode="decimal" failed={failed} value={target?.manualActual} />
      <div className="sm:pt-6">
        <SubmitButton variant="secondary">{target ? "Lưu" : "Thêm"}</SubmitButton>
      </div>
      <div className="sm:col-span-7">
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** Góp ý vào một mục. */
export function CommentForm({ planId, sectionKey, label }: { planId: string; sectionKey: string; label: string }) {
  const [state, action] = useActionState(addCommentAction, null);
  const failed = failedOf(state);
  const f = `comment-${sectionKey}`;
  const reset = useResetKey(state);
  return (
    <form key={failed ? JSON.stringify(failed.values) : `c-${reset}`} action={action} noValidate className="flex flex-col gap-2">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="sectionKey" value={sectionKey} />
      <SubmissionKey after={state} />
      <Input form={f} name="body" label={`Góp ý cho mục "${label}"`} failed={failed} multiline rows={2} maxLength={4000} />
      <div className="flex items-center gap-3">
        <SubmitButton variant="secondary" pendingText="Đang gửi…">
          Gửi góp ý
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}

/** One workflow button (trình ký, ký, rút về, trả lại), carrying the version the viewer saw. */
export function TransitionForm({
  planId,
  version,
  action: planAction,
  label,
  variant = "primary",
  confirm,
  askSignerName,
}: {
  planId: string;
  version: number;
  action: "submit" | "withdraw" | "return" | "sign_gov" | "sign_union";
  label: string;
  variant?: "primary" | "secondary" | "danger";
  confirm?: string;
  askSignerName?: string;
}) {
  const [state, action] = useActionState(transitionPlanAction, null);
  const failed = failedOf(state);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="action" value={planAction} />
      {askSignerName && <Input form={`tr-${planAction}`} name="signerName" label={askSignerName} failed={failed} maxLength={120} />}
      <div>
        {confirm ? (
          <ConfirmSubmit label={label} {...splitQuestion(confirm, label)} variant={variant} />
        ) : (
          <SubmitButton variant={variant} pendingText="Đang xử lý…">
            {label}
          </SubmitButton>
        )}
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** Lập bản sửa đổi: asks for the reason. */
export function AmendForm({ planId }: { planId: string }) {
  const [state, action] = useActionState(amendPlanAction, null);
  const failed = failedOf(state);
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        Lập bản sửa đổi
      </Button>
    );
  return (
    <form action={action} noValidate className="flex w-full flex-col gap-2">
      <input type="hidden" name="planId" value={planId} />
      <SubmissionKey after={state} />
      <Input form="amend" name="reason" label="Lý do sửa đổi, bổ sung" failed={failed} multiline rows={3} maxLength={2000} />
      <div className="flex gap-2">
        <SubmitButton pendingText="Đang tạo…">Tạo bản sửa đổi</SubmitButton>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Thôi
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** Xóa bản dự thảo. */
export function DiscardForm({ planId, version }: { planId: string; version: number }) {
  const [state, action] = useActionState(discardDraftAction, null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="version" value={version} />
      <div>
        <ConfirmSubmit label="Xóa bản dự thảo" title="Xóa bản dự thảo này cùng mọi góp ý?" message="Không thể hoàn tác." variant="danger" />
      </div>
      <FormMessage state={state} />
    </form>
  );
}
