import { spawn, type ChildProcess } from "node:child_process";

/**
 * A production Herald server a spec starts itself (for scenarios the shared servers cannot host):
 * the compiled dist/serve.mjs that `npm run serve` runs (scripts/e2e.ts built it).
 */
export async function startHeraldServer(port: number, env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ["dist/serve.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HERALD_URL: `http://localhost:${port}`,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Kept (the last 100 KB) for a failing spec to print: the server's side of what went wrong.
  let output = "";
  for (const stream of [child.stdout!, child.stderr!])
    stream.setEncoding("utf8").on("data", (text: string) => {
      output = (output + text).slice(-100_000);
    });
  const base = `http://localhost:${port}`;
  const until = Date.now() + 90_000;
  while (
    !(await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > until || child.exitCode !== null)
      throw new Error(`Herald did not start on ${port}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, output: () => output, stop: () => child.kill("SIGTERM") };
}

/** A standalone notification worker (`npm run worker`), as a scale-out deployment runs it. */
export function startHeraldWorker(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ["dist/worker.mjs"], {
    env: { ...process.env, NODE_ENV: "production", ...env },
    stdio: "ignore",
  });
  return { stop: () => child.kill("SIGTERM") };
}
