// The sandbox page: plays Slack for Drumbeat. Everything goes through /sandbox/api/*, which signs requests to
// Drumbeat's real /slack/events and reads back what the bot sent to the Slack stand-in.
'use strict';

const S = {
  people: [], user: '', channel: null, conversations: [], messages: [], messagesKey: '', seen: {},
  thread: null, modalHash: null, modalPrimed: false, stack: [], home: null, homeKey: '',
  calls: [], callsTotal: 0, drawerOpen: false, polling: false
};
const $ = id => document.getElementById(id);
const { esc } = BlockKit;
const HOME = 'home';

async function api(path, body) {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch('/sandbox/api/' + path, init);
  return res.json();
}

function toast(message) {
  const t = $('toast');
  t.textContent = message;
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 5000);
}

function checkAnswer(answer, what) {
  if (answer && answer.status !== undefined && answer.status !== 200) toast(what + ': Drumbeat answered HTTP ' + answer.status);
}

/**
 * Updates a list of elements in place: an element whose HTML has not changed stays as it is, so an open select
 * keeps its state and anything holding on to the element (a browser test, say) still finds it in the page.
 */
function reconcile(box, items) {
  const keys = new Set(items.map(item => item.key));
  const existing = new Map();
  [...box.children].forEach(node => {
    if (keys.has(node.dataset.key) && !existing.has(node.dataset.key)) existing.set(node.dataset.key, node);
    else node.remove();
  });
  items.forEach((item, i) => {
    let node = existing.get(item.key);
    if (!node || node.sandboxHtml !== item.html) {
      const template = document.createElement('template');
      template.innerHTML = item.html;
      const fresh = template.content.firstElementChild;
      fresh.dataset.key = item.key;
      fresh.sandboxHtml = item.html;
      if (node) node.replaceWith(fresh);
      node = fresh;
    }
    if (box.children[i] !== node) box.insertBefore(node, box.children[i] || null);
  });
}

// ---- polling -------------------------------------------------------------------------------------------

async function poll() {
  if (S.polling || !S.user) return;
  S.polling = true;
  try {
    const user = S.user;
    const channel = S.channel || '';
    const state = await api('state?userId=' + encodeURIComponent(user) + '&channel=' + encodeURIComponent(channel));
    if (user !== S.user || channel !== (S.channel || '')) return;
    $('now').textContent = new Date(state.now).toUTCString().replace(' GMT', ' UTC');
    BlockKit.setNow(state.now);
    S.conversations = state.conversations;
    BlockKit.setChannels(S.conversations);
    renderSidebar();
    if (S.channel === HOME) refreshHome();
    else if (S.channel) showMessages(state.messages);
    showModal(state.modal);
    $('calls-count').textContent = state.calls;
    if (S.drawerOpen && state.calls !== S.callsTotal) await refreshCalls();
  } catch (e) {
    console.warn('poll failed', e);
  } finally {
    S.polling = false;
  }
}

/** After an action: the bot answers through its outbox, a moment later. */
function pollSoon() {
  poll();
  [400, 1200, 2500].forEach(ms => setTimeout(poll, ms));
}

// ---- sidebar -------------------------------------------------------------------------------------------

const seenKey = id => S.user + '|' + id;

function renderSidebar() {
  const current = S.conversations.find(c => c.id === S.channel);
  if (current) S.seen[seenKey(current.id)] = current.messages;
  const entry = c => {
    const unread = Math.max(0, c.messages - (S.seen[seenKey(c.id)] || 0));
    const prefix = c.kind === 'channel' ? '# ' : c.kind === 'dm' ? '● ' : '⌂ ';
    return '<button type="button" class="conversation ' + c.kind + (c.id === S.channel ? ' selected' : '') +
      (unread ? ' has-unread' : '') + '" data-channel="' + esc(c.id) + '"><span class="name">' + prefix + esc(c.name) +
      '</span>' + (unread ? '<span class="unread">' + unread + '</span>' : '') + '</button>';
  };
  const item = c => ({ key: c.id, html: entry(c) });
  const title = (key, text) => ({ key, html: '<div class="section-title">' + text + '</div>' });
  reconcile($('conversations'), [title('title-apps', 'Drumbeat')].concat(
    S.conversations.filter(c => c.kind !== 'channel').map(item), [title('title-channels', 'Channels')],
    S.conversations.filter(c => c.kind === 'channel').map(item)));
}

