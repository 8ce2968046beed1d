// The drawer and the search are opened by hidden checkboxes (#__drawer, #__search).
// Material marks them autocomplete="off" so that a browser restoring a page's form state
// (back to a page not kept in the back-forward cache, or a reload) does not reopen them;
// HTML allows that attribute on no checkbox, so the styrdok plugin removes it
// (src/styrdok/adapters/theme_markup.py) and this closes them instead, with a click as
// Material's own code does, so its state follows. Firefox restores while the page is
// parsed, Chromium only by pageshow; a toggle the reader has used by then is left alone.
(function () {
  "use strict";

  // An address with ?q= is Material's way to open the search with those words (the 404
  // page's search field uses it): that open search is wanted, not restored.
  var asked = new URLSearchParams(window.location.search).has("q");
  var ids = asked ? ["__drawer"] : ["__drawer", "__search"];
  var used = false;

  function close() {
    ids.forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) {
        toggle.click();
      }
    });
  }

  close();
  ids.forEach(function (id) {
    var toggle = document.getElementById(id);
    if (toggle) {
      // A restored state fires no change event; the reader's click or shortcut does.
      toggle.addEventListener("change", function () {
        used = true;
      });
    }
  });
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted && !used) {
      close();
    }
  });
})();
