import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite's memory, sized for a status page on a small VM. Its defaults are a
 * server's (shared_buffers 128 MB, maintenance_work_mem 64 MB), held inside
 * the web server's own process; Herald's data is a few megabytes. Measured on
 * a reopened data directory: 295 MB resident with the defaults, 165 MB with these.
 */
export const PGLITE_MEMORY_SETTINGS = [
  "shared_buffers=8MB",
  "wal_buffers=1MB",
  "temp_buffers=1MB",
  "work_mem=2MB",
  "maintenance_work_mem=8MB",
];

/**
 * A freshly initialized, empty PGlite cluster (dumpDataDir), made by
 * `npm run build` (scripts/build-server.mjs) for this PGlite version. Running
 * initdb inside the server costs about 700 MB at its peak (a second PGlite
 * instance and initdb's own WebAssembly memory); unpacking this costs no more
 * than opening an existing database.
 */
export const PGLITE_TEMPLATE_PATH = path.join("dist", "pglite-template.tar.gz");

/** The template for a data directory that does not exist yet, when the build made one. */
export function pgliteTemplateFor(dataDir: string): Blob | undefined {
  if (existsSync(path.join(dataDir, "PG_VERSION")) || !existsSync(PGLITE_TEMPLATE_PATH))
    return undefined;
  return new Blob([readFileSync(PGLITE_TEMPLATE_PATH)]);
}
