import type { ComponentStatus, Severity } from "../../db/schema/enums";
import { nextUpdatePromise, renderSections } from "../../incidents/update-text";

/** The severity an automatic draft proposes, from the worst status its alerts ask for. */
export function severityForStatus(status: ComponentStatus): Severity {
  if (status === "major_outage") return "SEV1";
  if (status === "partial_outage") return "SEV2";
  return "SEV3";
}

/**
 * The first update, in the composer's structure (impact · current status ·
 * actions · workaround · next update), from what the alert says. Monitoring text
 * is written for engineers: the comms lead reads and edits it before anything is public.
 */
export function draftBody(input: {
  componentNames: readonly string[];
  summary: string | null;
  cadenceMinutes: number | null;
}) {
  const affected = input.componentNames.length
    ? `Customers may see errors or slowness using ${input.componentNames.join(", ")}.`
    : "";
  return renderSections([
    ["Impact", affected],
    [
      "Current status",
      `We are investigating${input.summary ? `: ${input.summary.replace(/\s+/g, " ").trim()}` : "."}`,
    ],
    ["Actions", ""],
    ["Workaround", ""],
    ["Next update", nextUpdatePromise(input.cadenceMinutes)],
  ]);
}
