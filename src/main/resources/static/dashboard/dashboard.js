// The Agni Campaigns dashboard: plain JavaScript over the public API (docs/dashboard.md).
// Every value from the API reaches the page as text (textContent, setAttribute), never as markup.

const API = new URL('../api/v1/', location.href);
const KEY_STORE = 'agni.apiKey';
const POLL_MS = 2000;
const CHART_POLL_MS = 5000;
const CHART_PAGE_SIZE = 500;
const CHART_MAX_PAGES = 10;
const LIST_LIMIT = 50;
const CONTACT_LIMIT = 50;
const OUTCOMES = ['completed', 'voicemail', 'no_answer', 'busy', 'failed'];
const STATES = ['successful', 'noAnswer', 'failed', 'inProgress', 'pending'];
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const $ = (id) => document.getElementById(id);

/** An API answer that was not a success: the HTTP status and the envelope's message. */
class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

// ---------------------------------------------------------------------------------------------
// Elements

/** Creates an element; children are nodes or strings (which become text nodes). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = String(value);
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  append(node, children);
  return node;
}

function show(node, visible) {
  node.hidden = !visible;
}

function setText(node, value) {
  const text = value === null || value === undefined || value === '' ? '—' : String(value);
  if (node.textContent !== text) node.textContent = text;
}

// ---------------------------------------------------------------------------------------------
// The API

function apiKey() {
  return sessionStorage.getItem(KEY_STORE);
}

/** Calls the API; answers the envelope, throws ApiError otherwise (a 401 also signs out). */
async function api(method, path, key = apiKey()) {
  let response;
  try {
    response = await fetch(new URL(path, API), {
      method,
      headers: { 'X-Api-Key': key ?? '', Accept: 'application/json' },
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, 'Cannot reach the service (' + e.message + ')');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok || !body || body.success === false) {
    const message = body && typeof body.message === 'string' ? body.message : 'HTTP ' + response.status;
    const error = new ApiError(response.status, message, body);
    if (response.status === 401 && key === apiKey()) signOut(message);
    throw error;
  }
  return body;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

// ---------------------------------------------------------------------------------------------
// Formatting

function formatter(timeZone, options) {
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: timeZone || 'UTC' });
  } catch (e) {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' });
  }
}

/** An ISO instant as wall-clock time in the time zone, with the zone's name. */
function dateTimeIn(iso, timeZone, withSeconds = false) {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(timeZone, {
    weekday: 'short', year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', second: withSeconds ? '2-digit' : undefined,
    timeZoneName: 'short',
  }).format(date);
}

function timeIn(iso, timeZone) {
  if (!iso) return null;
  return formatter(timeZone, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(iso));
}

function words(value) {
  return value === null || value === undefined ? null : String(value).replaceAll('_', ' ');
}

function seconds(value) {
  if (value === null || value === undefined) return null;
  const s = Number(value);
  return s >= 60 ? Math.floor(s / 60) + ' min ' + (s % 60) + ' s' : s + ' s';
}

function days(list) {
  if (!Array.isArray(list) || list.length === 0) return null;
  if (list.length === 7) return 'every day';
  return [...list].sort((a, b) => a - b).map((d) => DAY_NAMES[d] ?? String(d)).join(', ');
}

/** Blackout dates, the first few and how many in all; null when none. */
function blackoutText(dates) {
  if (!Array.isArray(dates) || dates.length === 0) return null;
  const shown = dates.slice(0, 5).join(', ');
  return dates.length > 5 ? shown + ' … (' + dates.length + ' in all)' : shown;
}

/** The per-outcome retry rules in words; null when there is no policy. */
function retryRulesText(policy, gapMin) {
  if (!policy || typeof policy !== 'object') return null;
  const rules = Object.entries(policy).map(([outcome, rule]) => words(outcome) + ': '
    + (!rule?.retry ? 'not retried'
      : 'after ' + (Array.isArray(rule.gapsMin) ? rule.gapsMin.join(', ') : gapMin) + ' min'));
  return rules.length ? rules.join('; ') : null;
}

