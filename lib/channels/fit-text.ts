const ELLIPSIS = "…";

/**
 * `text` escaped for a platform and cut to `max` characters after escaping, so
 * a cut never splits an escape sequence (`&amp;`, `\*`): the longest prefix of
 * the raw text whose escaped form, with an ellipsis, fits (a binary search).
 */
export function fitEscaped(text: string, max: number, escape: (raw: string) => string): string {
  const whole = escape(text);
  if (whole.length <= max) return whole;
  const chars = [...text];
  const cut = (keep: number) => escape(chars.slice(0, keep).join("").trimEnd()) + ELLIPSIS;
  let [low, high] = [0, Math.min(chars.length, max)];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (cut(mid).length <= max) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? ELLIPSIS.slice(0, max) : cut(low);
}

/** A plain-text field cut to `max` characters. */
export const fitPlain = (text: string, max: number) => fitEscaped(text, max, (raw) => raw);
