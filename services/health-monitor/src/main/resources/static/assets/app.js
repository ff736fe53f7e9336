// Code Agent dashboard: services over server-sent events, jobs by polling the monitor's proxy API.
// Everything shown comes from the network and may contain untrusted text (intents, errors), so the DOM
// is built with textContent only, never innerHTML.
'use strict';

const JOBS_REFRESH_MS = 5000;
const JOB_REFRESH_MS = 3000;
const SERVICES_REFRESH_MS = 30000;
const HISTORY_REFRESH_MS = 60000;
const HISTORY_HOURS = 24;

const LOG_EXCERPT_LINES = 40;

// Log excerpts by URL and the rounds of checks the user opened: the job page is rebuilt at every refresh, and
// neither should be lost (nor fetched again) when it is.
const state = { services: new Map(), changes: [], restarts: [], overall: null, jobsTimer: null, jobTimer: null,
  logs: new Map(), openRounds: new Set() };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const $ = (id) => document.getElementById(id);

function safeUrl(url) {
  if (typeof url !== 'string' || url.trim() === '') return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

function timeOf(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay ? d.toLocaleTimeString() : d.toLocaleString();
}

function ago(iso) {
  if (!iso) return '';
  const s = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  if (s < 60) return s + ' s';
  if (s < 3600) return Math.floor(s / 60) + ' min';
  if (s < 86400) return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
  return Math.floor(s / 86400) + ' d';
}

function duration(ms) {
  if (ms === null || ms === undefined) return '';
  const s = Math.round(ms / 1000);
  if (s < 60) return s + ' s';
  return Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
}

function pill(status, label) {
  return el('span', { class: 'pill pill-' + status, dataset: { status } }, label || status);
}

// ---------- services ----------

function renderOverall(status) {
  state.overall = status;
  const node = $('overall');
  node.className = 'pill pill-' + status;
  node.dataset.status = status;
  node.textContent = status;
  document.title = (status === 'HEALTHY' ? '' : '⚠ ') + 'Code Agent · ' + status;
}

function serviceCard(s) {
  const stats = el('div', { class: 'card-stats' });
  if (s.latencyMs !== null && s.latencyMs !== undefined) stats.append(el('span', {}, el('b', { text: s.latencyMs + ' ms' })));
  if (s.uptimePercent !== null && s.uptimePercent !== undefined) stats.append(el('span', {}, 'uptime ', el('b', { text: s.uptimePercent + '%' })));
  stats.append(el('span', { title: s.since ? new Date(s.since).toLocaleString() : '' }, (s.checked ? s.status.toLowerCase() + ' for ' : 'waiting ') + ago(s.since)));
  const spark = el('div', { class: 'spark', 'aria-hidden': 'true' });
  const max = Math.max(50, ...(s.recent || []).map((p) => p.latencyMs));
  for (const p of s.recent || []) {
    const bar = el('i', { class: p.up ? '' : 'down', title: timeOf(p.at) + ' · ' + (p.up ? p.latencyMs + ' ms' : 'down') });
    bar.style.height = Math.max(15, Math.round((p.latencyMs / max) * 100)) + '%';
    spark.append(bar);
  }
  return el('article', {
    class: 'card', dataset: { service: s.name, status: s.checked ? s.status : 'PENDING', critical: String(s.critical) },
  },
  el('div', { class: 'card-head' },
    el('span', { class: 'card-name', title: s.name }, s.name),
    s.checked ? pill(s.status) : pill('PENDING', 'PENDING')),
  el('div', { class: 'card-head' },
    el('span', { class: 'card-url', title: s.url }, s.url),
    el('span', { class: 'tag' }, s.critical ? 'critical' : 'optional')),
  stats,
  s.error ? el('div', { class: 'card-error' }, s.error) : null,
  spark);
}

function renderServices() {
  const grid = $('services');
  const cards = [...state.services.values()].map(serviceCard);
  grid.replaceChildren(...cards);
  if (cards.length === 0) grid.append(el('div', { class: 'empty' }, 'No targets configured.'));
  const down = [...state.services.values()].filter((s) => s.checked && s.status === 'DOWN').length;
  $('services-meta').textContent = state.services.size + ' targets · ' + down + ' down';
}

function updateService(detail) {
  state.services.set(detail.name, detail);
  const existing = document.querySelector('.card[data-service="' + CSS.escape(detail.name) + '"]');
  if (existing) existing.replaceWith(serviceCard(detail));
  else renderServices();
  const down = [...state.services.values()].filter((s) => s.checked && s.status === 'DOWN').length;
  $('services-meta').textContent = state.services.size + ' targets · ' + down + ' down';
}

// A container restart by the monitor (CODEAGENT_MONITOR_RESTART_UNHEALTHY), listed with the status changes.
function restartItem(r) {
  return el('li', {},
    el('time', { datetime: r.at }, timeOf(r.at)),
    el('b', {}, r.service),
    r.error ? el('span', {}, 'restart failed: ' + r.error)
      : el('span', {}, 'restarted by the monitor (' + r.containers.join(', ') + ') after ' + r.failedChecks
        + ' failed checks'));
}

function renderChanges() {
  const list = $('changes');
  const items = [...state.changes.map((c) => ({ at: c.at, change: c })),
    ...state.restarts.map((r) => ({ at: r.at, restart: r }))]
    .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
  if (items.length === 0) {
    list.replaceChildren(el('li', { class: 'muted' }, 'No changes since the monitor started.'));
    return;
  }
  list.replaceChildren(...items.slice(0, 15).map(({ change: c, restart }) => restart ? restartItem(restart)
    : el('li', {},
      el('time', { datetime: c.at }, timeOf(c.at)),
      el('b', {}, c.service),
      c.from ? pill(c.from) : el('span', { class: 'muted' }, 'first check'),
      '→', pill(c.to),
      c.error ? el('span', { class: 'muted' }, c.error) : null)));
}

async function loadRestarts() {
  try {
    const response = await fetch('/api/recoveries', { headers: { Accept: 'application/json' } });
    if (response.ok) {
      state.restarts = (await response.json()).restarts || [];
      renderChanges();
    }
  } catch (e) {
    // The status stream shows new restarts; the list only misses older ones.
  }
}

function applySnapshot(report) {
  state.services = new Map(report.services.map((s) => [s.name, s]));
  state.changes = report.changes || [];
  renderOverall(report.status);
  renderServices();
  renderChanges();
}

async function loadServices() {
  try {
    const response = await fetch('/api/services', { headers: { Accept: 'application/json' } });
    if (response.ok) applySnapshot(await response.json());
  } catch (e) {
    setLive(false);
  }
}

function setLive(on) {
  const live = $('live');
  live.className = 'live ' + (on ? 'on' : 'off');
  live.textContent = on ? 'live' : 'reconnecting';
}

function connectEvents() {
  const source = new EventSource('/api/events');
  source.addEventListener('open', () => setLive(true));
  source.addEventListener('error', () => setLive(false));
  source.addEventListener('snapshot', (e) => {
    setLive(true);
    applySnapshot(JSON.parse(e.data));
  });
  source.addEventListener('recovery', (e) => {
    state.restarts.unshift(JSON.parse(e.data));
    renderChanges();
  });
  source.addEventListener('change', (e) => {
    const event = JSON.parse(e.data);
    updateService(event.service);
    renderOverall(event.status);
    state.changes.unshift(event.change);
    renderChanges();
    loadHistory();
  });
}

// ---------- history ----------

// One bar per target over the window: a positioned block per state segment (position and width set through
// the CSSOM, not a style attribute), time before the first recorded state left blank.
function timelineRow(target, from, to) {
  const start = new Date(from).getTime();
  const span = Math.max(1, new Date(to).getTime() - start);
  const bar = el('div', { class: 'history-bar', role: 'img',
    'aria-label': target.name + ': ' + target.segments.length + ' states in the last ' + HISTORY_HOURS + ' hours' });
  const end = start + span;
  for (const segment of target.segments) {
    // Anchored at their end, so a block too short to see grows to its minimum width leftwards, inside the bar.
    const right = (end - new Date(segment.to).getTime()) / span * 100;
    const width = (new Date(segment.to).getTime() - new Date(segment.from).getTime()) / span * 100;
    const block = el('i', { class: 'seg seg-' + segment.state,
      title: segment.state + ' ' + timeOf(segment.from) + ' – ' + timeOf(segment.to) });
    block.style.right = Math.max(0, right) + '%';
    block.style.width = width + '%';
    bar.append(block);
  }
  const incidents = target.incidents.length;
  const open = target.incidents.some((i) => !i.end);
  return el('div', { class: 'history-row', dataset: { target: target.name } },
    el('b', { class: 'history-name' }, target.name),
    bar,
    el('span', { class: 'history-uptime' },
      target.uptimePercent === null ? '—' : target.uptimePercent.toFixed(2) + ' %'),
    el('span', { class: 'muted history-incidents' },
      incidents === 0 ? 'no incidents' : incidents + (incidents === 1 ? ' incident' : ' incidents')
        + (open ? ' (open)' : '')));
}

async function loadHistory() {
  const error = $('history-error');
  try {
    const response = await fetch('/api/history?hours=' + HISTORY_HOURS, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      error.textContent = await problemText(response);
      error.hidden = false;
      return;
    }
    const report = await response.json();
    error.hidden = true;
    $('history').replaceChildren(...report.targets.map((t) => timelineRow(t, report.from, report.to)));
    $('history-meta').textContent = timeOf(report.from) + ' – ' + timeOf(report.to);
  } catch (e) {
    error.textContent = 'History unavailable: ' + e.message;
    error.hidden = false;
  }
}

// ---------- jobs ----------

function variantChip(v) {
  const label = '#' + v.k + (v.linesAdded !== null && v.linesAdded !== undefined ? ' +' + v.linesAdded + '/−' + (v.linesRemoved || 0) : '');
  const url = safeUrl(v.pullRequestUrl);
  const attrs = { class: 'chip ' + (v.state || ''), title: 'Variant ' + v.k + ': ' + (v.state || '') + (v.step ? ' · ' + v.step : '') };
  return url ? el('a', { ...attrs, href: url, target: '_blank', rel: 'noopener' }, label + ' PR') : el('span', attrs, label);
}

// How each outcome of a finished job reads; rejected: the author may not ask Code Agent for changes.
const OUTCOME_LABELS = { success: 'success', partial_success: 'partial success', failed: 'failed', rejected: 'not allowed' };

function outcomeLabel(outcome) {
  return OUTCOME_LABELS[outcome] || String(outcome).replace(/_/g, ' ');
}

function jobTitle(job) {
  return job.intent || job.name || job.id;
}

function jobWhere(job) {
  const r = job.repository || {};
  const repo = [r.project, r.repository].filter(Boolean).join('/');
  return (repo || 'repository') + (job.pullRequestId ? ' · PR ' + job.pullRequestId : '') + (job.author ? ' · ' + job.author : '');
}

function jobRow(job) {
  const status = job.outcome && job.runtimeStatus === 'Completed' ? job.outcome : job.runtimeStatus;
  const row = el('div', { class: 'job-row', dataset: { jobId: job.id, status: job.runtimeStatus } },
    pill(status, job.runtimeStatus === 'Completed' && job.outcome ? outcomeLabel(job.outcome) : job.runtimeStatus),
    el('a', { href: '/jobs/' + encodeURIComponent(job.id), 'data-link': true, class: 'job-main' },
      el('div', { class: 'job-title', title: jobTitle(job) }, jobTitle(job)),
      el('div', { class: 'job-sub' }, jobWhere(job) + ' · ' + ago(job.createdTime) + ' ago')),
    el('div', { class: 'chips' }, (job.variants || []).map(variantChip)));
  return row;
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || ('HTTP ' + response.status);
  } catch (e) {
    return 'HTTP ' + response.status;
  }
}

