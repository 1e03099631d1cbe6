import type { Ctx } from "../context";
import { transitionMaintenance, type Transition } from "./transition-maintenance";

/** The maintenance lifecycle (SPEC §3): scheduled → in_progress → verifying → completed, or cancelled before it starts. */
export const TRANSITIONS = {
  start: {
    to: "in_progress",
    from: ["scheduled"],
    components: "start",
    defaultBody: "The scheduled maintenance is in progress.",
  },
  verify: {
    to: "verifying",
    from: ["in_progress"],
    components: "keep",
    defaultBody: "The work is done; we are verifying that everything works as expected.",
  },
  complete: {
    to: "completed",
    from: ["in_progress", "verifying"],
    components: "finish",
    defaultBody: "The scheduled maintenance has been completed.",
  },
  cancel: {
    to: "cancelled",
    from: ["scheduled"],
    components: "keep",
    defaultBody: "This scheduled maintenance has been cancelled.",
  },
} as const satisfies Record<string, Transition>;

type Args = { ctx: Ctx; input: unknown };

export const startMaintenance = (args: Args) => transitionMaintenance(args, TRANSITIONS.start);
export const verifyMaintenance = (args: Args) => transitionMaintenance(args, TRANSITIONS.verify);
export const completeMaintenance = (args: Args) =>
  transitionMaintenance(args, TRANSITIONS.complete);
export const cancelMaintenance = (args: Args) => transitionMaintenance(args, TRANSITIONS.cancel);
