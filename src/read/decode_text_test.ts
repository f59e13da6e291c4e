import assert from "node:assert/strict";
import { decodeText, encodeWindows1252 } from "./decode_text.ts";

const SAMPLE = "Hélène ; 12,5 €";

// Hand-built bytes so the test does not rely on the encoder under test.
const UTF8 = [
  0x48,
  0xc3,
  0xa9,
  0x6c,
  0xc3,
  0xa8,
  0x6e,
  0x65,
  0x20,
  0x3b,
  0x20,
  0x31,
  0x32,
  0x2c,
  0x35,
  0x20,
  0xe2,
  0x82,
  0xac,
];
const CP1252 = [
  0x48,
  0xe9,
  0x6c,
  0xe8,
  0x6e,
  0x65,
  0x20,
  0x3b,
  0x20,
  0x31,
  0x32,
  0x2c,
  0x35,
  0x20,
  0x80,
];
const UTF16_UNITS = [
  0x48,
  0xe9,
  0x6c,
  0xe8,
  0x6e,
  0x65,
  0x20,
  0x3b,
  0x20,
  0x31,
  0x32,
  0x2c,
  0x35,
  0x20,
  0x20ac,
];
const utf16le = UTF16_UNITS.flatMap((u) => [u & 0xff, u >> 8]);
const utf16be = UTF16_UNITS.flatMap((u) => [u >> 8, u & 0xff]);

Deno.test("decodeText: UTF-8 without BOM", () => {
  assert.deepEqual(decodeText(new Uint8Array(UTF8)), { text: SAMPLE, encoding: "utf-8" });
});

Deno.test("decodeText: UTF-8 with BOM strips the BOM", () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...UTF8]);
  assert.deepEqual(decodeText(bytes), { text: SAMPLE, encoding: "utf-8-bom" });
});

Deno.test("decodeText: UTF-16 LE/BE with BOM", () => {
  assert.deepEqual(decodeText(new Uint8Array([0xff, 0xfe, ...utf16le])), {
    text: SAMPLE,
    encoding: "utf-16le",
  });
  assert.deepEqual(decodeText(new Uint8Array([0xfe, 0xff, ...utf16be])), {
    text: SAMPLE,
    encoding: "utf-16be",
  });
});

Deno.test("decodeText: UTF-16 LE/BE without BOM (zero-byte heuristic)", () => {
  assert.deepEqual(decodeText(new Uint8Array(utf16le)), { text: SAMPLE, encoding: "utf-16le" });
  assert.deepEqual(decodeText(new Uint8Array(utf16be)), { text: SAMPLE, encoding: "utf-16be" });
});

Deno.test("decodeText: invalid UTF-8 falls back to Windows-1252", () => {
  assert.deepEqual(decodeText(new Uint8Array(CP1252)), { text: SAMPLE, encoding: "windows-1252" });
  // œ and ’ live in the 0x80–0x9F block that differs from Latin-1.
  assert.equal(decodeText(new Uint8Array([0x9c, 0x75, 0x76, 0x72, 0x65, 0x92])).text, "œuvre’");
});

Deno.test("decodeText: empty and pure ASCII input", () => {
  assert.deepEqual(decodeText(new Uint8Array()), { text: "", encoding: "utf-8" });
  assert.deepEqual(decodeText(new Uint8Array([0x61, 0x3b, 0x62])), {
    text: "a;b",
    encoding: "utf-8",
  });
});

Deno.test("encodeWindows1252: matches the hand-built bytes", () => {
  assert.deepEqual(encodeWindows1252(SAMPLE), new Uint8Array(CP1252));
  assert.deepEqual(encodeWindows1252("œ’"), new Uint8Array([0x9c, 0x92]));
});

Deno.test("encodeWindows1252: round-trips every byte through TextDecoder", () => {
  const all = new Uint8Array(256).map((_, i) => i);
  const text = new TextDecoder("windows-1252").decode(all);
  assert.deepEqual(encodeWindows1252(text), all);
});

Deno.test("encodeWindows1252: throws on unmappable characters", () => {
  assert.throws(() => encodeWindows1252("→"), /Windows-1252/);
  assert.throws(() => encodeWindows1252("😀"), /Windows-1252/);
});
