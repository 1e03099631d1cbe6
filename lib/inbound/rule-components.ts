import { inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { components } from "../db/schema";
import { HeraldError } from "../errors";
import type { IntegrationRule } from "./rules";

/** Rules may only name components that exist: a typo would otherwise match nothing, silently. */
export async function assertRuleComponentsExist(tx: Db, rules: readonly IntegrationRule[]) {
  const named = [...new Set(rules.flatMap((rule) => rule.components))];
  if (named.length === 0) return;
  const found = await tx
    .select({ id: components.id })
    .from(components)
    .where(inArray(components.id, named));
  const missing = named.filter((id) => !found.some((c) => c.id === id));
  if (missing.length > 0)
    throw new HeraldError("invalid", `No component has the id ${missing.join(", ")}.`, {
      rules: "A rule names a component that does not exist.",
    });
}
