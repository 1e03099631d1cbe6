/**
 * SMS length as the network counts it (3GPP TS 23.038): a text that fits the
 * GSM-7 alphabet costs 7 bits a character (160 in one message, 153 a part
 * once split, the rest being the concatenation header), and the extension
 * table's characters (`{}[]~\^|€` and form feed) take an escape plus the
 * character, so 2. Anything else sends the whole message as UCS-2: 70 code
 * units alone, 67 a part; characters beyond the BMP (emoji) take 2 units.
 */
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENDED = "\f^{}\\[~]|€";

const basic = new Set(GSM7_BASIC);
const extended = new Set(GSM7_EXTENDED);

export type SmsEncoding = "GSM-7" | "UCS-2";
export type SmsLength = { encoding: SmsEncoding; units: number; segments: number };

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  "GSM-7": { single: 160, part: 153 },
  "UCS-2": { single: 70, part: 67 },
};

export const isGsm7 = (text: string) => [...text].every((c) => basic.has(c) || extended.has(c));

/** Septets (GSM-7) or UTF-16 code units (UCS-2) per character, in order. */
function unitsOf(text: string, encoding: SmsEncoding): number[] {
  return [...text].map(
    (c) => (encoding === "GSM-7" ? (extended.has(c) ? 2 : 1) : c.length) /* surrogate pair: 2 */,
  );
}

/**
 * Parts are filled character by character: an escape pair or a surrogate pair
 * is never split across two parts, so a part may hold one unit less.
 */
export function smsLength(text: string): SmsLength {
  const encoding: SmsEncoding = isGsm7(text) ? "GSM-7" : "UCS-2";
  const units = unitsOf(text, encoding);
  const total = units.reduce((a, b) => a + b, 0);
  const { single, part } = LIMITS[encoding];
  if (total === 0) return { encoding, units: 0, segments: 1 };
  if (total <= single) return { encoding, units: total, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const u of units) {
    if (used + u > part) {
      segments++;
      used = 0;
    }
    used += u;
  }
  return { encoding, units: total, segments };
}

/**
 * The longest prefix of `text` that, followed by `suffix`, fits in
 * `maxSegments`; cut at a word boundary when one is near, marked with "…"
 * (which is not GSM-7, so a cut message uses "..." when the rest is GSM-7).
 */
export function fitSms(text: string, suffix: string, maxSegments = 2): string {
  const whole = text + suffix;
  if (smsLength(whole).segments <= maxSegments) return whole;
  const ellipsis = isGsm7(whole) ? "..." : "…";
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // Binary search on the prefix length: the segment count only grows with it.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = chars.slice(0, mid).join("").trimEnd() + ellipsis + suffix;
    if (smsLength(candidate).segments <= maxSegments) lo = mid;
    else hi = mid - 1;
  }
  let prefix = chars.slice(0, lo).join("");
  const space = prefix.lastIndexOf(" ");
  if (space > prefix.length - 20 && space > 0) prefix = prefix.slice(0, space);
  return prefix.trimEnd() + ellipsis + suffix;
}
