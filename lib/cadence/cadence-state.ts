import type { IncidentState, Severity } from "../db/schema/enums";

/**
 * The cadence engine: pure functions, no database and no server imports, so the
 * console's ticking countdown (a client component) runs the very same rules.
 */

const MINUTE = 60_000;
/** The console turns amber, and the comms lead is reminded, this long before an update is due. */
export const DUE_SOON_MS = 5 * MINUTE;

export type CadenceIncident = { state: IncidentState; cadenceMinutes: number | null };
export type CadenceUpdate = {
  id: string;
  displayAt: Date;
  createdAt: Date;
  nextUpdateBy: Date | null;
};

export type CadenceState =
  /** Resolved, or an incident without a cadence (e.g. SEV4): nothing is due. */
  | { kind: "none" }
  | { kind: "ok"; dueAt: Date; msRemaining: number }
  | { kind: "due_soon"; dueAt: Date; msRemaining: number }
  | { kind: "overdue"; dueAt: Date; minutesOverdue: number };

/** The update shown last on the timeline: latest display time, then latest published. */
export function latestUpdate<U extends CadenceUpdate>(updates: readonly U[]): U | undefined {
  let latest: U | undefined;
  for (const u of updates) {
    const newer =
      !latest ||
      u.displayAt.getTime() > latest.displayAt.getTime() ||
      (u.displayAt.getTime() === latest.displayAt.getTime() &&
        u.createdAt.getTime() > latest.createdAt.getTime());
    if (newer) latest = u;
  }
  return latest;
}

/**
 * When the next public update is due: the promise made by the latest update.
 * An update published before a cadence was set carries no promise; it then
 * counts from that update's display time.
 */
export function nextUpdateDue(
  incident: CadenceIncident,
  updates: readonly CadenceUpdate[],
): Date | null {
  if (incident.state === "resolved" || incident.cadenceMinutes === null) return null;
  const latest = latestUpdate(updates);
  if (!latest) return null;
  return (
    latest.nextUpdateBy ?? new Date(latest.displayAt.getTime() + incident.cadenceMinutes * MINUTE)
  );
}

/** Classifies a due time against now. Overdue from the due minute on, counted in whole started minutes. */
export function cadenceStateAt(dueAt: Date | null, now: Date): CadenceState {
  if (!dueAt) return { kind: "none" };
  const msRemaining = dueAt.getTime() - now.getTime();
  if (msRemaining <= 0)
    return {
      kind: "overdue",
      dueAt,
      minutesOverdue: Math.max(1, Math.ceil(-msRemaining / MINUTE)),
    };
  return { kind: msRemaining <= DUE_SOON_MS ? "due_soon" : "ok", dueAt, msRemaining };
}

export function cadenceState(
  incident: CadenceIncident,
  updates: readonly CadenceUpdate[],
  now: Date,
): CadenceState {
  return cadenceStateAt(nextUpdateDue(incident, updates), now);
}

/** The page's default cadences (page_settings.cadenceSev1..4); null means no cadence. */
export type CadenceDefaults = {
  cadenceSev1: number | null;
  cadenceSev2: number | null;
  cadenceSev3: number | null;
  cadenceSev4: number | null;
};

export const FALLBACK_CADENCES: CadenceDefaults = {
  cadenceSev1: 30,
  cadenceSev2: 60,
  cadenceSev3: 240,
  cadenceSev4: null,
};

const SETTING_BY_SEVERITY: Record<Severity, keyof CadenceDefaults> = {
  SEV1: "cadenceSev1",
  SEV2: "cadenceSev2",
  SEV3: "cadenceSev3",
  SEV4: "cadenceSev4",
};

export function defaultCadenceMinutes(
  defaults: CadenceDefaults,
  severity: Severity,
): number | null {
  return defaults[SETTING_BY_SEVERITY[severity]];
}

/** A form's cadence choice as minutes: "default" follows the page's setting for the severity. */
export function chosenCadenceMinutes(
  defaults: CadenceDefaults,
  severity: Severity,
  choice: "default" | "none" | number,
): number | null {
  if (choice === "default") return defaultCadenceMinutes(defaults, severity);
  return choice === "none" ? null : choice;
}
