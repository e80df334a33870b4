// The order blotter: this gateway's orders and today's fills, live from the stream's orders and executions topics.
// orders starts with the open orders (a snapshot), then one event per change of an order; executions starts with
// today's fills, then one event per new or corrected fill and one when its commission joins it. An order the
// table shows as working that a later snapshot no longer lists has ended meanwhile: it is read once by id.
import { getJson } from './api.js';
import { $, badge, el, number, numberCell, time } from './dom.js';

const STATUS_TONES = {
  Filled: 'ok', Submitted: 'warn', PreSubmitted: 'warn', PendingSubmit: 'unknown', PendingCancel: 'unknown',
  Cancelled: 'off', ApiCancelled: 'off', Inactive: 'bad', Rejected: 'bad', UNKNOWN: 'bad', NotFound: 'bad',
};
const DONE = ['Filled', 'Cancelled', 'ApiCancelled', 'Inactive', 'Rejected', 'NotFound'];
const MAX_ROWS = 200;

const orders = new Map(); // key -> {order, row, statuses}
const fills = new Map(); // execId -> row
const symbols = new Map(); // conId -> symbol, for orders that carry only a conId (placed by conId)

export function initBlotter(topics) {
  topics.want('blotter', ['orders', 'executions']);
  topics.on('order', (payload) => {
    if (payload.snapshot) {
      snapshot(payload.data);
    } else if (payload.data && !payload.data.problem) {
      showOrder(payload.data);
    }
  });
  topics.on('execution', (payload) => {
    const data = payload.data || {};
    (payload.snapshot ? data.executions || [] : data.problem ? [] : [data]).forEach(showFill);
  });
}

const keyOf = (o) => (o.id ? 'id-' + o.id : 'perm-' + o.permId);

async function snapshot(data) {
  if (!data || data.problem) {
    return;
  }
  const open = data.orders || [];
  const listed = new Set(open.map(keyOf));
  open.forEach(showOrder);
  for (const { order } of [...orders.values()]) {
    if (!listed.has(keyOf(order)) && !DONE.includes(order.status) && order.id) {
      const answer = await getJson('/api/v1/orders/' + order.id);
      if (answer.ok) showOrder(answer.body);
    }
  }
}

function showOrder(o) {
  const key = keyOf(o);
  let entry = orders.get(key);
  if (!entry) {
    entry = { row: el('tr', { 'data-order-id': o.id || '', 'data-perm-id': o.permId || '' }), statuses: [] };
    orders.set(key, entry);
    $('orders').tBodies[0].prepend(entry.row);
    trim($('orders'), orders, (e) => e.row);
  }
  entry.order = o;
  if (entry.statuses[entry.statuses.length - 1] !== o.status) entry.statuses.push(o.status);
  const row = entry.row;
  row.dataset.status = o.status;
  row.dataset.statuses = entry.statuses.join('>');
  const price = o.orderType + (o.limitPrice != null ? ' ' + number(o.limitPrice) : '')
    + (o.auxPrice != null ? ' / ' + number(o.auxPrice) : '');
  const note = o.rejectReason || o.warning || '';
  row.replaceChildren(
    el('td', { class: 'muted' }, o.updatedAt ? time(o.updatedAt) : '–'), el('td', {}, String(o.id || '–')),
    el('td', {}, o.account), el('td', { 'data-con-id': o.conId }, symbolOf(o)), el('td', {}, o.action),
    numberCell(o.quantity, 0), el('td', {}, price), el('td', {}, o.tif || ''),
    el('td', {}, badge(o.status, STATUS_TONES[o.status] || 'unknown')),
    numberCell(o.filled, 0), numberCell(o.remaining, 0), numberCell(o.avgFillPrice, 4),
    el('td', { class: 'muted', title: note }, (o.ibCode ? o.ibCode + ' ' : '') + note));
  $('orders').dataset.rows = String(orders.size);
}

/** The order's symbol; for an order that names only its conId, the contract's, read once per conId. */
function symbolOf(o) {
  if (o.symbol) {
    return o.symbol;
  }
  if (!symbols.has(o.conId) && o.conId) {
    symbols.set(o.conId, null);
    getJson('/api/v1/contracts/' + o.conId).then((answer) => {
      if (!answer.ok) return;
      symbols.set(o.conId, answer.body.localSymbol || answer.body.symbol);
      document.querySelectorAll('#orders td[data-con-id="' + o.conId + '"]')
        .forEach((td) => (td.textContent = symbols.get(o.conId)));
    });
  }
  return symbols.get(o.conId) || String(o.conId);
}

function showFill(f) {
  let row = fills.get(f.execId);
  if (!row) {
    row = el('tr', { 'data-exec-id': f.execId });
    fills.set(f.execId, row);
    $('fills').tBodies[0].prepend(row);
    trim($('fills'), fills, (r) => r);
  }
  row.dataset.orderId = String(f.orderId);
  row.dataset.commission = f.commission ?? '';
  row.replaceChildren(
    el('td', { class: 'muted' }, f.time), el('td', {}, String(f.orderId)), el('td', {}, f.account),
    el('td', {}, f.symbol), el('td', {}, f.side), numberCell(f.shares, 0), numberCell(f.price, 4),
    el('td', { class: 'num' }, f.commission == null ? 'pending' : number(f.commission) + ' ' + (f.commissionCurrency || '')),
    numberCell(f.realizedPnl, 2, true), el('td', { class: 'muted' }, f.execId));
  $('fills').dataset.rows = String(fills.size);
}

/** Keeps the newest MAX_ROWS rows of a table (the oldest are at the bottom). */
function trim(table, map, rowOf) {
  while (map.size > MAX_ROWS) {
    const [oldest] = [...map.entries()].find(([, v]) => rowOf(v) === table.tBodies[0].lastElementChild) || [];
    if (oldest === undefined) return;
    rowOf(map.get(oldest)).remove();
    map.delete(oldest);
  }
}
