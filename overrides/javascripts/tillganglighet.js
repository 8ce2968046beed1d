// Tables wider than the screen scroll inside Material's wrapper, or, for the risk
// matrices (which have a class, so Material leaves them be), inside their own
// (views/riskmatris.py); a keyboard user must be able to reach and scroll it
// (WCAG 2.1.1), so a scrolling wrapper gets focus and a name.
(function () {
  "use strict";

  function focusableScrollAreas() {
    document.querySelectorAll(".md-typeset__scrollwrap, .sd-riskmatris__ram").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Tabell som kan rullas i sidled");
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(focusableScrollAreas);
  } else {
    document.addEventListener("DOMContentLoaded", focusableScrollAreas);
  }
  window.addEventListener("resize", focusableScrollAreas);
})();
