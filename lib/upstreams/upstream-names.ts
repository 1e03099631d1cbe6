import type { Actor } from "../context";
import type { UpstreamPage } from "../db/schema";

/** The host a reader recognises ("status.example.com"), from the polled URL. */
export function upstreamHost(page: Pick<UpstreamPage, "url">): string {
  return URL.canParse(page.url) ? new URL(page.url).host : page.url;
}

/** The console's label, else the upstream page's own name, else its host (before the first read). */
export function upstreamDisplayName(page: Pick<UpstreamPage, "url" | "label" | "pageName">) {
  return page.label || page.pageName || upstreamHost(page);
}

/** Who an upstream's automatic drafts are audited as. */
export const upstreamActor = (
  page: Pick<UpstreamPage, "id" | "url" | "label" | "pageName">,
): Actor => ({
  kind: "upstream",
  id: page.id,
  name: upstreamDisplayName(page),
});
