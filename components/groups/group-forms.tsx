"use client";
import { useActionState } from "react";
import { createGroupAction, renameGroupAction } from "@/lib/groups/actions";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { SubmissionKey } from "@/components/ui/submission-key";

/** Thêm tổ công đoàn. */
export function CreateGroupForm({ schoolId }: { schoolId: string }) {
  const [state, formAction] = useActionState(createGroupAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="schoolId" value={schoolId} />
      <SubmissionKey after={state} />
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-56 flex-1">
          <Field name="name" label="Tên tổ mới" errors={failed?.fieldErrors?.name}>
            <input {...fieldProps("name", failed)} maxLength={100} placeholder="Ví dụ: Tổ CĐ Khối 3" />
          </Field>
        </div>
        <div className="sm:pt-6">
          <SubmitButton>Thêm tổ</SubmitButton>
        </div>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** Đổi tên một tổ (inline in the list), version-checked. */
export function RenameGroupForm({ groupId, version, name }: { groupId: string; version: number; name: string }) {
  const [state, formAction] = useActionState(renameGroupAction, null);
  const failed = state && !state.ok ? state : null;
  const id = `name-${groupId}`;
  const props = fieldProps("name", failed, name);
  const errors = failed?.fieldErrors?.name;
  return (
    <form key={failed ? JSON.stringify(failed.values) : `v${version}`} action={formAction} noValidate className="flex flex-col gap-1">
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={id} className="sr-only">
        Tên mới cho {name}
      </label>
      <div className="flex gap-2">
        <input {...props} id={id} aria-describedby={`${id}-error`} maxLength={100} />
        <div className="shrink-0">
          <SubmitButton variant="secondary" pendingText="Đang lưu…">
            Lưu tên
          </SubmitButton>
        </div>
      </div>
      <div id={`${id}-error`} aria-live="polite">
        {errors?.map((e) => (
          <p key={e} className="text-sm text-red-700">
            {e}
          </p>
        ))}
        {state && (state.ok || !errors?.length) && <FormMessage state={state} />}
      </div>
    </form>
  );
}
