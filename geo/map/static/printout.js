/* The printed page's list of reports (geo.reading.printout), hidden on the screen, put together
 * in the browser. The page sends it in two parts (ui/explore.py): the list of reports, whose
 * element Streamlit leaves as it was while its text stays the same (a year step that keeps the
 * newest reports), and the head (the heading with its count, the notes), which changes with every
 * step. Each part's script hands its HTML (made and escaped by the server) to nkPrintQueue.push;
 * the section is built in the list's element when the browser is idle, and at once before the
 * page is printed if it is not up to date by then, so paper always shows the last step's list.
 * Runs once per page in the top window, beside history.js; it reads and writes no data.
 */
(function () {
  "use strict";
  if (window.nkPrint) { return; }
  var state = {head: "", list: null, holder: null, dirty: false, queued: false};
  window.nkPrint = state;

  function build() {
    state.queued = false;
    if (!state.dirty || state.holder === null || !state.holder.isConnected || state.list === null) { return; }
    state.dirty = false;
    var section = state.holder.querySelector("section.nk-print");
    if (section !== null && section.nkList === state.list) {
      section.querySelector(".nk-print-head").innerHTML = state.head;  // the count alone changed
      return;
    }
    // Elements, not markup in this script: Streamlit's sanitiser drops a script whose text has a tag in it.
    section = document.createElement("section");
    section.className = "nk-print";
    var head = document.createElement("div");
    head.className = "nk-print-head";
    head.innerHTML = state.head;
    section.appendChild(head);
    section.insertAdjacentHTML("beforeend", state.list);
    section.nkList = state.list;
    state.holder.replaceChildren(section);
  }

  function later() {
    state.dirty = true;
    if (state.queued) { return; }
    state.queued = true;
    if (window.requestIdleCallback) { window.requestIdleCallback(build, {timeout: 1000}); } else { setTimeout(build, 50); }
  }

  /* A part: ["head", html] or ["list", html, the script that carries it (the holder is beside it)]. */
  function take(part) {
    if (part[0] === "head") {
      if (part[1] === state.head && !state.dirty) { return; }
      state.head = part[1];
    } else {
      var holder = part[2] && part[2].parentNode ? part[2].parentNode.querySelector(".nk-print-holder") : null;
      if (holder === null) { return; }
      state.holder = holder;
      state.list = part[1];
    }
    later();
  }

  var waiting = Array.isArray(window.nkPrintQueue) ? window.nkPrintQueue : [];
  window.nkPrintQueue = {push: take};
  waiting.forEach(take);
  window.addEventListener("beforeprint", build);
}());
