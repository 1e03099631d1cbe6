import { formatDay } from "./time";

/** The structure comms leads write in (SPEC §3): impact · current status · actions · workaround · next update. */
export type UpdateText = {
  impact?: string;
  status: string;
  actions?: string;
  workaround?: string;
  /** Overrides the "Next update" line the builder derives from the cadence. */
  next?: string;
};

function describeMinutes(minutes: number): string {
  if (minutes % 60 !== 0) return `${minutes} minutes`;
  return minutes === 60 ? "the hour" : `${minutes / 60} hours`;
}

/** The promise printed under an update, derived from the cadence so text and nextUpdateBy agree. */
export function nextUpdateLine(options: {
  final: boolean;
  cadenceMinutes: number | null;
  rcaDueOn?: string;
}): string | undefined {
  if (options.final) {
    return options.rcaDueOn
      ? `We will publish a root cause analysis here by ${formatDay(options.rcaDueOn)}.`
      : undefined;
  }
  if (options.cadenceMinutes === null) return "We will update this page when there is news.";
  return `Within ${describeMinutes(options.cadenceMinutes)}, or sooner if anything changes.`;
}

export function renderUpdateBody(text: UpdateText, next: string | undefined): string {
  const sections: [string, string | undefined][] = [
    ["Impact", text.impact],
    ["Current status", text.status],
    ["Actions", text.actions],
    ["Workaround", text.workaround],
    ["Next update", text.next ?? next],
  ];
  return sections
    .filter((section): section is [string, string] => Boolean(section[1]))
    .map(([label, value]) => `**${label}:** ${value.trim()}`)
    .join("\n\n");
}
