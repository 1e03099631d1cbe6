import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { loadStatusPage } from "@/lib/public/status-page";
import { OverallBanner } from "@/components/status/banner";
import { ComponentList } from "@/components/status/component-list";
import { IncidentCard } from "@/components/status/incident-card";
import { MaintenanceCard } from "@/components/status/maintenance-card";
import { PastIncidents } from "@/components/status/past-incidents";
import { SiteHeader } from "@/components/status/site-header";
import { Section } from "@/components/status/section";
import { UpstreamList } from "@/components/status/upstream-list";

export default async function StatusPage() {
  await connection();
  const page = await loadStatusPage(getDb);
  const tz = page.settings.timeZone;
  return (
    <>
      <SiteHeader settings={page.settings} asHeading />
      <div className="flex flex-col gap-8">
        <OverallBanner {...page.overall} />
        {page.openIncidents.length > 0 && (
          <Section title="Active incidents">
            {page.openIncidents.map((i) => (
              <IncidentCard key={i.id} incident={i} timeZone={tz} />
            ))}
          </Section>
        )}
        {page.activeMaintenances.length > 0 && (
          <Section title="Maintenance in progress">
            {page.activeMaintenances.map((m) => (
              <MaintenanceCard key={m.id} maintenance={m} timeZone={tz} />
            ))}
          </Section>
        )}
        {page.upcomingMaintenances.length > 0 && (
          <Section title="Upcoming maintenance">
            {page.upcomingMaintenances.map((m) => (
              <MaintenanceCard key={m.id} maintenance={m} timeZone={tz} />
            ))}
          </Section>
        )}
        <Section
          title="Components"
          note={`Uptime over the last 90 days. Times in ${tz} until your browser shows your own.`}
        >
          <ComponentList tree={page.tree} uptime={page.uptime} />
        </Section>
        {page.upstreams.length > 0 && (
          <Section
            title="Third-party services"
            note="Reported by each provider's own status page; not part of our uptime."
          >
            <UpstreamList upstreams={page.upstreams} timeZone={tz} />
          </Section>
        )}
        <PastIncidents days={page.pastIncidents} timeZone={tz} />
      </div>
    </>
  );
}
