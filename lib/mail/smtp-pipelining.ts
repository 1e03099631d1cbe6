import type { Socket } from "node:net";
import type SMTPConnection from "nodemailer/lib/smtp-connection/index.js";

/** Sends one composed message on a connection that is ready for MAIL FROM. */
export type SendOnConnection = (
  envelope: { from: string; to: string },
  raw: Buffer,
) => Promise<void>;

/** Shaped like nodemailer's SMTP errors, so classifySmtpError reads both alike. */
type SmtpReplyError = Error & {
  code: string;
  responseCode?: number;
  command: string;
  response?: string;
};

type Reply = { code: number; text: string };

/** nodemailer's fields this module takes over once the handshake (EHLO, STARTTLS, AUTH) is done. */
type NodemailerInternals = {
  _socket: Socket;
  _supportedExtensions: string[];
  _onSocketData: (chunk: Buffer) => void;
  _onSocketTimeout: () => void;
  _onSocketClose: () => void;
  _onSocketEnd: () => void;
  _onSocketError: (error: Error) => void;
};

const failure = (message: string, code: string, command: string, reply?: Reply): SmtpReplyError =>
  Object.assign(new Error(reply ? `${message}${reply.text}` : message), {
    code,
    command,
    ...(reply ? { responseCode: reply.code, response: reply.text } : {}),
  });

/**
 * Message transactions with PIPELINING (RFC 2920), which nodemailer detects but
 * does not use: MAIL FROM, RCPT TO and DATA go out in one write and their three
 * answers are read together, then the message and its closing dot in a second
 * write. nodemailer's SMTPConnection sends each command after the previous
 * answer, four or five writes and as many wake-ups of both sides per message;
 * pipelined, a loopback relay bench measured about half the client CPU per
 * message.
 *
 * Returns null when the relay does not offer PIPELINING: the caller keeps
 * nodemailer's one-command-at-a-time send. Otherwise the connection's socket is
 * this module's from now on (nodemailer's listeners are removed); `close()` on
 * the nodemailer connection still tears it down. `onGone` hears once that the
 * connection is unusable (closed, reset, silent past `timeoutMs`); a send in
 * flight rejects with the same error. After any refused command the connection
 * is left as it is: the pool closes a connection whose send failed, so no
 * transaction state carries over.
 */
export function pipelinedSend(
  connection: SMTPConnection,
  { timeoutMs, onGone }: { timeoutMs: number; onGone: (error: Error) => void },
): SendOnConnection | null {
  const internals = connection as unknown as NodemailerInternals;
  const extensions = internals._supportedExtensions ?? [];
  const socket = internals._socket;
  if (!extensions.includes("PIPELINING") || !socket) return null;
  const smtpUtf8 = extensions.includes("SMTPUTF8");

  socket.removeListener("data", internals._onSocketData);
  socket.removeListener("timeout", internals._onSocketTimeout);
  socket.removeListener("close", internals._onSocketClose);
  socket.removeListener("end", internals._onSocketEnd);
  socket.removeListener("error", internals._onSocketError);

  const expected: { resolve: (reply: Reply) => void; reject: (error: Error) => void }[] = [];
  let gone: Error | null = null;
  let received = "";
  let lines: string[] = [];

  const fail = (error: Error) => {
    if (gone) return;
    gone = error;
    for (const waiter of expected.splice(0)) waiter.reject(error);
    onGone(error);
  };
  const onData = (chunk: Buffer) => {
    received += chunk.toString("latin1");
    let end: number;
    while ((end = received.indexOf("\n")) >= 0) {
      const line = received.slice(0, end).replace(/\r$/, "");
      received = received.slice(end + 1);
      lines.push(line);
      // "250-…" continues a multi-line answer; "250 …" (or a bare "250") ends it.
      if (line.charAt(3) === "-") continue;
      const reply = { code: Number(line.slice(0, 3)), text: lines.join("\n") };
      lines = [];
      const waiter = expected.shift();
      // An answer nobody asked for is the relay giving up on us (421 shutting down, idle timeout).
      if (!waiter || !Number.isInteger(reply.code))
        return fail(failure("Unexpected answer: ", "EPROTOCOL", "CONN", reply));
      waiter.resolve(reply);
    }
  };
  socket.on("data", onData);
  socket.on("error", (error) => fail(Object.assign(error, { code: "ESOCKET", command: "CONN" })));
  socket.once("end", () =>
    fail(failure("The SMTP relay closed the connection.", "ECONNECTION", "CONN")),
  );
  socket.once("close", () => fail(failure("The SMTP connection closed.", "ECONNECTION", "CONN")));
  socket.setTimeout(timeoutMs);
  socket.on("timeout", () => {
    fail(failure("Timeout: the SMTP relay stopped answering.", "ETIMEDOUT", "CONN"));
    connection.close();
  });

  const answer = () =>
    new Promise<Reply>((resolve, reject) => {
      if (gone) return reject(gone);
      expected.push({ resolve, reject });
    });

  return async ({ from, to }, raw) => {
    if (/[\r\n<>]/.test(from) || /[\r\n<>]/.test(to) || !to)
      throw failure(
        `Invalid envelope address ${JSON.stringify(/[\r\n<>]/.test(from) ? from : to)}`,
        "EENVELOPE",
        "API",
      );
    const utf8 = smtpUtf8 && /[^\x00-\x7f]/.test(from + to) ? " SMTPUTF8" : "";
    const answers = [answer(), answer(), answer()];
    socket.write(`MAIL FROM:<${from}>${utf8}\r\nRCPT TO:<${to}>\r\nDATA\r\n`);
    const [mail, rcpt, data] = await Promise.all(answers);
    if (mail!.code !== 250) throw failure("Mail command failed: ", "EENVELOPE", "MAIL FROM", mail);
    if (rcpt!.code !== 250 && rcpt!.code !== 251)
      throw failure(
        "Can't send mail - all recipients were rejected: ",
        "EENVELOPE",
        "RCPT TO",
        rcpt,
      );
    if (data!.code !== 354) throw failure("Data command failed: ", "EENVELOPE", "DATA", data);
    const done = answer();
    socket.cork();
    for (const part of dataBlock(raw)) socket.write(part);
    socket.uncork();
    const end = await done;
    if (end.code !== 250) throw failure("Message failed: ", "EMESSAGE", "DATA", end);
  };
}

const CRLF = Buffer.from("\r\n");
const END = Buffer.from(".\r\n");

/**
 * The message as DATA carries it: a line starting with "." gets another in
 * front (RFC 5321 §4.5.2), the last line ends in CRLF, then the lone dot.
 * Herald's messages are base64 bodies under encoded headers, so the copy is
 * almost never needed.
 */
export function dataBlock(raw: Buffer): Buffer[] {
  let body = raw;
  if (raw[0] === 0x2e || raw.includes("\n.")) {
    const text = raw.toString("latin1").replace(/(^|\n)\./g, "$1..");
    body = Buffer.from(text, "latin1");
  }
  const endsWithNewline =
    body.length >= 2 && body[body.length - 2] === 0x0d && body[body.length - 1] === 0x0a;
  return endsWithNewline || body.length === 0 ? [body, END] : [body, CRLF, END];
}
