// Subscriptions: an owner's subscriptions through /api/v1/subscriptions with Authorization:
// Bearer <key>; create, edit (PUT, the whole subscription, its digest too), delete, send a test notification, follow deliveries.
import {api, h, latestOnly, navigation, STALE, status, when} from '/dashboard/common/dashboard.js';

const $ = id => document.getElementById(id);
const KEY = 'pricewar.apiKey';
const TARGET = ['vendor', 'model', 'meter', 'tier'];
let editing = null;
let watching = null;
const askDeliveries = latestOnly();

function start() {
  navigation();
  $('key-form').addEventListener('submit', event => { event.preventDefault(); useKey($('api-key').value.trim()); });
  $('forget-key').addEventListener('click', () => { sessionStorage.removeItem(KEY); $('api-key').value = ''; signedOut(); });
  $('condition').addEventListener('change', showConditionFields);
  $('digest-daily').addEventListener('change', showDigestFields);
  $('subscription-form').addEventListener('submit', event => { event.preventDefault(); save(); });
  $('cancel-edit').addEventListener('click', resetForm);
  $('refresh-deliveries').addEventListener('click', () => watching && deliveries(watching));
  showConditionFields();
  showDigestFields();
  const kept = sessionStorage.getItem(KEY);
  if (kept) {
    $('api-key').value = kept;
    useKey(kept);
  }
}

/** The owner's calls: same origin, with the key. */
function call(url, options = {}) {
  return api(url, {...options, headers: {Authorization: `Bearer ${sessionStorage.getItem(KEY)}`}});
}

async function useKey(key) {
  if (!key) {
    status($('status'), 'empty', 'Enter your API key to see your subscriptions.');
    return;
  }
  sessionStorage.setItem(KEY, key);
  await list();
}

function signedOut() {
  for (const id of ['list-section', 'form-section', 'deliveries-section']) $(id).hidden = true;
  status($('status'), 'empty', 'Enter your API key to see your subscriptions.');
}

async function list() {
  status($('status'), 'loading', 'Loading your subscriptions…');
  let subscriptions;
  try {
    subscriptions = await call('/api/v1/subscriptions');
  } catch (e) {
    signedOut();
    status($('status'), 'error', '', e);
    return;
  }
  $('list-section').hidden = false;
  $('form-section').hidden = false;
  $('subscriptions').tBodies[0].replaceChildren(...subscriptions.map(row));
  if (subscriptions.length === 0) {
    status($('status'), 'empty', 'No subscriptions yet: create one below.');
  } else {
    status($('status'), 'ready', '');
  }
}

function row(s) {
  const target = TARGET.map(part => s.target?.[part] ?? '*').join(':');
  return h('tr', {dataset: {id: s.id}},
      h('td', {}, h('code', {}, s.webhookUrl ?? `mailto:${s.emailTo}`)),
      h('td', {}, describe(s.condition)),
      h('td', {}, h('code', {}, target)),
      h('td', {}, s.cooldown),
      h('td', {}, s.digest ? `daily at ${s.digest.at} ${s.digest.zone}` : ''),
      h('td', {}, s.active ? h('span', {class: 'badge'}, 'active')
          : h('span', {class: 'badge warn', title: s.disabledReason ?? ''}, `disabled: ${s.disabledReason ?? ''}`)),
      h('td', {},
          h('button', {type: 'button', class: 'plain', onclick: () => edit(s)}, 'Edit'), ' ',
          h('button', {type: 'button', class: 'plain', onclick: () => test(s)}, 'Send test'), ' ',
          h('button', {type: 'button', class: 'plain', onclick: () => deliveries(s)}, 'Deliveries'), ' ',
          h('button', {type: 'button', class: 'danger', onclick: () => remove(s)}, 'Delete')));
}

function describe(c) {
  switch (c.type) {
    case 'DROP_AT_LEAST': return `drop of at least ${c.percent}%`;
    case 'AT_OR_BELOW': return `at or below ${c.per1M} ${c.currency} per 1M`;
    case 'BLENDED_DROP': return `blended drop, mix ${c.mix.input}:${c.mix.output}:${c.mix.cached ?? 0}`;
    default: return c.type.toLowerCase().replace('_', ' ');
  }
}

function showConditionFields() {
  for (const label of document.querySelectorAll('label[data-for]')) label.hidden = label.dataset.for !== $('condition').value;
}

function showDigestFields() {
  for (const label of document.querySelectorAll('label[data-digest]')) label.hidden = !$('digest-daily').checked;
  if ($('digest-daily').checked && !$('digest-zone').value) {
    $('digest-zone').value = Intl.DateTimeFormat().resolvedOptions().timeZone;
  }
}

