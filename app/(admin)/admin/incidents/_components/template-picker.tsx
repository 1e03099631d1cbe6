import { SelectField } from "@/components/ui/select-field";
import { Button } from "@/components/ui/button";
import type { IncidentTemplate } from "@/lib/db/schema";

/** A plain GET form: the page reads ?template= and prefills the declare form, with or without JavaScript. */
export function TemplatePicker({
  templates,
  selectedId,
}: {
  templates: readonly IncidentTemplate[];
  selectedId?: string;
}) {
  if (templates.length === 0) return null;
  return (
    <form method="get" aria-label="Start from a template" className="flex items-end gap-2">
      <div className="grow">
        <SelectField
          label="Start from a template"
          name="template"
          id="template-picker"
          defaultValue={selectedId ?? ""}
          options={[["", "Blank incident"], ...templates.map((t) => [t.id, t.name] as const)]}
        />
      </div>
      <Button type="submit" variant="secondary">
        Use template
      </Button>
    </form>
  );
}
