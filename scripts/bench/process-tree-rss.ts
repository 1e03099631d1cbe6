import { readdirSync, readFileSync } from "node:fs";

/** Linux only: /proc is where a process tree and each member's resident memory are read. */
function parentOf(pid: number): number | null {
  try {
    // The command name (field 2) is in parentheses and may hold spaces: fields follow the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null; // exited meanwhile
  }
}

function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim().slice(0, 80);
  } catch {
    return "";
  }
}

export type TreeMember = { pid: number; command: string; rss: number };

/** `root` and every process below it, each with its resident set size (bytes). */
export function processTree(root: number): TreeMember[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const members: TreeMember[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    const rss = rssBytes(pid);
    if (rss) members.push({ pid, command: commandOf(pid), rss });
    queue.push(...(children.get(pid) ?? []));
  }
  return members;
}

export const treeRss = (root: number) => processTree(root).reduce((sum, m) => sum + m.rss, 0);
