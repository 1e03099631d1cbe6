import { Field } from "@/components/ui/field";
import { TextareaField } from "@/components/ui/textarea-field";
import { zoneAbbreviation } from "@/lib/time/wall-clock";

/** What only internal stakeholders see; sent with the public body in their email. */
export function InternalFields({
  errors,
  values = {},
  timeZone,
}: {
  errors: Record<string, string>;
  values?: Record<string, string>;
  /** The page's time zone, the one an example ETA is given in. */
  timeZone: string;
}) {
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-sm font-medium">
        Internal stakeholders only (never public)
      </legend>
      <TextareaField
        label="Internal note"
        name="internalNote"
        rows={2}
        defaultValue={values.internalNote}
        error={errors.internalNote}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label="Business impact"
          name="businessImpact"
          defaultValue={values.businessImpact}
          error={errors.businessImpact}
        />
        <Field
          label="ETA"
          name="eta"
          defaultValue={values.eta}
          error={errors.eta}
          hint={`e.g. “fix deploying, ~15:00 ${zoneAbbreviation(new Date(), timeZone)}”`}
        />
      </div>
    </fieldset>
  );
}

/** The notify toggle, on by default: most updates should reach subscribers. */
export function NotifyToggle({ defaultChecked = true }: { defaultChecked?: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name="notify" defaultChecked={defaultChecked} className="size-4" />
      Notify subscribers and stakeholders
    </label>
  );
}
