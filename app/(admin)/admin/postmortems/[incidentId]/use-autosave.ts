"use client";
import { useEffect, useRef, useState } from "react";

export type SaveStatus =
  | { kind: "saved"; at: Date }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; message: string };

/**
 * Saves `value` a moment after the author stops typing. Each save carries the
 * version it was based on; a conflict (a co-author saved meanwhile) stops
 * autosaving instead of overwriting their work.
 */
export function useAutosave<T>(
  value: T,
  initialVersion: string,
  save: (
    value: T,
    version: string,
  ) => Promise<{ ok: boolean; updatedAt?: string; message?: string }>,
  delayMs = 1200,
) {
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", at: new Date(initialVersion) });
  const version = useRef(initialVersion);
  const first = useRef(true);
  const blocked = useRef(false);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (blocked.current) return;
    setStatus({ kind: "dirty" });
    const timer = setTimeout(async () => {
      setStatus({ kind: "saving" });
      const result = await save(value, version.current);
      if (result.ok && result.updatedAt) {
        version.current = result.updatedAt;
        setStatus({ kind: "saved", at: new Date() });
      } else {
        blocked.current = true;
        setStatus({ kind: "error", message: result.message ?? "Could not save." });
      }
    }, delayMs);
    return () => clearTimeout(timer);
  }, [value, save, delayMs]);
  return status;
}
