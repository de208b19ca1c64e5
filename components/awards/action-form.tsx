"use client";
// One server action as a form: hidden fields, visible fields (children, which may read the last
// result to keep typed values and show errors), a submit button that disables while pending,
// an optional confirmation, and the result message.
import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/server/action";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmissionKey } from "@/components/ui/submission-key";
import { ConfirmSubmit, splitQuestion } from "@/components/ui/confirm-dialog";
import { FormStateProvider } from "@/components/ui/form-errors";

export type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

export function ActionForm({
  action,
  hidden = {},
  label,
  pendingText = "Đang xử lý…",
  variant,
  confirm,
  children,
  className = "",
  once = false,
  inline = false,
}: {
  action: FormAction;
  hidden?: Record<string, string | number>;
  label: string;
  pendingText?: string;
  variant?: "primary" | "secondary" | "danger";
  confirm?: string;
  children?: ReactNode | ((state: ActionState) => ReactNode);
  className?: string;
  /** A create form: carries a per-render submission key (one record per submit). */
  once?: boolean;
  inline?: boolean;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className={`${inline ? "flex flex-wrap items-end gap-2" : "flex flex-col gap-3"} ${className}`}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={String(v)} />
      ))}
      {once && <SubmissionKey after={state} />}
      {/* Fields written in a server page (DateInput…) read the result here: values and errors. */}
      <FormStateProvider state={state}>{typeof children === "function" ? children(state) : children}</FormStateProvider>
      <div>
        {confirm ? (
          <ConfirmSubmit label={label} {...splitQuestion(confirm, label)} variant={variant ?? "primary"} />
        ) : (
          <SubmitButton pendingText={pendingText} variant={variant}>
            {label}
          </SubmitButton>
        )}
      </div>
      {/* A field error with no place beside its field is listed by FormMessage. */}
      <FormMessage state={state} />
    </form>
  );
}
