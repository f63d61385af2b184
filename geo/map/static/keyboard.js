/* The dashboard for a keyboard: fewer and named stops. Runs once per page in the top window,
 * beside history.js, and after every change Streamlit makes to the page (one pass per frame).
 *
 * - The timeline chart's toolbar (show data, PNG, spec, full screen) leaves the tab order: four
 *   stops between the years and the map that a keyboard user never needs (the downloads hold
 *   the data).
 * - The page's main region is not a stop (the "Skip to main content" link still reaches it).
 * - The reports table's scroller is not a stop of its own (it has no name; the grid inside it
 *   is the stop), and Tab leaves the grid instead of stepping through its hidden cells.
 * - Space or Enter on a row of the reports table chooses it (the grid's own key is Shift+Space).
 * - When Next or Previous becomes disabled under the keyboard's focus (the end of the list),
 *   focus moves to the other one, so it stays on the card instead of dropping to the page's top.
 */
(function () {
  "use strict";
  if (window.nkKeyboard) { return; }
  window.nkKeyboard = true;
  var CARD = ".st-key-report_next button, .st-key-report_back button";
  var last = null;  // the card's button that had the keyboard's focus

  function tidy() {
    Array.prototype.forEach.call(document.querySelectorAll(
      "[data-testid='stElementContainer']:has([data-testid='stVegaLiteChart']) [data-testid='stElementToolbar'] button, " +
      "[data-testid='stDataFrameResizable'], [data-testid='stDataFrame'] .dvn-scroller, main[tabindex='0']"),
    function (element) {
      if (element.getAttribute("tabindex") !== "-1") { element.setAttribute("tabindex", "-1"); }
    });
    var active = document.activeElement;
    if (last && (!active || active === document.body) && (last.disabled || !last.isConnected)) {
      var other = Array.prototype.filter.call(document.querySelectorAll(CARD), function (button) {
        return !button.disabled;
      })[0];
      if (other) { other.focus(); }
      last = null;
    }
  }

  var queued = false;
  new MutationObserver(function () {
    if (queued) { return; }
    queued = true;
    window.requestAnimationFrame(function () { queued = false; tidy(); });
  }).observe(document.body, {childList: true, subtree: true, attributes: true, attributeFilter: ["disabled"]});

  document.addEventListener("focusin", function (event) {
    last = event.target.matches && event.target.matches(CARD) ? event.target : null;
  });
  // Tab in the grid goes to the next stop of the page, not to the next hidden cell. Space or Enter
  // on a row chooses it: the grid itself chooses a row only with Shift+Space, which nobody guesses.
  window.addEventListener("keydown", function (event) {
    var grid = event.target.closest && event.target.closest("[data-testid='stDataFrame']");
    if (!grid) { return; }
    if (event.key === "Tab") { event.stopPropagation(); return; }
    if ((event.key === " " || event.key === "Enter") && !event.shiftKey && !event.ctrlKey && !event.metaKey &&
        !event.altKey && event.isTrusted) {
      event.preventDefault();
      event.stopPropagation();
      event.target.dispatchEvent(new window.KeyboardEvent("keydown", {key: " ", code: "Space", keyCode: 32, which: 32,
                                                               shiftKey: true, bubbles: true, cancelable: true}));
    }
  }, true);
  tidy();
})();
