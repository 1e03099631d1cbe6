"use client";
import { InlineActionForm } from "@/components/admin/inline-action-form";
import { ComponentChoice, SkipConfirmation, AddButton, SMS_UPDATE_CHOICES } from "./form-parts";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { addSmsSubscriberAction, addStakeholderSmsAction } from "../actions";

/** A number for texts: confirmed by a code texted to it, unless the editor says it already agreed. */
export function AddSmsSubscriberForm({
  components,
}: {
  components: { id: string; name: string }[];
}) {
  return (
    <InlineActionForm
      action={addSmsSubscriberAction}
      label="Add an SMS subscriber"
      className="flex flex-col gap-3"
    >
      {(state, pending) => (
        <>
          <Field
            label="Mobile number"
            hint="With its country code, like +1 415 555 0123."
            name="phone"
            type="tel"
            required
            defaultValue={state.values?.phone}
            error={state.fields?.phone}
          />
          <SelectField
            id="sms-updates-admin"
            label="Texts"
            name="sms_updates"
            options={SMS_UPDATE_CHOICES}
            defaultValue={state.values?.sms_updates}
            error={state.fields?.sms_updates}
          />
          <ComponentChoice components={components} />
          <SkipConfirmation>
            The number&apos;s owner already agreed to texts: start at once, without the code
          </SkipConfirmation>
          <div>
            <AddButton pending={pending}>Add SMS subscriber</AddButton>
          </div>
        </>
      )}
    </InlineActionForm>
  );
}

/** A stakeholder's mobile: the internal version by text, active at once. */
export function AddStakeholderSmsForm() {
  return (
    <InlineActionForm
      action={addStakeholderSmsAction}
      label="Add a stakeholder number"
      className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end"
    >
      {(state, pending) => (
        <>
          <Field
            label="Mobile number"
            name="phone"
            type="tel"
            required
            hint="With its country code."
            defaultValue={state.values?.phone}
            error={state.fields?.phone}
          />
          <SelectField
            id="stakeholder-sms-updates"
            label="Texts"
            name="updates"
            options={SMS_UPDATE_CHOICES}
            defaultValue={state.values?.updates}
          />
          <div>
            <AddButton pending={pending}>Add number</AddButton>
          </div>
        </>
      )}
    </InlineActionForm>
  );
}
