/*
 * Jira's top bar on every page of the local site: the person and theme pickers apply as soon as a choice
 * is made, as Jira's do. Without JavaScript the forms still work with their submit buttons.
 */
(function () {
  'use strict';
  document.querySelectorAll('form.person-switcher, form.theme-switcher').forEach(function (form) {
    var select = form.querySelector('select');
    var submit = form.querySelector('button[type="submit"]');
    if (!select) return;
    if (submit) submit.hidden = true;
    select.addEventListener('change', function () {
      if (typeof form.requestSubmit === 'function') form.requestSubmit();
      else form.submit();
    });
  });
})();
