import assert from "node:assert/strict";
import { formatDuration } from "./duration_text.ts";

Deno.test("durations are written in every hand-typed style", () => {
  assert.equal(formatDuration(1.5, "h"), "1h30");
  assert.equal(formatDuration(2, "h"), "2h");
  assert.equal(formatDuration(1.5, "clock"), "01:30");
  assert.equal(formatDuration(1.5, "comma"), "1,5");
  assert.equal(formatDuration(2, "comma"), "2");
  assert.equal(formatDuration(1.5, "number"), 1.5);
});
