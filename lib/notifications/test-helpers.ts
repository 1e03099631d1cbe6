import { expandFanOuts } from "../worker/expand-fan-outs";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import {
  components,
  incidentComponents,
  incidents,
  incidentUpdates,
  notificationOutbox,
  stakeholders,
  subscriberComponents,
  subscribers,
  type ChatChannel,
  type ComponentStatus,
  type IncidentState,
} from "../db/schema";
import { newId } from "../ids";
import type { MailMessage, MailTransport } from "../mail/transport";
import { newWebhookSecret } from "../webhooks/signature";

/** Test data minted directly with drizzle: the publish path belongs to lib/incidents. */
export async function createComponent(db: Db, name = `Component ${newId()}`) {
  const [row] = await db.insert(components).values({ name }).returning();
  return row!;
}

export async function createEmailSubscriber(
  db: Db,
  {
    componentIds,
    state = "active",
    email,
  }: {
    componentIds?: string[];
    state?: "pending" | "active" | "unsubscribed";
    email?: string;
  } = {},
) {
  const [row] = await db
    .insert(subscribers)
    .values({
      kind: "email",
      email: email ?? `sub-${newId()}@example.test`,
      state,
      allComponents: !componentIds,
      confirmedAt: state === "active" ? new Date() : null,
    })
    .returning();
  if (componentIds?.length)
    await db
      .insert(subscriberComponents)
      .values(componentIds.map((componentId) => ({ subscriberId: row!.id, componentId })));
  return row!;
}

export async function createWebhookSubscriber(
  db: Db,
  url: string,
  { componentIds }: { componentIds?: string[] } = {},
) {
  const [row] = await db
    .insert(subscribers)
    .values({
      kind: "webhook",
      webhookUrl: url,
      webhookSecret: newWebhookSecret(),
      state: "active",
      allComponents: !componentIds,
    })
    .returning();
  if (componentIds?.length)
    await db
      .insert(subscriberComponents)
      .values(componentIds.map((componentId) => ({ subscriberId: row!.id, componentId })));
  return row!;
}

/** An active chat subscriber (or, with audience "internal", a stakeholder-list chat destination). */
export async function createChatSubscriber(
  db: Db,
  kind: ChatChannel,
  url: string,
  {
    componentIds,
    audience = "public",
  }: { componentIds?: string[]; audience?: "public" | "internal" } = {},
) {
  const [row] = await db
    .insert(subscribers)
    .values({
      kind,
      webhookUrl: url,
      audience,
      state: "active",
      allComponents: !componentIds,
      confirmedAt: new Date(),
    })
    .returning();
  if (componentIds?.length)
    await db
      .insert(subscriberComponents)
      .values(componentIds.map((componentId) => ({ subscriberId: row!.id, componentId })));
  return row!;
}

export async function createStakeholder(db: Db, name = "Exec") {
  const [row] = await db
    .insert(stakeholders)
    .values({ name, email: `exec-${newId()}@example.test` })
    .returning();
  return row!;
}

type UpdateValues = {
  state?: IncidentState;
  body?: string;
  notify?: boolean;
  internalNote?: string | null;
  businessImpact?: string | null;
  eta?: string | null;
  nextUpdateBy?: Date | null;
  displayAt?: Date;
};

/** An incident affecting `affected` (component id → status) with one update. */
export async function createIncident(
  db: Db,
  {
    affected = {},
    title = `Incident ${newId()}`,
    cadenceMinutes = 30,
    commsLeadId = null,
    update = {},
  }: {
    affected?: Record<string, ComponentStatus>;
    title?: string;
    cadenceMinutes?: number | null;
    commsLeadId?: string | null;
    update?: UpdateValues;
  } = {},
) {
  const [incident] = await db
    .insert(incidents)
    .values({
      title,
      severity: "SEV1",
      impact: "critical",
      startedAt: new Date(),
      cadenceMinutes,
      commsLeadId,
      state: update.state ?? "investigating",
    })
    .returning();
  const entries = Object.entries(affected);
  if (entries.length)
    await db
      .insert(incidentComponents)
      .values(
        entries.map(([componentId, status]) => ({ incidentId: incident!.id, componentId, status })),
      );
  const first = await addUpdate(db, incident!.id, update);
  return { incident: incident!, update: first };
}

export async function addUpdate(db: Db, incidentId: string, values: UpdateValues = {}) {
  const [row] = await db
    .insert(incidentUpdates)
    .values({ incidentId, state: "investigating", body: "We are investigating.", ...values })
    .returning();
  if (values.state)
    await db.update(incidents).set({ state: values.state }).where(eq(incidents.id, incidentId));
  return row!;
}

/** The outbox, once every queued fan-out has been expanded into it (as the worker does before delivering). */
export async function outboxRows(db: Db) {
  await expandFanOuts(db, { limit: 1000 });
  return db
    .select()
    .from(notificationOutbox)
    .orderBy(notificationOutbox.createdAt, notificationOutbox.id);
}

/** A transport that keeps what it was given; `failWith` makes each send throw. */
export function recordingTransport(
  options: { failWith?: () => Error | null } = {},
): MailTransport & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    name: "smtp",
    sent,
    async send(message) {
      const error = options.failWith?.();
      if (error) throw error;
      sent.push(message);
    },
  };
}
