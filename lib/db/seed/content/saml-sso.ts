import type { IncidentSpec } from "../incident-builder";
import { addDays, isoDate, utcDayAt } from "../time";

/** Recent SEV2 whose root cause analysis was promised for a few days from now. */
export const samlSso = (now: Date): IncidentSpec => ({
  title: "SAML single sign-on failing for some organizations",
  severity: "SEV2",
  startedAt: utcDayAt(now, -5, "16:40"),
  affects: { auth: "partial_outage" },
  rcaDueOn: isoDate(addDays(now, 4)),
  updates: [
    {
      after: 5,
      state: "investigating",
      impact:
        "Members of organizations that sign in with SAML single sign-on see an “Invalid assertion” error. Password and GitHub sign-in, API tokens and running workloads are not affected.",
      status: "We are investigating.",
      actions: "Our identity team is engaged and reproducing the error.",
      workaround:
        "Organization owners can use their break-glass password accounts. Existing API tokens keep working.",
    },
    {
      after: 41,
      state: "identified",
      impact:
        "SAML sign-ins fail for organizations whose identity provider's clock runs a few seconds ahead of ours.",
      status:
        "An upgrade of our SAML library, released this afternoon, validates assertion timestamps without the usual clock-skew allowance.",
      actions: "We are reverting the upgrade.",
      workaround: "Break-glass password accounts and API tokens continue to work.",
      internalNote:
        "Mostly Okta and Entra ID tenants, about 310 organizations. Customer success has the list and is contacting the largest accounts.",
      eta: "Revert expected to be live within 45 minutes.",
    },
    {
      after: 88,
      state: "monitoring",
      set: { auth: "operational" },
      impact: "SAML sign-ins are succeeding again.",
      status: "The revert is live.",
      actions: "We are monitoring sign-in success rates across identity providers.",
    },
    {
      after: 135,
      state: "resolved",
      impact:
        "For about 90 minutes, SAML sign-ins failed for roughly 300 organizations. No other sign-in method was affected.",
      status: "All SAML sign-ins have succeeded since the revert.",
    },
  ],
});
