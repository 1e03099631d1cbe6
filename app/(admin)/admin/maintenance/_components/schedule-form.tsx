"use client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ZonedDateTimeField } from "@/components/ui/zoned-datetime-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { InlineActionForm } from "@/components/admin/inline-action-form";
import { scheduleMaintenanceAction } from "../actions";

const REPEATS = [
  ["none", "Does not repeat"],
  ["daily", "Every day"],
  ["weekly", "Every week"],
  ["monthly", "Every month"],
] as const;

const CHECKS = [
  ["autoStart", "Start automatically at the start time"],
  ["autoComplete", "Complete automatically at the end time"],
  ["notify", "Notify subscribers"],
] as const;

export function ScheduleForm({
  components,
  timeZone,
}: {
  components: { id: string; label: string }[];
  /** The page's time zone: windows are entered as its clock reads. */
  timeZone: string;
}) {
  return (
    <InlineActionForm
      action={scheduleMaintenanceAction}
      label="Schedule maintenance"
      className="flex flex-col gap-4"
    >
      {(state, pending) => {
        const f = state.fields ?? {};
        return (
          <>
            <Field
              label="Title"
              name="title"
              id="maintenance-title"
              defaultValue={state.values?.title}
              error={f.title}
              required
            />
            <div className="grid gap-3 sm:grid-cols-2">
              <ZonedDateTimeField
                label="Starts"
                name="scheduledFor"
                timeZone={timeZone}
                error={f.scheduledFor}
              />
              <ZonedDateTimeField
                label="Ends"
                name="scheduledUntil"
                timeZone={timeZone}
                error={f.scheduledUntil}
              />
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              <div className="flex flex-col gap-1">
                <label htmlFor="maintenance-repeat" className="text-sm font-medium">
                  Repeats
                </label>
                <select
                  id="maintenance-repeat"
                  name="repeat"
                  defaultValue={state.values?.repeat ?? "none"}
                  className="max-w-full rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
                >
                  {REPEATS.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
                {f.repeat && <p className="text-sm text-red-700 dark:text-red-400">{f.repeat}</p>}
              </div>
              <ZonedDateTimeField
                label="Repeat until (optional)"
                name="repeatUntil"
                timeZone={timeZone}
                error={f.repeatUntil}
                hint="Each occurrence is scheduled when the one before it starts."
              />
            </div>
            <fieldset className="flex flex-col gap-1">
              <legend className="mb-1 text-sm font-medium">Affected components</legend>
              <div className="grid gap-1 sm:grid-cols-2">
                {components.map((c) => (
                  <label key={c.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="components" value={c.id} className="size-4" />{" "}
                    {c.label}
                  </label>
                ))}
              </div>
              {f.components && (
                <p className="text-sm text-red-700 dark:text-red-400">{f.components}</p>
              )}
            </fieldset>
            <TextareaField
              label="Public description (Markdown)"
              name="body"
              id="maintenance-body"
              rows={4}
              defaultValue={state.values?.body}
              error={f.body}
            />
            <div className="flex flex-wrap gap-4 text-sm">
              {CHECKS.map(([name, label]) => (
                <label key={name} className="flex items-center gap-2">
                  <input type="checkbox" name={name} defaultChecked className="size-4" /> {label}
                </label>
              ))}
            </div>
            <div>
              <Button type="submit" pending={pending} pendingLabel="Scheduling…">
                Schedule maintenance
              </Button>
            </div>
          </>
        );
      }}
    </InlineActionForm>
  );
}
