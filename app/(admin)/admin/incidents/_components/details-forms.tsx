"use client";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { initialActionState } from "@/lib/action-state";
import { IMPACTS, SEVERITIES, type Impact, type Severity } from "@/lib/db/schema/enums";
import { IMPACT_BY_SEVERITY } from "@/lib/incidents/severity";
import { editDetailsAction, handOverAction } from "../actions";
import { CADENCE_CHOICES, cadenceLabel } from "./cadence-choices";
import { ComponentStatusPicker, type PickableComponent } from "./component-status-picker";

export type IncidentDetails = {
  incidentId: string;
  title: string;
  severity: Severity;
  impact: Impact;
  impactOverridden: boolean;
  cadenceMinutes: number | null;
  /** The cadence is the page's default for the severity: it then follows a severity change. */
  cadenceIsDefault: boolean;
  /** The incident's own status for each affected component. */
  affected: Record<string, string>;
};

/** Correct title, severity, impact, cadence and components of an open incident (audited). */
export function EditDetailsForm({
  details,
  components,
}: {
  details: IncidentDetails;
  components: PickableComponent[];
}) {
  const [state, action, pending] = useActionState(editDetailsAction, initialActionState);
  const f = state.fields ?? {};
  const cadence = details.cadenceMinutes === null ? "none" : String(details.cadenceMinutes);
  const cadenceOptions: (readonly [string, string])[] = [...CADENCE_CHOICES];
  if (!cadenceOptions.some(([v]) => v === cadence))
    cadenceOptions.unshift([cadence, cadenceLabel(details.cadenceMinutes)]);
  return (
    <div className="flex flex-col gap-3">
      <ActionForm action={action} className="flex flex-col gap-4" aria-label="Edit details">
        <input type="hidden" name="incidentId" value={details.incidentId} />
        <Field
          label="Incident title"
          name="title"
          required
          defaultValue={details.title}
          error={f.title}
          hint="A new title shows on the public page, with the old one in its history."
        />
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            label="Incident severity"
            name="severity"
            id="details-severity"
            defaultValue={details.severity}
            options={SEVERITIES.map((s) => [s, `${s} (${IMPACT_BY_SEVERITY[s]})`])}
            error={f.severity}
          />
          <SelectField
            label="Incident impact"
            name="impact"
            id="details-impact"
            defaultValue={details.impactOverridden ? details.impact : ""}
            options={[
              ["", `From severity (${IMPACT_BY_SEVERITY[details.severity]})`],
              ...IMPACTS.map((i) => [i, i] as const),
            ]}
            error={f.impact}
          />
          <SelectField
            label="Incident cadence"
            name="cadence"
            id="details-cadence"
            defaultValue={details.cadenceIsDefault ? "default" : cadence}
            options={[["default", "Default for the severity"], ...cadenceOptions]}
            error={f.cadence}
            hint="Applies from the next update; the time already promised stays."
          />
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Affected components</legend>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            “Not affected” takes a component off this incident and sets it back to operational.
          </p>
          <ComponentStatusPicker
            components={components}
            blank="Not affected"
            was={details.affected}
            idPrefix="details-component"
            error={f.components}
          />
        </fieldset>
        <div>
          <Button type="submit" pending={pending} pendingLabel="Saving…">
            Save details
          </Button>
        </div>
      </ActionForm>
      <FormMessage ok={state.ok} message={f._form ?? state.message} />
    </div>
  );
}

/** Hand the comms lead role (and the cadence reminders) to another editor. */
export function HandOverForm({
  incidentId,
  candidates,
}: {
  incidentId: string;
  candidates: { id: string; email: string }[];
}) {
  const [state, action, pending] = useActionState(handOverAction, initialActionState);
  if (candidates.length === 0)
    return <p className="text-sm">There is no other editor to hand over to.</p>;
  return (
    <div className="flex flex-col gap-2">
      <ActionForm action={action} className="flex flex-wrap items-end gap-3" aria-label="Hand over">
        <input type="hidden" name="incidentId" value={incidentId} />
        <SelectField
          label="New comms lead"
          name="commsLeadId"
          id="handover-lead"
          options={candidates.map((c) => [c.id, c.email])}
          error={state.fields?.commsLeadId}
        />
        <Button type="submit" pending={pending} pendingLabel="Handing over…">
          Hand over
        </Button>
      </ActionForm>
      <FormMessage ok={state.ok} message={state.message} />
    </div>
  );
}
