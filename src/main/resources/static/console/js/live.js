// Where the panels' data comes from over time. A panel never polls by itself: it subscribes to a feed and
// renders what the feed delivers. Today every feed polls the public API on a timer. When the gateway has its
// event stream (GET /api/v1/stream, Server-Sent Events: quotes, PnL, orders, history job progress), a feed for
// those topics plugs in here with the same interface (subscribe, start, refresh, describe), reading the stream
// with fetch so the API key stays in a header (EventSource can send no header, and the key must never go in a
// URL); the panels do not change.

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

/** How each feed gets its data right now, for the Live panel (so nobody takes polling for streaming). */
export function describeFeeds() {
  return feeds.map((feed) => feed.describe());
}

export function refreshAll() {
  feeds.forEach((feed) => feed.refresh());
}
