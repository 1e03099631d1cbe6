import { SMTPServer } from "smtp-server";

export type Received = { copies: number; recipients: string[] };

export type CountingSmtpSink = {
  port: number;
  /** Messages accepted since the last reset, keyed by Message-ID ("" when a message had none). */
  byMessageId: Map<string, Received>;
  /** Accepted messages since the last reset, copies included. */
  total: () => number;
  /** Resolves with the time (performance.now()) at which `count` distinct Message-IDs had arrived, or null on timeout. */
  waitForDistinct: (count: number, timeoutMs: number) => Promise<number | null>;
  /** performance.now() of the first message since the last reset. */
  firstAt: () => number | null;
  reset: () => void;
  close: () => Promise<void>;
};

const MESSAGE_ID = /^Message-ID:[ \t]*(<[^>\r\n]+>)/im;

/**
 * A real SMTP server on loopback that only counts. lib/testing/smtp-sink.ts
 * parses and keeps every message (mailparser), which for 10,000 messages would
 * compete for CPU with the worker being measured; this one reads the header
 * block for the Message-ID and drops the rest.
 *
 * A message counts when its DATA ends, just before the 250 reply: the moment a
 * real server takes responsibility for it. A client that dies mid-DATA is not
 * counted (smtp-server destroys that stream instead of ending it).
 */
export async function startCountingSmtpSink(): Promise<CountingSmtpSink> {
  let byMessageId = new Map<string, Received>();
  let total = 0;
  let firstAt: number | null = null;
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // The worker opens a connection per message; do not let a slow accept queue be the bottleneck.
    maxClients: 1000,
    onData(stream, session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (!head.includes("\r\n\r\n") && head.length < 64_000) head += chunk.toString("latin1");
      });
      stream.on("error", () => {});
      stream.on("end", () => {
        const id = MESSAGE_ID.exec(head.split("\r\n\r\n")[0] ?? "")?.[1] ?? "";
        const entry = byMessageId.get(id) ?? { copies: 0, recipients: session.envelope.rcptTo.map((r) => r.address.toLowerCase()) };
        entry.copies++;
        byMessageId.set(id, entry);
        total++;
        firstAt ??= performance.now();
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();

  return {
    port: typeof address === "object" && address ? address.port : 0,
    get byMessageId() {
      return byMessageId;
    },
    total: () => total,
    firstAt: () => firstAt,
    waitForDistinct(count, timeoutMs) {
      return new Promise((resolve) => {
        const check = () => {
          if (byMessageId.size < count) return;
          finish(performance.now());
        };
        const finish = (at: number | null) => {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(at);
        };
        const timer = setTimeout(() => finish(null), timeoutMs);
        waiters.add(check);
        check();
      });
    },
    reset() {
      byMessageId = new Map();
      total = 0;
      firstAt = null;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
