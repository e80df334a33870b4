// Small DOM helpers. Text from the gateway (and from IB's status page through it) only ever goes in through
// textContent, never as HTML.

export const $ = (id) => document.getElementById(id);

/** Creates an element: el('td', {class: 'num'}, 'text', childElement, ...). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children) {
    if (child !== undefined && child !== null) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/** Replaces a definition list's content with [term, value] pairs; a value may be a Node. */
export function fillDetails(list, pairs) {
  list.replaceChildren(
    ...pairs.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value ?? '–')]),
  );
}

export function badge(text, tone) {
  return el('span', { class: 'badge ' + tone }, text);
}

/** Marks a chain link (or any element) with exactly one tone: ok, warn, bad, unknown or off. */
export function setTone(node, tone) {
  node.classList.remove('ok', 'warn', 'bad', 'unknown', 'off');
  node.classList.add(tone);
}

export function time(instant) {
  if (!instant) {
    return '–';
  }
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant) : date.toLocaleString();
}

/** "3 min ago" / "in 2 h": how far an instant is from now, for a person. */
export function relative(instant) {
  if (!instant) {
    return '';
  }
  const seconds = Math.round((new Date(instant).getTime() - Date.now()) / 1000);
  const size = Math.abs(seconds);
  const amount =
    size < 90 ? size + ' s' : size < 5400 ? Math.round(size / 60) + ' min' : Math.round(size / 3600) + ' h';
  return seconds >= 0 ? 'in ' + amount : amount + ' ago';
}

export function number(value, digits = 2) {
  if (value === undefined || value === null || value === '') {
    return '–';
  }
  const n = Number(value);
  return Number.isFinite(n)
    ? n.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : String(value);
}

/** A number cell, green when positive and red when negative if signed is set. */
export function numberCell(value, digits = 2, signed = false) {
  const tone = signed && Number(value) > 0 ? ' pos' : signed && Number(value) < 0 ? ' neg' : '';
  return el('td', { class: 'num' + tone }, number(value, digits));
}
