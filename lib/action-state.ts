import { HeraldError } from "./errors";

/** What a server action returns to its form (used with React's useActionState). */
export type ActionState = {
  ok: boolean;
  message?: string;
  fields?: Record<string, string>;
};

export const initialActionState: ActionState = { ok: false };

/** Maps a thrown error to form state; unknown errors are logged and shown generically. */
export function actionError(error: unknown): ActionState {
  if (error instanceof HeraldError) return { ok: false, message: error.message, fields: error.fields };
  console.error(error);
  return { ok: false, message: "Something went wrong; nothing was saved. Please try again." };
}
