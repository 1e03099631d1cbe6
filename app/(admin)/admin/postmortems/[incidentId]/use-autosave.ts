"use client";
import { useCallback, useEffect, useRef, useState } from "react";

export type SaveStatus =
  | { kind: "saved"; at: Date }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; message: string };

type Save<T> = (
  value: T,
  version: string,
) => Promise<{ ok: boolean; updatedAt?: string; message?: string; retry?: boolean }>;

/** After a save that could not reach the server, try again this soon. */
const RETRY_MS = 5_000;

/**
 * Saves `value` a moment after the author stops typing, and at once when they
 * leave: navigating within the console, switching tabs or hiding the window.
 * Closing or reloading with unsaved text asks first. Each save carries the
 * version it was based on; a conflict (a co-author saved meanwhile) stops
 * autosaving instead of overwriting their work.
 */
export function useAutosave<T>(value: T, initialVersion: string, save: Save<T>, delayMs = 1200) {
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", at: new Date(initialVersion) });
  const version = useRef(initialVersion);
  const first = useRef(true);
  const blocked = useRef(false);
  /** The text not yet handed to a save; null when everything typed is saved or saving. */
  const pending = useRef<{ value: T } | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  /** The flush below, for its own retry timer (a callback cannot name itself while declared). */
  const retry = useRef<() => void>(() => {});
  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // One save at a time, so versions chain; what was typed meanwhile goes next.
    if (inFlight.current) await inFlight.current;
    const next = pending.current;
    if (!next || blocked.current) return;
    pending.current = null;
    setStatus({ kind: "saving" });
    const run = (async () => {
      const result = await saveRef.current(next.value, version.current);
      if (result.ok && result.updatedAt) {
        version.current = result.updatedAt;
        setStatus(pending.current ? { kind: "dirty" } : { kind: "saved", at: new Date() });
      } else if (result.retry) {
        // A network blip or a server error: keep the text queued (unless newer text is) and retry.
        pending.current ??= next;
        setStatus({ kind: "error", message: result.message ?? "Could not save; retrying." });
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => retry.current(), RETRY_MS);
      } else {
        blocked.current = true;
        setStatus({ kind: "error", message: result.message ?? "Could not save." });
      }
    })();
    inFlight.current = run;
    await run;
    inFlight.current = null;
  }, []);

  useEffect(() => {
    retry.current = () => void flush();
  }, [flush]);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (blocked.current) return;
    pending.current = { value };
    setStatus({ kind: "dirty" });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delayMs);
  }, [value, delayMs, flush]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!pending.current && !inFlight.current) return;
      void flush();
      // The browser shows its own "leave site?" prompt; the text is not customisable.
      event.preventDefault();
      event.returnValue = "";
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onHide);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onHide);
      window.removeEventListener("beforeunload", onBeforeUnload);
      // Leaving the editor inside the console (a link, the back button): save now, not never.
      void flush();
    };
  }, [flush]);
  return status;
}
