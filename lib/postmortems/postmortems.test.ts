import { expandFanOuts } from "../worker/expand-fan-outs";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import {
  incidents,
  incidentUpdates,
  notificationOutbox,
  postmortemRevisions,
  postmortems,
  subscribers,
} from "../db/schema";
import type { Db } from "../db/client";
import { loadPublicPostmortem } from "../public/postmortem-page";
import { blamelessHints } from "./blameless-hints";
import { getPostmortemWorkspace } from "./get-postmortem-workspace";
import { publishPostmortem } from "./publish-postmortem";
import { saveActionItems } from "./save-action-items";
import { savePostmortemDraft } from "./save-postmortem-draft";
import { startPostmortem } from "./start-postmortem";

async function incident(db: Db, state: "resolved" | "monitoring") {
  const startedAt = new Date("2026-10-01T10:00:00Z");
  const [row] = await db
    .insert(incidents)
    .values({
      title: `Checkout errors ${state}`,
      severity: "SEV2",
      impact: "major",
      state,
      startedAt,
      resolvedAt: state === "resolved" ? new Date("2026-10-01T12:00:00Z") : null,
    })
    .returning();
  await db.insert(incidentUpdates).values([
    {
      incidentId: row!.id,
      state: "investigating",
      body: "We are investigating failed checkouts. More soon.",
      displayAt: new Date("2026-10-01T10:05:00Z"),
    },
    {
      incidentId: row!.id,
      state: "resolved",
      body: "Checkouts work again. We will publish an RCA.",
      displayAt: new Date("2026-10-01T12:00:00Z"),
    },
  ]);
  return row!;
}

const filled = {
  summary: "Checkout failed for 2 hours.",
  impact: "All EU customers.",
  timeline: "- 10:00 began",
  rootCause: "An expired certificate.",
  resolution: "Renewed it and added expiry alerts.",
  wentWell: "Fast detection.",
  wentBadly: "Slow rollback.",
};

