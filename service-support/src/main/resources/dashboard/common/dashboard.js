// Shared by every dashboard page: calling the API, showing its problems, building elements,
// formatting exact decimals, and the navigation between the services' pages.

/** An API answer that was not a success, carrying its RFC 9457 problem. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Calls the API (same origin) and answers the parsed body; throws ApiError with the problem's
 * detail when the answer is not a success. With {withHeaders: true} answers {body, headers}.
 */
export async function api(url, {method = 'GET', body, headers = {}, withHeaders = false} = {}) {
  const init = {method, headers: {Accept: 'application/json, application/problem+json', ...headers}};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, {title: 'Service unreachable', detail: `${method} ${url} failed: ${e.message}`});
  }
  const type = response.headers.get('Content-Type') || '';
  const payload = response.status === 204 ? null
      : type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, payload && typeof payload === 'object'
        ? payload : {title: `HTTP ${response.status}`, detail: payload || response.statusText});
  }
  return withHeaders ? {body: payload, headers: response.headers} : payload;
}

/** What a {@link latestOnly} call answers when a newer request was made while it waited. */
export const STALE = Symbol('stale');

/**
 * For a control that asks again each time it changes: answers can overtake each other, so only
 * the newest request's answer (or error) is kept, and an older one answers STALE, to be dropped.
 *   const ask = latestOnly();  ...  const answer = await ask(() => api(url));  if (answer === STALE) return;
 */
export function latestOnly() {
  let newest = 0;
  return async request => {
    const mine = ++newest;
    try {
      const answer = await request();
      return mine === newest ? answer : STALE;
    } catch (e) {
      if (mine !== newest) return STALE;
      throw e;
    }
  };
}

/** An element with attributes (on* as listeners) and children (strings become text, never HTML). */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/**
 * Shows where a page stands in its status line: 'loading', 'ready', 'empty' (with what to do
 * about it) or 'error' (with the API's problem detail). Tests wait on data-state.
 */
export function status(element, state, message = '', error = null) {
  element.dataset.state = state;
  element.className = `status ${state}`;
  element.replaceChildren();
  if (error) {
    const title = error.problem?.title ? `${error.problem.title}: ` : '';
    element.append(h('strong', {}, error.status ? `${error.status} ` : ''), title, error.message);
  } else {
    element.append(message);
  }
}

const significant = new Intl.NumberFormat('en-US', {maximumSignificantDigits: 6});
const percent = new Intl.NumberFormat('en-US', {style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero'});

/**
 * An exact decimal string from the API, shortened to 6 significant digits for reading. Intl
 * formats a string as the decimal it spells, so no binary floating point touches the amount;
 * the full value stays in the title.
 */
export function decimal(text) {
  if (text === null || text === undefined) return h('span', {class: 'none'}, '–');
  return h('span', {class: 'amount', title: text}, significant.format(text));
}

/** A relative change such as "-0.975" as "-97.5%". */
export function percentOf(text) {
  if (text === null || text === undefined) return '';
  return percent.format(text);
}

/** A dated exchange rate as the API names it: the rate shortened for reading, exact in the title. */
export function rate(r) {
  return h('span', {class: 'rate', title: `1 ${r.from} = ${r.rate} ${r.to}`},
      `1 ${r.from} = ${significant.format(r.rate)} ${r.to} (rates of ${r.date})`);
}

/** A price as the vendor quotes it, e.g. "0.0005 CNY per 1K tokens". */
export function quoted(price) {
  if (!price) return h('span', {class: 'none'}, '–');
  const unit = {PER_TOKEN: 'per token', PER_1K_TOKENS: 'per 1K', PER_1M_TOKENS: 'per 1M'}[price.unit] || price.unit;
  return h('span', {title: `${price.per1M} ${price.currency} per 1M tokens`}, `${price.amount} ${price.currency} ${unit}`);
}

/** An instant as UTC date and time, the ledger's own axis. */
export function when(instant) {
  return instant ? instant.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '';
}

const PAGES = [
  {id: 'explorer', label: 'Price explorer', service: 'ledger', path: ''},
  {id: 'leaderboard', label: 'Leaderboard', service: 'ledger', path: 'leaderboard.html'},
  {id: 'timeline', label: 'Timeline', service: 'ledger', path: 'timeline.html'},
  {id: 'subscriptions', label: 'Subscriptions', service: 'alert', path: ''},
];

/**
 * Fills <nav id="nav" data-service="ledger" data-page="explorer">: this service's pages by
 * path, the other service's through the address in /dashboard/links.json.
 */
export async function navigation() {
  const nav = document.getElementById('nav');
  let links = {};
  try {
    links = await api('/dashboard/links.json');
  } catch (e) {
    console.warn('no links to the other services', e);
  }
  const here = nav.dataset.service;
  nav.replaceChildren(h('span', {class: 'brand'}, 'PriceWar'), ...PAGES.map(page => {
    const base = page.service === here ? '/dashboard/' : links[page.service];
    if (!base) {
      return h('span', {class: 'off', title: `pricewar.dashboard.links.${page.service} is not set`}, page.label);
    }
    return h('a', {href: new URL(page.path, new URL(base, location.href)).href,
      'aria-current': page.id === nav.dataset.page ? 'page' : null}, page.label);
  }));
}
