import { requestCtx } from "@/app/_lib/request-context";
import { hasRole } from "@/lib/auth/authorize";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { formatStamp } from "@/lib/time/format";
import { CreateApiKeyForm, RevokeApiKeyButton } from "./_components/api-key-forms";

export const metadata = { title: "API keys · Herald" };

export default async function ApiKeysPage() {
  const ctx = await requestCtx();
  const [keys, settings] = await Promise.all([listApiKeys({ ctx }), getPageSettings(ctx.db)]);
  const isOwner = hasRole(ctx.actor, "owner");
  const stamp = (date: Date | null) => (date ? formatStamp(date, settings.timeZone) : "never");
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">API keys</h1>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Keys let scripts and other tools use the management API at <code>/api/v1</code>, sent as{" "}
        <code>Authorization: Bearer hrld_…</code>. A read-only key can read incidents, components
        and maintenance; a read-and-write key can also declare, update and resolve incidents, change
        component statuses and schedule maintenance.
      </p>
      {!isOwner && (
        <p className="rounded-md border border-zinc-300 p-3 text-sm dark:border-zinc-700">
          Only owners can create or revoke API keys.
        </p>
      )}
      {keys.length === 0 ? (
        <p className="text-sm">No API keys yet.</p>
      ) : (
        <ul aria-label="API keys" className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {keys.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center gap-3 py-3">
              <span className="font-medium">{k.name}</span>
              <code className="text-sm">{k.prefix}_…</code>
              <span className="text-sm">{k.canWrite ? "read and write" : "read only"}</span>
              <span className="text-sm text-zinc-600 dark:text-zinc-400">
                created {stamp(k.createdAt)} · last used {stamp(k.lastUsedAt)}
              </span>
              <span className="ml-auto text-sm">
                {k.revokedAt
                  ? `revoked ${stamp(k.revokedAt)}`
                  : isOwner && <RevokeApiKeyButton id={k.id} name={k.name} />}
              </span>
            </li>
          ))}
        </ul>
      )}
      {isOwner && (
        <section
          aria-labelledby="create-key-heading"
          className="flex flex-col gap-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800"
        >
          <h2 id="create-key-heading" className="text-lg font-semibold">
            Create a key
          </h2>
          <CreateApiKeyForm />
        </section>
      )}
    </div>
  );
}
