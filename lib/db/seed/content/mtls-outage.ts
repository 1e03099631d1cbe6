import type { ComponentStatus } from "../../schema";
import type { ComponentKey } from "../catalog";
import type { IncidentSpec } from "../incident-builder";
import { utcDayAt } from "../time";

/** Everything that needs the authentication service: the whole control plane. */
const CONTROL_PLANE: ComponentKey[] = ["auth", "dashboard", "restApi", "graphqlApi", "legacyApi"];
const all = (status: ComponentStatus) =>
  Object.fromEntries(CONTROL_PLANE.map((key) => [key, status])) as Partial<
    Record<ComponentKey, ComponentStatus>
  >;

/**
 * SEV1 with a published postmortem (see mtls-postmortem.ts). Starts late evening
 * in New York and ends after midnight there.
 */
export const mtlsOutage = (now: Date): IncidentSpec => ({
  title: "Sign-in, dashboard and API requests failing",
  severity: "SEV1",
  startedAt: utcDayAt(now, -34, "03:20"),
  affects: all("major_outage"),
  updates: [
    {
      after: 7,
      state: "investigating",
      impact:
        "All sign-ins, dashboard pages and API requests are failing with HTTP 503 errors. Running instances, storage and networking in every region are not affected.",
      status: "We are aware of the problem and investigating with the highest priority.",
      actions:
        "Incident response is under way with engineers from our platform and security teams.",
      workaround:
        "None yet. Workloads that are already running keep running; please back off retries rather than retrying in a tight loop.",
    },
    {
      after: 29,
      state: "identified",
      impact: "All sign-ins, dashboard pages and API requests are still failing.",
      status:
        "Our API gateways are rejecting connections to the internal authentication service after a scheduled rotation of internal certificates.",
      actions: "We are rolling the certificate rotation back, one gateway cluster at a time.",
      workaround: "None yet. Running workloads are not affected.",
      internalNote:
        "Every customer is affected. Support has a macro for the ticket surge; please point customers to this page rather than giving ETAs one by one.",
      businessImpact:
        "Total control-plane outage: no sign-ins, no API. Running workloads are fine.",
      eta: "Recovery expected within 45 minutes.",
    },
    {
      after: 55,
      state: "identified",
      set: all("partial_outage"),
      impact:
        "About two thirds of sign-ins and API requests are succeeding again; the rest still fail.",
      status: "The rollback has finished on two of our three gateway clusters.",
      actions: "We are completing the rollback on the last cluster.",
      workaround:
        "If a request fails, retry it after a short delay; it will most likely reach a recovered gateway.",
    },
    {
      after: 81,
      state: "monitoring",
      set: { ...all("operational"), dashboard: "degraded_performance" },
      impact:
        "Sign-ins and API requests are succeeding. The dashboard is slower than usual while sessions are re-established, and you may be asked to sign in again.",
      status: "The rollback is complete and error rates are back to normal.",
      actions: "We are monitoring closely before closing the incident.",
    },
    {
      after: 105,
      state: "resolved",
      impact:
        "For 55 minutes every sign-in, dashboard page and API request failed, and for a further 23 minutes about a third still did. Running workloads were not affected and no data was lost.",
      status: "All services are operating normally.",
      actions: "We have paused further certificate rotations until safeguards are in place.",
      next: "We will publish a full post-incident review on this page.",
    },
  ],
});
