"use client";
import { useCallback, useEffect, useRef, useState } from "react";

type StoredDraft = { savedAt: string; values: Record<string, string> };

/** Hidden inputs carry what the page knew (ids, statuses shown), not what the writer typed. */
function typedValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const element of Array.from(form.elements)) {
    if (
      !(element instanceof HTMLTextAreaElement) &&
      !(element instanceof HTMLSelectElement) &&
      !(element instanceof HTMLInputElement && element.type !== "hidden" && element.name)
    )
      continue;
    if (!element.name || element.type === "checkbox") continue;
    // A component left at the status shown is no choice: restoring it could undo another lead's change.
    const was = form.elements.namedItem(element.name.replace(/^component:/, "component-was:"));
    if (element.name.startsWith("component:") && was instanceof HTMLInputElement)
      if (was.value === element.value) continue;
    values[element.name] = element.value;
  }
  return values;
}

/**
 * Sets a field as if typed, so the field's own handlers run (a date field fills
 * its hidden ISO value): React only hears values set through the native setter.
 */
function setAsTyped(
  field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  value: string,
) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value")?.set;
  setter?.call(field, value);
  field.dispatchEvent(
    new Event(field instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }),
  );
}

function read(key: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as StoredDraft) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps an update form's typed text in this browser (per author, incident and
 * form), so a reload, a crash or a closed tab never loses a draft. Restored once
 * on mount; cleared when the update is published or the draft discarded.
 */
export function useUpdateDraft({
  key,
  initialBody,
  setBody,
}: {
  key: string;
  initialBody: string;
  setBody: (body: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [restoredAt, setRestoredAt] = useState<Date | null>(null);

  useEffect(() => {
    const draft = read(key);
    const form = container.current?.querySelector("form");
    if (!draft || !form) return;
    for (const [name, value] of Object.entries(draft.values)) {
      if (name === "body") continue;
      const field = form.elements.namedItem(name);
      if (
        field instanceof HTMLTextAreaElement ||
        field instanceof HTMLSelectElement ||
        field instanceof HTMLInputElement
      )
        setAsTyped(field, value);
    }
    if (draft.values.body !== undefined && draft.values.body !== initialBody) {
      // Restoring browser-held text is a one-time sync from an external store on mount.
      setBody(draft.values.body);
    }
    setRestoredAt(new Date(draft.savedAt));
    // Only on mount: later prop changes (a refreshed template) must not overwrite typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const save = useCallback(
    (form: HTMLFormElement) => {
      try {
        const draft: StoredDraft = { savedAt: new Date().toISOString(), values: typedValues(form) };
        window.localStorage.setItem(key, JSON.stringify(draft));
      } catch {
        // Storage full or disabled: the form still works, only without a kept draft.
      }
    },
    [key],
  );
  const clear = useCallback(() => {
    try {
      window.localStorage.removeItem(key);
    } catch {}
    setRestoredAt(null);
  }, [key]);

  return { container, save, clear, restoredAt };
}
