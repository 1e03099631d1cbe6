import type { ReactNode } from "react";

/** A titled region of a public page (landmark + heading for screen-reader navigation). */
export function Section({
  title,
  note,
  children,
}: {
  title: string;
  note?: string;
  children: ReactNode;
}) {
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {note && <p className="-mt-2 text-sm text-zinc-600 dark:text-zinc-400">{note}</p>}
      {children}
    </section>
  );
}
