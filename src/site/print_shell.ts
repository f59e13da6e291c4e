/**
 * What every page gets in its `<head>` so that it prints whole (issue 15): Inputs.table draws its
 * rows as one scrolls, so a printed table stopped at the rows drawn (the Cluster PDF stopped at
 * 2023, the Qualité « Exports reçus » table printed 30 rows of about 200). This script draws every
 * row of every such table as soon as it appears (and again after a sort), so the browser's own
 * print and headless `page.pdf()` — where `beforeprint` is not fired — both get every row. On
 * screen the table keeps its height and scrolls as before.
 *
 * @module
 */

/** Rows drawn in advance per table; a longer table (an ad hoc query) keeps drawing as it scrolls. */
export const PRINTED_ROWS_LIMIT = 2000;

// Inputs.table (0.12) appends rows from its scroll listener when the scroll nears the bottom: the
// script scrolls each table to its end and sends it « scroll » until no row is added, then puts
// its style and scroll back. Runs after each batch of DOM changes (a cell redrawn, a column sorted).
const SCRIPT = `<script>(() => {
  const LIMIT = ${PRINTED_ROWS_LIMIT};
  const complete = (form) => {
    const tbody = form.querySelector(":scope > table > tbody");
    if (!tbody) return;
    const top = form.scrollTop;
    // A one-pixel scroll box for the time of the loop, whatever the media (print CSS lets the
    // table grow, hidden tables have no box): the table always sees its end as near.
    const style = form.getAttribute("style");
    for (const [name, value] of [["display", "block"], ["max-height", "1px"], ["overflow", "hidden"]]) {
      form.style.setProperty(name, value, "important");
    }
    for (let guard = 0; guard < LIMIT && tbody.rows.length < LIMIT; guard++) {
      const before = tbody.rows.length;
      form.scrollTop = form.scrollHeight;
      form.dispatchEvent(new Event("scroll"));
      if (tbody.rows.length === before) break;
    }
    if (style == null) form.removeAttribute("style");
    else form.setAttribute("style", style);
    form.scrollTop = top;
  };
  const completeAll = () => {
    scheduled = false;
    for (const form of document.querySelectorAll("form.inputs-3a86ea-table")) complete(form);
  };
  let scheduled = false;
  const schedule = () => {
    if (!scheduled) (scheduled = true), setTimeout(completeAll, 30);
  };
  new MutationObserver(schedule).observe(document.documentElement, {childList: true, subtree: true});
  addEventListener("beforeprint", completeAll);
})();</script>`;

/** The `<head>` fragment: the script that draws every table row before any print. */
export const PRINT_HEAD = SCRIPT;
