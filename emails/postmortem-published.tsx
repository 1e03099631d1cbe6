import {
  EmailLayout,
  sampleBrand,
  sampleLinks,
  type Brand,
  type FooterLinks,
} from "./_components/email-layout";
import { ActionButton, MarkdownHtml, Muted, StateBadge, Title } from "./_components/parts";

export type PostmortemPublishedEmailProps = {
  brand: Brand;
  footer: FooterLinks;
  incidentTitle: string;
  url: string;
  summaryHtml: string;
  /** "Mar 4, 2026, 14:00 UTC – 15:10 UTC" */
  duration: string;
  revised: boolean;
};

export default function PostmortemPublishedEmail({
  brand,
  footer,
  incidentTitle,
  url,
  summaryHtml,
  duration,
  revised,
}: PostmortemPublishedEmailProps) {
  return (
    <EmailLayout brand={brand} footer={footer} preview={`Root-cause analysis: ${incidentTitle}`}>
      <Title>{`Postmortem: ${incidentTitle}`}</Title>
      <StateBadge label={revised ? "Postmortem revised" : "Postmortem published"} color="#4338ca" />
      <MarkdownHtml html={summaryHtml} />
      <Muted>Incident: {duration}</Muted>
      <ActionButton href={url} color={brand.brandColor}>
        Read the full postmortem
      </ActionButton>
    </EmailLayout>
  );
}

PostmortemPublishedEmail.PreviewProps = {
  brand: sampleBrand,
  footer: sampleLinks,
  incidentTitle: "Elevated API error rates",
  url: "http://localhost:3000/incidents/abc123def456/postmortem",
  summaryHtml:
    "<p>A configuration change to our load balancers dropped 30% of API requests for 42 minutes.</p>",
  duration: "Mar 4, 2026, 14:00 – 14:42 UTC",
  revised: false,
} satisfies PostmortemPublishedEmailProps;
