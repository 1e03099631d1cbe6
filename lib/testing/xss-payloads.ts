/**
 * Script-injection attempts for everything a console user writes that the
 * public sees (update bodies, RCA sections, names, badge labels). Each would
 * call alert() if it ever ran, so a browser test can listen for the dialog.
 * Shared by unit tests and e2e/xss.spec.ts.
 */
export const XSS_PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[x](javascript:alert(1))",
  "[y](JaVaScRiPt:alert(1))",
  "[z](&#106;avascript:alert(1))",
  "<svg onload=alert(1)>",
  '"><iframe src=javascript:alert(1)>',
  '<a href="jav&#x09;ascript:alert(1)">tab</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  "<details open ontoggle=alert(1)>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '![pic](x" onerror="alert(1))',
  "<object data=javascript:alert(1)></object>",
  "<form action=javascript:alert(1)><button>go</button></form>",
  "<body onload=alert(1)>",
  "<style>*{background:url(javascript:alert(1))}</style>",
] as const;

/** Tags that cannot run script by themselves (their attributes are checked separately). */
export const TEXT_TAGS = [
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
export const SVG_DRAWING_TAGS = [
  "svg",
  "g",
  "rect",
  "text",
  "title",
  "lineargradient",
  "stop",
  "clippath",
  "filter",
  "fegaussianblur",
];

/**
 * The tags in `markup` that could run code: any tag outside `inertTags`, any
 * event-handler attribute, any URL attribute that is not http(s) or mailto.
 * Text is left alone: "&lt;script&gt;" shown to the reader is the point.
 */
export function activeMarkup(markup: string, inertTags: readonly string[]): string[] {
  const tags = markup.match(/<\/?[a-z][^>]*>/gi) ?? [];
  return tags.filter((tag) => {
    const name = tag.match(/^<\/?([a-z0-9]+)/i)![1]!.toLowerCase();
    if (!inertTags.includes(name)) return true;
    // Attribute names only: a quoted value may well say "onload=" as text.
    if (/\son[a-z]+\s*=/i.test(tag.replace(/"[^"]*"|'[^']*'/g, '""'))) return true;
    const urls = [...tag.matchAll(/\s(?:href|xlink:href|src|action|data)\s*=\s*"([^"]*)"/gi)].map(
      (m) => m[1]!,
    );
    return urls.some((url) => !/^(https?:|mailto:|#)/i.test(url.trim()));
  });
}
