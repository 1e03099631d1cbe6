"use client";

/** Sits above the console layout so a failure there (most often: the database is unreachable) is caught too.
 * Console failures (most often: the database is unreachable) get a clear message and a retry, not a blank 500. */
export default function ConsoleError({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div
      role="alert"
      className="mx-auto mt-10 flex max-w-2xl flex-col gap-3 rounded-md border border-red-300 p-4"
    >
      <h1 className="text-xl font-semibold">The console could not load this page</h1>
      <p>
        Herald could not complete the request. If this keeps happening, its database is probably
        unreachable: check{" "}
        <a href="/api/health" className="underline">
          the health endpoint
        </a>
        . The public status page keeps showing the last published information meanwhile. Nothing you
        had not saved was published.
      </p>
      <button
        type="button"
        onClick={reset}
        className="self-start rounded-md border border-zinc-300 px-3 py-1.5 dark:border-zinc-700"
      >
        Try again
      </button>
    </div>
  );
}
