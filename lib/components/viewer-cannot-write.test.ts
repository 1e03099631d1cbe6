import { expect, it } from "vitest";
import { describeEachEngine } from "../testing/databases";
import { createMember } from "../testing/factories";
import {
  createTestComponent,
  createTestGroup,
  expectRefusedWithoutChanges,
} from "../testing/console-factories";
import { setComponentStatus } from "./set-component-status";
import { createComponent, updateComponent } from "./save-component";
import { createComponentGroup, updateComponentGroup } from "./save-component-group";
import { moveComponent } from "./move-component";

describeEachEngine("component writes need an editor", ({ db }) => {
  it("refuses a viewer every component write and changes nothing", async () => {
    const viewer = await createMember(db(), "viewer");
    const group = await createTestGroup(db());
    const first = await createTestComponent(db(), { groupId: group.id, position: 0 });
    await createTestComponent(db(), { groupId: group.id, position: 1 });
    const cases = [
      [setComponentStatus, { componentId: first.id, status: "major_outage" }],
      [createComponent, { name: "Forged" }],
      [updateComponent, { id: first.id, name: "Forged" }],
      [createComponentGroup, { name: "Forged" }],
      [updateComponentGroup, { id: group.id, name: "Forged" }],
      [moveComponent, { kind: "component", id: first.id, direction: "down" }],
    ] as const;
    for (const [write, input] of cases)
      await expectRefusedWithoutChanges(db(), write, viewer, input, "forbidden");
    expect(cases).toHaveLength(6);
  });
});
