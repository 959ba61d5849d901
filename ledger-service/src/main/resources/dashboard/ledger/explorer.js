// Price explorer: pick a point, draw its history as a step chart over effective time, open the
// evidence behind each event. Data: /api/v1/prices (the points), /api/v1/prices/{id}/history.
import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import {api, decimal, h, latestOnly, navigation, quoted, rate, STALE, status, when} from '/dashboard/common/dashboard.js';

const $ = id => document.getElementById(id);
const PARTS = ['vendor', 'model', 'meter', 'tier'];
let points = [];
let chart = null;
let entries = [];
const ask = latestOnly();

async function start() {
  navigation();
  try {
    points = await api('/api/v1/prices');
  } catch (e) {
    status($('status'), 'error', '', e);
    return;
  }
  if (points.length === 0) {
    status($('status'), 'empty', 'The ledger holds no prices yet. With bin/devstack the first ones arrive within a minute of start; reload then.');
    return;
  }
  const wanted = new URLSearchParams(location.search);
  const [vendor, model, meter, tier] = (wanted.get('point') || '').split(':');
  $('currency').value = wanted.get('currency') || 'CNY';
  fillChoices({vendor, model, meter, tier});
  for (const part of PARTS) $(part).addEventListener('change', () => { fillChoices(current()); show(); });
  $('currency').addEventListener('change', show);
  await show();
}

function current() {
  return Object.fromEntries(PARTS.map(part => [part, $(part).value]));
}

/** Each select offers what exists under the choices before it, keeping a choice that still fits. */
function fillChoices(wanted) {
  let matching = points;
  for (const part of PARTS) {
    const options = [...new Set(matching.map(p => p[part]))].sort();
    const chosen = options.includes(wanted[part]) ? wanted[part] : options[0];
    $(part).replaceChildren(...options.map(o => h('option', {value: o, selected: o === chosen}, o)));
    matching = matching.filter(p => p[part] === chosen);
  }
}

async function show() {
  const pointId = PARTS.map(part => $(part).value).join(':');
  const currency = $('currency').value;
  history.replaceState(null, '', `?point=${encodeURIComponent(pointId)}&currency=${currency}`);
  status($('status'), 'loading', `Loading the history of ${pointId}…`);
  let answer;
  try {
    answer = await ask(() => wholeHistory(pointId, currency));
  } catch (e) {
    status($('status'), 'error', '', e);
    return;
  }
  if (answer === STALE) return; // another point or currency was chosen while this one loaded
  entries = inEffectOrder(answer);
  if (entries.length === 0) {
    status($('status'), 'empty', `${pointId} has no recorded events.`);
    return;
  }
  draw(pointId, currency);
  listEvents(currency);
  describeRates(currency);
  $('evidence').hidden = true;
  status($('status'), 'ready', '');
}

/**
 * The history in the order its prices take effect, ties in record (seq) order: a cut announced
 * for a later date comes before a reading observed in between in the record, but after it here.
 * uPlot needs its x ascending, and a step drawn this way is the price in effect at each instant
 * as the ledger answers it (/api/v1/prices/as-of, axis=effective). Chart and table share this
 * order, so a marker's index is its row's.
 */
function inEffectOrder(history) {
  return [...history].sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt) || a.seq - b.seq);
}

/** Every page of the history: the API pages by cursor (X-Next-Cursor). */
async function wholeHistory(pointId, currency) {
  const all = [];
  let cursor = null;
  do {
    const url = `/api/v1/prices/${encodeURIComponent(pointId)}/history?currency=${currency}`
        + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');
    const page = await api(url, {withHeaders: true});
    all.push(...page.body);
    cursor = page.headers.get('X-Next-Cursor');
  } while (cursor);
  return all;
}

/**
 * The plotted series: x the effective time in seconds, y the price per 1M in the chosen currency
 * (a delisting has none, so the line breaks). Numbers only for drawing; labels show the strings.
 */
