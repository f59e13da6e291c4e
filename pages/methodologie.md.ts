// Page loader of « Méthodologie »: the page is written from the published indicator catalogue
// (data/generated/methodologie.json) as static HTML, by src/site/methodology_page.ts.
import { printMethodologyPage } from "../src/site/methodology_page.ts";

await printMethodologyPage();
