/**
 * `npm run bench:fanout`: the fan-out bench on its own. Progress goes to
 * stderr; stdout gets a table, then the figures as JSON.
 *   BENCH_DATABASE_URL        PostgreSQL server to create the throwaway database on
 *   BENCH_FANOUT_RECIPIENTS   subscribers (100000)
 *   BENCH_FANOUT_KILLS        worker kills during the soak (5)
 *   BENCH_FANOUT_STALL_S      give up after this long without a message arriving (180)
 *   BENCH_WORKER_NODE_ARGS    extra node flags for the worker processes (e.g. --cpu-prof)
 */
import { benchFanout } from "./fanout";
import { fanoutTable } from "./fanout-table";

const numberFromEnv = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const stallS = numberFromEnv("BENCH_FANOUT_STALL_S");

const figures = await benchFanout({
  recipients: numberFromEnv("BENCH_FANOUT_RECIPIENTS"),
  kills: numberFromEnv("BENCH_FANOUT_KILLS"),
  stallTimeoutMs: stallS === undefined ? undefined : stallS * 1000,
  log: (line) => console.error(`[bench] ${line}`),
});

console.table(fanoutTable(figures));
console.log(JSON.stringify(figures, null, 2));
