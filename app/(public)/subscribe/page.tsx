import Link from "next/link";
import { connection } from "next/server";
import { SiteHeader } from "@/components/status/site-header";
import { getDb } from "@/lib/db";
import { loadStatusSnapshot } from "@/lib/public/status-snapshot";
import { loadChoosableComponents } from "./_components/choosable-components";
import { SubscribeForm } from "./_components/subscribe-form";
import { ChatSubscribeForm } from "./_components/chat-subscribe-form";

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
        <section aria-labelledby="chat-subscribe" className="flex flex-col gap-3">
          <h2 id="chat-subscribe" className="text-xl font-semibold">
            Or post updates to a chat channel
          </h2>
          <p className="text-zinc-700 dark:text-zinc-300">
            Slack, Microsoft Teams, Discord, Google Chat or Mattermost. We post a message with an
            activation link to the channel first; updates start once someone there opens it.
          </p>
          <ChatSubscribeForm components={components} />
        </section>
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
