import type { ReactNode } from "react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requestCtx } from "@/app/_lib/request-context";
import { signOutAction } from "./account/actions";

export const metadata = { title: "Console · Herald" };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { actor } = await requestCtx();
  if (actor.kind !== "user") redirect("/signin?callbackUrl=/admin");
  // Signed in with an invitation's one-time password: nothing opens until they choose their own.
  if (actor.mustChangePassword) redirect("/signin/new-password");
  return (
    <div className="min-h-dvh">
      <header className="border-b border-zinc-200 dark:border-zinc-800">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 pt-3">
          <span className="font-semibold">Herald console</span>
          <span className="ml-auto min-w-0 truncate text-sm text-zinc-600 dark:text-zinc-400">
            {actor.email} · {actor.role}
          </span>
          <Link href="/admin/account" className="text-sm underline">
            Account
          </Link>
          <form action={signOutAction}>
            <button
              type="submit"
              className="text-sm underline"
              title="Ends your sessions on every device"
            >
              Sign out
            </button>
          </form>
        </div>
        {/*
          One line at any width: it scrolls sideways on a phone rather than wrapping or widening the
          page. The header is wider than the content (max-w-7xl) so that on a laptop (1280 px and up)
          every section is on screen without scrolling; fifteen sections do not fit in max-w-5xl.
        */}
        <nav
          aria-label="Console"
          className="mx-auto flex max-w-7xl gap-3 overflow-x-auto px-4 py-2 text-sm whitespace-nowrap"
        >
          <Link href="/admin">Dashboard</Link>
          <Link href="/admin/incidents">Incidents</Link>
          <Link href="/admin/components">Components</Link>
          <Link href="/admin/maintenance">Maintenance</Link>
          <Link href="/admin/postmortems">Postmortems</Link>
          <Link href="/admin/team">Team</Link>
          <Link href="/admin/integrations">Integrations</Link>
          <Link href="/admin/upstreams">Upstream pages</Link>
          <Link href="/admin/api-keys">API keys</Link>
          <Link href="/admin/audit">Audit log</Link>
          <Link href="/admin/subscribers">Subscribers</Link>
          <Link href="/admin/stakeholders">Stakeholders</Link>
          <Link href="/admin/outbox">Outbox</Link>
          <Link href="/admin/settings">Settings</Link>
          <Link href="/">Public page</Link>
        </nav>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-6">{children}</main>
    </div>
  );
}
