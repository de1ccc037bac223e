// The invitation link carries its code in the fragment (after #), which browsers never send
// to a server: this copies it into the form, which sends it in the body, and removes it
// from the address bar and history. Without JavaScript, the person copies it by hand.
(function () {
  "use strict";
  function openFromFragment() {
    var code = window.location.hash.replace(/^#/, "");
    var form = document.querySelector("[data-invitation-form]");
    if (!code || !form) {
      return;
    }
    history.replaceState(null, "", window.location.pathname);
    var field = form.querySelector("input[name=code]");
    if (field && !field.value) {
      field.value = decodeURIComponent(code);
      form.submit();
    }
  }
  window.addEventListener("hashchange", openFromFragment);
  openFromFragment();
})();
