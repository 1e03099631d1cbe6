"use server";
import { revalidatePath } from "next/cache";
import { requestCtx } from "@/app/_lib/request-context";
import { actionError, type ActionState } from "@/lib/action-state";
import { inviteMember } from "@/lib/team/invite-member";
import { changeMemberRole } from "@/lib/team/change-member-role";
import { removeMember } from "@/lib/team/remove-member";
import { readFields } from "../_lib/form-input";

/** Thin callers of the team domain, which is owner-only and guards the last owner itself. */

export async function inviteMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const { member, password } = await inviteMember({
      ctx: await requestCtx(),
      input: readFields(form, ["email", "name", "role"]),
    });
    revalidatePath("/admin/team");
    // Shown once, in this response only; only its hash is stored.
    return {
      ok: true,
      message: `${member.email} added as ${member.role}. One-time password: ${password}`,
    };
  } catch (error) {
    return actionError(error, form);
  }
}

export async function changeRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const member = await changeMemberRole({
      ctx: await requestCtx(),
      input: readFields(form, ["userId", "role"]),
    });
    revalidatePath("/admin", "layout");
    return { ok: true, message: `${member.email} is now ${member.role}.` };
  } catch (error) {
    return actionError(error, form);
  }
}

export async function removeMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const member = await removeMember({
      ctx: await requestCtx(),
      input: readFields(form, ["userId"]),
    });
    revalidatePath("/admin/team");
    return { ok: true, message: `${member.email} was removed.` };
  } catch (error) {
    return actionError(error, form);
  }
}
