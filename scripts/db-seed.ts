/** `npm run db:seed`: load the demo data into an empty database. */
import { config } from "../lib/config";
import { openConfigured } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { seedDemoData } from "../lib/db/seed";

const handle = await openConfigured(config());
await migrate(handle);
const { seeded } = await seedDemoData(handle.db);
console.log(seeded ? "[herald] demo data seeded" : "[herald] database not empty; nothing seeded");
await handle.close();
