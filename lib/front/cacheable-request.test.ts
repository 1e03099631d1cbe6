import { createServer, IncomingMessage, type ServerResponse } from "node:http";
import { connect, Socket, type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { cacheableRequest, readFrontHeaders } from "./cacheable-request";

/** A request as Node's parser hands it over: the raw header list, names as the client spelt them. */
function requestWith(method: string, url: string, raw: string[]): IncomingMessage {
  const request = new IncomingMessage(new Socket());
  Object.assign(request, { method, url, rawHeaders: raw });
  return request;
}

/** Node's own parser over a raw request, as the client wrote it: what `rawHeaders` and `headers` hold. */
async function parse(rawRequest: string) {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const parsed = new Promise<IncomingMessage>((resolve) =>
      server.once("request", (request: IncomingMessage, response: ServerResponse) => {
        resolve(request);
        response.end();
      }),
    );
    const socket = connect((server.address() as AddressInfo).port, "127.0.0.1");
    socket.on("error", () => {}).end(rawRequest);
    return await parsed;
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe("the headers the front server reads", () => {
  it("reads them whatever their case, and joins repeated ones as Node's request.headers does", async () => {
    const request = await parse(
      [
        "GET / HTTP/1.1",
        "Host: status.example.com",
        "Accept-Encoding: gzip",
        "ACCEPT-ENCODING: br",
        "Cookie: a=1",
        "cookie: authjs.session-token=x",
        'If-None-Match: W/"abc"',
        "X-Forwarded-Proto: https",
        "User-Agent: curl/8",
        "",
        "",
      ].join("\r\n"),
    );
    const read = readFrontHeaders(request.rawHeaders);
    expect(read).toEqual({
      acceptEncoding: request.headers["accept-encoding"],
      cookie: request.headers.cookie,
      ifNoneMatch: request.headers["if-none-match"],
      forwardedProto: request.headers["x-forwarded-proto"],
      clientRouter: false,
    });
    expect(read.acceptEncoding).toBe("gzip, br");
    expect(read.cookie).toBe("a=1; authjs.session-token=x");
  });

  it("sends Next's client-router requests (which want a payload, not the page) to Next", () => {
    for (const name of ["RSC", "Next-Router-Prefetch", "next-action"]) {
      const raw = [name, "1"];
      expect(readFrontHeaders(raw).clientRouter, name).toBe(true);
      expect(cacheableRequest(requestWith("GET", "/", raw), readFrontHeaders(raw))).toBeNull();
    }
  });

  it("answers reads of public routes only, under their canonical URL", () => {
    const none = readFrontHeaders([]);
    expect(cacheableRequest(requestWith("GET", "/?utm_source=x", []), none)?.url).toBe("/");
    expect(cacheableRequest(requestWith("HEAD", "/history.atom", []), none)?.url).toBe(
      "/history.atom",
    );
    expect(cacheableRequest(requestWith("POST", "/", []), none)).toBeNull();
    expect(cacheableRequest(requestWith("GET", "/console", []), none)).toBeNull();
  });
});
