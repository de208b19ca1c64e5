"use client";
// Ra quyết định: number, date, signer, issuer, level, and which approved nominees it covers.
// A random key per form makes a double submit create one decision.
import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/server/action";
import { Field, fieldProps } from "@/components/ui/field";
import { DateInput } from "@/components/ui/date-input";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import type { FormAction } from "./action-form";
import { DecisionNominees } from "./decision-nominees";
import { todayIsoVN } from "@/lib/time";

/** `matchingIds`: every nominee the screen's filter matches (all pages); `approved`: the page drawn; `level`: offered first. */
export function IssueDecisionForm({ action, unitId, schoolYearId, issuerName, signerName, approved, matchingIds, level }: { action: FormAction; unitId: string; schoolYearId: string; issuerName: string; signerName: string; approved: { id: string; label: string }[]; matchingIds: string[]; level: string }) {
  const [state, formAction] = useActionState<ActionState, FormData>(action, null);
  const [key] = useState(() => crypto.randomUUID());
  const failed = state && !state.ok ? state : null;
  const err = (k: string) => failed?.fieldErrors?.[k];
  const today = todayIsoVN();
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="unitId" value={unitId} />
      <input type="hidden" name="schoolYearId" value={schoolYearId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <Field name="number" label="Số quyết định" errors={err("number")}>
        <input {...fieldProps("number", failed)} required placeholder="ví dụ 88/QĐ-CĐGD" />
      </Field>
      <Field name="signedOn" label="Ngày ký" errors={err("signedOn")}>
        <DateInput bare {...fieldProps("signedOn", failed, today)} max={today} required state={null} />
      </Field>
      <Field name="issuerName" label="Cơ quan ban hành" errors={err("issuerName")}>
        <input {...fieldProps("issuerName", failed, issuerName)} required />
      </Field>
      <Field name="level" label="Cấp" errors={err("level")}>
        <select {...fieldProps("level", failed, level)}>
          <option value="SCHOOL">Cơ sở</option>
          <option value="DIRECT_UPPER">Cấp trên trực tiếp</option>
          <option value="PROVINCE">Cấp tỉnh, ngành</option>
          <option value="NATIONAL">Toàn quốc</option>
        </select>
      </Field>
      <Field name="signerName" label="Người ký" errors={err("signerName")}>
        <input {...fieldProps("signerName", failed, signerName)} required />
      </Field>
      <Field name="signerTitle" label="Chức vụ người ký" errors={err("signerTitle")}>
        <input {...fieldProps("signerTitle", failed, "Chủ tịch")} required />
      </Field>
      <div className="sm:col-span-2">
        <Field name="summary" label="Trích yếu" errors={err("summary")}>
          <input {...fieldProps("summary", failed)} placeholder="Về việc khen thưởng năm học …" />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <DecisionNominees name="itemIds" legend="Người, tập thể được khen thưởng (đã duyệt)" rows={approved} matchingIds={matchingIds} />
        {err("itemIds")?.map((e) => (
          <p key={e} className="text-sm text-red-700">
            {e}
          </p>
        ))}
      </div>
      <div className="flex flex-col gap-2 sm:col-span-2">
        <div>
          <SubmitButton pendingText="Đang ban hành…">Ban hành quyết định</SubmitButton>
        </div>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
