import Link from "next/link";
import { connection } from "next/server";
import { SiteHeader } from "@/components/status/site-header";
import { getDb } from "@/lib/db";
import { loadStatusSnapshot } from "@/lib/public/status-snapshot";
import { loadChoosableComponents } from "../_components/choosable-components";
import { ChatSubscribeForm } from "../_components/chat-subscribe-form";

export const metadata = { title: "Post updates to a chat channel" };

/** Chat subscriptions on a page of their own: the email form stays the one form on /subscribe. */
export default async function ChatSubscribePage() {
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
          <h1 className="text-2xl font-semibold">Post updates to a chat channel</h1>
          <p className="mt-2 text-zinc-700 dark:text-zinc-300">
            Slack, Microsoft Teams, Discord, Google Chat or Mattermost: paste the channel&apos;s
            incoming webhook URL. We post a message with an activation link to the channel first;
            updates from {value.settings.name} start once someone there opens it.
          </p>
        </div>
        <ChatSubscribeForm components={components} />
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
