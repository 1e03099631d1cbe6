import {
  Agent,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import { CLIENT_ADDRESS_HEADER, FRONT_SECRET_HEADER } from "../http/front-headers";

/**
 * Headers about one connection (RFC 9110 §7.6.1), never forwarded, plus `expect` (this server
 * has already answered a 100-continue) and the two only the front thread may set.
 */
const NOT_FORWARDED = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
  CLIENT_ADDRESS_HEADER,
  FRONT_SECRET_HEADER,
]);

/** `raw` (name, value, name, value…) without hop-by-hop headers, including those `Connection` names. */
function forwardable(raw: string[]): string[] {
  let named: Set<string> | undefined;
  for (let i = 0; i < raw.length; i += 2)
    if (raw[i]!.toLowerCase() === "connection")
      for (const token of raw[i + 1]!.split(","))
        (named ??= new Set()).add(token.trim().toLowerCase());
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (!NOT_FORWARDED.has(name) && !named?.has(name)) kept.push(raw[i]!, raw[i + 1]!);
  }
  return kept;
}

const hasHeader = (raw: string[], lowerName: string) => {
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === lowerName) return true;
  return false;
};

/**
 * The front thread's way to Next for everything it does not answer from its cache (the console,
 * sign-in, forms, API writes, client navigation): the request as the client sent it, to the main
 * thread's loopback listener, and Next's answer streamed back as Next wrote it.
 *
 * Next would have read two things off the client's socket, which it no longer sees: the address
 * (rate limits; stamped with the secret, see client-address.ts) and X-Forwarded-For when the client
 * sent none (Next fills it from the socket, so it is filled here the same way).
 */
export function createPassToNext({ origin, secret }: { origin: URL; secret: string }) {
  // Connections to Next are reused: a console page's requests do not each open a socket.
  const agent = new Agent({ keepAlive: true });
  return (request: IncomingMessage, response: ServerResponse): void => {
    const peer = request.socket.remoteAddress ?? "unknown";
    const headers = forwardable(request.rawHeaders);
    if (!hasHeader(headers, "x-forwarded-for")) headers.push("x-forwarded-for", peer);
    headers.push(CLIENT_ADDRESS_HEADER, peer, FRONT_SECRET_HEADER, secret);
    const upstream = httpRequest({
      agent,
      host: origin.hostname,
      port: origin.port,
      method: request.method,
      path: request.url,
      headers,
      // Node would otherwise add `Host: 127.0.0.1:port`; the client's Host is among `headers`.
      setHost: false,
    });
    upstream.on("response", (answer) => {
      response.writeHead(
        answer.statusCode ?? 502,
        answer.statusMessage,
        forwardable(answer.rawHeaders),
      );
      answer.pipe(response);
      answer.on("error", () => response.destroy());
    });
    upstream.on("error", () => {
      // Next was unreachable or dropped the connection: say so if nothing was sent yet.
      if (response.headersSent) return void response.destroy();
      response
        .writeHead(502, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" })
        .end("Herald could not answer this request; try again in a few seconds.");
    });
    // A client that goes away takes its request to Next with it (a long render, a stream).
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  };
}