/** The window column: open now, or when it opens next (campaign time zone), if the API says. */
function windowText(campaign) {
  if (campaign.status === 'completed') return null;
  const timeZone = campaign.schedule?.timezone;
  if (campaign.windowOpen === true) return 'open now';
  if (campaign.nextWindowAt) return 'opens ' + dateTimeIn(campaign.nextWindowAt, timeZone);
  if (campaign.windowOpen === false) return 'closed';
  const s = campaign.schedule;
  return s ? s.windowStart + '–' + s.windowEnd + ' ' + s.timezone : null;
}

/** A stacked bar of the contact states. */
function progressBar(stats, node = el('div', { class: 'progress' })) {
  node.replaceChildren();
  const total = Number(stats?.total ?? 0);
  const done = Number(stats?.successful ?? 0) + Number(stats?.noAnswer ?? 0) + Number(stats?.failed ?? 0);
  node.setAttribute('role', 'img');
  node.setAttribute('aria-label', done + ' of ' + total + ' contacts final');
  node.title = STATES.map((s) => words(stateLabel(s)) + ' ' + (stats?.[s] ?? 0)).join(', ');
  if (total > 0) {
    for (const state of STATES) {
      const count = Number(stats?.[state] ?? 0);
      if (count <= 0) continue;
      const part = el('span', { class: 'part ' + state });
      part.style.width = (100 * count / total) + '%';
      node.append(part);
    }
  }
  return node;
}

function stateLabel(state) {
  return { inProgress: 'in progress', noAnswer: 'no answer' }[state] ?? state;
}

function badge(status) {
  return el('span', { class: 'badge ' + (status ?? ''), text: status ?? '—' });
}

// ---------------------------------------------------------------------------------------------
// Views and routing

const views = ['sign-in-view', 'list-view', 'campaign-view'];
let current = null; // { stop() } of the shown view

function showView(id) {
  for (const view of views) show($(view), view === id);
  const signedIn = id !== 'sign-in-view';
  show($('sign-out'), signedIn);
  show($('nav'), signedIn);
}

function notice(message, kind = 'info') {
  const node = $('notice');
  node.className = 'notice ' + kind;
  setText(node, message);
  show(node, Boolean(message));
}

function clearNotice() {
  show($('notice'), false);
}

function route() {
  current?.stop();
  current = null;
  if (!apiKey()) {
    showView('sign-in-view');
    $('api-key').focus();
    return;
  }
  const match = location.hash.match(/^#\/campaigns\/([^/?#]+)/);
  current = match ? campaignPage(decodeURIComponent(match[1])) : listPage();
}

function signOut(message) {
  sessionStorage.removeItem(KEY_STORE);
  current?.stop();
  current = null;
  const error = $('sign-in-error');
  setText(error, message || '');
  show(error, Boolean(message));
  $('api-key').value = '';
  clearNotice();
  show($('connection'), false);
  showView('sign-in-view');
  $('api-key').focus();
}

async function signIn(event) {
  event.preventDefault();
  const key = $('api-key').value.trim();
  if (!key) return;
  const button = $('sign-in');
  button.disabled = true;
  try {
    await api('GET', 'campaigns' + query({ limit: 1 }), key);
    sessionStorage.setItem(KEY_STORE, key);
    show($('sign-in-error'), false);
    $('api-key').value = '';
    route();
  } catch (e) {
    setText($('sign-in-error'), e.message);
    show($('sign-in-error'), true);
  } finally {
    button.disabled = false;
  }
}

/**
 * Runs refresh now and then every interval after each run ends, until stopped; failures other
 * than 401 show as a notice and polling goes on. now() runs it at once (or right after the run in
 * flight), never two at a time.
 */
function poller(refresh, interval) {
  let timer = null;
  let stopped = false;
  let running = false;
  let again = false;
  const run = async () => {
    if (stopped) return;
    running = true;
    again = false;
    try {
      await refresh();
      if (!stopped) connection(true);
    } catch (e) {
      if (!stopped && e.status !== 401) connection(false, e.message);
    }
    running = false;
    // why: a 401 signed out (the key is gone); nothing to poll until the next sign-in.
    if (stopped || !apiKey()) return;
    timer = setTimeout(run, again ? 0 : interval);
  };
  run();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    now() {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      clearTimeout(timer);
      run();
    },
  };
}

