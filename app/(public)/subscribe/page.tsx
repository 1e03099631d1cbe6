import { smsConfigured } from "@/lib/config";
import Link from "next/link";
import { connection } from "next/server";
import { SiteHeader } from "@/components/status/site-header";
import { getDb } from "@/lib/db";
import { loadStatusSnapshot } from "@/lib/public/status-snapshot";
import { loadChoosableComponents } from "./_components/choosable-components";
import { SubscribeForm } from "./_components/subscribe-form";

export const metadata = { title: "Subscribe to updates" };

export default async function SubscribePage() {
  await connection();
  const [{ value }, { components }] = await Promise.all([
    loadStatusSnapshot(getDb),
    loadChoosableComponents(),
  ]);
  return (
    <>
      <SiteHeader settings={value.settings} />
      <main className="flex flex-col gap-6">
        <div>
          <h1 className="text-2xl font-semibold">Subscribe to updates</h1>
          <p className="mt-2 text-zinc-700 dark:text-zinc-300">
            Get an email when an incident or maintenance affects {value.settings.name}. We send a
            link to confirm first, and every email has a one-click unsubscribe.
          </p>
        </div>
        <SubscribeForm components={components} />
        <p className="text-zinc-700 dark:text-zinc-300">
          Your team lives in chat?{" "}
          <Link href="/subscribe/chat" className="underline">
            Post updates to a Slack, Microsoft Teams, Discord, Google Chat or Mattermost channel
          </Link>
          .
        </p>
        {smsConfigured() ? (
          <p className="text-zinc-700 dark:text-zinc-300">
            Away from email?{" "}
            <Link href="/subscribe/sms" className="underline">
              Get updates by text message
            </Link>
            .
          </p>
        ) : null}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Prefer a feed?{" "}
          <Link href="/history.rss" className="underline">
            RSS
          </Link>{" "}
          or{" "}
          <Link href="/history.atom" className="underline">
            Atom
          </Link>
          , no sign-up needed.
        </p>
      </main>
    </>
  );
}
