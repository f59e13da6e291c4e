/**
 * Every loader, one per kind of export. Order matters for detection: when a file fits several
 * kinds, the one matching the most columns wins, and ties go to the first listed here.
 */
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { structuresLoader } from "./structures.ts";
import { individusLoader } from "./individus.ts";
import { inscriptionsLoader } from "./inscriptions.ts";
import { consommationsLoader } from "./consommations.ts";
import { emargementLoader } from "./emargement.ts";
import { benevolatLoader } from "./benevolat.ts";

// deno-lint-ignore no-explicit-any
export const LOADERS: LoaderSpec<any>[] = [
  structuresLoader,
  individusLoader,
  inscriptionsLoader,
  consommationsLoader,
  emargementLoader,
  benevolatLoader,
];

/** Load order within one ingest run: the registry first, people before what refers to them. */
export const KIND_ORDER = LOADERS.map((l) => l.kind);
