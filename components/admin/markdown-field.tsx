"use client";
import { useId } from "react";
import { TextareaField } from "@/components/ui/textarea-field";
import { dropEmptySections } from "@/lib/incidents/update-text";
import { MarkdownBody } from "@/components/ui/markdown-body";
import { markdownWarnings } from "@/lib/markdown/render-markdown";

/**
 * The public body editor: Markdown on the left, the sanitized result on the
 * right exactly as the status page will render it (empty template sections dropped, as on publish). Controlled, so buttons such
 * as "Holding statement" can replace the text.
 */
export function MarkdownField({
  label,
  name,
  value,
  onChange,
  error,
  id,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  id?: string;
}) {
  const previewId = useId();
  const published = dropEmptySections(value);
  const warnings = markdownWarnings(published);
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <TextareaField
        label={label}
        name={name}
        id={id}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        hint="Markdown: **bold**, - lists, [links](https://…)."
        rows={12}
        className="font-mono text-sm"
      />
      <section aria-labelledby={previewId} className="flex flex-col gap-1">
        <h3 id={previewId} className="text-sm font-medium">
          Preview
        </h3>
        <MarkdownBody
          markdown={published}
          testId="markdown-preview"
          className="min-h-40 rounded-md border border-dashed border-zinc-300 p-3 text-sm dark:border-zinc-700"
        />
        {warnings.length > 0 && (
          <ul
            aria-label="Publishing will change"
            className="list-disc rounded-md bg-amber-50 py-2 pr-2 pl-6 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50"
          >
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
