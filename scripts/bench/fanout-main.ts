/**
 * `npm run bench:fanout`: the fan-out bench on its own. Progress goes to
 * stderr; stdout gets a table, then the figures as JSON.
 *   BENCH_DATABASE_URL        PostgreSQL server to create the throwaway database on
 *   BENCH_FANOUT_RECIPIENTS   subscribers (10000)
 *   BENCH_FANOUT_KILLS        worker kills during the soak (5)
 *   BENCH_FANOUT_STALL_S      give up after this long without a message arriving (180)
 */
import { benchFanout } from "./fanout";

const numberFromEnv = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const stallS = numberFromEnv("BENCH_FANOUT_STALL_S");

const figures = await benchFanout({
  recipients: numberFromEnv("BENCH_FANOUT_RECIPIENTS"),
  kills: numberFromEnv("BENCH_FANOUT_KILLS"),
  stallTimeoutMs: stallS === undefined ? undefined : stallS * 1000,
  log: (line) => console.error(`[bench] ${line}`),
});

const { throughput: t, soak: s } = figures;
console.table({
  "deliver (worker running)": {
    recipients: t.outboxRows,
    "publish ms": t.publishMs,
    "publish ms, notify off": t.publishWithoutNotifyMs,
    "all delivered s": t.allDeliveredMs === null ? "stalled" : t.allDeliveredMs / 1000,
    "msg/s": t.messagesPerSecond,
    "msg/s steady": t.steadyMessagesPerSecond,
    kills: 0,
    delivered: t.delivered,
    duplicated: t.duplicated,
    lost: t.lost,
    failed: t.failed,
  },
  [`soak (${s.kills.length} SIGKILLs)`]: {
    recipients: s.outboxRows,
    "publish ms": s.publishMs,
    "publish ms, notify off": "",
    // Until every row is final: includes the claim lease that the last killed worker's rows wait out.
    "all delivered s": s.settledMs === null ? "stalled" : s.settledMs / 1000,
    "msg/s": "",
    "msg/s steady": "",
    kills: s.kills.length,
    delivered: s.delivered,
    duplicated: s.duplicated,
    lost: s.lost,
    failed: s.outbox.failed,
  },
});
console.log(JSON.stringify(figures, null, 2));