function selectConversation(id) {
  S.channel = id;
  closeMenu();
  $('messages').pinned = true;
  S.thread = null;
  S.messagesKey = '';
  $('thread').hidden = true;
  const c = S.conversations.find(c => c.id === id);
  const home = id === HOME;
  $('conversation-title').textContent = home ? 'Drumbeat — Home' : c && c.kind === 'dm' ? 'Drumbeat' : '# ' + (c ? c.name : id);
  $('messages').hidden = home;
  $('composer').hidden = home;
  $('home-tab').hidden = !home;
  $('messages').innerHTML = '';
  renderSidebar();
  $('text').placeholder = home ? '' : c && c.kind === 'dm'
    ? 'Message Drumbeat — /drumbeat help, or /drumbeat ask who owns payments?'
    : 'Message #' + (c ? c.name : id) + ' — /drumbeat help, or @Drumbeat who owns payments?';
  if (home) openHome();
  poll();
}

// ---- messages and threads ------------------------------------------------------------------------------

function authorOf(m) {
  if (m.kind === 'bot') return 'Drumbeat';
  const p = S.people.find(p => p.userId === m.author);
  return p ? p.realName : m.author;
}

/** When a message was posted, in the reader's zone, as Slack shows it. */
function timeOf(ts) {
  const d = new Date(Number(ts.split('.')[0]) * 1000);
  const timeZone = BlockKit.zone();
  return d.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone }) + ' ' +
    d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone });
}

// ---- keeping the newest message in view -----------------------------------------------------------------

/**
 * Keeps a message list on its newest message while the reader is at the bottom, as Slack does, also as images
 * (charts) load after their message is drawn and push it down; a reader who scrolled up is left where they are.
 */
function follow(box) {
  box.pinned = true;
  box.addEventListener('scroll', () => { box.pinned = box.scrollHeight - box.scrollTop - box.clientHeight < 80; });
  box.addEventListener('load', e => { if (e.target.tagName === 'IMG' && box.pinned) toNewest(box); }, true);
}

function toNewest(box) {
  box.scrollTop = box.scrollHeight;
}

function messageHtml(m, replies) {
  const bot = m.kind === 'bot';
  const body = m.kind === 'command' ? '<div class="block typed"><code>' + esc(m.text) + '</code></div>'
    : bot ? BlockKit.blocks(m.blocks, m.text) : '<div class="block">' + BlockKit.mrkdwn(m.text) + '</div>';
  const thread = replies && replies.length ? '<button type="button" class="thread-link" data-ts="' + esc(m.ts) + '">' +
    replies.length + (replies.length === 1 ? ' reply' : ' replies') + '</button>' : '';
  return '<div class="msg' + (m.ephemeral ? ' ephemeral' : '') + (m.kind === 'command' ? ' command' : '') +
    '" data-ts="' + esc(m.ts) + '" data-channel="' + esc(m.channel) + '">' +
    '<div class="avatar' + (bot ? ' bot' : '') + '">' + esc(authorOf(m).slice(0, 1)) + '</div><div class="content">' +
    (m.ephemeral && m.kind !== 'command' ? '<div class="only-you">👁 Only visible to you</div>' : '') +
    '<span class="author">' + esc(authorOf(m)) + '</span>' + (bot ? '<span class="app-badge">APP</span>' : '') +
    '<span class="meta">' + esc(timeOf(m.ts)) + '</span>' + body +
    (m.edited ? '<span class="edited">(edited)</span>' : '') + thread + '</div></div>';
}

function threads(messages) {
  const tops = [];
  const replies = {};
  const visible = new Set(messages.map(m => m.ts));
  for (const m of messages) {
    if (m.threadTs && m.threadTs !== m.ts && visible.has(m.threadTs)) (replies[m.threadTs] = replies[m.threadTs] || []).push(m);
    else tops.push(m);
  }
  return { tops, replies };
}

