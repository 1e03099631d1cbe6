import type { RenderContext } from "./render-context";

/** Which of Herald's lists a message belongs to: its List-Id. */
export type MailList = "subscribers" | "stakeholders";

/** A List-Id phrase is a quoted string: drop what would end or escape it. */
const phrase = (name: string) => name.replace(/["\\\r\n]/g, "").trim() || "Status";

/**
 * Headers every automated mail carries (RFC 3834 Auto-Submitted: no
 * auto-replies, no vacation answers), plus a List-Id that stays the same for as
 * long as the page's address does (RFC 2919), so recipients can filter and
 * mailbox providers see one stable bulk stream.
 */
export function bulkHeaders(
  ctx: Pick<RenderContext, "baseUrl" | "settings">,
  list?: MailList,
): Record<string, string> {
  const headers: Record<string, string> = { "Auto-Submitted": "auto-generated" };
  if (list) {
    const host = URL.canParse(ctx.baseUrl) ? new URL(ctx.baseUrl).hostname : "herald.invalid";
    headers["List-Id"] = `"${phrase(ctx.settings.name)}" <${list}.${host}>`;
  }
  return headers;
}
