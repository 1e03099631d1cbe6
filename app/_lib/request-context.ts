import { auth } from "@/auth";
import { getDb } from "@/lib/db";
import { loadUserActor } from "@/lib/auth/load-actor";
import type { Ctx } from "@/lib/context";

/** The {actor, db} context for the current request, built from the Auth.js session. */
export async function requestCtx(): Promise<Ctx> {
  // auth() first: it reads the request, which keeps `next build` from prerendering (and opening the database).
  const session = await auth();
  const db = await getDb();
  const claims = session && { userId: session.user?.id, sessionVersion: session.sessionVersion };
  return { db, actor: await loadUserActor(db, claims) };
}

/** Only same-site paths may be redirect targets after sign-in. */
export function safeCallbackPath(value: unknown, fallback = "/admin"): string {
  return typeof value === "string" &&
    value.startsWith("/") &&
    !value.startsWith("//") &&
    !value.startsWith("/\\")
    ? value
    : fallback;
}
