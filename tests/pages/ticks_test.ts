import assert from "node:assert/strict";
import { charsIn, labelMargin, wrapLabel, yearTicks } from "../../pages/components/ticks.js";

const NINE_YEARS = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

Deno.test("yearTicks labels every year when the axis is wide enough", () => {
  // 1 000 px − 80 px of margins hold 21 labels of 42 px: all nine years.
  assert.deepEqual(yearTicks(NINE_YEARS, 1000), NINE_YEARS);
});

Deno.test("yearTicks on a phone keeps every other year, counted back from the last one", () => {
  // A 340 px chart: (340 − 80) / 42 = 6 labels fit; 9 years → one in two, ending on 2025.
  assert.deepEqual(yearTicks(NINE_YEARS, 340), [2017, 2019, 2021, 2023, 2025]);
  // 200 px: 2 labels fit → one in five, from 2025 back.
  assert.deepEqual(yearTicks(NINE_YEARS, 200), [2020, 2025]);
});

Deno.test("yearTicks ignores duplicates, order and strings", () => {
  assert.deepEqual(yearTicks(["2019", 2018, 2019, 2017], 640), [2017, 2018, 2019]);
  assert.deepEqual(yearTicks([2024], 100), [2024]);
  assert.deepEqual(yearTicks([], 100), []);
});

Deno.test("wrapLabel keeps short labels, wraps long ones on two lines and ends what is left with …", () => {
  assert.equal(wrapLabel("Ors", 14), "Ors");
  assert.equal(wrapLabel("Centre social d'Anneyron", 14), "Centre social\nd'Anneyron");
  assert.equal(
    wrapLabel("Heures de présence des participants réguliers", 12),
    "Heures de\nprésence de…",
  );
});

Deno.test("labelMargin fits the longest label, capped at a share of a narrow chart", () => {
  // « Centre social d'Anneyron »: 24 characters × 11 px × 0,56 + 10 = 158 px.
  assert.equal(labelMargin(["Ors", "Centre social d'Anneyron"], 1000), 158);
  // On a 330 px phone chart, at most 42 %: 138 px.
  assert.equal(labelMargin(["Ors", "Centre social d'Anneyron"], 330), 138);
  assert.equal(charsIn(138 - 8), 21);
});
