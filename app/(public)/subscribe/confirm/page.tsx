import { confirmAction } from "../actions";
import {
  MissingToken,
  SubscriptionPage,
  tokenOf,
  type TokenPageProps,
} from "../_components/subscription-page";
import { TokenAction } from "../_components/token-action";

export const metadata = { title: "Confirm your subscription", robots: { index: false } };

export default async function ConfirmPage(props: TokenPageProps) {
  const token = await tokenOf(props);
  return (
    <SubscriptionPage title="Confirm your subscription">
      {token ? (
        <TokenAction
          action={confirmAction}
          token={token}
          label="Confirm subscription"
          pendingLabel="Confirming…"
          intro={
            <p>
              One more step: confirm that you want to receive incident and maintenance updates at
              this address, or in the chat channel this link was posted to.
            </p>
          }
        />
      ) : (
        <MissingToken />
      )}
    </SubscriptionPage>
  );
}
