/**
 * `deno task formats [TYPE]`: the accepted export formats (kinds, columns, aliases, example line),
 * generated from the loader specs (see src/ingest/describe_formats.ts).
 */
import { LOADERS } from "../../loaders/mod.ts";
import { describeFormats, formatsText } from "../ingest/describe_formats.ts";

const [kind] = Deno.args;
const kinds = describeFormats(LOADERS).filter((k) => !kind || k.kind === kind);
if (kinds.length === 0) {
  console.error(
    `Type d'export inconnu : « ${kind} ». Types possibles : ${
      describeFormats(LOADERS).map((k) => k.kind).join(", ")
    }.`,
  );
  Deno.exit(2);
}
console.log(formatsText(kinds).trimEnd());
