import type { IncidentSpec } from "../incident-builder";
import { utcDayAt } from "../time";

/** SEV3: one slow customer endpoint starved the shared delivery workers. */
export const webhookBacklog = (now: Date): IncidentSpec => ({
  title: "Delayed webhook deliveries",
  severity: "SEV3",
  startedAt: utcDayAt(now, -82, "14:05"),
  affects: { webhooks: "degraded_performance" },
  updates: [
    {
      after: 7,
      state: "investigating",
      impact:
        "Webhook events are arriving 10–20 minutes late. No events have been lost, and the API and dashboard are not affected.",
      status: "We are investigating a growing backlog in the webhook delivery queue.",
      actions: "On-call engineers are checking the delivery workers and the queue that feeds them.",
      workaround:
        "If you need events sooner, poll `GET /v2/events?since=<timestamp>`, which is up to date.",
    },
    {
      after: 52,
      state: "identified",
      impact: "Deliveries are now up to 35 minutes late. No events have been lost.",
      status:
        "We have found the cause: a small number of endpoints are responding very slowly, holding delivery workers for the full 30-second timeout and reducing throughput for everyone.",
      actions:
        "We are deploying a change that moves slow endpoints to their own queue, and adding workers to drain the backlog.",
      workaround: "Polling `GET /v2/events` continues to return current data.",
      internalNote:
        "The slow endpoints belong to one enterprise account; their account manager has been told. Do not name the customer publicly.",
    },
    {
      after: 131,
      state: "monitoring",
      impact: "Deliveries are running about 5 minutes behind and catching up.",
      status: "The fix is deployed and the backlog is draining steadily.",
      actions: "We are watching delivery latency until it is back to normal.",
    },
    {
      after: 218,
      state: "resolved",
      impact:
        "For about three and a half hours, webhook events were delivered up to 35 minutes late. Every event was delivered; none were lost.",
      status: "The backlog has fully drained and webhooks are delivered in real time again.",
      actions:
        "Slow endpoints are now isolated in their own queue, so one slow receiver can no longer delay deliveries to others.",
    },
  ],
});
