import assert from "node:assert/strict";
import { protectGroup, type PublishedRow, publishYear } from "./publish_cooperation.ts";

const base = {
  scope: "ors",
  year: 2024,
  participants: 120,
  visits: 2400,
  person_hours: 5000.5,
  participants_qpv: 30,
  participants_known_residence: 100,
  volunteers: 12,
  volunteer_hours: 340,
};

Deno.test("publishYear keeps large counts and computes the QPV share on known residences", () => {
  const row = publishYear(base);
  assert.equal(row.participants, 120);
  assert.equal(row.visits, 2400);
  assert.equal(row.qpv_share, 0.3);
  assert.deepEqual(row.secret, []);
});

Deno.test("publishYear hides 1 to 4 people and what would reveal them", () => {
  const row = publishYear({
    ...base,
    participants: 3,
    visits: 40,
    participants_qpv: 1,
    participants_known_residence: 3,
  });
  assert.equal(row.participants, null);
  assert.equal(row.visits, null);
  assert.equal(row.person_hours, null);
  assert.equal(row.qpv_share, null);
  assert.deepEqual(row.secret, ["participants", "visits", "person_hours"]);
  const volunteers = publishYear({ ...base, volunteers: 2, volunteer_hours: 15 });
  assert.equal(volunteers.volunteers, null);
  assert.equal(volunteers.volunteer_hours, null);
  assert.deepEqual(volunteers.secret, ["volunteers", "volunteer_hours"]);
});

Deno.test("publishYear hides a share whose remainder is small (97 of 100 in a QPV)", () => {
  const row = publishYear({ ...base, participants_qpv: 97 });
  assert.equal(row.qpv_share, null);
  assert.deepEqual(row.secret, ["qpv_share"]);
});

Deno.test("protectGroup hides a second cell when one is hidden, with its linked fields", () => {
  const rows: PublishedRow[] = [
    { scope: "a", visits: null, person_hours: null, secret: ["visits", "person_hours"] },
    { scope: "b", visits: 900, person_hours: 1800, secret: [] },
    { scope: "c", visits: 50, person_hours: 75, secret: [] },
  ];
  protectGroup(rows, "visits", ["person_hours"]);
  assert.deepEqual(rows.map((r) => r.visits), [null, 900, null]);
  assert.equal(rows[2].person_hours, null);
  assert.deepEqual(rows[2].secret, ["visits", "person_hours"]);
  const safe: PublishedRow[] = [
    { scope: "a", visits: 10, secret: [] },
    { scope: "b", visits: 20, secret: [] },
  ];
  protectGroup(safe, "visits");
  assert.deepEqual(safe.map((r) => r.visits), [10, 20]);
});
