import { createServer } from "node:http";
import { checkChatPayload } from "./chat-payload-checks";

export type SlackApiCall = { method: string; args: Record<string, unknown>; token: string | null };
export type SlackStandInMessage = {
  ts: string;
  thread_ts?: string;
  text: string;
  blocks: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  edits: number;
};
/** What the next call of `method` to `channel` (any, when unset) is answered with instead of success. */
export type SlackScripted = { method?: string; channel?: string } & (
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "error"; error: string }
  /** Slack accepts and stores the message, then the connection drops before the answer arrives. */
  | { kind: "accept_then_drop" }
);

/** Form-encoded arguments (how the official client sends them); JSON-valued ones arrive as strings. */
function parseArgs(body: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith("application/json"))
    return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    try {
      args[k] = ["blocks", "metadata", "attachments"].includes(k) ? JSON.parse(v) : v;
    } catch {
      args[k] = v;
    }
  }
  return args;
}

/**
 * A loopback stand-in for Slack's Web API (SLACK_API_URL): chat.postMessage,
 * chat.update, conversations.history and conversations.replies, answered as
 * Slack documents them (HTTP 200 with `{ok: true, channel, ts, message}` or
 * `{ok: false, error}`; HTTP 429 with Retry-After when rate limited). It keeps
 * each channel's messages, so a test reads the channel as people would.
 * https://docs.slack.dev/reference/methods/chat.postMessage
 * https://docs.slack.dev/reference/methods/chat.update
 */
export async function startSlackApiStandIn({ token = "xoxb-test-token" } = {}) {
  const calls: SlackApiCall[] = [];
  const scripted: SlackScripted[] = [];
  const channels = new Map<string, SlackStandInMessage[]>();
  let clock = 1_700_000_000;
  const nextTs = () => `${++clock}.000100`;

  const answer = (
    method: string,
    args: Record<string, unknown>,
  ): { status: number; body: unknown; headers?: Record<string, string>; drop?: boolean } => {
    const index = scripted.findIndex(
      (s) => (!s.method || s.method === method) && (!s.channel || s.channel === args.channel),
    );
    const next = index >= 0 ? scripted.splice(index, 1)[0] : undefined;
    if (next?.kind === "rate_limited")
      return {
        status: 429,
        body: { ok: false, error: "ratelimited" },
        headers: { "Retry-After": String(next.retryAfterSeconds) },
      };
    if (next?.kind === "error") return { status: 200, body: { ok: false, error: next.error } };
    const channel = String(args.channel ?? "");
    const messages = channels.get(channel);
    if (!messages) return { status: 200, body: { ok: false, error: "channel_not_found" } };
    switch (method) {
      case "chat.postMessage":
      case "chat.update": {
        const problem = checkChatPayload("slack", {
          query: new URLSearchParams(),
          headers: { "content-type": "application/json" },
          body: "",
          json: { text: args.text, blocks: args.blocks },
        });
        if (problem) return { status: 200, body: { ok: false, error: problem.split(":")[0] } };
        const content = { text: String(args.text ?? ""), blocks: (args.blocks as unknown[]) ?? [] };
        if (method === "chat.update") {
          const target = messages.find((m) => m.ts === args.ts);
          if (!target) return { status: 200, body: { ok: false, error: "message_not_found" } };
          Object.assign(target, content, { edits: target.edits + 1 });
          return {
            status: 200,
            body: { ok: true, channel, ts: target.ts, text: target.text, message: target },
          };
        }
        const threadTs = args.thread_ts ? String(args.thread_ts) : undefined;
        if (threadTs && !messages.some((m) => m.ts === threadTs && !m.thread_ts))
          return { status: 200, body: { ok: false, error: "thread_not_found" } };
        const message: SlackStandInMessage = {
          ts: nextTs(),
          ...(threadTs ? { thread_ts: threadTs } : {}),
          ...content,
          ...(args.metadata ? { metadata: args.metadata as SlackStandInMessage["metadata"] } : {}),
          edits: 0,
        };
        messages.push(message);
        return {
          status: 200,
          body: { ok: true, channel, ts: message.ts, message: { type: "message", ...message } },
          drop: next?.kind === "accept_then_drop",
        };
      }
      case "conversations.history": {
        const top = messages.filter((m) => !m.thread_ts).reverse();
        return {
          status: 200,
          body: { ok: true, messages: top.map((m) => withMetadata(m, args)), has_more: false },
        };
      }
      case "conversations.replies": {
        const thread = messages.filter((m) => m.ts === args.ts || m.thread_ts === args.ts);
        if (thread.length === 0)
          return { status: 200, body: { ok: false, error: "thread_not_found" } };
        return {
          status: 200,
          body: { ok: true, messages: thread.map((m) => withMetadata(m, args)), has_more: false },
        };
      }
    }
    return { status: 200, body: { ok: false, error: "unknown_method" } };
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0]!;
      const args = parseArgs(
        Buffer.concat(chunks).toString("utf8"),
        req.headers["content-type"] ?? "",
      );
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? null;
      calls.push({ method, args, token: bearer });
      const reply =
        bearer === token
          ? answer(method, args)
          : { status: 200, body: { ok: false, error: "invalid_auth" } };
      if (reply.drop) return void req.socket.destroy();
      res
        .writeHead(reply.status, {
          "Content-Type": "application/json; charset=utf-8",
          ...reply.headers,
        })
        .end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    /** SLACK_API_URL for this stand-in. */
    apiUrl: `http://127.0.0.1:${port}/api/`,
    token,
    calls,
    /** A channel the bot is in; its messages as Slack keeps them. */
    addChannel: (id: string) => void channels.set(id, []),
    messages: (id: string) => channels.get(id) ?? [],
    script: (...next: SlackScripted[]) => void scripted.push(...next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type SlackApiStandIn = Awaited<ReturnType<typeof startSlackApiStandIn>>;

/** Slack returns a message's metadata only when asked (include_all_metadata). */
function withMetadata(m: SlackStandInMessage, args: Record<string, unknown>) {
  const { metadata, edits: _edits, ...rest } = m;
  const all = args.include_all_metadata === true || args.include_all_metadata === "true";
  return { type: "message", ...rest, ...(all && metadata ? { metadata } : {}) };
}
