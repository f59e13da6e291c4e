// Page loader of « Formats acceptés »: every kind of export, its columns and aliases, written from
// the loader specs (loaders/mod.ts) by src/site/formats_page.ts — the same list as `deno task formats`.
import { LOADERS } from "../../loaders/mod.ts";
import { printFormatsPage } from "../../src/site/formats_page.ts";

await printFormatsPage(LOADERS);
