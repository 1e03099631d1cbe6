import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { z } from "zod";
import { safeString } from "../validation/safe-string";

/**
 * A phone number as typed ("+1 415 555 0123", "(415) 555-0123" with a country
 * hint) to E.164, or null when it is not a valid mobile-capable number. The
 * "max" metadata knows which ranges exist, so typos are caught here rather
 * than by a Twilio 21211 later.
 */
export function toE164(input: string, defaultCountry?: string): string | null {
  const parsed = parsePhoneNumberFromString(
    input.trim(),
    defaultCountry ? { defaultCountry: defaultCountry as never } : undefined,
  );
  if (!parsed?.isValid()) return null;
  const type = parsed.getType();
  // Landlines and the like cannot receive texts; unknown types get the benefit of the doubt.
  if (type && !["MOBILE", "FIXED_LINE_OR_MOBILE", "PERSONAL_NUMBER"].includes(type)) return null;
  return parsed.number;
}

export const phoneSchema = safeString()
  .trim()
  .max(40)
  .transform((value, ctx) => {
    const e164 = toE164(value);
    if (!e164) {
      ctx.addIssue({
        code: "custom",
        message: "Enter a mobile number with its country code, like +1 415 555 0123.",
      });
      return z.NEVER;
    }
    return e164;
  });
