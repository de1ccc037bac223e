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
  if (summary) {
    summary.focus();
    // A link to a field lands with the whole question in view (its label or legend, and its
    // message above the field), not the field alone at the top edge under the exit bar.
    summary.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      var question = field && field.closest(".question");
      if (!question) { return; }
      event.preventDefault();
      question.scrollIntoView({ block: "start" });
      field.focus({ preventScroll: true });
    });
  } else {
    // Follow-up questions this answer added: focus the message above them (role=status),
    // so a screen reader says it and the page is where the new questions are.
    var more = document.getElementById("more");
    if (more) { more.focus(); }
  }

  // A live character count on answers with a limit. The visible count follows each key;
  // the screen-reader copy is updated only once typing pauses, so it is not read per key.
  var counts = document.querySelectorAll("[data-char-limit]");
  Array.prototype.forEach.call(counts, function (count) {
    var question = count.closest(".question");
    var input = question && question.querySelector("input, textarea");
    var live = question && question.querySelector("[data-char-live]");
    if (!input) { return; }
    var limit = parseInt(count.getAttribute("data-char-limit"), 10);
    var language = document.documentElement.lang || undefined;
    var timer = null;
    function message() {
      // Characters as the server counts them (code points, one per line break).
      var left = limit - Array.from(input.value).length;
      var template = count.getAttribute(left < 0 ? "data-over" : "data-left");
      return template.replace("{num}", Math.abs(left).toLocaleString(language));
    }
    function update() {
      count.textContent = message();
      count.classList.toggle("char-count--over", Array.from(input.value).length > limit);
      if (live) {
        clearTimeout(timer);
        timer = setTimeout(function () { live.textContent = message(); }, 1000);
      }
    }
    input.addEventListener("input", update);
    if (input.value) { update(); }
  });

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
