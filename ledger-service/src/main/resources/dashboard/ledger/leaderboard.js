// Leaderboard: /api/v1/workload/cheapest for a token mix, the blended price beside the headline.
import {api, decimal, h, latestOnly, navigation, rate, STALE, status} from '/dashboard/common/dashboard.js';

const $ = id => document.getElementById(id);
const CONTROLS = ['input', 'output', 'cached', 'minContext', 'currency'];
const ask = latestOnly();

function start() {
  navigation();
  const wanted = new URLSearchParams(location.search);
  for (const id of CONTROLS) {
    if (wanted.has(id)) $(id).value = wanted.get(id);
    $(id).addEventListener('change', rank);
  }
  $('workload').addEventListener('submit', event => { event.preventDefault(); rank(); });
  rank();
}

function query() {
  const params = new URLSearchParams({
    mix: `${$('input').value || 0}:${$('output').value || 0}:${$('cached').value || 0}`,
    currency: $('currency').value,
    limit: '50',
  });
  if ($('minContext').value) params.set('minContext', $('minContext').value);
  return params;
}

async function rank() {
  const params = query();
  history.replaceState(null, '', '?' + new URLSearchParams(CONTROLS.map(id => [id, $(id).value])));
  status($('status'), 'loading', 'Ranking…');
  let answer;
  try {
    answer = await ask(() => api(`/api/v1/workload/cheapest?${params}`));
  } catch (e) {
    $('ranking').tBodies[0].replaceChildren();
    status($('status'), 'error', '', e);
    return;
  }
  if (answer === STALE) return; // the controls changed again while this answer was on its way
  show(answer);
}

function show(answer) {
  const rows = answer.ranking;
  // Bars share one scale, so a long blended bar beside a short headline one shows the gap.
  const widest = Math.max(...rows.map(r => Number(r.blendedPer1M)), ...rows.map(r => Number(r.headlineInputPer1M)), 0);
  const width = text => widest > 0 ? `${(100 * Number(text) / widest).toFixed(1)}%` : '0';
  // Where each model would stand if ranked by its advertised input price alone.
  const key = r => `${r.vendor}:${r.model}:${r.tier}`;
  const byHeadline = [...rows].sort((a, b) => Number(a.headlineInputPer1M) - Number(b.headlineInputPer1M));
  const headlineRank = new Map(byHeadline.map((r, i) => [key(r), i + 1]));
  $('ranking').tBodies[0].replaceChildren(...rows.map((r, i) => h('tr', {dataset: {model: `${r.vendor}:${r.model}:${r.tier}`}},
      h('td', {class: 'num'}, i + 1),
      h('td', {}, h('strong', {}, r.model), h('div', {class: 'note'}, r.vendor)),
      h('td', {}, r.tier),
      h('td', {class: 'num'}, r.contextTokens === null ? h('span', {class: 'none', title: 'the name states none'}, '?') : `${r.contextTokens / 1000}K`),
      h('td', {class: 'num headline'}, decimal(r.headlineInputPer1M)),
      h('td', {class: 'num blended'}, h('strong', {}, decimal(r.blendedPer1M))),
      h('td', {class: 'num'}, headlineRank.get(key(r)) < i + 1
          ? h('span', {class: 'badge warn', title: 'its headline price ranks it higher than this mix costs'}, `#${headlineRank.get(key(r))}`)
          : `#${headlineRank.get(key(r))}`),
      h('td', {style: 'min-width: 10rem'},
          h('div', {class: 'bar headline', style: `width: ${width(r.headlineInputPer1M)}`, title: `headline ${r.headlineInputPer1M}`}),
          h('div', {class: 'bar', style: `width: ${width(r.blendedPer1M)}`, title: `blended ${r.blendedPer1M}`})),
      h('td', {class: 'note'}, r.notes.join('; ')))));
  $('fx').replaceChildren(`Mix ${answer.mix} (input : output : cached), in ${answer.currency} per 1M tokens. `,
      ...(answer.ratesUsed.length === 0 ? ['No currency conversion was needed.']
          : ['Converted at ', ...answer.ratesUsed.flatMap((r, i) => [i > 0 ? '; ' : '', rate(r)]), '.']),
      ' Grey bar: headline input price; blue bar: blended price. A highlighted headline rank: the model looks cheaper than this mix costs.');
  $('excluded-section').hidden = answer.excluded.length === 0;
  $('excluded').tBodies[0].replaceChildren(...answer.excluded.map(x => h('tr', {}, h('td', {}, x.model), h('td', {}, x.reason))));
  if (rows.length === 0) {
    status($('status'), 'empty', answer.excluded.length > 0
        ? 'No model meets this workload: see why each was left out below.'
        : 'The ledger holds no current prices yet. With bin/devstack they arrive within a minute of start.');
  } else {
    status($('status'), 'ready', '');
  }
}

start();