function showMessages(messages) {
  const key = S.channel + JSON.stringify(messages);
  if (key === S.messagesKey) return;
  S.messagesKey = key;
  S.messages = messages;
  const box = $('messages');
  const { tops, replies } = threads(messages);
  reconcile(box, tops.length ? tops.map(m => ({ key: m.ts, html: messageHtml(m, replies[m.ts]) }))
    : [{ key: 'empty', html: '<p class="empty">Nothing here yet. Type <code>/drumbeat help</code> below.</p>' }]);
  if (box.pinned) toNewest(box);
  if (S.thread) renderThread();
}

function openThread(ts) {
  S.thread = ts;
  $('thread-messages').pinned = true;
  $('thread').hidden = false;
  renderThread();
}

function renderThread() {
  const parent = S.messages.find(m => m.ts === S.thread);
  if (!parent) return;
  const replies = threads(S.messages).replies[S.thread] || [];
  reconcile($('thread-messages'), [{ key: 'parent-' + parent.ts, html: messageHtml(parent) },
    { key: 'count', html: '<div class="thread-count">' + replies.length + (replies.length === 1 ? ' reply' : ' replies') + '</div>' }]
    .concat(replies.map(m => ({ key: m.ts, html: messageHtml(m) }))));
  if ($('thread-messages').pinned) toNewest($('thread-messages'));
}

// ---- composer ------------------------------------------------------------------------------------------

async function send(text, threadTs) {
  const userId = S.user;
  const channel = S.channel;
  const box = threadTs ? $('thread-messages') : $('messages');
  box.pinned = true;
  toNewest(box);
  if (/^\/drumbeat\b/i.test(text)) {
    checkAnswer(await api('command', { userId, channel, text }), 'The command');
  } else if (/^\//.test(text)) {
    toast('Only /drumbeat is installed in this workspace.');
    return;
  } else if (/@drumbeat\b/i.test(text) && isDirect(channel)) {
    // Slack sends no app_mention for a direct message, and Drumbeat reads no DMs: say so, as Slack's silence would not.
    await api('message', { userId, channel, threadTs, text });
    toast('In Slack, Drumbeat answers @mentions in channels. Here, in its direct messages, use /drumbeat ask …');
  } else if (/@drumbeat\b/i.test(text)) {
    checkAnswer(await api('mention', { userId, channel, threadTs, text: text.replace(/@drumbeat\b/i, '').trim() }), 'The mention');
  } else {
    await api('message', { userId, channel, threadTs, text });
  }
  pollSoon();
}

function isDirect(channel) {
  const c = S.conversations.find(c => c.id === channel);
  return !!c && c.kind === 'dm';
}

function composerSubmit(input, threadOf) {
  return e => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    send(text, threadOf());
  };
}

// ---- clicks: buttons, selects, overflow menus, date pickers ---------------------------------------------

function containerOf(el) {
  const viewEl = el.closest('[data-view-id]');
  if (viewEl) {
    const id = viewEl.dataset.viewId;
    const view = S.stack.find(v => v.id === id) || (S.home && S.home.id === id ? S.home : null);
    return { view };
  }
  const msg = el.closest('.msg');
  return msg ? { channel: msg.dataset.channel, ts: msg.dataset.ts } : {};
}

