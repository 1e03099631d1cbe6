import type { ComponentStatus } from "@/lib/db/schema/enums";
import { STATUS_LABELS } from "@/lib/components/status";

const COLOR: Record<ComponentStatus, string> = {
  operational: "text-operational",
  degraded_performance: "text-degraded",
  partial_outage: "text-partial",
  major_outage: "text-major",
  under_maintenance: "text-maintenance",
};

/** A status shown as text with a coloured marker; colour is never the only cue. */
export function StatusLabel({ status }: { status: ComponentStatus }) {
  return (
    <span className={`inline-flex items-center gap-1.5 text-sm font-medium ${COLOR[status]}`}>
      <span aria-hidden="true">●</span>
      {STATUS_LABELS[status]}
    </span>
  );
}
