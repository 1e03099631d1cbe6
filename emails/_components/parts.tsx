import { Button, Heading, Section, Text } from "@react-email/components";
import { muted, text } from "./email-layout";

export function Title({ children }: { children: string }) {
  return (
    <Heading
      as="h1"
      style={{ color: "#111827", fontSize: "20px", lineHeight: "28px", margin: "20px 0 8px" }}
    >
      {children}
    </Heading>
  );
}

/** A pill naming the state ("Investigating", "Scheduled"): words, not colour alone. */
export function StateBadge({ label, color }: { label: string; color: string }) {
  return (
    <Text style={{ ...text, margin: "0 0 12px" }}>
      <span
        style={{
          backgroundColor: color,
          borderRadius: "999px",
          color: "#ffffff",
          fontSize: "12px",
          fontWeight: 600,
          padding: "3px 10px",
        }}
      >
        {label}
      </span>
    </Text>
  );
}

/** Sanitized Markdown HTML (lib/markdown/render-markdown) from the console. */
export function MarkdownHtml({ html }: { html: string }) {
  return <div style={text} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function Facts({ rows }: { rows: readonly (readonly [label: string, value: string])[] }) {
  if (rows.length === 0) return null;
  return (
    <Section
      style={{
        backgroundColor: "#f9fafb",
        borderRadius: "6px",
        padding: "4px 16px",
        margin: "12px 0",
      }}
    >
      {rows.map(([label, value]) => (
        <Text key={label} style={{ ...text, margin: "8px 0" }}>
          <strong>{label}:</strong> {value}
        </Text>
      ))}
    </Section>
  );
}

export function ActionButton({
  href,
  color,
  children,
}: {
  href: string;
  color: string;
  children: string;
}) {
  return (
    <Section style={{ margin: "16px 0" }}>
      <Button
        href={href}
        style={{
          backgroundColor: color,
          borderRadius: "6px",
          color: "#ffffff",
          fontSize: "15px",
          fontWeight: 600,
          padding: "10px 18px",
        }}
      >
        {children}
      </Button>
    </Section>
  );
}

export function Muted({ children }: { children: React.ReactNode }) {
  return <Text style={muted}>{children}</Text>;
}
