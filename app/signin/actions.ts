"use server";
import { AuthError } from "next-auth";
import { signIn, signInThrottledMessage } from "@/auth";
import { formValues, type ActionState } from "@/lib/action-state";
import { safeCallbackPath } from "@/app/_lib/request-context";

/** Password sign-in. Auth.js redirects on success (which throws, so we rethrow it). */
export async function signInWithPassword(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirectTo: safeCallbackPath(form.get("callbackUrl")),
    });
    return { ok: true };
  } catch (error) {
    const throttled = signInThrottledMessage(error);
    if (throttled) return { ok: false, message: throttled, values: formValues(form) };
    if (error instanceof AuthError) {
      if (error.type !== "CredentialsSignin")
        console.error("[herald] sign-in failed:", error.type, error.message);
      return { ok: false, message: "Wrong email or password.", values: formValues(form) };
    }
    throw error;
  }
}

export async function signInWithEmailLink(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  try {
    await signIn("email", {
      email: form.get("email"),
      redirectTo: safeCallbackPath(form.get("callbackUrl")),
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError)
      return { ok: false, message: "Enter a valid email address.", values: formValues(form) };
    throw error;
  }
}

export async function signInWithProvider(form: FormData) {
  await signIn(String(form.get("provider")), {
    redirectTo: safeCallbackPath(form.get("callbackUrl")),
  });
}
