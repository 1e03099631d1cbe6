import type { IncidentSpec } from "../incident-builder";
import { utcDayAt } from "../time";

/** SEV3 on the component that went live recently (its uptime counts from its start date). */
export const graphqlTimeouts = (now: Date): IncidentSpec => ({
  title: "Intermittent timeouts on the GraphQL API",
  severity: "SEV3",
  startedAt: utcDayAt(now, -21, "09:15"),
  affects: { graphqlApi: "degraded_performance" },
  updates: [
    {
      after: 9,
      state: "investigating",
      impact:
        "About 4% of GraphQL queries time out after 30 seconds, mostly queries that request large connections (more than 500 nodes). The REST API is not affected.",
      status: "We are investigating the increase in query latency.",
      actions: "Engineers are comparing slow queries against yesterday's release.",
      workaround: "Paginate large connections with `first: 100` or smaller.",
    },
    {
      after: 64,
      state: "identified",
      impact:
        "Large GraphQL queries continue to time out intermittently; small queries are unaffected.",
      status:
        "A query-planner change released yesterday stopped batching nested lookups, so large queries make many more database calls.",
      actions: "We are rolling back the release.",
      workaround: "Paginate with `first: 100` or smaller, or use the equivalent REST endpoints.",
      internalNote: "Rollback is safe: the release had no schema migrations.",
    },
    {
      after: 102,
      state: "monitoring",
      set: { graphqlApi: "operational" },
      impact: "Query latency is back to normal.",
      status: "The rollback is complete.",
      actions: "We are watching timeout rates before closing the incident.",
    },
    {
      after: 246,
      state: "resolved",
      impact:
        "For about 100 minutes, around 4% of GraphQL queries timed out, nearly all of them requesting more than 500 nodes.",
      status: "Timeouts have stayed at normal levels since the rollback.",
      actions: "The planner change will return with a regression test covering nested batching.",
    },
  ],
});
