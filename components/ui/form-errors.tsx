"use client";

// What every form does when its action refuses the input (issue 11), in one place:
// - keeps every value typed: React resets a form after its action runs; fields wired with
//   fieldProps get the typed values back as defaults, and any other field (a static field written
//   in a server page, a checkbox, a select) is put back here from ActionState.values;
// - marks each failing field (aria-invalid, aria-describedby → its message) and, when the form
//   has no place beside the field for its message, lists the message under the form;
// - moves focus to the first failing field in the form's order (reopening the confirm dialog the
//   field sits in, if any).
// FormMessage (components/ui/form-message.tsx) runs it, so every form that shows its result gets
// it. Forms whose fields are written outside the form component (server pages passing children
// to an ActionForm) read the result through FormStateProvider / useFormResult.
import { createContext, useContext, useLayoutEffect, useRef, type ReactNode, type RefObject } from "react";
import type { ActionState } from "@/lib/server/action";

export type FieldState = { values?: Record<string, string>; lists?: Record<string, string[]>; fieldErrors?: Record<string, string[] | undefined> } | null | undefined;

const FormResult = createContext<ActionState>(null);

/** Gives the fields inside a form the last result of its action (values and field errors). */
export function FormStateProvider({ state, children }: { state: ActionState; children: ReactNode }) {
  return <FormResult.Provider value={state}>{children}</FormResult.Provider>;
}

/** The last result of the surrounding form's action (null outside a FormStateProvider). */
export function useFormResult(): ActionState {
  return useContext(FormResult);
}

/** The failed result's values and field errors, or undefined. */
export function failedState(state: ActionState): FieldState {
  return state && !state.ok ? state : undefined;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const MARK = "data-form-error-mark";

function controlsOf(form: HTMLFormElement): Control[] {
  return Array.from(form.elements).filter((el): el is Control => el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement);
}

function skipped(el: Control): boolean {
  return (el instanceof HTMLInputElement && ["hidden", "file", "submit", "button", "reset", "image", "password"].includes(el.type)) || controlled(el);
}

/**
 * A field whose value React holds (value/checked props, or data-controlled): its component keeps
 * it, and writing the DOM would put it out of step with React. React keeps an element's props
 * under a "__reactProps$…" key; when that is not found the field is taken as uncontrolled.
 */
function controlled(el: Control): boolean {
  if (el.hasAttribute("data-controlled")) return true;
  const key = Object.keys(el).find((k) => k.startsWith("__reactProps$"));
  const props = key ? ((el as unknown as Record<string, unknown>)[key] as Record<string, unknown> | undefined) : undefined;
  return !!props && (props.value !== undefined || props.checked !== undefined);
}

/** Puts the refused submission's values back into fields the reset emptied. */
function restoreValues(form: HTMLFormElement, values: Record<string, string>, lists: Record<string, string[]> | undefined) {
  const controls = controlsOf(form).filter((el) => el.name && !skipped(el));
  const count = new Map<string, number>();
  for (const el of controls) count.set(el.name, (count.get(el.name) ?? 0) + 1);
  for (const el of controls) {
    if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) {
      const sent = lists?.[el.name] ?? (el.name in values ? [values[el.name]] : []);
      // A checkbox is sent only when ticked (radio: the chosen one), with its value.
      const checked = sent.includes(el.value);
      if (el.checked !== checked) el.checked = checked;
      continue;
    }
    if (!(el.name in values) || count.get(el.name) !== 1) continue;
    if (el instanceof HTMLSelectElement && el.multiple) continue;
    if (el.value !== values[el.name]) el.value = values[el.name];
  }
}

/**
 * Runs after each result of the form's action (see the file's header). `anchor` is an element
 * inside the form. The caller renders, hidden, one `[data-form-orphan="<name>"]` message per
 * failing field; those whose field has no message slot beside it (`#<name>-error` or the field's
 * aria-describedby) are shown, with the id the field points to.
 */
export function useFormErrorFeedback(state: ActionState, anchor: RefObject<HTMLElement | null>): void {
  const handled = useRef<ActionState>(null);
  // Layout effect: after React's reset of the form (done while committing), before paint.
  useLayoutEffect(() => {
    if (handled.current === state) return;
    handled.current = state;
    const form = anchor.current?.closest("form");
    if (!form) return;
    for (const el of Array.from(form.querySelectorAll(`[${MARK}]`))) {
      el.removeAttribute(MARK);
      el.removeAttribute("aria-invalid");
    }
    if (!state || state.ok) return;
    if (state.values) restoreValues(form, state.values, (state as FieldState)?.lists);
    const errors = state.fieldErrors ?? {};
    const failing = Object.keys(errors).filter((k) => errors[k]?.length);
    const controls = controlsOf(form).filter((el) => failing.includes(el.name) && !(el instanceof HTMLInputElement && el.type === "hidden"));
    const hasSlot = (name: string) => {
      const field = controls.find((el) => el.name === name);
      const all = (field?.getAttribute("aria-describedby") ?? `${name}-error`).split(/\s+/).filter(Boolean);
      const ids = all.some((id) => id.endsWith("-error")) ? all.filter((id) => id.endsWith("-error")) : all;
      return ids.some((id) => !!form.querySelector(`[id="${CSS.escape(id)}"]:not([data-form-orphan])`)?.textContent?.trim());
    };
    for (const list of Array.from(form.querySelectorAll<HTMLElement>("[data-form-orphans]"))) {
      let any = false;
      for (const li of Array.from(list.querySelectorAll<HTMLElement>("[data-form-orphan]"))) {
        const name = li.dataset.formOrphan ?? "";
        const show = failing.includes(name) && !hasSlot(name);
        any ||= show;
        li.hidden = !show;
        if (show) li.id = `${name}-error`;
        else li.removeAttribute("id");
      }
      list.hidden = !any;
    }
    for (const el of controls) {
      if (!el.hasAttribute("aria-invalid")) {
        el.setAttribute("aria-invalid", "true");
        el.setAttribute(MARK, "");
      }
      if (!el.hasAttribute("aria-describedby")) el.setAttribute("aria-describedby", `${el.name}-error`);
    }
    const first = controls[0];
    if (!first) return;
    const dialog = first.closest("dialog");
    if (dialog && !dialog.open) {
      const fields = first.closest("fieldset[data-confirm-fields]") as HTMLFieldSetElement | null;
      if (fields) fields.disabled = false;
      dialog.showModal();
    }
    first.focus();
  }, [state, anchor]);
}
