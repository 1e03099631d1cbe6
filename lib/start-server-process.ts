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
  await prepareDatabase(await dbHandle(), config());
}
