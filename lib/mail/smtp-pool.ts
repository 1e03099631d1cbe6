import { connect } from "node:net";
import type { ConnectionOptions } from "node:tls";
import SMTPConnection from "nodemailer/lib/smtp-connection/index.js";
import { parseConnectionUrl } from "nodemailer/lib/shared/index.js";
import { pipelinedSend, type SendOnConnection } from "./smtp-pipelining";

export type SmtpPoolOptions = {
  url: string;
  tls: ConnectionOptions;
  /** Connections kept open side by side: enough that round trips overlap. */
  connections: number;
  /** False for one-off sends (a sign-in link): each connection is closed after its message. */
  keepOpen: boolean;
};

export type SmtpPool = {
  /** Sends one composed message; rejects with nodemailer's SMTP error (responseCode, command). */
  send: (envelope: { from: string; to: string }, raw: Buffer) => Promise<void>;
  /** Closes the connection a send is using (a relay that stopped answering); its slot is freed. */
  abandon: (raw: Buffer) => void;
  close: () => void;
};

type Slot = {
  connection: SMTPConnection;
  /** Pipelined when the relay offers it (smtp-pipelining.ts), else nodemailer's own send. */
  send: SendOnConnection;
  busyWith?: Buffer;
  /** Fails the message in flight: a connection that errs or closes mid-message may never answer its callback. */
  failInFlight?: (error: Error) => void;
};

/** Longest silence from the relay in the middle of a message, and on an idle connection. */
const SOCKET_TIMEOUT_MS = 30_000;

/**
 * A few SMTP connections, each carrying one message at a time, on nodemailer's
 * protocol layer (SMTPConnection: STARTTLS, implicit TLS, AUTH, reply codes,
 * timeouts) with messages composed by Herald (mime-message.ts) and, where the
 * relay offers PIPELINING, sent pipelined (smtp-pipelining.ts). A connection
 * that failed in any way is closed and a new one opened for the next message,
 * so one bad answer or a relay restart never holds a slot.
 */
export function createSmtpPool({ url, tls, connections, keepOpen }: SmtpPoolOptions): SmtpPool {
  const base = parseConnectionUrl(url);
  const idle: Slot[] = [];
  const busy = new Set<Slot>();
  const waiting: ((slot: Slot | Error) => void)[] = [];
  let opened = 0;
  let closed = false;

  const open = () =>
    new Promise<Slot>((resolve, reject) => {
      // Nagle off: otherwise each message's closing "." waits for the relay's ACK of the previous write (~40 ms).
      const socket = connect({
        host: base.host ?? "localhost",
        port: base.port ?? (base.secure ? 465 : 587),
        noDelay: true,
      });
      const refused = (error: Error) => reject(error);
      socket.once("error", refused).once("connect", () => {
        socket.off("error", refused);
        const connection = new SMTPConnection({
          ...base,
          connection: socket,
          tls,
          // A relay that stops answering must fail the send (and be retried), not hold the worker for minutes.
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: SOCKET_TIMEOUT_MS,
        });
        const slot: Slot = { connection, send: nodemailerSend(connection) };
        const gone = (error: Error) => {
          drop(slot);
          slot.failInFlight?.(error);
        };
        let settled = false;
        connection.on("error", (error) => {
          gone(error);
          if (!settled) {
            settled = true;
            reject(error);
          }
        });
        connection.on("end", () => gone(new Error("The SMTP relay closed the connection.")));
        connection.connect(() => {
          const ready = (error?: Error) => {
            if (settled) return;
            settled = true;
            if (error) {
              drop(slot);
              reject(error);
            } else {
              slot.send =
                pipelinedSend(connection, { timeoutMs: SOCKET_TIMEOUT_MS, onGone: gone }) ??
                slot.send;
              resolve(slot);
            }
          };
          const allowsAuth = (connection as unknown as { allowsAuth?: boolean }).allowsAuth;
          if (base.auth && allowsAuth)
            connection.login(base.auth as SMTPConnection.Credentials, (error) => ready(error));
          else ready();
        });
      });
    });

  /** Forgets a connection (closing it if it is still up), freeing its slot for a new one. */
  function drop(slot: Slot) {
    const wasBusy = busy.delete(slot);
    const at = idle.indexOf(slot);
    if (at >= 0) idle.splice(at, 1);
    if (wasBusy || at >= 0) opened--;
    slot.connection.close();
    admitWaiting();
  }

  function admitWaiting() {
    while (waiting.length && opened < connections) {
      const resolve = waiting.shift()!;
      opened++;
      open().then(
        (slot) => {
          busy.add(slot);
          resolve(slot);
        },
        (error: Error) => {
          opened--;
          resolve(error);
          admitWaiting();
        },
      );
    }
  }

  const acquire = () =>
    new Promise<Slot>((resolve, reject) => {
      if (closed) return reject(new Error("The SMTP pool is closed."));
      const ready = idle.pop();
      if (ready) {
        busy.add(ready);
        return resolve(ready);
      }
      waiting.push((slot) => (slot instanceof Error ? reject(slot) : resolve(slot)));
      admitWaiting();
    });

  function release(slot: Slot) {
    slot.busyWith = undefined;
    if (!busy.delete(slot)) return;
    const next = waiting.shift();
    if (next && !closed) {
      busy.add(slot);
      return next(slot);
    }
    if (keepOpen && !closed) return void idle.push(slot);
    opened--;
    slot.connection.quit();
    admitWaiting();
  }

  return {
    async send(envelope, raw) {
      const slot = await acquire();
      slot.busyWith = raw;
      await new Promise<void>((resolve, reject) => {
        const settle = (error: Error | null) => {
          if (!slot.failInFlight) return;
          slot.failInFlight = undefined;
          if (error) {
            drop(slot);
            reject(error);
          } else {
            release(slot);
            resolve();
          }
        };
        slot.failInFlight = settle;
        slot.send(envelope, raw).then(() => settle(null), settle);
      });
    },
    abandon(raw) {
      for (const slot of busy) if (slot.busyWith === raw) drop(slot);
    },
    close() {
      closed = true;
      for (const slot of [...idle]) drop(slot);
      for (const resolve of waiting.splice(0)) resolve(new Error("The SMTP pool is closed."));
    },
  };
}

const nodemailerSend =
  (connection: SMTPConnection): SendOnConnection =>
  ({ from, to }, raw) =>
    new Promise((resolve, reject) =>
      connection.send({ from, to: [to] }, raw, (error) => (error ? reject(error) : resolve())),
    );
