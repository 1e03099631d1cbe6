import type { Ctx } from "../context";
import { requireRole } from "../auth/authorize";
import { listComponentTree } from "./list-component-tree";

/** Every component (hidden ones included) in display order, for members and API keys. */
export async function listComponents({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, "viewer");
  return listComponentTree(ctx.db, { publicOnly: false });
}
