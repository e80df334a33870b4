// The chain at a glance: gateway -> TWS -> IB's servers -> trading, from /api/v1/status and the health groups.
import { getJson, problemText } from './api.js';
import { $, badge, el, fillDetails, relative, setTone, time } from './dom.js';

export async function loadChain() {
  const [status, liveness, readiness, trading] = await Promise.all([
    getJson('/api/v1/status'),
    getJson('/actuator/health/liveness'),
    getJson('/actuator/health/readiness'),
    getJson('/actuator/health/trading'),
  ]);
  return { status, liveness, readiness, trading };
}

const TWS_TONES = { READY: 'ok', DEGRADED: 'warn', SYNCING: 'warn', CONNECTING: 'warn', DISCONNECTED: 'bad' };
const TWS_WORDS = {
  READY: 'connected, synced',
  DEGRADED: 'up, but TWS lost IB servers',
  SYNCING: 'syncing',
  CONNECTING: 'connecting',
  DISCONNECTED: 'disconnected',
};
const IB_TONES = { OK: 'ok', MAINTENANCE: 'warn', OUTAGE: 'bad', UNKNOWN: 'unknown' };
const HEALTH_TONES = { UP: 'ok', MAINTENANCE: 'warn', UNKNOWN: 'unknown', DOWN: 'bad', OUT_OF_SERVICE: 'bad' };

export function healthTone(status) {
  return HEALTH_TONES[status] || 'unknown';
}

function link(id, tone, state, words) {
  const node = $(id);
  setTone(node, tone);
  node.dataset.state = state;
  node.querySelector('.state').textContent = words;
}

export function renderChain({ status, liveness, readiness, trading }) {
  const live = liveness.body && liveness.body.status;
  link('link-gateway', liveness.status === 0 ? 'bad' : healthTone(live), live || 'UNREACHABLE',
    liveness.status === 0 ? 'unreachable' : live === 'UP' ? 'up' : live || '?');
  const tradingStatus = trading.body && trading.body.status;
  // the trading group answers 503 for anything but UP: UNKNOWN there means "not safe", not "no idea"
  const tradingTone = tradingStatus === 'UP' ? 'ok' : tradingStatus === 'MAINTENANCE' ? 'warn' : 'bad';
  link('link-trading', tradingTone, tradingStatus || 'UNKNOWN',
    tradingStatus === 'UP' ? 'safe to trade' : tradingStatus ? 'not safe: ' + tradingStatus : '?');
  renderHealth(status.body, readiness, trading);
  if (!status.ok) {
    link('link-tws', 'unknown', 'UNKNOWN', '?');
    link('link-ib', 'unknown', 'UNKNOWN', '?');
    fillDetails($('tws-details'), [['Status', problemText(status)]]);
    return;
  }
  const s = status.body;
  const mode = $('mode');
  mode.textContent = s.simulated ? 'SIMULATOR: not real data' : 'TWS: ' + s.tws.host + ':' + s.tws.port;
  setTone(mode, s.simulated ? 'warn' : 'ok');
  const tws = s.tws;
  link('link-tws', TWS_TONES[tws.state] || 'unknown', tws.state, TWS_WORDS[tws.state] || tws.state);
  renderTws(tws);
  renderIb(s.ibStatus, s.traderCheck);
  $('updated').textContent = 'as of ' + time(s.asOf);
}

function renderTws(tws) {
  const farms = Object.entries(tws.farms || {}).sort();
  fillDetails($('tws-details'), [
    ['State', el('span', {}, badge(tws.state, TWS_TONES[tws.state] || 'unknown'), ' since ' + time(tws.stateSince))],
    ['Endpoint', tws.host + ':' + tws.port],
    ['Client id', tws.clientId === tws.configuredClientId ? String(tws.clientId)
      : tws.clientId + ' (configured ' + tws.configuredClientId + ')'],
    ['Server version', tws.serverVersion ?? '– (not connected)'],
    ['Connected since', tws.connectedSince ? time(tws.connectedSince) : '– (not synced)'],
    ['TWS time', tws.twsConnectionTime],
    ['Accounts', (tws.managedAccounts || []).join(', ') || '–'],
    ['Farms', farms.length === 0 ? 'none reported'
      : el('span', {}, ...farms.map(([farm, state]) =>
        badge(farm + ' ' + state, state === 'OK' ? 'ok' : state === 'BROKEN' ? 'bad' : 'unknown')))],
    ['Last error', tws.lastError
      ? tws.lastError.code + ' ' + tws.lastError.message + ' (' + time(tws.lastError.at) + ')' : 'none'],
    ['Reconnects', String(tws.reconnects)],
    ['Next reconnect', tws.nextReconnectAt ? time(tws.nextReconnectAt) + ' (' + relative(tws.nextReconnectAt) + ')'
      : '–'],
    ['Requests pending', String(tws.pendingRequests)],
    ['Subscriptions', String(tws.subscriptions)],
  ]);
}

