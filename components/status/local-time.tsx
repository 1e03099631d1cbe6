"use client";
import { useEffect, useState } from "react";
import { formatDateTime, formatRelative, formatTime } from "@/lib/time/format";

type Props = { iso: string; serverText: string; format?: "datetime" | "time"; relative?: boolean };

/**
 * Server-rendered in the page's time zone (readable without JavaScript), then
 * shown in the viewer's own zone with a relative hint that stays current.
 */
export function LocalTime({ iso, serverText, format = "datetime", relative = false }: Props) {
  const [text, setText] = useState(serverText);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const date = new Date(iso);
    const render = () => {
      const absolute = format === "time" ? formatTime(date, zone) : formatDateTime(date, zone);
      setText(relative ? `${absolute} (${formatRelative(date, new Date())})` : absolute);
    };
    render();
    const timer = setInterval(render, 30_000);
    return () => clearInterval(timer);
  }, [iso, format, relative]);
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}

/** Convenience for server components: formats the fallback text in the page's zone. */
export function PageTime({ date, timeZone, format = "datetime", relative }: { date: Date; timeZone: string; format?: "datetime" | "time"; relative?: boolean }) {
  const serverText = format === "time" ? formatTime(date, timeZone) : formatDateTime(date, timeZone);
  return <LocalTime iso={date.toISOString()} serverText={serverText} format={format} relative={relative} />;
}