function connection(ok, message) {
  const node = $('connection');
  show(node, true);
  node.className = 'connection ' + (ok ? 'live' : 'down');
  setText(node, ok ? 'live' : 'not updating: ' + message);
}

// ---------------------------------------------------------------------------------------------
// The campaign list

const listState = { offset: 0, status: '', search: '' };

function listPage() {
  showView('list-view');
  clearNotice();
  document.title = 'Campaigns · Agni Campaigns';
  let shown = null;
  let open = true;
  const refresh = async () => {
    const answer = await api('GET', 'campaigns' + query({
      limit: LIST_LIMIT, offset: listState.offset, status: listState.status, search: listState.search,
    }));
    const fingerprint = JSON.stringify([answer.data, answer.meta]);
    if (!open || fingerprint === shown) return;
    shown = fingerprint;
    $('campaign-rows').replaceChildren(...answer.data.map(campaignRow));
    show($('list-empty'), answer.data.length === 0);
    pager($('list-pager'), answer.meta, (offset) => {
      listState.offset = offset;
      poll.now();
    });
  };
  const poll = poller(refresh, POLL_MS);
  const changed = () => {
    listState.status = $('list-status').value;
    listState.search = $('list-search').value.trim();
    listState.offset = 0;
    poll.now();
  };
  $('list-status').onchange = changed;
  $('list-search').oninput = changed;
  return {
    stop() {
      open = false;
      poll.stop();
    },
  };
}

function campaignRow(c) {
  const stats = c.contactStats ?? {};
  const done = Number(stats.successful ?? 0) + Number(stats.noAnswer ?? 0) + Number(stats.failed ?? 0);
  return el('tr', { 'data-campaign-id': c.id },
    el('td', {}, el('a', { href: '#/campaigns/' + encodeURIComponent(c.id), text: c.name })),
    el('td', {}, badge(c.status)),
    el('td', { class: 'progress-col' }, progressBar(stats)),
    el('td', { class: 'num', text: done + ' / ' + (stats.total ?? 0) }),
    el('td', { text: windowText(c) ?? '—' }),
  );
}

