import type { Server } from "node:http";

/** `server.listen` as a promise that rejects on the listen error (EADDRINUSE, EACCES) instead of throwing it later. */
export const listen = (server: Server, port: number, host?: string) =>
  new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, host, resolve));
