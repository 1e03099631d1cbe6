import { createServer } from "node:http";

export type TwilioMessage = {
  sid: string;
  to: string;
  from: string | null;
  service: string | null;
  body: string;
};
/** What the next request is answered with, instead of Twilio's 201. */
export type TwilioScripted =
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "error"; code: number; message: string };

export const STAND_IN_ACCOUNT_SID = "AC00000000000000000000000000000000";
export const STAND_IN_AUTH_TOKEN = "stand-in-auth-token-0123456789ab";
const ACCOUNT_SID = STAND_IN_ACCOUNT_SID;
const AUTH_TOKEN = STAND_IN_AUTH_TOKEN;

/**
 * A loopback Twilio Messages API: checks the path, HTTP Basic credentials
 * and the form fields Twilio requires (To in E.164; exactly one of From and
 * MessagingServiceSid; Body), answers like Twilio (201 with the message's sid
 * and status "queued"; 400/401 with its JSON error; 429 with Retry-After), and
 * records what it accepted.
 */
export async function startTwilioStandIn(listenPort = 0) {
  const messages: TwilioMessage[] = [];
  const refused: { status: number; code: number; form: Record<string, string> }[] = [];
  const script: TwilioScripted[] = [];
  const path = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
      const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        if (status >= 400) refused.push({ status, code: (body as { code: number }).code, form });
        res.writeHead(status, { "Content-Type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      };
      const error = (status: number, code: number, message: string, headers = {}) =>
        answer(
          status,
          { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
          headers,
        );
      const expected = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`;
      if (req.method !== "POST" || req.url !== path)
        return error(404, 20404, "The requested resource was not found");
      if (req.headers.authorization !== expected) return error(401, 20003, "Authenticate");
      if (!String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded"))
        return error(400, 21620, "Invalid content type");
      if (!/^\+[1-9]\d{6,14}$/.test(form.To ?? ""))
        return error(400, 21211, `The 'To' number ${form.To} is not a valid phone number.`);
      if (Boolean(form.From) === Boolean(form.MessagingServiceSid))
        return error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required");
      if (!form.Body) return error(400, 21602, "Message body is required.");
      if (form.Body.length > 1600)
        return error(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
      const next = script.shift();
      if (next?.kind === "rate_limited")
        return error(429, 20429, "Too Many Requests", {
          "Retry-After": String(next.retryAfterSeconds),
        });
      if (next?.kind === "error") return error(400, next.code, next.message);
      const sid = `SM${String(messages.length + 1).padStart(32, "0")}`;
      messages.push({
        sid,
        to: form.To!,
        from: form.From ?? null,
        service: form.MessagingServiceSid ?? null,
        body: form.Body,
      });
      answer(201, {
        sid,
        account_sid: ACCOUNT_SID,
        to: form.To,
        from: form.From ?? null,
        body: form.Body,
        status: "queued",
        error_code: null,
        num_segments: "1",
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(listenPort, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    messages,
    refused,
    /** Answers the next requests (in order) with these instead of 201. */
    script: (...answers: TwilioScripted[]) => script.push(...answers),
    /** The 6-digit code in the latest text to `to`. */
    codeFor: (to: string) =>
      messages
        .filter((m) => m.to === to)
        .at(-1)
        ?.body.match(/\b(\d{6})\b/)?.[1] ?? null,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type TwilioStandIn = Awaited<ReturnType<typeof startTwilioStandIn>>;
