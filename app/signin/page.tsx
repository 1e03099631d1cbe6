import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { enabledSignInMethods } from "@/auth";
import { getDb } from "@/lib/db";
import { hasAnyUser } from "@/lib/team/create-first-owner";
import { safeCallbackPath } from "@/app/_lib/request-context";
import { EmailLinkForm, PasswordForm } from "./sign-in-forms";
import { signInWithProvider } from "./actions";

export const metadata: Metadata = { title: "Sign in · Herald" };

/** Maps: `?error=constructor` must not find an inherited member of an object literal. */
const NOTICES = new Map([
  ["password-reset", "Your password was changed. Sign in with the new one."],
]);

const ERRORS = new Map([
  ["AccessDenied", "That account is not a member of this page. Ask an owner to invite you."],
  ["Verification", "That sign-in link has expired or was already used. Ask for a new one."],
]);

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await connection();
  const params = await searchParams;
  if (!(await hasAnyUser(await getDb()))) redirect("/setup");
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  const methods = enabledSignInMethods();
  const providers = [
    methods.github && { id: "github", name: "GitHub" },
    methods.google && { id: "google", name: "Google" },
    methods.oidc && { id: "oidc", name: methods.oidc },
  ].filter((p): p is { id: string; name: string } => Boolean(p));
  const error = params.error
    ? (ERRORS.get(params.error) ?? "Sign-in failed. Please try again.")
    : null;
  const notice = params.notice ? NOTICES.get(params.notice) : undefined;
  return (
    <main className="mx-auto flex max-w-sm flex-col gap-6 px-4 py-16">
      <h1 className="text-2xl font-semibold">Sign in to the console</h1>
      {error && (
        <p
          role="alert"
          className="rounded-md border border-red-300 p-3 text-sm text-red-800 dark:text-red-300"
        >
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="text-sm text-green-800 dark:text-green-400">
          {notice}
        </p>
      )}
      <PasswordForm callbackUrl={callbackUrl} />
      {methods.passwordReset && (
        <Link href="/signin/forgot" className="text-sm underline">
          Forgot your password?
        </Link>
      )}
      {methods.magicLink && <EmailLinkForm callbackUrl={callbackUrl} />}
      {providers.map((p) => (
        <form key={p.id} action={signInWithProvider}>
          <input type="hidden" name="provider" value={p.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button
            type="submit"
            className="w-full rounded-md border border-zinc-300 px-4 py-2 dark:border-zinc-700"
          >
            Continue with {p.name}
          </button>
        </form>
      ))}
    </main>
  );
}
