import { z } from "zod";
import { safeString } from "../validation/safe-string";

/**
 * What every tool's payload becomes: Herald's rules and processor only ever
 * see this, so adding a tool means adding a parser, nothing else.
 */
export type NormalizedAlert = {
  /** Deduplication key: fingerprint, tool incident id, alias, aggregation key. */
  key: string;
  status: "firing" | "resolved";
  /** Labels matched by rules; `component` (or the tool's service/entity) names a component. */
  labels: Record<string, string>;
  title: string;
  summary: string | null;
  severity: string | null;
  startedAt: Date | null;
};

/** One request's alerts; alerts sharing a group key draft one incident. */
export type ParsedPayload = {
  groupKey: string | null;
  alerts: NormalizedAlert[];
  ignored?: string;
};

/** The tool's idea of "when": a valid past-or-present ISO time, or nothing (Go's zero time included). */
export const toolTime = safeString()
  .optional()
  .nullable()
  .transform((v) => {
    if (!v) return null;
    const date = new Date(v);
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1970) return null;
    return date.getTime() > Date.now() ? new Date() : date;
  });

/** Labels as string → string; numbers and booleans become text, the rest is dropped. */
export const labelRecord = z
  .record(safeString(), z.unknown())
  .optional()
  .transform((record) => {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(record ?? {})) {
      if (!["string", "number", "boolean"].includes(typeof value)) continue;
      // PostgreSQL text cannot hold NUL: such a label is dropped rather than failing the insert.
      if (`${key}${String(value)}`.includes("\0")) continue;
      out[key] = String(value).slice(0, 500);
    }
    return out;
  });

export const clip = (text: string | null | undefined, max: number) =>
  text ? (text.length > max ? `${text.slice(0, max - 1)}…` : text) : null;

/** A well-formed event that means nothing for a status page (an acknowledgement, a note). */
export const ignoredPayload = (what: string): { payload: ParsedPayload } => ({
  payload: { groupKey: null, alerts: [], ignored: what },
});
