/* Keeps a questionnaire to ONE entry in the browser history (with JavaScript).

   Without JavaScript every step is an ordinary form post, and each adds a history entry
   (all at the same address, all showing only the neutral start page once the draft is
   gone). With JavaScript we send the form ourselves and then *replace* the page, so quick
   exit — which replaces that one entry — leaves nothing of the survey to go Back to. */
(function () {
  "use strict";
  // As in the GOV.UK pattern: after a failed submit, start keyboard and screen-reader users
  // at the list of problems.
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }

  var form = document.getElementById("step-form");
  if (!form || !window.fetch || !window.URLSearchParams || !window.FormData) { return; }

  // Not form.action: the buttons are named "action", which shadows that property.
  var target = new URL(form.getAttribute("action"), window.location.href).href;
  var busy = false;
  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    event.preventDefault();
    if (busy) { return; }
    busy = true;
    var data = new FormData(form);
    if (submitter && submitter.name && !data.has(submitter.name)) {
      data.append(submitter.name, submitter.value);
    }
    fetch(target, {
      method: "POST",
      body: new URLSearchParams(data),
      credentials: "same-origin",
      redirect: "manual",
      cache: "no-store"
    }).then(function (response) {
      if (response.type === "opaqueredirect") {
        // Success: the server moved the draft on; show where it is now, in place.
        window.location.replace(target);
        return null;
      }
      return response.text().then(function (html) {
        // A page with errors (or a timeout notice): show it without a new history entry.
        document.open();
        document.write(html);
        document.close();
      });
    }).catch(function () {
      // Network trouble: fall back to an ordinary post, which the server handles the same.
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = submitter && submitter.name ? submitter.name : "action";
      hidden.value = submitter && submitter.name ? submitter.value : "next";
      form.appendChild(hidden);
      HTMLFormElement.prototype.submit.call(form);
    });
  });
})();
