/**
 * Keyed pseudonyms (HMAC-SHA-256) for people. The same inputs and key always give the same
 * pseudonym, so visits link to people across loads without keeping who they are.
 *
 * @module
 */
import { createHmac } from "node:crypto";

/**
 * Normalises an identifying text so that trivial spelling differences ("Lefèvre ", "LEFEVRE")
 * give the same pseudonym.
 *
 * @example
 * ```ts
 * normaliseIdentity(" Hélène  N’Diaye ") // "helene ndiaye"
 * ```
 */
export function normaliseIdentity(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/œ/gi, "oe").replace(/æ/gi, "ae")
    .toLowerCase().replace(/['’`\-]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
}

/**
 * A 20-character pseudonym from the key and the parts (normalised, joined unambiguously).
 *
 * @example
 * ```ts
 * const a = pseudonym(key, ["noethys", "ors", "1234"]);
 * ```
 */
export function pseudonym(key: Uint8Array, parts: readonly string[]): string {
  const hmac = createHmac("sha256", key);
  hmac.update(JSON.stringify(parts.map(normaliseIdentity)));
  return hmac.digest("base64url").slice(0, 20);
}
