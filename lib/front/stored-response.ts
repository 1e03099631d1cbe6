import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { PublicRoute } from "../http/public-routes";
import { withoutFrameworkScripts } from "./public-page-html";
import { etagOf } from "../http/etag";
import { PUBLIC_CACHE_CONTROL, STALE_CACHE_CONTROL } from "../http/public-response";
import { withoutInlineScripts } from "../http/security-headers";

/**
 * A rendered public response held in memory, compressed once (gzip and
 * Brotli) so that serving it costs a lookup and a write, never a render or a
 * compression.
 */
export type StoredResponse = {
  status: number;
  headers: [string, string][];
  /** Weak: one validator for every encoding of the same content, equal on every instance. */
  etag: string;
  identity: Buffer;
  gzip?: Buffer;
  br?: Buffer;
};

/** Headers that belong to one transfer or one render, not to the content. */
const PER_TRANSFER = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "etag",
  "set-cookie",
]);
/** Below this, compression saves less than its framing costs (the threshold CDNs use). */
const MIN_COMPRESSIBLE_BYTES = 860;
const COMPRESSIBLE =
  /^(text\/|application\/(json|xml|atom\+xml|rss\+xml|javascript))|^image\/svg\+xml/;

/**
 * Brotli quality by size, paid once per publish, not per request. Quality 9 compresses a 140 KB
 * page in a few milliseconds, but a large page's 570 KB took 30 ms at 9 and 6.5 ms at 6, for 4.5 %
 * more bytes (23.4 KB instead of 22.3 KB): on a re-render after every publish, the sooner wins.
 */
const brotliQualityFor = (bytes: number) => (bytes > 256 * 1024 ? 6 : 9);

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export async function storeResponse(
  response: Response,
  { kind, live }: { kind: PublicRoute["kind"]; live: boolean },
): Promise<StoredResponse> {
  let headers = [...response.headers].filter(([name]) => !PER_TRANSFER.has(name));
  let identity = Buffer.from(await response.arrayBuffer());
  if (kind === "page") {
    // Next renders a not-found (or error) page from the client-side payload: only complete pages lose their scripts.
    if (response.status === 200) {
      identity = Buffer.from(withoutFrameworkScripts(identity.toString("utf8")));
      headers = headers.map(([name, value]): [string, string] => [
        name,
        name === "content-security-policy" ? withoutInlineScripts(value) : value,
      ]);
    }
    // A page rendered while the database is unreachable says so, and should not be kept long by a CDN.
    headers = [
      ...headers.filter(([name]) => name !== "cache-control"),
      ["cache-control", live ? PUBLIC_CACHE_CONTROL : STALE_CACHE_CONTROL],
    ];
  }
  // Keep what the content varies on (Next's pages vary on its router headers, which a CDN must
  // respect: a client navigation to the same URL wants a different payload), plus the encoding.
  const vary = response.headers.get("vary");
  headers = headers.filter(([name]) => name !== "vary");
  headers.push([
    "vary",
    vary ? (/accept-encoding/i.test(vary) ? vary : `${vary}, Accept-Encoding`) : "Accept-Encoding",
  ]);
  const etag = etagOf(identity);
  const stored: StoredResponse = { status: response.status, headers, etag, identity };
  const type = response.headers.get("content-type") ?? "";
  if (identity.length >= MIN_COMPRESSIBLE_BYTES && COMPRESSIBLE.test(type)) {
    [stored.gzip, stored.br] = await Promise.all([
      gzipAsync(identity, { level: 9 }),
      brotliAsync(identity, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: brotliQualityFor(identity.length),
          [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
        },
      }),
    ]);
  }
  return stored;
}
