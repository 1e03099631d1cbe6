import type { components, pageSettings, componentGroups, componentStatusEvents } from "../schema";
import { buildCatalog, pageSettingsRow, PAGE_TIME_ZONE } from "./catalog";
import { billingUsageDisplay } from "./content/billing-usage-display";
import { euWestNetwork } from "./content/eu-west-network";
import { graphqlTimeouts } from "./content/graphql-timeouts";
import { databaseUpgrade, euWestRouters } from "./content/maintenances";
import { mtlsOutage } from "./content/mtls-outage";
import { mtlsPostmortem } from "./content/mtls-postmortem";
import { samlSso } from "./content/saml-sso";
import { usEastCapacity } from "./content/us-east-capacity";
import { webhookBacklog } from "./content/webhook-backlog";
import { buildIncident, type BuiltIncident } from "./incident-builder";
import { buildMaintenance, type BuiltMaintenance } from "./maintenance-builder";
import { buildPublishedPostmortem, type BuiltPostmortem } from "./postmortem-builder";
import { buildStatusHistory } from "./status-history";

/** Every row of the demo, built in memory so consistency is settled before anything is written. */
export type DemoPlan = {
  settings: typeof pageSettings.$inferInsert;
  groups: (typeof componentGroups.$inferInsert)[];
  components: (typeof components.$inferInsert)[];
  statusEvents: (typeof componentStatusEvents.$inferInsert)[];
  incidents: BuiltIncident[];
  postmortems: BuiltPostmortem[];
  maintenances: BuiltMaintenance[];
};

export function buildDemoPlan(now: Date): DemoPlan {
  const catalog = buildCatalog(now);
  const incident = (spec: (now: Date) => Parameters<typeof buildIncident>[0]) =>
    buildIncident(spec(now), catalog.ids);

  const certificateOutage = incident(mtlsOutage);
  const incidents = [
    incident(webhookBacklog),
    incident(euWestNetwork),
    incident(billingUsageDisplay),
    certificateOutage,
    incident(graphqlTimeouts),
    incident(samlSso),
    incident(usEastCapacity),
  ];
  const maintenances = [databaseUpgrade, euWestRouters].map((spec) =>
    buildMaintenance(spec(now), catalog.ids),
  );
  const postmortems = [
    buildPublishedPostmortem(mtlsPostmortem(now), certificateOutage.incident, PAGE_TIME_ZONE),
  ];

  const history = buildStatusHistory(
    catalog.liveSince,
    [...incidents, ...maintenances].flatMap((built) => built.changes),
  );
  return {
    settings: pageSettingsRow(),
    groups: catalog.groups,
    components: catalog.components.map((component) => ({
      ...component,
      status: history.current.get(component.id)!,
    })),
    statusEvents: history.events,
    incidents,
    postmortems,
    maintenances,
  };
}
