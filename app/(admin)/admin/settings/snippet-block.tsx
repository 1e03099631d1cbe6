"use client";
import { useId, useRef, useState } from "react";

/** A labelled, read-only code snippet with a copy button. */
export function SnippetBlock({ label, code }: { label: string; code: string }) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [feedback, setFeedback] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setFeedback("Copied");
    } catch {
      // The clipboard API needs HTTPS (or localhost); fall back to a selection the user can copy.
      textarea.current?.select();
      setFeedback("Selected: press Ctrl+C or ⌘C");
    }
    setTimeout(() => setFeedback(""), 3000);
  }
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <span className="flex items-center gap-2">
          {/* Not role="status": the settings form owns the page's status message. */}
          <span aria-live="polite" className="text-sm text-green-800 dark:text-green-400">
            {feedback}
          </span>
          <button
            type="button"
            onClick={copy}
            aria-label={`Copy ${label}`}
            className="rounded-md border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700"
          >
            Copy
          </button>
        </span>
      </div>
      <textarea
        id={id}
        ref={textarea}
        readOnly
        value={code}
        rows={3}
        onFocus={(e) => e.currentTarget.select()}
        className="field-sizing-content resize-none rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
    </div>
  );
}
