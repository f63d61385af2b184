/* A slider set to one year (both ends on it) printed the year twice, one copy each side of the
 * thumb ("2013 2013"): the year is shown once, centred over the thumb. Runs once per page in the
 * top window, beside screen.js, after every change Streamlit makes to the page (one pass per
 * frame); it reads and writes no data. dashboard.css places the marked values.
 */
(function () {
  "use strict";
  if (window.nkOneYear) { return; }
  window.nkOneYear = true;

  function mark() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-testid='stSlider']"), function (slider) {
      var values = slider.querySelectorAll("[data-testid='stSliderThumbValue']");
      var one = values.length === 2 && values[0].textContent === values[1].textContent;
      Array.prototype.forEach.call(values, function (value, i) {
        var want = one ? (i === 0 ? "shown" : "hidden") : null;
        if (value.getAttribute("data-nk-one-year") === want) { return; }
        if (want) { value.setAttribute("data-nk-one-year", want); } else { value.removeAttribute("data-nk-one-year"); }
      });
    });
  }

  var queued = false;
  var later = function () {
    if (queued) { return; }
    queued = true;
    window.requestAnimationFrame(function () { queued = false; mark(); });
  };
  new MutationObserver(later).observe(document.body, {childList: true, subtree: true, characterData: true});
  mark();
})();
