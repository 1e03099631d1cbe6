import { requestCtx } from "@/app/_lib/request-context";
import { hasRole, requireRole } from "@/lib/auth/authorize";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { SettingsForm } from "./settings-form";

export default async function SettingsPage() {
  const ctx = await requestCtx();
  requireRole(ctx.actor, "viewer");
  const settings = await getPageSettings(ctx.db);
  const canEdit = hasRole(ctx.actor, "owner");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Settings</h1>
      {!canEdit && <p className="rounded-md border border-zinc-300 p-3 text-sm dark:border-zinc-700">Only owners can change settings; you can read them.</p>}
      <SettingsForm settings={settings} timeZones={["UTC", ...Intl.supportedValuesOf("timeZone")]} canEdit={canEdit} />
    </div>
  );
}
