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

/** A new password typed twice; a mismatch is reported on the second field. */
const newPasswordFields = {
  newPassword: newPasswordSchema,
  confirmPassword: safeString().max(200),
};
const typedTwice = (v: { newPassword: string; confirmPassword: string }) =>
  v.newPassword === v.confirmPassword;
const DIFFER = { message: "The two passwords differ.", path: ["confirmPassword"] };

export const changePasswordSchema = z
  .object({
    currentPassword: safeString().min(1, "Enter your current password.").max(200),
    ...newPasswordFields,
  })
  .refine(typedTwice, DIFFER);
export const firstPasswordSchema = z.object(newPasswordFields).refine(typedTwice, DIFFER);
export const resetPasswordSchema = z
  .object({
    token: safeString().trim().min(1, "This reset link is incomplete.").max(200),
    ...newPasswordFields,
  })
  .refine(typedTwice, DIFFER);
export const forgotPasswordSchema = z.object({ email: emailSchema });
