import assert from "node:assert/strict";
import { type PublicMartRow, publishPublicMonths, publishPublicYears } from "./publish_publics.ts";

const row = (
  scope: string,
  pub: string,
  participants: number,
  extra: Partial<PublicMartRow> = {},
): PublicMartRow => ({
  scope,
  year: 2024,
  dimension: pub === "qpv" || pub === "hors_qpv" ? "qpv" : "age",
  public: pub,
  participants,
  visits: participants * 3,
  person_hours: participants * 2,
  ...extra,
});

const pick = (rows: Record<string, unknown>[], field: string) =>
  rows.map((r) => `${r.scope}|${r.public}=${r[field]}`);

Deno.test("a small public is hidden with the smallest other public of its scope; the complement is never published", () => {
  const out = publishPublicYears([
    row("a", "0-5 ans", 3),
    row("a", "6-11 ans", 40),
    row("a", "12-17 ans", 12),
    row("a", "Âge inconnu", 0),
  ]);
  assert.deepEqual(pick(out, "participants"), ["a|0-5 ans=null", "a|6-11 ans=40", "a|12-17 ans=null"]);
  // Visits: 9 hidden with the participants, then the smallest other (36, the 12-17 ans).
  assert.deepEqual(pick(out, "visits"), ["a|0-5 ans=null", "a|6-11 ans=120", "a|12-17 ans=null"]);
  assert.deepEqual(out[0].secret, ["participants", "visits", "person_hours"]);
});

Deno.test("the unpublished « Âge inconnu » cell can be the one hidden to protect a small public", () => {
  const out = publishPublicYears([
    row("a", "0-5 ans", 3),
    row("a", "6-11 ans", 40),
    row("a", "Âge inconnu", 7),
  ]);
  assert.deepEqual(pick(out, "participants"), ["a|0-5 ans=null", "a|6-11 ans=40"]);
  assert.deepEqual(pick(out, "visits"), ["a|0-5 ans=null", "a|6-11 ans=120"]);
});

Deno.test("visits of a public are protected across the member structures whose sum La Coopération publishes", () => {
  const rows = [
    row("a", "6-11 ans", 3),
    row("a", "26-59 ans", 20),
    row("a", "Âge inconnu", 0),
    row("b", "6-11 ans", 50),
    row("b", "26-59 ans", 30),
    row("b", "Âge inconnu", 0),
  ];
  const out = publishPublicYears(rows, { members: ["a", "b"] });
  assert.deepEqual(pick(out, "participants"), [
    "a|6-11 ans=null",
    "a|26-59 ans=null",
    "b|6-11 ans=50",
    "b|26-59 ans=30",
  ]);
  // a's 6-11 visits (9) would be La Coopération's minus b's: b's are hidden, then b's other public.
  assert.deepEqual(pick(out, "visits"), [
    "a|6-11 ans=null",
    "a|26-59 ans=null",
    "b|6-11 ans=null",
    "b|26-59 ans=null",
  ]);
  // Without the Coopération total, b is untouched.
  const alone = publishPublicYears(rows);
  assert.deepEqual(pick(alone, "visits").slice(2), ["b|6-11 ans=150", "b|26-59 ans=90"]);
});

Deno.test("the QPV share of a public follows the share rule; the QPV public has none", () => {
  const out = publishPublicYears([
    row("a", "26-59 ans", 40, { participants_qpv: 10, participants_known_residence: 32 }),
    row("a", "60 ans et plus", 20, { participants_qpv: 18, participants_known_residence: 20 }),
    row("a", "Âge inconnu", 0, { participants_qpv: 0, participants_known_residence: 0 }),
    row("a", "qpv", 28, { participants_qpv: 28, participants_known_residence: 28 }),
    row("a", "hors_qpv", 32, { participants_qpv: 0, participants_known_residence: 24 }),
  ]);
  assert.deepEqual(pick(out, "qpv_share"), ["a|26-59 ans=0.3125", "a|60 ans et plus=null", "a|qpv=null"]);
  // 18 of 20: the 2 outside a QPV would be revealed.
  assert.deepEqual(out[1].secret, ["qpv_share"]);
  assert.deepEqual(out[2].secret, []);
});

Deno.test("monthly cells are protected within each month and along each public's months", () => {
  const m = (month: string, pub: string, n: number) => row("a", pub, n, { month });
  const out = publishPublicMonths([
    m("2024-01", "0-5 ans", 2),
    m("2024-01", "6-11 ans", 10),
    m("2024-01", "Âge inconnu", 0),
    m("2024-02", "0-5 ans", 8),
    m("2024-02", "6-11 ans", 10),
    m("2024-02", "Âge inconnu", 0),
  ]);
  const cells = (field: string) => out.map((r) => `${r.month}|${r.public}=${r[field]}`);
  assert.deepEqual(cells("participants"), [
    "2024-01|0-5 ans=null",
    "2024-01|6-11 ans=null",
    "2024-02|0-5 ans=8",
    "2024-02|6-11 ans=10",
  ]);
  // January's 0-5 visits: hidden with January's 6-11, February's 0-5 (the year total), then February's 6-11.
  assert.deepEqual(cells("visits"), [
    "2024-01|0-5 ans=null",
    "2024-01|6-11 ans=null",
    "2024-02|0-5 ans=null",
    "2024-02|6-11 ans=null",
  ]);
});
