// In-page route-change collector for single-page apps (plain browser JS, shipped as an asset and
// concatenated into the ONE init script before perf-page.js, which calls it when `routes` is on).
// A route change is a same-document URL change whose path (or hash route, `#/…` / `#!/…`) differs
// from the current one: history.pushState/replaceState, back/forward (popstate) and hash changes.
// Query-only changes and plain in-page anchors (`#section`) are not route changes.
//
// Each change is timed from the input that caused it (the first event — pointerdown, keydown — of
// the last trusted interaction after the previous change, at most INPUT_WINDOW_MS before the URL
// changed; TRAVERSE_INPUT_WINDOW_MS for back/forward, whose URL changes right after history.back()),
// or from the URL change itself when no input did (programmatic), to the new view painted and
// stable: the DOM stopped changing and no fetch/XHR the route started is in flight for QUIET_MS;
// the end is the start of the second frame after the last DOM change (the presets' "painted" rule).
// Where Chromium exposes soft-navigation entries, their start time (the interaction) replaces ours
// and their first paint / largest paint are recorded too; `sources` says where each value came from.
// Layout shifts, long tasks and interactions are attributed to the route active when they started.
/* eslint-disable no-var */
var __pwPerfRoutes = function (api) {
  'use strict';
  var state = api.state;
  // Routers may run guards and load code before they push the URL; back/forward changes the URL first.
  var INPUT_WINDOW_MS = 1000;
  var TRAVERSE_INPUT_WINDOW_MS = 100;
  var QUIET_MS = 100;
  var ROUTE_TIMEOUT_MS = 15000;
  var MAX_ROUTES = 100;
  var MAX_INTERACTIONS = 200;
  var epochNow = function () {
    return performance.timeOrigin + performance.now();
  };
  var supported = (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes) || [];
  var softNav = supported.indexOf('soft-navigation') >= 0;
  var routes = (state.routes = []);
  var live = [];
  var current = null;
  var lastInput = null;
  var seq = 0;

  function collapse(segment) {
    if (/^\d+$/.test(segment)) return ':id';
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment)) return ':id';
    if (/^[0-9a-f]{12,}$/i.test(segment) && /\d/.test(segment)) return ':id';
    // Slugs with many digits or long tokens (base64ids, ULIDs): at least 16 chars with a digit.
    if (segment.length >= 16 && /\d/.test(segment) && /^[\w-]+$/.test(segment)) return ':id';
    return segment;
  }
  function pattern(path) {
    return path
      .split('/')
      .map(function (s) {
        return s ? collapse(s) : s;
      })
      .join('/');
  }
  function hashRoute(hash) {
    var h = hash.replace(/^#!?/, '');
    return h.charAt(0) === '/' ? h.split('?')[0] : null;
  }
  function where() {
    var hr = hashRoute(location.hash);
    return {
      path: location.pathname + (hr ? '#' + hr : ''),
      route: pattern(location.pathname) + (hr ? '#' + pattern(hr) : ''),
      url: location.origin + location.pathname + (hr ? '#' + hr : ''),
    };
  }
  var at = where();

  function routeAt(time) {
    for (var i = live.length - 1; i >= 0; i--) if (live[i].start <= time + 1) return live[i];
    return null;
  }
  function publish(r) {
    var p = r.pub;
    p.startTime = r.start;
    p.durationMs = r.end !== null ? Math.max(0, r.end - r.start) : 0;
    p.complete = r.complete;
    p.endReason = r.endReason;
    if (r.firstPaint !== undefined) p.firstPaintMs = Math.max(0, r.firstPaint - r.start);
    if (r.largestPaint !== undefined) p.largestPaintMs = Math.max(0, r.largestPaint - r.start);
    var d = [];
    for (var k in r.inter) d.push(r.inter[k]);
    d.sort(function (a, b) {
      return b - a;
    });
    p.interactions = d.length;
    // INP: the worst interaction, ignoring one per 50 (web.dev/articles/inp).
    if (d.length) p.inpMs = d[Math.min(d.length - 1, Math.floor(d.length / 50))];
    api.schedule();
  }

  var observer = null;
  function watchDom(on) {
    try {
      if (on && !observer) {
        observer = new MutationObserver(api.timed(onMutation));
        observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
      } else if (!on && observer) {
        observer.disconnect();
        observer = null;
      }
    } catch (e) {
      api.note('routes.dom', e);
    }
  }
  function onMutation() {
    var r = current;
    if (!r || r.endReason) return;
    r.gen++;
    r.activity = epochNow();
    var g = r.gen;
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        if (r.gen === g) {
          r.painted = epochNow();
          r.paintedGen = g;
        }
      });
    });
    check(r);
  }
  var timer = null;
  function check(r) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(
      api.timed(function () {
        timer = null;
        settle(r);
      }),
      QUIET_MS,
    );
  }
  function settle(r) {
    if (r !== current || r.endReason) return;
    var now = epochNow();
    if (now - r.start > ROUTE_TIMEOUT_MS) return finish(r, 'timeout', false);
    if (r.inflight > 0 || r.paintedGen !== r.gen || now - r.activity < QUIET_MS) return check(r);
    finish(r, 'quiet', true);
  }
  function finish(r, reason, complete) {
    r.endReason = reason;
    r.complete = complete;
    // Cut short (next route, test end): the last frame painted so far.
    r.end = r.painted !== null ? r.painted : epochNow();
    if (r === current) watchDom(false);
    publish(r);
  }

  function start(trigger) {
    var next = where();
    if (next.path === at.path) return;
    var from = at.route;
    at = next;
    var now = epochNow();
    if (current && !current.endReason) finish(current, 'next-route', false);
    if (routes.length >= MAX_ROUTES) {
      current = null;
      return;
    }
    var prevStart = current ? current.start : -Infinity;
    var windowMs = trigger === 'traverse' ? TRAVERSE_INPUT_WINDOW_MS : INPUT_WINDOW_MS;
    var byInput = lastInput && lastInput.t > prevStart && now - lastInput.t <= windowMs;
    var pub = {
      route: next.route,
      from: from,
      url: next.url,
      trigger: trigger,
      cause: byInput ? 'input' : 'call',
      startTime: 0,
      durationMs: 0,
      complete: false,
      endReason: null,
      cls: 0,
      layoutShifts: 0,
      longTasks: { count: 0, totalMs: 0, maxMs: 0, tbtMs: 0 },
      interactions: 0,
      sources: {
        detect: api.navigationApi ? 'navigation-api' : 'history-events',
        start: byInput ? 'input' : 'call',
        end: 'frames',
      },
    };
    if (byInput) pub.inputType = lastInput.type;
    var r = {
      pub: pub,
      seq: ++seq,
      href: location.href,
      start: byInput ? lastInput.t : now,
      end: null,
      gen: 0,
      paintedGen: -1,
      painted: null,
      activity: now,
      inflight: 0,
      inter: {},
      ninter: 0,
      complete: false,
      endReason: null,
      navigationId: undefined,
    };
    routes.push(pub);
    live.push(r);
    current = r;
    watchDom(true);
    // A route change that touches no DOM still has to be painted: count the change itself.
    onMutation();
    publish(r);
  }

  // Inputs: the first event of a trusted interaction (mousedown/touchstart follow a pointerdown).
  var onInput = function (e) {
    if (!e.isTrusted) return;
    var t = performance.timeOrigin + e.timeStamp;
    var follows = e.type === 'mousedown' || e.type === 'touchstart';
    if (follows && lastInput && lastInput.type === 'pointerdown' && t - lastInput.t < INPUT_WINDOW_MS) return;
    lastInput = { t: t, type: e.type };
  };
  ['pointerdown', 'mousedown', 'keydown', 'touchstart'].forEach(function (t) {
    addEventListener(t, onInput, { capture: true, passive: true });
  });

  // URL changes: the Navigation API reports every same-document change synchronously, after the URL
  // changed, without touching the page's history object; elsewhere wrap pushState/replaceState.
  var detect = api.timed(function (kind) {
    try {
      var before = at.path;
      var hashOnly = location.pathname === before.split('#')[0];
      start(kind === 'traverse' ? 'traverse' : hashOnly && kind !== 'replace' ? 'hash' : kind);
    } catch (e) {
      api.note('routes', e);
    }
  });
  if (typeof navigation !== 'undefined' && navigation && typeof navigation.addEventListener === 'function') {
    api.navigationApi = true;
    navigation.addEventListener('currententrychange', function (e) {
      detect(e.navigationType || 'push');
    });
  } else {
    ['pushState', 'replaceState'].forEach(function (name) {
      var orig = history[name];
      if (typeof orig !== 'function') return;
      history[name] = function () {
        var out = orig.apply(this, arguments);
        detect(name === 'pushState' ? 'push' : 'replace');
        return out;
      };
    });
    addEventListener('popstate', function () {
      detect('traverse');
    });
    addEventListener('hashchange', function () {
      detect('push');
    });
  }

  // Requests a route starts hold its end until they finish (the view waits for its data).
  function track() {
    var r = current && !current.endReason ? current : null;
    if (!r) return function () {};
    r.inflight++;
    var done = false;
    return function () {
      if (done) return;
      done = true;
      r.inflight--;
      r.activity = epochNow();
      if (r === current) check(r);
    };
  }
  try {
    var origFetch = window.fetch;
    if (typeof origFetch === 'function') {
      window.fetch = function fetch() {
        var end = track();
        var p = origFetch.apply(this, arguments);
        try {
          p.then(end, end);
        } catch (e) {
          end();
        }
        return p;
      };
    }
    var xhrSend = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function send() {
      var end = track();
      try {
        this.addEventListener('loadend', end);
      } catch (e) {
        end();
      }
      return xhrSend.apply(this, arguments);
    };
  } catch (e) {
    api.note('routes.requests', e);
  }

  api.observe('layout-shift', function (entries) {
    for (var i = 0; i < entries.length; i++) {
      var s = entries[i];
      var r = routeAt(performance.timeOrigin + s.startTime);
      if (!r || s.hadRecentInput) continue;
      r.pub.cls += s.value;
      r.pub.layoutShifts++;
    }
    api.schedule();
  });
  api.observe('longtask', function (entries) {
    for (var i = 0; i < entries.length; i++) {
      var t = entries[i];
      var r = routeAt(performance.timeOrigin + t.startTime);
      if (!r) continue;
      var lt = r.pub.longTasks;
      lt.count++;
      lt.totalMs += t.duration;
      if (t.duration > lt.maxMs) lt.maxMs = t.duration;
      if (t.duration > 50) lt.tbtMs += t.duration - 50;
    }
    api.schedule();
  });
  api.observe(
    'event',
    function (entries) {
      for (var i = 0; i < entries.length; i++) {
        var ev = entries[i];
        if (!ev.interactionId) continue;
        var r = routeAt(performance.timeOrigin + ev.startTime);
        if (!r) continue;
        var prev = r.inter[ev.interactionId];
        if (prev === undefined && r.ninter >= MAX_INTERACTIONS) continue;
        if (prev === undefined) r.ninter++;
        if (prev === undefined || ev.duration > prev) r.inter[ev.interactionId] = ev.duration;
        publish(r);
      }
    },
    { durationThreshold: 16 },
  );

  var icp = {};
  function byNavigationId(id) {
    for (var i = live.length - 1; i >= 0; i--) if (live[i].navigationId === id) return live[i];
    return null;
  }
  function paintOf(e) {
    return performance.timeOrigin + (e.presentationTime || e.paintTime || e.renderTime || e.startTime);
  }
  function setLargest(r, at) {
    r.largestPaint = at;
    r.pub.sources.largestPaint = 'interaction-contentful-paint';
  }
  if (softNav) {
    api.observe('soft-navigation', function (entries) {
      for (var i = 0; i < entries.length; i++) {
        var e = entries[i];
        var t = performance.timeOrigin + e.startTime;
        // The route this entry describes: same URL, the latest whose URL changed after the input.
        var r = null;
        for (var j = live.length - 1; j >= 0 && !r; j--) {
          if (live[j].href === e.name && live[j].navigationId === undefined) r = live[j];
        }
        if (!r) continue;
        r.navigationId = e.navigationId;
        r.start = Math.min(r.start, t);
        r.pub.sources.start = 'soft-navigation';
        if (e.presentationTime || e.paintTime) {
          r.firstPaint = paintOf(e);
          r.pub.sources.firstPaint = 'soft-navigation';
        }
        if (icp[e.navigationId]) setLargest(r, icp[e.navigationId]);
        publish(r);
      }
    });
    if (supported.indexOf('interaction-contentful-paint') >= 0) {
      api.observe('interaction-contentful-paint', function (entries) {
        for (var i = 0; i < entries.length; i++) {
          var e = entries[i];
          var l = e.largestContentfulPaint || e;
          icp[e.navigationId] = paintOf(l);
          var r = byNavigationId(e.navigationId);
          if (r) {
            setLargest(r, icp[e.navigationId]);
            publish(r);
          }
        }
      });
    }
  }

  // Test end / page hide: a route still settling ends here. With no request in flight and its last
  // DOM change painted it counts as complete (the view stayed as it was until the test ended).
  function finalize(reason) {
    var r = current;
    if (!r || r.endReason) return;
    var painted = r.paintedGen === r.gen;
    finish(r, reason, painted && r.inflight === 0);
  }
  // For the flush: a route whose last DOM change is not painted yet needs the frames to pass first.
  finalize.pending = function () {
    return !!current && !current.endReason && current.paintedGen !== current.gen;
  };
  return finalize;
};
