/**
 * The bench's baseline: a minimal Node static server, in its own process (as
 * Herald is), sending one file's bytes with the given headers. Plain
 * JavaScript, so that no loader stands between it and `node`.
 *   node scripts/bench/static-server.mjs <file> <headers-json> <port>
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const body = readFileSync(process.argv[2]);
const headers = { ...JSON.parse(process.argv[3] ?? "{}"), "content-length": String(body.length) };
const server = createServer((_, res) => res.writeHead(200, headers).end(body));
server.listen(Number(process.argv[4]), "127.0.0.1", () => console.log("listening"));
