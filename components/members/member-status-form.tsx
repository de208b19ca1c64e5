"use client";
import { useActionState } from "react";
import { changeMemberStatusAction } from "@/lib/members/actions";
import { STATUS_CHANGES } from "@/lib/members/rules";
import type { MemberStatus } from "@/lib/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { ConfirmSubmit } from "@/components/ui/confirm-dialog";
import { DateInput } from "@/components/ui/date-input";
import { Field, fieldProps } from "@/components/ui/field";
import { formatDate } from "@/lib/format";
import { todayVN } from "@/lib/time";

/**
 * The explicit status changes allowed from the current status. "Đã nghỉ việc" asks first, in the
 * confirm dialog, for the day and the reason (both stored and audited).
 */
export function MemberStatusForm({ memberId, version, status, fullName }: { memberId: string; version: number; status: MemberStatus; fullName: string }) {
  const [state, formAction, pending] = useActionState(changeMemberStatusAction, null);
  const failed = state && !state.ok ? state : null;
  const today = formatDate(todayVN());
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="memberId" value={memberId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap gap-2">
        {STATUS_CHANGES[status].map((c) =>
          c.to === "LEFT" ? (
            <ConfirmSubmit
              key={c.to}
              label={c.label}
              title={`Ghi nhận ${fullName} đã nghỉ việc?`}
              message="Hồ sơ vẫn được giữ lại và có thể khôi phục."
              confirmLabel="Ghi nhận nghỉ việc"
              name="status"
              value="LEFT"
              variant="danger"
            >
              <DateInput name="leftOn" label="Ngày nghỉ việc" state={failed} defaultValue={today} max={today} required />
              <Field name="leftReason" label="Lý do nghỉ việc" errors={failed?.fieldErrors?.leftReason}>
                <textarea {...fieldProps("leftReason", failed)} rows={2} maxLength={500} required />
              </Field>
            </ConfirmSubmit>
          ) : (
            <Button key={c.to} type="submit" name="status" value={c.to} disabled={pending} variant="secondary">
              {c.label}
            </Button>
          ),
        )}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
