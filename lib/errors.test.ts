import { expect, it } from "vitest";
import { z } from "zod";
import { formValues } from "./action-state";
import { HeraldError } from "./errors";

/** Field names come from clients (JSON keys, form fields): Object's own members must not shadow them. */
it("field errors and echoed form values keep fields named like Object members", () => {
  const schema = z.object({
    constructor: z.string().min(1, "Enter a value."),
    toString: z.string(),
  });
  const result = schema.safeParse({ constructor: "", toString: 1 });
  expect(result.success).toBe(false);
  const { fields } = HeraldError.fromZod(result.error!);
  expect(Object.hasOwn(fields, "constructor")).toBe(true);
  expect(fields.constructor).toBe("Enter a value.");
  expect(typeof fields.toString).toBe("string");

  const form = new FormData();
  form.set("constructor", "typed");
  form.set("__proto__", "also typed");
  const values = formValues(form);
  expect(Object.hasOwn(values, "constructor") && values.constructor).toBe("typed");
  expect(Object.getOwnPropertyDescriptor(values, "__proto__")?.value).toBe("also typed");
});
