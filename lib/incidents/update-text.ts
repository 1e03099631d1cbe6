import type { IncidentState } from "../db/schema/enums";

/**
 * Text the composer starts from. Comms leads write in one structure
 * (impact · current status · actions · workaround · next update); prefilling it
 * keeps updates consistent under pressure. Everything here is editable.
 */

type Context = {
  state: IncidentState;
  componentNames: readonly string[];
  cadenceMinutes: number | null;
  /** The previous update's body: what usually stays the same (impact, workaround) carries forward. */
  previousBody?: string;
};

const STATUS_BY_STATE: Record<IncidentState, string> = {
  investigating: "We are investigating the cause.",
  identified: "We have identified the cause and are working on a fix.",
  monitoring: "A fix is in place and we are monitoring the results.",
  resolved: "This incident has been resolved.",
};

function duration(minutes: number): string {
  if (minutes % 60 !== 0) return `${minutes} minutes`;
  return minutes === 60 ? "the hour" : `${minutes / 60} hours`;
}

/** The "next update" promise in words that always agree with the cadence the update records. */
export function nextUpdatePromise(cadenceMinutes: number | null): string {
  return cadenceMinutes === null
    ? "We will update this page when there is news."
    : `Within ${duration(cadenceMinutes)}, or sooner if anything changes.`;
}

function affectedList(names: readonly string[]): string {
  if (names.length === 0) return "some of our services";
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export function renderSections(
  sections: readonly (readonly [label: string, value: string])[],
): string {
  return sections.map(([label, value]) => `**${label}:** ${value}`.trimEnd()).join("\n\n");
}

/** The text of one "**Label:** text" section of an update body, or "" if it has none. */
export function sectionText(body: string, label: string): string {
  const prefix = `**${label}:**`;
  const paragraph = body.split(/\n\s*\n/).find((p) => p.trim().startsWith(prefix));
  return paragraph ? paragraph.trim().slice(prefix.length).trim() : "";
}

/**
 * The composer's starting text: every section present, the status following the
 * chosen state, impact and workaround carried from the previous update, the
 * ones only a human knows left blank.
 */
export function composerTemplate(context: Context): string {
  const carried = (label: string) =>
    context.previousBody ? sectionText(context.previousBody, label) : "";
  return renderSections([
    [
      "Impact",
      carried("Impact") ||
        (context.componentNames.length
          ? `Customers may see errors or slowness using ${affectedList(context.componentNames)}.`
          : ""),
    ],
    ["Current status", STATUS_BY_STATE[context.state]],
    ["Actions", ""],
    ["Workaround", carried("Workaround")],
    ["Next update", nextUpdatePromise(context.cadenceMinutes)],
  ]);
}

/** For when there is nothing new: still keep the promise to update on time. */
export function holdingStatement(context: Context): string {
  return renderSections([
    [
      "Current status",
      `We are still working on the issue affecting ${affectedList(context.componentNames)}. There is no new information to share yet.`,
    ],
    ["Next update", nextUpdatePromise(context.cadenceMinutes)],
  ]);
}

const EMPTY_SECTION = /^\*\*[^*\n]+:\*\*$/;

/**
 * Drops structure labels left without text (a bare "**Workaround:**"), so a
 * hurried publish from the template never shows customers empty headings.
 * Applied to every published body, and in the composer's preview.
 */
export function dropEmptySections(body: string): string {
  return body
    .split(/\n\s*\n/)
    .filter((paragraph) => !EMPTY_SECTION.test(paragraph.trim()))
    .join("\n\n")
    .trim();
}
