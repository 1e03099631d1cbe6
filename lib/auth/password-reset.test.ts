import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import { anonymousActor } from "../context";
import type { Db } from "../db/client";
import { passwordResetTokens, users } from "../db/schema";
import type { MailMessage, MailTransport } from "../mail/transport";
import { authenticateWithPassword } from "./authenticate-password";
import { loadUserActor } from "./load-actor";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { currentSessionVersion } from "./session-version";

function recordingTransport() {
  const sent: MailMessage[] = [];
  const transport: MailTransport = { name: "dev", send: async (m) => void sent.push(m) };
  return { sent, transport };
}

let clients = 0;
/** Each call a new client address, so tests do not share the per-address budget. */
const freshClient = () => `198.51.100.${++clients}`;

async function askForReset(db: Db, email: string, client = freshClient()) {
  const { sent, transport } = recordingTransport();
  const answer = await requestPasswordReset({
    ctx: { db, actor: anonymousActor },
    input: { email },
    client,
    transport,
    baseUrl: "http://status.example.test",
  });
  const token =
    sent[0] &&
    new URL(
      sent[0].text.match(/http:\/\/status\.example\.test\/signin\/reset\S+/)![0],
    ).searchParams.get("token");
  return { answer, sent, token };
}

const reset = (db: Db, token: string, password = "a fresh passphrase 1") =>
  resetPassword({
    ctx: { db, actor: anonymousActor },
    input: { token, newPassword: password, confirmPassword: password },
  });

describeEachEngine("forgot password", ({ db }) => {
  it("mails a member a one-use link that sets a new password and ends their sessions", async () => {
    const member = await createMember(db(), "editor");
    const userId = member.actor.kind === "user" ? member.actor.id : "";
    const session = { userId, sessionVersion: await currentSessionVersion(db(), userId) };
    const { sent, token } = await askForReset(db(), member.email.toUpperCase());
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: member.email,
      subject: expect.stringMatching(/^Reset your /),
    });
    expect(sent[0]!.text).toContain("expires in 30 minutes");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only a hash is kept: the database alone does not yield a working link.
    const stored = await db().select().from(passwordResetTokens);
    expect(JSON.stringify(stored)).not.toContain(token!);

    await reset(db(), token!, "a fresh passphrase 1");
    expect(await loadUserActor(db(), session)).toEqual({ kind: "anonymous" });
    const signIn = (password: string) =>
      authenticateWithPassword(db(), { email: member.email, password }, { client: freshClient() });
    expect(await signIn(member.password)).toBeNull();
    expect(await signIn("a fresh passphrase 1")).toMatchObject({ id: userId });

    await expect(reset(db(), token!, "a second passphrase")).rejects.toMatchObject({
      code: "invalid",
      message: "This reset link has expired or was already used. Ask for a new one.",
    });
    expect(await signIn("a second passphrase")).toBeNull();
  });

  it("refuses an expired, a guessed or a superseded link, and a mistyped password, changing nothing", async () => {
    const member = await createMember(db(), "viewer");
    const first = await askForReset(db(), member.email);
    const second = await askForReset(db(), member.email);
    await expect(reset(db(), "x".repeat(43))).rejects.toMatchObject({ code: "invalid" });
    const mismatch = await resetPassword({
      ctx: { db: db(), actor: anonymousActor },
      input: {
        token: second.token,
        newPassword: "one new password",
        confirmPassword: "another one!",
      },
    }).catch((e) => e);
    expect(mismatch.fields).toEqual({ confirmPassword: "The two passwords differ." });

    await db()
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResetTokens.userId, member.actor.kind === "user" ? member.actor.id : ""));
    await expect(reset(db(), first.token!)).rejects.toMatchObject({ code: "invalid" });
    await expect(reset(db(), second.token!)).rejects.toMatchObject({ code: "invalid" });
    const [row] = await db().select().from(users).where(eq(users.email, member.email));
    expect(
      await authenticateWithPassword(
        db(),
        { email: member.email, password: member.password },
        { client: freshClient() },
      ),
    ).toMatchObject({ id: row!.id });

    // A used link takes every other pending link of that member with it.
    const other = await createMember(db(), "viewer");
    const a = await askForReset(db(), other.email);
    const b = await askForReset(db(), other.email);
    await reset(db(), b.token!);
    await expect(reset(db(), a.token!)).rejects.toMatchObject({ code: "invalid" });
  });

  it("answers a stranger exactly as a member, and mails nobody", async () => {
    const { answer, sent } = await askForReset(db(), "stranger@example.test");
    const member = await createMember(db(), "viewer");
    const forMember = await askForReset(db(), member.email);
    expect(answer).toBeUndefined();
    expect(forMember.answer).toBeUndefined();
    expect(sent).toHaveLength(0);
    const bad = await askForReset(db(), "not an email").catch((e) => e);
    expect(bad.fields).toEqual({ email: "Enter a valid email address." });
  });

  it("limits requests per address (same answer for any email) and mails per member", async () => {
    const member = await createMember(db(), "viewer");
    const client = freshClient();
    for (let i = 0; i < 5; i++) await askForReset(db(), `nobody-${i}@example.test`, client);
    for (const email of [member.email, "nobody@example.test"])
      await expect(askForReset(db(), email, client)).rejects.toMatchObject({
        code: "rate_limited",
        message: expect.stringMatching(/^Too many requests\. Try again in \d+ minutes?\.$/),
      });

    const mails = [];
    for (let i = 0; i < 5; i++) mails.push((await askForReset(db(), member.email)).sent.length);
    expect(mails).toEqual([1, 1, 1, 0, 0]);
  });
});
