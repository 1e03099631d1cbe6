export type VisibleRow = { surface: string; samples: number; medianMs: number; maxMs: number };

const SURFACES = ["/", "/api/v2/summary.json", "/badge.svg", "/history.atom"];
const POLL_TIMEOUT_MS = 10_000;
/**
 * Between polls of one surface, as a visitor's reloads are (an upper bound on the error this adds).
 * Back to back, four pollers kept a server pinned to one core busy answering them, and on the large
 * page the re-render they waited for took twice as long as with nobody asking.
 */
const POLL_INTERVAL_MS = 25;
/**
 * Between one publish being visible everywhere and the next: the server finishes re-rendering the
 * surfaces nobody is polling (on the large page, /reliability, /uptime and /history took another
 * half second), as it would between real updates minutes apart. Published back to back, each
 * publish was measured while the last one's renders still held the server's one core.
 */
const SETTLE_MS = 2_000;

type Component = { id: string; status: string };

/** Polls `url` every POLL_INTERVAL_MS until `seen(body)`; the time from `since` to the response that showed it. */
async function timeUntilVisible(
  url: string,
  since: number,
  seen: (body: string) => boolean,
): Promise<number> {
  while (Date.now() - since < POLL_TIMEOUT_MS) {
    const body = await (await fetch(url, { headers: { "accept-encoding": "gzip, br" } })).text();
    if (seen(body)) return Date.now() - since;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  throw new Error(`${url}: the publish was not visible after ${POLL_TIMEOUT_MS} ms`);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Publish through the management API, then time from sending the request
 * until each public surface shows it (so the publish request's own time is
 * included; it is also reported alone): the incident text on the page, the API and the feed; the changed
 * overall status on the badge. Each round declares an incident that takes a
 * component down and then resolves it (two publishes, both measured).
 */
export async function measurePublishToVisible(
  base: string,
  apiKey: string,
  rounds = 3,
): Promise<VisibleRow[]> {
  const api = async (path: string, body?: unknown) => {
    const response = await fetch(`${base}/api/v1${path}`, {
      method: body ? "POST" : "GET",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const tree = (await api("/components")) as {
    groups: { components: Component[] }[];
    ungrouped: Component[];
  };
  const target = [...tree.groups.flatMap((g) => g.components), ...tree.ungrouped].find(
    (c) => c.status === "operational",
  );
  if (!target) throw new Error("no operational component to take down");

  const PUBLISH = "(the publish request itself)";
  const times = new Map<string, number[]>([PUBLISH, ...SURFACES].map((s) => [s, []]));
  /** `seen` per surface, given the badge as it was before the publish. */
  const measure = async (
    publish: () => Promise<unknown>,
    seen: (surface: string, badgeBefore: string) => (body: string) => boolean,
  ) => {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const badgeBefore = await (await fetch(`${base}/badge.svg`)).text();
    const since = Date.now();
    await publish();
    times.get(PUBLISH)!.push(Date.now() - since);
    await Promise.all(
      SURFACES.map(async (s) =>
        times.get(s)!.push(await timeUntilVisible(`${base}${s}`, since, seen(s, badgeBefore))),
      ),
    );
  };
  const badgeChanged = (before: string) => (body: string) => body !== before;
  for (let round = 1; round <= rounds; round++) {
    const nonce = `${Date.now().toString(36)}${round}`;
    const down = `Probe ${nonce} is down.`;
    const back = `Probe ${nonce} is back.`;
    let incidentId = "";
    // Declared: the update on the page, in the API and the feed; the badge's overall status changes.
    await measure(
      async () => {
        const declared = (await api("/incidents", {
          title: `Bench probe ${nonce}`,
          severity: "SEV1",
          impact: "critical",
          body: down,
          components: [{ componentId: target.id, status: "major_outage" }],
          cadence: "none",
          notify: false,
        })) as { incident: { id: string } };
        incidentId = declared.incident.id;
      },
      (s, badge) => (s === "/badge.svg" ? badgeChanged(badge) : (body) => body.includes(down)),
    );
    // Resolved: it leaves the page's active incidents and the API's summary, the feed gets the update, the badge changes back.
    await measure(
      () => api(`/incidents/${incidentId}/resolve`, { body: back, notify: false }),
      (s, badge) =>
        s === "/badge.svg"
          ? badgeChanged(badge)
          : s === "/history.atom"
            ? (body) => body.includes(back)
            : (body) => !body.includes(down),
    );
  }
  return [...times.keys()].map((surface) => {
    const samples = times.get(surface)!;
    return {
      surface,
      samples: samples.length,
      medianMs: median(samples),
      maxMs: Math.max(...samples),
    };
  });
}