function pager(node, meta, go) {
  node.replaceChildren();
  if (!meta || meta.total <= meta.limit) return;
  const from = meta.total === 0 ? 0 : meta.offset + 1;
  const to = Math.min(meta.offset + meta.limit, meta.total);
  node.append(
    el('button', {
      type: 'button', class: 'secondary', disabled: meta.offset === 0, text: 'Previous',
      onclick: () => go(Math.max(0, meta.offset - meta.limit)),
    }),
    el('span', { class: 'muted', text: from + '–' + to + ' of ' + meta.total }),
    el('button', {
      type: 'button', class: 'secondary', disabled: to >= meta.total, text: 'Next',
      onclick: () => go(meta.offset + meta.limit),
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// One campaign

const ACTIONS = {
  start: ['draft'],
  pause: ['active'],
  resume: ['paused'],
  complete: ['draft', 'active', 'paused'],
};

function campaignPage(id) {
  showView('campaign-view');
  clearNotice();
  const path = 'campaigns/' + encodeURIComponent(id);
  const state = { campaign: null, contactOffset: 0, contactStatus: '', open: true };
  setText($('campaign-name'), '');
  setText($('campaign-status'), '');
  show($('action-message'), false);
  $('contact-status').value = '';
  for (const node of document.querySelectorAll('[data-stat]')) setText(node, '');
  for (const button of document.querySelectorAll('#campaign-view [data-action]')) button.disabled = true;
  for (const body of ['call-rows', 'contact-rows']) $(body).replaceChildren();
  $('chart').replaceChildren();
  $('schedule').replaceChildren();

  const refreshCampaign = async () => {
    let campaign;
    try {
      campaign = (await api('GET', path)).data;
    } catch (e) {
      if (e.status === 404 && state.open) notice(e.message, 'error');
      throw e;
    }
    if (!state.open) return; // why: an answer that arrives after leaving the page is dropped.
    state.campaign = campaign;
    renderCampaign(campaign);
  };
  const refreshCalls = async () => {
    const answer = await api('GET', 'calling/call-sessions' + query({
      campaign_id: id, page_size: 20, sort_order: 'desc',
    }));
    if (!state.open) return;
    renderCalls(answer.data.callSessions, state.campaign?.schedule?.timezone);
  };
  const refreshContacts = async () => {
    const answer = await api('GET', path + '/contacts' + query({
      limit: CONTACT_LIMIT, offset: state.contactOffset, status: state.contactStatus,
    }));
    if (!state.open) return;
    renderContacts(answer.data, state.campaign?.schedule?.timezone);
    pager($('contact-pager'), answer.meta, (offset) => {
      state.contactOffset = offset;
      live.now();
    });
  };
  const refreshChart = async () => {
    const calls = await lastHourOfCalls(id);
    if (state.open) renderChart(calls, state.campaign?.schedule?.timezone);
  };

  const live = poller(async () => {
    const before = state.campaign?.status;
    await refreshCampaign();
    // why: a campaign that pauses or completes by itself has its last calls on the chart at once.
    if (before && before !== state.campaign.status) chart.now();
    await Promise.all([refreshCalls(), refreshContacts()]);
  }, POLL_MS);
  const chart = poller(async () => {
    if (!state.campaign) await refreshCampaign();
    await refreshChart();
  }, CHART_POLL_MS);

  $('contact-status').onchange = () => {
    state.contactStatus = $('contact-status').value;
    state.contactOffset = 0;
    live.now();
  };
  for (const button of document.querySelectorAll('#campaign-view [data-action]')) {
    button.onclick = () => act(button.dataset.action);
  }

  async function act(action) {
    if (action === 'complete' && !confirm('Complete this campaign? Its pending contacts are never dialed.')) {
      return;
    }
    const message = $('action-message');
    for (const button of document.querySelectorAll('#campaign-view [data-action]')) button.disabled = true;
    try {
      const answer = await api('POST', path + '/' + action);
      if (!state.open) return;
      state.campaign = answer.data;
      renderCampaign(answer.data);
      message.className = 'action-message ok';
      setText(message, answer.message);
    } catch (e) {
      if (e.status === 401 || !state.open) return;
      message.className = 'action-message error';
      setText(message, e.message);
      if (state.campaign) renderCampaign(state.campaign);
    }
    show(message, true);
    live.now();
    chart.now();
  }

  return {
    stop() {
      state.open = false;
      live.stop();
      chart.stop();
    },
  };
}

function renderCampaign(c) {
  document.title = c.name + ' · Agni Campaigns';
  setText($('campaign-name'), c.name);
  const status = $('campaign-status');
  status.className = 'badge ' + c.status;
  setText(status, c.status === c.executionStatus || !c.executionStatus ? c.status : c.status + ' · ' + c.executionStatus);
  const reason = $('campaign-paused-reason');
  setText(reason, c.pausedReason ? 'paused: ' + words(c.pausedReason) : '');
  show(reason, Boolean(c.pausedReason));

  for (const [action, from] of Object.entries(ACTIONS)) {
    $('action-' + action).disabled = !from.includes(c.status);
  }
  const stats = c.contactStats ?? {};
  for (const node of document.querySelectorAll('[data-stat]')) setText(node, stats[node.dataset.stat] ?? 0);
  progressBar(stats, $('campaign-progress'));
  renderSchedule(c);
}

function renderSchedule(c) {
  const s = c.schedule ?? {};
  const tz = s.timezone || 'UTC';
  const windowState = c.windowOpen === true ? 'open now'
    : c.windowOpen === false ? (c.nextWindowAt ? 'closed; opens ' + dateTimeIn(c.nextWindowAt, tz) : 'closed; no future opening')
      : null;
  const facts = [
    ['Time zone', tz],
    ['Now there', dateTimeIn(new Date().toISOString(), tz)],
    ['Window', s.windowStart && s.windowEnd ? s.windowStart + '–' + s.windowEnd
      + (s.windowStart > s.windowEnd ? ' (overnight)' : '') : null],
    ['Days', days(s.windowDays)],
    ['Window clock', s.windowTimezone === 'contact' ? 'local time of each contact' : null],
    ['Blackout dates', blackoutText(s.blackoutDates)],
    ['Window now', windowState],
    ['Starts', s.start ? dateTimeIn(s.start, tz) : 'as soon as active'],
    ['Ends', s.end ? dateTimeIn(s.end, tz) : 'no end'],
    ['Concurrent calls', s.maxConcurrent],
    ['Retries', s.retryAttempts === undefined ? null
      : s.retryAttempts + (s.retryAttempts > 0 ? ', ' + s.retryGapMin + ' min apart' : '')],
    ['Retry rules', retryRulesText(s.retryPolicy, s.retryGapMin)],
    ['Outbound caps', c.outboundMaxConcurrent === undefined ? null
      : c.outboundMaxConcurrent + ' concurrent, ' + c.outboundMaxCps + ' calls/s'],
    ['Caller ID', c.fromPhoneNumber],
    ['Started', c.startedAt ? dateTimeIn(c.startedAt, tz) : null],
    ['Completed', c.completedAt ? dateTimeIn(c.completedAt, tz) : null],
  ];
  const list = $('schedule');
  const next = facts.filter(([name, value]) => value !== null && value !== undefined || name === 'Window now')
    .flatMap(([name, value]) => [
      el('dt', { text: name }),
      el('dd', { 'data-fact': name, text: value ?? 'not reported by this server' }),
    ]);
  list.replaceChildren(...next);
}

function renderCalls(sessions, timeZone) {
  const rows = sessions.map((s) => el('tr', { 'data-session-id': s.session_id },
    el('td', { text: dateTimeIn(s.started_at, timeZone, true) ?? '—' }),
    el('td', { text: s.callee_number ?? '—' }),
    el('td', { class: 'num', text: s.attempt }),
    el('td', {}, el('span', { class: 'outcome ' + (s.status ?? ''), text: words(s.status) ?? '—' })),
    el('td', { text: words(s.disconnect_reason) ?? '—' }),
    el('td', { class: 'num', text: seconds(s.duration_sec) ?? '—' }),
  ));
  $('call-rows').replaceChildren(...rows);
  show($('calls-empty'), sessions.length === 0);
}

function renderContacts(contacts, timeZone) {
  const rows = contacts.map((c) => el('tr', { 'data-contact-id': c.id },
    el('td', { text: [c.firstName, c.lastName].filter(Boolean).join(' ') || '—' }),
    el('td', { text: c.phone ?? '—' }),
    el('td', {}, el('span', { class: 'state ' + (c.status ?? ''), text: words(c.status) ?? '—' })),
    el('td', { class: 'num', text: c.attempts ?? 0 }),
    el('td', { text: words(c.lastOutcome) ?? '—' }),
    el('td', { text: words(c.lastReason) ?? '—' }),
    el('td', { text: words(c.waitingFor) ?? '—' }),
    el('td', { text: c.nextAttemptAt ? dateTimeIn(c.nextAttemptAt, timeZone) : '—' }),
  ));
  $('contact-rows').replaceChildren(...rows);
  show($('contacts-empty'), contacts.length === 0);
}

// ---------------------------------------------------------------------------------------------
// The chart: calls per minute by outcome over the last hour

/** The campaign's sessions started in the last hour, in pages of 500, at most 10 pages. */
async function lastHourOfCalls(campaignId) {
  const since = new Date(Date.now() - 60 * 60 * 1000);
  const sessions = [];
  let truncated = false;
  for (let page = 1; page <= CHART_MAX_PAGES; page++) {
    const answer = await api('GET', 'calling/call-sessions' + query({
      campaign_id: campaignId, started_after: since.toISOString(), page, page_size: CHART_PAGE_SIZE,
      sort_order: 'desc',
    }));
    sessions.push(...answer.data.callSessions);
    if (page * CHART_PAGE_SIZE >= answer.data.total) break;
    truncated = page === CHART_MAX_PAGES;
  }
  return { sessions, truncated, until: Date.now() };
}

function renderChart({ sessions, truncated, until }, timeZone) {
  const minute = 60 * 1000;
  const last = Math.floor(until / minute);
  const first = last - 59;
  const buckets = Array.from({ length: 60 }, () => Object.fromEntries(OUTCOMES.map((o) => [o, 0])));
  const totals = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
  for (const s of sessions) {
    if (!OUTCOMES.includes(s.status)) continue; // still live
    const at = Date.parse(s.ended_at ?? s.started_at);
    const index = Math.floor(at / minute) - first;
    if (index < 0 || index >= 60) continue;
    buckets[index][s.status]++;
    totals[s.status]++;
  }
  const peak = Math.max(1, ...buckets.map((b) => OUTCOMES.reduce((sum, o) => sum + b[o], 0)));
  const scale = niceCeiling(peak);
  const width = 720;
  const height = 220;
  const left = 36;
  const bottom = 24;
  const top = 8;
  const plot = height - bottom - top;
  const bar = (width - left) / 60;
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, class: 'chart-svg', role: 'img',
    'aria-label': 'Calls per minute by outcome over the last hour',
  });
  for (const tick of [0, scale / 2, scale].filter(Number.isInteger)) {
    const y = top + plot - (tick / scale) * plot;
    chart.append(
      svg('line', { x1: left, x2: width, y1: y, y2: y, class: 'gridline' }),
      svg('text', { x: left - 6, y: y + 4, class: 'axis', 'text-anchor': 'end' }, String(tick)),
    );
  }
  buckets.forEach((bucket, i) => {
    let y = top + plot;
    const x = left + i * bar;
    const start = new Date((first + i) * minute).toISOString();
    const label = timeIn(start, timeZone) + ': '
      + OUTCOMES.filter((o) => bucket[o] > 0).map((o) => words(o) + ' ' + bucket[o]).join(', ');
    for (const outcome of OUTCOMES) {
      const count = bucket[outcome];
      if (count === 0) continue;
      const h = (count / scale) * plot;
      y -= h;
      chart.append(svg('rect', {
        x: x + 1, y, width: Math.max(1, bar - 2), height: h, class: 'bar ' + outcome,
      }, svg('title', {}, label)));
    }
    if (i % 10 === 0 || i === 59) {
      chart.append(svg('text', {
        x: i === 59 ? width : x + bar / 2, y: height - 6, class: 'axis',
        'text-anchor': i === 59 ? 'end' : 'middle',
      }, formatter(timeZone, { hour: '2-digit', minute: '2-digit' }).format(new Date(start))));
    }
  });
  $('chart').replaceChildren(chart);
  $('chart-legend').replaceChildren(...OUTCOMES.map((o) => el('li', { 'data-outcome': o },
    el('span', { class: 'swatch ' + o }), words(o) + ' ', el('strong', { text: totals[o] }))));
  setText($('chart-note'), '(by the minute each call ended, ' + (timeZone || 'UTC')
    + (truncated ? '; only the latest ' + CHART_MAX_PAGES * CHART_PAGE_SIZE + ' calls' : '') + ')');
}

function niceCeiling(value) {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (value <= step * power) return Math.max(2, step * power);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------

$('sign-in-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', () => signOut(''));
window.addEventListener('hashchange', route);
route();
