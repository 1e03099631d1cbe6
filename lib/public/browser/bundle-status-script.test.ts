import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bundleStatusScript, STATUS_SCRIPT_PATH } from "./bundle-status-script";

describe("the public pages' script", () => {
  it("is committed as built from its source (run `npm run build:browser` after editing it)", async () => {
    expect(readFileSync(STATUS_SCRIPT_PATH, "utf8")).toBe(await bundleStatusScript());
  });

  it("stays small: it replaces the React runtime on public pages", async () => {
    expect(Buffer.byteLength(await bundleStatusScript())).toBeLessThan(4096);
  });
});
