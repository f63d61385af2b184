/* The dashboard's history: each settled change of view (years, sector, place, presenter mode) is
 * an entry of the browser's history, so that Back undoes the last change and Forward redoes it.
 *
 * Streamlit writes a widget's value into the link with history.replaceState (and a value set by
 * the page's code with pushState), so Back used to leave the app after any filter. Here every
 * such write that changes the link becomes a new entry once the view before it has settled (held
 * still for SETTLE_MS); writes in quick succession (a slider dragged or stepped by keyboard) and
 * the years of the presenter's Play (while the page marks itself [data-nk-playing]) update the
 * newest entry instead. Back and Forward are Streamlit's own: on popstate it reruns the page with
 * the link's values. Runs once per page in the top window; it reads and writes no data.
 */
(function () {
  "use strict";
  if (window.nkHistory) { return; }
  var SETTLE_MS = 1000;
  var push = window.history.pushState.bind(window.history);
  var replace = window.history.replaceState.bind(window.history);
  var state = {settled: false, timer: null, entries: 0, playSeen: -Infinity};
  window.nkHistory = state;

  function settleLater() {
    state.settled = false;
    if (state.timer !== null) { window.clearTimeout(state.timer); }
    state.timer = window.setTimeout(function () { state.settled = true; state.timer = null; }, SETTLE_MS);
  }

  /* Play is running, or ran a moment ago: the run that Pause starts takes the mark away before it
   * writes the link, and on a busy machine a step can come after the view has held still. */
  function playing() {
    if (document.querySelector("[data-nk-playing]") !== null) { state.playSeen = Date.now(); }
    return Date.now() - state.playSeen < 2 * SETTLE_MS;
  }

  function write(data, title, url) {
    var target = new URL(url === undefined || url === null ? window.location.href : url, window.location.href);
    if (target.pathname !== window.location.pathname) { return push(data, title, url); }  // another page
    if (target.search === window.location.search) { return replace(data, title, url); }
    var keep = state.settled && !playing();
    settleLater();
    if (keep) { state.entries += 1; return push(data, title, url); }
    return replace(data, title, url);
  }

  window.history.pushState = write;
  window.history.replaceState = write;
  // A filter chip's ✕ is a link to the page without that filter: followed here without a reload,
  // as a step of history that Streamlit then reruns the page for (as it does for Back).
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.nk-chip-remove") : null;
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    push(null, "", link.href);
    state.entries += 1;
    settleLater();
    window.dispatchEvent(new PopStateEvent("popstate", {state: null}));
  });
  // Going back or forward restores a view: what Streamlit writes while it reruns for it updates
  // that entry, and only a later change of view makes a new one.
  window.addEventListener("popstate", settleLater);
  settleLater();  // the link as the page first corrects it is the first view
})();
