import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // Migrates one template database per engine; each test database is a copy of it.
    globalSetup: ["lib/testing/database-templates.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest defaults to cores − 1 (one worker on a 2-core CI box); database tests wait on I/O as much as CPU.
    maxWorkers: 2,
    // The suites' stand-ins (webhook receivers, a Resend stand-in) listen on loopback.
    env: { HERALD_ALLOW_PRIVATE_URLS: "true" },
  },
});
