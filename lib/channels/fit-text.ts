const ELLIPSIS = "…";

/**
 * `text` escaped for a platform and cut to `max` characters after escaping, so
 * a cut never splits an escape sequence (`&amp;`, `\*`): the raw text is
 * shortened until its escaped form, with an ellipsis, fits.
 */
export function fitEscaped(text: string, max: number, escape: (raw: string) => string): string {
  const whole = escape(text);
  if (whole.length <= max) return whole;
  let keep = Math.min(text.length, max);
  for (;;) {
    const cut = escape([...text].slice(0, keep).join("").trimEnd()) + ELLIPSIS;
    if (cut.length <= max || keep === 0) return keep === 0 ? ELLIPSIS : cut;
    keep = Math.max(0, keep - Math.max(1, cut.length - max));
  }
}

/** A plain-text field cut to `max` characters. */
export const fitPlain = (text: string, max: number) => fitEscaped(text, max, (raw) => raw);
