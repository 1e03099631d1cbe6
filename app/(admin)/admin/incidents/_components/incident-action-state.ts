import type { ActionState } from "@/lib/action-state";
import type { UpdatesSince } from "@/lib/incidents/list-updates-since";

/** An update form's result; a stale form also gets what was published meanwhile. */
export type IncidentActionState = ActionState & { meanwhile?: UpdatesSince["updates"] };
