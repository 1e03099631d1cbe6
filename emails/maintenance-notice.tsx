import { Link } from "@react-email/components";
import {
  EmailLayout,
  sampleBrand,
  sampleLinks,
  type Brand,
  type FooterLinks,
} from "./_components/email-layout";
import { Facts, MarkdownHtml, Muted, StateBadge, Title } from "./_components/parts";

export type MaintenanceKind =
  "scheduled" | "started" | "updated" | "completed" | "cancelled" | "reminder";

export type MaintenanceNoticeEmailProps = {
  brand: Brand;
  footer: FooterLinks;
  kind: MaintenanceKind;
  title: string;
  url: string;
  /** "Mar 4, 2026, 22:00 – 23:30 UTC" */
  window: string;
  bodyHtml: string;
  components: string[];
};

const HEADLINE: Record<MaintenanceKind, [label: string, color: string]> = {
  scheduled: ["Scheduled maintenance", "#1d4ed8"],
  started: ["Maintenance in progress", "#1d4ed8"],
  updated: ["Maintenance update", "#1d4ed8"],
  completed: ["Maintenance completed", "#15803d"],
  cancelled: ["Maintenance cancelled", "#4b5563"],
  reminder: ["Maintenance starts soon", "#1d4ed8"],
};

/** Scheduled, started, updated, completed or cancelled: one template, the kind picks the words. */
export default function MaintenanceNoticeEmail({
  brand,
  footer,
  kind,
  title,
  url,
  window,
  bodyHtml,
  components,
}: MaintenanceNoticeEmailProps) {
  const [label, color] = HEADLINE[kind];
  return (
    <EmailLayout brand={brand} footer={footer} preview={`${label}: ${title}`}>
      <Title>{title}</Title>
      <StateBadge label={label} color={color} />
      <MarkdownHtml html={bodyHtml} />
      <Facts
        rows={[
          ["Window", window],
          ...(components.length ? [["Affected", components.join(", ")] as const] : []),
        ]}
      />
      <Muted>
        Details on{" "}
        <Link href={url} style={{ color: brand.brandColor }}>
          the status page
        </Link>
        .
      </Muted>
    </EmailLayout>
  );
}

MaintenanceNoticeEmail.PreviewProps = {
  brand: sampleBrand,
  footer: sampleLinks,
  kind: "scheduled",
  title: "Database upgrade",
  url: "http://localhost:3000/maintenance/abc123def456",
  window: "Mar 4, 2026, 22:00 – 23:30 UTC",
  bodyHtml: "<p>We are upgrading the primary database. Writes may pause for up to two minutes.</p>",
  components: ["API", "Dashboard"],
} satisfies MaintenanceNoticeEmailProps;
