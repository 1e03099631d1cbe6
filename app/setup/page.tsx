import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { hasAnyUser } from "@/lib/team/create-first-owner";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up Herald" };

/** First run: open only while no user exists. */
export default async function SetupPage() {
  await connection();
  if (await hasAnyUser(await getDb())) redirect("/signin");
  return (
    <main className="mx-auto flex max-w-sm flex-col gap-6 px-4 py-16">
      <h1 className="text-2xl font-semibold">Welcome to Herald</h1>
      <p>Create the owner account. You can invite editors and viewers afterwards.</p>
      <SetupForm />
    </main>
  );
}
