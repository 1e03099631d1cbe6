import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import {
  literalHost,
  outboundUrlProblem,
  privateTargetsAllowed,
  PRIVATE_TARGET_HINT,
} from "./address-policy";
import { guardedLookup, systemResolver, type Resolver } from "./guarded-lookup";
import { parseRetryAfter } from "./retry-after";

export type OutboundRequest = {
  url: string;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  headers?: Record<string, string>;
  body?: string | Buffer;
};

export type OutboundOptions = {
  /** The whole exchange, connect to last byte. */
  timeoutMs?: number;
  /** Bigger answers are cut off and reported as an error. */
  maxResponseBytes?: number;
  allowPrivate?: boolean;
  resolve?: Resolver;
};

export type OutboundResponse = {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** `Retry-After`, in ms, when the receiver sent one (429, 503…). */
  retryAfterMs?: number;
};

export class OutboundError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "OutboundError";
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 1_000_000;

/**
 * THE outbound HTTP client: every request Herald makes to an address someone
 * typed in (webhooks today; chat channels, upstream status polling later) goes
 * through here. It refuses private targets (the URL, then the resolved address
 * at connect time), bounds time and response size, and never follows
 * redirects (a 3xx is returned as is).
 */
export async function sendOutbound(
  request: OutboundRequest,
  {
    timeoutMs = DEFAULT_TIMEOUT_MS,
    maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES,
    allowPrivate = privateTargetsAllowed(),
    resolve = systemResolver,
  }: OutboundOptions = {},
): Promise<OutboundResponse> {
  const problem = outboundUrlProblem(request.url, { allowPrivate });
  if (problem)
    throw new OutboundError(problem === PRIVATE_TARGET_HINT ? refusal(request.url) : problem);
  const url = new URL(request.url);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<OutboundResponse>((resolvePromise, reject) => {
    const req = send(
      {
        protocol: url.protocol,
        hostname: literalHost(url),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: request.method ?? "GET",
        headers: request.headers,
        // A fresh connection each time: a pooled socket would skip the lookup below.
        agent: false,
        lookup: guardedLookup(resolve, allowPrivate),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxResponseBytes) {
            res.destroy();
            reject(new OutboundError(`Response larger than ${maxResponseBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on("error", (error) => reject(wrap(error, timeoutMs)));
        res.on("end", () =>
          resolvePromise({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            retryAfterMs: parseRetryAfter(res.headers["retry-after"]),
          }),
        );
      },
    );
    req.on("error", (error) => reject(wrap(error, timeoutMs)));
    req.end(request.body);
  });
}

function refusal(raw: string): string {
  return `Refused: ${new URL(raw).hostname} is a private or loopback address`;
}

function wrap(error: Error, timeoutMs: number): OutboundError {
  if (error instanceof OutboundError) return error;
  if (error.name === "AbortError" || error.name === "TimeoutError")
    return new OutboundError(`No answer within ${timeoutMs / 1000} s`, { cause: error });
  return new OutboundError(error.message, { cause: error });
}
