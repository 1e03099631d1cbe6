"use server";
import { signIn, signOut } from "@/auth";
import { requestCtx } from "@/app/_lib/request-context";
import { actionError, type ActionState } from "@/lib/action-state";
import { changeOwnPassword } from "@/lib/auth/change-own-password";
import { endOwnSessions } from "@/lib/auth/end-own-sessions";
import { readFields } from "../_lib/form-input";

export async function changePasswordAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  let email: string;
  try {
    ({ email } = await changeOwnPassword({
      ctx: await requestCtx(),
      input: readFields(form, ["currentPassword", "newPassword", "confirmPassword"]),
    }));
  } catch (error) {
    return actionError(error, form);
  }
  // The change ended every session of this member; this device signs in again with the new password.
  await signIn("credentials", {
    email,
    password: form.get("newPassword"),
    redirectTo: "/admin/account?notice=password-changed",
  });
  return { ok: true };
}

/** Sign-out ends the member's sessions on every device (see lib/auth/end-own-sessions.ts). */
export async function signOutAction() {
  await endOwnSessions({ ctx: await requestCtx() });
  await signOut({ redirectTo: "/signin" });
}
