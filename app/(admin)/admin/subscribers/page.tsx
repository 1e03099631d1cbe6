import { requestCtx } from "@/app/_lib/request-context";
import { hasRole } from "@/lib/auth/authorize";
import { listSubscribers, type ListedSubscriber } from "@/lib/subscribers/list-subscribers";
import { listComponentTree } from "@/lib/components/list-component-tree";
import { formatDateTime } from "@/lib/time/format";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { listSuppressions } from "@/lib/deliverability/manage-suppressions";
import { clearSuppressionAction, reenableWebhookAction, removeSubscriberAction } from "./actions";
import { AddWebhookForm, RowButton } from "./_components/forms";
import { AddChatSubscriberForm } from "./_components/chat-forms";
import { AddSmsSubscriberForm } from "./_components/sms-form";
import { smsConfigured } from "@/lib/config";
import { isChatChannel } from "@/lib/db/schema/enums";
import { CHAT_LABELS } from "@/lib/channels/chat-message";

const CHAT_STATES: Record<string, string> = {
  pending: "Waiting for activation",
  active: "Active",
  unsubscribed: "Unsubscribed",
  disabled: "Switched off",
};

const follows = (s: ListedSubscriber) =>
  s.componentNames ? s.componentNames.join(", ") || "—" : "All components";

