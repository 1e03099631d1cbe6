import { revalidatePath } from "next/cache";
import { requestCtx } from "@/app/_lib/request-context";
import { actionError, type ActionState } from "@/lib/action-state";
import type { Ctx } from "@/lib/context";

/**
 * The body of a thin console action: run the domain write in the request's
 * context (the domain checks role and input), map failures to form state, and
 * refresh the console and the public pages on success.
 */
export async function runConsoleWrite(
  form: FormData,
  write: (ctx: Ctx) => Promise<unknown>,
  message: string,
): Promise<ActionState> {
  try {
    await write(await requestCtx());
  } catch (error) {
    return actionError(error, form);
  }
  revalidatePath("/admin", "layout");
  revalidatePath("/", "layout");
  return { ok: true, message };
}
