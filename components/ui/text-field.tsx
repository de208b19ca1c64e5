"use client";
// A labelled text field for forms whose fields are written in a server page and passed to an
// ActionForm as children: it reads the form's last result (FormStateProvider) to keep the typed
// value and show its error beside it, like fieldProps does in client forms.
import { Field, fieldProps } from "./field";
import { failedState, useFormResult } from "./form-errors";

export function TextField({
  name,
  id = name,
  label,
  hint,
  defaultValue,
  required,
  placeholder,
  maxLength,
  className,
  inputClassName,
}: {
  name: string;
  id?: string;
  label: string;
  hint?: string;
  defaultValue?: string | number | null;
  required?: boolean;
  placeholder?: string;
  maxLength?: number;
  className?: string;
  inputClassName?: string;
}) {
  const failed = failedState(useFormResult());
  const props = fieldProps(name, failed, defaultValue);
  return (
    <div className={className}>
      <Field name={id} label={label} hint={hint} errors={failed?.fieldErrors?.[name]}>
        <input {...props} id={id} aria-describedby={`${id}-error`} className={`${props.className} ${inputClassName ?? ""}`} required={required} placeholder={placeholder} maxLength={maxLength} />
      </Field>
    </div>
  );
}
