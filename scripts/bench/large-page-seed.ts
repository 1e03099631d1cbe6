import { count, eq, isNull } from "drizzle-orm";
import type { Ctx } from "../../lib/context";
import type { Db } from "../../lib/db/client";
import { notificationFanOuts, users } from "../../lib/db/schema";
import { loadUserActor } from "../../lib/auth/load-actor";
import { ensureAdmin } from "../../lib/team/ensure-admin";
import { createComponentGroup } from "../../lib/components/save-component-group";
import { createComponent } from "../../lib/components/save-component";
import { declareIncident } from "../../lib/incidents/declare-incident";
import { publishIncidentUpdate } from "../../lib/incidents/publish-incident-update";
import { scheduleMaintenance } from "../../lib/maintenance/schedule-maintenance";
import { runMaintenanceSchedule } from "../../lib/maintenance/run-maintenance-schedule";
import { maintainUptimeRollups } from "../../lib/uptime/maintain-rollups";
import { expandFanOuts } from "../../lib/worker/expand-fan-outs";

const DAY = 86_400_000;
const MINUTE = 60_000;
const YEARS = 3;

/** A small deterministic PRNG (mulberry32): every run seeds the same page. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `fn` with `Date.now()` reading `at`: history is seeded as it was written, at its own time. */
async function asOf<T>(at: number, fn: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  Date.now = () => at;
  try {
    return await fn();
  } finally {
    Date.now = realNow;
  }
}

/**
 * The large page of issue 14, seeded only through Herald's domain functions
 * (so every trigger, rollup rule and audit row is what production gets): 20
 * groups of 10 components, 3 years of history with `3000 × scale` incidents
 * of five updates each (declared, identified, monitoring, update, resolved,
 * backdated) and `600 × scale` maintenance windows started and completed on
 * time by the worker's own schedule function; then the worker's rollup
 * maintenance and fan-out expansion, as a running page has them.
 */
export async function seedLargePage(
  db: Db,
  { scale = 1, now = new Date(), log = (_: string) => {} } = {},
): Promise<{ incidents: number; maintenances: number }> {
  await ensureAdmin(db, "large-page-owner@herald.test", "large page owner password");
  const [owner] = await db
    .select()
    .from(users)
    .where(eq(users.email, "large-page-owner@herald.test"));
  const ctx: Ctx = {
    db,
    actor: await loadUserActor(db, { userId: owner!.id, sessionVersion: owner!.sessionVersion }),
  };
  const rand = random(14);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const start = new Date(now.getTime() - YEARS * 365 * DAY);
  const startDate = start.toISOString().slice(0, 10);

  const componentIds: string[] = [];
  for (let g = 0; g < 20; g++) {
    const group = await createComponentGroup({ ctx, input: { name: `Region ${g + 1}` } });
    for (let c = 0; c < 10; c++) {
      const component = await createComponent({
        ctx,
        input: { name: `Service ${g + 1}.${c + 1}`, groupId: group.id, startDate },
      });
      componentIds.push(component.id);
    }
  }
  log(`${componentIds.length} components in 20 groups`);

  type Step = { at: number; run: () => Promise<unknown> };
  const steps: Step[] = [];
  const span = now.getTime() - DAY - start.getTime();
  const incidentCount = Math.round(3000 * scale);
  for (let i = 0; i < incidentCount; i++) {
    const at = start.getTime() + Math.floor((span * (i + rand())) / incidentCount);
    const affected = [
      ...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(componentIds))),
    ];
    const status = pick(["degraded_performance", "partial_outage", "major_outage"] as const);
    const iso = (offsetMinutes: number) => new Date(at + offsetMinutes * MINUTE).toISOString();
    steps.push({
      at,
      run: async () => {
        const { incident } = await declareIncident({
          ctx,
          input: {
            title: `${pick(["Elevated errors", "Slow responses", "Failed deploys", "Timeouts"])} #${i + 1}`,
            severity: pick(["SEV1", "SEV2", "SEV3", "SEV4"] as const),
            startedAt: iso(0),
            components: affected.map((componentId) => ({ componentId, status })),
            body: "We are investigating reports of problems.",
            notify: false,
          },
        });
        const publish = (state: string, minutes: number, body: string, restore = false) =>
          publishIncidentUpdate({
            ctx,
            input: {
              incidentId: incident.id,
              state,
              displayAt: iso(minutes),
              body,
              notify: false,
              components: restore
                ? affected.map((componentId) => ({ componentId, status: "operational" }))
                : [],
            },
          });
        await publish("identified", 20, "We found the cause and are working on a fix.");
        await publish("monitoring", 50, "A fix is deployed; we are watching the results.");
        await publish("monitoring", 80, "Error rates are back to normal for most customers.");
        await publish("resolved", 110, "This incident is resolved.", true);
      },
    });
  }
  const windowCount = Math.round(600 * scale);
  for (let m = 0; m < windowCount; m++) {
    const from = start.getTime() + Math.floor((span * (m + rand())) / windowCount);
    const until = from + 120 * MINUTE;
    steps.push({
      at: from - MINUTE,
      // Announced the minute before it started: the schema refuses a window already over by the clock.
      run: () =>
        asOf(from - MINUTE, () =>
          scheduleMaintenance({
            ctx,
            input: {
              title: `Planned upgrade #${m + 1}`,
              body: "Routine upgrade; brief interruptions possible.",
              scheduledFor: new Date(from).toISOString(),
              scheduledUntil: new Date(until).toISOString(),
              components: [pick(componentIds)],
              notify: false,
            },
          }),
        ),
    });
    steps.push({ at: from, run: () => runMaintenanceSchedule({ ctx, now: new Date(from) }) });
    steps.push({ at: until, run: () => runMaintenanceSchedule({ ctx, now: new Date(until) }) });
  }
  steps.sort((a, b) => a.at - b.at);
  for (const [n, step] of steps.entries()) {
    await step.run();
    if (n % 500 === 0) log(`history: ${n} of ${steps.length} steps`);
  }
  // What the worker's tick has done by now on a page that has been running: the shown days' rollups,
  // and every publish's notifications expanded (the worker does it right after each commit). Left
  // queued, 13,000 fan-outs of three years kept the bench's server busy for minutes.
  await maintainUptimeRollups(db, now);
  await expandEveryFanOut(db, log);
  return { incidents: incidentCount, maintenances: windowCount };
}

async function expandEveryFanOut(db: Db, log: (line: string) => void): Promise<void> {
  const queued = async () =>
    (
      await db
        .select({ n: count() })
        .from(notificationFanOuts)
        .where(isNull(notificationFanOuts.expandedAt))
    )[0]!.n;
  for (let left = await queued(); left > 0; left = await queued()) {
    log(`notifications: ${left} fan-outs to expand`);
    await expandFanOuts(db, { limit: 1000, rowBudget: Infinity });
  }
}
