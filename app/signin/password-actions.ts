"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { requestCtx, safeCallbackPath } from "@/app/_lib/request-context";
import { actionError, type ActionState } from "@/lib/action-state";
import { anonymousActor } from "@/lib/context";
import { baseUrl, config } from "@/lib/config";
import { getDb } from "@/lib/db";
import { clientAddress } from "@/lib/http/client-address";
import { createMailTransport } from "@/lib/mail/transport";
import { requestPasswordReset, RESET_LINK_MINUTES } from "@/lib/auth/request-password-reset";
import { resetPassword } from "@/lib/auth/reset-password";
import { setFirstPassword } from "@/lib/auth/set-first-password";

const passwordFields = (form: FormData) => ({
  newPassword: form.get("newPassword"),
  confirmPassword: form.get("confirmPassword"),
});

/** The same answer for members and strangers (the domain mails members only). */
export async function requestPasswordResetAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  const c = config();
  const transport = await createMailTransport(c);
  if (!transport)
    return { ok: false, message: "Password reset by email is not available; ask an owner." };
  try {
    await requestPasswordReset({
      ctx: { db: await getDb(), actor: anonymousActor },
      input: { email: form.get("email") },
      client: clientAddress(await headers()),
      transport,
      baseUrl: baseUrl(c),
    });
  } catch (error) {
    return actionError(error, form);
  }
  return {
    ok: true,
    message: `If that address belongs to a member, a link to choose a new password is on its way. It expires in ${RESET_LINK_MINUTES} minutes.`,
  };
}

export async function resetPasswordAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  try {
    await resetPassword({
      ctx: { db: await getDb(), actor: anonymousActor },
      input: { token: form.get("token"), ...passwordFields(form) },
    });
  } catch (error) {
    return actionError(error, form);
  }
  redirect("/signin?notice=password-reset");
}

/** The forced step after signing in with a one-time password; then this device signs in anew. */
export async function setFirstPasswordAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  let email: string;
  try {
    ({ email } = await setFirstPassword({ ctx: await requestCtx(), input: passwordFields(form) }));
  } catch (error) {
    return actionError(error, form);
  }
  // Choosing a password ended every session, this one included: sign this device in again.
  await signIn("credentials", {
    email,
    password: form.get("newPassword"),
    redirectTo: safeCallbackPath(form.get("callbackUrl")),
  });
  return { ok: true };
}
