/** Cadence override choices offered in the console (the domain accepts any 5–1440 minutes). */
export const CADENCE_CHOICES = [
  ["15", "Every 15 minutes"],
  ["30", "Every 30 minutes"],
  ["60", "Every hour"],
  ["120", "Every 2 hours"],
  ["240", "Every 4 hours"],
  ["none", "No cadence"],
] as const;

export function cadenceLabel(minutes: number | null): string {
  if (minutes === null) return "no cadence";
  return minutes % 60 === 0 ? `every ${minutes / 60} h` : `every ${minutes} min`;
}
