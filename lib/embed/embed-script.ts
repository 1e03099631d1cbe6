/**
 * The script customers add to their own site (served at /embed/script.js):
 *
 *   <script src="https://status.example.com/embed/script.js" data-position="bottom-left" data-color="#7c3aed" async></script>
 *
 * It is written as one self-contained function so TypeScript and ESLint check
 * it, and served as that function's source text. It must therefore reference
 * nothing outside its own body, and use only what browsers have natively:
 * the host page loads nothing else for it.
 */
function heraldStatusEmbed(): void {
  type Indicator = "none" | "minor" | "major" | "critical" | "maintenance";
  type Event = { id: string; name: string; status: string; shortlink: string };
  type Summary = {
    page: { url: string };
    status: { indicator: Indicator; description: string };
    incidents: Event[];
    scheduled_maintenances: Event[];
  };

  const script = document.currentScript as HTMLScriptElement | null;
  if (!script?.src) return;
  // Relative to the script, so a Herald served below a path prefix works too.
  const summaryUrl = new URL("../api/v2/summary.json", script.src).href;
  const POSITIONS = ["bottom-right", "bottom-left", "top-right", "top-left"];
  const position = POSITIONS.includes(script.dataset.position ?? "")
    ? script.dataset.position!
    : "bottom-right";
  const customColor =
    script.dataset.color && CSS.supports("color", script.dataset.color)
      ? script.dataset.color
      : null;
  const ACCENTS: Record<Indicator, string> = {
    none: "#15803d",
    minor: "#a16207",
    major: "#c2410c",
    critical: "#b91c1c",
    maintenance: "#1d4ed8",
  };
  const STORAGE_KEY = "herald-status-embed:dismissed";
  const REFRESH_MS = 60_000;

  // The live region exists, empty, before anything is announced: screen
  // readers only announce changes to a region they already know about.
  const host = document.createElement("div");
  host.setAttribute("data-herald-status-embed", "");
  const root = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = `
    :host { all: initial; }
    .toast { position: fixed; z-index: 2147483000; box-sizing: border-box; width: min(360px, calc(100vw - 32px));
      padding: 12px 40px 12px 16px; border-radius: 8px; border-left: 6px solid var(--accent);
      background: #fff; color: #18181b; box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    .bottom-right { bottom: 16px; right: 16px; } .bottom-left { bottom: 16px; left: 16px; }
    .top-right { top: 16px; right: 16px; } .top-left { top: 16px; left: 16px; }
    .title { margin: 0 0 4px; font-weight: 600; }
    ul { margin: 0 0 6px; padding: 0; list-style: none; }
    li { margin: 2px 0; }
    a { color: inherit; text-decoration: underline; }
    .state { color: #52525b; }
    button { position: absolute; top: 6px; right: 6px; width: 28px; height: 28px; border: 0; border-radius: 4px;
      background: transparent; color: inherit; font: 20px/1 system-ui, sans-serif; cursor: pointer; }
    button:hover { background: rgb(0 0 0 / 0.08); }
    a:focus-visible, button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
    @media (prefers-color-scheme: dark) {
      .toast { background: #18181b; color: #f4f4f5; } .state { color: #a1a1aa; } button:hover { background: rgb(255 255 255 / 0.12); }
    }`;
  const region = document.createElement("div");
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  root.append(style, region);
  // A script placed in <head> without defer runs before <body> exists.
  if (document.body) document.body.append(host);
  else document.addEventListener("DOMContentLoaded", () => document.body.append(host));

  const dismissed = (): string[] => {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "[]") as string[];
    } catch {
      return [];
    }
  };
  const dismiss = (keys: string[]) => {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...new Set([...dismissed(), ...keys])]));
    } catch {
      // Storage can be disabled; the toast still closes for this page view.
    }
    shown = "";
    region.replaceChildren();
  };
  const words = (status: string) =>
    status.charAt(0).toUpperCase() + status.slice(1).replace(/_/g, " ");
  const element = (tag: string, props: Record<string, string>, ...children: (Node | string)[]) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };

  // What is on screen, so a refresh that changes nothing neither re-announces nor steals focus.
  let shown = "";

  // Only what is happening now: unresolved incidents and maintenance under way (not upcoming windows).
  function render(summary: Summary) {
    const underway = summary.scheduled_maintenances.filter(
      (m) => m.status === "in_progress" || m.status === "verifying",
    );
    const all = [...summary.incidents, ...underway];
    // With no incident to name (a component set degraded by hand), the page-wide status is the notice.
    const keys = all.length > 0 ? all.map((e) => e.id) : [`status:${summary.status.indicator}`];
    const hidden = new Set(dismissed());
    const fresh = keys.filter((k) => !hidden.has(k));
    const quiet = summary.status.indicator === "none" && underway.length === 0;
    const events = all.filter((e) => !hidden.has(e.id));
    const signature = quiet || fresh.length === 0 ? "" : JSON.stringify([summary.status, events]);
    // Lets the host site style around the notice, e.g. [data-indicator="critical"].
    host.dataset.indicator = summary.status.indicator;
    if (signature === shown) return;
    shown = signature;
    if (!signature) return region.replaceChildren();

    const close = element(
      "button",
      { type: "button", "aria-label": "Dismiss status notice", title: "Dismiss" },
      "×",
    );
    close.addEventListener("click", () => dismiss(fresh));
    const items = events.map((e) =>
      element(
        "li",
        {},
        element("a", { href: e.shortlink, target: "_blank", rel: "noopener" }, e.name),
        " ",
        element("span", { class: "state" }, `· ${words(e.status)}`),
      ),
    );
    const toast = element(
      "div",
      { class: `toast ${position}` },
      element("p", { class: "title" }, summary.status.description),
      ...(items.length > 0 ? [element("ul", {}, ...items)] : []),
      element(
        "a",
        { href: summary.page.url, target: "_blank", rel: "noopener" },
        "View status page",
      ),
      close,
    );
    toast.style.setProperty("--accent", customColor ?? ACCENTS[summary.status.indicator]);
    toast.addEventListener("keydown", (event) => {
      if (event.key === "Escape") dismiss(fresh);
    });
    region.replaceChildren(toast);
  }

  async function refresh() {
    try {
      const response = await fetch(summaryUrl, { credentials: "omit" });
      if (response.ok) render((await response.json()) as Summary);
    } catch {
      // A status notice must never break the host page; try again on the next tick.
    }
  }

  void refresh();
  setInterval(refresh, REFRESH_MS);
}

/** The script as served: the function's source, invoked once. */
export const EMBED_SCRIPT_SOURCE = `/* Herald status embed */\n(${heraldStatusEmbed.toString()})();\n`;
