import { expect, it } from "vitest";
import { parseAtomFeed, parseRssFeed } from "feedsmith";
import { describeEachEngine } from "../testing/databases";
import { maintenanceComponents, maintenances } from "../db/schema";
import { buildStatusSnapshot } from "../public/status-snapshot";
import { addUpdate, createComponent, createIncident } from "../notifications/test-helpers";
import { buildHistoryFeed } from "./build-history-feed";
import { components } from "../db/schema";
import { createMember } from "../testing/factories";
import { declareTestIncident } from "../testing/console-factories";
import { eq } from "drizzle-orm";

const baseUrl = "http://status.test";
const MINUTE = 60_000;

describeEachEngine("history feeds", ({ db }) => {
  async function seed() {
    const api = await createComponent(db(), "API");
    const web = await createComponent(db(), "Website");
    const t0 = new Date(Date.now() - 60 * MINUTE);
    const { incident } = await createIncident(db(), {
      title: "API errors",
      affected: { [api.id]: "major_outage" },
      update: { body: "Looking into **errors**.", displayAt: t0 },
    });
    await addUpdate(db(), incident.id, {
      state: "resolved",
      body: "Fixed <script>alert(1)</script>",
      displayAt: new Date(t0.getTime() + 30 * MINUTE),
    });
    const [m] = await db()
      .insert(maintenances)
      .values({
        title: "Website upgrade",
        body: "New CDN.",
        scheduledFor: new Date(Date.now() + 60 * MINUTE),
        scheduledUntil: new Date(Date.now() + 120 * MINUTE),
      })
      .returning();
    await db().insert(maintenanceComponents).values({ maintenanceId: m!.id, componentId: web.id });
    return { api, web, incident, maintenance: m! };
  }

  it("RSS 2.0: one item per incident and maintenance, updates newest first, sanitized", async () => {
    const { incident, maintenance } = await seed();
    const xml = buildHistoryFeed(await buildStatusSnapshot(db()), { baseUrl, format: "rss" });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<rss version="2.0"/);
    const feed = parseRssFeed(xml);
    expect(feed).toMatchObject({
      title: "Status - Incident History",
      link: `${baseUrl}/history`,
      description: expect.any(String),
    });
    const item = feed.items!.find((i) => i.link === `${baseUrl}/incidents/${incident.id}`)!;
    expect(item.title).toBe("API errors");
    expect(item.guid?.value).toBe(`${baseUrl}/incidents/${incident.id}`);
    expect(new Date(item.pubDate!).getTime()).toBeGreaterThan(Date.now() - 31 * MINUTE);
    // Statuspage's body shape: <small>date time</small><br><strong>State</strong> - text, newest first.
    expect(item.description).toMatch(
      /<small>\w{3} <var data-var='date'>\d+<\/var>, <var data-var='time'>\d\d:\d\d<\/var> UTC<\/small><br><strong>Resolved<\/strong> - <p>Fixed /,
    );
    expect(item.description!.indexOf("Resolved")).toBeLessThan(
      item.description!.indexOf("Investigating"),
    );
    expect(item.description).toContain("<strong>errors</strong>");
    expect(item.description).not.toContain("<script>");
    expect(feed.items!.some((i) => i.link === `${baseUrl}/maintenance/${maintenance.id}`)).toBe(
      true,
    );
  });

  it("Atom 1.0, and a per-component feed lists only what touched that component", async () => {
    const { api, web, incident, maintenance } = await seed();
    const snapshot = await buildStatusSnapshot(db());
    const all = parseAtomFeed(buildHistoryFeed(snapshot, { baseUrl, format: "atom" }));
    expect(all).toMatchObject({
      id: `${baseUrl}/history.atom`,
      title: { value: "Status - Incident History" },
      updated: expect.any(String),
    });
    expect(all.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rel: "self", href: `${baseUrl}/history.atom` }),
      ]),
    );
    const entry = all.entries!.find((e) => e.id === `${baseUrl}/incidents/${incident.id}`)!;
    expect(entry).toMatchObject({
      title: { value: "API errors" },
      updated: expect.any(String),
      published: expect.any(String),
    });

    const apiFeed = parseAtomFeed(
      buildHistoryFeed(snapshot, { baseUrl, format: "atom", componentId: api.id }),
    );
    expect(apiFeed.title).toEqual({ value: "Status - API - Incident History" });
    expect(apiFeed.entries!.map((e) => e.id)).toContain(`${baseUrl}/incidents/${incident.id}`);
    expect(apiFeed.entries!.map((e) => e.id)).not.toContain(
      `${baseUrl}/maintenance/${maintenance.id}`,
    );
    const webFeed = parseRssFeed(
      buildHistoryFeed(snapshot, { baseUrl, format: "rss", componentId: web.id }),
    );
    expect(webFeed.items!.map((i) => i.link)).toEqual([`${baseUrl}/maintenance/${maintenance.id}`]);
  });

  it("titles are text in every feed: a <script> title reaches readers as characters, not markup", async () => {
    const api = await createComponent(db(), "Billing");
    const incidentTitle = `<script>alert("x")</script> Q&A's <b>outage</b>`;
    const maintenanceTitle = "<img src=x onerror=alert(1)> upgrade";
    const { incident } = await createIncident(db(), {
      title: incidentTitle,
      affected: { [api.id]: "major_outage" },
      update: { body: "Looking.", displayAt: new Date() },
    });
    const [m] = await db()
      .insert(maintenances)
      .values({
        title: maintenanceTitle,
        body: "Soon.",
        scheduledFor: new Date(Date.now() + 60 * MINUTE),
        scheduledUntil: new Date(Date.now() + 120 * MINUTE),
      })
      .returning();
    await db().insert(maintenanceComponents).values({ maintenanceId: m!.id, componentId: api.id });
    const snapshot = await buildStatusSnapshot(db());
    // What a reader shows for a title it renders as HTML: entities decoded, and no element in it.
    const shown = (html: string) => {
      expect(html).not.toMatch(/</);
      return html.replace(
        /&(lt|gt|quot|#39|amp);/g,
        (_, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[e]!,
      );
    };
    for (const componentId of [null, api.id]) {
      const rss = parseRssFeed(buildHistoryFeed(snapshot, { baseUrl, format: "rss", componentId }));
      const rssTitle = (path: string) =>
        rss.items!.find((i) => i.link === `${baseUrl}${path}`)!.title!;
      expect(shown(rssTitle(`/incidents/${incident.id}`))).toBe(incidentTitle);
      expect(shown(rssTitle(`/maintenance/${m!.id}`))).toBe(maintenanceTitle);

      const atom = parseAtomFeed(
        buildHistoryFeed(snapshot, { baseUrl, format: "atom", componentId }),
      );
      const atomTitle = (path: string) => {
        const { title } = atom.entries!.find((e) => e.id === `${baseUrl}${path}`)!;
        return title!.type === "html" ? shown(title!.value!) : title!.value;
      };
      expect(atomTitle(`/incidents/${incident.id}`)).toBe(incidentTitle);
      expect(atomTitle(`/maintenance/${m!.id}`)).toBe(maintenanceTitle);
    }
  });

  it("each update says what it set components to, as of that update", async () => {
    const editor = await createMember(db(), "editor");
    const api = await createComponent(db(), "Payments API");
    const { incident } = await declareTestIncident(editor, {
      title: "Card payments failing",
      components: [{ componentId: api.id, status: "major_outage" }],
    });
    // Recovered since: the feed must not rewrite what the update said.
    await db().update(components).set({ status: "operational" }).where(eq(components.id, api.id));
    const feed = parseRssFeed(
      buildHistoryFeed(await buildStatusSnapshot(db()), { baseUrl, format: "rss" }),
    );
    const item = feed.items!.find((i) => i.link === `${baseUrl}/incidents/${incident.id}`)!;
    expect(item.description).toContain("<small>Payments API: Major outage</small>");
  });
});
