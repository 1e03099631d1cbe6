import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requestCtx, safeCallbackPath } from "@/app/_lib/request-context";
import { signOutAction } from "@/app/(admin)/admin/account/actions";
import { FirstPasswordForm } from "../password-forms";

export const metadata: Metadata = { title: "Choose your password · Herald" };

/** Where the console sends a member who signed in with an invitation's one-time password. */
export default async function NewPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor } = await requestCtx();
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (actor.kind !== "user") redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (!actor.mustChangePassword) redirect(callbackUrl);
  return (
    <main className="mx-auto flex max-w-sm flex-col gap-6 px-4 py-16">
      <h1 className="text-2xl font-semibold">Choose your password</h1>
      <p className="text-sm">
        The password you were given works only once. Choose your own to open the console as{" "}
        {actor.email}.
      </p>
      <FirstPasswordForm callbackUrl={callbackUrl} />
      <form action={signOutAction}>
        <button type="submit" className="text-sm underline">
          Sign out
        </button>
      </form>
    </main>
  );
}
