import { z } from "zod";
import { isPublicId } from "../ids";
import { safeString } from "../validation/safe-string";

const publicId = (message: string) => safeString().refine(isPublicId, message);

/** A status page's address or its summary.json; the page address gets /api/v2/summary.json added. */
export function summaryUrlOf(raw: string): string {
  const url = new URL(raw);
  if (!url.pathname.endsWith(".json"))
    url.pathname = `${url.pathname.replace(/\/+$/, "")}/api/v2/summary.json`;
  url.hash = "";
  return url.toString();
}

export const createUpstreamSchema = z.object({
  url: safeString("Give the status page's URL.")
    .trim()
    .min(1, "Give the status page's URL.")
    .max(500, "At most 500 characters.")
    .refine((v) => URL.canParse(v), "Use a full http(s):// URL."),
  label: safeString().trim().max(100, "At most 100 characters.").optional(),
});

export const upstreamIdSchema = z.object({ upstreamId: publicId("No such upstream page.") });

/**
 * The whole choice for one upstream, as the console form and PATCH send it:
 * which of its components show, and which of ours depend on each.
 */
export const updateUpstreamSchema = upstreamIdSchema.extend({
  label: safeString().trim().max(100, "At most 100 characters.").nullish(),
  shown: z.array(publicId("Not an upstream component.")).max(1000).optional(),
  dependencies: z
    .record(
      publicId("Not an upstream component."),
      z.array(publicId("Not a component id.")).max(100),
    )
    .refine((m) => Object.keys(m).length <= 1000, "Too many components.")
    .optional(),
});