function renderIb(ib, traderCheck) {
  const checked = traderCheck.enabled;
  link('link-ib', checked ? IB_TONES[ib.state] || 'unknown' : 'off', ib.state,
    (checked ? '' : 'not checked; ') + 'page: ' + ib.state.toLowerCase());
  const words = $('trader-check');
  words.dataset.enabled = String(checked);
  setTone(words, checked ? 'ok' : 'off');
  words.textContent = checked
    ? 'TRADER_CHECK is on: an outage IB reports for the exchanges you trade turns trading health DOWN.'
    : 'TRADER_CHECK=' + traderCheck.value + ': the check of IB\'s status page is OFF. Trading health ignores'
      + ' any outage IB reports (the page says ' + ib.state + ' right now).';
  fillDetails($('ib-details'), [
    ['Check', el('span', {}, badge(ib.status, healthTone(ib.status)), ' ' + (ib.detail || ''))],
    ['Page says', badge(ib.state, IB_TONES[ib.state] || 'unknown')],
    ['Page updated', ib.pageUpdated],
    ['Scraped', ib.scrapedAt ? time(ib.scrapedAt) + ' (' + relative(ib.scrapedAt) + ')' : 'never'],
    ['Scrape error', ib.lastError ? ib.lastError + ' (' + time(ib.lastErrorAt) + ')' : 'none'],
    ['Circuit breaker', ib.circuitBreaker],
  ]);
  renderMessages($('ib-relevant'), ib.relevant, 'none: nothing reported that concerns your exchanges');
  renderMessages($('ib-irrelevant'), ib.irrelevant, 'none');
  $('ib-irrelevant-count').textContent = String(ib.irrelevant.length);
}

const SEVERITY_TONES = { OUTAGE: 'bad', MAINTENANCE: 'warn', NORMAL: 'ok', INFORMATION: 'off', RESOLVED: 'unknown' };

function renderMessages(list, messages, empty) {
  if (messages.length === 0) {
    list.replaceChildren(el('li', { class: 'muted' }, empty));
    return;
  }
  list.replaceChildren(...messages.map((m) => el('li', {},
    badge(m.severity, SEVERITY_TONES[m.severity] || 'unknown'), ' ',
    el('strong', {}, m.title || ''), m.title ? ' ' : '', m.text,
    el('span', { class: 'when' }, m.section + (m.updated || m.created ? ', ' + (m.updated || m.created) : '')))));
}

function occurrenceText(occurrence) {
  return occurrence.name + ': ' + time(occurrence.start) + ' – ' + time(occurrence.end);
}

function renderHealth(s, readiness, trading) {
  const components = (trading.body && trading.body.components) || {};
  const pairs = [];
  if (s && s.maintenance) {
    const { now, next } = s.maintenance;
    pairs.push(['Maintenance now', now ? badge(occurrenceText(now), 'warn') : 'none']);
    pairs.push(['Next maintenance', next ? occurrenceText(next) + ' (' + relative(next.start) + ')' : 'none configured']);
  }
  const readyStatus = (readiness.body && readiness.body.status) || 'UNKNOWN';
  pairs.push(['Readiness', badge(readyStatus, healthTone(readyStatus))]);
  const tradingStatus = (trading.body && trading.body.status) || 'UNKNOWN';
  pairs.push(['Trading health', el('span', {}, badge(tradingStatus, healthTone(tradingStatus)),
    ...Object.entries(components).map(([name, c]) => el('span', {}, ' ', badge(name + ' ' + c.status,
      healthTone(c.status)))))]);
  fillDetails($('health-details'), pairs);
}
