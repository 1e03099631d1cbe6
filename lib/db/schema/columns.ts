import { text, timestamp } from "drizzle-orm/pg-core";
import { newId } from "../../ids";

/** Shared column builders so every table spells ids and times the same way. */
export const id = () => text().primaryKey().$defaultFn(newId);
export const at = () => timestamp({ withTimezone: true, mode: "date" });
export const createdAt = () => at().notNull().defaultNow();
export const updatedAt = () =>
  at()
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
