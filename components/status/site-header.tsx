import Link from "next/link";
import type { PageSettings } from "@/lib/db/schema";

/** The page's brand; an h1 on the home page, a home link elsewhere. */
export function SiteHeader({
  settings,
  asHeading = false,
}: {
  settings: PageSettings;
  asHeading?: boolean;
}) {
  const Name = asHeading ? "h1" : "p";
  return (
    <header className="flex flex-wrap items-center justify-between gap-4 py-6">
      <Link href="/" className="flex items-center gap-3">
        {settings.logoUrl && (
          // eslint-disable-next-line @next/next/no-img-element -- logos are arbitrary external URLs set by the owner
          <img src={settings.logoUrl} alt="" className="h-8 w-auto" />
        )}
        <Name className="text-2xl font-semibold tracking-tight">{settings.name}</Name>
      </Link>
      <nav aria-label="Status pages" className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <Link href="/history" className="underline-offset-4 hover:underline">
          History
        </Link>
        <Link href="/uptime" className="underline-offset-4 hover:underline">
          Uptime
        </Link>
        <Link href="/reliability" className="underline-offset-4 hover:underline">
          Reliability
        </Link>
        <Link href="/subscribe" className="underline-offset-4 hover:underline">
          Subscribe to updates
        </Link>
      </nav>
    </header>
  );
}
