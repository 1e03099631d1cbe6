import { z } from "zod";
import { isPublicId } from "../ids";
import { badgeOptionsSchema, type BadgeOptions } from "../badges/badge-options";
import { parseReliabilityWindow, type ReliabilityWindow } from "../reliability/compute-reliability";

/**
 * Every parameter an anonymous visitor can put in a public URL, parsed in one
 * place. Parsers are pure (no clock, no database) so a route registry or a
 * cache can use them to canonicalize URLs; a route clamps what depends on
 * data (a month before anything existed) with `clampMonth`. Rules:
 * - a malformed value is ignored (the page's default), never an error page,
 *   so old links and hand-edited URLs keep working;
 * - an unknown or malformed id is null (the route answers 404);
 * - nothing parsed here can make a request do work beyond what the page shows.
 */
export type RawQuery = URLSearchParams | Record<string, string | string[] | undefined>;

/** A repeated parameter counts once (its first value), as browsers and proxies disagree on the rest. */
function first(query: RawQuery, name: string): string | undefined {
  if (query instanceof URLSearchParams) return query.get(name) ?? undefined;
  const value = Object.hasOwn(query, name) ? query[name] : undefined;
  return Array.isArray(value) ? value[0] : value;
}

/** Public ids are 12 lowercase alphanumerics (lib/ids.ts); anything else names nothing. */
export const publicIdSchema = z.string().refine(isPublicId);
export const parsePublicId = (id: unknown): string | null => (isPublicId(id) ? id : null);

/** No status page has history before the Unix epoch; an earlier month is clamped to this. */
export const MIN_MONTH = "1970-01";
/** "YYYY-MM"; four-digit years only, so string order is calendar order. */
const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The nearest month within [earliest, latest] (both "YYYY-MM"); `month` undefined means latest. */
export function clampMonth(
  month: string | undefined,
  { earliest, latest }: { earliest: string; latest: string },
): string {
  const floor = earliest < MIN_MONTH ? MIN_MONTH : earliest;
  if (!month || month > latest) return latest;
  return month < floor ? (floor > latest ? latest : floor) : month;
}

const historyQuery = z.object({ month: optional(monthSchema) });
/** `/history?month=YYYY-MM`. */
export const parseHistoryQuery = (query: RawQuery) =>
  historyQuery.parse({ month: first(query, "month") });

const uptimeQuery = z.object({ month: optional(monthSchema), component: optional(publicIdSchema) });
/** `/uptime?component=<id>&month=YYYY-MM`. */
export const parseUptimeQuery = (query: RawQuery) =>
  uptimeQuery.parse({ month: first(query, "month"), component: first(query, "component") });

/** `/reliability?days=30|90|365`. */
export const parseReliabilityQuery = (query: RawQuery): { days: ReliabilityWindow } => ({
  days: parseReliabilityWindow(first(query, "days")),
});

/** Postmortem revisions count from 1; no RCA is edited a million times. */
const revisionSchema = z.coerce.number().int().min(1).max(999_999);
/** `/incidents/<id>/postmortem?revision=N`. */
export const parsePostmortemQuery = (query: RawQuery): { revision?: number } => ({
  revision: optional(revisionSchema).parse(first(query, "revision")),
});

/** `/badge.svg` and `/components/<id>/badge.svg`: style and label (see lib/badges/badge-options.ts). */
export const parseBadgeQuery = (query: RawQuery): BadgeOptions =>
  badgeOptionsSchema.parse({ style: first(query, "style"), label: first(query, "label") });

/** `/badge.json?component=<id>`: null is the page's overall badge; a malformed id is unknown (404). */
export function parseBadgeJsonQuery(query: RawQuery): BadgeOptions & { component: string | null } {
  const component = first(query, "component");
  return { ...parseBadgeQuery(query), component: component ?? null };
}

/** Subscription link tokens (`?token=` on /subscribe/confirm, /subscribe/manage, /unsubscribe). */
const tokenSchema = z
  .string()
  .trim()
  .max(300)
  .regex(/^[\w.~-]+$/);
export const parseTokenQuery = (query: RawQuery): { token: string | null } => ({
  token: optional(tokenSchema).parse(first(query, "token")) ?? null,
});

/**
 * Route pattern → the parser of its query string, for a route registry or a
 * cache key: routes not listed take no parameters (the query names nothing).
 * Path ids go through `parsePublicId` on every `[id]` route.
 */
export const PUBLIC_QUERY_PARSERS = {
  "/history": parseHistoryQuery,
  "/uptime": parseUptimeQuery,
  "/reliability": parseReliabilityQuery,
  "/incidents/[id]/postmortem": parsePostmortemQuery,
  "/badge.svg": parseBadgeQuery,
  "/badge.json": parseBadgeJsonQuery,
  "/components/[id]/badge.svg": parseBadgeQuery,
  "/subscribe/confirm": parseTokenQuery,
  "/subscribe/manage": parseTokenQuery,
  "/unsubscribe": parseTokenQuery,
  "/api/subscriptions/unsubscribe": parseTokenQuery,
} as const satisfies Record<string, (query: RawQuery) => object>;
