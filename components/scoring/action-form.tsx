"use client";
// A small form for one server action: hidden fields, optional visible fields (children), a submit
// button that disables while pending, and the action's message beside it.
import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/server/action";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmissionKey } from "@/components/ui/submission-key";
import { ConfirmSubmit, splitQuestion } from "@/components/ui/confirm-dialog";
import { FormStateProvider } from "@/components/ui/form-errors";

export function ActionForm({
  action,
  hidden,
  label,
  pendingText,
  variant,
  confirm,
  children,
  className = "",
  once = false,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  hidden: Record<string, string | number>;
  label: string;
  pendingText?: string;
  variant?: "primary" | "secondary" | "danger";
  /** Asks in a dialog before submitting (irreversible steps such as sealing). */
  confirm?: string;
  children?: ReactNode | ((state: ActionState) => ReactNode);
  className?: string;
  /** A create form: carries a per-render submission key (one record per submit). */
  once?: boolean;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className={`flex flex-col gap-2 ${className}`}>
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
      <FormMessage state={state} />
    </form>
  );
}
