"use server";
import { signIn } from "@/auth";
import { getDb } from "@/lib/db";
import { actionError, type ActionState } from "@/lib/action-state";
import { createFirstOwner } from "@/lib/team/create-first-owner";

export async function setUpOwner(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = {
    name: form.get("name"),
    email: form.get("email"),
    password: form.get("password"),
  };
  try {
    await createFirstOwner(await getDb(), input);
  } catch (error) {
    return actionError(error, form);
  }
  await signIn("credentials", {
    email: input.email,
    password: input.password,
    redirectTo: "/admin",
  });
  return { ok: true };
}
