import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { users } from "../db/schema";
import { authenticateWithPassword, SIGN_IN_LIMITS, signInWaitMs } from "./authenticate-password";
import { loadUserActor } from "./load-actor";

/** A fresh client address per test run: the limiters live in this process, across both engines' runs. */
const anAddress = () => `198.18.${randomInt(256)}.${randomInt(256)}`;

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

  it("refuses an 11th attempt within 15 minutes, even with the right password, for that email and address only", async () => {
    const member = await createMember(db(), "editor");
    const other = await createMember(db(), "editor");
    const attempt = (who: { email: string }, password: string, client = "198.51.100.7") =>
      authenticateWithPassword(db(), { email: who.email, password }, { client });
    for (let i = 0; i < 10; i++) expect(await attempt(member, `guess ${i} is wrong`)).toBeNull();
    await expect(attempt(member, member.password)).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/^Too many attempts, try again in \d+ s\.$/),
    });
    // What the sign-in form asks to word its answer: a wait for this pair only.
    expect(await signInWaitMs({ client: "198.51.100.7", email: member.email })).toBeGreaterThan(0);
    expect(await signInWaitMs({ client: "203.0.113.9", email: member.email })).toBe(0);
    expect(await attempt(other, other.password)).toMatchObject({ email: other.email });
    expect(await attempt(member, member.password, "203.0.113.9")).toMatchObject({
      email: member.email,
    });
  });

  it("a stranger hammering the comms lead's account from one address never locks the lead out from another", async () => {
    const lead = await createMember(db(), "owner");
    const stranger = anAddress();
    const guess = (email: string) =>
      authenticateWithPassword(db(), { email, password: "hunter2 hunter2" }, { client: stranger });
    let refused = 0;
    for (let i = 0; i < 60; i++) await guess(lead.email).catch(() => refused++);
    expect(refused).toBe(50);
    expect(
      await authenticateWithPassword(
        db(),
        { email: lead.email, password: lead.password },
        { client: "203.0.113.20" },
      ),
    ).toMatchObject({ email: lead.email });
  });

  it("one address spraying many accounts is stopped after the per-address budget", async () => {
    const sprayer = anAddress();
    const spray = (i: number) =>
      authenticateWithPassword(
        db(),
        { email: `member-${i}@example.test`, password: "Winter2026!" },
        { client: sprayer },
      );
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) expect(await spray(i)).toBeNull();
    await expect(spray(999)).rejects.toMatchObject({ code: "rate_limited" });
    const member = await createMember(db(), "viewer");
    expect(
      await authenticateWithPassword(
        db(),
        { email: member.email, password: member.password },
        { client: "203.0.113.21" },
      ),
    ).toMatchObject({ email: member.email });
  }, 120_000); // fifty password hashes

  it("forgets earlier mistakes after a successful sign-in", async () => {
    const member = await createMember(db(), "viewer");
    const attempt = (password: string) =>
      authenticateWithPassword(db(), { email: member.email, password }, { client: "192.0.2.1" });
    for (let i = 0; i < 9; i++) await attempt("a wrong password");
    expect(await attempt(member.password)).not.toBeNull();
    for (let i = 0; i < 9; i++) await attempt("a wrong password");
    expect(await attempt(member.password)).not.toBeNull();
  }, 120_000); // twenty password hashes

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
