import type { DeliveryStatus } from "@/lib/notifications/delivery-status";
import { CHAT_LABELS } from "@/lib/channels/chat-message";

const CHANNEL_LABELS: Record<string, string> = {
  "email·public": "Subscribers (email)",
  "email·internal": "Stakeholders (email)",
  "email·team": "Team (email)",
  "webhook·public": "Webhooks",
  "slack_app·internal": "Stakeholders (Slack channel, app)",
  ...Object.fromEntries(
    Object.entries(CHAT_LABELS).flatMap(([channel, label]) => [
      [`${channel}·public`, `Subscribers (${label})`],
      [`${channel}·internal`, `Stakeholders (${label})`],
    ]),
  ),
};

/**
 * Recipients per channel and where their messages are: sent (and delivered,
 * when the provider reports it), pending, failed, skipped (the subscriber left
 * first, the address is suppressed). Failures and skips are listed with the reason.
 * Meant for the incident timeline too: pass getDeliveryStatus's entry for an update.
 */
export function DeliverySummary({ status }: { status: DeliveryStatus }) {
  return (
    <div className="flex flex-col gap-2 text-sm">
      <table className="w-full text-left">
        <caption className="sr-only">Delivery of {status.eventType}</caption>
        <thead>
          <tr className="text-zinc-600 dark:text-zinc-400">
            <th className="font-medium">Channel</th>
            <th className="font-medium">Recipients</th>
            <th className="font-medium">Sent</th>
            <th className="font-medium">Delivered</th>
            <th className="font-medium">Pending</th>
            <th className="font-medium">Failed</th>
            <th className="font-medium">Skipped</th>
          </tr>
        </thead>
        <tbody>
          {status.channels.map((c) => (
            <tr key={`${c.channel}·${c.audience}`}>
              <td>
                {CHANNEL_LABELS[`${c.channel}·${c.audience}`] ?? `${c.channel} (${c.audience})`}
              </td>
              <td>{c.total}</td>
              <td>{c.sent}</td>
              {/* Only a provider that reports it (Resend's email.delivered) fills this in. */}
              <td>{c.channel === "email" && c.delivered > 0 ? c.delivered : "–"}</td>
              <td>{c.pending}</td>
              <td className={c.failed ? "font-semibold text-red-700 dark:text-red-400" : ""}>
                {c.failed}
              </td>
              <td>{c.skipped}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {status.failures.length > 0 && (
        <details open className="rounded-md border border-red-700 p-2">
          <summary className="cursor-pointer font-medium text-red-800 dark:text-red-300">
            {status.failures.length} failed
          </summary>
          <ul className="mt-1 list-disc pl-5">
            {status.failures.map((f) => (
              <li key={`${f.channel}:${f.recipient}`} className="break-all">
                {f.recipient} ({f.channel}, {f.attempts} attempts): {f.lastError ?? "unknown error"}
              </li>
            ))}
          </ul>
        </details>
      )}
      {status.skips.length > 0 && (
        <details className="rounded-md border border-zinc-300 p-2 dark:border-zinc-700">
          <summary className="cursor-pointer font-medium">{status.skips.length} skipped</summary>
          <ul className="mt-1 list-disc pl-5">
            {status.skips.map((f) => (
              <li key={`${f.channel}:${f.recipient}`} className="break-all">
                {f.recipient} ({f.channel}): {f.reason ?? "no reason recorded"}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
