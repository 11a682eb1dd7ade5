/*
 * The Jira side of the local Forge bridge, on the app page and the issue view. Each of the app's iframes
 * (see forge-host/client/iframe-bridge.js) posts bridge calls here, and each has the config of its own
 * module (data-forge-config names it); this page answers them: invoke goes to the
 * Forge host, getContext comes from the page, history follows this page's URL, and the Create issue
 * dialog and flags are drawn here, in Jira's chrome, as on a real site.
 */
(function () {
  'use strict';
  var origin = window.location.origin;
  // One slot per app frame on the page: { config, frame, origin }. The frame is served from its own origin,
  // as Forge serves Custom UI; messages go to it and come from it only.
  var slots = [];
  var ready = false;
  var queue = [];

  function loadConfig() {
    slots = Array.prototype.map.call(document.querySelectorAll('iframe[data-forge-config]'), function (frame) {
      var el = document.getElementById(frame.getAttribute('data-forge-config'));
      return { config: el ? JSON.parse(el.textContent || '{}') : null, frame: frame, origin: new URL(frame.src, window.location.href).origin };
    }).filter(function (slot) { return slot.config; });
    ready = true;
    queue.splice(0).forEach(handleMessage);
  }

  function toFrame(slot, message) {
    var frame = slot.frame;
    if (!frame || !frame.contentWindow) return;
    message.__forgeLocal = true;
    frame.contentWindow.postMessage(message, slot.origin);
  }

  // ---------- history: the app's route is the part of this page's path after the app page's own URL
  function appLocation(slot) {
    var path = window.location.pathname;
    var base = slot.config.basePath;
    var sub = path.indexOf(base) === 0 ? path.slice(base.length) : '';
    return {
      pathname: sub === '' ? '/' : sub,
      search: window.location.search,
      hash: window.location.hash,
      state: (window.history.state && window.history.state.appState) || null,
      key: (window.history.state && window.history.state.key) || 'default'
    };
  }

  function fullPath(slot, path) {
    var url = new URL(path, 'http://app.invalid/');
    var pathname = url.pathname === '/' ? '' : url.pathname;
    return slot.config.basePath + pathname + url.search + url.hash;
  }

  function changeHistory(slot, kind, payload) {
    var state = { appState: payload.state === undefined ? null : payload.state, key: Math.random().toString(36).slice(2, 8) };
    if (kind === 'push') window.history.pushState(state, '', fullPath(slot, payload.path));
    else window.history.replaceState(state, '', fullPath(slot, payload.path));
    toFrame(slot, { kind: 'history', location: appLocation(slot), action: kind === 'push' ? 'PUSH' : 'REPLACE' });
  }

  window.addEventListener('popstate', function () {
    slots.forEach(function (slot) { toFrame(slot, { kind: 'history', location: appLocation(slot), action: 'POP' }); });
  });

  // ---------- router
  // The site answers on 127.0.0.1 and localhost alike, but the person is a cookie of one host name: a link
  // to this same site under its other name goes to the name the person came in on.
  var LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])$/;
  function onThisHost(href) {
    var u = new URL(href, window.location.href);
    if (LOOPBACK.test(u.hostname) && LOOPBACK.test(window.location.hostname) && u.port === window.location.port) {
      return origin + u.pathname + u.search + u.hash;
    }
    return u.href;
  }

  function urlFor(slot, location) {
    var config = slot.config;
    if (typeof location === 'string') return onThisHost(location);
    if (location && location.url) return onThisHost(location.url);
    switch (location && location.target) {
      case 'module': {
        var projectKey = location.projectKey || config.context.extension.project.key;
        // The app's project pages, by module key, with the project left open (an issue's module may open them too).
        var template = (config.pageBases || {})[location.moduleKey || config.context.moduleKey];
        if (!template) throw new Error("Module '" + (location.moduleKey || config.context.moduleKey) + "' is not a page on the local site");
        var base = template.replace('{projectKey}', encodeURIComponent(projectKey));
        var path = location.path ? (location.path.charAt(0) === '/' ? location.path : '/' + location.path) : '';
        return origin + base + (path === '/' ? '' : path);
      }
      case 'issue':
        return origin + '/browse/' + encodeURIComponent(location.issueKey);
      case 'projectSettingsDetails':
        return origin + '/projects/' + encodeURIComponent(location.projectKey) + '/versions';
      default:
        throw new Error("Navigation target '" + (location && location.target) + "' is not supported by the local site");
    }
  }

  // ---------- flags (Jira's bottom-left notifications)
  var FLAG_ICONS = { success: '\u2714', info: '\u2139', warning: '\u26a0', error: '\u2716' };
  function showFlag(options) {
    closeFlag({ id: options.id });
    var holder = document.getElementById('flags');
    var flag = document.createElement('div');
    var type = options.type || options.appearance || 'info';
    flag.className = 'flag flag-' + type;
    flag.setAttribute('role', type === 'error' || type === 'warning' ? 'alert' : 'status');
    flag.dataset.flagId = String(options.id);
    var icon = document.createElement('span');
    icon.className = 'flag-icon';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = FLAG_ICONS[type] || FLAG_ICONS.info;
    var text = document.createElement('div');
    text.className = 'flag-text';
    var title = document.createElement('p');
    title.className = 'flag-title';
    title.textContent = String(options.title || '');
    text.appendChild(title);
    if (options.description) {
      var description = document.createElement('p');
      description.className = 'flag-description';
      description.textContent = String(options.description);
      text.appendChild(description);
    }
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'flag-close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '\u00d7';
    close.addEventListener('click', function () { flag.remove(); });
    flag.appendChild(icon);
    flag.appendChild(text);
    flag.appendChild(close);
    holder.appendChild(flag);
    if (options.isAutoDismiss) setTimeout(function () { flag.remove(); }, 8000);
    return true;
  }
  function closeFlag(payload) {
    var existing = document.querySelector('.flag[data-flag-id="' + CSS.escape(String(payload && payload.id)) + '"]');
    if (existing) existing.remove();
    return true;
  }

  // ---------- ADF <-> text for the Create issue dialog
  function adfToText(node) {
    if (!node || typeof node !== 'object') return '';
    if (node.type === 'text') return node.text || '';
    if (node.type === 'hardBreak') return '\n';
    if (node.type === 'mention' || node.type === 'emoji' || node.type === 'status') return (node.attrs && (node.attrs.text || node.attrs.shortName)) || '';
    if (node.type === 'inlineCard' || node.type === 'blockCard') return (node.attrs && node.attrs.url) || '';
    var children = Array.isArray(node.content) ? node.content : [];
    if (node.type === 'bulletList') return children.map(function (c) { return '\u2022 ' + adfToText(c).trim(); }).join('\n');
    // Jira's editor shows a task list as checkboxes; the plain-text stand-in shows them as [ ] / [x].
    if (node.type === 'taskList') {
      return children.map(function (c) {
        var done = c.attrs && c.attrs.state === 'DONE';
        return (done ? '[x] ' : '[ ] ') + adfToText(c).trim();
      }).join('\n');
    }
    if (node.type === 'orderedList') {
      var start = (node.attrs && node.attrs.order) || 1;
      return children.map(function (c, i) { return (start + i) + '. ' + adfToText(c).trim(); }).join('\n');
    }
    var inner = children.map(adfToText);
    var blocky = ['doc', 'listItem', 'blockquote', 'panel', 'expand', 'layoutSection', 'layoutColumn', 'tableRow', 'table', 'tableCell', 'tableHeader'];
    if (blocky.indexOf(node.type) !== -1) return inner.filter(function (s) { return s !== ''; }).join('\n\n');
    return inner.join('');
  }
  function textToAdf(text) {
    var paragraphs = text.split(/\n{2,}/).filter(function (p) { return p.trim() !== ''; });
    return {
      version: 1,
      type: 'doc',
      content: paragraphs.map(function (p) {
        var content = [];
        p.split('\n').forEach(function (line, i) {
          if (i > 0) content.push({ type: 'hardBreak' });
          if (line !== '') content.push({ type: 'text', text: line });
        });
        return { type: 'paragraph', content: content };
      })
    };
  }

  // ---------- the Create issue dialog (what CreateIssueModal opens in Jira)
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (attrs[k] !== false && attrs[k] !== undefined && attrs[k] !== null) node.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function field(id, label, control, hint) {
    return el('div', { class: 'field' }, [el('label', { for: id, text: label }), control, hint ? el('p', { class: 'field-hint', id: id + '-hint', text: hint }) : null]);
  }
  function idsOf(list) {
    return (Array.isArray(list) ? list : []).map(function (v) { return String(v && typeof v === 'object' ? v.id : v); });
  }
  function jiraJson(path, init) {
    return fetch(path, Object.assign({ credentials: 'same-origin', headers: { accept: 'application/json', 'content-type': 'application/json' } }, init || {})).then(function (res) {
      return res.text().then(function (text) {
        var body = text ? JSON.parse(text) : null;
        if (!res.ok) {
          var messages = [].concat((body && body.errorMessages) || []);
          Object.keys((body && body.errors) || {}).forEach(function (k) { messages.push(k + ': ' + body.errors[k]); });
          throw new Error(messages.join(' ') || 'Jira answered HTTP ' + res.status);
        }
        return body;
      });
    });
  }

  var modalOpen = false;
  function openIssueCreateModal(payload, slot) {
    if (modalOpen) return Promise.reject(new Error('A Create issue dialog is already open'));
    var ctx = (payload && payload.context) || {};
    var modalId = payload && payload.modalId;
    var projectId = String(ctx.projectId || slot.config.context.extension.project.id);
    modalOpen = true;
    return Promise.all([
      jiraJson('/rest/api/3/project/' + encodeURIComponent(projectId)),
      jiraJson('/rest/api/3/issue/createmeta/' + encodeURIComponent(projectId) + '/issuetypes').catch(function () { return null; })
    ]).then(function (results) {
      buildDialog(slot, ctx, modalId, results[0], results[1]);
      return true;
    }, function (err) {
      modalOpen = false;
      throw err;
    });
  }

  function buildDialog(slot, ctx, modalId, project, createmeta) {
    var issueTypes = (createmeta && (createmeta.issueTypes || createmeta.values)) || project.issueTypes || [];
    issueTypes = issueTypes.filter(function (t) { return !t.subtask; });
    var versions = (project.versions || []).filter(function (v) { return !v.archived; });
    var originalDescription = ctx.description && typeof ctx.description === 'object' ? ctx.description : null;
    var originalText = originalDescription ? adfToText(originalDescription) : String(ctx.description || '');

    var typeSelect = el('select', { id: 'cim-issuetype', name: 'issuetype', required: true });
    issueTypes.forEach(function (t) {
      typeSelect.appendChild(el('option', { value: t.id, selected: String(t.id) === String(ctx.issueTypeId), text: t.name }));
    });
    var summary = el('input', { id: 'cim-summary', name: 'summary', type: 'text', required: true, 'aria-required': 'true', autocomplete: 'off' });
    summary.value = ctx.summary || '';
    var description = el('textarea', { id: 'cim-description', name: 'description', rows: '8' });
    description.value = originalText;
    function versionSelect(id, selected) {
      var select = el('select', { id: id, multiple: true, size: String(Math.min(Math.max(versions.length, 2), 4)) });
      versions.forEach(function (v) {
        select.appendChild(el('option', { value: v.id, selected: selected.indexOf(String(v.id)) !== -1, text: v.name }));
      });
      return select;
    }
    var affects = versionSelect('cim-versions', idsOf(ctx.versions));
    var fixes = versionSelect('cim-fixversions', idsOf(ctx.fixVersions));
    var labels = el('input', { id: 'cim-labels', name: 'labels', type: 'text', autocomplete: 'off', 'aria-describedby': 'cim-labels-hint' });
    labels.value = (Array.isArray(ctx.labels) ? ctx.labels : []).join(' ');
    var error = el('div', { class: 'dialog-error', role: 'alert', hidden: true });

    var cancel = el('button', { type: 'button', class: 'button button-subtle', text: 'Cancel' });
    var create = el('button', { type: 'submit', class: 'button button-primary', text: 'Create' });
    var form = el('form', { class: 'dialog-form', novalidate: true }, [
      el('div', { class: 'dialog-body' }, [
        el('p', { class: 'dialog-required-note', text: 'Required fields are marked with an asterisk *' }),
        field('cim-project', 'Project', el('input', { id: 'cim-project', type: 'text', readonly: true, value: project.name + ' (' + project.key + ')' })),
        field('cim-issuetype', 'Issue type *', typeSelect),
        field('cim-summary', 'Summary *', summary),
        field('cim-description', 'Description', description),
        field('cim-versions', 'Affects versions', affects),
        field('cim-fixversions', 'Fix versions', fixes),
        field('cim-labels', 'Labels', labels, 'Separate labels with spaces.'),
        error
      ]),
      el('footer', { class: 'dialog-footer' }, [cancel, create])
    ]);
    var heading = el('h2', { id: 'cim-title', class: 'dialog-title', text: 'Create issue' });
    var dialog = el('dialog', { class: 'dialog', 'aria-labelledby': 'cim-title', 'data-testid': 'create-issue-dialog' }, [
      el('header', { class: 'dialog-header' }, [heading]),
      form
    ]);
    document.body.appendChild(dialog);

    var closed = false;
    function finish(created) {
      if (closed) return;
      closed = true;
      modalOpen = false;
      dialog.close();
      dialog.remove();
      toFrame(slot, { kind: 'modal-closed', modalId: modalId, payload: created });
      slot.frame.focus();
    }
    cancel.addEventListener('click', function () { finish([]); });
    // Esc: the native dialog fires cancel; closing counts as Cancel.
    dialog.addEventListener('cancel', function (event) { event.preventDefault(); finish([]); });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (summary.value.trim() === '') {
        error.hidden = false;
        error.textContent = 'Summary is required.';
        summary.setAttribute('aria-invalid', 'true');
        summary.focus();
        return;
      }
      var fields = {};
      // Anything the app pre-filled that this dialog does not show goes to Jira unchanged.
      Object.keys(ctx).forEach(function (k) { if (/^customfield_/.test(k)) fields[k] = ctx[k]; });
      if (ctx.environment) fields.environment = ctx.environment;
      if (ctx.priority) fields.priority = typeof ctx.priority === 'object' ? ctx.priority : { id: String(ctx.priority) };
      if (ctx.assignee) fields.assignee = typeof ctx.assignee === 'object' ? ctx.assignee : { accountId: ctx.assignee };
      if (ctx.reporter) fields.reporter = typeof ctx.reporter === 'object' ? ctx.reporter : { accountId: ctx.reporter };
      if (ctx.duedate) fields.duedate = ctx.duedate;
      if (ctx.parentId) fields.parent = { id: String(ctx.parentId) };
      if (Array.isArray(ctx.components)) fields.components = ctx.components.map(function (c) { return { id: String(c && typeof c === 'object' ? c.id : c) }; });
      fields.project = { id: projectId(ctx, project) };
      fields.issuetype = { id: typeSelect.value };
      fields.summary = summary.value;
      if (description.value === originalText && originalDescription) fields.description = originalDescription;
      else if (description.value.trim() !== '') fields.description = textToAdf(description.value);
      fields.versions = Array.prototype.map.call(affects.selectedOptions, function (o) { return { id: o.value }; });
      fields.fixVersions = Array.prototype.map.call(fixes.selectedOptions, function (o) { return { id: o.value }; });
      fields.labels = labels.value.split(/\s+/).filter(function (l) { return l !== ''; });
      create.disabled = true;
      error.hidden = true;
      jiraJson('/rest/api/3/issue', { method: 'POST', body: JSON.stringify({ fields: fields }) }).then(function (issue) {
        finish([{ issueId: String(issue.id) }]);
        showFlag({ id: 'created-' + issue.id, type: 'success', title: "You've created \u201c" + issue.key + '\u201d issue.', isAutoDismiss: true });
      }, function (err) {
        create.disabled = false;
        error.hidden = false;
        error.textContent = 'Jira could not create the issue: ' + err.message;
      });
    });
    dialog.showModal();
    summary.focus();
  }
  function projectId(ctx, project) { return String(ctx.projectId || project.id); }

  // ---------- the calls
  var calls = {
    getContext: function (payload, slot) {
      var config = slot.config;
      var context = JSON.parse(JSON.stringify(config.context));
      context.extension.location = window.location.href;
      // Jira answers the person's theme choice (the site's Theme switcher; a reload applies a change).
      context.theme = { colorMode: config.colorMode === 'dark' ? 'dark' : 'light' };
      return context;
    },
    invoke: function (payload, slot) {
      var config = slot.config;
      var issue = config.context.extension.issue;
      return fetch(config.invokePath, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-forge-local': '1' },
        body: JSON.stringify({
          functionKey: payload.functionKey,
          payload: payload.payload,
          projectKey: config.context.extension.project.key,
          moduleKey: config.context.moduleKey,
          issueKey: issue ? issue.key : undefined
        })
      }).then(function (res) { return res.json(); }).then(function (answer) {
        if (!answer.ok) throw new Error(answer.error || 'There was an error invoking the function');
        return answer.result === null ? undefined : answer.result;
      });
    },
    fetchProduct: function (payload) {
      if (payload.product !== 'jira') throw new Error("requestConfluence/requestBitbucket are not supported by the local site");
      var init = payload.fetchRequestInit || {};
      return fetch(payload.restPath, { method: init.method || 'GET', headers: init.headers, body: init.body || undefined, credentials: 'same-origin' }).then(function (res) {
        return res.text().then(function (body) {
          var headers = {};
          res.headers.forEach(function (v, k) { headers[k] = v; });
          return { body: body, headers: headers, status: res.status, statusText: res.statusText, isAttachment: false };
        });
      });
    },
    'history:get': function (payload, slot) { return appLocation(slot); },
    'history:push': function (payload, slot) { changeHistory(slot, 'push', payload); },
    'history:replace': function (payload, slot) { changeHistory(slot, 'replace', payload); },
    'history:go': function (payload) { window.history.go(payload.delta); },
    getUrl: function (location, slot) { return urlFor(slot, location); },
    navigate: function (payload, slot) {
      var url = urlFor(slot, payload);
      if (payload.type === 'new-tab') window.open(url, '_blank', 'noopener');
      else window.location.assign(url);
    },
    reload: function () { window.location.reload(); },
    openIssueCreateModal: openIssueCreateModal,
    showFlag: showFlag,
    closeFlag: closeFlag,
    changeWindowTitle: function (title) { document.title = String(title) + ' - Local Jira (development site)'; }
  };

  function handleMessage(event) {
    if (!ready) { queue.push(event); return; }
    var m = event.data;
    var slot = slots.filter(function (x) { return event.source === x.frame.contentWindow && event.origin === x.origin; })[0];
    if (!slot) return;
    if (m.kind === 'resize') {
      slot.frame.style.height = Math.max(Number(m.height) || 0, 0) + 'px';
      return;
    }
    if (m.kind !== 'call') return;
    var answer = function (ok, value) {
      toFrame(slot, ok ? { kind: 'result', id: m.id, ok: true, value: value } : { kind: 'result', id: m.id, ok: false, error: value });
    };
    var call = calls[m.name];
    if (!call) {
      answer(false, "The bridge call '" + m.name + "' is not supported by the local site");
      return;
    }
    Promise.resolve().then(function () { return call(m.payload, slot); }).then(function (value) { answer(true, value); }, function (err) {
      answer(false, (err && err.message) || String(err));
    });
  }

  window.addEventListener('message', function (event) {
    if (!event.data || event.data.__forgeLocal !== true) return;
    handleMessage(event);
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', loadConfig);
  else loadConfig();
})();
