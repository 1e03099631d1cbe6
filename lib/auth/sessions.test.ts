import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { inviteMember } from "../team/invite-member";
import { changeMemberRole } from "../team/change-member-role";
import { removeMember } from "../team/remove-member";
import { listMembers } from "../team/list-members";
import { declareTestIncident } from "../testing/console-factories";
import { authenticateWithPassword } from "./authenticate-password";
import { changeOwnPassword } from "./change-own-password";
import { endOwnSessions } from "./end-own-sessions";
import { loadUserActor } from "./load-actor";
import { currentSessionVersion } from "./session-version";
import { setFirstPassword } from "./set-first-password";

/** What Auth.js's jwt callback puts in a session at sign-in (see auth.ts). */
async function signInAs(db: Db, email: string, password: string, client = "192.0.2.50") {
  const user = await authenticateWithPassword(db, { email, password }, { client });
  if (!user) throw new Error(`sign-in refused for ${email}`);
  return { userId: user.id, sessionVersion: await currentSessionVersion(db, user.id) };
}

describeEachEngine("sessions", ({ db }) => {
  it("sign-out ends the session everywhere: a copy of the cookie acts as nobody", async () => {
    const member = await createMember(db(), "editor");
    const session = await signInAs(db(), member.email, member.password);
    const copied = { ...session };
    const actor = await loadUserActor(db(), session);
    expect(actor).toMatchObject({ kind: "user", role: "editor" });

    await endOwnSessions({ ctx: { db: db(), actor } });
    expect(await loadUserActor(db(), copied)).toEqual({ kind: "anonymous" });
    await expect(
      declareTestIncident({ db: db(), actor: await loadUserActor(db(), copied) }),
    ).rejects.toMatchObject({ code: "unauthenticated" });

    const again = await signInAs(db(), member.email, member.password);
    expect(await loadUserActor(db(), again)).toMatchObject({ kind: "user", role: "editor" });
  });

  it("a role change or a removal ends that member's sessions, and only theirs", async () => {
    const owner = await createMember(db(), "owner");
    const member = await createMember(db(), "editor");
    const bystander = await createMember(db(), "editor");
    const session = await signInAs(db(), member.email, member.password);
    const other = await signInAs(db(), bystander.email, bystander.password);

    await changeMemberRole({ ctx: owner, input: { userId: session.userId, role: "viewer" } });
    expect(await loadUserActor(db(), session)).toEqual({ kind: "anonymous" });
    expect(await loadUserActor(db(), other)).toMatchObject({ kind: "user", role: "editor" });

    const demoted = await signInAs(db(), member.email, member.password);
    expect(await loadUserActor(db(), demoted)).toMatchObject({ role: "viewer" });
    await removeMember({ ctx: owner, input: { userId: demoted.userId } });
    expect(await loadUserActor(db(), demoted)).toEqual({ kind: "anonymous" });
  });

  it("changing one's password needs the current one and ends the other sessions", async () => {
    const member = await createMember(db(), "viewer");
    const laptop = await signInAs(db(), member.email, member.password);
    const phone = await signInAs(db(), member.email, member.password);
    const ctx = { db: db(), actor: await loadUserActor(db(), laptop) };
    const input = {
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    };

    const wrong = await changeOwnPassword({
      ctx,
      input: { ...input, currentPassword: "not my password" },
    }).catch((e) => e);
    expect(wrong).toMatchObject({
      code: "invalid",
      fields: { currentPassword: "That is not your current password." },
    });
    const mismatch = await changeOwnPassword({
      ctx,
      input: { ...input, currentPassword: member.password, confirmPassword: "something else!" },
    }).catch((e) => e);
    expect(mismatch.fields).toEqual({ confirmPassword: "The two passwords differ." });
    expect(await loadUserActor(db(), phone)).toMatchObject({ kind: "user" });

    await changeOwnPassword({ ctx, input: { ...input, currentPassword: member.password } });
    expect(await loadUserActor(db(), phone)).toEqual({ kind: "anonymous" });
    expect(await loadUserActor(db(), laptop)).toEqual({ kind: "anonymous" });
    expect(
      await authenticateWithPassword(
        db(),
        { email: member.email, password: member.password },
        { client: "192.0.2.51" },
      ),
    ).toBeNull();
    const next = await signInAs(db(), member.email, input.newPassword);
    expect(await loadUserActor(db(), next)).toMatchObject({ kind: "user", role: "viewer" });
  });

  it("an invitation's one-time password opens only the choice of a new password, once", async () => {
    const owner = await createMember(db(), "owner");
    const { member, password } = await inviteMember({
      ctx: owner,
      input: { email: `invited-${Date.now()}@example.test`, role: "editor" },
    });
    const session = await signInAs(db(), member.email, password);
    const pending = await loadUserActor(db(), session);
    expect(pending).toMatchObject({ kind: "user", role: "editor", mustChangePassword: true });
    const ctx = { db: db(), actor: pending };
    await expect(listMembers({ ctx })).rejects.toMatchObject({ code: "forbidden" });
    await expect(declareTestIncident(ctx)).rejects.toMatchObject({
      code: "forbidden",
      message: "Choose a new password before using the console.",
    });

    const same = await setFirstPassword({
      ctx,
      input: { newPassword: password, confirmPassword: password },
    }).catch((e) => e);
    expect(same.fields).toEqual({
      newPassword: "Choose a password other than the one-time password.",
    });
    const chosen = "my own editor passphrase";
    await setFirstPassword({ ctx, input: { newPassword: chosen, confirmPassword: chosen } });

    expect(await loadUserActor(db(), session)).toEqual({ kind: "anonymous" });
    expect(
      await authenticateWithPassword(
        db(),
        { email: member.email, password },
        { client: "192.0.2.52" },
      ),
    ).toBeNull();
    const actor = await loadUserActor(db(), await signInAs(db(), member.email, chosen));
    expect(actor).toEqual({ kind: "user", id: member.id, email: member.email, role: "editor" });
    await declareTestIncident({ db: db(), actor });
    await expect(
      setFirstPassword({
        ctx: { db: db(), actor },
        input: { newPassword: chosen, confirmPassword: chosen },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("a session minted before this release (no version) acts as nobody", async () => {
    const member = await createMember(db(), "owner");
    const [row] = await db().select().from(users).where(eq(users.email, member.email));
    expect(await loadUserActor(db(), { userId: row!.id })).toEqual({ kind: "anonymous" });
  });
});
