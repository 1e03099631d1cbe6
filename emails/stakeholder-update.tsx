import { Section, Text } from "@react-email/components";
import { EmailLayout, sampleBrand, text, type Brand } from "./_components/email-layout";
import {
  IncidentUpdateContent,
  sampleIncidentUpdate,
  type IncidentUpdateContentProps,
} from "./_components/incident-update-content";

export type StakeholderUpdateEmailProps = IncidentUpdateContentProps & {
  brand: Brand;
  internalNote: string | null;
  businessImpact: string | null;
  eta: string | null;
};

/** The internal version of an update: the public text plus what only the company should read. */
export default function StakeholderUpdateEmail({
  brand,
  internalNote,
  businessImpact,
  eta,
  ...content
}: StakeholderUpdateEmailProps) {
  const internal = [
    ["Business impact", businessImpact],
    ["ETA", eta],
    ["Internal note", internalNote],
  ].filter((row): row is [string, string] => Boolean(row[1]));
  return (
    <EmailLayout
      brand={brand}
      footer={{
        reason: `Internal: you are on ${brand.pageName}'s stakeholder list. Do not forward outside the company.`,
      }}
      preview={`[Internal] ${content.stateLabel}: ${content.incidentTitle}`}
    >
      <Section
        style={{
          backgroundColor: "#fef3c7",
          border: "1px solid #f59e0b",
          borderRadius: "6px",
          padding: "4px 16px",
          marginTop: "16px",
        }}
      >
        <Text style={{ ...text, fontWeight: 600, margin: "8px 0" }}>
          Internal: not shown on the public page
        </Text>
        {internal.length === 0 && (
          <Text style={{ ...text, margin: "8px 0" }}>No internal note with this update.</Text>
        )}
        {internal.map(([label, value]) => (
          <Text key={label} style={{ ...text, margin: "8px 0", whiteSpace: "pre-wrap" }}>
            <strong>{label}:</strong> {value}
          </Text>
        ))}
      </Section>
      <IncidentUpdateContent {...content} />
    </EmailLayout>
  );
}

StakeholderUpdateEmail.PreviewProps = {
  ...sampleIncidentUpdate,
  brand: sampleBrand,
  businessImpact: "Checkout down for ~30% of EU customers; roughly €40k/hour at risk.",
  eta: "Fix rolling out, full recovery expected by 15:00 UTC.",
  internalNote:
    "Support: use macro INC-LB for tickets. Sales: hold renewal calls with Globex until resolved.",
} satisfies StakeholderUpdateEmailProps;
