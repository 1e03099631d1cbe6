"use server";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { signIn } from "@/auth";
import { signInWaitMs, throttledMessage } from "@/lib/auth/authenticate-password";
import { clientAddress } from "@/lib/http/client-address";
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
    if (error instanceof AuthError) {
      const wait = await signInWaitMs({
        client: clientAddress(await headers()),
        email: form.get("email"),
      });
      if (wait > 0) return { ok: false, message: throttledMessage(wait), values: formValues(form) };
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
