import { useId, type InputHTMLAttributes } from "react";
import { CONTROL_CLASS, describedBy, FieldShell } from "./field-shell";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
};

/** A labelled input whose error is announced and tied to it for screen readers. */
export function Field({ label, name, error, hint, id: givenId, ...input }: FieldProps) {
  // Unique per instance: two forms on one page may both have an "email" field.
  const generatedId = useId();
  const id = givenId ?? generatedId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={CONTROL_CLASS}
        {...input}
      />
    </FieldShell>
  );
}
