import Link from "next/link";

export default function NotFound() {
  return (
    <main className="py-16">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-3">
        We could not find that incident or page. It may have been removed, or the link may be
        mistyped.
      </p>
      <p className="mt-3">
        <Link href="/" className="underline">
          Go to the current status
        </Link>{" "}
        or{" "}
        <Link href="/history" className="underline">
          browse the incident history
        </Link>
        .
      </p>
    </main>
  );
}
