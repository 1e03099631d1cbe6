import { SMTPServer } from "smtp-server";

export type Received = { copies: number; recipients: string[] };

export type CountingSmtpSink = {
  port: number;
  /** Messages accepted since the last reset, keyed by Message-ID ("" when a message had none). */
  byMessageId: Map<string, Received>;
  /** Accepted messages since the last reset, copies included. */
  total: () => number;
  /** performance.now() of the first message, and of the latest one with a Message-ID not seen before, since the last reset. */
  firstAt: () => number | null;
  lastNewAt: () => number | null;
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
  let lastNewAt: number | null = null;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // A loopback bench has no use for the client's DNS name, and a lookup per connection adds latency.
    disableReverseLookup: true,
    onData(stream, session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (!head.includes("\r\n\r\n") && head.length < 64_000) head += chunk.toString("latin1");
      });
      stream.on("error", () => {});
      stream.on("end", () => {
        const id = MESSAGE_ID.exec(head.split("\r\n\r\n")[0] ?? "")?.[1] ?? "";
        const entry = byMessageId.get(id) ?? {
          copies: 0,
          recipients: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        };
        if (entry.copies === 0) lastNewAt = performance.now();
        entry.copies++;
        byMessageId.set(id, entry);
        total++;
        firstAt ??= performance.now();
        callback();
      });
    },
  });
  // A killed worker resets its connection; smtp-server reports that as an 'error' event, fatal if unheard.
  server.on("error", () => {});
  greetAtOnce(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();

  return {
    port: typeof address === "object" && address ? address.port : 0,
    get byMessageId() {
      return byMessageId;
    },
    total: () => total,
    firstAt: () => firstAt,
    lastNewAt: () => lastNewAt,
    reset() {
      byMessageId = new Map();
      total = 0;
      firstAt = null;
      lastNewAt = null;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type PendingConnection = {
  init: () => void;
  _setListeners: (ready: () => void) => void;
  connectionReady: () => void;
};

/**
 * smtp-server holds each new connection's greeting 100 ms to catch clients that
 * talk too early (an anti-spam pause a submission relay does not make). Herald's
 * SMTP transport opens a connection per message, so that pause would be most of
 * what this bench measured. This starts each connection the way smtp-server's
 * own init does, minus the timer (relies on smtp-server 3.x internals).
 */
function greetAtOnce(server: SMTPServer) {
  const connections = server.connections as Set<PendingConnection>;
  const add = connections.add.bind(connections);
  connections.add = (connection) => {
    connection.init = () => connection._setListeners(() => connection.connectionReady());
    return add(connection);
  };
}
