/* The presenter's Pause stops on the year on the screen when it is pressed. While Play runs, a
 * click on Pause late in a year's turn reaches the page while it is already drawing the next
 * year, and the years a plain button click carries (the slider's, as the browser holds it) may be
 * either. So the click is caught here before Streamlit sees it, and the years the big years line
 * shows (its data-nk-years) go to the page in the map's value (streamlit-folium's, as
 * nkmap.announceDrawn sends its own), where ui/presenter.py stops Play on them. Without a map
 * that can send (not drawn yet), the click goes on to the button as before. Runs once per page
 * in the top window, beside history.js; it reads and writes no data.
 */
(function () {
  "use strict";
  if (window.nkPause) { return; }
  window.nkPause = true;
  var BUTTON = ".st-key-play_button button";
  var SHOWN = ".nk-bigyears[data-nk-playing][data-nk-years]";

  /* The window of the map's frame, if it can send a value to the page. */
  function mapWindow() {
    var frames = document.querySelectorAll("iframe[data-testid='stCustomComponentV1']");
    for (var i = 0; i < frames.length; i++) {
      try {
        var win = frames[i].contentWindow;
        if (win && win.nkmap && win.Streamlit && win.__GLOBAL_DATA__) { return win; }
      } catch { /* another origin's frame: not the map */ }
    }
    return null;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(BUTTON) : null;
    var shown = document.querySelector(SHOWN);
    if (!button || !shown || button.disabled) { return; }
    var years = shown.getAttribute("data-nk-years").split("-").map(Number);
    var win = mapWindow();
    if (years.length !== 2 || !years.every(Number.isInteger) || !win) { return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    var shared = win.__GLOBAL_DATA__;
    var value = Object.assign({}, shared.previous_data,
                              {nk_pause: {years: years, id: Date.now() + "-" + Math.random()}});
    shared.previous_data = value;
    win.Streamlit.setComponentValue(value);
  }, true);
})();
