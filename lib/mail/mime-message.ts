import mimeFuncs from "nodemailer/lib/mime-funcs/index.js";
import MimeNode from "nodemailer/lib/mime-node/index.js";
import { base64Lines, encodeFilledTemplate, type FilledTemplate } from "./base64-body";

/** What one email is made of, as the transports receive it. */
export type MimeParts = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The same text and html as a variant's templates and this recipient's values: encoded from the variant's first message. */
  bodies?: { text: FilledTemplate; html: FilledTemplate };
  headers?: Record<string, string>;
  messageId?: string;
  /** Seeds the MIME boundary (derived from the idempotency key, so a retry is byte-for-byte the same). */
  baseBoundary?: string;
  date?: Date;
};

/**
 * List-Id is `phrase <id>` (RFC 2919) and only its phrase may be an encoded
 * word. nodemailer's generic header encoding turns the whole value into one
 * encoded word whenever it holds a quote, which hides the id from every filter.
 */
function listId(value: string) {
  const [, name, id] = /^"(.*)" <([^<>\s]+)>$/.exec(value) ?? [];
  if (name === undefined || id === undefined) return value;
  const phrase = /^[\x20-\x7e]*$/.test(name) ? `"${name}"` : mimeFuncs.encodeWord(name, "Q", 52);
  return { prepared: true, foldLines: true, value: `${phrase} <${id}>` };
}

const dateHeader = (date: Date) => date.toUTCString().replace(/GMT/, "+0000");

/** The header block and boundary from nodemailer's own MimeNode: addresses, encoded words and folding are exactly nodemailer's. */
function composeHeaders(parts: MimeParts, date: string): { head: string; boundary: string } {
  const root = new MimeNode("multipart/alternative", {
    baseBoundary: parts.baseBoundary,
    textEncoding: "Q",
  });
  // nodemailer takes prepared values at run time; its types only list strings.
  root.setHeader(<Record<string, string>>{
    From: parts.from,
    To: parts.to,
    Subject: parts.subject,
    Date: date,
    "MIME-Version": "1.0",
    ...(parts.messageId ? { "Message-ID": parts.messageId } : {}),
    ...parts.headers,
    ...(parts.headers?.["List-Id"] ? { "List-Id": listId(parts.headers["List-Id"]) } : {}),
  });
  return { head: root.buildHeaders(), boundary: root.boundary as string };
}

/**
 * Header values that differ per recipient, with stand-ins that nodemailer
 * leaves as they are. A message whose own values are as plain (printable
 * ASCII, nothing to encode or quote) gets them written into the variant's
 * header block; any other goes through MimeNode whole.
 */
const PER_RECIPIENT = {
  To: { stand_in: "to@herald-slot.invalid", plain: /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+$/ },
  Date: { stand_in: "Thu, 01 Jan 1970 00:00:00 +0000", plain: /^[\x21-\x7e ]+$/ },
  "Message-ID": { stand_in: "<id@herald-slot.invalid>", plain: /^<[^<>\s]+>$/ },
  "List-Unsubscribe": {
    stand_in: "<https://herald-slot.invalid/u>",
    plain: /^<[\x21-\x3b=\x3f-\x7e]+>$/,
  },
} as const;
type PerRecipientKey = keyof typeof PER_RECIPIENT;
const BOUNDARY_STAND_IN = "0000000000000000";
const PLAIN_BOUNDARY = /^[0-9a-f]{16}$/;

type Skeleton = {
  /** Folded header lines in nodemailer's order: fixed text, a per-recipient header, or the Content-Type line. */
  entries: (string | { key: PerRecipientKey } | { contentType: string })[];
  boundary: string;
};
const skeletons = new Map<string, Skeleton>();
const SKELETONS_KEPT = 32;

function perRecipientValues(
  parts: MimeParts,
  date: string,
): Record<PerRecipientKey, string | undefined> {
  return {
    To: parts.to,
    Date: date,
    "Message-ID": parts.messageId,
    "List-Unsubscribe": parts.headers?.["List-Unsubscribe"],
  };
}

