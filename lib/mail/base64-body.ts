/**
 * One part of a variant's email: the template every recipient shares and this
 * recipient's values for its slots (their manage and unsubscribe links).
 */
export type FilledTemplate = {
  template: string;
  /** [slot, value]: every occurrence of the slot in the template becomes the value. */
  fills: readonly (readonly [slot: string, value: string])[];
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const patterns = new Map<string, RegExp>();
/** Any of the slots, in one pass: a value is never searched for slots itself. Kept: every message of a fan-out has the same slots. */
function slotPattern(slots: readonly string[]): RegExp {
  const key = slots.join("\u0000");
  let pattern = patterns.get(key);
  if (!pattern) {
    if (patterns.size >= 16) patterns.clear();
    pattern = new RegExp(slots.map(escapeRegExp).join("|"), "g");
    patterns.set(key, pattern);
  }
  return pattern;
}

/** The template with this recipient's values: what the email says. */
export function fillTemplate({ template, fills }: FilledTemplate): string {
  if (fills.length === 0) return template;
  const values = new Map(fills);
  return template.replace(slotPattern(fills.map(([slot]) => slot)), (slot) => values.get(slot)!);
}

const LINE = 76;
/** Input bytes per base64 line of 76 characters. */
const LINE_BYTES = 57;
/** A line and its CRLF. */
const LINE_STRIDE = LINE + 2;

/** Base64 in lines of 76 characters (RFC 2045), encoded natively. */
export function base64Lines(bytes: Buffer): Buffer {
  const encoded = bytes.toString("base64");
  const lines: string[] = [];
  for (let i = 0; i < encoded.length; i += LINE) lines.push(encoded.slice(i, i + LINE));
  return Buffer.from(lines.join("\r\n"), "latin1");
}

type Layout = {
  slots: string[];
  /** The template cut at its slots: fixed bytes, or the index of the fill that goes there. */
  pieces: (Buffer | number)[];
  /** The first recipient's encoding, and the byte lengths of its values, for the next recipients to start from. */
  reference?: { valueLengths: number[]; encoded: Buffer };
};

function layoutOf({ template, fills }: FilledTemplate): Layout {
  const pieces: Layout["pieces"] = [];
  const slots = fills.map(([slot]) => slot);
  if (slots.length === 0) return { slots, pieces: [Buffer.from(template, "utf8")] };
  let at = 0;
  for (const match of template.matchAll(slotPattern(slots))) {
    pieces.push(Buffer.from(template.slice(at, match.index), "utf8"), slots.indexOf(match[0]));
    at = match.index + match[0].length;
  }
  pieces.push(Buffer.from(template.slice(at), "utf8"));
  return { slots, pieces };
}

/** Layouts by template, a few variants at a time (a fan-out sends one or two). Keyed by the string itself: V8 keeps its hash, so a batch's recipients, who share one template string, look it up cheaply. */
const layouts = new Map<string, Layout>();
const LAYOUTS_KEPT = 32;

/**
 * The base64 body of `filled`, byte for byte `base64Lines(fillTemplate(filled))`.
 * A fan-out sends one template to thousands with only their links different,
 * and encoding 20 KB of HTML (UTF-8, then base64, then lines) for each was a
 * fifth of the worker's time per message. When this recipient's values are as
 * long as the first recipient's, every byte outside them sits where it sat in
 * the first message, so its encoding is copied and only the lines that hold a
 * value are encoded again.
 */
export function encodeFilledTemplate(filled: FilledTemplate): Buffer {
  let layout = layouts.get(filled.template);
  const sameSlots = (l: Layout) =>
    l.slots.length === filled.fills.length &&
    filled.fills.every(([slot], i) => l.slots[i] === slot);
  if (!layout || !sameSlots(layout)) {
    layout = layoutOf(filled);
    if (layouts.size >= LAYOUTS_KEPT) layouts.delete(layouts.keys().next().value!);
    layouts.set(filled.template, layout);
  }
  const values = filled.fills.map(([, value]) => Buffer.from(value, "utf8"));
  const bytes = Buffer.concat(
    layout.pieces.map((piece) => (typeof piece === "number" ? values[piece]! : piece)),
  );
  const valueLengths = values.map((v) => v.length);
  const reference = layout.reference;
  if (!reference || valueLengths.some((length, i) => length !== reference.valueLengths[i])) {
    const encoded = base64Lines(bytes);
    layout.reference ??= { valueLengths, encoded };
    return encoded;
  }
  const out = Buffer.from(reference.encoded);
  let offset = 0;
  for (const piece of layout.pieces) {
    const length = typeof piece === "number" ? values[piece]!.length : piece.length;
    if (typeof piece === "number" && length > 0) {
      const last = Math.floor((offset + length - 1) / LINE_BYTES);
      for (let line = Math.floor(offset / LINE_BYTES); line <= last; line++) {
        const start = line * LINE_BYTES;
        const chunk = bytes.toString("base64", start, Math.min(start + LINE_BYTES, bytes.length));
        out.write(chunk, line * LINE_STRIDE, "latin1");
      }
    }
    offset += length;
  }
  return out;
}
