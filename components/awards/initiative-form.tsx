"use client";
// Ghi nhận / sửa sáng kiến: title, authors (several), recognition (level, body, decision, date),
// applied or not, evidence. Typed values survive a refusal; errors sit beside their fields.
import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/server/action";
import { Field, fieldProps, inputClass } from "@/components/ui/field";
import { DateInput } from "@/components/ui/date-input";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "./action-form";
import { SubmissionKey } from "@/components/ui/submission-key";

export interface InitiativeValues {
  id?: string;
  version?: number;
  title: string;
  field: string | null;
  summary: string | null;
  authorIds: string[];
  level: string | null;
  recognisedBy: string | null;
  decisionNumber: string | null;
  recognisedOn: string | null;
  applied: boolean;
  appliedNote: string | null;
  evidence: string | null;
}

const LEVELS = [
  ["SCHOOL", "Cơ sở (trường)"],
  ["DIRECT_UPPER", "Cấp trên trực tiếp"],
  ["PROVINCE", "Cấp tỉnh, ngành"],
  ["NATIONAL", "Toàn quốc"],
] as const;

export function InitiativeForm({ action, hidden, members, initial, submitLabel, once = false }: { action: FormAction; hidden: Record<string, string | number>; members: { id: string; fullName: string }[]; initial?: InitiativeValues; submitLabel: string; once?: boolean }) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, null);
  const [authors, setAuthors] = useState<string[]>(initial?.authorIds ?? []);
  const err = (k: string) => (state && !state.ok ? state.fieldErrors?.[k] : undefined);
  const failed = state && !state.ok ? state : null;
  const f = (name: string, v: string | null | undefined) => fieldProps(name, failed, v ?? "");
  const prefix = initial?.id ? `sk-${initial.id}-` : "sk-moi-";
  const idOf = (n: string) => `${prefix}${n}`;
  const props = (name: string, v: string | null | undefined) => ({ ...f(name, v), id: idOf(name), "aria-describedby": `${idOf(name)}-error` });
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={String(v)} />
      ))}
      <input type="hidden" name="authorIds" value={authors.join(",")} />
      {once && <SubmissionKey after={state} />}
      <div className="sm:col-span-2">
        <Field name={idOf("title")} label="Tên sáng kiến" errors={err("title")}>
          <input {...props("title", initial?.title)} required />
        </Field>
      </div>
      <Field name={idOf("authors")} label="Tác giả (giữ Ctrl để chọn nhiều người)" errors={err("authorIds")}>
        <select id={idOf("authors")} multiple size={5} className={inputClass} value={authors} onChange={(e) => setAuthors([...e.target.selectedOptions].map((o) => o.value))}>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.fullName}
            </option>
          ))}
        </select>
      </Field>
      <Field name={idOf("field")} label="Lĩnh vực" errors={err("field")}>
        <input {...props("field", initial?.field)} />
      </Field>
      <Field name={idOf("level")} label="Cấp công nhận" errors={err("level")}>
        <select {...props("level", initial?.level)}>
          <option value="">Chưa được công nhận</option>
          {LEVELS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </Field>
      <Field name={idOf("recognisedBy")} label="Hội đồng, cơ quan công nhận" errors={err("recognisedBy")}>
        <input {...props("recognisedBy", initial?.recognisedBy)} />
      </Field>
      <Field name={idOf("decisionNumber")} label="Số quyết định công nhận" errors={err("decisionNumber")}>
        <input {...props("decisionNumber", initial?.decisionNumber)} />
      </Field>
      <Field name={idOf("recognisedOn")} label="Ngày công nhận" errors={err("recognisedOn")}>
        <DateInput bare {...props("recognisedOn", initial?.recognisedOn)} state={null} />
      </Field>
      <div className="flex items-center gap-2 sm:col-span-2">
        <input type="checkbox" id={idOf("applied")} name="applied" defaultChecked={state?.ok === false ? state.values?.applied === "on" : initial?.applied} />
        <label htmlFor={idOf("applied")} className="text-sm">
          Đã được áp dụng trong thực tế
        </label>
      </div>
      <Field name={idOf("appliedNote")} label="Kết quả áp dụng" errors={err("appliedNote")}>
        <input {...props("appliedNote", initial?.appliedNote)} />
      </Field>
      <Field name={idOf("evidence")} label="Minh chứng (nơi lưu, số văn bản)" errors={err("evidence")}>
        <input {...props("evidence", initial?.evidence)} />
      </Field>
      <div className="sm:col-span-2">
        <Field name={idOf("summary")} label="Tóm tắt" errors={err("summary")}>
          <textarea rows={2} {...props("summary", initial?.summary)} />
        </Field>
      </div>
      <div className="flex flex-col gap-2 sm:col-span-2">
        <div>
          <SubmitButton>{submitLabel}</SubmitButton>
        </div>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
