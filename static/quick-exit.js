/* Quick exit, enhanced. Without JavaScript the button is a plain link to /exit, which erases
   the draft and redirects to a neutral site. With JavaScript it also answers to Escape and
   to Shift pressed three times within five seconds, hides the page at once, and replaces
   the current history entry so Back does not return here. No inline script: CSP-safe. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var link = document.querySelector("[data-quick-exit]");
  if (!link) { return; }

  var leaving = false;
  function leave(event) {
    if (event) { event.preventDefault(); }
    if (leaving) { return; }
    leaving = true;
    document.documentElement.classList.add("js-exiting");
    // /exit erases the server-side draft, clears the cookie and redirects to the neutral
    // site; replace() swaps out this history entry instead of adding one.
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);

  // Shift three times within 5 seconds, as in the GOV.UK pattern: counted on key *up*, and
  // only when Shift was not used to type a capital letter or another character.
  var shiftTimes = [];
  var shiftUsedWithOtherKey = false;
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && !event.isComposing) {
      // (An input method uses Escape to cancel a composition: never treat that as an exit.)
      leave(event);
      return;
    }
    if (event.key === "Shift") {
      shiftUsedWithOtherKey = false;
    } else if (event.shiftKey) {
      shiftUsedWithOtherKey = true;
      shiftTimes = [];
    }
  });
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { return; }
    if (shiftUsedWithOtherKey) { shiftUsedWithOtherKey = false; return; }
    var now = Date.now();
    shiftTimes.push(now);
    shiftTimes = shiftTimes.filter(function (t) { return now - t <= 5000; });
    if (shiftTimes.length >= 3) { leave(event); }
  });

  // Pages restored from the back-forward cache must not show old content.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { window.location.reload(); }
  });
})();
