import { z } from "zod";
import { ROLES } from "../db/schema/enums";
import { emailSchema } from "../auth/schemas";
import { safeString } from "../validation/safe-string";

const role = z.enum(ROLES, "Pick a role.");
const userId = safeString().trim().min(1);

export const inviteMemberSchema = z.object({
  email: emailSchema,
  name: safeString()
    .trim()
    .max(100, "At most 100 characters.")
    .optional()
    .transform((v) => v || null),
  role,
});
export const changeRoleSchema = z.object({ userId, role });
export const removeMemberSchema = z.object({ userId });
