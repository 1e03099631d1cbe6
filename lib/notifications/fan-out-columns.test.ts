import { describe, expect, it } from "vitest";
import type { SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { PgDialect, getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../db/client";
import {
  notificationOutbox,
  stakeholders,
  subscriberComponents,
  subscribers,
  type FanOutSpec,
} from "../db/schema";
import { expandFanOut } from "./fan-out";

/** The SQL expandFanOut would run for `audience`, captured instead of executed. */
async function expansionSql(audience: FanOutSpec["audience"]): Promise<string> {
  const captured: SQL[] = [];
  const recorder = {
    execute: async (query: SQL) => {
      captured.push(query);
      return [{ n: 0 }];
    },
  } as unknown as Db;
  await expandFanOut(recorder, {
    createdAt: new Date(),
    expandedThrough: null,
    spec: {
      eventType: "incident.updated",
      subjectId: "u1",
      key: "incident-update:u1",
      payload: { incidentId: "i1" },
      audience,
    },
  });
  return new PgDialect().sqlToQuery(captured[0]!).sql;
}

/** The column's name in the database (Herald's client maps camelCase keys to snake_case). */
const sqlName = (c: PgColumn) => (c.keyAsName ? toSnakeCase(c.name) : c.name);
const columnsOf = (table: PgTable) => new Set(getTableConfig(table).columns.map(sqlName));

/** Contract test (STYLE 11): the hand-written INSERT … SELECT names real columns, and every required one. */
describe("expandFanOut's INSERT … SELECT", () => {
  const audiences: [string, FanOutSpec["audience"], Record<string, PgTable>][] = [
    [
      "subscribers",
      { kind: "subscribers", componentIds: ["c1"], channels: ["email", "webhook"] },
      { s: subscribers, sc: subscriberComponents },
    ],
    ["stakeholders", { kind: "stakeholders" }, { st: stakeholders }],
  ];

  it.each(audiences)(
    "for %s names only columns the schema has",
    async (_name, audience, aliases) => {
      const text = await expansionSql(audience);
      const inserted = text.match(/insert into notification_outbox \(([^)]+)\)/)![1]!;
      const outboxColumns = columnsOf(notificationOutbox);
      for (const column of inserted.split(",").map((c) => c.trim()))
        expect(outboxColumns, `notification_outbox.${column}`).toContain(column);

      const referenced = [...text.matchAll(/\b(s|sc|st)\.([a-z_]+)\b/g)];
      expect(referenced.length).toBeGreaterThan(0);
      for (const [, alias, column] of referenced)
        expect(columnsOf(aliases[alias!]!), `${alias}.${column}`).toContain(column);
    },
  );

  it.each(audiences)(
    "for %s fills every outbox column that has no default",
    async (_name, audience) => {
      const inserted = (await expansionSql(audience))
        .match(/insert into notification_outbox \(([^)]+)\)/)![1]!
        .split(",")
        .map((c) => c.trim());
      const required = getTableConfig(notificationOutbox)
        .columns.filter((c) => c.notNull && !c.hasDefault && !c.primary)
        .map(sqlName);
      expect(inserted).toEqual(expect.arrayContaining(required));
    },
  );
});
