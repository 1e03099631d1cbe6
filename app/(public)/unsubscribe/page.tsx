import { unsubscribeAction } from "../subscribe/actions";
import {
  MissingToken,
  SubscriptionPage,
  tokenOf,
  type TokenPageProps,
} from "../subscribe/_components/subscription-page";
import { TokenAction } from "../subscribe/_components/token-action";

export const metadata = { title: "Unsubscribe", robots: { index: false } };

export default async function UnsubscribePage(props: TokenPageProps) {
  const token = await tokenOf(props);
  return (
    <SubscriptionPage title="Unsubscribe">
      {token ? (
        <>
          <p>
            Stop all incident and maintenance updates to this address or channel. You can subscribe
            again at any time.
          </p>
          <TokenAction
            action={unsubscribeAction}
            token={token}
            label="Unsubscribe"
            pendingLabel="Unsubscribing…"
          />
        </>
      ) : (
        <MissingToken />
      )}
    </SubscriptionPage>
  );
}
