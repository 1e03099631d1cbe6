import type { IncomingMessage, ServerResponse } from "node:http";
import Negotiator from "negotiator";
import { matchesEtag } from "../http/etag";
import { readFrontHeaders, type FrontHeaders } from "./cacheable-request";
import type { StoredResponse } from "./stored-response";

const ENCODINGS = ["br", "gzip", "identity"] as const;
type Encoding = (typeof ENCODINGS)[number];
/** negotiator 1.x takes a server preference for ties (`gzip, br` both at q=1 → br); its types predate it. */
type NegotiatorWithPreference = {
  encoding(available: string[], options: { preferred: string[] }): string | undefined;
};

/**
 * Everything a stored response sends, per encoding, computed once per stored
 * response rather than per request: the headers as the flat [name, value, …]
 * list writeHead takes as is (no per-header bookkeeping), with the etag,
 * content-encoding and content-length of that encoding.
 */
type Prepared = {
  available: Encoding[];
  /** Which encodings the response has, as a key for the negotiation memo. */
  offer: string;
  byEncoding: Partial<Record<Encoding, { headers: string[]; body: Buffer }>>;
  notModified: string[];
};
const prepared = new WeakMap<StoredResponse, Prepared>();

function prepare(stored: StoredResponse): Prepared {
  const common = [...stored.headers.flat(), "etag", stored.etag];
  const available = ENCODINGS.filter((e) => e === "identity" || stored[e]);
  const byEncoding: Prepared["byEncoding"] = {};
  for (const encoding of available) {
    const body = stored[encoding] ?? stored.identity;
    byEncoding[encoding] = {
      body,
      headers: [
        ...common,
        ...(encoding === "identity" ? [] : ["content-encoding", encoding]),
        "content-length",
        String(body.length),
      ],
    };
  }
  return { available, offer: available.join(), byEncoding, notModified: common };
}

/**
 * The encoding chosen for an Accept-Encoding value: browsers send a handful
 * of distinct values, so each is negotiated once, not per request. Bounded:
 * arbitrary values from clients cannot grow it without limit.
 */
const negotiated = new Map<string, Map<string, Encoding>>();
const MAX_NEGOTIATED = 200;

function encodingFor(acceptEncoding = "", { available, offer }: Prepared): Encoding {
  let forOffer = negotiated.get(offer);
  if (!forOffer) negotiated.set(offer, (forOffer = new Map()));
  let encoding = forOffer.get(acceptEncoding);
  if (!encoding) {
    const negotiator = new Negotiator({
      headers: { "accept-encoding": acceptEncoding || undefined },
    }) as unknown as NegotiatorWithPreference;
    encoding = (negotiator.encoding(available, { preferred: available }) ?? "identity") as Encoding;
    if (forOffer.size >= MAX_NEGOTIATED) forOffer.clear();
    forOffer.set(acceptEncoding, encoding);
  }
  return encoding;
}

/**
 * Writes a stored response: the encoding the client prefers, a 304 for a current validator, no body
 * for HEAD. `requestHeaders`: when the caller has read them already.
 */
export function sendStored(
  request: IncomingMessage,
  response: ServerResponse,
  stored: StoredResponse,
  extraHeaders: [string, string][] = [],
  requestHeaders: FrontHeaders = readFrontHeaders(request.rawHeaders),
): void {
  let p = prepared.get(stored);
  if (!p) prepared.set(stored, (p = prepare(stored)));
  const extra = extraHeaders.length ? extraHeaders.flat() : undefined;
  if (matchesEtag(requestHeaders.ifNoneMatch, stored.etag)) {
    response.writeHead(304, extra ? [...p.notModified, ...extra] : p.notModified).end();
    return;
  }
  const { headers, body } = p.byEncoding[encodingFor(requestHeaders.acceptEncoding, p)]!;
  response.writeHead(stored.status, extra ? [...headers, ...extra] : headers);
  response.end(request.method === "HEAD" ? undefined : body);
}
