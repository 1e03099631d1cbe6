"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import type { PageSettings } from "@/lib/db/schema";
import { saveSettings } from "./actions";

export function SettingsForm({
  settings,
  timeZones,
  canEdit,
}: {
  settings: PageSettings;
  timeZones: string[];
  canEdit: boolean;
}) {
  const [state, action] = useActionState(saveSettings, initialActionState);
  const f = state.fields ?? {};
  // After a rejected save, show what the user typed rather than the stored values.
  const v = (key: string, stored: string | number | null) =>
    state.values?.[key] ?? String(stored ?? "");
  const links = [...settings.supportLinks, { label: "", url: "" }];
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4">
      <input type="hidden" name="expectedUpdatedAt" value={settings.updatedAt.toISOString()} />
      <fieldset disabled={!canEdit} className="flex flex-col gap-4">
        <Field
          label="Page name"
          name="name"
          defaultValue={v("name", settings.name)}
          required
          error={f.name}
        />
        <Field
          label="Public URL"
          name="url"
          type="url"
          defaultValue={v("url", settings.url)}
          required
          error={f.url}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="timeZone" className="text-sm font-medium">
            Time zone
          </label>
          <select
            id="timeZone"
            name="timeZone"
            defaultValue={v("timeZone", settings.timeZone)}
            className="rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
          >
            {timeZones.map((tz) => (
              <option key={tz}>{tz}</option>
            ))}
          </select>
          {f.timeZone && <p className="text-sm text-red-700 dark:text-red-400">{f.timeZone}</p>}
        </div>
        <Field
          label="Logo URL"
          name="logoUrl"
          type="url"
          defaultValue={v("logoUrl", settings.logoUrl)}
          error={f.logoUrl}
        />
        <Field
          label="Brand colour"
          name="brandColor"
          defaultValue={v("brandColor", settings.brandColor)}
          hint="Hex, like #2563eb."
          error={f.brandColor}
        />
        <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <legend className="mb-1 text-sm font-medium">
            Default update cadence (minutes; empty = none)
          </legend>
          {(["cadenceSev1", "cadenceSev2", "cadenceSev3", "cadenceSev4"] as const).map((k, i) => (
            <Field
              key={k}
              label={`SEV${i + 1}`}
              name={k}
              type="number"
              min={5}
              max={1440}
              defaultValue={v(k, settings[k])}
              error={f[k]}
            />
          ))}
        </fieldset>
        <Field
          label="Past incidents on the status page (days)"
          name="pastIncidentDays"
          type="number"
          min={0}
          max={30}
          defaultValue={v("pastIncidentDays", settings.pastIncidentDays)}
          hint="Listed day by day under the components, like Statuspage; 0 hides them. Older ones are in the history."
          error={f.pastIncidentDays}
        />
        <Field
          label="Remind maintenance subscribers (hours before start)"
          name="maintenanceReminderHours"
          defaultValue={v("maintenanceReminderHours", settings.maintenanceReminderHours.join(", "))}
          hint="Each reminder goes once per window, like “24, 1”; empty sends none."
          error={f.maintenanceReminderHours}
        />
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Support links</legend>
          {links.map((l, i) => (
            <div key={i} className="grid grid-cols-2 gap-2">
              <Field label={`Link ${i + 1} label`} name="supportLabel" defaultValue={l.label} />
              <Field
                label={`Link ${i + 1} URL`}
                name="supportUrl"
                type="url"
                defaultValue={l.url}
                error={f[`supportLinks.${i}.url`]}
              />
            </div>
          ))}
        </fieldset>
      </fieldset>
      <FormMessage ok={state.ok} message={state.message} />
      {canEdit && <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>}
    </form>
  );
}
