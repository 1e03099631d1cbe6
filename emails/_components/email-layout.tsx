import type { ReactNode } from "react";
import {
  Body,
  Container,
  Head,
  Hr,
  Html,
  Img,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";

/** The page's branding, carried by every email. */
export type Brand = {
  pageName: string;
  brandColor: string;
  logoUrl: string | null;
  pageUrl: string;
};

/** Subscriber emails carry both links; internal and team emails explain why they came instead. */
export type FooterLinks = { manageUrl: string; unsubscribeUrl: string } | { reason: string };

export const sampleBrand: Brand = {
  pageName: "Acme Cloud Status",
  brandColor: "#2563eb",
  logoUrl: null,
  pageUrl: "http://localhost:3000",
};
export const sampleLinks: FooterLinks = {
  manageUrl: "http://localhost:3000/subscribe/manage?token=x",
  unsubscribeUrl: "http://localhost:3000/unsubscribe?token=x",
};

export const text = { color: "#1f2937", fontSize: "15px", lineHeight: "22px" } as const;
export const muted = { color: "#4b5563", fontSize: "13px", lineHeight: "20px" } as const;

export function EmailLayout({
  brand,
  preview,
  footer,
  children,
}: {
  brand: Brand;
  preview: string;
  footer: FooterLinks;
  children: ReactNode;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif",
          backgroundColor: "#f6f7f9",
          margin: 0,
          padding: "24px 0",
        }}
      >
        <Container
          style={{
            backgroundColor: "#ffffff",
            borderRadius: "8px",
            borderTop: `4px solid ${brand.brandColor}`,
            maxWidth: "600px",
            padding: "24px",
          }}
        >
          <Section>
            <Link
              href={brand.pageUrl}
              style={{
                color: "#111827",
                fontSize: "18px",
                fontWeight: 600,
                textDecoration: "none",
              }}
            >
              {brand.logoUrl && (
                <Img
                  src={brand.logoUrl}
                  alt=""
                  height="28"
                  style={{ display: "inline", marginRight: "8px", verticalAlign: "middle" }}
                />
              )}
              {brand.pageName}
            </Link>
          </Section>
          {children}
          <Hr style={{ borderColor: "#e5e7eb", margin: "24px 0 12px" }} />
          <Footer brand={brand} footer={footer} />
        </Container>
      </Body>
    </Html>
  );
}

function Footer({ brand, footer }: { brand: Brand; footer: FooterLinks }) {
  if ("reason" in footer) return <Text style={muted}>{footer.reason}</Text>;
  return (
    <Text style={muted}>
      You receive this because you subscribed to {brand.pageName}.{" "}
      <Link href={footer.manageUrl} style={{ color: brand.brandColor }}>
        Manage preferences
      </Link>{" "}
      ·{" "}
      <Link href={footer.unsubscribeUrl} style={{ color: brand.brandColor }}>
        Unsubscribe
      </Link>
    </Text>
  );
}
