import Link from "next/link";
import { requestCtx } from "@/app/_lib/request-context";
import { hasRole, requireRole } from "@/lib/auth/authorize";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { DeclareForm } from "../_components/declare-form";
import { loadPickableComponents } from "../load-pickable";

export const metadata = { title: "Declare incident · Herald" };

export default async function DeclareIncidentPage() {
  const ctx = await requestCtx();
  requireRole(ctx.actor, "viewer");
  if (!hasRole(ctx.actor, "editor")) {
    return <p className="rounded-md border border-zinc-300 p-3 dark:border-zinc-700">Only editors can declare incidents. <Link href="/admin/incidents" className="underline">Back to incidents</Link></p>;
  }
  const [settings, components] = await Promise.all([getPageSettings(ctx.db), loadPickableComponents(ctx.db)]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Declare incident</h1>
      <DeclareForm components={components} cadenceDefaults={settings} />
    </div>
  );
}
