import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { expectRefusedWithoutChanges } from "../testing/console-factories";
import { auditLog, users } from "../db/schema";
import { authenticateWithPassword } from "../auth/authenticate-password";
import { inviteMember } from "./invite-member";
import { changeMemberRole } from "./change-member-role";
import { removeMember } from "./remove-member";

describeEachEngine("team", ({ db }) => {
  it("invites a member who can sign in with the one-time password, which is never stored or audited", async () => {
    const owner = await createMember(db(), "owner");
    const { member, password } = await inviteMember({
      ctx: owner,
      input: { email: " New.Editor@Example.test ", role: "editor" },
    });
    expect(member).toMatchObject({ email: "new.editor@example.test", role: "editor" });
    expect(password).toHaveLength(16);
    expect(
      await authenticateWithPassword(db(), { email: member.email, password }, { client: "test" }),
    ).toMatchObject({ id: member.id });
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.targetId, member.id));
    expect(JSON.stringify(audit)).not.toMatch(/hash|\$2[aby]\$/i);
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("refuses a duplicate email with a field message", async () => {
    const owner = await createMember(db(), "owner");
    const error = await inviteMember({
      ctx: owner,
      input: { email: owner.email, role: "viewer" },
    }).catch((e) => e);
    expect(error.fields).toEqual({ email: "Someone with this email is already a member." });
  });

  it("changes roles and removes members, but never the last owner", async () => {
    await db().delete(users);
    const owner = await createMember(db(), "owner");
    const ownerId = owner.actor.kind === "user" ? owner.actor.id : "";
    const viewer = await createMember(db(), "viewer");
    const viewerId = viewer.actor.kind === "user" ? viewer.actor.id : "";
    expect(
      await changeMemberRole({ ctx: owner, input: { userId: viewerId, role: "editor" } }),
    ).toMatchObject({ role: "editor" });
    await expect(
      changeMemberRole({ ctx: owner, input: { userId: ownerId, role: "editor" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(removeMember({ ctx: owner, input: { userId: ownerId } })).rejects.toMatchObject({
      code: "conflict",
    });
    await changeMemberRole({ ctx: owner, input: { userId: viewerId, role: "owner" } });
    await removeMember({ ctx: owner, input: { userId: ownerId } });
    expect((await db().select().from(users)).map((u) => u.role)).toEqual(["owner"]);
  });

  it.each(["viewer", "editor"] as const)(
    "refuses a %s every team write and changes nothing",
    async (role) => {
      const member = await createMember(db(), role);
      const target = await createMember(db(), "viewer");
      const targetId = target.actor.kind === "user" ? target.actor.id : "";
      for (const write of [inviteMember, changeMemberRole, removeMember]) {
        await expectRefusedWithoutChanges(
          db(),
          write,
          member,
          { email: "x@example.test", role: "owner", userId: targetId },
          "forbidden",
        );
      }
      expect((await db().select().from(users).where(eq(users.id, targetId)))[0]!.role).toBe(
        "viewer",
      );
    },
  );
});
