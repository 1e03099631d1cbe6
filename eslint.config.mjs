import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const config = [
  ...next,
  ...nextTs,
  prettier,
  {
    ignores: [
      "public/herald-status.js",
      ".next/**",
      ".next-*/**",
      "test-results*/**",
      ".data/**",
      "drizzle/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      // The compiled entry points (scripts/build-server.mjs).
      "dist/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Domain input goes through safeString (NUL characters become field errors, not 500s at insert).
    files: ["lib/**/*.ts"],
    ignores: [
      "lib/**/*.test.ts",
      "lib/validation/safe-string.ts",
      "lib/config.ts",
      "lib/statuspage/wire-schema.ts",
      "lib/http/public-params.ts",
      "lib/badges/badge-options.ts",
    ],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "z",
          property: "string",
          message: "Use safeString() from lib/validation/safe-string.ts for input a client sends.",
        },
      ],
    },
  },
];
export default config;
