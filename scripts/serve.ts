/**
 * `npm run serve`: serve the current production build (no build step; `npm start` adds one).
 * Migrations, the demo seed and the in-process worker start inside the server (instrumentation.ts).
 */
import { configOrExit } from "./config-or-exit";

(process.env as Record<string, string>).NODE_ENV = "production";
const { PORT: port, HOST: host } = configOrExit();

// Imported only now: React and Next choose their production builds from NODE_ENV as they load.
const { startHeraldServer } = await import("../lib/front/herald-server");
const server = await startHeraldServer({ port, host }).catch((error: Error) => {
  // Next keeps the process alive after an uncaught error; a server that cannot listen must exit.
  console.error(`[herald] cannot serve on port ${port}: ${error.message}`);
  process.exit(1);
});
console.log(`[herald] listening on ${host ?? "every interface"}, port ${port}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void server.close();
    process.exit(0);
  });
}
