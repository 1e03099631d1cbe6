import { requestCtx } from "@/app/_lib/request-context";
import { hasRole } from "@/lib/auth/authorize";
import { listStakeholders } from "@/lib/stakeholders/stakeholders";
import { listStakeholderChats } from "@/lib/stakeholders/stakeholder-chats";
import { CHAT_LABELS } from "@/lib/channels/chat-message";
import { isChatChannel } from "@/lib/db/schema/enums";
import {
  reenableStakeholderChatAction,
  removeStakeholderAction,
  removeStakeholderChatAction,
} from "../subscribers/actions";
import { AddStakeholderForm, RowButton } from "../subscribers/_components/forms";
import {
  AddStakeholderChatForm,
  AddStakeholderSlackAppForm,
} from "../subscribers/_components/chat-forms";
import { AddStakeholderSmsForm } from "../subscribers/_components/sms-form";
import { smsConfigured } from "@/lib/config";
import { slackAppConfigured } from "@/lib/slack-app/slack-client";

const platformOf = (kind: string) =>
  kind === "slack_app"
    ? "Slack channel (app)"
    : kind === "sms"
      ? "SMS"
      : isChatChannel(kind)
        ? CHAT_LABELS[kind]
        : kind;

export default async function StakeholdersPage() {
  const ctx = await requestCtx();
  const [people, chats] = await Promise.all([
    listStakeholders({ ctx }),
    listStakeholderChats({ ctx }),
  ]);
  const canEdit = hasRole(ctx.actor, "editor");
  const slackApp = slackAppConfigured();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Internal stakeholders</h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          A private list (executives, support, sales). Each incident update reaches them with the
          public text plus its internal note, business impact and ETA. Never shown publicly.
        </p>
      </div>
      <ul className="flex flex-col gap-2">
        {people.map((p) => (
          <li
            key={p.id}
            className="flex items-center justify-between gap-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
          >
            <span>
              <span className="font-medium">{p.name}</span> · {p.email}
              {p.title && ` · ${p.title}`}
            </span>
            {canEdit && (
              <RowButton
                action={removeStakeholderAction}
                id={p.id}
                label="Remove"
                variant="danger"
              />
            )}
          </li>
        ))}
      </ul>
      {people.length === 0 && (
        <p>Nobody yet. Add the people who need the internal version of each update.</p>
      )}
      {canEdit && <AddStakeholderForm />}
      <section aria-labelledby="stakeholder-chats" className="flex flex-col gap-3">
        <h2 id="stakeholder-chats" className="text-xl font-semibold">
          Chat channels
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Internal channels (an executives&apos; Slack channel, a support team in Teams) that get
          the same internal version as the list above.
          {slackApp &&
            " A Slack channel added by id (app) gets one thread per incident: the first update starts it, later ones reply in it, and the first message is kept up to date."}
        </p>
        <ul className="flex flex-col gap-2" aria-label="Stakeholder chat channels">
          {chats.map((c) => (
            <li
              key={c.id}
              className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
            >
              <div className="text-sm">
                <p className="font-medium break-all">
                  {platformOf(c.kind)} · {c.url}
                </p>
                <p>
                  {c.state === "disabled" ? `Switched off: ${c.disabledReason}` : "Active"} ·{" "}
                  {c.failureCount} failures in a row
                </p>
              </div>
              {canEdit && (
                <div className="flex gap-2">
                  {c.state === "disabled" && (
                    <RowButton action={reenableStakeholderChatAction} id={c.id} label="Re-enable" />
                  )}
                  <RowButton
                    action={removeStakeholderChatAction}
                    id={c.id}
                    label="Remove"
                    variant="danger"
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
        {chats.length === 0 && <p className="text-sm">No chat channels yet.</p>}
        {canEdit && <AddStakeholderChatForm />}
        {canEdit && slackApp && <AddStakeholderSlackAppForm />}
        {canEdit && smsConfigured() && <AddStakeholderSmsForm />}
      </section>
    </div>
  );
}
