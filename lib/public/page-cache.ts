/**
 * Rendered public pages kept in memory, in front of Next's renderer: on
 * incident day `/` is requested thousands of times between two publishes, and
 * rendering it each time would cap the origin at a few requests a second.
 * Entries are valid for one public-cache validator (publish, minute, liveness);
 * concurrent misses share one render; the store is bounded.
 */
export type RenderedPage = { status: number; headers: [string, string][]; body: ArrayBuffer };

const MAX_ENTRIES = 500;
/** Headers that belong to one transfer, not to the page. */
const TRANSFER_HEADERS = new Set(["content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "date", "etag", "cache-control", "set-cookie"]);

const holder = globalThis as unknown as {
  __heraldPages?: { entries: Map<string, { validator: string; page: RenderedPage }>; inflight: Map<string, Promise<RenderedPage | null>> };
};
const store = (holder.__heraldPages ??= { entries: new Map(), inflight: new Map() });

/** Only complete, shareable answers are kept: a page (200) or a real not-found (404). */
const cacheable = (status: number) => status === 200 || status === 404;

export async function cachedPage(key: string, validator: string, render: () => Promise<Response>): Promise<RenderedPage | null> {
  const hit = store.entries.get(key);
  if (hit?.validator === validator) return hit.page;
  const flightKey = `${key}\n${validator}`;
  let flight = store.inflight.get(flightKey);
  if (!flight) {
    flight = render()
      .then(async (response): Promise<RenderedPage | null> => {
        if (!cacheable(response.status)) return null;
        const headers = [...response.headers].filter(([name]) => !TRANSFER_HEADERS.has(name.toLowerCase()));
        return { status: response.status, headers, body: await response.arrayBuffer() };
      })
      .catch(() => null)
      .finally(() => store.inflight.delete(flightKey));
    store.inflight.set(flightKey, flight);
  }
  const page = await flight;
  if (page) {
    store.entries.delete(key);
    store.entries.set(key, { validator, page });
    if (store.entries.size > MAX_ENTRIES) store.entries.delete(store.entries.keys().next().value!);
  }
  return page;
}
