import type { CadenceState } from "./cadence-state";

/** "4:05" under an hour, "1 h 05 min" beyond: precise when it matters, calm when it does not. */
export function formatRemaining(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, "0")} min`;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

/** The words the console shows (and screen readers read) for a cadence state; colour is only a second cue. */
export function describeCadence(state: CadenceState): string {
  switch (state.kind) {
    case "none":
      return "No update cadence";
    case "ok":
      return `Next update due in ${formatRemaining(state.msRemaining)}`;
    case "due_soon":
      return `Update due soon: ${formatRemaining(state.msRemaining)} left`;
    case "overdue":
      return `Update overdue by ${state.minutesOverdue} min`;
  }
}
