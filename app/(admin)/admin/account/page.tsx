import { requestCtx } from "@/app/_lib/request-context";
import { ChangePasswordForm } from "./_components/change-password-form";
import { signOutAction } from "./actions";

export const metadata = { title: "Account · Herald" };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor } = await requestCtx();
  const { notice } = await searchParams;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Your account</h1>
      {actor.kind === "user" && (
        <p className="text-sm">
          Signed in as {actor.email} ({actor.role}).
        </p>
      )}
      {notice === "password-changed" && (
        <p role="status" className="text-sm text-green-800 dark:text-green-400">
          Password changed. Your other sessions were signed out.
        </p>
      )}
      <section className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">Change password</h2>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Changing your password signs you out on every other device.
        </p>
        <ChangePasswordForm />
      </section>
      <section className="flex flex-col gap-3">
        <h2 className="text-lg font-semibold">Sessions</h2>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Signing out ends your sessions on every device and browser, including any copy of this
          one.
        </p>
        <form action={signOutAction}>
          <button type="submit" className="text-sm underline">
            Sign out everywhere
          </button>
        </form>
      </section>
    </div>
  );
}
