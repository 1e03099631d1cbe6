"use client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { InlineActionForm } from "@/components/admin/inline-action-form";
import { ROLES, type Role } from "@/lib/db/schema/enums";
import { changeRoleAction, inviteMemberAction, removeMemberAction } from "../actions";

const ROLE_OPTIONS = ROLES.map((r) => [r, r] as const);

export function InviteForm() {
  return (
    <InlineActionForm
      action={inviteMemberAction}
      label="Add member"
      className="flex flex-wrap items-end gap-3"
    >
      {(state, pending) => (
        <>
          <Field
            label="Email"
            name="email"
            id="invite-email"
            type="email"
            defaultValue={state.values?.email}
            error={state.fields?.email}
            required
          />
          <Field
            label="Name"
            name="name"
            id="invite-name"
            defaultValue={state.values?.name}
            error={state.fields?.name}
          />
          <SelectField
            label="Role"
            name="role"
            id="invite-role"
            defaultValue={state.values?.role ?? "editor"}
            options={ROLE_OPTIONS}
            error={state.fields?.role}
          />
          <Button type="submit" pending={pending} pendingLabel="Adding…">
            Add member
          </Button>
        </>
      )}
    </InlineActionForm>
  );
}

export function MemberControls({ id, email, role }: { id: string; email: string; role: Role }) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <InlineActionForm
        action={changeRoleAction}
        label={`Change role of ${email}`}
        className="flex items-end gap-2"
      >
        {(_state, pending) => (
          <>
            <input type="hidden" name="userId" value={id} />
            <SelectField
              label={`Role of ${email}`}
              name="role"
              id={`role-${id}`}
              defaultValue={role}
              options={ROLE_OPTIONS}
            />
            <Button type="submit" variant="secondary" pending={pending}>
              Change role
            </Button>
          </>
        )}
      </InlineActionForm>
      <InlineActionForm action={removeMemberAction} label={`Remove ${email}`}>
        {(_state, pending) => (
          <>
            <input type="hidden" name="userId" value={id} />
            <Button type="submit" variant="danger" pending={pending} aria-label={`Remove ${email}`}>
              Remove
            </Button>
          </>
        )}
      </InlineActionForm>
    </div>
  );
}
