"use client";
import { useEffect, useState } from "react";
import { cadenceStateAt, type CadenceState } from "@/lib/cadence/cadence-state";
import { describeCadence } from "@/lib/cadence/format-cadence";
import { formatTime } from "@/lib/time/format";

const STYLE: Record<CadenceState["kind"], string> = {
  none: "border-zinc-300 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300",
  ok: "border-zinc-300 text-zinc-900 dark:border-zinc-700 dark:text-zinc-100",
  due_soon: "border-amber-500 bg-amber-100 text-amber-950 dark:bg-amber-950 dark:text-amber-100",
  overdue: "border-red-700 bg-red-700 text-white",
};
/** A shape per stage, a second cue besides colour for colour-blind readers. */
const ICON: Record<CadenceState["kind"], string> = {
  none: "–",
  ok: "●",
  due_soon: "▲",
  overdue: "■",
};

/**
 * The live "next update due" countdown, ticking every second. The words carry
 * the meaning (colour only repeats it); the stage is announced to screen readers
 * when it changes, not on every tick.
 */
/** `timeZone` is the page's, so the due time reads the same as the timeline and the public page. */
export function CadenceCountdown({
  dueAt,
  timeZone,
  size = "md",
}: {
  dueAt: string | null;
  timeZone: string;
  size?: "sm" | "md";
}) {
  const due = dueAt ? new Date(dueAt) : null;
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!dueAt) return;
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, [dueAt]);
  const state = cadenceStateAt(due, now);
  const stage =
    state.kind === "overdue"
      ? "Update overdue"
      : state.kind === "due_soon"
        ? "Update due soon"
        : "";
  return (
    <span
      data-cadence={state.kind}
      className={`inline-flex items-center gap-2 rounded-md border font-medium tabular-nums ${size === "sm" ? "px-2 py-0.5 text-sm" : "px-3 py-1.5"} ${STYLE[state.kind]}`}
    >
      <span aria-hidden="true">{ICON[state.kind]}</span>
      <span role="timer" suppressHydrationWarning>
        {describeCadence(state)}
      </span>
      {due && <span className="font-normal">(by {formatTime(due, timeZone)})</span>}
      <span className="sr-only" aria-live="assertive">
        {stage}
      </span>
    </span>
  );
}
