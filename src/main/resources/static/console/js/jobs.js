// Bulk history jobs: the list (GET /api/v1/history/jobs, polled), a progress bar per job that follows each queued
// or running one through its own event stream (GET /api/v1/history/jobs/{id}/events: progress, then end), a form
// that starts a job (POST) and a cancel button (DELETE).
import { callJson, getJson, problemText } from './api.js';
import { $, badge, el, number, time } from './dom.js';
import { follow } from './sse.js';

const MAX_FOLLOWED = 5; // each followed job holds one of the key's streams
const ACTIVE = ['QUEUED', 'RUNNING'];
const STATE_TONES = { QUEUED: 'unknown', RUNNING: 'warn', DONE: 'ok', FAILED: 'bad', CANCELLED: 'off' };

const followers = new Map(); // job id -> follower
const progress = new Map(); // job id -> the latest progress event's data
const rows = new Map(); // job id -> row
const streamed = new Map(); // job id -> events its stream delivered (shown on the row as data-streamed)
let onChange = () => {};
let listFailed = false; // the message shows why the list failed: cleared once it loads again

function message(text, tone = 'bad') {
  const node = $('job-message');
  node.hidden = !text;
  node.className = 'message ' + tone;
  node.textContent = text || '';
}

function day(offset) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

/** The universe typed in the form: numbers are conIds, anything else a US stock symbol on SMART. */
function universe(text) {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const conIds = parts.filter((p) => /^\d+$/.test(p)).map(Number);
  const contracts = parts.filter((p) => !/^\d+$/.test(p))
    .map((symbol) => ({ symbol: symbol.toUpperCase(), secType: 'STK', exchange: 'SMART', currency: 'USD' }));
  return { conIds, contracts };
}

export function loadJobs() {
  return getJson('/api/v1/history/jobs');
}

export function initJobs(barSizes, whatToShow, changed) {
  onChange = changed;
  $('j-barSize').replaceChildren(...barSizes.map((b) => el('option', { value: b, selected: b === '1 hour' }, b)));
  $('j-whatToShow').replaceChildren(...whatToShow.slice(0, 5).map((w) => el('option', { value: w }, w)));
  $('j-start').value = day(-8);
  $('j-end').value = day(-1);
  $('job-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      ...universe($('j-contracts').value),
      barSize: $('j-barSize').value,
      whatToShow: $('j-whatToShow').value,
      useRth: $('j-useRth').checked,
      start: $('j-start').value + 'T00:00:00Z',
      end: $('j-end').value + 'T00:00:00Z',
    };
    const answer = await callJson('/api/v1/history/jobs', 'POST', body);
    if (!answer.ok) {
      message(problemText(answer));
      return;
    }
    listFailed = false;
    message((answer.status === 200 ? 'The same job exists already: ' : 'Job started: ') + answer.body.id, 'ok');
    $('jobs').dataset.lastStarted = answer.body.id;
    track(answer.body); // at once: a short job may be over before the list is read again
    onChange();
  });
}

async function cancel(id) {
  const answer = await callJson('/api/v1/history/jobs/' + encodeURIComponent(id), 'DELETE');
  message(answer.ok ? 'Job ' + id + ' ' + answer.body.state.toLowerCase() : problemText(answer),
    answer.ok ? 'ok' : 'bad');
  onChange();
}

function track(job) {
  if (followers.has(job.id) || followers.size >= MAX_FOLLOWED) {
    return;
  }
  const follower = follow('/api/v1/history/jobs/' + encodeURIComponent(job.id) + '/events', {
    onEvent: (event) => {
      const data = JSON.parse(event.data);
      progress.set(job.id, data);
      streamed.set(job.id, (streamed.get(job.id) || 0) + 1);
      const row = rows.get(job.id);
      if (row) update(row, { ...row.job, ...data });
      if (event.type === 'end') {
        follower.stop();
        followers.delete(job.id);
        onChange();
      }
    },
  }, { resume: false });
  followers.set(job.id, follower);
}

/** The list as polled, with each followed job's latest progress over it (whichever is further along). */
export function renderJobs(result) {
  if (!result.ok) {
    message(problemText(result));
    listFailed = true;
    return;
  }
  if (listFailed) {
    message('');
    listFailed = false;
  }
  const body = $('jobs').tBodies[0];
  const listed = new Set();
  const ordered = result.body.map((job) => {
    listed.add(job.id);
    const live = progress.get(job.id);
    const merged = live && live.requestsDone >= job.requestsDone ? { ...job, ...live } : job;
    let row = rows.get(job.id);
    if (!row) {
      row = newRow(job);
      rows.set(job.id, row);
    }
    row.job = job;
    update(row, merged);
    if (ACTIVE.includes(merged.state)) {
      track(job);
    } else if (followers.has(job.id)) {
      followers.get(job.id).stop(); // its end event was missed: the list says it is over
      followers.delete(job.id);
    }
    return row;
  });
  for (const [id, row] of rows) {
    if (!listed.has(id)) {
      rows.delete(id);
      row.remove();
    }
  }
  body.replaceChildren(...ordered);
  $('jobs').dataset.rows = String(ordered.length);
}

function newRow(job) {
  const cancelButton = el('button', { type: 'button', class: 'cancel' }, 'Cancel');
  cancelButton.addEventListener('click', () => cancel(job.id));
  const what = (job.conIds || []).join(', ') + ': ' + job.barSize + ' ' + job.whatToShow
    + (job.useRth ? ', regular hours' : '');
  return el('tr', { 'data-job-id': job.id },
    el('td', { title: 'job ' + job.id }, what, el('div', { class: 'muted' },
      time(job.start) + ' – ' + time(job.end))),
    el('td', { 'data-field': 'state' }),
    el('td', {}, el('progress', { max: 100, value: 0 }), el('span', { 'data-field': 'percent', class: 'pct' })),
    el('td', { class: 'num', 'data-field': 'requests' }), el('td', { class: 'num', 'data-field': 'bars' }),
    el('td', { 'data-field': 'eta' }), el('td', { class: 'muted' }, time(job.createdAt)),
    el('td', {}, cancelButton));
}

function update(row, job) {
  const field = (name) => row.querySelector('[data-field="' + name + '"]');
  row.dataset.state = job.state;
  row.dataset.streamed = String(streamed.get(job.id) || 0);
  row.dataset.percent = String(job.percent);
  field('state').replaceChildren(badge(job.state, STATE_TONES[job.state] || 'unknown'));
  row.querySelector('progress').value = job.percent;
  field('percent').textContent = number(job.percent, 1) + ' %';
  field('requests').textContent = job.requestsDone + ' / ' + job.requestsTotal;
  field('bars').textContent = number(job.barsStored, 0);
  field('eta').textContent = job.etaSeconds === null || job.etaSeconds === undefined ? '–'
    : job.etaSeconds < 90 ? job.etaSeconds + ' s' : Math.round(job.etaSeconds / 60) + ' min';
  row.querySelector('button.cancel').disabled = !ACTIVE.includes(job.state);
}
