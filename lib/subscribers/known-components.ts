import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { components } from "../db/schema";
import { HeraldError } from "../errors";

/**
 * The chosen components, de-duplicated, or an `invalid` error naming the field
 * when one does not exist (or, for the public page, is not shown there).
 */
export async function knownComponents(
  db: Db,
  ids: readonly string[],
  { field, visibleOnly }: { field: string; visibleOnly: boolean },
): Promise<string[]> {
  const chosen = [...new Set(ids)];
  if (chosen.length === 0) return [];
  const found = await db
    .select({ id: components.id })
    .from(components)
    .where(
      and(inArray(components.id, chosen), visibleOnly ? eq(components.visible, true) : undefined),
    );
  if (found.length !== chosen.length)
    // A public form was drawn before an editor removed or hid the component: a reload shows the list as it is.
    throw new HeraldError(
      "invalid",
      visibleOnly
        ? "A chosen component no longer exists. Reload and try again."
        : "A chosen component does not exist.",
      {
        [field]: `Unknown component: ${chosen.filter((id) => !found.some((f) => f.id === id)).join(", ")}.`,
      },
    );
  return chosen;
}
