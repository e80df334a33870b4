// Live quotes for the contracts the user adds (by conId, or a description resolved through GET /api/v1/contracts),
// from the stream's quotes:<conId> topics. Each row says what kind of data it shows (live, delayed, frozen) and
// is marked stale when the gateway says no tick came for a while. The list is kept in this tab's sessionStorage.
import { getJson, problemText } from './api.js';
import { contractLabel } from './book.js';
import { $, badge, el, number, time } from './dom.js';

const LIST_ITEM = 'traderGateway.quotes';
const MAX_QUOTES = 20;
const TYPE_TONES = { live: 'ok', delayed: 'warn', frozen: 'off', 'delayed-frozen': 'off' };

const rows = new Map(); // conId -> {contract, row, updates}
let stream = null;

function message(text) {
  const node = $('quote-message');
  node.hidden = !text;
  node.textContent = text || '';
}

function save() {
  sessionStorage.setItem(LIST_ITEM, JSON.stringify([...rows.values()].map((r) => r.contract)));
}

function publish() {
  stream.want('quotes', [...rows.keys()].map((conId) => 'quotes:' + conId));
  $('quotes').dataset.rows = String(rows.size);
}

function add(contract) {
  if (rows.has(contract.conId)) {
    return;
  }
  const remove = el('button', { type: 'button', title: 'stop watching' }, '×');
  const cells = ['bidSize', 'bid', 'ask', 'askSize', 'last', 'lastSize'].map((name) =>
    el('td', { class: 'num', 'data-field': name }, '–'));
  const row = el('tr', { 'data-con-id': contract.conId, 'data-updates': '0', 'data-state': 'waiting' },
    el('td', { title: 'conId ' + contract.conId }, contractLabel(contract) + ' ', el('span', { class: 'muted' },
      contract.secType + (contract.exchange ? ' ' + contract.exchange : ''))),
    ...cells, el('td', { 'data-field': 'type' }, badge('waiting', 'unknown')),
    el('td', { 'data-field': 'updated', class: 'muted' }, 'waiting for the first tick'), el('td', {}, remove));
  remove.addEventListener('click', () => {
    rows.delete(contract.conId);
    row.remove();
    save();
    publish();
  });
  $('quotes').tBodies[0].append(row);
  rows.set(contract.conId, { contract, row, updates: 0 });
  save();
  publish();
}

/** Resolves what the user typed: a conId directly, anything else as a description (the first match). */
async function resolve() {
  const text = $('q-contract').value.trim();
  if (!text) {
    return null;
  }
  if (/^\d+$/.test(text)) {
    const one = await getJson('/api/v1/contracts/' + text);
    return one.ok ? { contract: one.body } : { problem: problemText(one) };
  }
  const params = new URLSearchParams({ symbol: text, secType: $('q-secType').value });
  ['exchange', 'currency'].forEach((name) => {
    const value = $('q-' + name).value.trim();
    if (value) params.set(name, value);
  });
  const found = await getJson('/api/v1/contracts?' + params);
  if (!found.ok) {
    return { problem: problemText(found) };
  }
  const list = found.body.contracts;
  if (list.length === 0) {
    return { problem: 'No contract matches ' + text + ' (' + params.get('secType') + ').' };
  }
  return { contract: list[0], note: list.length > 1 ? list.length + ' contracts match; watching the first.' : '' };
}

export function initQuotes(topics, secTypes) {
  stream = topics;
  $('q-secType').replaceChildren(...secTypes.map((t) => el('option', { value: t, selected: t === 'STK' }, t)));
  $('quote-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (rows.size >= MAX_QUOTES) {
      message('At most ' + MAX_QUOTES + ' quotes at once: remove one first.');
      return;
    }
    const found = await resolve();
    if (!found) return;
    message(found.problem || found.note || '');
    if (found.contract) {
      add(found.contract);
      $('q-contract').value = '';
    }
  });
  stream.on('quote', show);
  try {
    JSON.parse(sessionStorage.getItem(LIST_ITEM) || '[]').forEach(add);
  } catch (e) {
    sessionStorage.removeItem(LIST_ITEM);
  }
  publish();
}

function cell(row, field) {
  return row.querySelector('[data-field="' + field + '"]');
}

/** Sets a cell; a price that moved is coloured by the direction of its last move. */
function setNumber(row, field, value, digits, price) {
  const node = cell(row, field);
  const next = number(value, digits);
  if (node.textContent !== next) {
    const before = Number(node.dataset.value);
    if (price && Number.isFinite(before) && value !== undefined && value !== null) {
      node.classList.remove('up', 'down');
      node.classList.add(Number(value) > before ? 'up' : 'down');
    }
    node.textContent = next;
    node.dataset.value = value ?? '';
  }
}

function show(payload) {
  const conId = Number(String(payload.topic).split(':')[1]);
  const entry = rows.get(conId);
  if (!entry) {
    return; // removed meanwhile
  }
  const { row } = entry;
  const quote = payload.data;
  if (quote && quote.problem) {
    row.dataset.state = 'problem';
    cell(row, 'type').replaceChildren(badge('no data', 'bad'));
    cell(row, 'updated').textContent = quote.problem.title + (quote.problem.detail ? ': ' + quote.problem.detail : '');
    return;
  }
  if (!quote || quote.conId === undefined) {
    return; // the snapshot of a line with no tick yet
  }
  entry.updates += 1;
  row.dataset.updates = String(entry.updates);
  row.dataset.state = quote.stale ? 'stale' : 'fresh';
  row.dataset.type = quote.marketDataType || '';
  row.dataset.last = quote.last ?? '';
  ['bid', 'ask', 'last'].forEach((f) => setNumber(row, f, quote[f], 4, true));
  ['bidSize', 'askSize', 'lastSize'].forEach((f) => setNumber(row, f, quote[f], 0, false));
  const type = quote.marketDataType || 'unknown';
  cell(row, 'type').replaceChildren(badge(type, TYPE_TONES[type] || 'unknown'),
    ...(quote.stale ? [' ', badge('stale', 'bad')] : []));
  cell(row, 'type').title = quote.fallback || '';
  cell(row, 'updated').textContent = quote.lastTickAt ? time(quote.lastTickAt) : '–';
  row.classList.toggle('stale', Boolean(quote.stale));
}