/** The request body, as text fields: the API reads every decimal from a string. */
function body() {
  const type = $('condition').value;
  const condition = {type};
  if (type === 'DROP_AT_LEAST') condition.percent = $('percent').value.trim();
  if (type === 'AT_OR_BELOW') Object.assign(condition, {per1M: $('per1M').value.trim(), currency: $('threshold-currency').value});
  if (type === 'BLENDED_DROP') {
    const [input, output, cached] = $('mix').value.split(':').map(part => part.trim());
    condition.mix = {input, output, cached: cached || '0'};
  }
  const target = Object.fromEntries(TARGET.map(part => [part, $(`target-${part}`).value.trim() || null]));
  const endpoint = $('endpoint').value.trim();
  return {
    ...($('channel').value === 'email' ? {emailTo: endpoint} : {webhookUrl: endpoint}),
    condition,
    target: Object.values(target).some(v => v !== null) ? target : null,
    cooldown: $('cooldown').value.trim() || null,
    // Always sent: an edit replaces the whole subscription (PUT), so a digest left out would be turned off.
    digest: $('digest-daily').checked
        ? {daily: true, at: $('digest-at').value.trim() || null, zone: $('digest-zone').value.trim() || null}
        : {daily: false},
  };
}

async function save() {
  status($('form-status'), 'loading', editing ? 'Saving…' : 'Creating…');
  try {
    if (editing) {
      await call(`/api/v1/subscriptions/${editing}`, {method: 'PUT', body: body()});
      status($('form-status'), 'ready', '');
    } else {
      const created = await call('/api/v1/subscriptions', {method: 'POST', body: body()});
      showSecret(created);
    }
  } catch (e) {
    status($('form-status'), 'error', '', e);
    return;
  }
  resetForm();
  await list();
}

/** The signing secret is shown by the API once, at creation: say so, plainly. */
function showSecret(created) {
  const secret = $('secret');
  secret.replaceChildren('Created ', h('code', {}, created.id), '. Its webhook signing secret, shown only now: ',
      h('code', {id: 'signing-secret'}, created.signingSecret ?? '(none: e-mail)'));
  secret.hidden = false;
  status($('form-status'), 'ready', '');
}

function edit(s) {
  editing = s.id;
  $('form-title').textContent = `Edit ${s.id}`;
  $('save').textContent = 'Save';
  $('cancel-edit').hidden = false;
  $('channel').value = s.emailTo ? 'email' : 'webhook';
  $('endpoint').value = s.webhookUrl ?? s.emailTo;
  $('condition').value = s.condition.type;
  $('percent').value = s.condition.percent ?? '';
  $('per1M').value = s.condition.per1M ?? '';
  if (s.condition.currency) $('threshold-currency').value = s.condition.currency;
  $('mix').value = s.condition.mix ? `${s.condition.mix.input}:${s.condition.mix.output}:${s.condition.mix.cached ?? 0}` : '';
  for (const part of TARGET) $(`target-${part}`).value = s.target?.[part] ?? '';
  $('cooldown').value = s.cooldown;
  $('digest-daily').checked = Boolean(s.digest);
  $('digest-at').value = s.digest?.at ?? '';
  $('digest-zone').value = s.digest?.zone ?? '';
  showConditionFields();
  showDigestFields();
  $('secret').hidden = true;
  $('form-section').scrollIntoView();
}

function resetForm() {
  editing = null;
  $('subscription-form').reset();
  $('form-title').textContent = 'New subscription';
  $('save').textContent = 'Create';
  $('cancel-edit').hidden = true;
  showConditionFields();
  showDigestFields();
}

async function remove(s) {
  if (!confirm(`Delete subscription ${s.id}?`)) return;
  try {
    await call(`/api/v1/subscriptions/${s.id}`, {method: 'DELETE'});
  } catch (e) {
    status($('status'), 'error', '', e);
    return;
  }
  if (watching?.id === s.id) $('deliveries-section').hidden = true;
  await list();
}

async function test(s) {
  try {
    await call(`/api/v1/subscriptions/${s.id}/test`, {method: 'POST'});
  } catch (e) {
    status($('status'), 'error', '', e);
    return;
  }
  await deliveries(s);
}

async function deliveries(s) {
  watching = s;
  $('deliveries-section').hidden = false;
  $('deliveries-of').textContent = s.id;
  status($('deliveries-status'), 'loading', 'Loading deliveries…');
  let list;
  try {
    list = await askDeliveries(() => call(`/api/v1/subscriptions/${s.id}/deliveries`));
  } catch (e) {
    status($('deliveries-status'), 'error', '', e);
    return;
  }
  if (list === STALE) return; // another subscription's deliveries were asked for meanwhile
  $('deliveries').tBodies[0].replaceChildren(...list.map(d => h('tr', {dataset: {id: d.id, status: d.status}},
      h('td', {}, when(d.createdAt)),
      h('td', {}, h('code', {}, d.eventId)),
      h('td', {}, h('span', {class: d.status === 'DELIVERED' ? 'badge' : 'badge warn'}, d.status)),
      h('td', {class: 'num'}, d.attempts),
      h('td', {class: 'num'}, d.lastStatus ?? ''),
      h('td', {}, when(d.deliveredAt)),
      h('td', {}, d.failureReason ?? (d.nextAttemptAt ? `next attempt ${when(d.nextAttemptAt)}` : '')))));
  status($('deliveries-status'), list.length === 0 ? 'empty' : 'ready',
      list.length === 0 ? 'Nothing sent yet: a matching price change, or "Send test", will show here.' : '');
}

start();
