import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { pageSettings, type PageSettings } from "../db/schema";
import { newId } from "../ids";

const DEFAULTS = { name: "Status", url: "http://localhost:3000", timeZone: "UTC" };

/** Public read: the page's settings, created with defaults on first use. */
export async function getPageSettings(db: Db): Promise<PageSettings> {
  const [row] = await db.select().from(pageSettings).where(eq(pageSettings.id, "page"));
  if (row) return row;
  await db
    .insert(pageSettings)
    .values({ id: "page", publicId: newId(), ...DEFAULTS })
    .onConflictDoNothing();
  const [created] = await db.select().from(pageSettings).where(eq(pageSettings.id, "page"));
  return created!;
}
