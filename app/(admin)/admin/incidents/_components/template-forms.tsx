"use client";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { initialActionState } from "@/lib/action-state";
import type { IncidentTemplate } from "@/lib/db/schema";
import { SEVERITIES } from "@/lib/db/schema/enums";
import { SEVERITY_LABELS } from "@/lib/incidents/severity";
import { deleteTemplateAction, saveTemplateAction } from "../new/template-actions";
import type { PickableComponent } from "./component-status-picker";

/**
 * Saves a new template, or edits `template`. The section remounts the new-template
 * form once the list changes, so the next one starts empty.
 */
function SaveTemplateForm({
  components,
  template,
}: {
  components: readonly PickableComponent[];
  template?: IncidentTemplate;
}) {
  const [state, action, pending] = useActionState(saveTemplateAction, initialActionState);
  const f = state.fields ?? {};
  const v: Record<string, string | undefined> = state.values ?? {
    name: template?.name,
    title: template?.title,
    severity: template?.severity,
    body: template?.body,
  };
  const suffix = template ? `-${template.id}` : "";
  return (
    <ActionForm
      action={action}
      aria-label={template ? `Edit template ${template.name}` : "Save as template"}
      className="flex flex-col gap-3"
    >
      {template && <input type="hidden" name="id" value={template.id} />}
      <Field
        label="Template name"
        name="name"
        required
        defaultValue={v.name}
        error={f.name}
        hint="e.g. “Payment provider down”."
      />
      <Field label="Incident title" name="title" required defaultValue={v.title} error={f.title} />
      <SelectField
        label="Template severity"
        name="severity"
        id={`template-severity${suffix}`}
        defaultValue={v.severity ?? "SEV2"}
        options={SEVERITIES.map((s) => [s, SEVERITY_LABELS[s]])}
        error={f.severity}
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-medium">Usually affected</legend>
        {components.map((c) => (
          <label key={c.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="componentIds"
              value={c.id}
              defaultChecked={template?.componentIds.includes(c.id)}
              className="size-4"
            />
            {c.label}
          </label>
        ))}
        {f.componentIds && (
          <p className="text-sm text-red-700 dark:text-red-400">{f.componentIds}</p>
        )}
      </fieldset>
      <TextareaField
        label="Template first update"
        name="body"
        id={`template-body${suffix}`}
        required
        rows={6}
        defaultValue={v.body}
        error={f.body}
        className="font-mono text-sm"
        hint="Markdown. Empty **Section:** labels are dropped when published."
      />
      <FormMessage ok={state.ok} message={state.message} />
      <div>
        <Button type="submit" pending={pending} pendingLabel="Saving…">
          Save template
        </Button>
      </div>
    </ActionForm>
  );
}

function DeleteTemplateButton({ template }: { template: IncidentTemplate }) {
  const [state, action, pending] = useActionState(deleteTemplateAction, initialActionState);
  return (
    <ActionForm
      action={action}
      aria-label={`Delete template ${template.name}`}
      className="flex items-center gap-2"
    >
      <input type="hidden" name="id" value={template.id} />
      <Button type="submit" variant="secondary" pending={pending} pendingLabel="Deleting…">
        Delete
      </Button>
      {!state.ok && state.message && (
        <span className="text-sm text-red-700 dark:text-red-400">{state.message}</span>
      )}
    </ActionForm>
  );
}

/** Templates for recurring situations: the saved ones, and a form to add one. */
export function TemplatesSection({
  templates,
  components,
}: {
  templates: readonly IncidentTemplate[];
  components: readonly PickableComponent[];
}) {
  return (
    <section
      aria-labelledby="templates-heading"
      className="flex flex-col gap-3 border-t border-zinc-200 pt-4 dark:border-zinc-800"
    >
      <h2 id="templates-heading" className="text-lg font-semibold">
        Incident templates
      </h2>
      {templates.length > 0 && (
        <ul aria-label="Templates" className="flex flex-col gap-2">
          {templates.map((t) => (
            <li key={t.id} className="flex flex-col gap-2 text-sm">
              <div className="flex items-center justify-between gap-3">
                <span>
                  <strong>{t.name}</strong> · {t.severity} · {t.title}
                </span>
                <DeleteTemplateButton template={t} />
              </div>
              <details>
                <summary className="cursor-pointer">Edit {t.name}</summary>
                <div className="mt-2">
                  <SaveTemplateForm
                    key={t.updatedAt.toISOString()}
                    components={components}
                    template={t}
                  />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary className="cursor-pointer text-sm">Save a new template</summary>
        <div className="mt-3">
          <SaveTemplateForm key={templates.map((t) => t.id).join()} components={components} />
        </div>
      </details>
    </section>
  );
}
