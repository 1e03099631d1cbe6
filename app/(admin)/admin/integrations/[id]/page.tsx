import { requestCtx } from "@/app/_lib/request-context";
import { getIntegration } from "@/lib/inbound/list-integrations";
import { getPageSettings } from "@/lib/settings/get-page-settings";
import { formatStamp } from "@/lib/time/format";
import { orNotFound } from "../../_lib/or-not-found";
import { SetupSnippets } from "../_components/setup-snippets";
import { EditIntegrationForm, RotateTokenForm } from "../_components/integration-forms";
import { hasRole } from "@/lib/auth/authorize";

export const metadata = { title: "Integration · Herald" };

export default async function IntegrationPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requestCtx();
  const { id } = await params;
  const [integration, settings] = await Promise.all([
    orNotFound(getIntegration({ ctx, input: { integrationId: id } })),
    getPageSettings(ctx.db),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">{integration.name}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt>Tool</dt>
        <dd>{integration.type}</dd>
        <dt>Inbound URL</dt>
        <dd>
          <code className="break-all">{integration.url}</code>
        </dd>
        <dt>Hold-down</dt>
        <dd>{integration.hold_down_seconds} seconds</dd>
        <dt>Rules</dt>
        <dd>
          {integration.rules.length ? (
            <pre className="overflow-x-auto">{JSON.stringify(integration.rules, null, 2)}</pre>
          ) : (
            "Default: component label → component, severity → status, draft for the comms lead"
          )}
        </dd>
      </dl>
      {hasRole(ctx.actor, "editor") && (
        <section aria-labelledby="edit-heading" className="flex flex-col gap-2">
          <h2 id="edit-heading" className="text-lg font-semibold">
            Edit
          </h2>
          <EditIntegrationForm integration={integration} />
        </section>
      )}
      <section aria-labelledby="setup-heading" className="flex flex-col gap-2">
        <h2 id="setup-heading" className="text-lg font-semibold">
          Set-up
        </h2>
        <SetupSnippets type={integration.type} url={integration.url} />
        <p className="text-sm">
          The token was shown once, when the integration was made. Lost it? Replace it (the old one
          stops working).
        </p>
        {hasRole(ctx.actor, "editor") && <RotateTokenForm id={integration.id} />}
      </section>
      <section aria-labelledby="events-heading" className="flex flex-col gap-2">
        <h2 id="events-heading" className="text-lg font-semibold">
          Last payloads ({integration.events.length})
        </h2>
        {integration.events.length === 0 && <p className="text-sm">Nothing received yet.</p>}
        <ul
          aria-label="Received payloads"
          className="divide-y divide-zinc-200 dark:divide-zinc-800"
        >
          {integration.events.map((event) => (
            <li key={event.id} className="flex flex-col gap-1 py-3 text-sm">
              <span>
                {formatStamp(event.receivedAt, settings.timeZone)} ·{" "}
                {event.httpStatus === 0 ? "worker" : `HTTP ${event.httpStatus}`}
              </span>
              <ul className="list-disc pl-5">
                {event.outcome.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
              {event.payload && (
                <details>
                  <summary>Payload</summary>
                  <pre className="overflow-x-auto rounded-md bg-zinc-100 p-2 dark:bg-zinc-900">
                    {event.payload}
                  </pre>
                </details>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