function seriesOf(list) {
  return [list.map(e => Date.parse(e.effectiveAt) / 1000),
    list.map(e => e.converted.per1M === null ? null : Number(e.converted.per1M))];
}

function draw(pointId, currency) {
  chart?.destroy();
  const element = $('chart');
  chart = new uPlot({
    width: Math.max(element.clientWidth, 600),
    height: 320,
    title: pointId,
    // The axis in UTC, as every time on the page and in the API.
    tzDate: seconds => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    scales: {x: {time: true}, y: {range: (u, min, max) => [0, max > 0 ? max * 1.15 : 1]}},
    axes: [{}, {label: `${currency} per 1M tokens`, size: 70}],
    series: [
      {label: 'effective'},
      {
        label: `${currency} / 1M`,
        stroke: '#1f5fbf',
        width: 2,
        paths: uPlot.paths.stepped({align: 1}),
        points: {show: true, size: 9, fill: '#1f5fbf'},
        value: (u, v, si, i) => i === null || entries[i] === undefined ? '–' : entries[i].converted.per1M ?? 'delisted',
      },
    ],
    cursor: {points: {size: 12}},
  }, seriesOf(entries), element);
  // The marker under the cursor opens its evidence.
  chart.over.addEventListener('click', () => {
    if (chart.cursor.idx !== null && chart.cursor.idx !== undefined) openEvidence(chart.cursor.idx);
  });
  // Exposed so that the browser tests (and a curious console) can read what was plotted.
  window.explorerChart = chart;
}

function listEvents(currency) {
  const rows = entries.map((e, i) => h('tr', {dataset: {seq: e.seq}, onclick: () => openEvidence(i)},
      h('td', {}, when(e.effectiveAt)),
      h('td', {}, e.type.replace('Price', '')),
      h('td', {}, quoted(e.price ?? e.previousPrice)),
      h('td', {class: 'num'}, e.converted.per1M === null ? 'delisted' : [decimal(e.converted.per1M), ` ${currency}`]),
      h('td', {}, h('button', {type: 'button', class: 'plain'}, 'evidence'))));
  $('events').tBodies[0].replaceChildren(...rows);
}

/** Names every dated rate the conversion used, or says none was needed. */
function describeRates(currency) {
  const rates = new Map();
  for (const e of entries) {
    const r = e.converted.rate;
    if (r) rates.set(`${r.from}-${r.date}`, r);
  }
  $('fx').replaceChildren(...(rates.size === 0
      ? [`Prices as quoted, in ${currency}.`]
      : [`Converted to ${currency} at the rate of the day each price took effect: `,
        ...[...rates.values()].flatMap((r, i) => [i > 0 ? '; ' : '', rate(r)]), '.']));
}

function openEvidence(index) {
  const e = entries[index];
  const ev = e.evidence;
  for (const row of $('events').tBodies[0].rows) row.classList.toggle('selected', row.dataset.seq === String(e.seq));
  $('evidence-facts').replaceChildren(
      h('dt', {}, 'Event'), h('dd', {}, `${e.type} #${e.seq}, effective ${when(e.effectiveAt)}, observed ${when(e.observedAt)}`),
      h('dt', {}, 'Cell text'), h('dd', {id: 'evidence-cell'}, h('code', {}, ev.cellText || '(empty)')),
      h('dt', {}, 'Page'), h('dd', {}, h('a', {href: ev.url, rel: 'noopener noreferrer'}, ev.url), ` fetched ${when(ev.fetchedAt)}`),
      h('dt', {}, 'Page SHA-256'), h('dd', {class: 'hash'}, ev.sha256),
      h('dt', {}, 'Stored page'), h('dd', {}, h('a', {id: 'evidence-link', href: `/api/v1/evidence/${ev.sha256}`,
        target: '_blank', rel: 'noopener'}, `/api/v1/evidence/${ev.sha256}`)),
      h('dt', {}, 'Event hash'), h('dd', {class: 'hash'}, e.hash));
  $('evidence').hidden = false;
}

start();
