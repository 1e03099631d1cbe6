"use client";
import { Button } from "@/components/ui/button";
import { ZonedDateTimeField } from "@/components/ui/zoned-datetime-field";
import { InlineActionForm } from "@/components/admin/inline-action-form";
import type { MaintenanceState } from "@/lib/db/schema/enums";
import {
  extendMaintenanceAction,
  stopRepeatingAction,
  transitionMaintenanceAction,
} from "../actions";

/** The next lifecycle steps offered for each state (the domain enforces the same rules). */
const STEPS: Partial<
  Record<MaintenanceState, readonly (readonly [step: string, label: string])[]>
> = {
  scheduled: [
    ["start", "Start now"],
    ["cancel", "Cancel"],
  ],
  in_progress: [
    ["verify", "Verifying"],
    ["complete", "Complete"],
  ],
  verifying: [["complete", "Complete"]],
};

export function MaintenanceControls({
  id,
  title,
  state,
  repeats,
  timeZone,
}: {
  id: string;
  title: string;
  state: MaintenanceState;
  repeats: boolean;
  /** The page's time zone: a new end is entered as its clock reads. */
  timeZone: string;
}) {
  const steps = STEPS[state] ?? [];
  const stop = repeats && (
    <InlineActionForm action={stopRepeatingAction} label={`Stop repeating ${title}`}>
      {(_state, pending) => (
        <>
          <input type="hidden" name="maintenanceId" value={id} />
          <Button type="submit" variant="secondary" pending={pending}>
            Stop repeating
          </Button>
        </>
      )}
    </InlineActionForm>
  );
  if (steps.length === 0) return stop || null;
  return (
    <div className="flex flex-wrap items-start gap-4">
      {stop}
      <InlineActionForm
        action={transitionMaintenanceAction}
        label={`Change state of ${title}`}
        className="flex gap-2"
      >
        {(_state, pending) => (
          <>
            <input type="hidden" name="maintenanceId" value={id} />
            {steps.map(([step, label]) => (
              <Button
                key={step}
                type="submit"
                name="step"
                value={step}
                variant={step === "cancel" ? "danger" : "secondary"}
                pending={pending}
              >
                {label}
              </Button>
            ))}
          </>
        )}
      </InlineActionForm>
      <details>
        <summary className="cursor-pointer text-sm">Extend window</summary>
        <InlineActionForm
          action={extendMaintenanceAction}
          label={`Extend ${title}`}
          className="mt-2 flex flex-wrap items-end gap-2"
        >
          {(result, pending) => (
            <>
              <input type="hidden" name="maintenanceId" value={id} />
              <input type="hidden" name="notify" value="on" />
              <ZonedDateTimeField
                label="New end"
                name="scheduledUntil"
                timeZone={timeZone}
                error={result.fields?.scheduledUntil}
              />
              <Button type="submit" variant="secondary" pending={pending} pendingLabel="Extending…">
                Extend
              </Button>
            </>
          )}
        </InlineActionForm>
      </details>
    </div>
  );
}
