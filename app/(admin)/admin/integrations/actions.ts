"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requestCtx } from "@/app/_lib/request-context";
import { actionError, type ActionState } from "@/lib/action-state";
import { HeraldError } from "@/lib/errors";
import { createIntegration } from "@/lib/inbound/create-integration";
import { deleteIntegration } from "@/lib/inbound/delete-integration";
import { rotateIntegrationToken } from "@/lib/inbound/rotate-integration-token";
import { updateIntegration } from "@/lib/inbound/update-integration";
import { readFields } from "../_lib/form-input";

/** Thin callers of lib/inbound: roles and validation are checked there. */

export type CreatedIntegrationState = ActionState & { token?: string; url?: string; id?: string };

/** The rules box holds the API's JSON; an empty box means the default rule. */
function readRules(text: string): unknown {
  if (!text.trim()) return [];
  try {
    return JSON.parse(text);
  } catch {
    throw new HeraldError("invalid", "The rules are not valid JSON.", {
      rules: "Write the rules as a JSON array, or leave the box empty for the default.",
    });
  }
}

export async function createIntegrationAction(
  _prev: CreatedIntegrationState,
  form: FormData,
): Promise<CreatedIntegrationState> {
  try {
    const fields = readFields(form, [
      "type",
      "name",
      "hold_down_seconds",
      "heartbeat_interval_seconds",
      "signing_secret",
      "rules",
    ]);
    const created = await createIntegration({
      ctx: await requestCtx(),
      input: {
        ...fields,
        heartbeat_interval_seconds: fields.heartbeat_interval_seconds || undefined,
        hold_down_seconds: fields.hold_down_seconds || undefined,
        signing_secret: fields.signing_secret || undefined,
        rules: readRules(fields.rules ?? ""),
      },
    });
    revalidatePath("/admin/integrations");
    // The token travels in this response only; only its hash is stored.
    return {
      ok: true,
      message: `Created “${created.name}”. Copy the token now: it will not be shown again.`,
      token: created.token,
      url: created.url,
      id: created.id,
    };
  } catch (error) {
    return actionError(error, form);
  }
}

/** The edit form sends every field; an empty rules box means the default rule. */
export async function updateIntegrationAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  try {
    const fields = readFields(form, [
      "integrationId",
      "name",
      "hold_down_seconds",
      "heartbeat_interval_seconds",
      "rules",
    ]);
    await updateIntegration({
      ctx: await requestCtx(),
      input: {
        ...fields,
        hold_down_seconds: fields.hold_down_seconds || undefined,
        heartbeat_interval_seconds: fields.heartbeat_interval_seconds || undefined,
        rules: readRules(fields.rules ?? ""),
      },
    });
    revalidatePath(`/admin/integrations/${fields.integrationId}`);
    return { ok: true, message: "Saved. The new rules apply from the next payload." };
  } catch (error) {
    return actionError(error, form);
  }
}

export async function deleteIntegrationAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  try {
    await deleteIntegration({
      ctx: await requestCtx(),
      input: readFields(form, ["integrationId"]),
    });
  } catch (error) {
    return actionError(error, form);
  }
  revalidatePath("/admin/integrations");
  redirect("/admin/integrations");
}

export async function rotateTokenAction(
  _prev: CreatedIntegrationState,
  form: FormData,
): Promise<CreatedIntegrationState> {
  try {
    const rotated = await rotateIntegrationToken({
      ctx: await requestCtx(),
      input: readFields(form, ["integrationId"]),
    });
    return {
      ok: true,
      message:
        "New token made; the old one no longer works. Copy it now: it will not be shown again.",
      token: rotated.token,
    };
  } catch (error) {
    return actionError(error, form);
  }
}
