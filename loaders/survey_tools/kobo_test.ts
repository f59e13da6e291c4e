/** Kobo column roles: metadata, GPS positions, rank positions. */
import assert from "node:assert/strict";
import { isGeoValue, koboColumnRole, rankPosition } from "./kobo.ts";

Deno.test("Kobo metadata is never a question, $edited included", () => {
  const headers = [
    "start",
    "$edited",
    "meta/instanceID",
    "formhub/uuid",
    "__version__",
    "_submission__uuid",
    "_tags",
  ];
  assert.deepEqual(headers.map((h) => koboColumnRole(h, headers)), Array(headers.length).fill("metadata"));
  assert.equal(koboColumnRole("deviceid", []), "personal-metadata");
  assert.equal(koboColumnRole("group_ab12/satisfaction", []), "question");
});

Deno.test("rank positions are answers with their position", () => {
  assert.equal(koboColumnRole("rank_them/_1st_choice", []), "question");
  assert.deepEqual(
    [
      "rank_them/_1st_choice",
      "rank_them/_2nd_choice",
      "rank_them/_3rd_choice",
      "rank_them/_11th_choice",
      "rank_them",
    ]
      .map(rankPosition),
    [1, 2, 3, 11, null],
  );
});

Deno.test("GPS: geopoint by its companions or its value, geotrace, never a select_multiple of numbers", () => {
  const headers = ["groupe/lieu", "groupe/_lieu_latitude", "groupe/_lieu_longitude", "autre"];
  assert.equal(koboColumnRole("groupe/lieu", headers), "gps");
  assert.equal(koboColumnRole("groupe/_lieu_latitude", headers), "gps");
  assert.equal(koboColumnRole("_geolocation", headers), "gps");
  assert.equal(koboColumnRole("autre", headers), "question");
  assert.equal(isGeoValue("1.464691 27.751719 1.9 0"), true);
  assert.equal(isGeoValue("45.7641 4.8357 170 5;45.7652 4.8371 168 4"), true);
  assert.equal(isGeoValue("1 2 3 4"), false);
  assert.equal(isGeoValue("4.5"), false);
});