function skeletonOf(parts: MimeParts): Skeleton {
  const values = perRecipientValues(parts, "");
  const standIns: MimeParts = {
    ...parts,
    to: PER_RECIPIENT.To.stand_in,
    baseBoundary: BOUNDARY_STAND_IN,
    ...(values["Message-ID"] ? { messageId: PER_RECIPIENT["Message-ID"].stand_in } : {}),
    ...(values["List-Unsubscribe"]
      ? {
          headers: {
            ...parts.headers,
            "List-Unsubscribe": PER_RECIPIENT["List-Unsubscribe"].stand_in,
          },
        }
      : {}),
  };
  const { head, boundary } = composeHeaders(standIns, PER_RECIPIENT.Date.stand_in);
  const entries = head.split(/\r\n(?![ \t])/).map((line): Skeleton["entries"][number] => {
    const key = line.slice(0, line.indexOf(":"));
    if (key === "Content-Type") return { contentType: line };
    return key in PER_RECIPIENT ? { key: key as PerRecipientKey } : line;
  });
  return { entries, boundary };
}

/**
 * The header block as composeHeaders makes it, with the part every recipient
 * of a variant shares composed once. MimeNode normalises, encodes and folds
 * each header on every call, about a tenth of the worker's time per message
 * in a large fan-out.
 */
function headersFor(parts: MimeParts, date: string): { head: string; boundary: string } {
  const values = perRecipientValues(parts, date);
  const plain =
    parts.baseBoundary !== undefined &&
    PLAIN_BOUNDARY.test(parts.baseBoundary) &&
    (Object.keys(PER_RECIPIENT) as PerRecipientKey[]).every(
      (key) => values[key] === undefined || PER_RECIPIENT[key].plain.test(values[key]),
    );
  if (!plain) return composeHeaders(parts, date);
  const shared = JSON.stringify([
    parts.from,
    parts.subject,
    Object.entries(parts.headers ?? {}).filter(([key]) => key !== "List-Unsubscribe"),
    Boolean(values["Message-ID"]),
    Boolean(values["List-Unsubscribe"]),
  ]);
  let skeleton = skeletons.get(shared);
  if (!skeleton) {
    skeleton = skeletonOf(parts);
    if (skeletons.size >= SKELETONS_KEPT) skeletons.delete(skeletons.keys().next().value!);
    skeletons.set(shared, skeleton);
  }
  const base = parts.baseBoundary!;
  const head = skeleton.entries
    .map((entry) =>
      typeof entry === "string"
        ? entry
        : "key" in entry
          ? mimeFuncs.foldLines(`${entry.key}: ${values[entry.key]}`, 76)
          : entry.contentType.replace(BOUNDARY_STAND_IN, base),
    )
    .join("\r\n");
  return { head, boundary: skeleton.boundary.replace(BOUNDARY_STAND_IN, base) };
}

/**
 * One email as multipart/alternative (plain text, then HTML, both UTF-8 in
 * base64), the shape every Herald email has. The header block comes from
 * nodemailer's own MimeNode (composed once per variant where the recipient's
 * own values are plain); the bodies are joined here. nodemailer's full
 * composer streams each part through a chain of transforms, which was most of
 * the worker's time per message at a thousand messages a second (issue #17).
 */
export function buildMimeMessage(
  parts: MimeParts,
  /** False composes every header and body from scratch (the reference the reuse is tested against). */
  { reuse = true }: { reuse?: boolean } = {},
): Buffer {
  const date = dateHeader(parts.date ?? new Date());
  const { head, boundary } = reuse ? headersFor(parts, date) : composeHeaders(parts, date);
  const body = (kind: "text" | "html") =>
    reuse && parts.bodies
      ? encodeFilledTemplate(parts.bodies[kind])
      : base64Lines(Buffer.from(parts[kind], "utf8"));
  const partHead = (type: string) =>
    `--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\n` +
    `Content-Transfer-Encoding: base64\r\n\r\n`;
  return Buffer.concat([
    Buffer.from(`${head}\r\n\r\n${partHead("text/plain")}`, "utf8"),
    body("text"),
    Buffer.from(`\r\n${partHead("text/html")}`, "latin1"),
    body("html"),
    Buffer.from(`\r\n--${boundary}--\r\n`, "latin1"),
  ]);
}
