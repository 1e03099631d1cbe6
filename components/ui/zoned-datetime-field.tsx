"use client";
import { useId, useState, useSyncExternalStore } from "react";
import { formatStamp, formatTime } from "@/lib/time/format";
import {
  instantToWallClock,
  isSkippedWallClock,
  wallClockToInstant,
  zoneAbbreviation,
} from "@/lib/time/wall-clock";
import { CONTROL_CLASS, describedBy, FieldShell } from "./field-shell";

// The viewer's own zone is known only in the browser: the server renders without it.
const noSubscription = () => () => {};
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const unknownZone = () => null;

/**
 * A date-time entered as the page's clock reads it (the zone the console and
 * customers see), whatever zone the browser is in. The hidden `name` field
 * carries the moment as an ISO 8601 instant; the visible input is for people.
 * The hint names the zone and, for a viewer elsewhere, the same moment on
 * their own clock.
 */
export function ZonedDateTimeField({
  label,
  name,
  timeZone,
  error,
  hint,
  defaultValue = "",
}: {
  label: string;
  name: string;
  /** The page's time zone (page settings). */
  timeZone: string;
  error?: string;
  hint?: string;
  /** An ISO 8601 instant. */
  defaultValue?: string;
}) {
  const id = useId();
  const [wallClock, setWallClock] = useState(() =>
    defaultValue ? instantToWallClock(new Date(defaultValue), timeZone) : "",
  );
  const [openedAt] = useState(() => new Date());
  const viewer = useSyncExternalStore(noSubscription, viewerZone, unknownZone);
  const instant = wallClockToInstant(wallClock, timeZone);
  const zoneLine = isSkippedWallClock(wallClock, timeZone)
    ? `Clocks in ${timeZone} skip ${wallClock.slice(11, 16)} that day: read as ${formatTime(instant!, timeZone)}.`
    : `Times in ${timeZone} (${zoneAbbreviation(instant ?? openedAt, timeZone)}).`;
  const yours = instant && viewer ? formatStamp(instant, viewer) : null;
  const hints = (
    <>
      {hint && <span className="block">{hint} </span>}
      <span className="block">{zoneLine}</span>
      {yours && yours !== formatStamp(instant!, timeZone) && (
        <span className="block"> Your time: {yours}</span>
      )}
    </>
  );
  return (
    <FieldShell id={id} label={label} hint={hints} error={error}>
      <input
        id={id}
        // Named so a kept draft (incident updates) restores what was typed.
        name={`${name}WallClock`}
        type="datetime-local"
        value={wallClock}
        onChange={(e) => setWallClock(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hints)}
        className={CONTROL_CLASS}
      />
      <input type="hidden" name={name} value={instant?.toISOString() ?? ""} />
    </FieldShell>
  );
}
