import { z } from "zod";
import { safeString } from "../validation/safe-string";

export const componentChoice = {
  /** "all" follows everything, including components added later; "some" only those ticked. */
  scope: z.enum(["all", "some"]).default("all"),
  componentIds: z
    .array(safeString().regex(/^[0-9a-z]{12}$/))
    .max(500)
    .default([]),
};

export const refineChoice = <T extends { scope: "all" | "some"; componentIds: string[] }>(
  v: T,
  ctx: z.RefinementCtx,
) => {
  if (v.scope === "some" && v.componentIds.length === 0)
    ctx.addIssue({
      code: "custom",
      path: ["componentIds"],
      message: "Pick at least one component, or choose all.",
    });
};

export const subscribeSchema = z
  .object({
    email: safeString().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254)),
    ...componentChoice,
  })
  .superRefine(refineChoice);

export const linkTokenSchema = z.object({
  token: safeString().trim().min(10, "This link is incomplete.").max(300),
});

export const preferencesSchema = z
  .object({ token: linkTokenSchema.shape.token, ...componentChoice })
  .superRefine(refineChoice);

export type SubscribeInput = z.input<typeof subscribeSchema>;
