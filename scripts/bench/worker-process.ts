import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

export type WorkerProcess = {
  pid: number;
  /** Resolves once the worker logged that its loop runs (after its own migrate). */
  ready: Promise<void>;
  exited: Promise<number | null>;
  /** SIGKILL: a crash, nothing recorded on the way out. */
  crash: () => Promise<void>;
  /** SIGTERM: the worker finishes its batch and closes its pool. */
  stop: () => Promise<void>;
  /** CPU time the process has used so far (user + system, ms), from /proc; null elsewhere than Linux. */
  cpuMs: () => number | null;
};

/** utime + stime of a process, in ms (Linux /proc/<pid>/stat, clock ticks of 10 ms). */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * `npm run worker` as a child process: the compiled worker (dist/worker.mjs,
 * made by scripts/build-server.mjs) run by `node` itself, not through npm,
 * whose extra process could not relay a SIGKILL (killing it would leave the
 * real worker running).
 */
export function spawnWorker({
  cwd,
  env,
  label,
  log,
}: {
  cwd: string;
  env: Record<string, string>;
  label: string;
  log: (line: string) => void;
}): WorkerProcess {
  // BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=…": where a worker's time goes (NODE_OPTIONS refuses --cpu-prof).
  const nodeArgs = process.env.BENCH_WORKER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, "dist/worker.mjs"], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      log(`${label} | ${line}`);
      if (line.includes("worker started")) resolve();
    });
    createInterface({ input: child.stderr! }).on("line", (line) => log(`${label} ! ${line}`));
    exited.then((code) => reject(new Error(`${label} exited (${code}) before it was ready`)));
  });
  // A crash before ready is reported through `ready`; afterwards nobody may be listening.
  ready.catch(() => {});
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    pid: child.pid!,
    ready,
    exited,
    crash: () => signal("SIGKILL"),
    stop: () => signal("SIGTERM"),
    cpuMs: () => processCpuMs(child.pid!),
  };
}
