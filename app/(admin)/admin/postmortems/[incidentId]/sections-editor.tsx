"use client";
import { useCallback, useMemo, useState, useTransition } from "react";
import type { PostmortemSections } from "@/lib/db/schema";
import { blamelessHints } from "@/lib/postmortems/blameless-hints";
import { MarkdownBody } from "@/components/ui/markdown-body";
import { publishAction } from "./actions";
import { saveDraftRequest } from "./save-draft-request";
import { useAutosave } from "./use-autosave";
import { formatTime } from "@/lib/time/format";

const FIELDS: {
  key: Exclude<keyof PostmortemSections, "fiveWhys">;
  label: string;
  hint: string;
}[] = [
  {
    key: "summary",
    label: "Summary",
    hint: "Two or three sentences a customer can read on their own.",
  },
  { key: "impact", label: "Impact", hint: "Who was affected, for how long, and how much." },
  {
    key: "timeline",
    label: "Timeline",
    hint: "Prefilled from the incident's updates; edit freely.",
  },
  { key: "rootCause", label: "Root cause", hint: "What in the system allowed this to happen?" },
  { key: "resolution", label: "Resolution", hint: "What fixed it." },
  { key: "wentWell", label: "What went well", hint: "" },
  {
    key: "wentBadly",
    label: "What did not go well",
    hint: "Describe conditions and gaps, not people.",
  },
];

type Props = {
  incidentId: string;
  initial: PostmortemSections;
  updatedAt: string;
  peopleNames: string[];
  canEdit: boolean;
  publishedRevision: number;
  /** The page's zone: "Draft saved 14:05 CET", the same clock on server and browser. */
  timeZone: string;
};

export function SectionsEditor({
  incidentId,
  initial,
  updatedAt,
  peopleNames,
  canEdit,
  publishedRevision,
  timeZone,
}: Props) {
  const [sections, setSections] = useState<PostmortemSections>({
    ...initial,
    fiveWhys: initial.fiveWhys ?? ["", "", "", "", ""],
  });
  const [preview, setPreview] = useState(false);
  const [publishing, startPublish] = useTransition();
  const [outcome, setOutcome] = useState<{
    ok: boolean;
    message?: string;
    fields?: Record<string, string>;
  } | null>(null);
  const save = useCallback(
    (value: PostmortemSections, version: string) => saveDraftRequest(incidentId, value, version),
    [incidentId],
  );
  const status = useAutosave(sections, updatedAt, save);
  const hints = useMemo(() => blamelessHints(sections, peopleNames), [sections, peopleNames]);
  const set = (key: keyof PostmortemSections, value: string | string[]) =>
    setSections((s) => ({ ...s, [key]: value }));

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => setPreview((p) => !p)}
          aria-pressed={preview}
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
        >
          {preview ? "Back to editing" : "Preview"}
        </button>
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {status.kind === "saved" && `Draft saved ${formatTime(status.at, timeZone)}`}
          {status.kind === "dirty" && "Unsaved changes…"}
          {status.kind === "saving" && "Saving…"}
          {status.kind === "error" && (
            <span className="text-red-700 dark:text-red-400">{status.message}</span>
          )}
        </p>
      </div>
      {hints.length > 0 && (
        <aside
          aria-label="Blameless wording hints"
          className="rounded-md border border-amber-400 p-3 text-sm"
        >
          <p className="font-medium">Blameless wording hints (advisory)</p>
          <ul className="mt-1 list-disc pl-5">
            {hints.map((h, i) => (
              <li key={i}>
                <q>{h.match}</q> in {FIELDS.find((f) => f.key === h.section)?.label ?? "5 whys"}:{" "}
                {h.message}
              </li>
            ))}
          </ul>
        </aside>
      )}
      {FIELDS.map((f) => (
        <div key={f.key} className="flex flex-col gap-1">
          <label htmlFor={`pm-${f.key}`} className="font-medium">
            {f.label}
          </label>
          {f.hint && <p className="text-sm text-zinc-600 dark:text-zinc-400">{f.hint}</p>}
          {preview ? (
            <MarkdownBody
              markdown={sections[f.key]}
              className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
            />
          ) : (
            <textarea
              id={`pm-${f.key}`}
              value={sections[f.key]}
              onChange={(e) => set(f.key, e.target.value)}
              readOnly={!canEdit}
              rows={f.key === "timeline" ? 10 : 5}
              className="rounded-md border border-zinc-300 bg-white p-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
            />
          )}
          {outcome?.fields?.[f.key] && (
            <p className="text-sm text-red-700 dark:text-red-400">{outcome.fields[f.key]}</p>
          )}
          {f.key === "rootCause" && !preview && (
            <fieldset className="mt-2 flex flex-col gap-1 border-l-2 border-zinc-200 pl-3 dark:border-zinc-700">
              <legend className="text-sm font-medium">5 whys (optional)</legend>
              {sections.fiveWhys!.map((w, i) => (
                <input
                  key={i}
                  aria-label={`Why ${i + 1}`}
                  value={w}
                  readOnly={!canEdit}
                  onChange={(e) =>
                    set(
                      "fiveWhys",
                      sections.fiveWhys!.map((x, j) => (j === i ? e.target.value : x)),
                    )
                  }
                  className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
                />
              ))}
            </fieldset>
          )}
        </div>
      ))}
      {canEdit && (
        <div className="flex items-center gap-3">
          <button
            type="button"
            disabled={publishing || status.kind !== "saved"}
            onClick={() => startPublish(async () => setOutcome(await publishAction(incidentId)))}
            className="rounded-md bg-brand px-4 py-2 font-medium text-white disabled:opacity-60"
          >
            {publishedRevision === 0
              ? "Publish postmortem"
              : `Publish revision ${publishedRevision + 1}`}
          </button>
          {outcome && (
            <p
              className={
                outcome.ok ? "text-green-800 dark:text-green-400" : "text-red-700 dark:text-red-400"
              }
            >
              {outcome.message}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
