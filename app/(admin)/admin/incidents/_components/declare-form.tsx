"use client";
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { ZonedDateTimeField } from "@/components/ui/zoned-datetime-field";
import { SelectField } from "@/components/ui/select-field";
import { MarkdownField } from "@/components/admin/markdown-field";
import { initialActionState } from "@/lib/action-state";
import { defaultCadenceMinutes, type CadenceDefaults } from "@/lib/cadence/cadence-state";
import {
  IMPACTS,
  SEVERITIES,
  type ComponentStatus,
  type IncidentState,
  type Severity,
} from "@/lib/db/schema/enums";
import { composerTemplate } from "@/lib/incidents/update-text";
import { IMPACT_BY_SEVERITY, SEVERITY_LABELS, STATE_LABELS } from "@/lib/incidents/severity";
import { declareIncidentAction } from "../actions";
import { ComponentStatusPicker, type PickableComponent } from "./component-status-picker";
import { InternalFields, NotifyToggle } from "./internal-fields";
import { CADENCE_CHOICES, cadenceLabel } from "./cadence-choices";

/** What a template fills in; everything stays editable. */
export type DeclarePrefill = {
  title: string;
  severity: Severity;
  componentIds: readonly string[];
  body: string;
};

/** A template names components, not statuses: start them at the status its severity suggests. */
const STATUS_BY_SEVERITY: Record<Severity, ComponentStatus> = {
  SEV1: "major_outage",
  SEV2: "partial_outage",
  SEV3: "degraded_performance",
  SEV4: "degraded_performance",
};

export function DeclareForm({
  components,
  cadenceDefaults,
  prefill,
  timeZone,
}: {
  components: PickableComponent[];
  cadenceDefaults: CadenceDefaults;
  prefill?: DeclarePrefill;
  /** The page's time zone: "Started at" is entered as its clock reads. */
  timeZone: string;
}) {
  const [state, action, pending] = useActionState(declareIncidentAction, initialActionState);
  const f = state.fields ?? {};
  const [severity, setSeverity] = useState<Severity>(prefill?.severity ?? "SEV1");
  const known = new Set(components.map((c) => c.id));
  const prefilled = Object.fromEntries(
    (prefill?.componentIds ?? [])
      .filter((id) => known.has(id))
      .map((id) => [id, STATUS_BY_SEVERITY[prefill!.severity]]),
  );
  const [incidentState, setIncidentState] = useState<IncidentState>("investigating");
  const [cadence, setCadence] = useState("default");
  const [affected, setAffected] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(Object.keys(prefilled).map((id) => [id, true])),
  );
  // The first update follows the choices above until the user writes in it (or a template supplies it).
  const [body, setBody] = useState<string | null>(prefill?.body ?? null);
  const cadenceMinutes =
    cadence === "default"
      ? defaultCadenceMinutes(cadenceDefaults, severity)
      : cadence === "none"
        ? null
        : Number(cadence);
  const names = components.filter((c) => affected[c.id]).map((c) => c.name);
  const template = composerTemplate({
    state: incidentState,
    componentNames: names,
    cadenceMinutes,
  });

  return (
    <ActionForm action={action} className="flex flex-col gap-5" aria-label="Declare incident">
      <Field
        label="Title"
        name="title"
        required
        defaultValue={prefill?.title}
        error={f.title}
        hint="What customers experience, e.g. “Errors signing in”."
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Severity"
          name="severity"
          value={severity}
          onChange={(e) => setSeverity(e.currentTarget.value as Severity)}
          options={SEVERITIES.map((s) => [s, SEVERITY_LABELS[s]])}
          error={f.severity}
        />
        <SelectField
          label="Impact"
          name="impact"
          defaultValue=""
          options={[
            ["", `From severity (${IMPACT_BY_SEVERITY[severity]})`],
            ...IMPACTS.map((i) => [i, i] as const),
          ]}
          error={f.impact}
        />
        <SelectField
          label="State"
          name="state"
          value={incidentState}
          onChange={(e) => setIncidentState(e.currentTarget.value as IncidentState)}
          options={(["investigating", "identified", "monitoring"] as const).map((s) => [
            s,
            STATE_LABELS[s],
          ])}
          error={f.state}
        />
        <SelectField
          label="Update cadence"
          name="cadence"
          value={cadence}
          onChange={(e) => setCadence(e.currentTarget.value)}
          options={[
            [
              "default",
              `Default for ${severity} (${cadenceLabel(defaultCadenceMinutes(cadenceDefaults, severity))})`,
            ],
            ...CADENCE_CHOICES,
          ]}
          error={f.cadence}
        />
      </div>
      <ZonedDateTimeField
        label="Started at (optional)"
        name="startedAt"
        timeZone={timeZone}
        error={f.startedAt}
        hint="Leave empty for now; set it if the problem began earlier."
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Affected components</legend>
        <ComponentStatusPicker
          components={components}
          blank="Not affected"
          initial={prefilled}
          error={f.components}
          onChange={(id, status) => setAffected((a) => ({ ...a, [id]: status !== "" }))}
        />
      </fieldset>
      <MarkdownField
        label="First public update"
        name="body"
        value={body ?? template}
        onChange={setBody}
        error={f.body}
      />
      <InternalFields errors={f} timeZone={timeZone} />
      <NotifyToggle />
      <FormMessage ok={state.ok} message={state.message} />
      <div>
        <Button type="submit" pending={pending} pendingLabel="Declaring…">
          Declare incident
        </Button>
      </div>
    </ActionForm>
  );
}
