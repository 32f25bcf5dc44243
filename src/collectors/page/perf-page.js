// In-page half of the perf collectors (plain browser JS, shipped as an asset). It runs inside ONE
// init script right after the web-vitals IIFE (see ../page-script.ts), in every document of the
// context, and reports only from top-level http(s)/file documents.
// Contract with the worker (../page-snapshot.ts): a "snapshot" — the whole state of this document —
// is sent through the binding whenever something changes (coalesced), synchronously on pagehide,
// and returned by the flush function. The worker keeps the latest snapshot per document id, so a
// page that dies abruptly still leaves its last state behind.
// Rules: never throw into the page, never change what the page sees except at flush time (where we
// fake `visibilityState = 'hidden'` so web-vitals finalises LCP/CLS/INP).
(function (webVitals, config) {
  'use strict';
  var t0 = performance.now();
  try {
    if (window !== window.top) return;
    var proto = location.protocol;
    if (proto !== 'http:' && proto !== 'https:' && proto !== 'file:') return;
  } catch (e) {
    return;
  }
  var binding = window[config.binding];
  var state = {
    v: 1,
    id: Math.random().toString(36).slice(2) + Date.now().toString(36),
    url: location.origin + location.pathname,
    timeOrigin: performance.timeOrigin,
    final: false,
    nav: null,
    vitals: {},
    longTasks: { count: 0, totalMs: 0, maxMs: 0, tbtMs: 0 },
    measures: [],
    resources: { count: 0, transferBytes: 0, byType: {} },
    errors: [],
    // Our own main-thread time in this document (script start-up + callbacks), for the cost report.
    selfMs: 0,
  };
  var depth = 0;
  function timed(fn) {
    return function () {
      var s = performance.now();
      depth++;
      try {
        return fn.apply(this, arguments);
      } finally {
        if (--depth === 0) state.selfMs += performance.now() - s;
      }
    };
  }
  var pending = false;
  var hidden = false;

  function describe(node) {
    try {
      if (!node || node.nodeType !== 1) return undefined;
      var s = node.tagName.toLowerCase();
      if (node.id) s += '#' + node.id;
      else if (node.classList && node.classList.length)
        s += '.' + Array.prototype.slice.call(node.classList, 0, 2).join('.');
      return s.slice(0, 120);
    } catch (e) {
      return undefined;
    }
  }

  var send = timed(function () {
    var b = window[config.binding] || binding;
    if (typeof b !== 'function') return;
    try {
      b(JSON.stringify(state));
    } catch (e) {
      // Page replaced JSON/binding, or the document is being torn down: the worker keeps what it had.
    }
  });
  // Coalesce bursts (several vitals and observer batches arrive together): one message per
  // SEND_DELAY_MS at most (each message is a protocol round trip the worker has to handle). Hide/flush send synchronously, so nothing final waits on this timer.
  var SEND_DELAY_MS = 200;
  var pendingSoon = false;
  function schedule() {
    if (pending) return;
    pending = true;
    setTimeout(function () {
      pending = false;
      send();
    }, SEND_DELAY_MS);
  }
  // A vital's first value goes out on the next task: a document the test navigates away from right
  // after it painted must not lose its FCP/TTFB to the coalescing delay (a binding call made during
  // pagehide is not delivered by every Playwright version, e.g. 1.55). A few messages per document.
  function scheduleSoon() {
    if (pendingSoon) return;
    pendingSoon = true;
    setTimeout(function () {
      pendingSoon = false;
      send();
    }, 0);
  }
  function note(where, e) {
    if (state.errors.length < 5) state.errors.push(where + ': ' + (e && e.message ? e.message : String(e)));
  }

  function readNavigation() {
    try {
      var n = performance.getEntriesByType('navigation')[0];
      if (!n) return;
      var secure = n.secureConnectionStart > 0;
      state.nav = {
        type: n.type,
        redirectMs: n.redirectEnd - n.redirectStart,
        dnsMs: n.domainLookupEnd - n.domainLookupStart,
        connectMs: n.connectEnd - n.connectStart,
        tlsMs: secure ? n.connectEnd - n.secureConnectionStart : 0,
        ttfbMs: n.responseStart > 0 ? n.responseStart - n.requestStart : 0,
        responseMs: n.responseEnd > 0 ? n.responseEnd - n.responseStart : 0,
        domInteractiveMs: n.domInteractive,
        domContentLoadedMs: n.domContentLoadedEventEnd,
        loadMs: n.loadEventEnd,
        durationMs: n.loadEventEnd > 0 ? n.duration : 0,
        transferBytes: n.transferSize,
        encodedBodyBytes: n.encodedBodySize,
        decodedBodyBytes: n.decodedBodySize,
        httpStatus: n.responseStatus || undefined,
      };
    } catch (e) {
      note('navigation', e);
    }
  }

  function observe(type, cb, extra) {
    try {
      var po = new PerformanceObserver(
        timed(function (list) {
          try {
            cb(list.getEntries());
          } catch (e) {
            note(type, e);
          }
        }),
      );
      var init = { type: type, buffered: true };
      for (var k in extra || {}) init[k] = extra[k];
      po.observe(init);
    } catch (e) {
      note(type, e);
    }
  }

  if (config.navigation) {
    observe('resource', function (entries) {
      for (var i = 0; i < entries.length; i++) {
        var r = entries[i];
        var t = r.initiatorType || 'other';
        var bucket =
          state.resources.byType[t] || (state.resources.byType[t] = { count: 0, transferBytes: 0, durationMs: 0 });
        bucket.count++;
        bucket.transferBytes += r.transferSize || 0;
        bucket.durationMs += r.duration;
        state.resources.count++;
        state.resources.transferBytes += r.transferSize || 0;
      }
    });
  }
  if (config.longTasks) {
    observe('longtask', function (entries) {
      var lt = state.longTasks;
      for (var i = 0; i < entries.length; i++) {
        var d = entries[i].duration;
        lt.count++;
        lt.totalMs += d;
        if (d > lt.maxMs) lt.maxMs = d;
        // TBT contribution: the part of a long task beyond 50 ms (web.dev/articles/tbt).
        if (d > 50) lt.tbtMs += d - 50;
      }
      schedule();
    });
  }
  if (config.userTimings) {
    observe('measure', function (entries) {
      for (var i = 0; i < entries.length && state.measures.length < config.maxMeasures; i++) {
        var m = entries[i];
        state.measures.push({
          name: String(m.name).slice(0, 200),
          startTime: state.timeOrigin + m.startTime,
          durationMs: m.duration,
        });
      }
      schedule();
    });
  }

  if (config.webVitals && webVitals) {
    var onMetric = timed(function (metric) {
      try {
        var entries = metric.entries || [];
        var at;
        var attribution;
        if (metric.name === 'LCP' && entries.length) {
          var last = entries[entries.length - 1];
          at = last.startTime;
          attribution = describe(last.element);
        } else if (metric.name === 'CLS' && entries.length) {
          var big = entries[0];
          for (var i = 1; i < entries.length; i++) if (entries[i].value > big.value) big = entries[i];
          at = big.startTime;
          var src = big.sources && big.sources[0];
          attribution = src ? describe(src.node) : undefined;
        } else if (metric.name === 'INP' && entries.length) {
          at = entries[0].startTime;
          attribution = (entries[0].name || '') + (entries[0].target ? ' ' + describe(entries[0].target) : '');
        } else if (metric.name === 'FCP' && entries.length) {
          at = entries[0].startTime;
        } else if (metric.name === 'TTFB') {
          at = metric.value;
        }
        var first = !state.vitals[metric.name];
        state.vitals[metric.name] = {
          name: metric.name,
          value: metric.value,
          rating: metric.rating,
          time: at !== undefined ? state.timeOrigin + at : Date.now(),
          attribution: attribution || undefined,
        };
        if (hidden) send();
        else if (first) scheduleSoon();
        else schedule();
      } catch (e) {
        note('webVitals', e);
      }
    });
    var opts = { reportAllChanges: true };
    try {
      webVitals.onTTFB(onMetric, opts);
    } catch (e) {
      note('TTFB', e);
    }
    try {
      webVitals.onFCP(onMetric, opts);
    } catch (e) {
      note('FCP', e);
    }
    try {
      webVitals.onLCP(onMetric, opts);
    } catch (e) {
      note('LCP', e);
    }
    try {
      webVitals.onCLS(onMetric, opts);
    } catch (e) {
      note('CLS', e);
    }
    try {
      webVitals.onINP(onMetric, opts);
    } catch (e) {
      note('INP', e);
    }
  } else if (config.webVitals) {
    note('webVitals', new Error('web-vitals library not available'));
  }

  var finalizeRoutes = null;
  if (config.routes && typeof __pwPerfRoutes === 'function') {
    try {
      finalizeRoutes = __pwPerfRoutes({ state: state, timed: timed, schedule: schedule, note: note, observe: observe });
    } catch (e) {
      note('routes', e);
    }
  }

  // loadEventEnd is only set after all load handlers ran: read on the next task.
  addEventListener('load', function () {
    setTimeout(function () {
      readNavigation();
      send();
    }, 0);
  });

  function finalize(reason) {
    if (finalizeRoutes) {
      try {
        finalizeRoutes(reason);
      } catch (e) {
        note('routes', e);
      }
    }
    if (!hidden) {
      hidden = true;
      if (document.visibilityState !== 'hidden') {
        try {
          Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
          Object.defineProperty(document, 'hidden', { value: true, configurable: true });
          document.dispatchEvent(new Event('visibilitychange'));
        } catch (e) {
          note('flush', e);
        }
      }
    }
    if (config.navigation) readNavigation();
    state.final = true;
  }
  addEventListener(
    'pagehide',
    timed(function () {
      finalize('page-hide');
      send();
    }),
    true,
  );

  // What the flush must wait for first (0 nothing, 1 two frames, 2 the first contentful paint).
  // An interaction's Event Timing entry (what INP is made of) exists only once the frame after it
  // has been presented, which no frame counting in the page can tell. Two cases need no wait and are
  // certain: no trusted input happened in this document, or an Event Timing entry at or after the
  // last input has already arrived (its frame was presented). Everything else waits two frames — as
  // does a route change whose last DOM change has not been painted yet. A document with content but
  // no FCP reported yet waits for it (LCP and CLS start from it): on a slow machine its first frame
  // can be presented well after the load event the test waited for.
  var lastInputAt = -1;
  var lastEntryAt = -1;
  var onAnyInput = function (e) {
    if (e.isTrusted) lastInputAt = e.timeStamp;
  };
  ['pointerdown', 'pointerup', 'keydown', 'keyup', 'click'].forEach(function (type) {
    addEventListener(type, onAnyInput, { capture: true, passive: true });
  });
  var onEntries = function (entries) {
    for (var i = 0; i < entries.length; i++) if (entries[i].startTime > lastEntryAt) lastEntryAt = entries[i].startTime;
  };
  observe('event', onEntries, { durationThreshold: 16 });
  observe('first-input', onEntries);
  // Text or an element that counts for FCP: only such a document can still report one. An empty
  // page never will, and must not hold the test's end for it.
  function hasPaintableContent() {
    try {
      var b = document.body;
      if (!b) return false;
      if (b.querySelector('img,svg,canvas,video,input,textarea,select')) return true;
      var walk = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
      for (var n = walk.nextNode(); n; n = walk.nextNode()) {
        var tag = n.parentNode && n.parentNode.nodeName;
        if (tag !== 'SCRIPT' && tag !== 'STYLE' && tag !== 'NOSCRIPT' && /\S/.test(n.data)) return true;
      }
      return false;
    } catch (e) {
      return false;
    }
  }
  try {
    Object.defineProperty(window, config.flush + 'Pending', {
      value: function () {
        if (config.webVitals && webVitals && !state.vitals.FCP && hasPaintableContent()) return 2;
        if (finalizeRoutes && finalizeRoutes.pending && finalizeRoutes.pending()) return 1;
        return lastInputAt >= 0 && lastEntryAt < lastInputAt - 1 ? 1 : 0;
      },
      enumerable: false,
      configurable: true,
    });
  } catch (e) {
    // Without it the worker waits for frames, as it always did.
  }
  try {
    Object.defineProperty(window, config.flush, {
      value: timed(function () {
        finalize('test-end');
        return JSON.stringify(state);
      }),
      enumerable: false,
      configurable: true,
    });
  } catch (e) {
    // The page froze window or defined the name first: the worker records the vitals as missing.
  }
  // Start-up: the web-vitals IIFE ran just before us (wrapper start time in __pwPerfT0).
  state.selfMs += performance.now() - (typeof __pwPerfT0 === 'number' ? __pwPerfT0 : t0);
  send();
})(typeof __pwPerfWebVitals !== 'undefined' ? __pwPerfWebVitals : null, __pwPerfConfig);
