"use client";
import { useActionState, useEffect, useState, type ReactNode } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { MarkdownField } from "@/components/admin/markdown-field";
import { initialActionState } from "@/lib/action-state";
import { InternalFields, NotifyToggle } from "./internal-fields";
import type { IncidentActionState } from "./incident-action-state";
import { PublishedMeanwhile } from "./published-meanwhile";
import { useUpdateDraft } from "./use-update-draft";
import { formatStamp } from "@/lib/time/format";
import { ChatPreview } from "./chat-preview";

type UpdateFormProps = {
  /** Distinguishes several update forms on one page (ids, labels, kept drafts). */
  name: string;
  action: (prev: IncidentActionState, form: FormData) => Promise<IncidentActionState>;
  incidentId: string;
  /** The newest update this page shows: the domain rejects the form if another was published since. */
  latestUpdateId: string;
  /** Who is writing: drafts are kept per author and incident. */
  draftScope: string;
  timeZone: string;
  initialBody: string;
  bodyLabel: string;
  submitLabel: string;
  pendingLabel: string;
  variant?: "primary" | "danger";
  /** Fields before the body (state, components, dates). */
  fields?: (errors: Record<string, string>) => ReactNode;
  /** The state this form publishes with when it has no state field (resolve), for the chat preview. */
  previewState?: string;
  /** Buttons that rewrite the body, such as "Holding statement". */
  bodyTools?: (setBody: (body: string) => void) => ReactNode;
};

/**
 * The shared shape of publish, resolve and reopen: public Markdown body with
 * live preview, internal fields, notify toggle. A rejected submit keeps every
 * field; a successful one starts the form afresh from its template. What is
 * typed is kept in the browser until published, so a reload loses nothing.
 */
export function UpdateForm(props: UpdateFormProps) {
  const [state, action, pending] = useActionState<IncidentActionState, FormData>(
    props.action,
    initialActionState,
  );
  const [seen, setSeen] = useState(state);
  const [generation, setGeneration] = useState(0);
  const [body, setBody] = useState(props.initialBody);
  // An untouched body follows its template (the composer's changes with the chosen state).
  const [template, setTemplate] = useState(props.initialBody);
  if (template !== props.initialBody) {
    setTemplate(props.initialBody);
    if (body === template) setBody(props.initialBody);
  }
  const [typing, setTyping] = useState(false);
  /** The writer's own change of the body (typed, restored, or a "Holding statement" button). */
  const edit = (next: string) => {
    setTyping(true);
    setBody(next);
  };
  const draft = useUpdateDraft({
    key: `herald:draft:${props.draftScope}:${props.name}`,
    initialBody: props.initialBody,
    setBody: edit,
  });
  // The update the writer's text answers to. The page refreshes on its own (live
  // delivery counts), so once they type it is pinned: another lead's publish must
  // surface as a conflict, not slip in silently. Seeing that conflict moves it on.
  const [base, setBase] = useState(props.latestUpdateId);
  if (!typing && base !== props.latestUpdateId) setBase(props.latestUpdateId);
  // Adjust state while rendering (React's documented pattern) when a new result arrives.
  if (state !== seen) {
    setSeen(state);
    if (state.ok) {
      setGeneration((g) => g + 1);
      setBody(props.initialBody);
      setTyping(false);
    } else if (state.meanwhile?.length) {
      setBase(state.meanwhile[state.meanwhile.length - 1]!.id);
    }
  }
  const { clear, save, container } = draft;
  useEffect(() => {
    if (state.ok) clear();
  }, [state, clear]);
  // Buttons such as "Holding statement" change the body without typing: keep that too.
  useEffect(() => {
    const form = container.current?.querySelector("form");
    if (form && body !== props.initialBody) save(form);
  }, [body, props.initialBody, save, container]);

  const discard = () => {
    clear();
    setTyping(false);
    setBody(props.initialBody);
    setGeneration((g) => g + 1);
  };
  const f = state.fields ?? {};
  return (
    <div ref={container} className="flex flex-col gap-3">
      {draft.restoredAt && (
        <p className="flex flex-wrap items-center gap-3 rounded-md bg-sky-50 p-2 text-sm text-sky-950 dark:bg-sky-950 dark:text-sky-100">
          <span>
            Restored your unpublished draft (last typed{" "}
            {formatStamp(draft.restoredAt, props.timeZone)}).
          </span>
          <Button variant="secondary" onClick={discard}>
            Discard draft
          </Button>
        </p>
      )}
      <ActionForm
        key={generation}
        action={action}
        onInput={(event) => {
          setTyping(true);
          save(event.currentTarget);
        }}
        className="flex flex-col gap-4"
        aria-label={props.submitLabel}
      >
        <input type="hidden" name="incidentId" value={props.incidentId} />
        <input type="hidden" name="expectedLatestUpdateId" value={base} />
        {props.fields?.(f)}
        {props.bodyTools && <div className="flex flex-wrap gap-2">{props.bodyTools(edit)}</div>}
        <MarkdownField
          label={props.bodyLabel}
          name="body"
          id={`${props.name}-body`}
          value={body}
          onChange={setBody}
          error={f.body}
        />
        <InternalFields errors={f} timeZone={props.timeZone} />
        <NotifyToggle />
        {state.meanwhile && state.meanwhile.length > 0 && (
          <PublishedMeanwhile updates={state.meanwhile} timeZone={props.timeZone} />
        )}
        <div>
          <Button
            type="submit"
            variant={props.variant}
            pending={pending}
            pendingLabel={props.pendingLabel}
          >
            {state.meanwhile?.length ? `${props.submitLabel} anyway` : props.submitLabel}
          </Button>
        </div>
      </ActionForm>
      <FormMessage ok={state.ok} message={state.message} />
      <ChatPreview container={container} state={props.previewState} />
    </div>
  );
}
