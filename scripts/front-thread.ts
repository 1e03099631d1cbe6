/** The front server's thread (lib/front/front-thread.ts), started by `npm run serve`'s main thread. */
import { serveFrontThread } from "../lib/front/front-thread";

await serveFrontThread();
