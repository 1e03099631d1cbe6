import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { emailSuppressions } from "./schema";
import { isAnyOf } from "./any-of";

describeEachEngine("isAnyOf", ({ db: getDb }) => {
  it("matches exactly the listed values, whatever characters they hold", async () => {
    const db = getDb();
    const awkward = [
      'a"quoted"@example.test',
      "comma,{brace}@example.test",
      "back\\slash@example.test",
    ];
    await db.insert(emailSuppressions).values(
      [...awkward, "kept@example.test"].map((email) => ({
        email,
        reason: "bounced" as const,
        source: "smtp",
      })),
    );
    const found = await db
      .select({ email: emailSuppressions.email })
      .from(emailSuppressions)
      .where(isAnyOf(emailSuppressions.email, [...awkward, "absent@example.test"]));
    expect(found.map((r) => r.email).sort()).toEqual([...awkward].sort());
    const none = await db
      .select()
      .from(emailSuppressions)
      .where(isAnyOf(emailSuppressions.email, []));
    expect(none).toEqual([]);
  });
});
