/**
 * Turns the raw bytes of a text export into a string, guessing the encoding.
 * @module
 */

/** Encodings we can recognise in exports from Excel, LibreOffice and business software. */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * Decodes bytes: BOM first, then UTF-16 without BOM, then strict UTF-8, else Windows-1252.
 * The BOM is removed from the returned text.
 *
 * @example
 * decodeText(new Uint8Array([0x48, 0xE9])) // { text: "Hé", encoding: "windows-1252" }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  const utf16 = guessUtf16(bytes);
  if (utf16) {
    // ignoreBOM:false is the default, so a stray BOM would be stripped anyway.
    return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not valid UTF-8: old Excel "CSV (séparateur: point-virgule)" writes Windows-1252.
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/**
 * BOM-less UTF-16: French text is mostly Latin-1, so one byte of each pair is zero.
 * We look at a sample and require many zeros on one parity and almost none on the other.
 */
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

/** Windows-1252 bytes 0x80–0x9F that differ from Latin-1 (the WHATWG table). */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** The five holes of Windows-1252 decode to the C1 control with the same code (WHATWG). */
const CP1252_HOLES = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Encodes text as Windows-1252 (used to build test fixtures and sample files).
 * Throws on characters Windows-1252 cannot represent.
 *
 * @example
 * encodeWindows1252("€é") // Uint8Array [0x80, 0xE9]
 */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff) || CP1252_HOLES.has(code)) {
      out[n++] = code;
    } else if (code in CP1252_HIGH) {
      out[n++] = CP1252_HIGH[code];
    } else {
      throw new Error(`Caractère « ${char} » impossible à encoder en Windows-1252`);
    }
  }
  return out.subarray(0, n);
}
