/**
 * Public pages work completely without JavaScript (tested), and their only
 * enhancements live in public/herald-status.js. Next still emits its client
 * runtime and a second copy of the page as a hydration payload: about 180 KB
 * compressed that a status page reader on a struggling network does not need.
 * The front cache removes them once per render, not per request.
 */

/** Next's scripts: its chunks under /_next/ and every inline script (hydration payload, bootstrap). */
const FRAMEWORK_SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/g;
const SCRIPT_PRELOAD =
  /<link\b[^>]*\bas="script"[^>]*\/?>|<link\b[^>]*\brel="modulepreload"[^>]*\/?>/g;

function isFrameworkScript(attributes: string): boolean {
  const src = /\bsrc="([^"]*)"/.exec(attributes)?.[1];
  if (src !== undefined) return src.startsWith("/_next/");
  // Inline: keep data blocks (e.g. JSON-LD), drop executable code.
  const type = /\btype="([^"]*)"/.exec(attributes)?.[1];
  return type === undefined || type === "module" || /javascript/i.test(type);
}

export function withoutFrameworkScripts(html: string): string {
  return html
    .replace(FRAMEWORK_SCRIPT, (tag, attributes: string) =>
      isFrameworkScript(attributes) ? "" : tag,
    )
    .replace(SCRIPT_PRELOAD, "");
}
