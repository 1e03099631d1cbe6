import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { parsePublicId } from "@/lib/http/public-params";
import { loadStatusSnapshot } from "@/lib/public/status-snapshot";
import { loadMaintenancePage } from "@/lib/public/public-pages";
import { SiteHeader } from "@/components/status/site-header";
import { MaintenanceCard } from "@/components/status/maintenance-card";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const { value } = await loadMaintenancePage(getDb, parsePublicId((await params).id));
  return { title: value?.title ?? "Maintenance not found" };
}

export default async function MaintenancePage({ params }: Props) {
  await connection();
  const [{ value: maintenance }, { value: snapshot }] = await Promise.all([
    loadMaintenancePage(getDb, parsePublicId((await params).id)),
    loadStatusSnapshot(getDb),
  ]);
  if (!maintenance) notFound();
  return (
    <>
      <SiteHeader settings={snapshot.settings} />
      <main className="flex flex-col gap-4">
        <h1 className="text-2xl font-semibold">Scheduled maintenance</h1>
        <MaintenanceCard maintenance={maintenance} timeZone={snapshot.settings.timeZone} />
      </main>
    </>
  );
}
