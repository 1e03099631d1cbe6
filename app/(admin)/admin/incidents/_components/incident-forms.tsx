"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ZonedDateTimeField } from "@/components/ui/zoned-datetime-field";
import { SelectField } from "@/components/ui/select-field";
import { INCIDENT_STATES, type IncidentState } from "@/lib/db/schema/enums";
import { composerTemplate, holdingStatement, renderSections } from "@/lib/incidents/update-text";
import { STATE_LABELS } from "@/lib/incidents/severity";
import { publishUpdateAction, reopenIncidentAction, resolveIncidentAction } from "../actions";
import { ComponentStatusPicker, type PickableComponent } from "./component-status-picker";
import { UpdateForm } from "./update-form";

export type IncidentFormContext = {
  incidentId: string;
  latestUpdateId: string;
  /** The signed-in author and the incident: drafts are kept per both. */
  draftScope: string;
  timeZone: string;
  state: IncidentState;
  cadenceMinutes: number | null;
  /** The latest update's body, for what the composer carries forward. */
  previousBody: string;
  /** Saved templates any update may start from. */
  templates: { id: string; name: string; body: string }[];
  /** Affected components first (with their current status), then the rest. */
  affected: PickableComponent[];
  others: PickableComponent[];
};

function ComponentFields({ context, error }: { context: IncidentFormContext; error?: string }) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">Component status</legend>
      <ComponentStatusPicker components={context.affected} error={error} />
      {context.others.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm">
            Other components ({context.others.length})
          </summary>
          <div className="mt-2">
            <ComponentStatusPicker components={context.others} />
          </div>
        </details>
      )}
    </fieldset>
  );
}

/** Publish an update: state moves forward only, so earlier states are not offered. */
export function Composer({ context }: { context: IncidentFormContext }) {
  const names = context.affected.map((c) => c.name);
  const [chosen, setChosen] = useState<IncidentState>(context.state);
  // The page may move on (another lead's update): a state no longer offered falls back to the current one.
  const state =
    INCIDENT_STATES.indexOf(chosen) < INCIDENT_STATES.indexOf(context.state)
      ? context.state
      : chosen;
  const text = {
    state,
    componentNames: names,
    cadenceMinutes: context.cadenceMinutes,
    previousBody: context.previousBody,
  };
  const states = INCIDENT_STATES.filter(
    (s) => s !== "resolved" && INCIDENT_STATES.indexOf(s) >= INCIDENT_STATES.indexOf(context.state),
  );
  return (
    <UpdateForm
      name="composer"
      action={publishUpdateAction}
      incidentId={context.incidentId}
      latestUpdateId={context.latestUpdateId}
      draftScope={context.draftScope}
      timeZone={context.timeZone}
      initialBody={composerTemplate(text)}
      bodyLabel="Public update"
      submitLabel="Publish update"
      pendingLabel="Publishing…"
      fields={(f) => (
        <>
          <SelectField
            label="State"
            name="state"
            id="composer-state"
            value={state}
            onChange={(e) => setChosen(e.currentTarget.value as IncidentState)}
            options={states.map((s) => [s, STATE_LABELS[s]])}
            error={f.state}
          />
          <ComponentFields context={context} error={f.components} />
          <div className="grid gap-3 sm:grid-cols-2">
            <ZonedDateTimeField
              label="Next update by"
              name="nextUpdateBy"
              timeZone={context.timeZone}
              error={f.nextUpdateBy}
              hint={
                context.cadenceMinutes
                  ? `Leave empty for the cadence: ${context.cadenceMinutes} min after this update.`
                  : "Optional: this incident has no cadence."
              }
            />
            <Field
              label="Why later than the cadence (console only)"
              name="nextUpdateReason"
              error={f.nextUpdateReason}
              hint="Needed only for a later promise; customers never see it."
            />
          </div>
          <details>
            <summary className="cursor-pointer text-sm">Backdate this update</summary>
            <div className="mt-2">
              <ZonedDateTimeField
                label="Display time"
                name="displayAt"
                timeZone={context.timeZone}
                error={f.displayAt}
                hint="Leave empty to publish as of now."
              />
            </div>
          </details>
        </>
      )}
      bodyTools={(setBody) => (
        <>
          {context.templates.length > 0 && (
            <TemplateChoice templates={context.templates} onUse={setBody} />
          )}
          <Button variant="secondary" onClick={() => setBody(holdingStatement(text))}>
            Holding statement
          </Button>
          <Button variant="secondary" onClick={() => setBody(composerTemplate(text))}>
            Reset to template
          </Button>
        </>
      )}
    />
  );
}

export function ResolveForm({ context }: { context: IncidentFormContext }) {
  const names = context.affected.map((c) => c.name).join(", ") || "all services";
  return (
    <UpdateForm
      name="resolve"
      previewState="resolved"
      action={resolveIncidentAction}
      incidentId={context.incidentId}
      latestUpdateId={context.latestUpdateId}
      draftScope={context.draftScope}
      timeZone={context.timeZone}
      initialBody={renderSections([
        [
          "Current status",
          `This incident has been resolved. ${names} ${context.affected.length === 1 ? "is" : "are"} operating normally.`,
        ],
        ["Next steps", "We are reviewing what happened to prevent it from recurring."],
      ])}
      bodyLabel="Resolution update"
      submitLabel="Resolve incident"
      pendingLabel="Resolving…"
      variant="danger"
      fields={(f) => (
        <>
          <p className="text-sm">Resolving sets every affected component back to operational.</p>
          <Field
            label="RCA by (optional)"
            name="rcaDueOn"
            type="date"
            error={f.rcaDueOn}
            hint="Promise customers a root-cause analysis by this date."
          />
        </>
      )}
    />
  );
}

export function ReopenForm({ context }: { context: IncidentFormContext }) {
  return (
    <UpdateForm
      name="reopen"
      action={reopenIncidentAction}
      incidentId={context.incidentId}
      latestUpdateId={context.latestUpdateId}
      draftScope={context.draftScope}
      timeZone={context.timeZone}
      initialBody={renderSections([
        ["Current status", "We are seeing the problem again and are investigating."],
      ])}
      bodyLabel="Why it is open again"
      submitLabel="Reopen incident"
      pendingLabel="Reopening…"
      fields={(f) => (
        <>
          <SelectField
            label="State"
            name="state"
            id="reopen-state"
            defaultValue="investigating"
            options={(["investigating", "identified", "monitoring"] as const).map((s) => [
              s,
              STATE_LABELS[s],
            ])}
            error={f.state}
          />
          <ComponentFields context={context} error={f.components} />
        </>
      )}
    />
  );
}

/** Start this update from a saved template (Statuspage offers templates for every update, not only the first). */
function TemplateChoice({
  templates,
  onUse,
}: {
  templates: IncidentFormContext["templates"];
  onUse: (body: string) => void;
}) {
  const [id, setId] = useState(templates[0]!.id);
  return (
    <span className="flex max-w-full min-w-0 flex-wrap items-center gap-2">
      <label htmlFor="composer-template" className="text-sm">
        Template
      </label>
      <select
        id="composer-template"
        value={id}
        onChange={(e) => setId(e.currentTarget.value)}
        className="max-w-full min-w-0 rounded-md border border-zinc-300 px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <Button
        variant="secondary"
        onClick={() => onUse(templates.find((t) => t.id === id)?.body ?? "")}
      >
        Use template
      </Button>
    </span>
  );
}
