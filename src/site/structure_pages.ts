/**
 * The structure pages for the site config: read from the list the pipeline publishes
 * (`pages/data/generated/structures.json`), as sidebar entries `{name, path}`. Before the first
 * build there is no list, and no structure page.
 *
 * @module
 */
import { join } from "node:path";
import { pageDataDir } from "../paths.ts";

/** A sidebar entry of a structure page. */
export interface StructurePage {
  name: string;
  path: string;
}

/** The structure pages, in the order the pipeline listed them (La Coopération's four first). */
export function structurePages(file = join(pageDataDir(), "structures.json")): StructurePage[] {
  let list: { id: string; name: string }[];
  try {
    list = JSON.parse(Deno.readTextFileSync(file));
  } catch {
    return [];
  }
  return list
    .filter((s) => /^[a-z0-9][a-z0-9-]*$/.test(s.id))
    .map((s) => ({ name: s.name, path: `/structures/${s.id}` }));
}
