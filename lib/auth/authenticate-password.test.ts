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
    const user = await authenticateWithPassword(
      db(),
      { email: member.email.toUpperCase(), password: member.password },
      { client: "test" },
    );
    expect(user?.email).toBe(member.email);
  });

  it("rejects a wrong password, an unknown email and malformed input", async () => {
    const member = await createMember(db(), "owner");
    expect(
      await authenticateWithPassword(
        db(),
        { email: member.email, password: "wrong password!" },
        { client: "test" },
      ),
    ).toBeNull();
    expect(
      await authenticateWithPassword(
        db(),
        { email: "nobody@example.test", password: member.password },
        { client: "test" },
      ),
    ).toBeNull();
    expect(
      await authenticateWithPassword(
        db(),
        { email: "not-an-email", password: "" },
        { client: "test" },
      ),
    ).toBeNull();
  });

  it("refuses an 11th attempt within 15 minutes, even with the right password, for that email and network only", async () => {
    const member = await createMember(db(), "editor");
    const other = await createMember(db(), "editor");
    const attempt = (who: { email: string }, password: string, client = "198.51.100.7") =>
      authenticateWithPassword(db(), { email: who.email, password }, { client });
    for (let i = 0; i < 10; i++) expect(await attempt(member, `guess ${i} is wrong`)).toBeNull();
    await expect(attempt(member, member.password)).rejects.toMatchObject({
      code: "rate_limited",
      message: "Too many sign-in attempts. Try again in 15 minutes.",
    });
    expect(await attempt(other, other.password)).toMatchObject({ email: other.email });
    expect(await attempt(member, member.password, "203.0.113.9")).toMatchObject({
      email: member.email,
    });
  });

  it("forgets earlier mistakes after a successful sign-in", async () => {
    const member = await createMember(db(), "viewer");
    const attempt = (password: string) =>
      authenticateWithPassword(db(), { email: member.email, password }, { client: "192.0.2.1" });
    for (let i = 0; i < 9; i++) await attempt("a wrong password");
    expect(await attempt(member.password)).not.toBeNull();
    for (let i = 0; i < 9; i++) await attempt("a wrong password");
    expect(await attempt(member.password)).not.toBeNull();
  });

  it("reads the role from the database, so a demotion or removal applies at once", async () => {
    const member = await createMember(db(), "owner");
    const id = member.actor.kind === "user" ? member.actor.id : "";
    const claims = { userId: id, sessionVersion: 0 };
    expect(await loadUserActor(db(), claims)).toMatchObject({ role: "owner" });
    await db().update(users).set({ role: "viewer" }).where(eq(users.id, id));
    expect(await loadUserActor(db(), claims)).toMatchObject({ kind: "user", role: "viewer" });
    await db().delete(users).where(eq(users.id, id));
    expect(await loadUserActor(db(), claims)).toEqual({ kind: "anonymous" });
    expect(await loadUserActor(db(), null)).toEqual({ kind: "anonymous" });
  });
});
