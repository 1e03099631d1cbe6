import type { ComponentStatus } from "@/lib/db/schema/enums";
import { STATUS_LABELS } from "@/lib/components/status";
import { TEXT, TONE_OF_STATUS } from "./tones";

/** A status shown as text with a coloured marker; colour is never the only cue. */
export function StatusLabel({ status }: { status: ComponentStatus }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1.5 text-sm font-medium ${TEXT[TONE_OF_STATUS[status]]}`}
    >
      <span aria-hidden="true">●</span>
      {STATUS_LABELS[status]}
    </span>
  );
}
