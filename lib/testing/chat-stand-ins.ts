import { createServer, type IncomingHttpHeaders } from "node:http";
import type { ChatChannel } from "../db/schema/enums";
import { checkChatPayload } from "./chat-payload-checks";

export type ChatCall = {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
};
type Answer = { status: number; body: string; headers: Record<string, string> };
/** What the next request is answered with, instead of the platform's success. */
export type Scripted =
  { kind: "rate_limited"; retryAfterSeconds: number } | { kind: "gone" } | { kind: "hang" };

/** The path each platform's webhook URLs have, so the URL a test subscribes looks like a real one. */
const PATHS: Record<ChatChannel, string> = {
  slack: "/services/T000/B000/XXXXXXXXXXXXXXXX",
  teams: "/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=xyz",
  discord: "/api/webhooks/123456789/token-abc",
  google_chat: "/v1/spaces/AAAA/messages?key=k-123&token=t-456",
  mattermost: "/hooks/xxx-generatedkey-xxx",
};

const text = (status: number, body: string, headers: Record<string, string> = {}): Answer => ({
  status,
  body,
  headers: { "Content-Type": "text/plain; charset=utf-8", ...headers },
});
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  body: JSON.stringify(body),
  headers: { "Content-Type": "application/json", ...headers },
});

/**
 * How each platform answers. Success: Slack and Mattermost 200 "ok", Teams
 * Workflows 202 with no body, Discord 204, Google Chat 200 with the created
 * message. 429s carry Retry-After (Discord also `retry_after` in its body);
 * a deleted webhook is 404 (Slack "no_service", Discord "Unknown Webhook") or
 * 410; a payload the platform would refuse (over a limit, wrong shape) is 400.
 */
const ANSWERS: Record<
  ChatChannel,
  {
    ok: (call: ChatCall) => Answer;
    invalid: (problem: string) => Answer;
    rateLimited: (seconds: number) => Answer;
    gone: () => Answer;
  }
> = {
  slack: {
    ok: () => text(200, "ok"),
    invalid: () => text(400, "invalid_blocks"),
    rateLimited: (s) => text(429, "rate_limited", { "Retry-After": String(s) }),
    gone: () => text(410, "channel_is_archived"),
  },
  teams: {
    ok: () => ({ status: 202, body: "", headers: {} }),
    invalid: (problem) => json(400, { error: { code: "InvalidRequestContent", message: problem } }),
    rateLimited: (s) =>
      json(429, { error: { code: "TooManyRequests" } }, { "Retry-After": String(s) }),
    gone: () =>
      json(404, { error: { code: "WorkflowNotFound", message: "The workflow was not found." } }),
  },
  discord: {
    ok: () => ({ status: 204, body: "", headers: {} }),
    invalid: (problem) => json(400, { code: 50035, message: "Invalid Form Body", errors: problem }),
    // Discord's header is whole seconds; its body's retry_after is the precise figure.
    rateLimited: (s) =>
      json(
        429,
        { message: "You are being rate limited.", retry_after: s, global: false },
        {
          "Retry-After": String(Math.ceil(s)),
        },
      ),
    gone: () => json(404, { message: "Unknown Webhook", code: 10015 }),
  },
  google_chat: {
    ok: (call) => {
      const key = (call.json as { thread?: { threadKey?: string } }).thread?.threadKey;
      return json(200, {
        name: "spaces/AAAA/messages/m1",
        thread: { name: `spaces/AAAA/threads/${key ?? "new"}`, threadKey: key },
      });
    },
    invalid: (problem) =>
      json(400, { error: { code: 400, message: problem, status: "INVALID_ARGUMENT" } }),
    rateLimited: (s) =>
      json(
        429,
        {
          error: {
            code: 429,
            message: "Resource has been exhausted",
            status: "RESOURCE_EXHAUSTED",
          },
        },
        {
          "Retry-After": String(s),
        },
      ),
    gone: () =>
      json(404, {
        error: { code: 404, message: "Requested entity was not found.", status: "NOT_FOUND" },
      }),
  },
  mattermost: {
    ok: () => text(200, "ok"),
    invalid: (problem) =>
      json(400, { id: "web.incoming_webhook.parse.app_error", message: problem, status_code: 400 }),
    rateLimited: (s) => text(429, "too many requests", { "Retry-After": String(s) }),
    gone: () =>
      json(404, {
        id: "web.incoming_webhook.invalid.app_error",
        message: "Invalid webhook.",
        status_code: 404,
      }),
  },
};

/**
 * A loopback stand-in for one chat platform: records every request and
 * answers as the real service would, including its refusals of a payload that
 * breaks the platform's shape or limits. `script` makes the next requests
 * answer 429, 404/410 or hang (a worker killed mid-send).
 */
export async function startChatStandIn(channel: ChatChannel) {
  const calls: ChatCall[] = [];
  const scripted: Scripted[] = [];
  const deleted = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://stand-in");
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = null;
      }
      const call = {
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        json: parsed,
      };
      const next: Scripted | undefined = deleted.has(url.pathname)
        ? { kind: "gone" }
        : scripted.shift();
      if (next?.kind === "hang") return; // never answers, never records: the send never happened
      calls.push(call);
      const answers = ANSWERS[channel];
      const problem = checkChatPayload(channel, call);
      const answer =
        next?.kind === "rate_limited"
          ? answers.rateLimited(next.retryAfterSeconds)
          : next?.kind === "gone"
            ? answers.gone()
            : problem
              ? answers.invalid(problem)
              : answers.ok(call);
      res.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    channel,
    /** A webhook URL on this stand-in; `suffix` tells several subscriptions apart. */
    webhookUrl: (suffix = "") => {
      const url = new URL(`http://127.0.0.1:${port}${PATHS[channel]}`);
      url.pathname += suffix;
      return url.toString();
    },
    calls,
    script: (...next: Scripted[]) => void scripted.push(...next),
    /** From now on this webhook answers as a deleted one (404 or 410). */
    deleteWebhook: (webhookUrl: string) => void deleted.add(new URL(webhookUrl).pathname),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type ChatStandIn = Awaited<ReturnType<typeof startChatStandIn>>;
