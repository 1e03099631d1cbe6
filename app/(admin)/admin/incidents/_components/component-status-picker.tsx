import { COMPONENT_STATUSES, type ComponentStatus } from "@/lib/db/schema/enums";
import { STATUS_LABELS } from "@/lib/components/status";
import { SelectField } from "@/components/ui/select-field";

/** `label` names the group too (for pickers); `name` is what customers read in update text. */
export type PickableComponent = {
  id: string;
  name: string;
  label: string;
  status: ComponentStatus;
};

const STATUS_OPTIONS = COMPONENT_STATUSES.map((s) => [s, STATUS_LABELS[s]] as const);

/**
 * One status select per component (`component:<id>`), with the status the form
 * showed alongside (`component-was:<id>`) so only real changes are sent.
 * `blank` adds an empty first choice, e.g. "Not affected" when declaring.
 */
export function ComponentStatusPicker({
  components,
  blank,
  initial = {},
  was,
  idPrefix = "component",
  onChange,
  error,
}: {
  components: readonly PickableComponent[];
  blank?: string;
  /** Starting choices by component id (a template's affected components); the "was" value stays the same. */
  initial?: Readonly<Record<string, string>>;
  /** The choice the form shows as current, when not the component's status (an incident's own list). */
  was?: Readonly<Record<string, string>>;
  /** Element ids must be unique when two pickers share a page. */
  idPrefix?: string;
  onChange?: (componentId: string, status: string) => void;
  error?: string;
}) {
  const options = blank ? [["", blank] as const, ...STATUS_OPTIONS] : STATUS_OPTIONS;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {/* Keyed by status: when another lead changes a status, the select starts from the new
          one, so publishing a refreshed form never reverts their change. */}
      {components.map((c) => (
        <div key={`${c.id}:${c.status}:${was?.[c.id] ?? ""}`}>
          <SelectField
            label={c.label}
            name={`component:${c.id}`}
            id={`${idPrefix}-${c.id}`}
            options={options}
            defaultValue={initial[c.id] ?? was?.[c.id] ?? (blank ? "" : c.status)}
            onChange={(e) => onChange?.(c.id, e.currentTarget.value)}
          />
          <input
            type="hidden"
            name={`component-was:${c.id}`}
            value={was?.[c.id] ?? (blank ? "" : c.status)}
          />
        </div>
      ))}
      {error && <p className="text-sm text-red-700 dark:text-red-400">{error}</p>}
    </div>
  );
}
