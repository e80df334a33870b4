// The book: accounts, summary values, positions of every account and the selected account's portfolio.
import { getJson, problemText } from './api.js';
import { $, badge, el, fillDetails, number, numberCell, time } from './dom.js';

let selected = '';

/** The account picked in the book (its summary, portfolio and PnL are shown). */
export const selectedAccount = () => selected;

export async function loadBook() {
  const accounts = await getJson('/api/v1/accounts');
  const ids = accounts.ok ? accounts.body.accounts.map((a) => a.accountId) : [];
  if (!ids.includes(selected)) {
    selected = ids[0] || '';
  }
  const account = encodeURIComponent(selected);
  const [positions, summary, portfolio] = await Promise.all([
    getJson('/api/v1/positions'),
    selected ? getJson('/api/v1/accounts/' + account + '/summary') : null,
    selected ? getJson('/api/v1/accounts/' + account + '/portfolio') : null,
  ]);
  return { accounts, positions, summary, portfolio };
}

/** Wires the account picker: changing it calls onChange (the feed reloads). */
export function initBook(onChange) {
  $('account').addEventListener('change', (event) => {
    selected = event.target.value;
    onChange();
  });
}

export function contractLabel(c) {
  const parts = [c.localSymbol && c.localSymbol !== c.symbol ? c.localSymbol : c.symbol];
  if (c.expiry) parts.push(c.expiry);
  if (c.strike) parts.push(c.strike + (c.right || ''));
  return parts.join(' ');
}

function freshness(id, response) {
  const node = $(id);
  if (!response || !response.ok) {
    node.replaceChildren();
    node.dataset.stale = '';
    return;
  }
  const b = response.body;
  node.dataset.stale = String(b.stale);
  node.dataset.resyncing = String(b.resyncing);
  node.replaceChildren(
    el('span', { class: 'muted' }, 'as of ' + time(b.asOf)),
    b.stale ? badge('stale: not kept current right now', 'warn') : badge('live', 'ok'),
    ...(b.resyncing ? [badge('resyncing', 'warn')] : []),
  );
}

function showMessage(text) {
  const node = $('book-message');
  node.hidden = !text;
  node.textContent = text || '';
}

export function renderBook({ accounts, positions, summary, portfolio }, onPick) {
  const failed = [accounts, positions, summary, portfolio].find((r) => r && !r.ok);
  showMessage(failed ? problemText(failed) : '');
  if (accounts.ok) {
    const picker = $('account');
    const ids = accounts.body.accounts.map((a) => a.accountId);
    if ([...picker.options].map((o) => o.value).join() !== ids.join()) {
      picker.replaceChildren(...accounts.body.accounts.map((a) =>
        el('option', { value: a.accountId }, a.accountId + (a.baseCurrency ? ' (' + a.baseCurrency + ')' : ''))));
    }
    picker.value = selected;
  }
  freshness('positions-freshness', positions);
  if (positions.ok) {
    renderRows($('positions'), positions.body.positions, onPick, (p) => [
      el('td', {}, p.accountId), el('td', {}, contractLabel(p.contract)), el('td', {}, p.contract.secType),
      numberCell(p.position, 0, true), numberCell(p.averageCost, 4), el('td', {}, p.currency)]);
  }
  freshness('summary-freshness', summary);
  if (summary && summary.ok) {
    const s = summary.body;
    const money = (m) => (m ? number(m.amount) + ' ' + m.currency : '–');
    fillDetails($('summary'), [
      ['Account', s.accountId + (s.accountType ? ' (' + s.accountType + ')' : '')],
      ['Net liquidation', money(s.netLiquidation)], ['Total cash', money(s.totalCash)],
      ['Buying power', money(s.buyingPower)], ['Available funds', money(s.availableFunds)],
      ['Excess liquidity', money(s.excessLiquidity)], ['Gross positions', money(s.grossPositionValue)],
      ['Initial margin', money(s.initialMargin)], ['Maintenance margin', money(s.maintenanceMargin)],
    ]);
  }
  freshness('portfolio-freshness', portfolio);
  if (portfolio && portfolio.ok) {
    const table = $('portfolio');
    renderRows(table, portfolio.body.rows, onPick, (r) => [
      el('td', {}, contractLabel(r.contract)), el('td', {}, r.contract.secType), numberCell(r.position, 0, true),
      numberCell(r.marketPrice, 4), numberCell(r.marketValue), numberCell(r.averageCost, 4),
      numberCell(r.unrealizedPnl, 2, true), numberCell(r.realizedPnl, 2, true), el('td', {}, r.currency)]);
    table.tFoot.replaceChildren(...portfolio.body.totals.map((t) => el('tr', {},
      el('td', { colspan: 4 }, 'Total ' + t.currency), numberCell(t.marketValue), el('td'),
      numberCell(t.unrealizedPnl, 2, true), numberCell(t.realizedPnl, 2, true), el('td', {}, t.currency))));
  }
}

function renderRows(table, items, onPick, cells) {
  const body = table.tBodies[0];
  body.replaceChildren(...items.map((item) => {
    const row = el('tr', { 'data-con-id': item.contract.conId, title: 'chart ' + contractLabel(item.contract) },
      ...cells(item));
    row.addEventListener('click', () => onPick(item.contract));
    return row;
  }));
  table.dataset.rows = String(items.length);
}
