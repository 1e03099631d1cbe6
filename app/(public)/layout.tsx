import type { ReactNode } from "react";
import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { loadStatusSnapshot } from "@/lib/public/status-snapshot";
import { formatDateTime } from "@/lib/time/format";
import { StaleNotice } from "@/components/status/banner";

export async function generateMetadata() {
  await connection();
  const { value } = await loadStatusSnapshot(getDb);
  return {
    title: { default: value.settings.name, template: `%s · ${value.settings.name}` },
    description: `Live status and incident history for ${value.settings.name}.`,
  };
}

export default async function PublicLayout({ children }: { children: ReactNode }) {
  await connection();
  const { value, stale } = await loadStatusSnapshot(getDb);
  const { settings } = value;
  return (
    <div
      style={{ ["--brand" as string]: settings.brandColor }}
      className="mx-auto flex min-h-dvh max-w-3xl flex-col px-4"
    >
      {/* The public pages' one script (React hoists it into <head>); see lib/public/browser/status-page.ts. */}
      <script src="/herald-status.js" async />
      {stale && (
        <div className="pt-4">
          <StaleNotice since={formatDateTime(value.generatedAt, settings.timeZone)} />
        </div>
      )}
      <div className="flex-1">{children}</div>
      <footer className="mt-12 flex print:hidden flex-wrap gap-x-6 gap-y-2 border-t border-zinc-200 py-6 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        {settings.supportLinks.map((l) => (
          <a key={l.url} href={l.url} className="underline-offset-4 hover:underline">
            {l.label}
          </a>
        ))}
        <Link href="/history" className="underline-offset-4 hover:underline">
          Incident history
        </Link>
        <span className="ml-auto">Powered by Herald</span>
      </footer>
    </div>
  );
}
