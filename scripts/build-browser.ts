/** `npm run build:browser`: rebuild public/herald-status.js from lib/public/browser/. */
import { writeFileSync } from "node:fs";
import { bundleStatusScript, STATUS_SCRIPT_PATH } from "../lib/public/browser/bundle-status-script";

writeFileSync(STATUS_SCRIPT_PATH, await bundleStatusScript());
console.log(`Wrote ${STATUS_SCRIPT_PATH}`);
