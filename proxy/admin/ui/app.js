// sluice operator view. Plain JavaScript, no dependencies, no external
// fetches: it talks only to the admin API next to it (live mode) or reads
// the snapshot embedded in the page (report mode, written by
// `sluice replay -report`). Text from the API is inserted with textContent,
// never as markup.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const ACTIONS = ['allow', 'degrade', 'throttle', 'block'];
const TOKEN_KEY = 'sluice-admin-token';
const snapEl = document.getElementById('snapshot');
const snapshot = snapEl ? JSON.parse(snapEl.textContent) : null;

const state = { sort: 'score', selected: '', timer: 0, busy: false, lastDetail: null };

function $(id) { return document.getElementById(id); }

// el builds an element: el('td', {class: 'num'}, 'text', child, ...).
function el(tag, attrs, ...kids) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) n.addEventListener(k.slice(2), v); else n.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of kids) if (c !== null && c !== undefined) n.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return n;
}

function svg(tag, attrs, ...kids) {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
  for (const c of kids) n.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return n;
}

function fmtInt(n) { return Math.round(n).toLocaleString('en-US'); }
function fmtTime(s) {
  if (!s) return '';
  const d = new Date(s);
  if (isNaN(d) || d.getUTCFullYear() < 1971) return '';
  return d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}
function actionBadge(a, id) { return el('span', { class: 'action ' + a, id }, a); }

function toast(msg, err) {
  const t = $('toast');
  t.textContent = msg;
  t.className = err ? 'err' : '';
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 4000);
}

class AuthError extends Error {}

