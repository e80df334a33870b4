// Wires the console: the API key form, the feeds (polling and the event stream, see live.js) and the panels.
import { apiKey, onKeyRejected } from './api.js';
import { initBook, loadBook, renderBook, selectedAccount } from './book.js';
import { loadChain, renderChain } from './chain.js';
import { BAR_SIZES, SEC_TYPES, WHAT_TO_SHOW, chartContract, initChart, showHistory } from './chart.js';
import { initBlotter } from './blotter.js';
import { $, el, setTone } from './dom.js';
import { initJobs, loadJobs, renderJobs } from './jobs.js';
import { describeFeeds, pollingFeed, refreshAll, topicStream } from './live.js';
import { followPnl, initPnl } from './pnl.js';
import { initQuotes } from './quotes.js';

function notice(text) {
  const node = $('notice');
  node.hidden = !text;
  node.textContent = text || '';
}

function showKeyState() {
  $('key-state').textContent = apiKey.get() ? 'key set for this tab' : 'no key';
}

function initKey() {
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('key-input');
    apiKey.set(input.value.trim());
    input.value = '';
    notice('');
    delete document.body.dataset.keyNeeded;
    showKeyState();
    refreshAll();
    showHistory();
  });
  $('key-forget').addEventListener('click', () => {
    apiKey.set('');
    showKeyState();
    refreshAll();
  });
  onKeyRejected(() => {
    notice(apiKey.get()
      ? 'The gateway does not accept this API key: enter another one above.'
      : 'This gateway needs an API key: enter it above (it is kept in this browser tab only).');
    document.body.dataset.keyNeeded = 'true';
  });
  showKeyState();
}

function showFeeds() {
  $('live-feeds').replaceChildren(...describeFeeds().map((text) => el('li', {}, text)));
}

initKey();
initChart();
/** A stream's state on its badge and its section (tables dim while it is down). */
const showState = (badgeId, sectionId) => (text, tone) => {
  const badge = $(badgeId);
  badge.textContent = 'stream: ' + text;
  setTone(badge, tone);
  $(sectionId).dataset.stream = tone;
  showFeeds();
};
const stream = topicStream('quotes and PnL').onState(showState('stream-state', 'live'));
// the blotter's topics never change, so its own stream only ever resumes (Last-Event-ID), never restarts
initBlotter(topicStream('orders and fills').onState(showState('blotter-state', 'blotter')));
initQuotes(stream, SEC_TYPES);
initPnl(stream);
const book = pollingFeed('accounts, positions, portfolio', loadBook, 5000);
initBook(() => book.refresh());
pollingFeed('chain and health', loadChain, 2000).subscribe(renderChain).start();
book.subscribe((data) => {
  renderBook(data, chartContract);
  if (data.positions.ok) followPnl(selectedAccount(), data.positions.body.positions);
}).start();
const jobs = pollingFeed('history jobs (each running one also streams its progress)', loadJobs, 5000);
initJobs(BAR_SIZES, WHAT_TO_SHOW, () => jobs.refresh());
jobs.subscribe(renderJobs).start();
showFeeds();
showHistory();
