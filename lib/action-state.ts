import { HeraldError } from "./errors";

/** What a server action returns to its form (used with React's useActionState). */
export type ActionState = {
  ok: boolean;
  message?: string;
  fields?: Record<string, string>;
  /**
   * What the user typed, echoed back on failure: React resets a form after its
   * action, and a rejected form should keep the user's input, not lose it.
   */
  values?: Record<string, string>;
};

export const initialActionState: ActionState = { ok: false };

/** The form's text entries (passwords excluded), for ActionState.values. */
export function formValues(form: FormData): Record<string, string> {
  // A Map, then own properties: a field named "constructor" or "__proto__" is just a field.
  const values = new Map<string, string>();
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !/password/i.test(key) && !values.has(key))
      values.set(key, value);
  }
  return Object.fromEntries(values);
}

/** Maps a thrown error to form state; unknown errors are logged and shown generically. */
export function actionError(error: unknown, form?: FormData): ActionState {
  const values = form ? formValues(form) : undefined;
  if (error instanceof HeraldError)
    return { ok: false, message: error.message, fields: error.fields, values };
  console.error(error);
  return {
    ok: false,
    message: "Something went wrong; nothing was saved. Please try again.",
    values,
  };
}
