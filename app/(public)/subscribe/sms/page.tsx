import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SiteHeader } from "@/components/status/site-header";
import { smsConfigured } from "@/lib/config";
import { toE164 } from "@/lib/sms/phone";
import { getDb } from "@/lib/db";
import { loadStatusSnapshot } from "@/lib/public/status-snapshot";
import { loadChoosableComponents } from "../_components/choosable-components";
import { SmsSubscribeForm } from "../_components/sms-subscribe-form";

export const metadata = { title: "Get updates by text message" };

/** SMS subscriptions, offered only when Twilio is configured. */
export default async function SmsSubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ phone?: string | string[] }>;
}) {
  await connection();
  // The link in the code text: straight to the code step for that number.
  const given = (await searchParams).phone;
  const codeFor = typeof given === "string" ? toE164(given) : null;
  if (!smsConfigured()) notFound();
  const [{ value }, { components }] = await Promise.all([
    loadStatusSnapshot(getDb),
    loadChoosableComponents(),
  ]);
  return (
    <>
      <SiteHeader settings={value.settings} />
      <main className="flex flex-col gap-6">
        <div>
          <h1 className="text-2xl font-semibold">Get updates by text message</h1>
          <p className="mt-2 text-zinc-700 dark:text-zinc-300">
            We text a 6-digit code to your number first; texts from {value.settings.name} start once
            you enter it. Reply STOP to any text to stop them.
          </p>
        </div>
        <SmsSubscribeForm components={components} codeFor={codeFor} />
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Rather have email?{" "}
          <Link href="/subscribe" className="underline">
            Subscribe by email
          </Link>
          .
        </p>
      </main>
    </>
  );
}
