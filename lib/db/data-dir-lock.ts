import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/**
 * PGlite is one process's database: a second process opening the same data
 * directory serves it too, and one of them loses acknowledged writes. So the
 * directory carries a lock file naming its process (pid), created exclusively
 * (O_EXCL) before PGlite opens it; a lock whose process has died is taken over.
 */
export const LOCK_FILE = "herald.lock";

type LockOwner = { pid: number; host: string; since: string };

export class DataDirLockedError extends Error {
  constructor(dataDir: string, owner: LockOwner) {
    super(
      `The data directory ${dataDir} is in use by another Herald process (pid ${owner.pid} on ${owner.host}, since ${owner.since}). ` +
        `Two processes on one PGlite directory lose data: stop that one first, or set HERALD_DATA_DIR to another directory. ` +
        `If no such process runs, delete ${path.join(dataDir, LOCK_FILE)}.`,
    );
    this.name = "DataDirLockedError";
  }
}

/** Held locks of this process, released when it exits (however it exits). */
const held = new Set<string>();
let exitHookInstalled = false;

/** Takes the directory's lock or throws DataDirLockedError; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  if (held.has(file)) throw new DataDirLockedError(dataDir, readOwner(file) ?? self());
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify(self()));
      closeSync(fd);
      held.add(file);
      installExitHook();
      return () => release(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(file);
      if (owner && isAlive(owner.pid)) throw new DataDirLockedError(dataDir, owner);
      // Left by a process that died (crash, kill -9, power loss): take it over.
      unlinkSync(file);
    }
  }
  throw new DataDirLockedError(dataDir, readOwner(file) ?? self());
}

/**
 * A look before the server starts (scripts/serve.ts), so a second process exits
 * before it even listens; the lock itself is still taken when PGlite opens.
 */
export function assertDataDirFree(dataDir: string): void {
  const owner = readOwner(path.join(dataDir, LOCK_FILE));
  if (owner && isAlive(owner.pid)) throw new DataDirLockedError(dataDir, owner);
}

function self(): LockOwner {
  return { pid: process.pid, host: hostname(), since: new Date().toISOString() };
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(file, "utf8")) as LockOwner;
    return Number.isInteger(owner.pid) ? owner : null;
  } catch {
    return null;
  }
}

/** Our own pid in an old lock means a previous life of this container (pid 1 again): not alive. */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function release(file: string) {
  if (!held.delete(file)) return;
  try {
    unlinkSync(file);
  } catch {
    // Already gone: nothing to release.
  }
}

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const file of [...held]) release(file);
  });
}
