import { createBenchDatabase, DEFAULT_BENCH_DATABASE_URL } from "./bench-database";
import { measureStartMemory, type StartMemory } from "./start-memory";

/** SPEC targets for a 1 GB VM (issue 18): idle per engine, and the first start's peak. */
export const MEMORY_TARGETS_MB = { pglite: 350, postgres: 250, peak: 600 };

/** `npm start` on PGlite, then on an empty PostgreSQL database (skipped when none answers). */
export async function benchStartMemory({
  port,
  idleSeconds,
  log,
}: {
  port: number;
  idleSeconds: number;
  log: (line: string) => void;
}): Promise<StartMemory[]> {
  const runs = [await measureStartMemory({ port, idleSeconds, log })];
  const baseUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
  let database;
  try {
    database = await createBenchDatabase(baseUrl, { migrated: false });
  } catch (error) {
    log(`no PostgreSQL at ${baseUrl} (${(error as Error).message}): PGlite only`);
    return runs;
  }
  try {
    runs.push(await measureStartMemory({ port, databaseUrl: database.url, idleSeconds, log }));
  } finally {
    await database.dispose();
  }
  return runs;
}

export function memoryTable(runs: StartMemory[]) {
  return runs.map((r) => ({
    database: r.engine,
    "peak MB": r.peakMb,
    "warm MB": r.warmMb,
    [`idle ${r.idleSeconds} s MB`]: r.idleMb,
    target: `idle ≤ ${MEMORY_TARGETS_MB[r.engine]}, peak ≤ ${MEMORY_TARGETS_MB.peak}`,
    met:
      r.idleMb <= MEMORY_TARGETS_MB[r.engine] && r.peakMb <= MEMORY_TARGETS_MB.peak ? "yes" : "NO",
    processes: r.processes
      .map((p) => `${p.command.split(" ").slice(0, 3).join(" ")} ${p.mb}`)
      .join("; "),
  }));
}
