import { createServer, type IncomingHttpHeaders } from "node:http";

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
};

/** A real loopback HTTP server that records requests and answers with `respond` (a webhook receiver, a Resend stand-in). */
export async function startHttpRecorder(
  respond: (req: RecordedRequest) => {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
  } = () => ({ status: 200 }),
) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const recorded = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      const { status, body, headers } = respond(recorded);
      res
        .writeHead(status, { "Content-Type": "application/json", ...headers })
        .end(JSON.stringify(body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
