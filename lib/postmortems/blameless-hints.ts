/**
 * Advisory hints that keep an RCA blameless: it should describe how the system
 * let a mistake through, not who made it. Never blocks publishing.
 */
export type BlamelessHint = { section: string; match: string; message: string };

const BLAME_PATTERNS: [RegExp, string][] = [
  [
    /\b(blame[sd]?|fault|culprit)\b/gi,
    "Describe what allowed the failure rather than assigning fault.",
  ],
  [
    /\b(careless(ly)?|negligen(t|ce)|sloppy|stupid|lazy|incompetent)\b/gi,
    "Judgements about people do not help readers; describe the conditions instead.",
  ],
  [
    /\bhuman error\b/gi,
    "“Human error” ends the inquiry early: ask what made the error easy to make.",
  ],
  [
    /\bshould have\b/gi,
    "“Should have” is hindsight; say what information or safeguard was missing.",
  ],
  [
    /\b(forgot|failed to)\b/gi,
    "Consider describing the missing check or automation rather than a person's lapse.",
  ],
];

export function blamelessHints(
  sections: Record<string, unknown>,
  peopleNames: string[] = [],
): BlamelessHint[] {
  const names = peopleNames.map((n) => n.trim()).filter((n) => n.length >= 3);
  const hints: BlamelessHint[] = [];
  for (const [section, value] of Object.entries(sections)) {
    const text = Array.isArray(value) ? value.join("\n") : typeof value === "string" ? value : "";
    for (const [pattern, message] of BLAME_PATTERNS) {
      for (const m of text.matchAll(pattern)) hints.push({ section, match: m[0], message });
    }
    for (const name of names) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      if (new RegExp(`\\b${escaped}\\b`, "i").test(text)) {
        hints.push({
          section,
          match: name,
          message: `Names a person (${name}); refer to roles or teams instead.`,
        });
      }
    }
    // "@handle" mentions are people too, whatever the team list says.
    for (const m of text.matchAll(/(^|\s)@[a-z0-9_-]{2,}/gi))
      hints.push({
        section,
        match: m[0].trim(),
        message: "Mentions a person; refer to roles or teams instead.",
      });
  }
  return hints;
}
