import { CredentialsSignin } from "@auth/core/errors";

/**
 * Auth.js's error logger. A wrong password (or a throttled one) is routine, not
 * worth a stack trace; anything else, such as a magic link the mail transport
 * could not send, is logged as the error itself, whose message names no secret.
 */
export function logAuthError(error: Error): void {
  if (error instanceof CredentialsSignin) return;
  console.error("[auth]", error);
}
