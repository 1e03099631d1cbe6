import type { IncidentSpec } from "../incident-builder";
import { utcDayAt } from "../time";

/** SEV2 that runs past midnight UTC: a failed switch in one availability zone. */
export const euWestNetwork = (now: Date): IncidentSpec => ({
  title: "Elevated error rates in EU West (Dublin)",
  severity: "SEV2",
  startedAt: utcDayAt(now, -67, "23:10"),
  affects: { euWest: "partial_outage", restApi: "degraded_performance" },
  updates: [
    {
      after: 6,
      state: "investigating",
      impact:
        "Some connections to instances and load balancers in eu-west-1 are failing or timing out, and about 8% of API calls that manage EU West resources return errors. Other regions are not affected.",
      status: "We are investigating elevated network errors in EU West.",
      actions: "Our network and on-call engineers are engaged.",
      workaround: "Workloads that run in several regions can shift traffic away from EU West.",
    },
    {
      after: 38,
      state: "identified",
      impact:
        "Instances in one availability zone (eu-west-1b) are partly unreachable. The other zones are healthy.",
      status:
        "A top-of-rack switch in eu-west-1b has failed and is dropping part of the traffic to the hosts behind it.",
      actions:
        "We are draining traffic away from the affected rack and our data-centre partner is replacing the switch.",
      workaround:
        "Load balancers spanning several zones are routing around the failure; for single-zone workloads, launch replacements in eu-west-1a or eu-west-1c.",
      internalNote:
        "About 140 customers have instances on the affected rack; support has the list.",
      businessImpact: "Two EU enterprise customers have opened priority tickets.",
      eta: "Switch replacement expected within 90 minutes.",
    },
    {
      after: 95,
      state: "identified",
      set: { restApi: "operational" },
      impact:
        "API error rates are back to normal. Instances on the affected rack remain unreachable.",
      status:
        "Traffic has been drained from the failed switch; the replacement is being installed.",
      actions:
        "Once the new switch is in service we will bring the affected hosts back and verify their storage.",
      workaround: "Launch replacements in eu-west-1a or eu-west-1c if you cannot wait.",
    },
    {
      after: 128,
      state: "monitoring",
      set: { euWest: "degraded_performance" },
      impact:
        "All instances are reachable again. Block storage on the affected hosts is resynchronising, so disk I/O there is slower than usual.",
      status: "The replacement switch is in service.",
      actions: "We are monitoring the resync, which we expect to finish within the hour.",
    },
    {
      after: 175,
      state: "resolved",
      impact:
        "For just under three hours, part of the traffic to instances in eu-west-1b was dropped, and for about 90 minutes some API calls managing EU West resources failed.",
      status: "Storage has finished resynchronising and EU West is fully operational.",
      actions:
        "We are reviewing why the switch failure was not isolated automatically and will follow up with affected customers directly.",
    },
  ],
});
