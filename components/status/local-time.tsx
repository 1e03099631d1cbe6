import { formatDateTime, formatTime } from "@/lib/time/format";

type Props = { date: Date; timeZone: string; format?: "datetime" | "time"; relative?: boolean };

/**
 * Rendered in the page's time zone (readable without JavaScript); the public
 * pages' script (public/herald-status.js) then shows it in the viewer's own
 * zone, with a relative hint that stays current.
 */
export function PageTime({ date, timeZone, format = "datetime", relative = false }: Props) {
  const text = format === "time" ? formatTime(date, timeZone) : formatDateTime(date, timeZone);
  return (
    <time
      dateTime={date.toISOString()}
      data-local={format}
      data-relative={relative ? "" : undefined}
      suppressHydrationWarning
    >
      {text}
    </time>
  );
}
