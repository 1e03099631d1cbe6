import type { Db } from "./db/client";
import type { Role } from "./db/schema";

/** Who is acting. Domain functions authorize against this, never against the UI. */
export type Actor =
  | {
      kind: "user";
      id: string;
      email: string;
      role: Role;
      /** Signed in with an invitation's one-time password: may only choose a new one (see requireRole). */
      mustChangePassword?: true;
    }
  | { kind: "api-key"; id: string; name: string; role: Role }
  /** An inbound integration acting on its own alerts: audited under its name, never a person. */
  | { kind: "integration"; id: string; name: string }
  /** An upstream status page's poll drafting a notice: audited under the upstream's name. */
  | { kind: "upstream"; id: string; name: string }
  | { kind: "system" }
  | { kind: "anonymous" };

/** The single context object every domain function takes. */
export type Ctx = { actor: Actor; db: Db };

export const systemActor: Actor = { kind: "system" };
export const anonymousActor: Actor = { kind: "anonymous" };

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "user":
      return actor.email;
    case "api-key":
      return `api-key:${actor.name}`;
    case "integration":
      return `integration:${actor.name}`;
    case "upstream":
      return `upstream:${actor.name}`;
    default:
      return actor.kind;
  }
}

export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.id : null;
}
