import type { DeliveryStatus } from "@/lib/notifications/delivery-status";
import { DeliverySummary as DeliveryTable } from "../../outbox/_components/delivery-summary";

/** One line per update (sent of total, failures called out), expanding to the outbox's full table. */
export function DeliverySummary({
  notify,
  status,
  queued = false,
}: {
  notify: boolean;
  status: DeliveryStatus | undefined;
  /** Published, recipients not yet counted by the worker. */
  queued?: boolean;
}) {
  if (!notify) return <span>Not notified</span>;
  if (!status) return <span>{queued ? "Queued for delivery…" : "No recipients"}</span>;
  const total = status.channels.reduce((n, c) => n + c.total, 0);
  const sent = status.channels.reduce((n, c) => n + c.sent, 0);
  const failed = status.channels.reduce((n, c) => n + c.failed, 0);
  const delivered = status.channels.reduce((n, c) => n + c.delivered, 0);
  const skipped = status.channels.reduce((n, c) => n + c.skipped, 0);
  const pending = status.channels.reduce((n, c) => n + c.pending, 0);
  return (
    <details className="basis-full">
      <summary
        className={`cursor-pointer ${failed > 0 ? "font-medium text-red-700 dark:text-red-400" : ""}`}
      >
        Delivery: {sent}/{total} sent{pending > 0 && `, ${pending} queued`}
        {delivered > 0 && `, ${delivered} delivered`}
        {failed > 0 && `, ${failed} failed`}
        {skipped > 0 && `, ${skipped} skipped`}
      </summary>
      <DeliveryTable status={status} />
    </details>
  );
}
