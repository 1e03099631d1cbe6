import { LogLevel, WebClient, type FetchFunction } from "@slack/web-api";

type FetchResponse = Awaited<ReturnType<FetchFunction>>;
import { config } from "../config";
import { sendOutbound } from "../http/outbound/send-outbound";

export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

/** Slack's answers to chat.postMessage and conversations.* are small; a cap keeps a stand-in or a proxy honest. */
const MAX_ANSWER_BYTES = 1_000_000;

/**
 * The official client's transport, over Herald's one outbound client (private
 * address guard at connect time, timeout, size cap, no redirects), so the Web
 * API is reached like every other service Herald calls.
 */
const outboundFetch: FetchFunction = async (url, init) => {
  if (typeof init?.body !== "string" && init?.body !== undefined)
    throw new Error("Herald sends Slack no file uploads.");
  const response = await sendOutbound(
    {
      url: String(url),
      method: "POST",
      headers: init?.headers,
      body: init?.body,
    },
    { maxResponseBytes: MAX_ANSWER_BYTES },
  );
  const headers = Object.entries(response.headers).flatMap(([k, v]) =>
    v === undefined ? [] : [[k, Array.isArray(v) ? v.join(", ") : v] as [string, string]],
  );
  const text = response.body.toString("utf8");
  const answer: FetchResponse = {
    ok: response.status >= 200 && response.status < 300,
    status: response.status,
    statusText: "",
    url: String(url),
    headers: {
      get: (name: string) => headers.find(([k]) => k === name.toLowerCase())?.[1] ?? null,
      entries: () => headers,
    },
    arrayBuffer: async () => new Uint8Array(response.body).buffer,
    json: async () => JSON.parse(text) as unknown,
    text: async () => text,
  };
  return answer;
};

/**
 * A Web API client for Slack app mode. The outbox owns retries: the client
 * makes one try per call (no retries of its own) and a 429 comes back at once
 * as a rate-limit error carrying Retry-After, which the worker turns into a
 * deferral that spends no attempt.
 */
export function createSlackClient(token: string, apiUrl = DEFAULT_SLACK_API_URL): WebClient {
  return new WebClient(token, {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 10_000,
    fetch: outboundFetch,
    logLevel: LogLevel.ERROR,
    // Method names are never URLs here; refuse any that would leave SLACK_API_URL.
    allowAbsoluteUrls: false,
  });
}

let configured: WebClient | null | undefined;

/** The client for SLACK_BOT_TOKEN, or null when Slack app mode is off. */
export function configuredSlackClient(): WebClient | null {
  if (configured === undefined) {
    const { SLACK_BOT_TOKEN, SLACK_API_URL } = config();
    configured = SLACK_BOT_TOKEN ? createSlackClient(SLACK_BOT_TOKEN, SLACK_API_URL) : null;
  }
  return configured;
}

/** Whether the console offers "Slack channel (app)". */
export const slackAppConfigured = () => Boolean(config().SLACK_BOT_TOKEN);
