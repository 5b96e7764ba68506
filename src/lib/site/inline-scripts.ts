/**
 * The one script written inside the pages, first in every page's `<head>` (src/layouts/Base.astro). Being fixed
 * text, it has a fixed hash: the Content-Security-Policy allows exactly it (src/lib/serve/csp.ts), and the check of a
 * built site refuses any other inline script (src/node/check-site.ts).
 */

/**
 * Runs before anything of the page is painted. It marks the page as having JavaScript (`<html data-js>`), so the CSS
 * lays the page out from the start as it will be once the page's scripts have run: the task filter's form and each
 * chart's box keep their place, and the numbers table of a bar or line chart shows closed behind its toggle. Nothing
 * then moves when the scripts arrive, however late (no layout shift).
 *
 * Should a script never run (module scripts run before the load event), at that event: the task index puts in place
 * its whole table from the `<noscript>` (`data-failed` shows a note where the form is), and each chart not drawn
 * shows a note in its box; its numbers table, closed, stays behind its toggle.
 */
export const PAGE_SCRIPT =
  "(function (d) { d.documentElement.setAttribute('data-js', ''); addEventListener('load', function () { var filter = d.querySelector('task-filter:not([data-ready])'); if (filter) { var all = filter.querySelector('noscript'); filter.setAttribute('data-failed', ''); if (all) all.outerHTML = all.textContent; } var charts = d.querySelectorAll('figure.chart'); for (var i = 0; i < charts.length; i++) { if (charts[i].querySelector('status-chart[data-ready]')) continue; var table = charts[i].querySelector('details[data-no-js-open]'); if (table) { table.open = false; table.removeAttribute('data-no-js-open'); } charts[i].querySelector('.chart-failed').hidden = false; } }); })(document);";

/** Every inline script a page may hold. */
export const INLINE_SCRIPTS: readonly string[] = [PAGE_SCRIPT];
