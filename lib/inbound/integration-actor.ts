import type { Actor } from "../context";
import type { Integration } from "../db/schema";

export type IntegrationActor = Extract<Actor, { kind: "integration" }>;

/** Who an automatic change is audited as: the integration, by name, never a person. */
export const integrationActor = (row: Pick<Integration, "id" | "name">): IntegrationActor => ({
  kind: "integration",
  id: row.id,
  name: row.name,
});
