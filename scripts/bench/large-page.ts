import { readFileSync, readdirSync } from "node:fs";
import { startBenchServer } from "./bench-server";
import { createBenchDatabase, DEFAULT_BENCH_DATABASE_URL } from "./bench-database";
import { load } from "./http-load";
import { measurePublishToVisible } from "./publish-to-visible";
import { seedLargePage } from "./large-page-seed";

const SURFACES = [
  "/",
  "/uptime",
  "/reliability",
  "/history",
  "/api/v2/summary.json",
  "/history.atom",
  "/badge.svg",
];

/** Resident memory of a process and its descendants (the server runs under tsx), in MB. */
function rssMb(pid: number): number {
  const children = (p: number): number[] =>
    readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return (
            readFileSync(`/proc/${d}/stat`, "utf8").split(") ")[1]!.split(" ")[1] === String(p)
          );
        } catch {
          return false;
        }
      })
      .flatMap((d) => [Number(d), ...children(Number(d))]);
  let kb = 0;
  for (const p of [pid, ...children(pid)]) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return Math.round(kb / 1024);
}

/** Cached `/` under load for `seconds`, while `during` runs (e.g. a publish every 2 s). */
async function loadWhile(
  base: string,
  seconds: number,
  during?: (stop: () => boolean) => Promise<void>,
) {
  let done = false;
  const side = during?.(() => done);
  const row = await load(`${base}/`, 50, seconds);
  done = true;
  await side;
  return row;
}

/**
 * The database to measure: one kept from an earlier run (BENCH_LARGE_DATABASE_URL), or a throwaway
 * one seeded now. `release` drops a seeded one, or keeps it when BENCH_LARGE_KEEP=1.
 */
async function largePageDatabase(
  scale: number,
  results: Record<string, unknown>,
): Promise<{ url: string; release: () => Promise<void> }> {
  const reused = process.env.BENCH_LARGE_DATABASE_URL;
  if (reused) {
    console.log(`Reusing the large page seeded earlier in ${reused}`);
    return { url: reused, release: async () => {} };
  }
  const database = await createBenchDatabase(
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL,
  );
  try {
    const t = Date.now();
    const seeded = await seedLargePage(database.db, {
      scale,
      log: (line) => console.error(`[bench] ${line}`),
    });
    results.seedSeconds = Math.round((Date.now() - t) / 1000);
    console.log(
      `Seeded ${seeded.incidents} incidents, ${seeded.maintenances} windows in ${results.seedSeconds} s`,
    );
  } catch (error) {
    await database.dispose();
    throw error;
  }
  if (process.env.BENCH_LARGE_KEEP !== "1") return { url: database.url, release: database.dispose };
  return {
    url: database.url,
    async release() {
      await database.close();
      console.log(`Kept the seeded database: BENCH_LARGE_DATABASE_URL=${database.url}`);
    },
  };
}

/**
 * `BENCH_LARGE=1 npm run bench`: issue 14's large page (200 components in 20
 * groups, 3 years of history seeded through the domain functions) on
 * PostgreSQL. BENCH_LARGE_SCALE scales the history (1 = 3,000 incidents).
 * BENCH_LARGE_KEEP=1 keeps the seeded database; BENCH_LARGE_DATABASE_URL measures
 * one kept earlier instead of seeding (six minutes on a 2-core machine).
 */
export async function benchLargePage({ port, duration }: { port: number; duration: number }) {
  const scale = Number(process.env.BENCH_LARGE_SCALE ?? 1);
  const results: Record<string, unknown> = { scale };
  const database = await largePageDatabase(scale, results);
  try {
    process.env.BENCH_DATABASE_URL = database.url;
    const server = await startBenchServer(port, { verbose: Boolean(process.env.BENCH_VERBOSE) });
    try {
      const cold = [];
      for (const surface of SURFACES) {
        const t = performance.now();
        const response = await fetch(`${server.base}${surface}`, {
          headers: { "accept-encoding": "identity" },
        });
        const bytes = (await response.arrayBuffer()).byteLength;
        cold.push({
          surface,
          status: response.status,
          coldMs: Math.round(performance.now() - t),
          bytes,
        });
      }
      console.log(
        `\nLarge page: / rendered in ${server.warmMs()} ms at start, before the port opened; then the first request per surface, uncompressed size`,
      );
      console.table(cold);
      const visible = await measurePublishToVisible(server.base, server.apiKey, 3);
      console.log("\nLarge page: publish (management API) to visible");
      console.table(visible);

      const quiet = await loadWhile(server.base, duration);
      let publishes = 0;
      const publishing = await loadWhile(server.base, duration, async (stop) => {
        const api = (path: string, body: unknown) =>
          fetch(`${server.base}/api/v1${path}`, {
            method: "POST",
            headers: {
              authorization: `Bearer ${server.apiKey}`,
              "content-type": "application/json",
            },
            body: JSON.stringify(body),
          }).then((r) => r.json() as Promise<{ incident: { id: string } }>);
        const { incident } = await api("/incidents", {
          title: "Bench: publishing every 2 s",
          severity: "SEV3",
          body: "Update 0",
          cadence: "none",
          notify: false,
        });
        while (!stop()) {
          await new Promise((r) => setTimeout(r, 2000));
          await api(`/incidents/${incident.id}/updates`, {
            state: "monitoring",
            body: `Update ${++publishes}`,
            notify: false,
          });
        }
      });
      const throughput = [
        { mode: "no publishing", ...quiet },
        { mode: `publishing every 2 s (${publishes})`, ...publishing },
      ];
      console.log(`\nLarge page: cached / at 50 connections, ${duration} s each`);
      console.table(throughput);
      const rss = rssMb(server.pid);
      console.log(`Server RSS after the runs: ${rss} MB`);
      Object.assign(results, {
        warmUpMs: server.warmMs(),
        cold,
        publishToVisible: visible,
        throughput,
        rssMb: rss,
      });
    } finally {
      server.stop();
    }
  } finally {
    await database.release();
  }
  return results;
}
