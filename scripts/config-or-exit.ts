import { ConfigError, parseConfig, type Config } from "../lib/config";

/** For entry points: a bad configuration ends the process with the message naming each bad variable. */
export function configOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
