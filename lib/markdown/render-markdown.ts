import { Marked, type Tokens } from "marked";
import sanitizeHtml from "sanitize-html";

/**
 * Update bodies are Markdown written by comms leads and shown to the public, so
 * the HTML is always sanitized: a compromised or careless console account must
 * not be able to inject scripts into the status page. Text that looks like HTML
 * but is not allowed markup ("Use the <region>-backup endpoint") is kept as
 * literal text, never dropped. No server-only imports: the console's live
 * preview runs this same function in the browser.
 */

const ALLOWED_TAGS = [
  "p",
  "br",
  "strong",
  "em",
  "del",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
];
const ALLOWED_SCHEMES = ["http", "https", "mailto"];

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** A bare allowed tag (`<strong>`, `</em>`, `<br/>`) is markup; anything else the author typed is text. */
export function isAllowedRawTag(raw: string): boolean {
  const match = /^<\/?([a-z][a-z0-9]*)\s*\/?>$/i.exec(raw.trim());
  return match !== null && ALLOWED_TAGS.includes(match[1]!.toLowerCase());
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html({ text, block }: Tokens.HTML | Tokens.Tag) {
      if (isAllowedRawTag(text)) return text;
      return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
    },
  },
});

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ["href", "title", "rel"], ol: ["start"], th: ["align"], td: ["align"] },
  allowedSchemes: ALLOWED_SCHEMES,
  // Defence in depth: raw HTML is escaped above, so anything left is shown, not dropped.
  disallowedTagsMode: "escape",
  transformTags: {
    // The page owns the top-level headings; an update's headings sit below them.
    h1: "h3",
    h2: "h4",
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer" }),
  },
};

/**
 * Rendered bodies by their Markdown: a feed or page shows the same updates on every re-render (a
 * feed of 50 incidents parsed and sanitized some 250 bodies after each publish). Pure, so a body's
 * HTML never goes stale; bounded, oldest out first.
 */
const rendered = new Map<string, string>();
/** Characters kept (Markdown and HTML): about 4 MB. */
const MAX_RENDERED_CHARS = 2_000_000;
let renderedChars = 0;

export function renderMarkdown(markdown: string): string {
  let html = rendered.get(markdown);
  if (html === undefined) {
    html = sanitizeHtml(marked.parse(markdown) as string, SANITIZE);
    renderedChars += markdown.length + html.length;
    rendered.set(markdown, html);
    while (renderedChars > MAX_RENDERED_CHARS) {
      const [oldest, oldHtml] = rendered.entries().next().value!;
      rendered.delete(oldest);
      renderedChars -= oldest.length + oldHtml.length;
    }
  }
  return html;
}

/**
 * What publishing will change in the author's text, for the composer's preview:
 * HTML-like text shown literally instead of as formatting, and links whose
 * address is not http(s) or mailto, which lose their address.
 */
export function markdownWarnings(markdown: string): string[] {
  const literal = new Set<string>();
  const links = new Set<string>();
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type === "html" && !isAllowedRawTag(token.text)) literal.add(token.text.trim());
    if (token.type === "link") {
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(token.href.trim())?.[1]?.toLowerCase();
      if (scheme && !ALLOWED_SCHEMES.includes(scheme)) links.add(token.href);
    }
  });
  const shown = [...literal].map((t) => {
    const line = t.split("\n")[0]!;
    return line.length > 40 ? `${line.slice(0, 40)}…` : line;
  });
  return [
    ...(shown.length ? [`Shown exactly as typed, not as formatting: ${shown.join(", ")}`] : []),
    ...[...links].map(
      (href) => `The link to ${href} will be removed (only http, https and mailto links work).`,
    ),
  ];
}
