// Streamed profit and loss of the account picked in the book: the account's (topic pnl:<account>) and each of
// its positions' (pnl:<account>:<conId>), as TWS reports them through the gateway's stream.
import { contractLabel } from './book.js';
import { $, el, fillDetails, number, numberCell, time } from './dom.js';

const MAX_POSITIONS = 25; // the stream takes 50 topics: room for quotes and orders beside these

let stream = null;
let account = '';
let positions = new Map(); // conId -> position (from the book)
const rows = new Map(); // conId -> row

export function initPnl(topics) {
  stream = topics;
  stream.on('pnl', show);
}

/** The book's account and its positions, on every refresh of the book; the topics change only when they do. */
export function followPnl(accountId, allPositions) {
  const mine = allPositions.filter((p) => p.accountId === accountId && Number(p.position) !== 0)
    .slice(0, MAX_POSITIONS);
  const next = new Map(mine.map((p) => [p.contract.conId, p]));
  const changed = accountId !== account || [...next.keys()].join() !== [...positions.keys()].join();
  positions = next;
  if (!changed) {
    return;
  }
  account = accountId;
  $('pnl-account').textContent = account ? 'of ' + account : '';
  fillDetails($('pnl-summary'), [['Account', account ? 'waiting for TWS' : 'no account']]);
  $('pnl-summary').dataset.state = 'waiting';
  rows.clear();
  $('pnl-positions').tBodies[0].replaceChildren(...mine.map((p) => {
    const row = el('tr', { 'data-con-id': p.contract.conId, 'data-state': 'waiting' },
      el('td', {}, contractLabel(p.contract)), numberCell(p.position, 0, true),
      el('td', { class: 'muted', colspan: 5 }, 'waiting for TWS'));
    rows.set(p.contract.conId, row);
    return row;
  }));
  stream.want('pnl', account
    ? ['pnl:' + account, ...mine.map((p) => 'pnl:' + account + ':' + p.contract.conId)] : []);
}

function show(payload) {
  const [, topicAccount, conId] = String(payload.topic).split(':');
  if (topicAccount !== account) {
    return; // an event of the account shown before
  }
  const pnl = payload.data || {};
  if (conId === undefined) {
    showAccount(pnl);
  } else {
    showPosition(Number(conId), pnl);
  }
}

function waitingText(pnl) {
  return pnl.problem ? pnl.problem.title + (pnl.problem.detail ? ': ' + pnl.problem.detail : '')
    : 'waiting for TWS';
}

function showAccount(pnl) {
  const list = $('pnl-summary');
  if (pnl.pending || pnl.problem || pnl.asOf === undefined) {
    list.dataset.state = pnl.problem ? 'problem' : 'waiting';
    fillDetails(list, [['Account', account], ['PnL', waitingText(pnl)]]);
    return;
  }
  list.dataset.state = 'shown';
  list.dataset.daily = pnl.daily ?? '';
  fillDetails(list, [
    ['Account', account],
    ['Daily PnL', tone(pnl.daily)], ['Unrealized PnL', tone(pnl.unrealized)], ['Realized PnL', tone(pnl.realized)],
    ['As of', time(pnl.asOf)],
  ]);
}

function tone(value) {
  const n = Number(value);
  return el('span', { class: value === undefined || value === null ? '' : n > 0 ? 'pos' : n < 0 ? 'neg' : '' },
    number(value));
}

function showPosition(conId, pnl) {
  const row = rows.get(conId);
  if (!row) {
    return;
  }
  const position = positions.get(conId);
  const label = el('td', {}, position ? contractLabel(position.contract) : String(conId));
  if (pnl.pending || pnl.problem || pnl.asOf === undefined) {
    row.dataset.state = pnl.problem ? 'problem' : 'waiting';
    row.replaceChildren(label, numberCell(position && position.position, 0, true),
      el('td', { class: 'muted', colspan: 5 }, waitingText(pnl)));
    return;
  }
  row.dataset.state = 'shown';
  row.replaceChildren(label, numberCell(pnl.position ?? (position && position.position), 0, true),
    numberCell(pnl.daily, 2, true), numberCell(pnl.unrealized, 2, true), numberCell(pnl.realized, 2, true),
    numberCell(pnl.value), el('td', { class: 'muted' }, new Date(pnl.asOf).toLocaleTimeString()));
}
