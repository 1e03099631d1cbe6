import { Text } from "@react-email/components";
import { EmailLayout, sampleBrand, text, type Brand } from "./_components/email-layout";
import { ActionButton, Muted, Title } from "./_components/parts";

export type PasswordResetProps = { brand: Brand; url: string; minutes: number };

/** Forgot password: sent to members only; the link works once. */
export default function PasswordReset({ brand, url, minutes }: PasswordResetProps) {
  return (
    <EmailLayout
      brand={brand}
      footer={{
        reason:
          "You get this email because someone asked to reset the password of your console account. If it was not you, ignore it: your password stays as it is.",
      }}
      preview={`Choose a new password for ${brand.pageName}`}
    >
      <Title>Reset your password</Title>
      <Text style={text}>
        Use the button below to choose a new password for the {brand.pageName} console. Choosing a
        new password signs you out everywhere.
      </Text>
      <ActionButton href={url} color={brand.brandColor}>
        Choose a new password
      </ActionButton>
      <Muted>
        The link works once and expires in {minutes} minutes. If the button does not work, open{" "}
        {url}
      </Muted>
    </EmailLayout>
  );
}

PasswordReset.PreviewProps = {
  brand: sampleBrand,
  url: "http://localhost:3000/signin/reset?token=x",
  minutes: 30,
};
