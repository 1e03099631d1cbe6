import Link from "next/link";
import { requestCtx } from "@/app/_lib/request-context";
import { hasRole } from "@/lib/auth/authorize";
import { listIntegrations } from "@/lib/inbound/list-integrations";
import { CreateIntegrationForm, DeleteIntegrationButton } from "./_components/integration-forms";

export const metadata = { title: "Integrations · Herald" };

export default async function IntegrationsPage() {
  const ctx = await requestCtx();
  const rows = await listIntegrations({ ctx });
  const canWrite = hasRole(ctx.actor, "editor");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Integrations</h1>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Alerts from your monitoring turn components amber and prepare a draft incident for the comms
        lead. Nothing reaches customers until a person publishes, unless a rule says{" "}
        <code>publish</code>.
      </p>
      {rows.length === 0 ? (
        <p className="text-sm">No integrations yet.</p>
      ) : (
        <ul aria-label="Integrations" className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((row) => (
            <li key={row.id} className="flex flex-wrap items-center gap-3 py-3">
              <Link href={`/admin/integrations/${row.id}`} className="font-medium underline">
                {row.name}
              </Link>
              <span className="text-sm">{row.type}</span>
              <code className="text-sm break-all">{row.url}</code>
              <span className="ml-auto">
                {canWrite && <DeleteIntegrationButton id={row.id} name={row.name} />}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <section
          aria-labelledby="create-integration-heading"
          className="flex flex-col gap-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800"
        >
          <h2 id="create-integration-heading" className="text-lg font-semibold">
            Connect a tool
          </h2>
          <CreateIntegrationForm />
        </section>
      )}
    </div>
  );
}
