"use client";
import Link from "next/link";

/** A public page that has never been cached cannot be served while the database is unreachable: say so plainly. */
export default function PublicError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="py-16">
      <h1 className="text-2xl font-semibold">This page is temporarily unavailable</h1>
      <p className="mt-3">
        We could not load it just now. The{" "}
        <Link href="/" className="underline">
          current status
        </Link>{" "}
        is still available.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md border border-zinc-300 px-3 py-1.5 dark:border-zinc-700"
      >
        Try again
      </button>
    </main>
  );
}
