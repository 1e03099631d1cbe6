import { Text } from "@react-email/components";
import { EmailLayout, sampleBrand, text, type Brand } from "./_components/email-layout";
import { ActionButton, StateBadge, Title } from "./_components/parts";

export type RcaReminderStage = "due_soon" | "overdue";

export type RcaReminderEmailProps = {
  brand: Brand;
  stage: RcaReminderStage;
  incidentTitle: string;
  /** "May 22, 2026": the date the public page promises the RCA by. */
  dueOn: string;
  workspaceUrl: string;
};

const WORDS: Record<
  RcaReminderStage,
  { label: string; color: string; line: (due: string) => string }
> = {
  due_soon: {
    label: "RCA due in 2 days",
    color: "#b45309",
    line: (due) => `The public page promises a postmortem for this incident by ${due}.`,
  },
  overdue: {
    label: "RCA overdue",
    color: "#b91c1c",
    line: (due) =>
      `The public page promised a postmortem for this incident by ${due}, and none has been published.`,
  },
};

/** To the incident's comms lead (every editor when it has none), 2 days before the promised RCA date and once it has passed. */
export default function RcaReminderEmail({
  brand,
  stage,
  incidentTitle,
  dueOn,
  workspaceUrl,
}: RcaReminderEmailProps) {
  const words = WORDS[stage];
  return (
    <EmailLayout
      brand={brand}
      footer={{
        reason: `Console reminder from ${brand.pageName}: you are this incident's comms lead, or an editor.`,
      }}
      preview={`${words.label}: ${incidentTitle}`}
    >
      <Title>{incidentTitle}</Title>
      <StateBadge label={words.label} color={words.color} />
      <Text style={text}>{words.line(dueOn)}</Text>
      <Text style={text}>
        Not ready yet? Publishing what you know now and revising it later keeps the promise.
      </Text>
      <ActionButton href={workspaceUrl} color={brand.brandColor}>
        Open the postmortem
      </ActionButton>
    </EmailLayout>
  );
}

RcaReminderEmail.PreviewProps = {
  brand: sampleBrand,
  stage: "due_soon",
  incidentTitle: "Sign-in, dashboard and API requests failing",
  dueOn: "May 22, 2026",
  workspaceUrl: "http://localhost:3000/admin/postmortems/abc123def456",
} satisfies RcaReminderEmailProps;
