"use server";
import { revalidatePath } from "next/cache";
import { requestCtx } from "@/app/_lib/request-context";
import { actionError, type ActionState } from "@/lib/action-state";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { readFields } from "../_lib/form-input";

/** Thin callers of the API-key domain, which is owner-only. */

export type CreatedKeyState = ActionState & { key?: string };

export async function createApiKeyAction(
  _prev: CreatedKeyState,
  form: FormData,
): Promise<CreatedKeyState> {
  try {
    const { apiKey, key } = await createApiKey({
      ctx: await requestCtx(),
      input: readFields(form, ["name", "scope"]),
    });
    revalidatePath("/admin/api-keys");
    // The plaintext key travels in this response only; only its hash is stored.
    return {
      ok: true,
      message: `Created “${apiKey.name}”. Copy the key now: it will not be shown again.`,
      key,
    };
  } catch (error) {
    return actionError(error, form);
  }
}

export async function revokeApiKeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const apiKey = await revokeApiKey({
      ctx: await requestCtx(),
      input: readFields(form, ["keyId"]),
    });
    revalidatePath("/admin/api-keys");
    return { ok: true, message: `“${apiKey.name}” was revoked.` };
  } catch (error) {
    return actionError(error, form);
  }
}
