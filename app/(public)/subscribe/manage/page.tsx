import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { anonymousActor } from "@/lib/context";
import { HeraldError } from "@/lib/errors";
import { getSubscription } from "@/lib/subscribers/manage-subscription";
import { unsubscribeAction } from "../actions";
import { loadChoosableComponents } from "../_components/choosable-components";
import { PreferencesForm } from "../_components/preferences-form";
import {
  MissingToken,
  SubscriptionPage,
  tokenOf,
  type TokenPageProps,
} from "../_components/subscription-page";
import { TokenAction } from "../_components/token-action";

export const metadata = { title: "Manage your subscription", robots: { index: false } };

export default async function ManagePage(props: TokenPageProps) {
  await connection();
  const token = await tokenOf(props);
  if (!token)
    return (
      <SubscriptionPage title="Manage your subscription">
        <MissingToken />
      </SubscriptionPage>
    );
  const subscription = await getSubscription({
    ctx: { db: await getDb(), actor: anonymousActor },
    input: { token },
  }).catch((error: unknown) => {
    if (error instanceof HeraldError) return error;
    throw error;
  });
  if (subscription instanceof HeraldError)
    return (
      <SubscriptionPage title="Manage your subscription">
        <p>{subscription.message}</p>
      </SubscriptionPage>
    );
  const { components } = await loadChoosableComponents();
  return (
    <SubscriptionPage title="Manage your subscription">
      <p>
        {subscription.email} is{" "}
        {subscription.active ? "subscribed" : "not subscribed (you unsubscribed)"}.
      </p>
      {!subscription.active && (
        <p>
          To get updates again,{" "}
          <Link href="/subscribe" className="underline">
            subscribe again
          </Link>{" "}
          and confirm the link we email you.
        </p>
      )}
      {subscription.active && (
        <PreferencesForm
          token={token}
          components={components}
          allComponents={subscription.allComponents}
          chosen={subscription.componentIds}
          active={subscription.active}
        />
      )}
      {subscription.active && (
        <section
          aria-labelledby="stop"
          className="mt-4 flex flex-col gap-2 border-t border-zinc-200 pt-4 dark:border-zinc-800"
        >
          <h2 id="stop" className="text-lg font-semibold">
            Stop all emails
          </h2>
          <TokenAction
            action={unsubscribeAction}
            token={token}
            label="Unsubscribe"
            pendingLabel="Unsubscribing…"
          />
        </section>
      )}
    </SubscriptionPage>
  );
}
