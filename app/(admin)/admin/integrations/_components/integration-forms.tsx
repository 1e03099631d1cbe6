"use client";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { InlineActionForm } from "@/components/admin/inline-action-form";
import {
  createIntegrationAction,
  deleteIntegrationAction,
  rotateTokenAction,
  updateIntegrationAction,
  type CreatedIntegrationState,
} from "../actions";
import { initialActionState } from "@/lib/action-state";

const TYPE_OPTIONS = [
  ["alertmanager", "Prometheus Alertmanager"],
  ["grafana", "Grafana alerting"],
  ["pagerduty", "PagerDuty (V3 webhooks)"],
  ["opsgenie", "Opsgenie"],
  ["datadog", "Datadog"],
  ["generic", "Generic JSON"],
  ["heartbeat", "Heartbeat (push)"],
] as const;

/** A success carries the new URL and token, shown (easy to select and copy) until the page is left. */
export function CreateIntegrationForm() {
  const [state, action, pending] = useActionState(createIntegrationAction, {
    ok: false,
  } as CreatedIntegrationState);
  return (
    <div className="flex flex-col gap-3">
      <ActionForm action={action} aria-label="Create integration" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-end gap-3">
          <SelectField
            label="Tool"
            name="type"
            id="integration-type"
            options={TYPE_OPTIONS}
            defaultValue={state.values?.type ?? "alertmanager"}
            error={state.fields?.type}
          />
          <Field
            label="Name"
            name="name"
            id="integration-name"
            defaultValue={state.values?.name}
            error={state.fields?.name}
            required
          />
          <Field
            label="Hold-down (seconds)"
            name="hold_down_seconds"
            id="integration-hold-down"
            inputMode="numeric"
            defaultValue={state.values?.hold_down_seconds ?? "60"}
            error={state.fields?.hold_down_seconds}
            hint="How long an alert must fire before it changes the page."
          />
          <Field
            label="Heartbeat interval (seconds)"
            name="heartbeat_interval_seconds"
            id="integration-interval"
            inputMode="numeric"
            defaultValue={state.values?.heartbeat_interval_seconds}
            error={state.fields?.heartbeat_interval_seconds}
            hint="Heartbeats only."
          />
          <Field
            label="PagerDuty signing secret"
            name="signing_secret"
            id="integration-secret"
            defaultValue={state.values?.signing_secret}
            error={state.fields?.signing_secret}
            hint="PagerDuty only (optional)."
          />
        </div>
        <TextareaField
          label="Rules (JSON, optional)"
          name="rules"
          id="integration-rules"
          rows={5}
          defaultValue={state.values?.rules}
          error={state.fields?.rules ?? state.fields?._form}
          hint='Empty: the alert’s component label (or service/entity) names the component, severity sets the status, and a draft is prepared. Example: [{"match":{"team":"payments"},"components":["<component id>"],"status":"partial_outage","actions":["status","draft"]}]'
        />
        <div>
          <Button type="submit" pending={pending} pendingLabel="Creating…">
            Create integration
          </Button>
        </div>
      </ActionForm>
      <FormMessage ok={state.ok} message={state.message} />
      {state.token && (
        <div className="flex flex-col gap-2">
          <Field
            label="Inbound URL"
            name="created-url"
            id="created-integration-url"
            value={state.url}
            readOnly
          />
          <Field
            label="Token"
            name="created-token"
            id="created-integration-token"
            value={state.token}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
          />
          <a className="text-sm underline" href={`/admin/integrations/${state.id}`}>
            Set-up instructions and event log
          </a>
        </div>
      )}
    </div>
  );
}

export function DeleteIntegrationButton({ id, name }: { id: string; name: string }) {
  return (
    <InlineActionForm action={deleteIntegrationAction} label={`Delete ${name}`}>
      {(_state, pending) => (
        <>
          <input type="hidden" name="integrationId" value={id} />
          <Button type="submit" variant="danger" pending={pending} aria-label={`Delete ${name}`}>
            Delete
          </Button>
        </>
      )}
    </InlineActionForm>
  );
}

/** Replaces the token; the new one is shown here once. */
export function RotateTokenForm({ id }: { id: string }) {
  const [state, action, pending] = useActionState(rotateTokenAction, {
    ok: false,
  } as CreatedIntegrationState);
  return (
    <div className="flex flex-col gap-2">
      <ActionForm action={action} aria-label="Replace token">
        <input type="hidden" name="integrationId" value={id} />
        <Button type="submit" variant="secondary" pending={pending} pendingLabel="Replacing…">
          Replace token
        </Button>
      </ActionForm>
      <FormMessage ok={state.ok} message={state.message} />
      {state.token && (
        <Field
          label="New token"
          name="rotated-token"
          id="rotated-integration-token"
          value={state.token}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}

/** Edits name, hold-down and rules after creation; rules are the API's JSON, checked by the same schema. */
export function EditIntegrationForm({
  integration,
}: {
  integration: {
    id: string;
    name: string;
    type: string;
    hold_down_seconds: number;
    heartbeat_interval_seconds: number | null;
    rules: unknown[];
  };
}) {
  const [state, action, pending] = useActionState(updateIntegrationAction, initialActionState);
  const heartbeat = integration.type === "heartbeat";
  const rulesText = integration.rules.length ? JSON.stringify(integration.rules, null, 2) : "";
  return (
    <div className="flex flex-col gap-3">
      <ActionForm action={action} aria-label="Edit integration" className="flex flex-col gap-3">
        <input type="hidden" name="integrationId" value={integration.id} />
        <div className="flex flex-wrap items-end gap-3">
          <Field
            label="Name"
            name="name"
            id="edit-integration-name"
            defaultValue={state.values?.name ?? integration.name}
            error={state.fields?.name}
            required
          />
          {heartbeat ? (
            <Field
              label="Heartbeat interval (seconds)"
              name="heartbeat_interval_seconds"
              id="edit-integration-interval"
              inputMode="numeric"
              defaultValue={
                state.values?.heartbeat_interval_seconds ??
                String(integration.heartbeat_interval_seconds ?? "")
              }
              error={state.fields?.heartbeat_interval_seconds}
            />
          ) : (
            <Field
              label="Hold-down (seconds)"
              name="hold_down_seconds"
              id="edit-integration-hold-down"
              inputMode="numeric"
              defaultValue={
                state.values?.hold_down_seconds ?? String(integration.hold_down_seconds)
              }
              error={state.fields?.hold_down_seconds}
              hint="How long an alert must fire before it changes the page."
            />
          )}
        </div>
        <TextareaField
          label="Rules (JSON)"
          name="rules"
          id="edit-integration-rules"
          rows={8}
          defaultValue={state.values?.rules ?? rulesText}
          error={state.fields?.rules ?? ruleFieldError(state.fields) ?? state.fields?._form}
          hint="Empty: the default rule. Alerts already received keep what they decided."
        />
        <div>
          <Button type="submit" pending={pending} pendingLabel="Saving…">
            Save changes
          </Button>
        </div>
      </ActionForm>
      <FormMessage ok={state.ok} message={state.message} />
    </div>
  );
}

/** "rules.0.actions" → "Rule 1, actions: …": the JSON box is one field, so say where in it. */
function ruleFieldError(fields: Record<string, string> | undefined): string | undefined {
  const entry = Object.entries(fields ?? {}).find(([key]) => key.startsWith("rules."));
  if (!entry) return undefined;
  const [, index, ...rest] = entry[0].split(".");
  return `Rule ${Number(index) + 1}${rest.length ? `, ${rest.join(".")}` : ""}: ${entry[1]}`;
}
