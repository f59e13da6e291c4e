/**
 * The pseudonymisation secret: 32 random bytes kept in a file outside the repository. Without
 * it, a pseudonym cannot be recomputed from a name, so the warehouse alone identifies no one.
 *
 * @module
 */
import { dirname } from "node:path";

/** What {@link loadOrCreateSecret} did, so the caller can tell the user. */
export interface SecretInfo {
  key: Uint8Array;
  path: string;
  created: boolean;
}

/**
 * Reads the secret at `path`, creating it (mode 0600) on first use.
 *
 * @example
 * ```ts
 * const { key, created } = await loadOrCreateSecret("/tmp/cle");
 * ```
 */
export async function loadOrCreateSecret(path: string): Promise<SecretInfo> {
  try {
    const text = (await Deno.readTextFile(path)).trim();
    const key = hexToBytes(text);
    if (key.length < 32) {
      throw new Error(
        `La clé de pseudonymisation ${path} est invalide (64 caractères hexadécimaux attendus).`,
      );
    }
    return { key, path, created: false };
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  const key = crypto.getRandomValues(new Uint8Array(32));
  await Deno.mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await Deno.writeTextFile(path, bytesToHex(key) + "\n", { mode: 0o600, createNew: true });
  return { key, path, created: true };
}

/** French explanation printed when the secret is created. */
export function secretCreatedMessage(path: string): string {
  return [
    `Clé de pseudonymisation créée : ${path}`,
    "Elle transforme les noms et identifiants des personnes en pseudonymes avant tout stockage.",
    "Elle reste hors du dépôt : sauvegardez-la en lieu sûr. Sans elle, les prochains chargements",
    "ne pourraient plus relier une même personne à ses données déjà chargées.",
  ].join("\n");
}

function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function hexToBytes(hex: string): Uint8Array {
  if (!/^[0-9a-f]*$/i.test(hex) || hex.length % 2) return new Uint8Array();
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}
