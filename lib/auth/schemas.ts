import { z } from "zod";
import { safeString } from "../validation/safe-string";

export const emailSchema = safeString()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address."));

export const newPasswordSchema = safeString()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const credentialsSchema = z.object({
  email: emailSchema,
  password: safeString().min(1, "Enter your password.").max(200),
});
