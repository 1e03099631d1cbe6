import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { users } from "../db/schema";
import { authenticateWithPassword } from "./authenticate-password";
import { loadUserActor } from "./load-actor";

describeEachEngine("password sign-in", ({ db }) => {
  it("admits the right password, whatever the email's case", async () => {
    const member = await createMember(db(), "editor");
    const user = await authenticateWithPassword(db(), { email: member.email.toUpperCase(), password: member.password });
    expect(user?.email).toBe(member.email);
  });

  it("rejects a wrong password, an unknown email and malformed input", async () => {
    const member = await createMember(db(), "owner");
    expect(await authenticateWithPassword(db(), { email: member.email, password: "wrong password!" })).toBeNull();
    expect(await authenticateWithPassword(db(), { email: "nobody@example.test", password: member.password })).toBeNull();
    expect(await authenticateWithPassword(db(), { email: "not-an-email", password: "" })).toBeNull();
  });

  it("reads the role from the database, so a demotion or removal applies at once", async () => {
    const member = await createMember(db(), "owner");
    expect(await loadUserActor(db(), member.actor.kind === "user" ? member.actor.id : "")).toMatchObject({ role: "owner" });
    const id = member.actor.kind === "user" ? member.actor.id : "";
    await db().update(users).set({ role: "viewer" }).where(eq(users.id, id));
    expect(await loadUserActor(db(), id)).toMatchObject({ kind: "user", role: "viewer" });
    await db().delete(users).where(eq(users.id, id));
    expect(await loadUserActor(db(), id)).toEqual({ kind: "anonymous" });
    expect(await loadUserActor(db(), undefined)).toEqual({ kind: "anonymous" });
  });
});
