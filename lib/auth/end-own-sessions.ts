import type { Ctx } from "../context";
import { endSessionsOf } from "./session-version";

/**
 * Sign-out. Sessions are JWTs marked only by a per-member version, so signing
 * out ends the member's sessions on every device and instance ("sign out
 * everywhere"): that is what makes a copied cookie useless afterwards. A
 * per-device sign-out would need a server-side record per session.
 */
export async function endOwnSessions({ ctx }: { ctx: Ctx }): Promise<void> {
  if (ctx.actor.kind !== "user") return;
  await endSessionsOf(ctx.db, ctx.actor.id);
}
