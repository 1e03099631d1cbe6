import type { TextareaHTMLAttributes } from "react";
import { CONTROL_CLASS, describedBy, FieldShell } from "./field-shell";

type TextareaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  id?: string;
};

/** A labelled textarea whose error is announced and tied to it, like Field. */
export function TextareaField({
  label,
  name,
  error,
  hint,
  id = name,
  className = "",
  ...textarea
}: TextareaFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={`${CONTROL_CLASS} ${className}`}
        {...textarea}
      />
    </FieldShell>
  );
}
