// Server-Sent Events read with fetch(), not EventSource: EventSource can send no header, and the API key must
// travel in X-API-Key, never in a URL. Parses text/event-stream as the HTML standard defines it (event, data, id
// and retry fields; comment lines are the gateway's heartbeats) and reconnects after a drop with Last-Event-ID, so
// the gateway replays what was missed (or sends a reset event and fresh snapshots). Waits between attempts grow
// (doubling, with jitter, up to a ceiling) and honour Retry-After; a refused key stops until the key changes.
import { authHeaders, reportRejected } from './api.js';

/** Splits a growing text buffer into complete lines: [lines, rest]. A line ends at \n, \r\n or \r. */
export function splitLines(buffer) {
  const lines = [];
  let start = 0;
  for (let i = 0; i < buffer.length; i++) {
    const c = buffer[i];
    if (c !== '\n' && c !== '\r') {
      continue;
    }
    if (c === '\r' && i + 1 === buffer.length) {
      break; // may be the first half of \r\n: wait for the next chunk
    }
    lines.push(buffer.slice(start, i));
    if (c === '\r' && buffer[i + 1] === '\n') {
      i++;
    }
    start = i + 1;
  }
  return [lines, buffer.slice(start)];
}

/**
 * A text/event-stream parser fed line by line: onEvent({type, data, id}) for each complete event (a blank line
 * ends one; an event without data is not dispatched), onComment(text) for comment lines, onRetry(ms) for retry.
 */
export function eventParser({ onEvent, onComment = () => {}, onRetry = () => {} }) {
  let type = '';
  let data = [];
  let lastId = '';
  return {
    line(line) {
      if (line === '') {
        if (data.length) {
          onEvent({ type: type || 'message', data: data.join('\n'), id: lastId });
        }
        type = '';
        data = [];
        return;
      }
      if (line.startsWith(':')) {
        onComment(line.slice(1).trim());
        return;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) {
        value = value.slice(1);
      }
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id' && !value.includes('\0')) lastId = value;
      else if (field === 'retry' && /^\d+$/.test(value)) onRetry(Number(value));
    },
    lastId: () => lastId,
  };
}

/** The wait before attempt n (0-based): doubling from minMs up to maxMs, the upper half jittered. */
export function backoffMs(attempt, minMs, maxMs, random = Math.random) {
  const ceiling = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** The reason an end or reset event gives ({"reason": ...}), or its raw data. */
export function reasonOf(event) {
  try {
    return JSON.parse(event.data).reason || event.data;
  } catch (e) {
    return event.data;
  }
}

async function problemOf(response) {
  let detail = 'HTTP ' + response.status;
  try {
    const problem = await response.json();
    detail = (problem.title || detail) + (problem.detail ? ': ' + problem.detail : '');
    return { detail, body: problem };
  } catch (e) {
    return { detail, body: null }; // not a ProblemDetail: the status says enough
  }
}

/**
 * Follows a stream at path. onEvent(event) gets each event, onState(text, tone) each change of the connection
 * (tone ok, warn or bad). With resume, a reconnect sends Last-Event-ID. Returns {stop, lastId}.
 */
export function follow(path, { onEvent, onState = () => {} }, { resume = true, minDelayMs = 1000, maxDelayMs = 15000 } = {}) {
  let stopped = false;
  let controller = null;
  let lastId = '';
  let attempt = 0;
  let wakeUp = () => {};

  const pause = (ms) => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    wakeUp = () => {
      clearTimeout(timer);
      resolve();
    };
  });

  async function read(response) {
    onState('streaming', 'ok');
    let ended = ''; // the reason of the gateway's end event, if it sent one before closing
    const parser = eventParser({
      onEvent: (event) => {
        attempt = 0; // an event got through: the next drop starts the backoff afresh
        lastId = event.id || lastId;
        if (event.type === 'end') ended = reasonOf(event);
        onEvent(event);
      },
      onRetry: (ms) => (minDelayMs = Math.max(100, ms)),
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let rest = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done || stopped) break;
      const [lines, left] = splitLines(rest + value);
      rest = left;
      for (const line of lines) {
        parser.line(line);
        if (stopped) return;
      }
    }
    lastId = parser.lastId() || lastId;
    if (!stopped) {
      onState(ended ? 'ended by the gateway (' + ended + '); reconnecting' : 'closed by the gateway; reconnecting',
        'warn');
    }
  }

  async function run() {
    while (!stopped) {
      controller = new AbortController();
      const headers = authHeaders('text/event-stream');
      if (resume && lastId) headers['Last-Event-ID'] = lastId;
      let retryAfterMs = 0;
      try {
        const response = await fetch(path, { headers, cache: 'no-store', credentials: 'omit', signal: controller.signal });
        if (response.ok && response.body) {
          await read(response);
        } else {
          const { detail, body } = await problemOf(response);
          if (response.status === 401) {
            reportRejected(body);
            onState('API key refused: ' + detail, 'bad');
            return; // nothing changes until the key does; the page starts a new follower then
          }
          const retryAfter = Number(response.headers.get('Retry-After'));
          retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 0;
          onState(detail + '; retrying', 'bad');
        }
      } catch (e) {
        if (stopped) return;
        onState('stream lost; reconnecting', 'warn');
      }
      if (!stopped) await pause(Math.max(retryAfterMs, backoffMs(attempt++, minDelayMs, maxDelayMs)));
    }
  }

  run();
  return {
    stop() {
      stopped = true;
      wakeUp();
      if (controller) controller.abort();
    },
    lastId: () => lastId,
  };
}
