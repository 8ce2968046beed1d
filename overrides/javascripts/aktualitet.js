// A page states what applies on the day it was built. When the reader's today is on or
// after the next day on which, by the data, something changes (data-nasta-andring, set by
// the styrdok plugin), the page may be out of date: the hidden sentence says so.
(function () {
  "use strict";

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function markStale() {
    var now = today();
    document.querySelectorAll("[data-nasta-andring]").forEach(function (note) {
      // ISO dates compare as strings; anything else is not ours and is left hidden.
      var day = note.getAttribute("data-nasta-andring") || "";
      if (/^\d{4}-\d{2}-\d{2}$/.test(day) && now >= day) {
        note.hidden = false;
      }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(markStale);
  } else {
    document.addEventListener("DOMContentLoaded", markStale);
  }
})();