async function act(el, choice) {
  const click = Object.assign({ userId: S.user }, JSON.parse(el.dataset.act), choice || {}, containerOf(el));
  if (/^https?:\/\//.test(el.dataset.url || '')) window.open(el.dataset.url, '_blank', 'noopener');
  checkAnswer(await api('action', click), 'The click');
  pollSoon();
  if (S.channel === HOME) setTimeout(refreshHome, 800);
}

function onClick(e) {
  const t = e.target;
  if (!t.closest('#sidebar, #menu-toggle')) closeMenu();
  const conversation = t.closest('.conversation');
  if (conversation) return selectConversation(conversation.dataset.channel);
  const threadLink = t.closest('.thread-link');
  if (threadLink) return openThread(threadLink.dataset.ts);
  const overflowItem = t.closest('.overflow-item');
  if (overflowItem) {
    const trigger = overflowItem.closest('.overflow-wrap').querySelector('button.overflow');
    overflowItem.parentElement.hidden = true;
    return act(trigger, { selected: { value: overflowItem.dataset.value, text: overflowItem.dataset.text } });
  }
  const overflow = t.closest('button.overflow');
  document.querySelectorAll('.overflow-menu').forEach(m => { if (!overflow || m !== overflow.nextElementSibling) m.hidden = true; });
  if (overflow) {
    overflow.nextElementSibling.hidden = !overflow.nextElementSibling.hidden;
    return;
  }
  const button = t.closest('button.action');
  if (button) act(button);
}

function onChange(e) {
  const t = e.target;
  if (t.matches('select.action-select')) {
    const type = JSON.parse(t.dataset.act).type;
    const option = t.options[t.selectedIndex];
    act(t, type === 'users_select' ? { selectedUser: t.value } : { selected: { value: t.value, text: option.textContent } });
  } else if (t.matches('input.action-date')) {
    act(t, { selectedDate: t.value });
  }
}

// ---- modals --------------------------------------------------------------------------------------------

/** The stand-in's last modal for this person: a new hash means the bot opened, pushed or updated one. */
function showModal(view) {
  const hash = view ? view.hash : null;
  if (!S.modalPrimed) {
    S.modalPrimed = true;
    S.modalHash = hash;
    return;
  }
  if (!view || hash === S.modalHash) return;
  S.modalHash = hash;
  const same = S.stack.findIndex(v => v.id === view.id);
  if (same >= 0) S.stack[same] = view;
  else if (view.previous_view_id && S.stack.length && S.stack[S.stack.length - 1].id === view.previous_view_id) S.stack.push(view);
  else S.stack = [view];
  renderModal();
}

function inputFor(b) {
  const e = b.element || {};
  const id = 'f_' + esc(b.block_id);
  const option = (o, selected) => '<option value="' + esc(o.value) + '"' + (selected ? ' selected' : '') + '>' + BlockKit.plain(o.text) + '</option>';
  switch (e.type) {
    case 'static_select':
    case 'radio_buttons':
      return '<select id="' + id + '"><option value=""></option>' + (e.options || []).map(o =>
        option(o, e.initial_option && e.initial_option.value === o.value)).join('') + '</select>';
    case 'users_select':
      return '<select id="' + id + '"><option value=""></option>' + S.people.map(p => '<option value="' + esc(p.userId) + '"' +
        (e.initial_user === p.userId ? ' selected' : '') + '>' + esc(p.realName) + ' (@' + esc(p.handle) + ')</option>').join('') + '</select>';
    case 'checkboxes':
      return (e.options || []).map((o, i) => '<label class="check"><input type="checkbox" id="' + id + (i ? '_' + i : '') +
        '" data-block="' + esc(b.block_id) + '" value="' + esc(o.value) + '"' + ((e.initial_options || []).some(x => x.value === o.value) ? ' checked' : '') + '> ' +
        BlockKit.plain(o.text) + '</label>').join('');
    case 'datepicker':
      return '<input type="date" id="' + id + '" value="' + esc(e.initial_date || '') + '">';
    case 'number_input':
      return '<input type="number" step="any" id="' + id + '" value="' + esc(e.initial_value || '') + '">';
    default:
      if (e.multiline) return '<textarea id="' + id + '" rows="3">' + esc(e.initial_value) + '</textarea>';
      return '<input id="' + id + '" value="' + esc(e.initial_value) + '" placeholder="' +
        esc(e.type === 'channels_select' ? 'channel id, e.g. C0PAYMENTS' : e.placeholder ? e.placeholder.text : '') + '">';
  }
}

function renderModal() {
  const view = S.stack[S.stack.length - 1];
  if (!view) {
    $('overlay').classList.remove('open');
    return;
  }
  const inputs = (view.blocks || []).map(b => b.type === 'input'
    ? '<div class="input"><label for="f_' + esc(b.block_id) + '">' + BlockKit.plain(b.label) +
      (b.optional ? ' <span class="meta">(optional)</span>' : '') + '</label>' + inputFor(b) +
      (b.hint ? '<div class="meta">' + BlockKit.text(b.hint) + '</div>' : '') + '<div class="error" id="e_' + esc(b.block_id) + '"></div></div>'
    : BlockKit.blocks([b])).join('');
  $('modal').dataset.viewId = view.id || '';
  $('modal').innerHTML = '<h3>' + (S.stack.length > 1 ? '<span class="meta">‹ </span>' : '') + BlockKit.plain(view.title) + '</h3>' +
    '<div class="body">' + inputs + '</div><footer>' +
    '<button type="button" id="cancel">' + BlockKit.plain(view.close || { text: view.submit ? 'Cancel' : 'Close' }) + '</button>' +
    (view.submit ? '<button type="button" class="primary" id="submit">' + BlockKit.plain(view.submit) + '</button>' : '') + '</footer>';
  $('overlay').classList.add('open');
  $('cancel').onclick = closeTopView;
  if (view.submit) $('submit').onclick = submitModal;
}

function closeTopView() {
  S.stack.pop();
  renderModal();
}

function formValues(view) {
  const values = {};
  for (const b of view.blocks || []) {
    if (b.type !== 'input') continue;
    const el = document.getElementById('f_' + b.block_id);
    if (el && el.type === 'checkbox') {
      values[b.block_id] = Array.from(document.querySelectorAll('#modal input[type=checkbox]'))
        .filter(box => box.dataset.block === b.block_id && box.checked).map(box => box.value);
    } else if (el) {
      values[b.block_id] = el.value;
    }
  }
  return values;
}

async function submitModal() {
  const view = S.stack[S.stack.length - 1];
  const answer = await api('submit', { userId: S.user, view, values: formValues(view) });
  const body = answer.body && typeof answer.body === 'object' ? answer.body : {};
  document.querySelectorAll('#modal .error').forEach(e => { e.textContent = ''; });
  if (answer.status !== 200) toast('Submitting: Drumbeat answered HTTP ' + answer.status);
  else if (body.response_action === 'errors') {
    for (const [blockId, message] of Object.entries(body.errors || {})) {
      const e = document.getElementById('e_' + blockId);
      if (e) e.textContent = message;
    }
  } else if (body.response_action === 'update') {
    S.stack[S.stack.length - 1] = Object.assign({}, body.view, { id: view.id, hash: view.hash });
    renderModal();
  } else if (body.response_action === 'push') {
    S.stack.push(Object.assign({ id: 'V0PUSHED' + S.stack.length }, body.view));
    renderModal();
  } else if (body.response_action === 'clear') {
    S.stack = [];
    renderModal();
  } else closeTopView();
  pollSoon();
}

// ---- Home tab ------------------------------------------------------------------------------------------

async function refreshHome() {
  const home = await api('home?userId=' + encodeURIComponent(S.user));
  const view = home.view && home.view.blocks ? home.view : null;
  const key = view ? view.hash : '';
  if (key === S.homeKey && $('home-tab').innerHTML) return view;
  S.homeKey = key;
  S.home = view;
  $('home-tab').dataset.viewId = view ? view.id : '';
  $('home-tab').innerHTML = view ? BlockKit.blocks(view.blocks) : '<p class="empty">Opening the Home tab…</p>';
  return view;
}

/** Opening the tab sends app_home_opened each time, as Slack does; the bot publishes the view a moment later. */
async function openHome() {
  const before = (await refreshHome() || {}).hash;
  checkAnswer(await api('home', { userId: S.user }), 'Opening the Home tab');
  for (let i = 0; i < 20 && S.channel === HOME; i++) {
    await new Promise(r => setTimeout(r, 250));
    const view = await refreshHome();
    if (view && view.hash !== before) break;
  }
}

// ---- the Web API calls drawer ---------------------------------------------------------------------------

function renderCall(c) {
  const args = Object.assign({}, c.args);
  const view = args.view;
  const blocks = args.blocks;
  delete args.view;
  delete args.blocks;
  const preview = view && view.blocks ? BlockKit.blocks(view.blocks, '', { inert: true })
    : Array.isArray(blocks) ? BlockKit.blocks(blocks, '', { inert: true }) : '';
  return '<div class="call"><span class="name">' + esc(c.method) + '</span> ' +
    (c.ok ? '<span class="ok">✓</span>' : '<span class="bad">✗ ' + esc(c.error) + '</span>') +
    ' <span class="meta">' + esc(c.at) + '</span><pre>' + esc(JSON.stringify(args, null, 1)) + '</pre>' +
    (preview ? '<details><summary>Blocks</summary><div class="preview">' + preview + '</div></details>' : '') + '</div>';
}

async function refreshCalls() {
  const activity = await api('activity?since=' + S.calls.length);
  S.calls = S.calls.concat(activity.calls);
  S.callsTotal = activity.total;
  const shown = S.calls.slice(-200).reverse();
  $('calls').innerHTML = shown.length ? shown.map(renderCall).join('') : '<p>No Web API calls yet.</p>';
}

/** On a narrow screen the sidebar folds away; this button brings it over the conversation and back. */
function toggleMenu() {
  const open = document.body.classList.toggle('menu-open');
  $('menu-toggle').setAttribute('aria-expanded', String(open));
}

function closeMenu() {
  document.body.classList.remove('menu-open');
  $('menu-toggle').setAttribute('aria-expanded', 'false');
}

function toggleDrawer() {
  S.drawerOpen = !S.drawerOpen;
  $('calls-drawer').hidden = !S.drawerOpen;
  $('calls-toggle').setAttribute('aria-expanded', String(S.drawerOpen));
  if (S.drawerOpen) refreshCalls();
}

// ---- people and the clock ------------------------------------------------------------------------------

function pickUser() {
  S.user = $('user').value;
  const p = S.people.find(p => p.userId === S.user);
  $('who').textContent = p ? p.title + ' · ' + p.role + ' · ' + p.tz : '';
  BlockKit.setZone(p ? p.tz : 'UTC');
  S.channel = null;
  S.conversations = [];
  $('conversations').innerHTML = '';
  S.stack = [];
  S.modalPrimed = false;
  S.homeKey = '';
  $('home-tab').innerHTML = '';
  renderModal();
  const user = S.user;
  api('conversations?userId=' + encodeURIComponent(user)).then(conversations => {
    if (user !== S.user) return;
    S.conversations = conversations;
    selectConversation(conversations.find(c => c.kind === 'dm').id);
  });
}

async function advance(to) {
  const answer = await api('clock', { userId: S.user, to });
  $('now').textContent = new Date(answer.now).toUTCString().replace(' GMT', ' UTC');
  pollSoon();
}

async function start() {
  S.people = await api('people');
  BlockKit.setPeople(S.people);
  $('user').innerHTML = S.people.map(p => '<option value="' + esc(p.userId) + '">' + esc(p.realName) + ' — ' +
    esc(p.role) + '</option>').join('');
  $('user').onchange = pickUser;
  $('day').onclick = () => advance('day');
  $('monday').onclick = () => advance('monday');
  $('calls-toggle').onclick = toggleDrawer;
  $('menu-toggle').onclick = toggleMenu;
  follow($('messages'));
  follow($('thread-messages'));
  $('thread-close').onclick = () => { S.thread = null; $('thread').hidden = true; };
  $('composer').onsubmit = composerSubmit($('text'), () => null);
  $('thread-composer').onsubmit = composerSubmit($('thread-text'), () => S.thread);
  document.querySelectorAll('.hint code').forEach(c => {
    c.onclick = () => {
      closeMenu();
      $('text').value = c.textContent;
      $('text').focus();
    };
  });
  document.addEventListener('click', onClick);
  document.addEventListener('change', onChange);
  document.addEventListener('keydown', e => { if (e.key === 'Escape' && S.stack.length) closeTopView(); });
  pickUser();
  setInterval(poll, 1000);
}

start();
