// Timeline: /api/v1/changes in a window, sorted biggest drop first, filtered by vendor.
import {api, h, latestOnly, navigation, percentOf, quoted, STALE, status, when} from '/dashboard/common/dashboard.js';

const $ = id => document.getElementById(id);
const CONTROLS = ['from', 'to', 'vendor', 'type'];

async function start() {
  navigation();
  const wanted = new URLSearchParams(location.search);
  try {
    const vendors = [...new Set((await api('/api/v1/prices')).map(p => p.vendor))].sort();
    $('vendor').append(...vendors.map(v => h('option', {value: v}, v)));
  } catch (e) {
    status($('status'), 'error', '', e);
    return;
  }
  for (const id of CONTROLS) {
    if (wanted.has(id)) $(id).value = wanted.get(id);
    $(id).addEventListener('change', load);
  }
  load();
}

const ask = latestOnly();

async function load() {
  history.replaceState(null, '', '?' + new URLSearchParams(CONTROLS.map(id => [id, $(id).value])));
  const params = new URLSearchParams({sort: 'biggest-drop'});
  if ($('from').value) params.set('from', $('from').value);
  if ($('to').value) params.set('to', $('to').value);
  if ($('vendor').value) params.set('vendor', $('vendor').value);
  if ($('type').value === 'drops') params.set('dropsOnly', 'true');
  else if ($('type').value) params.set('type', $('type').value);
  status($('status'), 'loading', 'Loading changes…');
  let changes;
  try {
    changes = await ask(() => api(`/api/v1/changes?${params}`));
  } catch (e) {
    $('changes').tBodies[0].replaceChildren();
    status($('status'), 'error', '', e);
    return;
  }
  if (changes === STALE) return; // the controls changed again while this answer was on its way
  $('changes').tBodies[0].replaceChildren(...changes.map(row));
  if (changes.length === 0) {
    status($('status'), 'empty', 'No changes in this window. Widen it, or pick another vendor.');
  } else {
    status($('status'), 'ready', '');
  }
}

function row(c) {
  const relative = c.relativeChange;
  const direction = relative === null ? '' : relative.startsWith('-') ? 'drop' : 'rise';
  return h('tr', {dataset: {point: c.pointId, seq: c.seq}},
      h('td', {}, when(c.observedAt)),
      h('td', {}, h('a', {href: `/dashboard/?point=${encodeURIComponent(c.pointId)}&currency=${(c.price ?? c.previousPrice).currency}`}, c.pointId)),
      h('td', {}, c.type.replace('Price', '')),
      h('td', {}, quoted(c.previousPrice)),
      h('td', {}, quoted(c.price)),
      h('td', {class: `num ${direction}`}, percentOf(relative)),
      h('td', {}, h('a', {href: `/api/v1/evidence/${c.evidenceSha256}`, target: '_blank', rel: 'noopener',
        title: c.evidenceSha256}, 'page')));
}

start();
