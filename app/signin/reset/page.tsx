import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ResetPasswordForm } from "../password-forms";

// The token is in this page's URL: never pass it on to another site.
export const metadata: Metadata = {
  title: "Choose a new password · Herald",
  referrer: "no-referrer",
};

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const { token } = await searchParams;
  return (
    <main className="mx-auto flex max-w-sm flex-col gap-6 px-4 py-16">
      <h1 className="text-2xl font-semibold">Choose a new password</h1>
      {typeof token === "string" && token ? (
        <>
          <p className="text-sm">This signs you out on every device.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p role="alert">This reset link is incomplete. Copy the whole link from the email.</p>
      )}
      <Link href="/signin" className="text-sm underline">
        Back to sign in
      </Link>
    </main>
  );
}
