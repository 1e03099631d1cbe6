"use client";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SelectField } from "@/components/ui/select-field";
import { Button } from "@/components/ui/button";
import { confirmSmsAction, subscribeSmsAction, type SubscriptionState } from "../actions";
import { ComponentChoice, type ChoosableComponent } from "./component-choice";

/** Texts: the number (step one), then the 6-digit code Herald texted to it (step two). */
export function SmsSubscribeForm({
  components,
  codeFor = null,
}: {
  components: ChoosableComponent[];
  /** Opened from the code text's link: the number whose code is to be entered. */
  codeFor?: string | null;
}) {
  const [numberState, sendCode, sending] = useActionState<SubscriptionState, FormData>(
    subscribeSmsAction,
    { ok: false },
  );
  const [codeState, confirm, confirming] = useActionState<SubscriptionState, FormData>(
    confirmSmsAction,
    { ok: false },
  );
  if (codeState.ok)
    return (
      <p
        role="status"
        className="rounded-md border border-green-700 p-4 text-green-900 dark:text-green-300"
      >
        {codeState.message}
      </p>
    );
  const phone = codeState.values?.phone ?? numberState.values?.phone ?? codeFor;
  if ((numberState.values?.step === "code" || codeFor) && phone)
    return (
      <form
        action={confirm}
        aria-label="Confirm your number"
        className="flex max-w-xl flex-col gap-5"
      >
        <p role="status">{numberState.message ?? `Enter the code we texted to ${phone}.`}</p>
        <input type="hidden" name="phone" value={phone} />
        <Field
          label="Code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          required
          error={codeState.fields?.code}
        />
        <FormMessage ok={false} message={codeState.fields?.code ? undefined : codeState.message} />
        <div>
          <Button type="submit" pending={confirming} pendingLabel="Checking…">
            Start the texts
          </Button>
        </div>
      </form>
    );
  const f = numberState.fields ?? {};
  return (
    <form
      action={sendCode}
      aria-label="Get updates by text message"
      className="flex max-w-xl flex-col gap-5"
    >
      <Field
        label="Mobile number"
        name="phone"
        type="tel"
        autoComplete="tel"
        required
        hint="With its country code, like +1 415 555 0123."
        defaultValue={numberState.values?.phone}
        error={f.phone}
      />
      <SelectField
        id="sms-updates"
        label="Text me"
        name="updates"
        options={[
          ["changes", "When an incident starts, changes state or is resolved"],
          ["all", "Every update"],
        ]}
        defaultValue={numberState.values?.updates}
        error={f.updates}
      />
      <ComponentChoice
        components={components}
        allComponents={(numberState.values?.scope ?? "all") === "all"}
        chosen={[]}
        error={f.componentIds}
      />
      <FormMessage ok={false} message={numberState.message} />
      <div>
        <Button type="submit" pending={sending} pendingLabel="Texting…">
          Text me a code
        </Button>
      </div>
    </form>
  );
}
