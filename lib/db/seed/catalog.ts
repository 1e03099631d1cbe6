import type { componentGroups, components, pageSettings } from "../schema";
import { newId } from "../../ids";
import { addDays, isoDate, startOfIsoDate } from "./time";

export const PAGE_TIME_ZONE = "America/New_York";

export function pageSettingsRow(): typeof pageSettings.$inferInsert {
  return {
    id: "page",
    publicId: newId(),
    name: "Acme Cloud Status",
    url: "https://status.acme.example",
    timeZone: PAGE_TIME_ZONE,
    brandColor: "#2563eb",
    supportLinks: [{ label: "Contact support", url: "https://acme.example/support" }],
  };
}

type ComponentSpec = {
  name: string;
  description: string;
  /** Days before now the component went live; uptime counts from that day. */
  liveForDays?: number;
  onlyShowIfDegraded?: boolean;
};

const DEFAULT_LIVE_FOR_DAYS = 120;

/** Groups in page order; components in group order. Keys are how seed content refers to them. */
const CATALOG = [
  {
    name: "Core Platform",
    description: "The console and the account services behind it.",
    components: {
      dashboard: { name: "Dashboard", description: "The web console at console.acme.example." },
      auth: {
        name: "Authentication & SSO",
        description: "Sign-in, SAML/OIDC single sign-on and API tokens.",
      },
      billing: { name: "Billing", description: "Usage metering, invoices and payment methods." },
    },
  },
  {
    name: "APIs",
    description: "Programmatic access to Acme Cloud.",
    components: {
      restApi: {
        name: "REST API",
        description: "api.acme.example/v2, used by the CLI and Terraform provider.",
      },
      graphqlApi: {
        name: "GraphQL API",
        description: "api.acme.example/graphql, generally available since its launch.",
        liveForDays: 40,
      },
      webhooks: { name: "Webhooks", description: "Event delivery to your HTTPS endpoints." },
      legacyApi: {
        name: "Legacy v1 API",
        description: "The deprecated v1 API, retired at the end of the year.",
        onlyShowIfDegraded: true,
      },
    },
  },
  {
    name: "Regions",
    description: "Compute, block storage and networking in each region.",
    components: {
      usEast: { name: "US East (N. Virginia)", description: "Region us-east-1." },
      usWest: { name: "US West (Oregon)", description: "Region us-west-2." },
      euWest: { name: "EU West (Dublin)", description: "Region eu-west-1." },
    },
  },
] as const satisfies readonly {
  name: string;
  description: string;
  components: Record<string, ComponentSpec>;
}[];

type KeysOfUnion<T> = T extends T ? keyof T : never;
export type ComponentKey = KeysOfUnion<(typeof CATALOG)[number]["components"]>;

export type Catalog = {
  groups: (typeof componentGroups.$inferInsert)[];
  /** Component rows without their current status, which the status history decides. */
  components: (typeof components.$inferInsert & { id: string })[];
  ids: Record<ComponentKey, string>;
  /** When each component went live (midnight UTC of its start date), by id. */
  liveSince: Map<string, Date>;
};

export function buildCatalog(now: Date): Catalog {
  const catalog: Catalog = {
    groups: [],
    components: [],
    ids: {} as Record<ComponentKey, string>,
    liveSince: new Map(),
  };
  const createdAt = startOfIsoDate(isoDate(addDays(now, -DEFAULT_LIVE_FOR_DAYS)));
  CATALOG.forEach((group, groupPosition) => {
    const groupId = newId();
    catalog.groups.push({
      id: groupId,
      name: group.name,
      description: group.description,
      position: groupPosition,
      createdAt,
      updatedAt: createdAt,
    });
    Object.entries(group.components).forEach(([key, spec]: [string, ComponentSpec], position) => {
      const id = newId();
      const startDate = isoDate(addDays(now, -(spec.liveForDays ?? DEFAULT_LIVE_FOR_DAYS)));
      catalog.ids[key as ComponentKey] = id;
      catalog.liveSince.set(id, startOfIsoDate(startDate));
      catalog.components.push({
        id,
        groupId,
        name: spec.name,
        description: spec.description,
        position,
        startDate,
        onlyShowIfDegraded: spec.onlyShowIfDegraded ?? false,
        createdAt: startOfIsoDate(startDate),
        updatedAt: startOfIsoDate(startDate),
      });
    });
  });
  return catalog;
}
