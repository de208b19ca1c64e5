"use client";

// One accessible confirm dialog for every destructive or final step (issue 11), instead of the
// browser's confirm(): a native <dialog> opened with showModal() keeps focus inside, closes on
// Esc, is announced as a dialog with its title and text, and returns focus to the button.
//
//   <form action={formAction}>
//     …
//     <ConfirmSubmit label="Xóa nhóm" title="Xóa nhóm tiêu chí?" message="…" variant="danger" />
//   </form>
//
//   <ConfirmButton label="Xóa nhóm" title="Xóa nhóm “…”?" onConfirm={() => remove(i)} />  (no form)
//
// `children` (extra fields such as a date and a reason) are rendered inside the dialog, which is
// inside the surrounding form, so they are submitted with it. While the dialog is closed they sit
// in a disabled fieldset: they are neither sent nor checked by the form's other buttons. When the
// server refuses one of them, the form's error focus (components/ui/form-errors.tsx) reopens the
// dialog on that field.
import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass } from "./button";

type Variant = "primary" | "secondary" | "danger" | "ghost";

interface DialogText {
  /** The question, e.g. "Xóa tệp minh chứng?" */
  title: string;
  /** What will happen, said plainly (can it be undone?). */
  message?: ReactNode;
  /** Text of the confirming button. */
  confirmText: string;
  variant: Variant;
  children?: ReactNode;
}

/** The dialog itself, shared by ConfirmSubmit and ConfirmButton. */
function useConfirmDialog({ title, message, confirmText, variant, children }: DialogText, onConfirm: (dialog: HTMLDialogElement) => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  const fields = useRef<HTMLFieldSetElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();

  function open() {
    if (fields.current) fields.current.disabled = false;
    dialog.current?.showModal();
    // Focus starts on the first field to fill, else on "Hủy" (the safe choice).
    (fields.current?.querySelector<HTMLElement>("input, select, textarea") ?? cancel.current)?.focus();
  }
  function close() {
    dialog.current?.close();
  }
  function confirm() {
    const d = dialog.current;
    if (!d) return;
    // Let the browser check required fields inside the dialog before going on.
    for (const el of Array.from(d.querySelectorAll<HTMLInputElement>("input, select, textarea"))) {
      if (!el.checkValidity()) {
        el.reportValidity();
        return;
      }
    }
    onConfirm(d);
    d.close();
  }
  function onKeyDown(e: KeyboardEvent<HTMLDialogElement>) {
    // Enter in a field of the dialog confirms; it must not submit the form with its first button.
    const t = e.target as HTMLElement;
    if (e.key === "Enter" && t instanceof HTMLInputElement && t.type !== "button" && t.type !== "submit") {
      e.preventDefault();
      confirm();
    }
  }

  const element = (
    <dialog
      ref={dialog}
      data-confirm-dialog=""
      aria-labelledby={titleId}
      aria-describedby={message ? textId : undefined}
      onKeyDown={onKeyDown}
      onClose={() => {
        // Closed (Esc, Hủy or confirmed): the extra fields stop belonging to the form's submissions.
        if (fields.current) fields.current.disabled = true;
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 text-left shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {message ? (
          <div id={textId} className="text-sm text-slate-700">
            {message}
          </div>
        ) : null}
        {children ? (
          <fieldset ref={fields} disabled data-confirm-fields="" className="m-0 min-w-0 space-y-3 border-0 p-0">
            {children}
          </fieldset>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <button ref={cancel} type="button" className={buttonClass("secondary")} onClick={close}>
            Hủy
          </button>
          <button type="button" className={buttonClass(variant)} onClick={confirm}>
            {confirmText}
          </button>
        </div>
      </div>
    </dialog>
  );
  return { open, element };
}

/**
 * The dialog's title and text from one text such as "Thu hồi quyết định này? Hồ sơ vẫn được
 * lưu.": a question that opens it is the title, the rest the text; otherwise ("Biểu điểm sẽ bị
 * khóa. Tiếp tục?") "<label>?" asks and the whole text explains.
 */
export function splitQuestion(confirm: string, label: string): { title: string; message?: string } {
  const i = confirm.indexOf("?");
  if (i < 0 || /[.!:;]\s/.test(confirm.slice(0, i))) return { title: `${label}?`, message: confirm };
  const rest = confirm.slice(i + 1).trim();
  return { title: confirm.slice(0, i + 1).trim(), message: rest || undefined };
}

/** A button that asks in a dialog, then submits its form (with its name/value, like a submit button). */
export function ConfirmSubmit({
  label,
  title,
  message,
  confirmLabel,
  variant = "danger",
  triggerVariant,
  disabled,
  name,
  value,
  className = "",
  triggerClassName,
  children,
}: {
  /** Text of the button that opens the dialog. */
  label: ReactNode;
  /** The question, e.g. "Xóa tệp minh chứng?" */
  title: string;
  /** What will happen, said plainly (can it be undone?). */
  message?: ReactNode;
  /** Text of the confirming button; defaults to the trigger's label when it is a string. */
  confirmLabel?: string;
  variant?: Variant;
  triggerVariant?: Variant;
  disabled?: boolean;
  /** Name/value of the submitter, sent with the form like a submit button's. */
  name?: string;
  value?: string;
  className?: string;
  /** Replaces the trigger's button look (e.g. a small text link "Xóa"). */
  triggerClassName?: string;
  /** Extra inputs shown in the dialog (they are submitted with the form). */
  children?: ReactNode;
}) {
  const trigger = useRef<HTMLButtonElement>(null);
  const { pending } = useFormStatus();
  const { open, element } = useConfirmDialog(
    { title, message, confirmText: confirmLabel ?? (typeof label === "string" ? label : "Đồng ý"), variant, children },
    () => {
      const form = trigger.current?.form;
      if (!form) return;
      // The trigger is not a submit button (a submit button would submit before the question),
      // so its name/value ride along in a hidden input for this one submission.
      let extra: HTMLInputElement | null = null;
      if (name) {
        extra = document.createElement("input");
        extra.type = "hidden";
        extra.name = name;
        extra.value = value ?? "";
        form.appendChild(extra);
      }
      // Submitted while the dialog is still open: its fields are enabled, so they are sent.
      form.requestSubmit();
      if (extra) setTimeout(() => extra?.remove(), 0);
    },
  );
  return (
    <>
      <button
        ref={trigger}
        type="button"
        disabled={disabled || pending}
        aria-haspopup="dialog"
        className={triggerClassName ?? `${buttonClass(triggerVariant ?? variant)} ${className}`}
        onClick={open}
      >
        {label}
      </button>
      {element}
    </>
  );
}

/** A button that asks in a dialog, then runs `onConfirm` (a step taken in the page, no form). */
export function ConfirmButton({
  label,
  title,
  message,
  confirmLabel,
  variant = "danger",
  className,
  onConfirm,
}: {
  label: ReactNode;
  title: string;
  message?: ReactNode;
  confirmLabel?: string;
  variant?: Variant;
  /** The trigger's classes (defaults to the variant's button look). */
  className?: string;
  onConfirm: () => void;
}) {
  const { open, element } = useConfirmDialog({ title, message, confirmText: confirmLabel ?? (typeof label === "string" ? label : "Đồng ý"), variant }, onConfirm);
  return (
    <>
      <button type="button" aria-haspopup="dialog" className={className ?? buttonClass(variant)} onClick={open}>
        {label}
      </button>
      {element}
    </>
  );
}
