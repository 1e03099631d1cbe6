import Link from "next/link";
import { requestCtx } from "@/app/_lib/request-context";
import { hasRole } from "@/lib/auth/authorize";
import { config, mailTransportConfigured } from "@/lib/config";
import { listDevMail, listRecentDeliveries } from "@/lib/notifications/delivery-status";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { formatDateTime } from "@/lib/time/format";
import { DeliverySummary } from "./_components/delivery-summary";

export default async function OutboxPage() {
  const ctx = await requestCtx();
  const canReadMail = hasRole(ctx.actor, "editor");
  const [deliveries, mail, settings] = await Promise.all([
    listRecentDeliveries({ ctx }),
    canReadMail ? listDevMail({ ctx }) : [],
    getPageSettings(ctx.db),
  ]);
  const tz = settings.timeZone;
  const transport = config().RESEND_API_KEY ? "Resend" : config().SMTP_URL ? "SMTP" : null;
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold">Outbox</h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          {transport
            ? `Mail goes out through ${transport}. Below: what each publish queued and how delivery went.`
            : "No mail transport is configured (RESEND_API_KEY or SMTP_URL), so emails are kept here instead of being sent."}
        </p>
      </div>
      <section aria-labelledby="deliveries" className="flex flex-col gap-4">
        <h2 id="deliveries" className="text-xl font-semibold">
          Recent deliveries
        </h2>
        {deliveries.length === 0 && <p>Nothing queued yet.</p>}
        {deliveries.map((d) => (
          <article
            key={d.subjectId}
            className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
          >
            <h3 className="mb-2 font-medium">
              {d.eventType} ·{" "}
              <span className="font-normal text-zinc-600 dark:text-zinc-400">
                {formatDateTime(d.lastQueuedAt, tz)}
              </span>
            </h3>
            <DeliverySummary status={d} />
          </article>
        ))}
      </section>
      {!mailTransportConfigured() && !canReadMail && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The development mailbox (confirmation links, internal stakeholder mail) is for editors and
          owners.
        </p>
      )}
      {!mailTransportConfigured() && canReadMail && (
        <section aria-labelledby="dev-mailbox" className="flex flex-col gap-3">
          <h2 id="dev-mailbox" className="text-xl font-semibold">
            Development mailbox
          </h2>
          {mail.length === 0 && <p>No emails yet.</p>}
          <ul className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
            {mail.map((m) => (
              <li key={m.id} className="py-2 text-sm">
                <Link href={`/admin/outbox/${m.id}`} className="font-medium underline">
                  {m.subject}
                </Link>
                <span className="text-zinc-600 dark:text-zinc-400">
                  {" "}
                  to {m.to} · {formatDateTime(m.createdAt, tz)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
