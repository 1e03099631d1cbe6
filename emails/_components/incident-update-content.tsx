import { Link } from "@react-email/components";
import { Facts, MarkdownHtml, Muted, StateBadge, Title } from "./parts";

export type IncidentUpdateContentProps = {
  incidentTitle: string;
  incidentUrl: string;
  stateLabel: string;
  stateColor: string;
  impactLabel: string;
  bodyHtml: string;
  postedAt: string;
  components: { name: string; status: string }[];
  /** "14:30 UTC"; null once resolved or without a cadence. */
  nextUpdateBy: string | null;
  brandColor: string;
};

export const sampleIncidentUpdate: IncidentUpdateContentProps = {
  incidentTitle: "Elevated API error rates",
  incidentUrl: "http://localhost:3000/incidents/abc123def456",
  stateLabel: "Identified",
  stateColor: "#b45309",
  impactLabel: "Major impact",
  bodyHtml:
    "<p>We identified a faulty load balancer in <strong>us-east-1</strong> and are shifting traffic away from it.</p>",
  postedAt: "Mar 4, 2026, 14:05 UTC",
  components: [
    { name: "API", status: "Partial outage" },
    { name: "Dashboard", status: "Degraded performance" },
  ],
  nextUpdateBy: "14:35 UTC",
  brandColor: "#2563eb",
};

/** What subscribers and stakeholders both read: state, body, components, next update, link. */
export function IncidentUpdateContent(p: IncidentUpdateContentProps) {
  return (
    <>
      <Title>{p.incidentTitle}</Title>
      <StateBadge label={p.stateLabel} color={p.stateColor} />
      <MarkdownHtml html={p.bodyHtml} />
      <Facts
        rows={[
          ["Posted", p.postedAt],
          ["Impact", p.impactLabel],
          ...(p.components.length
            ? [["Affected", p.components.map((c) => `${c.name} (${c.status})`).join(", ")] as const]
            : []),
          ...(p.nextUpdateBy ? [["Next update by", p.nextUpdateBy] as const] : []),
        ]}
      />
      <Muted>
        Follow this incident on{" "}
        <Link href={p.incidentUrl} style={{ color: p.brandColor }}>
          the status page
        </Link>
        .
      </Muted>
    </>
  );
}
