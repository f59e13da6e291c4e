/** Submission times of every form the survey tools write, stored as Paris local time. */
import assert from "node:assert/strict";
import { surveyTimestamp } from "./timestamp.ts";

Deno.test("Google Forms « 4:20:37 pm CET » keeps the afternoon hour (16:20:37)", () => {
  assert.equal(surveyTimestamp("2023/11/13 4:20:37 pm CET"), "2023-11-13 16:20:37");
  assert.equal(surveyTimestamp("2024/01/17 6:07:45 PM GMT+1"), "2024-01-17 18:07:45");
  assert.equal(surveyTimestamp("2024/01/17 12:07:45 AM GMT+1"), "2024-01-17 00:07:45");
  assert.equal(surveyTimestamp("2024/01/17 12:07:45 PM GMT+1"), "2024-01-17 12:07:45");
  assert.equal(surveyTimestamp("17/01/2024 18:07:45"), "2024-01-17 18:07:45");
});

Deno.test("offsets and zones are converted to Europe/Paris, summer and winter", () => {
  assert.equal(surveyTimestamp("2024-03-14T16:33:10.046+01:00"), "2024-03-14 16:33:10");
  assert.equal(surveyTimestamp("2024-03-14T15:33:10Z"), "2024-03-14 16:33:10");
  assert.equal(surveyTimestamp("2024/07/01 4:00:00 pm GMT"), "2024-07-01 18:00:00");
  assert.equal(surveyTimestamp("2024/07/01 4:00:00 pm CEST"), "2024-07-01 16:00:00");
  assert.equal(surveyTimestamp("2024-07-01T23:30:00-04:00"), "2024-07-02 05:30:00");
  // Kobo's _submission_time is UTC without offset.
  assert.equal(surveyTimestamp("2024-03-12T09:15:32", "utc"), "2024-03-12 10:15:32");
  assert.equal(surveyTimestamp("2024-03-12T09:15:32"), "2024-03-12 09:15:32");
});

Deno.test("spreadsheet cells, dates without time, unreadable times", () => {
  assert.equal(surveyTimestamp(new Date(Date.UTC(2024, 0, 17, 18, 7, 45))), "2024-01-17 18:07:45");
  assert.equal(surveyTimestamp(new Date(Date.UTC(2024, 6, 1, 8)), "utc"), "2024-07-01 10:00:00");
  // 45308.755381944 = 17/01/2024 18:07:45 in Excel.
  assert.equal(surveyTimestamp("45308.755381944"), "2024-01-17 18:07:45");
  assert.equal(surveyTimestamp("2024-05-02"), "2024-05-02 00:00:00");
  assert.equal(surveyTimestamp("12/03/24"), "2024-03-12 00:00:00");
  assert.equal(surveyTimestamp("3 mars 2024"), "2024-03-03 00:00:00");
  assert.equal(surveyTimestamp("32/13/2024"), null);
  assert.equal(surveyTimestamp("2024/01/17 13:07:45 PM"), null);
  assert.equal(surveyTimestamp("2024/01/17 6:07:45 PM Mars"), null);
});
