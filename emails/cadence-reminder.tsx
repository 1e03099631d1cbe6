import { Text } from "@react-email/components";
import { EmailLayout, sampleBrand, text, type Brand } from "./_components/email-layout";
import { ActionButton, StateBadge, Title } from "./_components/parts";

export type ReminderStage = "due_soon" | "overdue" | "escalated";

export type CadenceReminderEmailProps = {
  brand: Brand;
  stage: ReminderStage;
  incidentTitle: string;
  /** "14:35 UTC": the time promised on the public page. */
  dueAt: string;
  consoleUrl: string;
};

const WORDS: Record<
  ReminderStage,
  { label: string; color: string; line: (due: string) => string }
> = {
  due_soon: {
    label: "Update due in 5 minutes",
    color: "#b45309",
    line: (due) => `The public page promises the next update by ${due}.`,
  },
  overdue: {
    label: "Update overdue",
    color: "#b91c1c",
    line: (due) => `The public page promised an update by ${due}, and none has been posted.`,
  },
  escalated: {
    label: "Escalated: update overdue",
    color: "#7f1d1d",
    line: (due) =>
      `An update was promised by ${due} and a further full cadence has passed. Every editor gets this email: someone please post an update or a holding statement.`,
  },
};

/** To the comms lead at T−5 and at overdue; to every editor once escalated. */
export default function CadenceReminderEmail({
  brand,
  stage,
  incidentTitle,
  dueAt,
  consoleUrl,
}: CadenceReminderEmailProps) {
  const words = WORDS[stage];
  return (
    <EmailLayout
      brand={brand}
      footer={{
        reason: `Console reminder from ${brand.pageName}: you are an editor, or this incident's comms lead.`,
      }}
      preview={`${words.label}: ${incidentTitle}`}
    >
      <Title>{incidentTitle}</Title>
      <StateBadge label={words.label} color={words.color} />
      <Text style={text}>{words.line(dueAt)}</Text>
      <Text style={text}>Nothing new? A short holding statement keeps customers informed.</Text>
      <ActionButton href={consoleUrl} color={brand.brandColor}>
        Post an update
      </ActionButton>
    </EmailLayout>
  );
}

CadenceReminderEmail.PreviewProps = {
  brand: sampleBrand,
  stage: "overdue",
  incidentTitle: "Elevated API error rates",
  dueAt: "14:35 UTC",
  consoleUrl: "http://localhost:3000/admin/incidents/abc123def456",
} satisfies CadenceReminderEmailProps;
