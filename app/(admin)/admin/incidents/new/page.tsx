import Link from "next/link";
import { requestCtx } from "@/app/_lib/request-context";
import { hasRole, requireRole } from "@/lib/auth/authorize";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { listIncidentTemplates } from "@/lib/incidents/templates";
import { DeclareForm } from "../_components/declare-form";
import { TemplatePicker } from "../_components/template-picker";
import { TemplatesSection } from "../_components/template-forms";
import { loadPickableComponents } from "../load-pickable";

export const metadata = { title: "Declare incident · Herald" };

export default async function DeclareIncidentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requestCtx();
  requireRole(ctx.actor, "viewer");
  if (!hasRole(ctx.actor, "editor")) {
    return (
      <p className="rounded-md border border-zinc-300 p-3 dark:border-zinc-700">
        Only editors can declare incidents.{" "}
        <Link href="/admin/incidents" className="underline">
          Back to incidents
        </Link>
      </p>
    );
  }
  const [settings, components, templates, params] = await Promise.all([
    getPageSettings(ctx.db),
    loadPickableComponents(ctx.db),
    listIncidentTemplates({ ctx }),
    searchParams,
  ]);
  const selected = templates.find((t) => t.id === params.template);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Declare incident</h1>
      <TemplatePicker templates={templates} selectedId={selected?.id} />
      {/* Keyed by template so choosing another one starts the form afresh. */}
      <DeclareForm
        key={selected?.id ?? "blank"}
        components={components}
        cadenceDefaults={settings}
        timeZone={settings.timeZone}
        prefill={
          selected && {
            title: selected.title,
            severity: selected.severity,
            componentIds: selected.componentIds,
            body: selected.body,
          }
        }
      />
      <TemplatesSection templates={templates} components={components} />
    </div>
  );
}
