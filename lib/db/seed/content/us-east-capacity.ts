import type { IncidentSpec } from "../incident-builder";
import { addMinutes } from "../time";

/** The open incident: started 50 minutes before now, so its next update is due soon. */
export const usEastCapacity = (now: Date): IncidentSpec => ({
  title: "Failed instance launches in US East (N. Virginia)",
  severity: "SEV2",
  startedAt: addMinutes(now, -50),
  affects: { usEast: "partial_outage", webhooks: "degraded_performance" },
  updates: [
    {
      after: 4,
      state: "investigating",
      impact:
        "About 20% of requests to launch or resize instances in us-east-1 fail with `InsufficientCapacity`. Running instances are not affected. Webhook deliveries are delayed by up to 10 minutes.",
      status: "We are investigating.",
      actions: "Our compute and on-call engineers are engaged.",
      workaround: "Retry failed launches, or launch in US West (Oregon).",
    },
    {
      after: 29,
      state: "identified",
      impact:
        "Launch failures continue at about the same rate. Webhook deliveries remain slightly delayed because their workers run in the same region.",
      status: "A scheduler bug is marking healthy hosts in two placement groups as full.",
      actions:
        "We are deploying a scheduler fix and returning the affected hosts to the pool. Meanwhile we have added spare capacity to reduce failures.",
      workaround:
        "Retrying a failed launch usually succeeds within a few attempts; US West (Oregon) is unaffected.",
      internalNote:
        "Fix is in canary. Three enterprise customers have opened priority tickets; account managers are informed.",
      businessImpact: "New launches in our largest region are failing for 1 in 5 requests.",
      eta: "About 40 minutes for the full rollout.",
    },
  ],
});
