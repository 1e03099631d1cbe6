import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** The per-component choice every subscriber form offers; none ticked means every component. */
export function ComponentChoice({
  components,
  name = "components",
}: {
  components: { id: string; name: string }[];
  name?: string;
}) {
  return (
    <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
      <legend className="mb-1 text-sm font-medium">Only these components (none ticked: all)</legend>
      {components.map((c) => (
        <label key={c.id} className="flex items-center gap-1 text-sm">
          <input type="checkbox" name={name} value={c.id} /> {c.name}
        </label>
      ))}
    </fieldset>
  );
}

/** An editor vouching for consent: the subscription starts without its confirmation step. */
export function SkipConfirmation({ children }: { children: ReactNode }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name="skip_confirmation" value="true" /> {children}
    </label>
  );
}

export function AddButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <Button type="submit" pending={pending} pendingLabel="Adding…">
      {children}
    </Button>
  );
}

/** What a number is texted: SMS costs the reader, so state changes only is the default. */
export const SMS_UPDATE_CHOICES: [string, string][] = [
  ["changes", "State changes only"],
  ["all", "Every update"],
];