async function loadJobs() {
  const box = $('jobs');
  const error = $('jobs-error');
  try {
    const response = await fetch('/api/jobs?top=20', { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      error.textContent = 'Jobs unavailable: ' + await problemText(response);
      error.hidden = false;
      return;
    }
    const page = await response.json();
    error.hidden = true;
    const items = page.items || [];
    box.replaceChildren(...items.map(jobRow));
    if (items.length === 0) box.append(el('div', { class: 'empty' }, 'No jobs yet. Write “/edit …” on a pull request to start one.'));
    $('jobs-meta').textContent = 'updated ' + new Date().toLocaleTimeString();
  } catch (e) {
    error.textContent = 'Jobs unavailable: the health monitor cannot be reached.';
    error.hidden = false;
  }
}

function fact(label, value) {
  if (value === null || value === undefined || value === '') return null;
  return el('div', {}, el('dt', {}, label), el('dd', {}, value));
}

// Model usage as the orchestrator reports it; a null cost means a model had no price (CODEAGENT_MODEL_PRICES),
// shown as unknown rather than as a partial sum.
function count(n) {
  if (n < 1000) return String(n);
  // Halves round up, as in the pull request's comparison table.
  return n < 1000000 ? (Math.round(n / 100) / 10).toFixed(1) + 'k' : (Math.round(n / 100000) / 10).toFixed(1) + 'M';
}

function tokensText(usage) {
  if (!usage) return null;
  return count(usage.inputTokens + usage.outputTokens) + ' (' + count(usage.inputTokens) + ' in, '
    + count(usage.outputTokens) + ' out)';
}

function costText(usage, unknown) {
  if (!usage) return null;
  if (usage.costUsd === null || usage.costUsd === undefined) return '— (' + unknown + ')';
  const usd = Number(usage.costUsd);
  if (usd === 0) return '$0';
  return usd < 0.001 ? '<$0.001' : '$' + usd.toFixed(3);
}

function variantTimeline(job, v) {
  const items = [el('li', { class: 'ok' }, 'Queued', el('time', {}, timeOf(job.createdTime)))];
  if (v.startedAt) items.push(el('li', { class: 'ok' }, 'Started' + (v.strategy ? ' · ' + v.strategy : ''), el('time', {}, timeOf(v.startedAt))));
  if (v.state === 'running' || v.state === 'pending') {
    items.push(el('li', { class: 'now' }, v.step ? 'Now: ' + v.step : (v.state === 'pending' ? 'Waiting to start' : 'Working')));
  }
  if (v.finishedAt || (v.state && ['succeeded', 'failed', 'cancelled'].includes(v.state))) {
    items.push(el('li', { class: v.state === 'succeeded' ? 'ok' : 'bad' },
      (v.state === 'succeeded' ? 'Finished' : v.state === 'cancelled' ? 'Cancelled' : 'Failed') + (v.step ? ' at ' + v.step : ''),
      el('time', {}, timeOf(v.finishedAt) + (v.durationMs ? ' · ' + duration(v.durationMs) : ''))));
  }
  return el('ol', { class: 'timeline' }, items);
}

// ---------- checks ----------

function checksText(round) {
  if (round.error) return 'error';
  if (round.source === 'none') return 'no checks';
  if (round.passed) return 'passed';
  const statuses = (round.checks || []).map((c) => c.status);
  return statuses.includes('timed-out') ? 'timed out' : statuses.includes('failed') ? 'failed' : 'error';
}

function testsText(tests) {
  if (!tests) return null;
  return tests.passed + ' passed, ' + tests.failed + ' failed' + (tests.skipped ? ', ' + tests.skipped + ' skipped' : '');
}

function showLog(pre, url) {
  if (state.logs.has(url)) {
    pre.textContent = state.logs.get(url);
    return;
  }
  pre.textContent = 'Loading the log…';
  fetch(url, { headers: { Accept: 'text/plain' } })
    .then(async (response) => {
      const text = response.ok ? await response.text() : 'Log unavailable: ' + await problemText(response);
      if (response.ok) state.logs.set(url, text);
      pre.textContent = text;
    })
    .catch(() => { pre.textContent = 'Log unavailable: the health monitor cannot be reached.'; });
}

// One round of checks of a variant: each check's outcome, what failed, and the end of the log when opened.
function checkRound(job, v, round) {
  const key = job.id + '/' + v.k + '/' + round.round;
  const summary = el('summary', {}, (round.round === 0 ? 'Checks' : 'After repair ' + round.round) + ' · ',
    el('span', { class: 'check-outcome check-' + checksText(round).replace(' ', '-') }, checksText(round)),
    round.source === 'detected' ? ' (detected)' : '', round.tests ? ' · ' + testsText(round.tests) : '');
  const checks = (round.checks || []).map((c) => el('li', { class: 'check-' + c.status },
    el('strong', {}, c.name), ' ' + c.status + (c.exitCode !== null && c.exitCode !== undefined && c.status !== 'passed' ? ' (exit ' + c.exitCode + ')' : ''),
    (c.failingTests || []).length ? el('ul', {}, c.failingTests.map((t) => el('li', {}, t))) : null,
    (c.errors || []).length ? el('pre', { class: 'check-errors' }, c.errors.slice(0, 10).join('\n')) : null));
  const log = round.logUrl
    ? el('pre', { class: 'log', dataset: { lines: LOG_EXCERPT_LINES } }, 'Open to load the end of the log.')
    : null;
  const logUrl = '/api/jobs/' + encodeURIComponent(job.id) + '/variants/' + v.k + '/checks/' + round.round
    + '/log?lines=' + LOG_EXCERPT_LINES;
  const details = el('details', { class: 'check-round', dataset: { round: round.round }, open: state.openRounds.has(key) },
    summary,
    checks.length ? el('ul', { class: 'checks-list' }, checks) : null,
    round.configError ? el('div', { class: 'error-box' }, '.codeagent.yml: ' + round.configError) : null,
    round.error ? el('div', { class: 'error-box' }, round.error) : null,
    round.repairError ? el('div', { class: 'error-box' }, 'No repair: ' + round.repairError) : null,
    log ? el('div', { class: 'log-title' }, 'Last ' + LOG_EXCERPT_LINES + ' lines of the log') : null,
    log);
  if (log && details.open) showLog(log, logUrl);
  details.addEventListener('toggle', () => {
    if (details.open) {
      state.openRounds.add(key);
      if (log) showLog(log, logUrl);
    } else {
      state.openRounds.delete(key);
    }
  });
  return details;
}

function variantChecks(job, v) {
  const rounds = v.checks || [];
  if (!rounds.length) return null;
  return el('div', { class: 'checks' }, rounds.map((round) => checkRound(job, v, round)));
}

// The Azure DevOps pipeline runs a variant being checked waits for: which run, where it stands, for how long.
function pipelineWaits(v) {
  const running = (v.pipelineRuns || []).filter((r) => r.state === 'running');
  if (!running.length) return null;
  return el('span', { class: 'pipeline-runs' }, running.map((r, i) => {
    const url = safeUrl(r.url);
    const name = r.pipeline + (r.runName ? ' ' + r.runName : r.runId ? ' #' + r.runId : '');
    return el('span', { class: 'pipeline-run', dataset: { run: r.runId } }, i ? '; ' : '',
      url ? el('a', { href: url, target: '_blank', rel: 'noopener' }, name + ' ↗') : name,
      ' · ' + (r.runState === 'canceling' ? 'being cancelled' : 'in progress') + ' · ' + ago(r.queuedAt));
  }));
}

function variantCard(job, v) {
  const url = safeUrl(v.pullRequestUrl);
  const diff = v.linesAdded !== null && v.linesAdded !== undefined
    ? el('span', { class: 'diffstat' }, el('span', { class: 'add' }, '+' + v.linesAdded), ' ', el('span', { class: 'del' }, '−' + (v.linesRemoved || 0)),
      v.filesChanged !== null && v.filesChanged !== undefined ? ' in ' + v.filesChanged + ' file' + (v.filesChanged === 1 ? '' : 's') : '')
    : null;
  return el('article', { class: 'variant', dataset: { variant: v.k, state: v.state } },
    el('h3', {}, el('span', { class: 'variant-name' }, 'Variant ' + v.k),
      v.recommended ? el('span', { class: 'recommended' }, '★ recommended') : null,
      v.rank ? el('span', { class: 'rank' }, 'rank ' + v.rank) : null,
      pill(v.state || 'pending')),
    v.approach ? el('p', { class: 'approach' }, v.approach) : null,
    variantTimeline(job, v),
    el('dl', { class: 'facts' },
      fact('Step', v.step),
      fact('Waiting for', pipelineWaits(v)),
      fact('Branch', v.branch),
      fact('Pull request', url ? el('a', { href: url, target: '_blank', rel: 'noopener' }, 'PR ' + (v.pullRequestId || '') + ' ↗') : (v.pullRequestId ? 'PR ' + v.pullRequestId : null)),
      fact('Changes', diff),
      fact('Model', [v.provider, v.model].filter(Boolean).join(' · ')),
      fact('Duration', v.durationMs ? duration(v.durationMs) : null),
      fact('Tokens', tokensText(v.usage)),
      fact('Cost', costText(v.usage, 'no price for the model')),
      fact('Commit', v.commit ? v.commit.substring(0, 12) : null),
      fact('Repairs', v.checks && v.checks.length ? String(v.checks.length - 1) : null)),
    variantChecks(job, v),
    v.error ? el('div', { class: 'error-box' }, v.error) : null);
}

// The thread's follow-up commands (/pick, /refine, /retry, /cancel, /status), oldest first.
function followUpList(job) {
  const followUps = job.followUps || [];
  if (!followUps.length) return null;
  return el('section', { class: 'follow-ups' },
    el('h2', {}, 'Follow-ups'),
    el('ol', {}, followUps.map((f) => el('li', { dataset: { followUp: f.id, kind: f.kind } },
      el('a', { href: '/jobs/' + encodeURIComponent(f.id), 'data-link': true }, '/' + f.kind + (f.variant ? ' ' + f.variant : '')),
      ' ', pill(f.outcome && f.state === 'Completed' ? f.outcome : f.state, f.state + (f.outcome ? ' · ' + outcomeLabel(f.outcome) : '')),
      ' ', el('span', { class: 'muted' }, timeOf(f.createdAt)),
      f.error ? el('span', { class: 'muted' }, ' — ' + f.error) : null))));
}

function renderJob(job) {
  const status = job.outcome && job.runtimeStatus === 'Completed' ? job.outcome : job.runtimeStatus;
  const variants = job.variants || [];
  $('job-detail').replaceChildren(
    el('div', { class: 'job-head', dataset: { jobId: job.id } },
      el('h1', {}, jobTitle(job)),
      pill(status, job.runtimeStatus + (job.outcome ? ' · ' + outcomeLabel(job.outcome) : '')),
      el('dl', { class: 'facts' },
        fact('Job', job.id),
        fact('Where', jobWhere(job)),
        fact('Variants', variants.length + ' of ' + job.variantsRequested),
        fact('Created', timeOf(job.createdTime)),
        fact('Updated', timeOf(job.lastUpdatedTime)),
        fact('Completed', timeOf(job.completedTime)),
        fact('Tokens', tokensText(job.usage)),
        fact('Cost', costText(job.usage, 'no price for a model')),
        fact('Recommended', job.recommendedVariant ? 'Variant ' + job.recommendedVariant
          + (job.recommendation ? ' — ' + job.recommendation : '') : null),
        fact('Picked', job.picked ? 'Variant ' + job.picked : null),
        fact('Merge commit', job.mergeCommit ? job.mergeCommit.substring(0, 12) : null),
        fact('Abandoned', job.abandoned && job.abandoned.length ? job.abandoned.map((k) => 'variant ' + k).join(', ') : null),
        fact('Follows up', job.parentJobId ? el('a', { href: '/jobs/' + encodeURIComponent(job.parentJobId), 'data-link': true }, job.parentJobId) : null)),
      job.error ? el('div', { class: 'error-box' }, job.error) : null),
    variants.length
      ? el('div', { class: 'variants' }, variants.map((v) => variantCard(job, v)))
      : el('div', { class: 'empty' }, job.parentJobId ? 'A follow-up command: it acts on the variants of the job it follows up.' : 'No variant has started yet.'),
    followUpList(job));
  document.title = 'Code Agent · ' + jobTitle(job);
}

async function loadJob(id) {
  const error = $('job-error');
  try {
    const response = await fetch('/api/jobs/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      error.textContent = (response.status === 404 ? 'Job not found: ' : 'Job unavailable: ') + await problemText(response);
      error.hidden = false;
      return response.status !== 404;
    }
    error.hidden = true;
    const job = await response.json();
    renderJob(job);
    return !(job.runtimeStatus === 'Completed' || job.runtimeStatus === 'Failed' || job.runtimeStatus === 'Terminated');
  } catch (e) {
    error.textContent = 'Job unavailable: the health monitor cannot be reached.';
    error.hidden = false;
    return true;
  }
}

// ---------- routing ----------

function stopTimers() {
  clearInterval(state.jobsTimer);
  clearTimeout(state.jobTimer);
}

function route() {
  stopTimers();
  const match = location.pathname.match(/^\/jobs\/([^/]+)\/?$/);
  $('home').hidden = !!match;
  $('job').hidden = !match;
  if (match) {
    const id = decodeURIComponent(match[1]);
    $('job-detail').replaceChildren(el('div', { class: 'empty' }, 'Loading job…'));
    const poll = async () => {
      if (await loadJob(id)) state.jobTimer = setTimeout(poll, JOB_REFRESH_MS);
    };
    poll();
  } else {
    document.title = 'Code Agent · Dashboard';
    if (state.overall) renderOverall(state.overall);
    loadJobs();
    state.jobsTimer = setInterval(loadJobs, JOBS_REFRESH_MS);
  }
}

document.addEventListener('click', (e) => {
  const link = e.target.closest('a[data-link]');
  if (!link || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
  e.preventDefault();
  history.pushState({}, '', link.getAttribute('href'));
  route();
  window.scrollTo(0, 0);
});
window.addEventListener('popstate', route);

connectEvents();
loadServices();
loadRestarts();
setInterval(loadServices, SERVICES_REFRESH_MS);
loadHistory();
setInterval(loadHistory, HISTORY_REFRESH_MS);
route();
