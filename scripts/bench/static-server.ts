/**
 * The bench's baseline: a minimal Node static server, in its own process (as
 * Herald is), sending one file's bytes with the given headers.
 *   tsx scripts/bench/static-server.ts <file> <headers-json>
 * Prints the port it listens on.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const body = readFileSync(process.argv[2]!);
const headers = {
  ...(JSON.parse(process.argv[3] ?? "{}") as Record<string, string>),
  "content-length": String(body.length),
};
const server = createServer((_, res) => res.writeHead(200, headers).end(body));
server.listen(0, "127.0.0.1", () => console.log((server.address() as AddressInfo).port));
