import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LOCK_FILE } from "./data-dir-lock";

/** A real second `npm start` on the same directory, minus HTTP (lib/testing/data-dir-process.ts). */
function startProcess(dataDir: string) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn("node_modules/.bin/tsx", ["lib/testing/data-dir-process.ts"], {
    env: { ...env, HERALD_DATA_DIR: dataDir, HERALD_WORKER: "off", HERALD_SEED: "off" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  const waitFor = async (text: string | RegExp) => {
    for (;;) {
      if (typeof text === "string" ? out.includes(text) : text.test(out)) return;
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    child,
    exited,
    stderr: () => err,
    /** Resolves with the pid of the process holding the database (tsx runs scripts in a child). */
    ready: async () => {
      await waitFor(/ready pid=\d+;/);
      return Number(/ready pid=(\d+);/.exec(out)![1]);
    },
    async send(line: string, answer: string) {
      child.stdin!.write(`${line}\n`);
      await waitFor(answer);
    },
    stop: () => {
      child.stdin!.end();
      return exited;
    },
  };
}

describe("one process per PGlite data directory", () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "herald-lock-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("a second process exits non-zero at once, naming the directory and the running pid; the first keeps its writes", async () => {
    const dir = dataDir();
    const first = startProcess(dir);
    children.push(first.child);
    const firstPid = await first.ready();
    await first.send("put before second", "stored before");

    const second = startProcess(dir);
    children.push(second.child);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toContain(`The data directory ${dir} is in use`);
    expect(second.stderr()).toContain(`pid ${firstPid}`);

    // The first is unaffected: it still reads and writes, and what it wrote survives it.
    await first.send("put after second", "stored after");
    await first.send("get before", "value second");
    expect(await first.stop()).toBe(0);
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);

    const third = startProcess(dir);
    children.push(third.child);
    await third.ready();
    await third.send("get after", "value second");
    await third.stop();
  }, 120_000);

  it("takes over a lock left by a process that died", async () => {
    const dir = dataDir();
    const crashed = startProcess(dir);
    children.push(crashed.child);
    const crashedPid = await crashed.ready();
    process.kill(crashedPid, "SIGKILL");
    await crashed.exited;
    const lock = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8")) as { pid: number };
    expect(lock.pid).toBe(crashedPid);

    const next = startProcess(dir);
    children.push(next.child);
    const nextPid = await next.ready();
    expect(
      (JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8")) as { pid: number }).pid,
    ).toBe(nextPid);
    await next.stop();
  }, 120_000);

  it("an unreadable lock file from a crash mid-write is taken over too", async () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, LOCK_FILE), "");
    const next = startProcess(dir);
    children.push(next.child);
    await next.ready();
    await next.stop();
  }, 120_000);
});
