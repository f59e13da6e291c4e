/**
 * What every page gets in its `<head>` besides Framework's own: the language, a « skip to
 * content » link for keyboard users, and a visible focus ring. The build also writes the skip
 * link into the HTML itself (src/site/framework.ts); the script covers the dev server.
 *
 * @module
 */
import { PRINT_HEAD } from "./print_shell.ts";
import { ACCESSIBILITY_SCRIPT } from "./accessibility_shell.ts";

/** Id of the skip link (tests look it up). */
export const SKIP_LINK_ID = "aller-au-contenu";

/** The skip link's HTML: first element of the body, visible when it has the focus. */
export const SKIP_LINK =
  `<a id="${SKIP_LINK_ID}" class="skip-link" href="#observablehq-main">Aller au contenu principal</a>`;

const STYLE = `<style>
.skip-link { position: absolute; left: 0.5rem; top: -3rem; z-index: 1000; padding: 0.5rem 1rem;
  background: var(--theme-background, #fff); color: var(--theme-foreground, #000); border: 2px solid #0072B2; }
.skip-link:focus { top: 0.5rem; }
:focus-visible { outline: 3px solid #0072B2 !important; outline-offset: 2px; }
#observablehq-main:focus { outline: none; }
.downloads { margin: 0.25rem 0 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
@media print { .skip-link, .downloads { display: none; } }
</style>`;

const SCRIPT = `<script>document.documentElement.lang = "fr";
document.addEventListener("DOMContentLoaded", () => {
  if (!document.getElementById("${SKIP_LINK_ID}")) document.body.insertAdjacentHTML("afterbegin", ${
  JSON.stringify(SKIP_LINK)
});
  document.getElementById("observablehq-main")?.setAttribute("tabindex", "-1");
});</script>`;

/**
 * The `head` option of the Framework config: with the print script (src/site/print_shell.ts) and
 * the accessibility script (issue 19).
 */
export const HEAD =
  `<meta name="robots" content="noindex">${SCRIPT}${ACCESSIBILITY_SCRIPT}${STYLE}${PRINT_HEAD}`;
