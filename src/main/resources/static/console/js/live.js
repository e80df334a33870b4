// Where the panels' data comes from over time. A panel never polls or streams by itself: it subscribes to a feed
// and renders what the feed delivers. The chain and the book poll the public API on a timer (pollingFeed); quotes,
// PnL and orders come from the gateway's event stream, GET /api/v1/stream (topicStream), read with fetch so the
// API key stays in a header (sse.js).
import { follow, reasonOf } from './sse.js';

const feeds = [];

/**
 * A feed that calls load() every intervalMs (never two loads at once) and hands each result to subscribers.
 * refresh() loads now, e.g. after the API key changed.
 */
export function pollingFeed(name, load, intervalMs) {
  const subscribers = [];
  let timer = null;
  let running = false;
  let again = false;

  async function tick() {
    clearTimeout(timer);
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const data = await load();
      subscribers.forEach((subscriber) => subscriber(data));
    } catch (e) {
      // a renderer's bug must not stop the feed; it shows in the browser's console
      console.error('feed ' + name + ' failed', e);
    } finally {
      running = false;
      timer = setTimeout(tick, again ? 0 : intervalMs);
      again = false;
    }
  }

  const feed = {
    subscribe(subscriber) {
      subscribers.push(subscriber);
      return feed;
    },
    start() {
      tick();
      return feed;
    },
    refresh: tick,
    describe: () => name + ': polling the API every ' + intervalMs / 1000 + ' s',
  };
  feeds.push(feed);
  return feed;
}

/**
 * One Server-Sent Events stream for the topics the panels want (GET /api/v1/stream?topics=...). Panels register
 * handlers per event type (quote, pnl, orders, ...; reset and end too) and call want() when their topics change:
 * a new topic set opens a fresh stream (every topic starts with its snapshot); a dropped stream is resumed with
 * Last-Event-ID. onState(text, tone) reports the connection.
 */
export function topicStream(name) {
  const handlers = {};
  const wanted = new Map(); // panel -> its topics
  const stateListeners = [];
  let topics = '';
  let follower = null;
  let state = { text: 'no topics yet', tone: 'unknown' };
  let pending = false;

  function setState(text, tone) {
    state = { text, tone };
    stateListeners.forEach((listener) => listener(text, tone));
  }

  function dispatch(event) {
    if (event.type === 'reset') {
      // the gap since Last-Event-ID is older than the gateway keeps: fresh snapshots of every topic follow
      setState('resynced after a gap (' + reasonOf(event) + ')', 'warn');
    } else if (state.tone !== 'ok' && event.type !== 'end') {
      setState('streaming', 'ok');
    }
    let payload = null;
    try {
      payload = JSON.parse(event.data);
    } catch (e) {
      console.warn('stream event ' + event.type + ' is not JSON');
      return;
    }
    (handlers[event.type] || []).forEach((handler) => handler(payload, event));
  }

  function open() {
    if (follower) follower.stop();
    follower = null;
    if (!topics) {
      setState('no topics yet', 'unknown');
      return;
    }
    follower = follow('/api/v1/stream?topics=' + encodeURIComponent(topics), { onEvent: dispatch, onState: setState });
  }

  function apply() {
    pending = false;
    const next = [...new Set([...wanted.values()].flat())].sort().join(',');
    if (next !== topics) {
      topics = next;
      open();
    }
  }

  const feed = {
    on(type, handler) {
      (handlers[type] = handlers[type] || []).push(handler);
      return feed;
    },
    onState(listener) {
      stateListeners.push(listener);
      return feed;
    },
    /** The topics one panel wants now; the stream reopens (once per turn of the event loop) when the set changed. */
    want(panel, list) {
      wanted.set(panel, list);
      if (!pending) {
        pending = true;
        queueMicrotask(apply);
      }
    },
    topics: () => (topics ? topics.split(',') : []),
    refresh: open,
    describe: () => name + ': GET /api/v1/stream, ' + feed.topics().length + ' topics, ' + state.text,
  };
  feeds.push(feed);
  return feed;
}

/** How each feed gets its data right now, for the Live panel (so nobody takes polling for streaming). */
export function describeFeeds() {
  return feeds.map((feed) => feed.describe());
}

export function refreshAll() {
  feeds.forEach((feed) => feed.refresh());
}
