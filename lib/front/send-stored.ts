import type { IncomingMessage, ServerResponse } from "node:http";
import Negotiator from "negotiator";
import { matchesEtag } from "../http/etag";
import type { StoredResponse } from "./stored-response";

const ENCODINGS = ["br", "gzip", "identity"] as const;
type Encoding = (typeof ENCODINGS)[number];
/** negotiator 1.x takes a server preference for ties (`gzip, br` both at q=1 → br); its types predate it. */
type NegotiatorWithPreference = {
  encoding(available: string[], options: { preferred: string[] }): string | undefined;
};

/** Writes a stored response: the encoding the client prefers, a 304 for a current validator, no body for HEAD. */
export function sendStored(
  request: IncomingMessage,
  response: ServerResponse,
  stored: StoredResponse,
  extraHeaders: [string, string][] = [],
): void {
  for (const [name, value] of [...stored.headers, ...extraHeaders])
    response.appendHeader(name, value);
  response.setHeader("etag", stored.etag);
  if (matchesEtag(request.headers["if-none-match"], stored.etag)) {
    response.writeHead(304).end();
    return;
  }
  const available: string[] = ENCODINGS.filter((e) => e === "identity" || stored[e]);
  const negotiator = new Negotiator(request) as unknown as NegotiatorWithPreference;
  const encoding = (negotiator.encoding(available, { preferred: available }) ??
    "identity") as Encoding;
  const body = stored[encoding] ?? stored.identity;
  if (encoding !== "identity") response.setHeader("content-encoding", encoding);
  response.setHeader("content-length", body.length);
  response.writeHead(stored.status);
  response.end(request.method === "HEAD" ? undefined : body);
}
