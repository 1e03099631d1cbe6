import { z } from "zod";

export const BADGE_STYLES = ["flat", "flat-square", "plastic", "for-the-badge"] as const;
export type BadgeStyle = (typeof BADGE_STYLES)[number];

/** Long enough for any component name, short enough that a URL cannot make a banner out of a badge. */
export const MAX_LABEL_LENGTH = 64;

export type BadgeOptions = {
  style: BadgeStyle;
  /** undefined: the badge's own default; "" hides the label. */ label?: string;
};

/**
 * Query parameters of the badge endpoints. An image URL in a README cannot
 * show an error, so bad values fall back to defaults instead of failing.
 * Markup in the label is harmless: badge-maker escapes it (see the tests).
 */
export const badgeOptionsSchema = z.object({
  style: z.enum(BADGE_STYLES).catch("flat"),
  label: z
    .string()
    .transform((label) =>
      [
        ...label
          .slice(0, MAX_LABEL_LENGTH * 4)
          .replace(/\p{Cc}/gu, "")
          .trim(),
      ]
        .slice(0, MAX_LABEL_LENGTH)
        .join(""),
    )
    .optional(),
});

export function parseBadgeOptions(params: URLSearchParams): BadgeOptions {
  return badgeOptionsSchema.parse({
    style: params.get("style") ?? undefined,
    label: params.get("label") ?? undefined,
  });
}
