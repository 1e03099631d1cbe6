/** `npm run db:migrate`: apply the committed migrations to the configured database. */
import { config } from "../lib/config";
import { openConfigured } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";

const handle = await openConfigured(config());
await migrate(handle);
console.log(`[herald] migrations applied (${handle.engine})`);
await handle.close();
