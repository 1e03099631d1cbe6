import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { mailTransportConfigured } from "@/lib/config";
import { ForgotPasswordForm } from "../password-forms";

export const metadata: Metadata = { title: "Forgot password · Herald" };

/** Offered only with a real mail transport: the dev outbox is readable by other members. */
export default async function ForgotPasswordPage() {
  await connection();
  if (!mailTransportConfigured()) notFound();
  return (
    <main className="mx-auto flex max-w-sm flex-col gap-6 px-4 py-16">
      <h1 className="text-2xl font-semibold">Forgot your password?</h1>
      <p className="text-sm">
        Enter your email. If it belongs to a member, we will send a link to choose a new password.
      </p>
      <ForgotPasswordForm />
      <Link href="/signin" className="text-sm underline">
        Back to sign in
      </Link>
    </main>
  );
}
