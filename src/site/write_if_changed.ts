/**
 * Writes a file only when its bytes change: Framework and the dev server then see a new
 * modification time only for what really changed (fast rebuilds, no needless reload).
 *
 * @module
 */

/**
 * Writes `bytes` to `path` unless the file already holds exactly them; true when written.
 *
 * @example
 * ```ts
 * await writeBytesIfChanged("pages/data/generated/marts/structures.arrow", bytes); // true, then false
 * ```
 */
export async function writeBytesIfChanged(path: string, bytes: Uint8Array): Promise<boolean> {
  const old = await Deno.readFile(path).catch(() => null);
  if (old && old.length === bytes.length && old.every((b, i) => b === bytes[i])) return false;
  await Deno.writeFile(path, bytes);
  return true;
}
