import type { IncidentSpec } from "../incident-builder";
import { utcDayAt } from "../time";

/** SEV4: cosmetic, no component status change and no update cadence. */
export const billingUsageDisplay = (now: Date): IncidentSpec => ({
  title: "Billing page shows outdated usage totals",
  severity: "SEV4",
  startedAt: utcDayAt(now, -51, "15:30"),
  affects: { billing: "operational" },
  updates: [
    {
      after: 5,
      state: "investigating",
      impact:
        "The usage summary on the Billing page may show figures up to 24 hours old. Metering and invoices are not affected.",
      status: "We are looking into reports of stale usage figures.",
    },
    {
      after: 40,
      state: "identified",
      impact: "This is a display issue only: usage is metered and invoiced correctly.",
      status: "A caching change released this morning keeps the usage summary from refreshing.",
      actions: "A fix is in review.",
      workaround: "The usage CSV export on the same page shows current figures.",
    },
    {
      after: 185,
      state: "resolved",
      status: "The fix has been deployed and the Billing page shows current usage again.",
    },
  ],
});