describeEachEngine("postmortems", ({ db }) => {
  it("cannot be written for an incident that is not resolved", async () => {
    const editor = await createMember(db(), "editor");
    const open = await incident(db(), "monitoring");
    await expect(startPostmortem({ ctx: editor, incidentId: open.id })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(
      await db().select().from(postmortems).where(eq(postmortems.incidentId, open.id)),
    ).toHaveLength(0);
  });

  it("starts with a timeline prefilled from the incident's updates", async () => {
    const editor = await createMember(db(), "editor");
    const done = await incident(db(), "resolved");
    const draft = await startPostmortem({ ctx: editor, incidentId: done.id });
    expect(draft.state).toBe("draft");
    expect(draft.sections.timeline).toMatch(/Incident began/);
    expect(draft.sections.timeline).toMatch(
      /Investigating: We are investigating failed checkouts\./,
    );
    expect(draft.sections.timeline).toMatch(/Resolved: Checkouts work again\./);
  });

  it("lets a viewer read but not start, save, publish or change action items", async () => {
    const viewer = await createMember(db(), "viewer");
    const editor = await createMember(db(), "editor");
    const done = await incident(db(), "resolved");
    await expect(startPostmortem({ ctx: viewer, incidentId: done.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await startPostmortem({ ctx: editor, incidentId: done.id });
    await expect(
      savePostmortemDraft({ ctx: viewer, input: { incidentId: done.id, sections: filled } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(publishPostmortem({ ctx: viewer, incidentId: done.id })).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      saveActionItems({ ctx: viewer, input: { incidentId: done.id, items: [] } }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const workspace = await getPostmortemWorkspace({ ctx: viewer, incidentId: done.id });
    expect(workspace.postmortem?.publishedRevision).toBe(0);
  });

  it("refuses to publish without summary, root cause and resolution, naming each", async () => {
    const editor = await createMember(db(), "editor");
    const done = await incident(db(), "resolved");
    await startPostmortem({ ctx: editor, incidentId: done.id });
    const error = await publishPostmortem({ ctx: editor, incidentId: done.id }).catch((e) => e);
    expect(error).toMatchObject({
      code: "invalid",
      fields: {
        summary: "Write a summary before publishing.",
        rootCause: "Explain the root cause before publishing.",
      },
    });
    expect(await loadPublicPostmortem(async () => db(), done.id).then((r) => r.value)).toBeNull();
  });

  it("publishes, then revises, keeping every revision readable", async () => {
    const editor = await createMember(db(), "editor");
    const done = await incident(db(), "resolved");
    await db()
      .insert(subscribers)
      .values({
        kind: "email",
        email: "reader@example.test",
        state: "active",
        allComponents: true,
        confirmedAt: new Date(),
      })
      .onConflictDoNothing();
    const draft = await startPostmortem({ ctx: editor, incidentId: done.id });
    await savePostmortemDraft({
      ctx: editor,
      input: {
        incidentId: done.id,
        sections: filled,
        expectedUpdatedAt: draft.updatedAt.toISOString(),
      },
    });
    expect((await publishPostmortem({ ctx: editor, incidentId: done.id })).publishedRevision).toBe(
      1,
    );
    await savePostmortemDraft({
      ctx: editor,
      input: {
        incidentId: done.id,
        sections: { ...filled, rootCause: "An expired intermediate certificate." },
      },
    });
    expect((await publishPostmortem({ ctx: editor, incidentId: done.id })).publishedRevision).toBe(
      2,
    );

    const pm = (
      await db().select().from(postmortems).where(eq(postmortems.incidentId, done.id))
    )[0]!;
    // Subscribers hear about the first publication once; the revision is not re-announced.
    await expandFanOuts(db());
    const sent = await db()
      .select()
      .from(notificationOutbox)
      .where(eq(notificationOutbox.subjectId, pm.id));
    expect(sent.map((r) => [r.eventType, r.recipient])).toEqual([
      ["postmortem.published", "reader@example.test"],
    ]);
    expect(
      await db()
        .select()
        .from(postmortemRevisions)
        .where(eq(postmortemRevisions.postmortemId, pm.id)),
    ).toHaveLength(2);
    const latest = (await loadPublicPostmortem(async () => db(), done.id)).value!;
    expect(latest.shown.sections.rootCause).toBe("An expired intermediate certificate.");
    expect(latest.revisions.map((r) => r.revision)).toEqual([2, 1]);
    const first = (await loadPublicPostmortem(async () => db(), done.id, 1)).value!;
    expect(first.shown.sections.rootCause).toBe("An expired certificate.");
  });

  it("rejects an autosave over a co-author's newer draft", async () => {
    const editor = await createMember(db(), "editor");
    const done = await incident(db(), "resolved");
    const draft = await startPostmortem({ ctx: editor, incidentId: done.id });
    await savePostmortemDraft({ ctx: editor, input: { incidentId: done.id, sections: filled } });
    await expect(
      savePostmortemDraft({
        ctx: editor,
        input: {
          incidentId: done.id,
          sections: { ...filled, summary: "Older tab" },
          expectedUpdatedAt: draft.updatedAt.toISOString(),
        },
      }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("tracks action items and their follow-through", async () => {
    const editor = await createMember(db(), "editor");
    const done = await incident(db(), "resolved");
    await startPostmortem({ ctx: editor, incidentId: done.id });
    const [first] = await saveActionItems({
      ctx: editor,
      input: {
        incidentId: done.id,
        items: [
          {
            title: "Alert on certificate expiry",
            owner: "SRE",
            dueOn: "2026-11-01",
            status: "open",
          },
        ],
      },
    });
    const updated = await saveActionItems({
      ctx: editor,
      input: {
        incidentId: done.id,
        items: [
          {
            id: first!.id,
            title: "Alert on certificate expiry",
            owner: "SRE",
            dueOn: "2026-11-01",
            status: "done",
          },
          { title: "Automate renewal", status: "in_progress" },
        ],
      },
    });
    expect(updated.map((i) => [i.title, i.status])).toEqual([
      ["Alert on certificate expiry", "done"],
      ["Automate renewal", "in_progress"],
    ]);
    expect(updated[0]!.id).toBe(first!.id);
    await expect(
      saveActionItems({
        ctx: editor,
        input: { incidentId: done.id, items: [{ title: "", status: "open", dueOn: "next week" }] },
      }),
    ).rejects.toMatchObject({ code: "invalid" });
  });
});

it("flags blame words and people's names without blocking", () => {
  const hints = blamelessHints(
    {
      rootCause: "Jane Doe forgot to renew it; human error.",
      wentBadly: "@bob should have noticed.",
    },
    ["Jane Doe"],
  );
  expect(hints.map((h) => h.match)).toEqual(
    expect.arrayContaining(["forgot", "human error", "Jane Doe", "should have", "@bob"]),
  );
  expect(blamelessHints({ rootCause: "The renewal job had no alert when it failed." })).toEqual([]);
});
