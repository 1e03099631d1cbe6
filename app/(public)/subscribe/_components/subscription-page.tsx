import type { ReactNode } from "react";
import { connection } from "next/server";
import { SiteHeader } from "@/components/status/site-header";
import { getDb } from "@/lib/db";
import { parseTokenQuery } from "@/lib/http/public-params";
import { loadStatusSnapshot } from "@/lib/public/status-snapshot";

/** The frame of the confirm, manage and unsubscribe pages. */
export async function SubscriptionPage({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) {
  await connection();
  const { value } = await loadStatusSnapshot(getDb);
  return (
    <>
      <SiteHeader settings={value.settings} />
      <main className="flex max-w-xl flex-col gap-4">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {children}
      </main>
    </>
  );
}

export function MissingToken() {
  return (
    <p>
      This link is incomplete. Open the link from your email again, or subscribe again from the
      status page.
    </p>
  );
}

export type TokenPageProps = { searchParams: Promise<{ token?: string | string[] }> };

export async function tokenOf({ searchParams }: TokenPageProps): Promise<string | null> {
  return parseTokenQuery(await searchParams).token;
}
