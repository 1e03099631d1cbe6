import { count } from "drizzle-orm";
import type { Ctx } from "../context";
import type { Db } from "../db/client";
import {
  auditLog,
  componentGroups,
  components,
  componentStatusEvents,
  incidentDrafts,
  incidents,
  incidentTemplates,
  integrations,
  incidentUpdates,
  maintenances,
  users,
  type ComponentStatus,
} from "../db/schema";
import { newId } from "../ids";
import { declareIncident } from "../incidents/declare-incident";

/** A component with a unique name, operational unless told otherwise. */
export async function createTestComponent(
  db: Db,
  values: {
    name?: string;
    status?: ComponentStatus;
    groupId?: string | null;
    position?: number;
  } = {},
) {
  const [row] = await db
    .insert(components)
    .values({ name: values.name ?? `Component ${newId()}`, ...values })
    .returning();
  return row!;
}

export async function createTestGroup(db: Db, values: { name?: string; position?: number } = {}) {
  const [row] = await db
    .insert(componentGroups)
    .values({ name: values.name ?? `Group ${newId()}`, ...values })
    .returning();
  return row!;
}

/** A SEV1 declared through the domain, so it has its first update and component events. */
export async function declareTestIncident(ctx: Ctx, input: Record<string, unknown> = {}) {
  return declareIncident({
    ctx,
    input: {
      title: `Incident ${newId()}`,
      severity: "SEV1",
      body: "We are investigating.",
      ...input,
    },
  });
}

/** Row counts of everything a console write touches: "nothing changed" means these did not move. */
export async function writeCounts(db: Db) {
  const tables = {
    incidents,
    incidentUpdates,
    incidentTemplates,
    componentStatusEvents,
    auditLog,
    components,
    componentGroups,
    maintenances,
    users,
    integrations,
    incidentDrafts,
  };
  const entries = await Promise.all(
    Object.entries(tables).map(
      async ([name, table]) => [name, (await db.select({ n: count() }).from(table))[0]!.n] as const,
    ),
  );
  return Object.fromEntries(entries);
}

type WriteFunction = (args: { ctx: Ctx; input: unknown }) => Promise<unknown>;

/**
 * Asserts a caller is refused with `code` and that no row anywhere changed:
 * the same table counts, and the same component statuses.
 */
export async function expectRefusedWithoutChanges(
  db: Db,
  write: WriteFunction,
  ctx: Ctx,
  input: unknown,
  code: string,
) {
  const snapshot = async () => ({
    counts: await writeCounts(db),
    statuses: await db
      .select({
        id: components.id,
        status: components.status,
        name: components.name,
        position: components.position,
      })
      .from(components)
      .orderBy(components.id),
  });
  const before = await snapshot();
  const error = await write({ ctx, input }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!error || (error as { code?: string }).code !== code)
    throw new Error(`expected a ${code} error, got ${error ? String(error) : "success"}`);
  const after = await snapshot();
  if (JSON.stringify(after) !== JSON.stringify(before))
    throw new Error("a refused write changed the database");
}
