import { parseDelimited } from "./parse_delimited.ts";

const text = Array.from(
  { length: 200_000 },
  (_, i) => `${i};Dupont;"Jean; fils";12,5;01/02/2024;1h30;35 %;oui;fin`,
).join("\n");

Deno.bench('text.split("\\n") (baseline)', { group: "parse 200k rows", baseline: true }, () => {
  text.split("\n");
});

Deno.bench("parseDelimited", { group: "parse 200k rows" }, () => {
  parseDelimited(text, ";");
});
