import type { MaintenanceSpec } from "../maintenance-builder";
import { utcDayAt } from "../time";

const DAY_MINUTES = 24 * 60;

/** Completed two weeks ago: its components show a window under maintenance in the history. */
export const databaseUpgrade = (now: Date): MaintenanceSpec => ({
  title: "Database upgrade for the Dashboard and Billing",
  body: "We will upgrade the PostgreSQL cluster behind the dashboard and billing to a new major version. During the window the dashboard may be read-only for up to 30 minutes, and invoices and payment methods may be unavailable. Running instances, the API and webhooks are not affected.",
  startsAt: utcDayAt(now, -16, "06:00"),
  durationMinutes: 120,
  components: ["dashboard", "billing"],
  ran: { startedAfter: 0, completedAfter: 84 },
  updates: [
    {
      after: -7 * DAY_MINUTES,
      state: "scheduled",
      body: "This maintenance is scheduled. We will post here when work starts and when it is complete.",
    },
    {
      after: 0,
      state: "in_progress",
      body: "The upgrade has started. The dashboard is now read-only and billing pages are unavailable.",
    },
    {
      after: 84,
      state: "completed",
      body: "The upgrade is complete, ahead of schedule. The dashboard and billing are fully available again.",
    },
  ],
});

/** Scheduled a few days ahead, announced earlier. */
export const euWestRouters = (now: Date): MaintenanceSpec => ({
  title: "Network upgrade in EU West (Dublin)",
  body: "We will replace the edge routers in eu-west-1. Traffic fails over between routers during the work, so expect up to two brief interruptions, each under 30 seconds, for connections to instances and load balancers in EU West. Other regions and the API are not affected.",
  startsAt: utcDayAt(now, 3, "06:00"),
  durationMinutes: 120,
  components: ["euWest"],
  updates: [
    {
      after: -5 * DAY_MINUTES,
      state: "scheduled",
      body: "This maintenance is scheduled. Workloads that span several availability zones should see no impact.",
    },
  ],
});
