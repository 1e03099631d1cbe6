/**
 * The notification fan-out bench (SPEC §5, §7): publish to N email subscribers
 * on a throwaway PostgreSQL database and deliver through the standalone worker
 * process to a loopback SMTP server; then the same again while the worker is
 * SIGKILLed and restarted, counting delivered, duplicated and lost messages.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createBenchDatabase, DEFAULT_BENCH_DATABASE_URL } from "./bench-database";
import { startCountingSmtpSink } from "./counting-smtp-sink";
import type { FanoutStage } from "./fanout-phase";
import { seedFanoutPage } from "./fanout-setup";
import { measureSoak, type SoakFigures } from "./fanout-soak";
import { measureScaleOut, type ScaleOutFigures } from "./fanout-scale-out";
import { measureThroughput, type ThroughputFigures } from "./fanout-throughput";
import { spawnWorker } from "./worker-process";

export type FanoutFigures = {
  at: string;
  recipients: number;
  database: "postgresql";
  transport: "smtp-loopback";
  /** Part 1: "enqueue and deliver N subscribers to a loopback SMTP server". */
  throughput: ThroughputFigures;
  /** Part 2: "kill and restart the worker K times during an N-recipient fan-out". */
  soak: SoakFigures;
  /** Part 3: another update to the same audience with two workers side by side. */
  twoWorkers: ScaleOutFigures;
};

export type FanoutOptions = {
  databaseUrl?: string;
  recipients?: number;
  kills?: number;
  log?: (line: string) => void;
  /** A part gives up after this long without a message arriving; what is missing counts as lost. Default 3 minutes (above the worker's 2-minute claim lease). */
  stallTimeoutMs?: number;
};

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const MAIL_FROM = "Status <status@bench.herald.test>";

export async function benchFanout(opts: FanoutOptions = {}): Promise<FanoutFigures> {
  const recipients = opts.recipients ?? 100_000;
  const kills = opts.kills ?? 5;
  const log = opts.log ?? (() => {});
  const baseUrl =
    opts.databaseUrl ??
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    DEFAULT_BENCH_DATABASE_URL;

  // The worker runs compiled (dist/worker.mjs), as `npm run worker` runs it.
  spawnSync(process.execPath, ["scripts/build-server.mjs", "--if-stale"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
  const database = await createBenchDatabase(baseUrl);
  log(`fanout: database ${database.name}`);
  const sink = await startCountingSmtpSink();
  try {
    const seedStarted = performance.now();
    const { ctx, componentId } = await seedFanoutPage(database.db, recipients);
    log(
      `fanout: ${recipients} subscribers seeded in ${Math.round(performance.now() - seedStarted)} ms`,
    );
    const stage: FanoutStage = {
      ctx,
      componentId,
      sink,
      mailFrom: MAIL_FROM,
      stallTimeoutMs: opts.stallTimeoutMs ?? 180_000,
      log,
      spawnWorker: (label) =>
        spawnWorker({
          cwd: REPO_ROOT,
          label,
          log,
          env: {
            NODE_ENV: "production",
            DATABASE_URL: database.url,
            SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
            // Set, even if empty: an inherited Resend key would win over SMTP and send for real.
            RESEND_API_KEY: "",
            MAIL_FROM,
            HERALD_URL: "http://status.bench.herald.test",
          },
        }),
    };
    const { figures: throughput, incidentId } = await measureThroughput(stage);
    log(
      `fanout: throughput part done (${throughput.delivered}/${throughput.outboxRows} delivered)`,
    );
    const soak = await measureSoak(stage, { incidentId, kills });
    const twoWorkers = await measureScaleOut(stage, { incidentId, workers: 2 });
    return {
      at: new Date().toISOString(),
      recipients,
      database: "postgresql",
      transport: "smtp-loopback",
      throughput,
      soak,
      twoWorkers,
    };
  } finally {
    await sink.close();
    await database.dispose();
  }
}
