import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { expectRefusedWithoutChanges } from "../testing/console-factories";
import { apiKeys, auditLog } from "../db/schema";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey } from "./create-api-key";
import { listApiKeys } from "./list-api-keys";
import { revokeApiKey } from "./revoke-api-key";

describeEachEngine("api keys", ({ db }) => {
  it("hands out a key once that authenticates with the chosen scope, storing and auditing only a hash-free summary", async () => {
    const owner = await createMember(db(), "owner");
    const { apiKey, key } = await createApiKey({
      ctx: owner,
      input: { name: " Deploy bot ", scope: "write" },
    });
    expect(key).toMatch(/^hrld_[0-9a-f]{8}_[0-9a-f]{48}$/);
    expect(key.startsWith(`${apiKey.prefix}_`)).toBe(true);
    expect(apiKey).toMatchObject({
      name: "Deploy bot",
      canWrite: true,
      lastUsedAt: null,
      revokedAt: null,
    });

    const [stored] = await db().select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
    expect(stored!.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(key.slice(apiKey.prefix.length + 1));
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.targetId, apiKey.id));
    expect(audit).toMatchObject({ action: "api_key.create", actorLabel: owner.email });
    expect(JSON.stringify(audit)).not.toContain(key);
    expect(JSON.stringify(audit)).not.toContain(stored!.keyHash);

    expect(await authenticateApiKey(db(), `Bearer ${key}`)).toEqual({
      kind: "api-key",
      id: apiKey.id,
      name: "Deploy bot",
      role: "editor",
    });
    expect(
      (await listApiKeys({ ctx: owner })).find((k) => k.id === apiKey.id)?.lastUsedAt,
    ).toBeInstanceOf(Date);

    const readOnly = await createApiKey({
      ctx: owner,
      input: { name: "Dashboard", scope: "read" },
    });
    expect(await authenticateApiKey(db(), `bearer ${readOnly.key}`)).toMatchObject({
      role: "viewer",
    });
  });

  it("stops accepting a key the moment it is revoked, and keeps it listed as revoked", async () => {
    const owner = await createMember(db(), "owner");
    const { apiKey, key } = await createApiKey({
      ctx: owner,
      input: { name: "Old CI", scope: "write" },
    });
    await revokeApiKey({ ctx: owner, input: { keyId: apiKey.id } });
    expect(await authenticateApiKey(db(), `Bearer ${key}`)).toBeNull();
    await expect(revokeApiKey({ ctx: owner, input: { keyId: apiKey.id } })).rejects.toMatchObject({
      code: "conflict",
    });
    const viewer = await createMember(db(), "viewer");
    expect((await listApiKeys({ ctx: viewer })).find((k) => k.id === apiKey.id)).toMatchObject({
      name: "Old CI",
      revokedAt: expect.any(Date),
    });
    expect(JSON.stringify(await listApiKeys({ ctx: viewer }))).not.toMatch(/keyHash|[0-9a-f]{64}/);
  });

  it("refuses unknown, malformed and missing keys", async () => {
    const owner = await createMember(db(), "owner");
    const { key } = await createApiKey({ ctx: owner, input: { name: "Real", scope: "read" } });
    for (const header of [
      null,
      "",
      key,
      `Basic ${key}`,
      `Bearer ${key}x`,
      `Bearer ${key.replace(/.$/, (c) => (c === "0" ? "1" : "0"))}`,
      "Bearer hrld_",
    ]) {
      expect(await authenticateApiKey(db(), header)).toBeNull();
    }
  });

  it("refuses editors, viewers and write keys every key change, and changes nothing", async () => {
    const owner = await createMember(db(), "owner");
    const { apiKey, key } = await createApiKey({
      ctx: owner,
      input: { name: "Target", scope: "write" },
    });
    const keyActor = (await authenticateApiKey(db(), `Bearer ${key}`))!;
    const callers = [
      await createMember(db(), "editor"),
      await createMember(db(), "viewer"),
      { db: db(), actor: keyActor },
    ];
    const keysBefore = await db().select().from(apiKeys);
    for (const ctx of callers) {
      for (const write of [createApiKey, revokeApiKey]) {
        await expectRefusedWithoutChanges(
          db(),
          write,
          ctx,
          { name: "Forged", scope: "write", keyId: apiKey.id },
          "forbidden",
        );
      }
    }
    expect(await db().select().from(apiKeys)).toEqual(keysBefore);
  });

  it("asks for a name and a scope at the fields", async () => {
    const owner = await createMember(db(), "owner");
    await expect(
      createApiKey({ ctx: owner, input: { name: " ", scope: "admin" } }),
    ).rejects.toMatchObject({
      code: "invalid",
      fields: { name: "Name the key after what uses it.", scope: "Pick what the key may do." },
    });
  });
});
