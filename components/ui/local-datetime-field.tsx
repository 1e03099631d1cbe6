"use client";
import { useState } from "react";
import { Field } from "./field";

/**
 * A date-time picker in the user's own time zone. The browser knows that zone
 * and the server does not, so the hidden `name` field carries the moment as
 * ISO 8601 (with offset); the visible input is only for people.
 */
export function LocalDateTimeField({
  label,
  name,
  error,
  hint,
  defaultValue = "",
}: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  defaultValue?: string;
}) {
  const [iso, setIso] = useState(defaultValue);
  return (
    <>
      <Field
        label={label}
        name={`${name}Local`}
        type="datetime-local"
        error={error}
        hint={hint}
        defaultValue={defaultValue ? toLocalInput(new Date(defaultValue)) : ""}
        onChange={(e) =>
          setIso(e.currentTarget.value ? new Date(e.currentTarget.value).toISOString() : "")
        }
      />
      <input type="hidden" name={name} value={iso} />
    </>
  );
}

function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
