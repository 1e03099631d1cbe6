import { config, ConfigError } from "./config";
import { dbHandle } from "./db";
import { prepareDatabase } from "./db/prepare";

/** Validate the configuration (exit with a clear message if bad), migrate, seed, ensure the owner. */
export async function startServerProcess(): Promise<void> {
  try {
    config();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const c = config();
  // Auth.js builds callback and redirect URLs from AUTH_URL; the page's canonical
  // URL is the right base behind proxies and CDNs, whatever Host the request had.
  if (c.HERALD_URL && !process.env.AUTH_URL) process.env.AUTH_URL = `${c.HERALD_URL.replace(/\/+$/, "")}/api/auth`;
  await prepareDatabase(await dbHandle(), c);
}
