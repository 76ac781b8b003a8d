/* global document */
/*
 * Wiredesk wire monitor: no framework, no build step, nothing from another origin (the page's CSP allows only this
 * origin). Every value from the API is put in the page with textContent or as an attribute value, never as HTML.
 *
 * Live updates by polling, not server-sent events: every 2 s the page asks GET /v1/articles again with the ETag of
 * the last answer in If-None-Match; when nothing changed the archive answers 304 with no body, so an idle monitor
 * costs a tiny request. Polling reuses the query API as it is (filters, the API key guard, ETags); EventSource cannot
 * send the X-API-Key header (the key would have to go in the URL, and so into logs) and would need a change feed the
 * store does not offer.
 */
(function () {
  'use strict';

  var POLL_MS = 2000;
  /** the counts move slowly: every other poll */
  var STATS_EVERY = 2;
  /** the scheduled sources' state: every fifth poll */
  var SOURCES_EVERY = 5;
  var LIMIT = 50;
  var FIELDS = [
    'uri',
    'headlines',
    'versionCreated',
    'pubStatus',
    'people',
    'organisations',
    'places',
    'associations',
    'infoSources',
    'copyrightHolder',
    'language',
    'urgency',
  ].join(',');
  var KEY_STORAGE = 'wiredesk.apiKey';
  /** filter box prefixes → GET /v1/articles parameters */
  var FILTER_KEYS = {
    person: 'person',
    people: 'person',
    organisation: 'organisation',
    organization: 'organisation',
    org: 'organisation',
    place: 'place',
    subject: 'subject',
    source: 'source',
    language: 'language',
    lang: 'language',
    status: 'pubStatus',
    pubstatus: 'pubStatus',
  };

  var els = {};
  var state = {
    listQuery: null,
    listEtag: null,
    statsEtag: null,
    sourcesEtag: null,
    seen: null,
    tick: 0,
    timer: null,
    needsKey: false,
  };

  // --- the API key (sessionStorage: this tab only, gone when it closes)

  function apiKey() {
    try {
      return sessionStorage.getItem(KEY_STORAGE) || '';
    } catch (_e) {
      return '';
    }
  }

  function setApiKey(value) {
    try {
      if (value) sessionStorage.setItem(KEY_STORAGE, value);
      else sessionStorage.removeItem(KEY_STORAGE);
    } catch (_e) {
      // storage disabled: the key lasts until the page reloads
    }
  }

  function showKeyPanel(message) {
    els.keyMessage.textContent = message;
    els.keyPanel.hidden = false;
    els.apiKey.focus();
  }

  // --- the filter box → query parameters

  /** Splits the box into words and `name:value` / `name:"several words"` filters. */
  function parseFilter(text) {
    var params = new URLSearchParams();
    var words = [];
    var token = /(\w+):"([^"]*)"|(\w+):(\S+)|"([^"]*)"|(\S+)/g;
    var match;
    while ((match = token.exec(text)) !== null) {
      var name = (match[1] || match[3] || '').toLowerCase();
      var value = match[2] !== undefined ? match[2] : match[4];
      var param = FILTER_KEYS[name];
      if (param && value && value.trim()) params.set(param, value.trim());
      else words.push(match[5] !== undefined ? match[5] : match[0]);
    }
    var q = words.join(' ').trim();
    if (q) params.set('q', q);
    return params;
  }

  function listQuery() {
    var params = parseFilter(els.filter.value);
    params.set('sort', 'newest');
    params.set('limit', String(LIMIT));
    params.set('fields', FIELDS);
    return params.toString();
  }

  /** Adds a tag filter to the box, quoted when the name has spaces. */
  function addFilter(kind, tag) {
    var value = tag.name && tag.name.indexOf('"') === -1 ? tag.name : tag.uri;
    if (!value) return;
    var term = kind + ':' + (/\s/.test(value) ? '"' + value + '"' : value);
    var current = els.filter.value.trim();
    if ((' ' + current + ' ').indexOf(' ' + term + ' ') === -1) els.filter.value = (current + ' ' + term).trim();
    onFilterChange();
  }

  // --- HTTP

  /**
   * A conditional GET: cache 'no-store' keeps the browser's own cache out of the way so a 304 reaches this code and
   * the ETag is ours to keep.
   */
  function getJson(path, etag) {
    var headers = { Accept: 'application/json' };
    var key = apiKey();
    if (key) headers['X-API-Key'] = key;
    if (etag) headers['If-None-Match'] = etag;
    return fetch(path, { headers: headers, cache: 'no-store', credentials: 'omit' }).then(function (res) {
      if (res.status === 304) return { status: 304 };
      return res
        .json()
        .catch(function () {
          return null;
        })
        .then(function (body) {
          return { status: res.status, etag: res.headers.get('ETag'), body: body };
        });
    });
  }

  /** 401/403 stop the polling until a key is given; other errors are shown and the next poll tries again. */
  function refused(res) {
    if (res.status !== 401 && res.status !== 403) return false;
    state.needsKey = true;
    var detail = res.body && typeof res.body.detail === 'string' ? res.body.detail : '';
    showKeyPanel(
      res.status === 401
        ? (apiKey() ? 'The API key was not accepted. ' : 'This archive needs an API key with the read scope. ') + detail
        : 'This API key cannot read the archive. ' + detail,
    );
    setStatus('Waiting for an API key.', true);
    return true;
  }

  function problemText(res) {
    var body = res.body;
    if (body && typeof body.detail === 'string') return body.detail;
    if (body && typeof body.title === 'string') return body.title;
    return 'HTTP ' + res.status;
  }

  // --- rendering (textContent and attributes only)

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function headlineOf(story) {
    var list = Array.isArray(story.headlines) ? story.headlines : [];
    var main = list.filter(function (h) {
      return h && h.role === 'main';
    })[0];
    var first = main || list[0];
    return first && first.value ? first.value : story.uri;
  }

  function sourceOf(story) {
    var info = Array.isArray(story.infoSources) ? story.infoSources[0] : null;
    return (info && (info.name || info.uri)) || story.copyrightHolder || '';
  }

  /** The caption of the first picture among the associations (an array in ninjs 3, an object in older versions). */
  function captionOf(story) {
    var assoc = story.associations;
    var list = Array.isArray(assoc) ? assoc : assoc && typeof assoc === 'object' ? Object.values(assoc) : [];
    var picture = list.filter(function (a) {
      return a && a.type === 'picture';
    })[0];
    if (!picture || !Array.isArray(picture.descriptions)) return '';
    var caption = picture.descriptions.filter(function (d) {
      return d && d.role === 'caption' && d.value;
    })[0];
    return caption ? caption.value : '';
  }

  function timeOf(iso) {
    var node = el('time');
    var date = new Date(iso);
    if (!iso || isNaN(date.getTime())) return node;
    node.dateTime = date.toISOString();
    node.title = date.toISOString();
    node.textContent = date.toLocaleString(undefined, {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    return node;
  }

  function tagList(story) {
    var list = el('ul', 'tags');
    [
      ['people', 'person'],
      ['organisations', 'organisation'],
      ['places', 'place'],
    ].forEach(function (pair) {
      var tags = Array.isArray(story[pair[0]]) ? story[pair[0]] : [];
      tags.forEach(function (tag) {
        if (!tag || !(tag.name || tag.uri)) return;
        var item = el('li');
        var button = el('button', 'tag ' + pair[1], tag.name || tag.uri);
        button.type = 'button';
        button.title = 'Filter by ' + pair[1] + (tag.uri ? ' (' + tag.uri + ')' : '');
        button.dataset.kind = pair[1];
        button.addEventListener('click', function () {
          addFilter(pair[1], tag);
        });
        item.appendChild(button);
        list.appendChild(item);
      });
    });
    return list;
  }

  function storyItem(story, fresh) {
    var status = typeof story.pubStatus === 'string' ? story.pubStatus : 'usable';
    var item = el('li', 'story' + (status === 'canceled' ? ' killed' : '') + (fresh ? ' fresh' : ''));
    item.dataset.uri = story.uri;
    item.dataset.pubStatus = status;

    var meta = el('div', 'meta');
    meta.appendChild(timeOf(story.versionCreated));
    var source = sourceOf(story);
    if (source) meta.appendChild(el('span', 'source', source));
    if (story.language) meta.appendChild(el('span', 'language', story.language));
    if (status === 'canceled') meta.appendChild(el('span', 'badge canceled', 'KILLED'));
    else if (status !== 'usable') meta.appendChild(el('span', 'badge ' + status.replace(/\W/g, ''), status));
    item.appendChild(meta);

    item.appendChild(el('p', 'headline', headlineOf(story)));
    var tags = tagList(story);
    if (tags.childNodes.length) item.appendChild(tags);
    var caption = captionOf(story);
    if (caption) item.appendChild(el('p', 'caption', caption));
    return item;
  }

  function renderStories(items) {
    var firstLoad = state.seen === null;
    var seen = state.seen || {};
    var fragment = document.createDocumentFragment();
    items.forEach(function (story) {
      if (!story || typeof story.uri !== 'string') return;
      var key = story.uri + '@' + story.version + '@' + story.pubStatus;
      fragment.appendChild(storyItem(story, !firstLoad && !seen[story.uri]));
      seen[story.uri] = key;
    });
    state.seen = seen;
    els.stories.replaceChildren(fragment);
    els.empty.hidden = items.length > 0;
  }

  function renderStats(stats) {
    var show = function (node, value) {
      node.textContent = typeof value === 'number' ? value.toLocaleString() : '?';
      node.title = typeof value === 'number' ? '' : 'not available right now';
    };
    show(els.ingested, stats.ingested);
    show(els.published, stats.published);
    show(els.deadLettered, stats.deadLettered);
  }

  function ago(iso) {
    if (!iso) return 'never';
    var seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (seconds < 90) return seconds + ' s ago';
    if (seconds < 5400) return Math.round(seconds / 60) + ' min ago';
    if (seconds < 172800) return Math.round(seconds / 3600) + ' h ago';
    return Math.round(seconds / 86400) + ' days ago';
  }

  function sourceRow(source) {
    var row = el('tr', '');
    var stateText = !source.enabled
      ? 'disabled'
      : source.failures
        ? 'failing (' + source.failures + ')'
        : source.silent
          ? 'silent'
          : 'ok';
    row.className = !source.enabled ? 'disabled' : source.failures ? 'failing' : source.silent ? 'silent' : '';
    var error = source.failures && source.lastError ? source.lastError.kind + ': ' + source.lastError.message : '';
    [
      source.id,
      source.kind || '',
      stateText,
      ago(source.lastPollAt),
      ago(source.lastNewItemAt),
      String(source.itemsToday),
      error,
    ].forEach(function (text, i) {
      var cell = el(i === 0 ? 'th' : 'td', '', text);
      if (i === 0) cell.scope = 'row';
      if (i === 2 && source.silent) cell.title = 'nothing new for longer than its usual gap';
      if (i === 6) cell.title = error;
      row.appendChild(cell);
    });
    return row;
  }

  function renderSources(items) {
    var fragment = document.createDocumentFragment();
    items.forEach(function (source) {
      fragment.appendChild(sourceRow(source));
    });
    els.sourceRows.replaceChildren(fragment);
    els.sources.hidden = items.length === 0;
  }

  function setStatus(text, isError) {
    els.status.textContent = text;
    els.status.className = isError ? 'error' : '';
  }

  // --- polling

  function pollStories() {
    var query = listQuery();
    if (query !== state.listQuery) {
      state.listQuery = query;
      state.listEtag = null;
      state.seen = null;
    }
    return getJson('/v1/articles?' + query, state.listEtag).then(function (res) {
      if (query !== state.listQuery) return; // the filter changed meanwhile: this answer is stale
      if (res.status === 304) return;
      if (refused(res)) return;
      if (res.status !== 200 || !res.body || !Array.isArray(res.body.items)) throw new Error(problemText(res));
      state.listEtag = res.etag;
      renderStories(res.body.items);
    });
  }

  function pollStats() {
    return getJson('/v1/stats', state.statsEtag).then(function (res) {
      if (res.status === 304 || refused(res)) return;
      if (res.status !== 200 || !res.body) throw new Error(problemText(res));
      state.statsEtag = res.etag;
      renderStats(res.body);
    });
  }

  function pollSources() {
    return getJson('/v1/stats/sources', state.sourcesEtag).then(function (res) {
      if (res.status === 304 || refused(res)) return;
      if (res.status !== 200 || !res.body || !Array.isArray(res.body.items)) throw new Error(problemText(res));
      state.sourcesEtag = res.etag;
      renderSources(res.body.items);
    });
  }

  function poll() {
    clearTimeout(state.timer);
    if (state.needsKey) return;
    if (document.hidden) {
      state.timer = setTimeout(poll, POLL_MS);
      return;
    }
    var calls = [pollStories()];
    if (state.tick % SOURCES_EVERY === 0) calls.push(pollSources());
    if (state.tick++ % STATS_EVERY === 0) calls.push(pollStats());
    Promise.all(calls)
      .then(function () {
        if (!state.needsKey) setStatus('Live · updated ' + new Date().toLocaleTimeString(), false);
      })
      .catch(function (error) {
        setStatus('Update failed: ' + (error && error.message ? error.message : String(error)), true);
      })
      .then(function () {
        if (!state.needsKey) state.timer = setTimeout(poll, POLL_MS);
      });
  }

  var filterTimer = null;
  function onFilterChange() {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(function () {
      state.tick = 1; // counts do not depend on the filter
      poll();
    }, 250);
  }

  function restart() {
    state.needsKey = false;
    state.listEtag = null;
    state.statsEtag = null;
    state.sourcesEtag = null;
    state.tick = 0;
    poll();
  }

  function start() {
    els.filter = document.getElementById('filter');
    els.status = document.getElementById('status');
    els.stories = document.getElementById('stories');
    els.empty = document.getElementById('empty');
    els.sources = document.getElementById('sources');
    els.sourceRows = document.getElementById('source-rows');
    els.keyPanel = document.getElementById('key-panel');
    els.keyMessage = document.getElementById('key-message');
    els.apiKey = document.getElementById('api-key');
    els.ingested = document.getElementById('count-ingested');
    els.published = document.getElementById('count-published');
    els.deadLettered = document.getElementById('count-dead-lettered');

    els.filter.addEventListener('input', onFilterChange);
    document.getElementById('filter-form').addEventListener('submit', function (event) {
      event.preventDefault();
      onFilterChange();
    });
    document.getElementById('key-form').addEventListener('submit', function (event) {
      event.preventDefault();
      setApiKey(els.apiKey.value.trim());
      els.apiKey.value = '';
      els.keyPanel.hidden = true;
      restart();
    });
    document.getElementById('forget-key').addEventListener('click', function () {
      setApiKey('');
      els.apiKey.value = '';
      restart();
    });
    document.getElementById('change-key').addEventListener('click', function () {
      showKeyPanel(apiKey() ? 'A key is in use in this tab.' : 'No key is set (the archive may not need one).');
    });
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden) poll();
    });
    poll();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
