import { EmailLayout, sampleBrand, text, type Brand } from "./_components/email-layout";
import { ActionButton, Muted, Title } from "./_components/parts";
import { Text } from "@react-email/components";

export type ConfirmSubscriptionEmailProps = {
  brand: Brand;
  /** Confirm link for a new subscription; for an address already subscribed, its manage link instead. */
  url: string;
  alreadySubscribed: boolean;
  /** Component names chosen, or null for everything. */
  componentNames: string[] | null;
  expiresInHours: number;
};

/**
 * Double opt-in. An address that is already subscribed gets a "manage" link
 * instead, so the form answers the same either way and nobody can change
 * another person's preferences by re-subscribing them.
 */
export default function ConfirmSubscriptionEmail({
  brand,
  url,
  alreadySubscribed,
  componentNames,
  expiresInHours,
}: ConfirmSubscriptionEmailProps) {
  const what = componentNames ? componentNames.join(", ") : "all components";
  return (
    <EmailLayout
      brand={brand}
      footer={{
        reason:
          "You get this email because someone entered this address on our status page. If it was not you, ignore it: nothing will be sent.",
      }}
      preview={
        alreadySubscribed
          ? `You are already subscribed to ${brand.pageName}`
          : `Confirm your subscription to ${brand.pageName}`
      }
    >
      <Title>
        {alreadySubscribed ? "You are already subscribed" : "Confirm your subscription"}
      </Title>
      {alreadySubscribed ? (
        <Text style={text}>
          This address already receives updates from {brand.pageName}. To change which components
          you hear about, or to unsubscribe, manage your preferences.
        </Text>
      ) : (
        <Text style={text}>
          Confirm that you want incident and maintenance updates from {brand.pageName} about {what}.
        </Text>
      )}
      <ActionButton href={url} color={brand.brandColor}>
        {alreadySubscribed ? "Manage preferences" : "Confirm subscription"}
      </ActionButton>
      <Muted>
        {alreadySubscribed
          ? "The link works for 180 days."
          : `The link expires in ${expiresInHours} hours.`}{" "}
        If the button does not work, open {url}
      </Muted>
    </EmailLayout>
  );
}

ConfirmSubscriptionEmail.PreviewProps = {
  brand: sampleBrand,
  url: "http://localhost:3000/subscribe/confirm?token=x",
  alreadySubscribed: false,
  componentNames: ["API", "Dashboard"],
  expiresInHours: 48,
} satisfies ConfirmSubscriptionEmailProps;
