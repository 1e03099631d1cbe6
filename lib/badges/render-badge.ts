import { makeBadge } from "badge-maker";
import type { BadgeOptions } from "./badge-options";
import type { BadgeContent } from "./status-badges";

export const SVG_CONTENT_TYPE = "image/svg+xml; charset=utf-8";

/** The label the viewer asked for, if any, else the badge's own. */
const labelOf = (content: BadgeContent, options: BadgeOptions) => options.label ?? content.label;

/** An SVG badge drawn by badge-maker, which also escapes the label and message. */
export function renderBadgeSvg(content: BadgeContent, options: BadgeOptions): string {
  return makeBadge({
    label: labelOf(content, options),
    message: content.message,
    color: content.color,
    style: options.style,
  });
}

/** The shields.io endpoint format (https://shields.io/badges/endpoint-badge). */
export function shieldsEndpointJson(
  content: BadgeContent,
  options: BadgeOptions & { isError?: boolean },
): string {
  return JSON.stringify({
    schemaVersion: 1,
    label: labelOf(content, options),
    message: content.message,
    color: content.color,
    style: options.style,
    ...(options.isError ? { isError: true } : {}),
  });
}
