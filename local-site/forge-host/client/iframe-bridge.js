/*
 * The Custom UI side of the local site's Forge bridge. @forge/bridge and @forge/jira-bridge call
 * `globalThis.__bridge.callBridge(name, payload)` (and read it when their modules load), so this script is
 * injected before the app's own scripts. Calls travel to the parent page (the Jira chrome) by postMessage.
 * Functions cannot cross postMessage, so callbacks (history listeners, a modal's onClose) stay here and the
 * parent sends back events that this script dispatches to them. The frame has its own origin (as a Forge
 * Custom UI does), so every message names the site's origin as its target and only the site's messages count.
 */
(function () {
  'use strict';
  var parentWindow = window.parent;
  // The Jira site's origin, filled in by the local host when it serves this script.
  var parentOrigin = "__FORGE_LOCAL_PARENT_ORIGIN__";
  var seq = 0;
  var pending = new Map();
  var historyListeners = new Set();
  var modalCallbacks = new Map();
  var history = null;

  function post(message) {
    message.__forgeLocal = true;
    parentWindow.postMessage(message, parentOrigin);
  }

  function request(name, payload) {
    return new Promise(function (resolve, reject) {
      var id = ++seq;
      pending.set(id, { resolve: resolve, reject: reject });
      post({ kind: 'call', id: id, name: name, payload: payload });
    });
  }

  // Plain data only: functions are dropped, as structured cloning would throw on them.
  function plain(value) {
    if (value === undefined) return undefined;
    return JSON.parse(JSON.stringify(value, function (_key, v) { return typeof v === 'function' ? undefined : v; }));
  }

  function toPath(to) {
    if (typeof to === 'string') return to;
    if (to && typeof to === 'object') return (to.pathname || '') + (to.search || '') + (to.hash || '');
    return '/';
  }

  function makeHistory(location) {
    var h = {
      location: location,
      action: 'POP',
      push: function (to, state) { request('history:push', { path: toPath(to), state: plain(state === undefined ? null : state) }); },
      replace: function (to, state) { request('history:replace', { path: toPath(to), state: plain(state === undefined ? null : state) }); },
      go: function (n) { request('history:go', { delta: n }); },
      back: function () { request('history:go', { delta: -1 }); },
      goBack: function () { request('history:go', { delta: -1 }); },
      forward: function () { request('history:go', { delta: 1 }); },
      goForward: function () { request('history:go', { delta: 1 }); },
      listen: function (listener) {
        historyListeners.add(listener);
        return function () { historyListeners.delete(listener); };
      },
      createHref: function (to) { return toPath(to); },
      block: function () { return function () {}; }
    };
    return h;
  }

  window.addEventListener('message', function (event) {
    if (event.source !== parentWindow || event.origin !== parentOrigin) return;
    var m = event.data;
    if (!m || m.__forgeLocal !== true) return;
    if (m.kind === 'result') {
      var call = pending.get(m.id);
      if (!call) return;
      pending.delete(m.id);
      if (m.ok) call.resolve(m.value);
      else call.reject(new Error(m.error));
    } else if (m.kind === 'history') {
      if (history) {
        history.location = m.location;
        history.action = m.action;
      }
      historyListeners.forEach(function (listener) { listener(m.location, m.action); });
    } else if (m.kind === 'modal-closed') {
      var onClose = modalCallbacks.get(m.modalId);
      modalCallbacks.delete(m.modalId);
      if (onClose) onClose({ payload: m.payload });
    }
  });

  var local = {
    createHistory: function () {
      return request('history:get').then(function (location) {
        history = makeHistory(location);
        return history;
      });
    },
    openIssueCreateModal: function (payload) {
      var data = (payload && payload.data) || {};
      var modalId = 'modal-' + (++seq);
      modalCallbacks.set(modalId, typeof data.onClose === 'function' ? data.onClose : null);
      return request('openIssueCreateModal', { modalId: modalId, context: plain(data.context || {}) });
    },
    enableTheming: function () {
      // What Forge does for theming: mark the document with the active colour mode for @atlaskit/tokens.
      // The mode is the one Jira's getContext answers (the person's theme), as on a real site.
      return request('getContext').then(function (ctx) {
        var mode = ctx && ctx.theme && ctx.theme.colorMode === 'dark' ? 'dark' : 'light';
        var html = document.documentElement;
        html.setAttribute('data-color-mode', mode);
        html.setAttribute('data-theme', 'light:light dark:dark spacing:spacing typography:typography');
      });
    }
  };

  window.__bridge = {
    callBridge: function (name, payload) {
      if (Object.prototype.hasOwnProperty.call(local, name)) return local[name](payload);
      return request(name, plain(payload));
    }
  };

  // Forge's iframe-resizer is not available here; report the content height and let the parent size the frame.
  var lastHeight = 0;
  function reportHeight() {
    var body = document.body;
    var height = Math.ceil(Math.max(
      document.documentElement.getBoundingClientRect().height,
      body ? body.scrollHeight : 0
    ));
    if (height !== lastHeight) {
      lastHeight = height;
      post({ kind: 'resize', height: height });
    }
  }
  if (typeof ResizeObserver === 'function') {
    var observer = new ResizeObserver(reportHeight);
    observer.observe(document.documentElement);
    document.addEventListener('DOMContentLoaded', function () { if (document.body) observer.observe(document.body); reportHeight(); });
  }
})();
