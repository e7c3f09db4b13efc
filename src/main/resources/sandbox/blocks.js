// Renders Slack's Block Kit and mrkdwn as HTML, the way the Slack client shows them.
// Interactive elements carry their action in data-act (JSON); sandbox.js sends the clicks.
'use strict';

const BlockKit = (() => {
  const emoji = {
    large_green_circle: '🟢', large_orange_circle: '🟠', large_yellow_circle: '🟡', red_circle: '🔴',
    white_circle: '⚪', white_check_mark: '✅', heavy_check_mark: '✔️', x: '❌', warning: '⚠️', bell: '🔔',
    rotating_light: '🚨', mega: '📣', zzz: '💤', eyes: '👀', chart_with_downwards_trend: '📉',
    chart_with_upwards_trend: '📈', bar_chart: '📊', hourglass: '⌛', hourglass_flowing_sand: '⏳', memo: '📝',
    moneybag: '💰', money_with_wings: '💸', dart: '🎯', calendar: '📅', date: '📅', wave: '👋', tada: '🎉',
    shield: '🛡️', lock: '🔒', bulb: '💡', point_right: '👉', arrow_right: '➡️', information_source: 'ℹ️',
    thinking_face: '🤔', fire: '🔥', construction: '🚧', clipboard: '📋', pushpin: '📌', scales: '⚖️',
    house: '🏠', busts_in_silhouette: '👥', bust_in_silhouette: '👤', crown: '👑', link: '🔗', no_entry: '⛔',
    heavy_plus_sign: '➕', arrow_up: '⬆️', arrow_down: '⬇️', repeat: '🔁', snail: '🐌', rocket: '🚀',
    leftwards_arrow_with_hook: '↩️', key: '🔑', double_vertical_bar: '⏸️', small_red_triangle_down: '🔻'
  };
  let people = [];
  let channels = [];
  // Slack draws dates in the reader's time zone, and says "Today" by the reader's clock: here, the demo's.
  let zone = 'UTC';
  let now = Date.now();

  const esc = s => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  const emojify = s => s.replace(/:([a-z0-9_+-]+):/g, (m, e) => emoji[e] || m);
  // The stand-in's bot user (SlackStandIn.BOT_USER_ID), so "<@U0DRUMBOT>" reads as @Drumbeat.
  const BOT_USER_ID = 'U0DRUMBOT';
  const nameOf = id => {
    if (id === BOT_USER_ID) return 'Drumbeat';
    const p = people.find(p => p.userId === id);
    return p ? p.handle : id;
  };
  const channelName = id => {
    const c = channels.find(c => c.id === id);
    return c ? c.name : id;
  };
  const attr = value => esc(JSON.stringify(value));

  // Slack's "<…>" tokens: mentions, channels, special mentions and links.
  function token(inner) {
    const [target, label] = inner.split('|').map(decode);
    if (/^@[UW]/.test(target)) return '<span class="mention">@' + esc(nameOf(target.slice(1))) + '</span>';
    if (/^#[CGD]/.test(target)) return '<span class="mention">#' + esc(label || channelName(target.slice(1))) + '</span>';
    if (target.startsWith('!date^')) return date(target, label);
    if (target.startsWith('!')) return '<span class="mention">@' + esc(label || target.slice(1).split('^')[0]) + '</span>';
    if (/^(https?|mailto):/.test(target)) {
      return '<a href="' + esc(target) + '" target="_blank" rel="noopener">' + esc(label || target) + '</a>';
    }
    return esc('<' + inner + '>');
  }

  // Slack's date tokens, drawn in the reader's zone as an English-language Slack client draws them.
  const inZone = (at, options) => new Intl.DateTimeFormat('en-US', Object.assign({ timeZone: zone }, options))
    .format(at).replace(/\u202f/g, ' ');
  const ordinal = n => n + ((n % 100 >= 11 && n % 100 <= 13) ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' })[n % 10] || 'th');
  const dayOf = at => inZone(at, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const DATE_FORMATS = {
    date_num: at => inZone(at, { year: 'numeric' }) + '-' + inZone(at, { month: '2-digit' }) + '-' + inZone(at, { day: '2-digit' }),
    date: at => inZone(at, { month: 'long' }) + ' ' + ordinal(Number(inZone(at, { day: 'numeric' }))) + ', ' +
      inZone(at, { year: 'numeric' }),
    date_short: at => inZone(at, { month: 'short', day: 'numeric', year: 'numeric' }),
    date_long: at => inZone(at, { weekday: 'long' }) + ', ' + DATE_FORMATS.date(at),
    date_pretty: at => nearDay(at) || DATE_FORMATS.date(at),
    date_short_pretty: at => nearDay(at) || DATE_FORMATS.date_short(at),
    date_long_pretty: at => nearDay(at) || DATE_FORMATS.date_long(at),
    time: at => inZone(at, { hour: 'numeric', minute: '2-digit', hour12: true }),
    time_secs: at => inZone(at, { hour: 'numeric', minute: '2-digit', second: '2-digit', hour12: true })
  };

  /** "Yesterday", "Today" or "Tomorrow" when {@code at} falls on one of them in the reader's zone, else ''. */
  function nearDay(at) {
    const names = { '-1': 'Yesterday', 0: 'Today', 1: 'Tomorrow' };
    const offset = [-1, 0, 1].find(days => dayOf(new Date(now + days * 86400000)) === dayOf(at));
    return offset === undefined ? '' : names[offset];
  }

  /** "<!date^1392734382^{date_short} {time}^optional_link|fallback>": the fallback when it cannot be drawn. */
  function date(target, fallback) {
    const [, epoch, format, link] = target.split('^');
    const tokens = format ? format.match(/\{[^}]*\}/g) || [] : [];
    if (!/^\d+$/.test(epoch || '') || !format || tokens.some(t => !DATE_FORMATS[t.slice(1, -1)])) return esc(fallback || '');
    const at = new Date(Number(epoch) * 1000);
    const shown = esc(format.replace(/\{([^}]*)\}/g, (_, name) => DATE_FORMATS[name](at)));
    return /^https?:\/\//.test(link || '') ? '<a href="' + esc(link) + '" target="_blank" rel="noopener">' + shown + '</a>' : shown;
  }

  function mrkdwn(text) {
    const kept = [];
    const keep = html => '\u0000' + (kept.push(html) - 1) + '\u0000';
    let s = String(text ?? '')
      .replace(/```([\s\S]*?)```/g, (_, code) => keep('<pre class="code">' + esc(decode(code)) + '</pre>'))
      .replace(/`([^`\n]+)`/g, (_, code) => keep('<code>' + esc(decode(code)) + '</code>'))
      .replace(/<([^<>\n]+)>/g, (_, inner) => keep(token(inner)));
    s = esc(decode(s))
      .replace(/(^|[\s(>])\*([^*\n]+)\*/g, '$1<b>$2</b>')
      .replace(/(^|[\s(>])_([^_\n]+)_/g, '$1<i>$2</i>')
      .replace(/(^|[\s(>])~([^~\n]+)~/g, '$1<s>$2</s>')
      .replace(/^&gt; ?(.*)$/gm, '<blockquote>$1</blockquote>');
    s = emojify(s).replace(/\n/g, '<br>');
    return s.replace(/\u0000(\d+)\u0000/g, (_, i) => kept[Number(i)]);
  }

  function decode(s) {
    return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  const text = t => !t ? '' : (t.type === 'plain_text' ? emojify(esc(t.text)) : mrkdwn(t.text));
  const plain = t => !t ? '' : emojify(esc(t.text));

  function blocks(list, fallback, options = {}) {
    if (!list || !list.length) return '<div class="block">' + mrkdwn(fallback) + '</div>';
    return list.map(b => block(b, options)).join('');
  }

  function block(b, o) {
    switch (b.type) {
      case 'header': return '<div class="block header">' + plain(b.text) + '</div>';
      case 'divider': return '<hr class="block divider">';
      case 'section': return section(b, o);
      case 'context': return '<div class="block context">' + (b.elements || []).map(e => e.type === 'image'
        ? image(e, 'ctx-image') : '<span>' + text(e) + '</span>').join('') + '</div>';
      case 'image': return '<figure class="block image">' + (b.title ? '<figcaption>' + plain(b.title) + '</figcaption>' : '') +
        '<img src="' + esc(b.image_url) + '" alt="' + esc(b.alt_text) + '" title="' + esc(b.alt_text) + '"></figure>';
      case 'actions': return '<div class="block actions">' + (b.elements || []).map(e => element(e, b.block_id, o)).join('') + '</div>';
      case 'input': return '<div class="block context">▸ ' + plain(b.label) + ' <code>' + esc((b.element || {}).type) + '</code></div>';
      case 'rich_text': return '<div class="block">' + mrkdwn(richText(b.elements)) + '</div>';
      default: return '<div class="block context">[' + esc(b.type) + ' block]</div>';
    }
  }

  function section(b, o) {
    const fields = b.fields ? '<div class="fields">' + b.fields.map(f => '<div>' + text(f) + '</div>').join('') + '</div>' : '';
    const side = b.accessory ? '<div class="accessory">' + element(b.accessory, b.block_id, o) + '</div>' : '';
    return '<div class="block section"><div class="section-main">' + (b.text ? '<div>' + text(b.text) + '</div>' : '') +
      fields + '</div>' + side + '</div>';
  }

  function richText(elements) {
    return (elements || []).map(e => e.elements ? richText(e.elements) : (e.text || (e.user_id ? '<@' + e.user_id + '>' : ''))).join('');
  }

  function image(e, cls) {
    return '<img class="' + cls + '" src="' + esc(e.image_url) + '" alt="' + esc(e.alt_text) + '" title="' + esc(e.alt_text) + '">';
  }

  function act(e, blockId) {
    // Slack sends a button's value and style only when the app set them.
    return { actionId: e.action_id || '', blockId: blockId || '', type: e.type, value: e.value, style: e.style,
      text: e.text ? e.text.text : '' };
  }

  function element(e, blockId, o) {
    if (e.type === 'image') return image(e, 'accessory-image');
    if (o.inert) return '<span class="inert">' + plain(e.text || e.placeholder) + (e.type === 'button' ? '' : ' ▾') + '</span>';
    switch (e.type) {
      case 'button': return button(e, blockId);
      case 'static_select': return select(e, blockId, options(e), e.initial_option && e.initial_option.value);
      case 'users_select': return select(e, blockId, people.map(p => '<option value="' + esc(p.userId) + '">' +
        esc(p.realName) + '</option>').join(''), e.initial_user);
      case 'overflow': return overflow(e, blockId);
      case 'datepicker': return '<input type="date" class="action-date" data-act="' + attr(act(e, blockId)) +
        '" value="' + esc(e.initial_date || '') + '" aria-label="' + esc(e.placeholder ? e.placeholder.text : 'date') + '">';
      default: return '<button type="button" class="unsupported" disabled>' + plain(e.text || e.placeholder || { text: e.type }) + '</button>';
    }
  }

  function button(e, blockId) {
    const style = e.style === 'primary' || e.style === 'danger' ? ' ' + e.style : '';
    const link = e.url ? ' data-url="' + esc(e.url) + '"' : '';
    return '<button type="button" class="action' + style + '"' + link + ' data-act="' + attr(act(e, blockId)) + '">' +
      plain(e.text) + '</button>';
  }

  function options(e) {
    const one = o => '<option value="' + esc(o.value) + '">' + plain(o.text) + '</option>';
    if (e.option_groups) {
      return e.option_groups.map(g => '<optgroup label="' + esc(g.label.text) + '">' + g.options.map(one).join('') + '</optgroup>').join('');
    }
    return (e.options || []).map(one).join('');
  }

  function select(e, blockId, optionsHtml, initial) {
    const placeholder = e.placeholder ? e.placeholder.text : 'Select an item';
    const html = '<select class="action-select" data-act="' + attr(act(e, blockId)) + '" aria-label="' + esc(placeholder) + '">' +
      '<option value="" disabled' + (initial ? '' : ' selected') + '>' + esc(placeholder) + '</option>' + optionsHtml + '</select>';
    return initial ? html.replace('<option value="' + esc(initial) + '">', '<option value="' + esc(initial) + '" selected>') : html;
  }

  function overflow(e, blockId) {
    return '<span class="overflow-wrap"><button type="button" class="overflow" aria-label="More actions" data-act="' +
      attr(act(e, blockId)) + '">⋯</button><div class="overflow-menu" hidden>' + (e.options || []).map(o =>
      '<button type="button" class="overflow-item" data-value="' + esc(o.value) + '" data-text="' + esc(o.text.text) + '">' +
      plain(o.text) + '</button>').join('') + '</div></span>';
  }

  return { blocks, mrkdwn, text, plain, esc, emojify, setPeople: list => { people = list; },
    setChannels: list => { channels = list; }, setZone: tz => { zone = tz || 'UTC'; },
    setNow: iso => { now = Date.parse(iso) || Date.now(); }, zone: () => zone, nameOf };
})();
