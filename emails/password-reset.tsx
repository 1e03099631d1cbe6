import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Html,
  Preview,
  Text,
} from "@react-email/components";

export type PasswordResetProps = {
  pageName: string;
  url: string;
  brandColor: string;
  minutes: number;
};

export default function PasswordReset({ pageName, url, brandColor, minutes }: PasswordResetProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>Choose a new password for {pageName}</Preview>
      <Body style={{ fontFamily: "system-ui, sans-serif", backgroundColor: "#f6f7f9" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", borderRadius: "8px" }}>
          <Heading as="h1" style={{ fontSize: "20px" }}>
            Reset your {pageName} password
          </Heading>
          <Text>
            Use the button below to choose a new password for the console. The link works once and
            expires in {minutes} minutes. Choosing a new password signs you out everywhere.
          </Text>
          <Button
            href={url}
            style={{
              backgroundColor: brandColor,
              color: "#ffffff",
              padding: "10px 16px",
              borderRadius: "6px",
            }}
          >
            Choose a new password
          </Button>
          <Text style={{ color: "#555" }}>
            If you did not ask for this, ignore this email: your password stays as it is.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

PasswordReset.PreviewProps = {
  pageName: "Acme Cloud Status",
  url: "http://localhost:3000/signin/reset?token=x",
  brandColor: "#2563eb",
  minutes: 30,
};
