"use client";
import { useState, useTransition } from "react";
import { startAction } from "./actions";

export function StartButton({ incidentId }: { incidentId: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string>();
  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        disabled={pending}
        onClick={() => start(async () => setMessage((await startAction(incidentId)).message))}
        className="rounded-md bg-brand px-4 py-2 font-medium text-white disabled:opacity-60"
      >
        Start postmortem
      </button>
      {message && <p className="text-red-700 dark:text-red-400">{message}</p>}
    </div>
  );
}
