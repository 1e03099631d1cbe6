import type { PostmortemSpec } from "../postmortem-builder";
import { addDays, isoDate, utcDayAt } from "../time";

/** The blameless review of the certificate-rotation outage (mtls-outage.ts). */
export const mtlsPostmortem = (now: Date): PostmortemSpec => ({
  publishedAt: utcDayAt(now, -30, "17:00"),
  sections: {
    summary:
      "A scheduled rotation of the certificates our internal services use to authenticate each other introduced a new intermediate certificate authority before our API gateways trusted it. The gateways then rejected every connection to the authentication service, and because every signed-in page and API call depends on that service, sign-in, the dashboard and all APIs failed completely for 55 minutes and partly for a further 23. We restored service by rolling the rotation back.",
    impact: [
      "- **Who:** every customer using the dashboard, the REST, GraphQL or legacy v1 APIs, the CLI or the Terraform provider.",
      "- **How long:** 55 minutes of complete failure, then 23 minutes in which about a third of requests still failed, then 24 minutes of a slower dashboard while sessions were re-established.",
      "- **How much:** about 2.1 million API requests and 9,400 sign-in attempts failed with HTTP 503. Scheduled deployments from CI pipelines failed and had to be re-run.",
      "- **Not affected:** running instances, block and object storage, networking, and webhooks already queued. No data was lost or exposed.",
    ].join("\n"),
    rootCause: [
      "Internal services authenticate each other with mutual TLS. Certificates are rotated by an automated job, and the trust bundle that tells each client which authorities to accept is distributed separately, by the configuration pipeline, which refreshes the API gateways every 24 hours.",
      "",
      "For this rotation the job issued certificates from a new intermediate authority. The intermediate had been added to the trust bundle source eight hours earlier, but the gateways' last refresh had run before that, so they did not yet trust it. When the authentication service began presenting its new certificate, every gateway handshake failed.",
      "",
      "The rotation job's pre-flight check verified that the new certificates were valid and correctly chained, but not that every client of a service already trusted the new chain. Staging did not reveal the gap because staging gateways refresh their bundle every 15 minutes, so the new authority was always trusted there by the time the rotation ran.",
    ].join("\n"),
    fiveWhys: [
      "Why did requests fail? The API gateways could not reach the authentication service.",
      "Why? They rejected the service's new certificate during the TLS handshake.",
      "Why? Their trust bundle did not yet include the new intermediate authority.",
      "Why? Gateways refresh the bundle every 24 hours, and the refresh had not run since the authority was added.",
      "Why was the rotation allowed to proceed? Its pre-flight check validated the certificates, not whether their clients trusted them.",
    ],
    resolution:
      "We rolled the rotation back, restoring the previous certificates on the authentication service. The rollback was applied one gateway cluster at a time, which restored service progressively over about 50 minutes. Two days later, after refreshing the trust bundle on every gateway and adding a check that each client trusts the new chain, we completed the rotation without impact.",
    wentWell: [
      "- Alerts paged the on-call engineer within two minutes of the first failures.",
      "- The first public update went out seven minutes after impact began, and updates kept to the 30-minute cadence throughout.",
      "- Running workloads were unaffected, as designed: the data plane does not depend on the authentication service.",
    ].join("\n"),
    wentBadly: [
      "- It took 21 minutes to connect the failures to the rotation, because rotation events were not shown on the gateway dashboards.",
      "- The rollback had to be run by hand, cluster by cluster; there was no single command to revert a rotation.",
      "- Our support portal signs in through the same authentication service, so customers could not open tickets during the outage.",
    ].join("\n"),
  },
  timeline: [
    [
      -8,
      "The scheduled job begins rotating internal service certificates to the new intermediate authority.",
    ],
    [
      0,
      "The authentication service starts presenting its new certificate. Gateways reject it, and all sign-ins and API requests fail.",
    ],
    [2, "Automated alerts page the on-call engineer."],
    [7, "Incident declared as SEV1; first public update posted."],
    [
      21,
      "Engineers connect the failures to the rotation and find the new authority missing from the gateways' trust bundle.",
    ],
    [29, "Decision to roll back rather than push an emergency bundle refresh; rollback begins."],
    [
      55,
      "Rollback complete on two of three gateway clusters; about two thirds of requests succeed.",
    ],
    [78, "Rollback complete on the last cluster; error rates return to normal."],
    [81, "Incident moved to monitoring while sessions are re-established."],
    [105, "Incident resolved."],
  ],
  actionItems: [
    {
      title:
        "Alert on mutual-TLS handshake failures per service pair, with rotation events on the same dashboard",
      owner: "Observability team",
      dueOn: isoDate(addDays(now, -20)),
      status: "done",
    },
    {
      title:
        "Make the rotation pre-flight check verify that every client of a service trusts the new chain",
      owner: "Platform Security team",
      dueOn: isoDate(addDays(now, -9)),
      status: "done",
    },
    {
      title: "Refresh gateway trust bundles when the bundle changes instead of every 24 hours",
      owner: "Edge Networking team",
      dueOn: isoDate(addDays(now, 12)),
      status: "in_progress",
    },
    {
      title: "Rotate one gateway cluster at a time, with automatic rollback on handshake errors",
      owner: "Platform Security team",
      dueOn: isoDate(addDays(now, 45)),
      status: "open",
    },
  ],
});
