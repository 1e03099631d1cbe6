import { expect, it } from "vitest";
import { paceChatUrl } from "./chat-pacer";

it("posts to one channel asked for at the same moment are spaced an interval apart, not sent together", async () => {
  const clock = 1_000_000;
  const now = () => new Date(clock);
  const wakesAt: number[] = [];
  const sleep = async (ms: number) => void wakesAt.push(clock + ms);
  const pace = () => paceChatUrl("https://hooks.slack.test/pacer-test", 1_000, now, sleep);
  // Three lanes ask at once: the first goes now, the others wait one and two intervals.
  await Promise.all([pace(), pace(), pace()]);
  expect(wakesAt).toEqual([1_001_000, 1_002_000]);
  // Another channel is not held back.
  await paceChatUrl("https://hooks.slack.test/other", 1_000, now, sleep);
  expect(wakesAt).toHaveLength(2);
});
