// Wires the console: the API key form, the feeds (polling today, see live.js) and the panels.
import { apiKey, onKeyRejected } from './api.js';
import { initBook, loadBook, renderBook } from './book.js';
import { loadChain, renderChain } from './chain.js';
import { chartContract, initChart, showHistory } from './chart.js';
import { $, el } from './dom.js';
import { describeFeeds, pollingFeed, refreshAll } from './live.js';

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

initKey();
initChart();
const book = pollingFeed('accounts, positions, portfolio', loadBook, 5000);
initBook(() => book.refresh());
pollingFeed('chain and health', loadChain, 2000).subscribe(renderChain).start();
book.subscribe((data) => renderBook(data, chartContract)).start();
$('live-feeds').replaceChildren(...describeFeeds().map((text) => el('li', {}, text)));
showHistory();
