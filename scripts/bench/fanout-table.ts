import type { FanoutFigures } from "./fanout";

/** The fan-out figures as console.table rows: one for plain delivery, one for the worker-kill soak. */
export function fanoutTable(figures: FanoutFigures) {
  const { throughput: t, soak: s, twoWorkers: w } = figures;
  return {
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
      "worker CPU ms/1k msgs": t.workerCpuMsPer1000,
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
      "in flight at kills": s.kills.reduce((sum, k) => sum + k.inFlight, 0),
      delivered: s.delivered,
      duplicated: s.duplicated,
      lost: s.lost,
      failed: s.outbox.failed,
    },
    "deliver (2 workers)": {
      recipients: w.outboxRows,
      "publish ms": "",
      "publish ms, notify off": "",
      "all delivered s": w.allDeliveredMs === null ? "stalled" : w.allDeliveredMs / 1000,
      "msg/s": w.messagesPerSecond,
      "msg/s steady": "",
      kills: 0,
      delivered: w.delivered,
      duplicated: w.duplicated,
      lost: w.lost,
      failed: "",
    },
  };
}
