"use client";
import { useState, useTransition, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { previewChatAction, type ChatPreviewState } from "../chat-preview-action";

/**
 * "Preview in chat channels": sends the form's current text to the server,
 * which draws it with each configured platform's renderer, and shows the
 * result as plain text (escaping undone, limits applied), one card per channel.
 */
export function ChatPreview({
  container,
  state,
}: {
  container: RefObject<HTMLDivElement | null>;
  /** The state the form publishes with, when it has no state field of its own (resolve). */
  state?: string;
}) {
  const [result, setResult] = useState<ChatPreviewState | null>(null);
  const [pending, startTransition] = useTransition();
  const preview = () => {
    const form = container.current?.querySelector("form");
    if (!form) return;
    const data = new FormData(form);
    if (state && !data.get("state")) data.set("state", state);
    startTransition(async () => setResult(await previewChatAction(data)));
  };
  return (
    <section aria-label="Chat preview" className="flex flex-col gap-2">
      <div>
        <Button variant="secondary" onClick={preview} pending={pending} pendingLabel="Drawing…">
          Preview in chat channels
        </Button>
      </div>
      {result && !result.ok && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {result.message}
        </p>
      )}
      {result?.ok && result.previews?.length === 0 && (
        <p className="text-sm">
          No chat channel is subscribed yet: only email and webhooks will get it.
        </p>
      )}
      <ul className="grid gap-3 md:grid-cols-2">
        {result?.previews?.map((p) => (
          <li
            key={`${p.channel}-${p.audience}`}
            aria-label={`${p.label}${p.audience === "internal" ? " (stakeholders)" : ""} preview`}
            className="flex flex-col gap-1 rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
          >
            <p className="text-xs font-medium text-zinc-600 uppercase dark:text-zinc-400">
              {p.label}
              {p.audience === "internal" ? " · stakeholders" : ""}
            </p>
            <p className="font-semibold break-words">{p.title}</p>
            <p className="whitespace-pre-wrap break-words">{p.body}</p>
            {p.fields.length > 0 && (
              <dl className="grid grid-cols-[auto_1fr] gap-x-3">
                {p.fields.map((f) => (
                  <div key={f.name} className="contents">
                    <dt className="font-medium">{f.name}</dt>
                    <dd className="whitespace-pre-wrap break-words">{f.value}</dd>
                  </div>
                ))}
              </dl>
            )}
            {p.linkLabel && (
              <p className="text-sky-800 underline dark:text-sky-300">{p.linkLabel}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
