import {
  EmailLayout,
  sampleBrand,
  sampleLinks,
  type Brand,
  type FooterLinks,
} from "./_components/email-layout";
import {
  IncidentUpdateContent,
  sampleIncidentUpdate,
  type IncidentUpdateContentProps,
} from "./_components/incident-update-content";

export type IncidentUpdateEmailProps = IncidentUpdateContentProps & {
  brand: Brand;
  footer: FooterLinks;
};

/** A public incident update, as subscribers receive it. */
export default function IncidentUpdateEmail({
  brand,
  footer,
  ...content
}: IncidentUpdateEmailProps) {
  return (
    <EmailLayout
      brand={brand}
      footer={footer}
      preview={`${content.stateLabel}: ${content.incidentTitle}`}
    >
      <IncidentUpdateContent {...content} />
    </EmailLayout>
  );
}

IncidentUpdateEmail.PreviewProps = {
  ...sampleIncidentUpdate,
  brand: sampleBrand,
  footer: sampleLinks,
} satisfies IncidentUpdateEmailProps;
