import type { SelectHTMLAttributes } from "react";
import { CONTROL_CLASS, describedBy, FieldShell } from "./field-shell";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: readonly (readonly [value: string, label: string])[];
  error?: string;
  hint?: string;
  /** Distinct id when the same name appears more than once on a page. */
  id?: string;
};

/** A labelled select whose error is announced and tied to it, like Field. */
export function SelectField({
  label,
  name,
  options,
  error,
  hint,
  id = name,
  ...select
}: SelectFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={CONTROL_CLASS}
        {...select}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
