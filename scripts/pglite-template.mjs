/**
 * Writes dist/pglite-template.tar.gz: an empty, freshly initialized PGlite
 * cluster, which the server unpacks on its first start instead of running
 * initdb itself (see lib/db/pglite-memory.ts). Run by scripts/build-server.mjs
 * in its own process, whose peak memory ends with it.
 */
import { writeFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";

const [target] = process.argv.slice(2);
const db = await PGlite.create();
const dump = await db.dumpDataDir("gzip");
writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
await db.close();
// Explicitly: nothing remains to do, whatever handle PGlite keeps referenced.
process.exit(0);
