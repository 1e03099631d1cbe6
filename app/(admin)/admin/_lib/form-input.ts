/**
 * Turns console form fields into domain input. Only plumbing: validation and
 * authorization happen in the domain functions these feed.
 */

/** The named text fields, trimmed of nothing: the schema decides what is empty. */
export function readFields(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? "")]));
}

export function readCheckbox(form: FormData, name: string): boolean {
  return form.get(name) === "on";
}

/**
 * Component status selects are named `component:<id>`, each with a hidden
 * `component-was:<id>` holding the status the form was showing. Only real
 * changes are sent, so an untouched select never reverts someone else's change.
 */
export function readComponentChanges(
  form: FormData,
  { keepBlank = false }: { keepBlank?: boolean } = {},
): { componentId: string; status: string }[] {
  const changes: { componentId: string; status: string }[] = [];
  for (const [key, value] of form.entries()) {
    if (!key.startsWith("component:") || typeof value !== "string") continue;
    // Blank is "not affected": a change only where the form can take a component off.
    if (value === "" && !keepBlank) continue;
    const componentId = key.slice("component:".length);
    if (form.get(`component-was:${componentId}`) !== value)
      changes.push({ componentId, status: value });
  }
  return changes;
}