// api fetches from the admin API, or answers from the snapshot in report mode.
async function api(method, path, body) {
  if (snapshot) return fromSnapshot(path);
  const headers = { Accept: 'application/json' };
  const tok = sessionStorage.getItem(TOKEN_KEY);
  if (tok) headers.Authorization = 'Bearer ' + tok;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch('../admin/' + path, {
    method, headers, cache: 'no-store', credentials: 'omit',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 401) {
    showToken(tok ? 'That token was refused. Enter the admin token.' : 'The admin API needs its bearer token.');
    throw new AuthError('unauthorized');
  }
  const j = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(j.error || ('HTTP ' + res.status));
  return j;
}

function fromSnapshot(path) {
  const [p, q] = path.split('?');
  const parts = p.split('/');
  if (parts[0] === 'clusters' && parts.length === 1) {
    const sort = new URLSearchParams(q || '').get('sort') || 'score';
    const cs = snapshot.clusters.slice();
    if (sort === 'volume') cs.sort((a, b) => b.requests - a.requests || (a.id < b.id ? -1 : 1));
    return { now: snapshot.now, sort, clusters: cs };
  }
  if (parts[0] === 'clusters') {
    const d = snapshot.details[parts[1]];
    if (!d) throw new Error('this report holds the detail of the top ' + Object.keys(snapshot.details).length + ' clusters only');
    return d;
  }
  if (parts[0] === 'accounts') {
    return snapshot.accounts[parts[1]] || { id: parts[1], known: false };
  }
  throw new Error('not in the report: ' + path);
}

function showToken(msg) {
  $('token-msg').textContent = msg + ' It is kept in this tab only (session storage) and sent as an Authorization header.';
  $('token-panel').hidden = false;
  $('token').focus();
}

// confirmAction shows the confirmation dialog and resolves true on confirm.
function confirmAction(text) {
  return new Promise((resolve) => {
    const d = $('confirm');
    $('confirm-text').textContent = text;
    d.returnValue = '';
    d.addEventListener('close', () => resolve(d.returnValue === 'ok'), { once: true });
    d.showModal();
  });
}

// sparkline draws a series of counts as an inline SVG polyline.
function sparkline(values) {
  const w = 120, h = 24, n = values.length;
  const s = svg('svg', { class: 'spark', viewBox: `0 0 ${w} ${h}`, 'aria-hidden': 'true' });
  if (!n) return s;
  const max = Math.max(1, ...values);
  const pts = values.map((v, i) => `${(i * w / Math.max(1, n - 1)).toFixed(1)},${(h - 1 - (v / max) * (h - 3)).toFixed(1)}`);
  s.append(svg('polygon', { points: `0,${h} ${pts.join(' ')} ${w},${h}` }));
  s.append(svg('polyline', { points: pts.join(' ') }));
  s.append(svg('title', {}, `peak ${max} requests/min`));
  return s;
}

function scoreCell(v) {
  const fill = el('span');
  fill.style.width = Math.round(v * 100) + '%'; // CSSOM, allowed by the page's CSP
  const bar = el('span', { class: 'bar' }, fill);
  return el('span', { class: 'score' }, bar, v.toFixed(2));
}

function evidenceChips(evs) {
  const d = el('div', { class: 'chips evidence' });
  for (const e of evs) d.append(el('span', { class: 'chip', title: `${e.id}: ${e.kind}, heat ${e.heat}, ~${Math.round(e.accounts)} accounts` }, `${e.kind} ${e.heat.toFixed(2)}`));
  return d;
}

function reasonChips(rs, limit) {
  const d = el('div', { class: 'chips' });
  (rs || []).slice(0, limit || 99).forEach((r) => d.append(el('span', { class: 'chip reason' }, r)));
  if (limit && rs && rs.length > limit) d.append(el('span', { class: 'muted' }, `+${rs.length - limit}`));
  return d;
}

async function loadList() {
  const j = await api('GET', `clusters?sort=${state.sort}&limit=50`);
  $('clock').textContent = (snapshot ? 'state at ' : 'now ') + fmtTime(j.now);
  const tb = $('clusters').tBodies[0];
  const rows = j.clusters.map((c) => {
    const act = el('td', {}, actionBadge(c.action));
    if (c.override) act.append(el('span', { class: 'ovr', title: 'operator override until ' + fmtTime(c.override.until) }, 'override: ' + c.override.action));
    const tr = el('tr', { 'data-cluster': c.id, class: c.id === state.selected ? 'sel' : null, onclick: () => select(c.id) },
      el('td', {}, el('code', {}, c.id)),
      el('td', { class: 'num' }, fmtInt(c.accounts)),
      el('td', { class: 'num' }, fmtInt(c.requests)),
      el('td', { class: 'num' }, fmtInt(c.tokens)),
      el('td', {}, sparkline(c.volume)),
      el('td', {}, scoreCell(c.score)),
      act,
      el('td', {}, evidenceChips(c.evidence)),
      el('td', {}, reasonChips(c.reasons, 4)),
      el('td', { class: 'muted' }, fmtTime(c.first_seen)));
    return tr;
  });
  tb.replaceChildren(...rows);
  $('count').textContent = `(${j.clusters.length}, by ${j.sort})`;
  $('empty').hidden = j.clusters.length > 0;
}

function actionsChart(series) {
  const s = $('actions-chart');
  const W = 600, H = 160, L = 34, B = 18, T = 8;
  const n = series.length || 1, bw = (W - L - 4) / n;
  const max = Math.max(1, ...series.map((p) => p.requests));
  const kids = [svg('line', { class: 'axis', x1: L, y1: H - B, x2: W, y2: H - B }),
    svg('line', { class: 'axis', x1: L, y1: T, x2: L, y2: H - B }),
    svg('text', { x: L - 4, y: T + 8, 'text-anchor': 'end' }, max),
    svg('text', { x: L - 4, y: H - B, 'text-anchor': 'end' }, 0)];
  series.forEach((p, i) => {
    let y = H - B;
    for (const a of ACTIONS) {
      const v = (p.actions && p.actions[a]) || 0;
      if (!v) continue;
      const h = v / max * (H - B - T);
      y -= h;
      kids.push(svg('rect', { class: a, x: (L + 2 + i * bw).toFixed(1), y: y.toFixed(1), width: Math.max(1, bw - 1).toFixed(1), height: h.toFixed(1) },
        svg('title', {}, `${fmtTime(p.minute)}: ${v} ${a}`)));
    }
  });
  if (series.length) {
    kids.push(svg('text', { x: L + 2, y: H - 4 }, fmtTime(series[0].minute).slice(11, 16)));
    kids.push(svg('text', { x: W - 2, y: H - 4, 'text-anchor': 'end' }, fmtTime(series[series.length - 1].minute).slice(11, 16)));
  }
  s.replaceChildren(...kids);
}

// graph draws evidence nodes on an inner ring and member accounts on an
// outer ring, each member placed near the evidence it links to.
function graph(d) {
  const s = $('graph');
  const W = 600, H = 420, cx = W / 2, cy = H / 2;
  const evs = d.all_evidence.slice(0, 12);
  const evIdx = new Map(evs.map((e, i) => [e.id, i]));
  const byMember = new Map();
  for (const l of d.links) {
    if (!evIdx.has(l.evidence)) continue;
    if (!byMember.has(l.account)) byMember.set(l.account, []);
    byMember.get(l.account).push(evIdx.get(l.evidence));
  }
  const members = d.members.slice(0, 160);
  members.sort((a, b) => ((byMember.get(a.id) || [99])[0] - (byMember.get(b.id) || [99])[0]) || (a.id < b.id ? -1 : 1));
  const r1 = evs.length > 1 ? 70 : 0, r2 = 185;
  const evPos = evs.map((e, i) => {
    const t = (i / Math.max(1, evs.length)) * 2 * Math.PI - Math.PI / 2;
    return [cx + r1 * Math.cos(t), cy + r1 * Math.sin(t)];
  });
  const lines = [], dots = [], labels = [];
  members.forEach((m, i) => {
    const t = (i / Math.max(1, members.length)) * 2 * Math.PI - Math.PI / 2;
    const r = r2 - (i % 2) * 14;
    const x = cx + r * Math.cos(t), y = cy + r * 0.95 * Math.sin(t);
    for (const k of byMember.get(m.id) || []) {
      lines.push(svg('line', { x1: x.toFixed(1), y1: y.toFixed(1), x2: evPos[k][0].toFixed(1), y2: evPos[k][1].toFixed(1) }));
    }
    const c = svg('circle', { class: 'member' + (m.allow_listed ? ' allowed' : ''), cx: x.toFixed(1), cy: y.toFixed(1), r: 4, 'data-account': m.id },
      svg('title', {}, m.id + (m.allow_listed ? ' (allow-listed)' : '')));
    c.addEventListener('click', () => showAccount(m.id));
    dots.push(c);
  });
  evs.forEach((e, i) => {
    const [x, y] = evPos[i];
    dots.push(svg('circle', { class: 'evidence', cx: x.toFixed(1), cy: y.toFixed(1), r: (8 + 10 * e.heat).toFixed(1), 'data-evidence': e.id },
      svg('title', {}, `${e.id}: ${e.kind}, heat ${e.heat}, ~${Math.round(e.accounts)} accounts`)));
    labels.push(svg('text', { class: 'evlabel', x: x.toFixed(1), y: (y + 22 + 10 * e.heat).toFixed(1), 'text-anchor': 'middle' }, e.kind));
  });
  if (d.members.length > members.length) {
    labels.push(svg('text', { x: 6, y: H - 6 }, `${members.length} of ${d.members.length} members drawn`));
  }
  s.replaceChildren(...lines, ...dots, ...labels);
}

async function showAccount(id) {
  const p = $('account-panel');
  try {
    const a = await api('GET', 'accounts/' + id);
    p.replaceChildren(el('strong', {}, a.id), ' ',
      a.known ? `cluster ${a.cluster} · first seen ${fmtTime(a.first_seen)} · last seen ${fmtTime(a.last_seen)} · requests (decayed) ${a.requests_decayed} · harvest mean ${a.harvest_mean} · strong ${a.strong_decayed} · cluster heat ${a.cluster_heat}` : 'not in the engine\'s state',
      a.allow_listed ? ' · allow-listed' : '');
    p.hidden = false;
  } catch (e) {
    if (!(e instanceof AuthError)) toast(e.message, true);
  }
}

function renderDetail(d) {
  state.lastDetail = d;
  $('detail').hidden = false;
  $('detail-id').textContent = d.id;
  const act = $('detail-action');
  act.textContent = d.action;
  act.className = 'action ' + d.action;
  $('detail-score').textContent = d.score.toFixed(3);
  $('detail-accounts').textContent = fmtInt(d.accounts);
  $('detail-requests').textContent = fmtInt(d.requests);
  $('detail-tokens').textContent = fmtInt(d.tokens);
  $('detail-first').textContent = fmtTime(d.first_seen);
  $('detail-last').textContent = fmtTime(d.last_seen);
  $('detail-override').textContent = d.override ? `${d.override.action} until ${fmtTime(d.override.until)}` : 'none';
  $('override-clear').hidden = !d.override;
  $('detail-reasons').replaceChildren(...reasonChips(d.reasons).childNodes);
  actionsChart(d.series);
  graph(d);
  const linked = new Map();
  const memberEv = new Map();
  for (const l of d.links) {
    linked.set(l.evidence, (linked.get(l.evidence) || 0) + 1);
    if (!memberEv.has(l.account)) memberEv.set(l.account, []);
    memberEv.get(l.account).push(l.evidence);
  }
  const kind = new Map(d.all_evidence.map((e) => [e.id, e.kind]));
  $('evidence-table').tBodies[0].replaceChildren(...d.all_evidence.map((e) => el('tr', { 'data-evidence': e.id },
    el('td', {}, el('code', {}, e.id)), el('td', {}, e.kind), el('td', { class: 'num' }, e.heat.toFixed(3)),
    el('td', { class: 'num' }, fmtInt(e.accounts)), el('td', { class: 'num' }, linked.get(e.id) || 0), el('td', { class: 'muted' }, fmtTime(e.last_seen)))));
  $('members-count').textContent = d.members.length < d.accounts ? `(${d.members.length} listed of ${fmtInt(d.accounts)})` : `(${d.members.length})`;
  $('members-table').tBodies[0].replaceChildren(...d.members.map((m) => el('tr', { 'data-account': m.id },
    el('td', {}, el('a', { href: '#' + d.id, class: 'id', onclick: (ev) => { ev.preventDefault(); showAccount(m.id); } }, m.id)),
    el('td', {}, (memberEv.get(m.id) || []).map((e) => `${kind.get(e) || ''} ${e.slice(0, 8)}`).join(', ')),
    el('td', {}, m.allow_listed ? 'yes' : 'no'),
    el('td', { class: 'live-only' }, el('button', { type: 'button', class: 'small allow-btn', onclick: () => allowList(m.id, !m.allow_listed) },
      m.allow_listed ? 'remove from allow-list…' : 'allow-list…')))));
}

async function loadDetail() {
  if (!state.selected) return;
  try {
    renderDetail(await api('GET', 'clusters/' + state.selected));
  } catch (e) {
    if (e instanceof AuthError) return;
    toast(e.message, true);
    if (snapshot) closeDetail();
  }
}

function select(id) {
  state.selected = id;
  history.replaceState(null, '', '#' + id);
  for (const tr of $('clusters').tBodies[0].rows) tr.classList.toggle('sel', tr.dataset.cluster === id);
  $('account-panel').hidden = true;
  loadDetail();
}

function closeDetail() {
  state.selected = '';
  history.replaceState(null, '', '#');
  $('detail').hidden = true;
}

async function override() {
  const id = state.selected, action = $('override-action').value, ttl = $('override-ttl').value;
  const ttlText = $('override-ttl').selectedOptions[0].textContent;
  if (!await confirmAction(`Override cluster ${id}: ${action} every request of its ${state.lastDetail ? state.lastDetail.accounts : ''} accounts for ${ttlText}? The change is written to the decision log.`)) return;
  try {
    await api('PUT', `clusters/${id}/override`, { action, ttl });
    toast(`override set: ${action} for ${ttlText}`);
  } catch (e) {
    if (!(e instanceof AuthError)) toast(e.message, true);
  }
  refresh();
}

async function clearOverride() {
  const id = state.selected;
  if (!await confirmAction(`Clear the override of cluster ${id}? sluice decides its requests again.`)) return;
  try {
    await api('DELETE', `clusters/${id}/override`);
    toast('override cleared');
  } catch (e) {
    if (!(e instanceof AuthError)) toast(e.message, true);
  }
  refresh();
}

async function allowList(account, on) {
  const q = on ? `Allow-list account ${account}? Its requests are always allowed until removed.` : `Remove account ${account} from the allow-list?`;
  if (!await confirmAction(q + ' The change is written to the decision log.')) return;
  try {
    await api(on ? 'PUT' : 'DELETE', `accounts/${account}/allow`);
    toast(on ? 'account allow-listed' : 'account removed from the allow-list');
  } catch (e) {
    if (!(e instanceof AuthError)) toast(e.message, true);
  }
  refresh();
}

async function refresh() {
  if (state.busy || $('confirm').open) return;
  state.busy = true;
  try {
    await loadList();
    await loadDetail();
    $('token-panel').hidden = true;
    if (!snapshot) { $('mode').textContent = 'live'; $('mode').className = 'mode'; }
  } catch (e) {
    if (!(e instanceof AuthError)) {
      $('mode').textContent = 'error: ' + e.message;
      $('mode').className = 'mode error';
    }
  } finally {
    state.busy = false;
  }
}

function schedule() {
  clearInterval(state.timer);
  if (!snapshot && $('live').checked) state.timer = setInterval(refresh, 2000);
}

function summary() {
  if (!snapshot) return;
  const s = $('summary');
  const kids = [el('h2', {}, snapshot.title || 'replay report'),
    el('p', { class: 'muted' }, `What sluice would have done, with the engine's state at the end of the replay (${fmtTime(snapshot.now)}). Read-only: controls act on a live admin listener only.`)];
  if (snapshot.totals) {
    const c = el('div', { class: 'chips' });
    for (const t of snapshot.totals) c.append(el('span', { class: 'chip reason' }, `${t.name} ${fmtInt(t.n)}`));
    kids.push(c);
  }
  s.replaceChildren(...kids);
  s.hidden = false;
}

function init() {
  if (snapshot) {
    document.body.classList.add('report');
    $('mode').textContent = 'report';
    $('mode').className = 'mode report';
    summary();
  }
  $('sort').addEventListener('change', () => { state.sort = $('sort').value; refresh(); });
  $('live').addEventListener('change', schedule);
  $('token-btn').addEventListener('click', () => showToken('Enter the admin token.'));
  $('token-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const t = $('token').value.trim();
    if (t) sessionStorage.setItem(TOKEN_KEY, t); else sessionStorage.removeItem(TOKEN_KEY);
    $('token').value = '';
    refresh();
  });
  $('detail-close').addEventListener('click', closeDetail);
  $('override-btn').addEventListener('click', override);
  $('override-clear').addEventListener('click', clearOverride);
  const h = location.hash.slice(1);
  if (/^c_[0-9a-f]{16}$/.test(h)) state.selected = h;
  refresh();
  schedule();
}

init();
