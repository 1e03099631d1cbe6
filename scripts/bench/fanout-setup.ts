import type { Ctx } from "../../lib/context";
import type { Db } from "../../lib/db/client";
import { subscribers } from "../../lib/db/schema";
import { getPageSettings } from "../../lib/settings/get-page-settings";
import { createTestComponent } from "../../lib/testing/console-factories";
import { createMember } from "../../lib/testing/factories";

const CHUNK = 1_000;

/**
 * What a page with `recipients` confirmed email subscribers looks like: page
 * settings, an owner to publish as, one component, and the subscribers (bulk
 * inserted: signing up 10,000 people through the double opt-in is not what is
 * measured). Subscribers follow every component, as most do.
 */
export async function seedFanoutPage(
  db: Db,
  recipients: number,
): Promise<{ ctx: Ctx; componentId: string }> {
  await getPageSettings(db);
  const owner = await createMember(db, "owner");
  const component = await createTestComponent(db, { name: "API" });
  const confirmedAt = new Date();
  for (let from = 0; from < recipients; from += CHUNK) {
    const count = Math.min(CHUNK, recipients - from);
    await db.insert(subscribers).values(
      Array.from({ length: count }, (_, i) => ({
        kind: "email" as const,
        email: `bench-${from + i}@example.test`,
        state: "active" as const,
        allComponents: true,
        confirmedAt,
      })),
    );
  }
  return { ctx: { db: owner.db, actor: owner.actor }, componentId: component.id };
}
