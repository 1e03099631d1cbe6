import { sendOutbound, type OutboundOptions } from "../http/outbound/send-outbound";
import { upstreamSummarySchema, type UpstreamSummary } from "./summary-schema";

/** Large Statuspage summaries run to a few hundred KB; past this something is wrong. */
export const MAX_SUMMARY_BYTES = 2_000_000;
export const SUMMARY_TIMEOUT_MS = 10_000;

export type SummaryRead =
  { kind: "not_modified" } | { kind: "ok"; summary: UpstreamSummary; etag: string | null };

/**
 * One conditional GET of an upstream summary.json through the outbound client
 * (private-address guard, timeout, size cap, no redirects). Throws an Error
 * whose message is what the console shows on the upstream's page.
 */
export async function fetchSummary(
  url: string,
  etag: string | null,
  options: OutboundOptions = {},
): Promise<SummaryRead> {
  const response = await sendOutbound(
    {
      url,
      headers: {
        accept: "application/json",
        "user-agent": "Herald status page (upstream poll)",
        ...(etag ? { "if-none-match": etag } : {}),
      },
    },
    { timeoutMs: SUMMARY_TIMEOUT_MS, maxResponseBytes: MAX_SUMMARY_BYTES, ...options },
  );
  if (response.status === 304) return { kind: "not_modified" };
  if (response.status !== 200)
    throw new Error(
      response.status >= 300 && response.status < 400
        ? `HTTP ${response.status}: redirects are not followed; use the final summary.json URL.`
        : `HTTP ${response.status} from the upstream.`,
    );
  let json: unknown;
  try {
    json = JSON.parse(response.body.toString("utf8"));
  } catch {
    throw new Error("The answer is not JSON: is this a Statuspage v2 summary.json URL?");
  }
  const parsed = upstreamSummarySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `Not a Statuspage v2 summary.json: ${issue.path.join(".") || "body"}: ${issue.message}`,
    );
  }
  const tag = response.headers.etag;
  return { kind: "ok", summary: parsed.data, etag: typeof tag === "string" ? tag : null };
}
