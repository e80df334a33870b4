// Historical bars as candles and volume (Apache ECharts). Validation is the API's own: a refused request (400
// invalid-bar-size, invalid-duration, ...) is shown as its message and no chart is drawn. The container's
// data-state, data-bar-count (bars drawn) and data-query (the API query) say what is on screen.
import { getJson, problemText } from './api.js';
import { $, el } from './dom.js';

// What GET /api/v1/history accepts (IB's spellings); the API checks the combination against IB's step sizes.
export const SEC_TYPES = ['STK', 'FUT', 'OPT', 'CASH', 'IND', 'FOP', 'WAR', 'BOND', 'CFD', 'CMDTY', 'FUND', 'CRYPTO'];
export const BAR_SIZES = ['1 secs', '5 secs', '10 secs', '15 secs', '30 secs', '1 min', '2 mins', '3 mins', '5 mins',
  '10 mins', '15 mins', '20 mins', '30 mins', '1 hour', '2 hours', '3 hours', '4 hours', '8 hours', '1 day',
  '1 week', '1 month'];
const DURATION_UNITS = [['S', 'seconds'], ['D', 'days'], ['W', 'weeks'], ['M', 'months'], ['Y', 'years']];
export const WHAT_TO_SHOW = ['TRADES', 'MIDPOINT', 'BID', 'ASK', 'BID_ASK', 'ADJUSTED_LAST', 'HISTORICAL_VOLATILITY',
  'OPTION_IMPLIED_VOLATILITY'];
const UP = '#1e8e3e';
const DOWN = '#c5221f';

let chart = null;
let sequence = 0;

function options(select, values, chosen) {
  select.replaceChildren(...values.map((v) => {
    const [value, label] = Array.isArray(v) ? v : [v, v];
    return el('option', { value, selected: value === chosen }, label);
  }));
}

export function initChart() {
  options($('h-secType'), SEC_TYPES, 'STK');
  options($('h-barSize'), BAR_SIZES, '1 hour');
  options($('h-durationUnit'), DURATION_UNITS, 'D');
  options($('h-whatToShow'), WHAT_TO_SHOW, 'TRADES');
  $('history-form').addEventListener('submit', (event) => {
    event.preventDefault();
    showHistory();
  });
  window.addEventListener('resize', () => chart && chart.resize());
}

/** Puts a contract of the book into the form (by conId) and charts it. */
export function chartContract(contract) {
  $('h-contract').value = String(contract.conId);
  $('h-secType').value = contract.secType;
  $('h-exchange').value = contract.exchange || 'SMART';
  $('h-currency').value = contract.currency || '';
  $('h-whatToShow').value = contract.secType === 'CASH' ? 'MIDPOINT' : 'TRADES';
  showHistory();
  $('history').scrollIntoView();
}

function query() {
  const params = new URLSearchParams();
  const contract = $('h-contract').value.trim();
  if (/^\d+$/.test(contract)) {
    params.set('conId', contract);
  } else {
    params.set('symbol', contract);
    params.set('secType', $('h-secType').value);
    ['exchange', 'currency'].forEach((name) => {
      const value = $('h-' + name).value.trim();
      if (value) params.set(name, value);
    });
  }
  params.set('barSize', $('h-barSize').value);
  params.set('duration', $('h-durationCount').value.trim() + ' ' + $('h-durationUnit').value);
  const end = $('h-end').value;
  if (end) {
    // the browser's local time, sent as UTC in whole seconds
    params.set('end', new Date(end).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  }
  params.set('whatToShow', $('h-whatToShow').value);
  params.set('useRth', String($('h-useRth').checked));
  return params.toString();
}

function state(container, name, message) {
  container.dataset.state = name;
  const box = $('chart-message');
  box.hidden = !message;
  box.textContent = message || '';
}

export async function showHistory() {
  const container = $('chart');
  const q = query();
  const mine = ++sequence;
  container.dataset.query = q;
  state(container, 'loading');
  $('chart-caption').textContent = 'loading…';
  const result = await getJson('/api/v1/history?' + q);
  if (mine !== sequence) {
    return; // a newer request was made meanwhile
  }
  if (!result.ok || !result.body || !Array.isArray(result.body.bars)) {
    clear(container);
    state(container, 'error', problemText(result));
    $('chart-caption').textContent = '';
    return;
  }
  if (typeof echarts === 'undefined') {
    clear(container);
    state(container, 'error', 'The chart library did not load (/webjars/echarts/echarts.min.js).');
    return;
  }
  state(container, 'ready');
  draw(container, result.body);
}

function clear(container) {
  if (chart) {
    chart.dispose();
    chart = null;
  }
  container.dataset.barCount = '0';
}

function label(instant, daily) {
  const d = new Date(instant);
  return daily ? d.toLocaleDateString() : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
}

function draw(container, history) {
  const bars = history.bars;
  const daily = /day|week|month/.test(history.barSize);
  const times = bars.map((b) => label(b.time, daily));
  if (!chart) {
    chart = echarts.init(container, null, { renderer: 'canvas' });
  }
  chart.setOption({
    animation: false,
    // richText: the tooltip is drawn on the canvas, so no inline style (the page's CSP allows none)
    tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'cross' } },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [{ left: 70, right: 24, top: 16, height: '60%' }, { left: 70, right: 24, top: '74%', height: '14%' }],
    xAxis: [
      { type: 'category', data: times, boundaryGap: true, axisLine: { onZero: false } },
      { type: 'category', gridIndex: 1, data: times, axisLabel: { show: false }, axisTick: { show: false } },
    ],
    yAxis: [{ scale: true }, { gridIndex: 1, scale: true, splitNumber: 2, axisLabel: { show: false } }],
    dataZoom: [{ type: 'inside', xAxisIndex: [0, 1] }, { type: 'slider', xAxisIndex: [0, 1], bottom: 4, height: 16 }],
    series: [
      {
        name: history.symbol,
        type: 'candlestick',
        data: bars.map((b) => [b.open, b.close, b.low, b.high]),
        itemStyle: { color: UP, color0: DOWN, borderColor: UP, borderColor0: DOWN },
      },
      {
        name: 'Volume',
        type: 'bar',
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: bars.map((b) => ({ value: b.volume ?? 0, itemStyle: { color: b.close >= b.open ? UP : DOWN } })),
      },
    ],
  }, true);
  // what the chart holds, not what was asked for: the test compares it with the API's own answer
  container.dataset.barCount = String(chart.getOption().series[0].data.length);
  $('chart-caption').textContent = history.symbol + ' (' + history.secType + ', ' + history.exchange + ', conId '
    + history.conId + '): ' + bars.length + ' bars of ' + history.barSize + ', ' + history.whatToShow
    + (history.duration ? ', ' + history.duration : '') + (history.useRth ? ', regular hours' : '');
}
