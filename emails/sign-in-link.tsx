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

export type SignInLinkProps = { pageName: string; url: string; brandColor: string };

export default function SignInLink({ pageName, url, brandColor }: SignInLinkProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>Your sign-in link for {pageName}</Preview>
      <Body style={{ fontFamily: "system-ui, sans-serif", backgroundColor: "#f6f7f9" }}>
        <Container style={{ backgroundColor: "#ffffff", padding: "24px", borderRadius: "8px" }}>
          <Heading as="h1" style={{ fontSize: "20px" }}>
            Sign in to {pageName}
          </Heading>
          <Text>
            Use the button below to sign in to the console. The link works once and expires in 15
            minutes.
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
            Sign in
          </Button>
          <Text style={{ color: "#555" }}>If you did not ask to sign in, ignore this email.</Text>
        </Container>
      </Body>
    </Html>
  );
}

SignInLink.PreviewProps = {
  pageName: "Acme Cloud Status",
  url: "http://localhost:3000/api/auth/callback/email?token=x",
  brandColor: "#2563eb",
};
