import assert from "node:assert/strict";
import { keepCommunes, simplifyLine, simplifyRing } from "./communes_geojson.ts";

Deno.test("simplifyLine drops points close to the chord and keeps the ends", () => {
  assert.deepEqual(simplifyLine([[0, 0], [1, 0.0001], [2, 0]], 0.001), [[0, 0], [2, 0]]);
  assert.deepEqual(simplifyLine([[0, 0], [1, 1], [2, 0]], 0.001), [[0, 0], [1, 1], [2, 0]]);
});

Deno.test("simplifyRing keeps a closed ring closed and rounds coordinates", () => {
  const square: [number, number][] = [[0, 0], [0.5, 0.00001], [1, 0], [1, 1], [0, 1], [0, 0]];
  const ring = simplifyRing(square, 0.001, 2)!;
  assert.deepEqual(ring.at(0), ring.at(-1));
  assert.equal(ring.length, 5);
  assert.equal(simplifyRing([[0, 0], [1, 0], [0, 0]], 0.001), null);
});

Deno.test("keepCommunes keeps only the requested communes and lists the missing ones", () => {
  const ring = [[5, 45], [5.01, 45], [5.01, 45.01], [5, 45.01], [5, 45]];
  const collection = {
    features: [
      {
        properties: { code: "26281", nom: "Romans-sur-Isère" },
        geometry: { type: "Polygon", coordinates: [ring] },
      },
      {
        properties: { code: "26362", nom: "Valence" },
        geometry: { type: "MultiPolygon", coordinates: [[ring]] },
      },
      { properties: { INSEE_COM: "26198" }, geometry: { type: "Polygon", coordinates: [ring] } },
    ],
  };
  const { features, missing } = keepCommunes(collection, ["26281", "26198", "26999"]);
  assert.deepEqual(features.map((f) => f.properties.code), ["26281", "26198"]);
  assert.equal(features[0].geometry.type, "MultiPolygon");
  assert.deepEqual(missing, ["26999"]);
});
