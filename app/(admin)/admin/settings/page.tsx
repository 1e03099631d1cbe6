import { requestCtx } from "@/app/_lib/request-context";
import { hasRole, requireRole } from "@/lib/auth/authorize";
import { baseUrl } from "@/lib/config";
import { listComponentTree } from "@/lib/components/list-component-tree";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { EmbedSnippets } from "./embed-snippets";
import { SettingsForm } from "./settings-form";

export default async function SettingsPage() {
  const ctx = await requestCtx();
  requireRole(ctx.actor, "viewer");
  const [settings, tree] = await Promise.all([
    getPageSettings(ctx.db),
    listComponentTree(ctx.db, { publicOnly: false }),
  ]);
  // Only what has a public badge: visible components, and groups with at least one.
  const badgeTargets = [
    ...tree.groups.flatMap((g) => {
      const shown = g.components.filter((c) => c.visible);
      return shown.length > 0 ? [{ id: g.id, name: `${g.name} (group)` }, ...shown] : [];
    }),
    ...tree.ungrouped.filter((c) => c.visible),
  ].map(({ id, name }) => ({ id, name }));
  const canEdit = hasRole(ctx.actor, "owner");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Settings</h1>
      {!canEdit && (
        <p className="rounded-md border border-zinc-300 p-3 text-sm dark:border-zinc-700">
          Only owners can change settings; you can read them.
        </p>
      )}
      <SettingsForm
        settings={settings}
        timeZones={["UTC", ...Intl.supportedValuesOf("timeZone")]}
        canEdit={canEdit}
      />
      <EmbedSnippets baseUrl={baseUrl()} pageName={settings.name} targets={badgeTargets} />
    </div>
  );
}
