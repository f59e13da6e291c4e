/**
 * What every page gets, once, for keyboard and screen-reader users, whatever component drew its
 * charts and tables (issue 19). It runs in the browser (written into the page's `<head>` by
 * src/site/shell.ts) and watches the main column, because charts and tables are drawn by cells
 * after load and again at every filter change:
 *
 * - a Plot chart (`svg` of class `plot-…`) is one image for assistive technologies (`role="img"`,
 *   named by its own aria-label or its figure's title); Plot's per-mark `aria-label` on `<g>`
 *   elements (« bar », « rule »…, not allowed on a `<g>` without a role) moves to `data-mark`;
 * - a table container that scrolls (Inputs.table's form, any box around a table with overflow
 *   auto or scroll) is reachable by
 *   Tab (`tabindex="0"`) and named after its table (caption, or the section title above it), so
 *   arrows scroll it;
 * - a slider (Inputs.range) is named after its label, as its number box is;
 * - the sidebar toggle (Framework's checkbox) has a French name and opens with Enter as well as
 *   Space; zoom is never limited (the dev server's viewport; the build rewrites the HTML too).
 *
 * @module
 */

/** The page's viewport: no `maximum-scale`, so that readers can zoom (WCAG 1.4.4). */
export const VIEWPORT = "width=device-width, initial-scale=1";

/** French name of the sidebar toggle (Framework's strip has the English « Toggle sidebar »). */
export const SIDEBAR_TOGGLE_LABEL = "Menu du site : afficher ou masquer";

/**
 * The browser side. Written as a function so that Deno type-checks it; serialised with
 * `toString()` into the page (it must not refer to anything outside itself).
 */
export function accessibilityShell(toggleLabel: string, viewport: string): void {
  const heading = (el: Element): string => {
    // The nearest title before the element, in document order.
    const all = [
      ...document.querySelectorAll("#observablehq-main h1, #observablehq-main h2, #observablehq-main h3"),
    ];
    let found = "";
    for (const h of all) {
      if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) found = h.textContent ?? "";
    }
    return found.trim();
  };
  const charts = (root: ParentNode) => {
    for (const svg of root.querySelectorAll<SVGSVGElement>("svg[class^='plot'], svg[class*=' plot']")) {
      // Legends (swatches) are svgs too; only the chart itself is an image.
      if (
        svg.closest(".plot-legend, [class*='-swatches']") || /-ramp\b/.test(svg.getAttribute("class") ?? "")
      ) {
        continue;
      }
      for (const g of svg.querySelectorAll("g[aria-label]")) {
        g.setAttribute("data-mark", g.getAttribute("aria-label") ?? "");
        g.removeAttribute("aria-label");
      }
      for (const g of svg.querySelectorAll("g[aria-description]")) g.removeAttribute("aria-description");
      if (!svg.hasAttribute("role")) svg.setAttribute("role", "img");
      if (!svg.getAttribute("aria-label")) {
        const title = svg.closest("figure")?.querySelector("h2, h3, figcaption")?.textContent?.trim();
        svg.setAttribute(
          "aria-label",
          title || `Graphique : ${heading(svg) || "voir le texte qui l'accompagne"}`,
        );
      }
    }
  };
  const scrolls = (el: Element) => {
    const style = getComputedStyle(el);
    return /auto|scroll/.test(style.overflowX + style.overflowY);
  };
  const tables = (root: ParentNode) => {
    // A table's box that scrolls: Inputs.table's form, or any ancestor (up to three levels) with
    // overflow auto/scroll, such as a page's own « .wide-table ».
    const boxes = new Set<HTMLElement>(
      root.querySelectorAll<HTMLElement>("form[class$='-table'], .table-scroll"),
    );
    for (const table of root.querySelectorAll("#observablehq-main table")) {
      // The table itself first: on a phone every table scrolls in its own box (style.css).
      let el: HTMLElement | null = table as HTMLElement;
      for (let i = 0; el && i < 3 && el.id !== "observablehq-main"; i++, el = el.parentElement) {
        if (scrolls(el)) {
          boxes.add(el);
          break;
        }
      }
    }
    for (const box of boxes) {
      if (box.hasAttribute("tabindex")) continue;
      box.setAttribute("tabindex", "0");
      box.setAttribute("data-scroll-region", "");
      const caption = box.querySelector("caption")?.textContent?.trim();
      const name = caption || heading(box) || "données";
      if (!box.getAttribute("aria-label")) {
        // A named region, so that the name is announced (a plain div may not carry aria-label).
        // (A table keeps its own role: it is named as it is.)
        if (!["FORM", "TABLE"].includes(box.tagName) && !box.hasAttribute("role")) {
          box.setAttribute("role", "region");
        }
        box.setAttribute("aria-label", `Tableau « ${name} » (défiler avec les flèches)`);
      }
    }
  };
  // Inputs.range labels its number box only: the slider beside it gets the same name.
  const sliders = (root: ParentNode) => {
    for (const input of root.querySelectorAll<HTMLInputElement>("input[type=range]:not([aria-label])")) {
      if (input.labels?.length) continue;
      const label = input.closest("form")?.querySelector("label")?.textContent?.trim();
      input.setAttribute("aria-label", label || "Curseur");
    }
  };
  const fix = () => {
    charts(document);
    tables(document);
    sliders(document);
  };
  // The dev server serves Framework's own viewport; the build rewrites it as well.
  const meta = document.querySelector("meta[name=viewport]");
  if (meta) meta.setAttribute("content", viewport);
  document.addEventListener("DOMContentLoaded", () => {
    const toggle = document.getElementById("observablehq-sidebar-toggle") as HTMLInputElement | null;
    if (toggle) {
      toggle.setAttribute("aria-label", toggleLabel);
      toggle.setAttribute("title", toggleLabel);
      // Framework's client also titles the strip that labels the toggle (« Toggle sidebar Alt-B »).
      for (const label of document.querySelectorAll("label[for='observablehq-sidebar-toggle']")) {
        label.setAttribute("title", toggleLabel);
      }
      toggle.setAttribute("aria-controls", "observablehq-sidebar");
      // A checkbox toggles with Space; readers expect Enter to open a menu too.
      toggle.addEventListener("keydown", (event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          toggle.click();
        }
      });
    }
    fix();
    // Tables start to scroll when the window narrows (phone rules of style.css): check again.
    addEventListener("resize", () => requestAnimationFrame(fix));
    let pending = false;
    new MutationObserver(() => {
      if (pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        fix();
      });
    }).observe(document.body, { childList: true, subtree: true });
  });
}

/** The `<script>` for the page's `<head>`. */
export const ACCESSIBILITY_SCRIPT = `<script>(${accessibilityShell.toString()})(${
  JSON.stringify(SIDEBAR_TOGGLE_LABEL)
}, ${JSON.stringify(VIEWPORT)});</script>`;