export default async function SubscribersPage() {
  const ctx = await requestCtx();
  const [all, tree, settings, suppressed] = await Promise.all([
    listSubscribers({ ctx }),
    listComponentTree(ctx.db, { publicOnly: false }),
    getPageSettings(ctx.db),
    listSuppressions({ ctx }),
  ]);
  const tz = settings.timeZone;
  const canEdit = hasRole(ctx.actor, "editor");
  const isOwner = hasRole(ctx.actor, "owner");
  const emails = all.filter((s) => s.kind === "email");
  const hooks = all.filter((s) => s.kind === "webhook");
  const chats = all.filter((s) => isChatChannel(s.kind));
  const texts = all.filter((s) => s.kind === "sms");
  const disabled = [...hooks, ...chats].filter((h) => h.state === "disabled");
  const platform = (kind: string) => (isChatChannel(kind) ? CHAT_LABELS[kind] : "Webhook");
  const components = [...tree.groups.flatMap((g) => g.components), ...tree.ungrouped].map(
    ({ id, name }) => ({ id, name }),
  );
  const count = (state: string) => emails.filter((s) => s.state === state).length;
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold">Subscribers</h1>
      {disabled.length > 0 && (
        <div
          role="alert"
          className="rounded-md border border-red-700 p-4 text-red-900 dark:text-red-300"
        >
          <p className="font-medium">
            {disabled.length === 1
              ? "A webhook was switched off"
              : `${disabled.length} webhooks were switched off`}{" "}
            after repeated delivery failures (a chat webhook that answers “not found” a few times in
            a row was most likely deleted).
          </p>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {disabled.map((h) => (
              <li key={h.id}>
                {platform(h.kind)} {h.webhookUrl}: {h.disabledReason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <section aria-labelledby="email-subs" className="flex flex-col gap-3">
        <h2 id="email-subs" className="text-xl font-semibold">
          Email
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {count("active")} confirmed · {count("pending")} awaiting confirmation ·{" "}
          {count("unsubscribed")} unsubscribed
        </p>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th className="py-2">Address</th>
              <th>State</th>
              <th>Follows</th>
              <th>Since</th>
              {canEdit && (
                <th>
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {emails.map((s) => (
              <tr key={s.id} className="border-b border-zinc-100 align-top dark:border-zinc-900">
                <td className="py-2">{s.email}</td>
                <td>{s.state}</td>
                <td>{follows(s)}</td>
                <td>{formatDateTime(s.createdAt, tz)}</td>
                {canEdit && (
                  <td>
                    <RowButton
                      action={removeSubscriberAction}
                      id={s.id}
                      label="Remove"
                      variant="danger"
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {emails.length === 0 && (
          <p>No email subscribers yet. Visitors subscribe from the public page.</p>
        )}
      </section>
      <section aria-labelledby="suppressed" className="flex flex-col gap-3">
        <h2 id="suppressed" className="text-xl font-semibold">
          Suppressed addresses
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Never mailed again: addresses that hard-bounced or marked an email as spam (reported by
          Resend&apos;s webhook at <code>/api/webhooks/resend</code>, or refused for good by the
          SMTP relay). Mailing them anyway is how a sender&apos;s domain gets blocked.
          {isOwner ? " Clear one only when you know the mailbox works again." : ""}
        </p>
        {suppressed.length === 0 ? (
          <p className="text-sm">No suppressed addresses.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-zinc-200 dark:border-zinc-800">
                <th className="py-2">Address</th>
                <th>Reason</th>
                <th>Details</th>
                <th>Since</th>
                {isOwner && (
                  <th>
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {suppressed.map((s) => (
                <tr
                  key={s.email}
                  className="border-b border-zinc-100 align-top dark:border-zinc-900"
                >
                  <td className="py-2 break-all">{s.email}</td>
                  <td>{s.reason === "bounced" ? "Hard bounce" : "Spam complaint"}</td>
                  <td className="break-all">
                    {s.detail ?? "—"} ({s.source === "resend" ? "Resend" : "SMTP relay"})
                  </td>
                  <td>{formatDateTime(s.createdAt, tz)}</td>
                  {isOwner && (
                    <td>
                      <RowButton action={clearSuppressionAction} id={s.email} label="Clear" />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="webhooks" className="flex flex-col gap-3">
        <h2 id="webhooks" className="text-xl font-semibold">
          Webhooks
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Each event is POSTed as JSON, signed in the <code>X-Herald-Signature</code> header (
          <code>t=…,v1=</code>HMAC-SHA256 of <code>t.body</code>), retried with backoff, and
          switched off after repeated failures.
        </p>
        <ul className="flex flex-col gap-2">
          {hooks.map((h) => (
            <li
              key={h.id}
              className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
            >
              <div className="text-sm">
                <p className="font-medium break-all">{h.webhookUrl}</p>
                <p>
                  {h.state === "disabled" ? "Switched off" : "Active"} · {follows(h)} ·{" "}
                  {h.failureCount} failures in a row
                </p>
              </div>
              {canEdit && (
                <div className="flex gap-2">
                  {h.state === "disabled" && (
                    <RowButton action={reenableWebhookAction} id={h.id} label="Re-enable" />
                  )}
                  <RowButton
                    action={removeSubscriberAction}
                    id={h.id}
                    label="Remove"
                    variant="danger"
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
        {canEdit && <AddWebhookForm components={components} />}
      </section>
      <section aria-labelledby="chats" className="flex flex-col gap-3">
        <h2 id="chats" className="text-xl font-semibold">
          Chat channels
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Slack, Microsoft Teams (Workflows), Discord, Google Chat and Mattermost incoming webhooks.
          Each update is posted in the platform&apos;s own format; a channel starts once someone
          there opens the activation link Herald posts to it.
        </p>
        <ul className="flex flex-col gap-2" aria-label="Chat channels">
          {chats.map((h) => (
            <li
              key={h.id}
              className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
            >
              <div className="text-sm">
                <p className="font-medium break-all">
                  {platform(h.kind)} · {h.webhookUrl}
                </p>
                <p>
                  {CHAT_STATES[h.state]} · {follows(h)} · {h.failureCount} failures in a row
                </p>
              </div>
              {canEdit && (
                <div className="flex gap-2">
                  {h.state === "disabled" && (
                    <RowButton action={reenableWebhookAction} id={h.id} label="Re-enable" />
                  )}
                  <RowButton
                    action={removeSubscriberAction}
                    id={h.id}
                    label="Remove"
                    variant="danger"
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
        {chats.length === 0 && <p className="text-sm">No chat channels yet.</p>}
        {canEdit && <AddChatSubscriberForm components={components} />}
      </section>
      <section aria-labelledby="sms-subs" className="flex flex-col gap-3">
        <h2 id="sms-subs" className="text-xl font-semibold">
          SMS
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {smsConfigured()
            ? "Texts through Twilio when an incident starts, changes state or resolves (or every update, if chosen). A number starts once its texted code is entered; replying STOP ends it."
            : "Not configured: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM (or TWILIO_MESSAGING_SERVICE_SID)."}
        </p>
        <ul className="flex flex-col gap-2" aria-label="SMS subscribers">
          {texts.map((s) => (
            <li
              key={s.id}
              className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
            >
              <div className="text-sm">
                <p className="font-medium">{s.phone}</p>
                <p>
                  {s.state === "pending" ? "Waiting for the code" : CHAT_STATES[s.state]} ·{" "}
                  {s.smsAllUpdates ? "Every update" : "State changes"} · {follows(s)}
                  {s.disabledReason ? ` · ${s.disabledReason}` : ""}
                </p>
              </div>
              {canEdit && (
                <RowButton
                  action={removeSubscriberAction}
                  id={s.id}
                  label="Remove"
                  variant="danger"
                />
              )}
            </li>
          ))}
        </ul>
        {texts.length === 0 && <p className="text-sm">No SMS subscribers yet.</p>}
        {canEdit && smsConfigured() && <AddSmsSubscriberForm components={components} />}
      </section>
    </div>
  );
}
