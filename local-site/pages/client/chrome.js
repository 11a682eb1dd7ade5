/*
 * Jira's top bar on every page of the local site: the person and theme pickers apply as soon as a choice
 * is made, as Jira's do (without JavaScript the forms still work with their submit buttons), and at
 * narrow widths the project sidebar collapses behind a button, as Jira's does.
 */
(function () {
  'use strict';
  document.querySelectorAll('form.person-switcher, form.theme-switcher').forEach(function (form) {
    var select = form.querySelector('select');
    var submit = form.querySelector('button[type="submit"]');
    if (!select) return;
    if (submit) submit.remove();
    select.addEventListener('change', function () {
      if (typeof form.requestSubmit === 'function') form.requestSubmit();
      else form.submit();
    });
  });

  var sidebar = document.querySelector('.sidebar');
  var topbar = document.querySelector('.topbar');
  if (!sidebar || !topbar) return;
  sidebar.id = sidebar.id || 'project-sidebar';
  var toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'sidebar-toggle';
  toggle.setAttribute('aria-controls', sidebar.id);
  toggle.setAttribute('aria-label', 'Project sidebar');
  toggle.setAttribute('data-testid', 'sidebar-toggle');
  toggle.innerHTML = '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" stroke-width="1.5" fill="none"/></svg>';
  topbar.insertBefore(toggle, topbar.firstChild);
  var narrow = window.matchMedia('(max-width: 768px)');
  function set(collapsed) {
    sidebar.classList.toggle('is-collapsed', collapsed);
    toggle.setAttribute('aria-expanded', String(!collapsed));
  }
  set(narrow.matches);
  narrow.addEventListener('change', function (e) { set(e.matches); });
  toggle.addEventListener('click', function () { set(!sidebar.classList.contains('is-collapsed')); });
})();
