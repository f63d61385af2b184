/* The presenter's map fills the screen below whatever stands above it: the page's top (the years,
 * the count, as many rows of filter chips as there are) is measured, and presenter.css sizes the
 * map's frame from it (--nk-map-top), instead of assuming one row of chips. Runs once per page in
 * the top window, beside history.js, after every change Streamlit makes to the page (one pass per
 * frame); it reads and writes no data.
 */
(function () {
  "use strict";
  if (window.nkScreen) { return; }
  window.nkScreen = true;
  var FRAME = "iframe[data-testid='stCustomComponentV1']";

  function measure() {
    var frame = document.querySelector(FRAME);
    if (!frame) { return; }
    var top = Math.round(frame.getBoundingClientRect().top + window.scrollY) + 8;
    var root = document.documentElement;
    if (root.style.getPropertyValue("--nk-map-top") !== top + "px") { root.style.setProperty("--nk-map-top", top + "px"); }
  }

  var queued = false;
  var later = function () {
    if (queued) { return; }
    queued = true;
    window.requestAnimationFrame(function () { queued = false; measure(); });
  };
  new MutationObserver(later).observe(document.body, {childList: true, subtree: true});
  window.addEventListener("resize", later);
  measure();
})();
