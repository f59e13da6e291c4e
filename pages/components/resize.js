// Charts that take the width they are given, on screen and on paper (issue 15). Same use as
// Framework's built-in `resize((width) => chart)`, which a page shadows by importing this one:
//   import {resize} from "./components/resize.js";
// Framework's version redraws when the box is resized; but when one prints from the browser, the
// page is laid out again at the paper's width without any redraw, so a chart drawn for a 1 100 px
// screen was shrunk onto A4 (ticks of 4–5 pt). Here a chart is also redrawn just before printing,
// at the width it will have on paper, and again after.

/** Width in CSS px of an A4 page's printable area (210 mm − 2 × 12 mm at 96 dpi; src/site/print_pdf.ts). */
export const PRINT_WIDTH = 703;

/**
 * The width a box will have on paper: its share of the page's main column, applied to the A4
 * width (a chart in one of two columns stays in one of two), never wider than it is now.
 * @param {Element} box
 * @returns {number}
 */
export function printWidthOf(box) {
  const main = box.closest("#observablehq-main") ?? document.body;
  const share = Math.min(1, box.clientWidth / Math.max(1, main.clientWidth));
  return Math.floor(Math.min(box.clientWidth, PRINT_WIDTH * share));
}

/**
 * A box that draws `render(width)` at its own width, redrawn when that width changes (the window,
 * the sidebar, print media) and just before the browser prints.
 * @param {(width: number) => Node | null | Promise<Node | null>} render
 * @param {Promise<void>} [invalidation] stops the observers when the cell is redrawn
 * @returns {HTMLDivElement}
 */
export function resize(render, invalidation) {
  const box = document.createElement("div");
  box.style.position = "relative";
  let requested = 0;
  let displayed = 0;
  let drawnWidth;
  const place = (id, child) => {
    if (displayed > id) return; // a later drawing is already shown
    displayed = id;
    box.replaceChildren(...(child == null ? [] : [child]));
  };
  const draw = (width) => {
    if (width === drawnWidth) return;
    drawnWidth = width;
    const id = ++requested;
    const child = width > 0 ? render(width) : null;
    // Charts are drawn synchronously: they are in place before the print layout starts.
    if (child && typeof child.then === "function") child.then((c) => place(id, c));
    else place(id, child);
  };
  const observer = new ResizeObserver(([entry]) => draw(entry.contentRect.width));
  observer.observe(box);
  const beforePrint = () => {
    // A box replaced by a redrawn cell (a filter changed) leaves: it stops listening.
    if (!box.isConnected) return stop();
    draw(printWidthOf(box));
  };
  const afterPrint = () => draw(box.clientWidth);
  addEventListener("beforeprint", beforePrint);
  addEventListener("afterprint", afterPrint);
  const stop = () => {
    observer.disconnect();
    removeEventListener("beforeprint", beforePrint);
    removeEventListener("afterprint", afterPrint);
  };
  invalidation?.then(stop);
  return box;
}
