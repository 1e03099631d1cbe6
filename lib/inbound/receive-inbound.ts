import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { inboundEvents, integrations, type Integration } from "../db/schema";
import { HeraldError } from "../errors";
import { isPublicId } from "../ids";
import { consumeIfAllowed, memoryLimiter } from "../http/rate-limit";
import { readBodyCapped, requireJsonContentType } from "../http/read-body";
import { applyDueAlerts } from "./apply-due-alerts";
import { heartbeatPing } from "./heartbeats";
import type { ParsedPayload } from "./normalized-alert";
import { PARSERS } from "./parsers";
import { processAlerts } from "./process-alerts";
import { pagerDutySignatureValid } from "./signature";
import { tokenFromBearer, tokenMatches } from "./token";

/** Alert payloads are small; Alertmanager's largest groups stay well under this. */
export const MAX_INBOUND_BODY_BYTES = 256 * 1024;
/** What the event log keeps of a body. */
const LOGGED_BODY_CHARS = 4000;

export type InboundResult = { status: number; body: Record<string, unknown> };

const unauthorized = (): InboundResult => ({
  status: 401,
  body: {
    error: {
      code: "unauthenticated",
      message:
        "Send the integration's token as “Authorization: Bearer …” or as the URL's last path segment.",
    },
  },
});

/** One log line per integration per minute: a misconfigured sender retrying must not flood the logs. */
const rejectedLog = memoryLimiter("inbound-rejected-log", 1, 60);

/**
 * Handles one request to /api/inbound/{id}: authenticates it (token or, for
 * PagerDuty, signature too), parses the tool's payload, records what Herald did
 * in the integration's event log. A wrong token records nothing.
 */
export async function receiveInbound(input: {
  db: Db;
  request: Request;
  integrationId: string;
  pathToken: string | null;
  now?: Date;
}): Promise<InboundResult> {
  const { db, request } = input;
  const now = input.now ?? new Date();
  const [integration] = isPublicId(input.integrationId)
    ? await db.select().from(integrations).where(eq(integrations.id, input.integrationId))
    : [];
  if (!integration) return rejected("unknown", "unknown integration");

  const tokenOk = tokenMatches(
    input.pathToken ?? tokenFromBearer(request.headers.get("authorization")),
    integration.tokenHash,
  );
  let raw: string;
  try {
    if (integration.type !== "heartbeat" && request.method !== "GET")
      requireJsonContentType(request);
    raw = request.method === "GET" ? "" : await readBodyCapped(request, MAX_INBOUND_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof HeraldError)) throw error;
    // Only a caller holding the token learns (and logs) why its body was refused.
    if (!tokenOk) return rejected(integration.id, "wrong token");
    return logged(db, integration, "", failure(error));
  }
  // PagerDuty signs every webhook: with its secret configured the signature is what
  // authenticates (PagerDuty cannot also send our token unless told to).
  if (integration.signingSecret) {
    const signed = pagerDutySignatureValid(
      request.headers.get("x-pagerduty-signature"),
      raw,
      integration.signingSecret,
    );
    if (!signed) return rejected(integration.id, "bad PagerDuty signature");
  } else if (!tokenOk) return rejected(integration.id, "wrong token");

  if (integration.type === "heartbeat")
    return db.transaction(async (tx) => {
      const lines = await heartbeatPing(tx, integration, now);
      return logged(
        tx,
        integration,
        raw,
        { status: 200, body: { ok: true, outcome: lines } },
        lines,
      );
    });

  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return logged(
      db,
      integration,
      raw,
      failure(new HeraldError("invalid", "The body is not valid JSON.")),
    );
  }
  const parser = PARSERS[integration.type];
  const parsed = parser.parse(body);
  if ("error" in parsed) {
    const error = HeraldError.fromZod(parsed.error, `Expected ${parser.expected}.`);
    return logged(db, integration, raw, failure(error));
  }
  return db.transaction(async (tx) => {
    // One request per integration at a time: deduplication and grouping see each other's alerts.
    await tx
      .select({ id: integrations.id })
      .from(integrations)
      .where(eq(integrations.id, integration.id))
      .for("update");
    const lines = await handlePayload(tx, integration, parsed.payload, now);
    return logged(
      tx,
      integration,
      raw,
      { status: 202, body: { accepted: parsed.payload.alerts.length, outcome: lines } },
      lines,
    );
  });
}

async function handlePayload(tx: Db, integration: Integration, payload: ParsedPayload, now: Date) {
  if (payload.ignored) return [`${payload.ignored}: nothing to do on a status page`];
  const lines = await processAlerts(tx, integration, payload, now);
  return [...lines, ...(await applyDueAlerts(tx, now, integration.id))];
}

function failure(error: HeraldError): InboundResult {
  return {
    status: error.code === "unsupported_media_type" ? 415 : error.code === "too_large" ? 413 : 400,
    body: { error: { code: error.code, message: error.message, fields: error.fields } },
  };
}

async function logged(
  db: Db,
  integration: Integration,
  raw: string,
  result: InboundResult,
  lines?: string[],
): Promise<InboundResult> {
  const error = result.body.error as { message?: string } | undefined;
  await db.insert(inboundEvents).values({
    integrationId: integration.id,
    httpStatus: result.status,
    outcome: lines ?? [`refused: ${error?.message ?? "bad request"}`],
    payload: raw.slice(0, LOGGED_BODY_CHARS),
  });
  return result;
}

async function rejected(integrationId: string, why: string): Promise<InboundResult> {
  if (await consumeIfAllowed(rejectedLog, integrationId))
    console.warn(
      `inbound: refused a request for integration ${integrationId.slice(0, 12)}: ${why}`,
    );
  return unauthorized();
}
