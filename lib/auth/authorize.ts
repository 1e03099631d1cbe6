import type { Actor } from "../context";
import type { Role } from "../db/schema";
import { HeraldError } from "../errors";

const RANK: Record<Role, number> = { viewer: 1, editor: 2, owner: 3 };

/** The system actor (worker, start-up) may do anything; everyone else needs the role. */
export function hasRole(actor: Actor, needed: Role): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind === "anonymous") return false;
  // An integration writes as an editor would (status, drafts, publish by rule), never as an owner.
  if (actor.kind === "integration") return RANK[needed] <= RANK.editor;
  // An upstream poll only drafts; it holds no role in the console.
  if (actor.kind === "upstream") return false;
  if (actor.kind === "user" && actor.mustChangePassword) return false;
  return RANK[actor.role] >= RANK[needed];
}

/** First line of every console read or write: throws unless the actor holds `needed`. */
export function requireRole(actor: Actor, needed: Role): void {
  if (actor.kind === "anonymous") throw new HeraldError("unauthenticated", "Please sign in.");
  // Every console read and write starts here, so the one-time password opens nothing else.
  if (actor.kind === "user" && actor.mustChangePassword)
    throw new HeraldError("forbidden", "Choose a new password before using the console.");
  if (!hasRole(actor, needed)) {
    throw new HeraldError(
      "forbidden",
      `This needs the ${needed} role; you are ${"role" in actor ? actor.role : actor.kind}.`,
    );
  }
}
