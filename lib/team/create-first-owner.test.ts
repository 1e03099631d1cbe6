import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { authenticateWithPassword } from "../auth/authenticate-password";
import { createFirstOwner, hasAnyUser } from "./create-first-owner";
import { ensureAdmin } from "./ensure-admin";

describeEachEngine("first owner", ({ db }) => {
  it("setup creates one owner, then closes", async () => {
    expect(await hasAnyUser(db())).toBe(false);
    const results = await Promise.allSettled([
      createFirstOwner(db(), {
        name: "Ada",
        email: "ada@example.test",
        password: "a long password",
      }),
      createFirstOwner(db(), {
        name: "Bob",
        email: "bob@example.test",
        password: "a long password",
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "conflict" },
    });
    expect(await hasAnyUser(db())).toBe(true);
  });

  it("rejects a short password with a message at the field", async () => {
    await expect(
      createFirstOwner(db(), { name: "Eve", email: "eve@example.test", password: "short" }),
    ).rejects.toMatchObject({
      code: "invalid",
      fields: { password: "Use at least 10 characters." },
    });
  });

  it("HERALD_ADMIN_* ensures an owner who can sign in, and resets a forgotten password", async () => {
    expect(await ensureAdmin(db(), "Admin@Example.test", "first password")).toBe("created");
    expect(await ensureAdmin(db(), "admin@example.test", "first password")).toBe("unchanged");
    expect(
      await authenticateWithPassword(
        db(),
        { email: "admin@example.test", password: "first password" },
        { client: "test" },
      ),
    ).toMatchObject({ role: "owner" });
    expect(await ensureAdmin(db(), "admin@example.test", "second password")).toBe("updated");
    expect(
      await authenticateWithPassword(
        db(),
        { email: "admin@example.test", password: "first password" },
        { client: "test" },
      ),
    ).toBeNull();
    expect(
      await authenticateWithPassword(
        db(),
        { email: "admin@example.test", password: "second password" },
        { client: "test" },
      ),
    ).not.toBeNull();
  });
});
