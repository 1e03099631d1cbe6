import { HeraldError } from "../errors";

const MINUTE = 60_000;
const LONGEST_PROMISE_MS = 7 * 24 * 60 * MINUTE;

/**
 * The "next update by" an update promises publicly: one cadence after it by
 * default; an explicit time may be earlier, or later with a reason the console
 * keeps (customers only see the time). Resolving promises nothing.
 */
export function nextUpdatePromise(input: {
  cadenceMinutes: number | null;
  displayAt: Date;
  resolving: boolean;
  requested?: Date;
  reason?: string | null;
}): { nextUpdateBy: Date | null; nextUpdateReason: string | null } {
  const { cadenceMinutes, displayAt, resolving, requested, reason } = input;
  if (resolving) return { nextUpdateBy: null, nextUpdateReason: null };
  const byCadence =
    cadenceMinutes === null ? null : new Date(displayAt.getTime() + cadenceMinutes * MINUTE);
  if (!requested) return { nextUpdateBy: byCadence, nextUpdateReason: null };
  const invalid = (field: string, message: string) =>
    new HeraldError("invalid", "Please correct the highlighted fields.", { [field]: message });
  if (requested.getTime() <= displayAt.getTime())
    throw invalid("nextUpdateBy", "The next update must be promised for after this update.");
  if (requested.getTime() - displayAt.getTime() > LONGEST_PROMISE_MS)
    throw invalid("nextUpdateBy", "Promise the next update within 7 days.");
  const later = byCadence !== null && requested.getTime() > byCadence.getTime();
  if (later && !reason)
    throw invalid(
      "nextUpdateReason",
      `This is later than the ${cadenceMinutes}-minute cadence: say why (only the console shows it).`,
    );
  return { nextUpdateBy: requested, nextUpdateReason: later ? (reason ?? null) : null };
}
