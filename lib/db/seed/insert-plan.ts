import type { Db } from "../client";
import {
  componentGroups,
  componentStatusEvents,
  components,
  incidentComponents,
  incidentUpdateComponents,
  incidentUpdates,
  incidents,
  maintenanceComponents,
  maintenanceUpdates,
  maintenances,
  pageSettings,
  postmortemActionItems,
  postmortemRevisions,
  postmortems,
} from "../schema";
import type { DemoPlan } from "./plan";

/** Writes the plan in foreign-key order. Every list is non-empty by construction of the demo. */
export async function insertPlan(db: Db, plan: DemoPlan): Promise<void> {
  // Settings may already exist (configured before any component was added); keep them.
  await db.insert(pageSettings).values(plan.settings).onConflictDoNothing();
  await db.insert(componentGroups).values(plan.groups);
  await db.insert(components).values(plan.components);
  await db.insert(componentStatusEvents).values(plan.statusEvents);

  await db.insert(incidents).values(plan.incidents.map((i) => i.incident));
  await db.insert(incidentComponents).values(plan.incidents.flatMap((i) => i.components));
  await db.insert(incidentUpdates).values(plan.incidents.flatMap((i) => i.updates));
  await db
    .insert(incidentUpdateComponents)
    .values(plan.incidents.flatMap((i) => i.updateComponents));

  await db.insert(postmortems).values(plan.postmortems.map((p) => p.postmortem));
  await db.insert(postmortemRevisions).values(plan.postmortems.map((p) => p.revision));
  await db.insert(postmortemActionItems).values(plan.postmortems.flatMap((p) => p.actionItems));

  await db.insert(maintenances).values(plan.maintenances.map((m) => m.maintenance));
  await db.insert(maintenanceComponents).values(plan.maintenances.flatMap((m) => m.components));
  await db.insert(maintenanceUpdates).values(plan.maintenances.flatMap((m) => m.updates));
}
