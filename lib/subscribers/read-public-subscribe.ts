import type { z } from "zod";
import type { Ctx } from "../context";
import { HeraldError } from "../errors";
import { knownComponents } from "./known-components";
import { limitClient } from "./rate-limit";

type Choice = { scope: "all" | "some"; componentIds: string[] };

/**
 * The first steps of every public subscribe form (email, chat, SMS), in this
 * order: parse (a malformed form costs nothing), rate-limit the client, then
 * resolve the component choice against what the page shows ("all" is stored
 * as no rows, so it also follows components added later).
 */
export async function readPublicSubscribe<T extends Choice>({
  ctx,
  schema,
  input,
  clientKey,
}: {
  ctx: Ctx;
  schema: z.ZodType<T, unknown>;
  input: unknown;
  clientKey: string;
}): Promise<{ data: T; chosen: string[] }> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw HeraldError.fromZod(parsed.error);
  await limitClient(clientKey);
  const chosen =
    parsed.data.scope === "all"
      ? []
      : await knownComponents(ctx.db, parsed.data.componentIds, {
          field: "componentIds",
          visibleOnly: true,
        });
  return { data: parsed.data, chosen };
}
