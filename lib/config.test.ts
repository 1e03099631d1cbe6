import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

describe("configuration", () => {
  it("needs nothing for a newcomer", () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ PORT: 3000, HERALD_DATA_DIR: "./.data", HERALD_SEED: "on" });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it("names every bad variable in one message", () => {
    const error = (() => {
      try {
        parseConfig({
          PORT: "eighty",
          DATABASE_URL: "mysql://x",
          HERALD_SEED: "yes",
          HERALD_ADMIN_EMAIL: "a@b.co",
        });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toMatch(/PORT:/);
    expect(error!.message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(error!.message).toMatch(/HERALD_SEED:/);
    expect(error!.message).toMatch(
      /HERALD_ADMIN_PASSWORD: is required when HERALD_ADMIN_EMAIL is set/,
    );
  });

  it("treats empty strings as unset, as .env files write them", () => {
    const c = parseConfig({ DATABASE_URL: "", SMTP_URL: "" });
    expect([c.DATABASE_URL, c.SMTP_URL]).toEqual([undefined, undefined]);
  });

  it("keeps private webhook targets off unless HERALD_ALLOW_PRIVATE_URLS=true", () => {
    expect(parseConfig({}).HERALD_ALLOW_PRIVATE_URLS).toBe(false);
    expect(parseConfig({ HERALD_ALLOW_PRIVATE_URLS: "" }).HERALD_ALLOW_PRIVATE_URLS).toBe(false);
    expect(parseConfig({ HERALD_ALLOW_PRIVATE_URLS: "true" }).HERALD_ALLOW_PRIVATE_URLS).toBe(true);
    expect(() => parseConfig({ HERALD_ALLOW_PRIVATE_URLS: "maybe" })).toThrow(
      /HERALD_ALLOW_PRIVATE_URLS:/,
    );
  });
});
