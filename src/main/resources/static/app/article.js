// The article as the writer sees it: markdown and HTML are parsed into a small tree of safe elements whose text nodes
// know, character by character, the span of the submitted text each character came from. Findings carry offsets into
// the submitted text (UTF-16 code units), so a rendered character is highlighted when its span overlaps a finding;
// markup the hub attaches to a finding (the ** of **Guaranteed returns**) is simply not shown.
//
// Article HTML is untrusted. Only whitelisted tags become elements, with no attributes but a link's checked href;
// every other tag stays visible as literal text; nothing is ever handed to the browser's HTML parser (the DOM is
// built node by node with createElement and createTextNode).

import { segments } from './findings.js';

const NAMED_ENTITIES = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: '\u00A0', euro: '€', pound: '£', yen: '¥', cent: '¢',
  ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„', laquo: '«',
  raquo: '»', hellip: '…', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', sect: '§', para: '¶', deg: '°',
  plusmn: '±', times: '×', divide: '÷', permil: '‰', frac12: '½', frac14: '¼', frac34: '¾', sup2: '²', sup3: '³',
  shy: '\u00AD', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200C', zwj: '\u200D', auml: 'ä',
  ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', eacute: 'é', Eacute: 'É', egrave: 'è',
  ecirc: 'ê', agrave: 'à', aacute: 'á', acirc: 'â', ccedil: 'ç', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ',
};

/** Tags rendered as themselves (HTML articles; markdown produces a subset). Anything else is shown as text. */
const ALLOWED = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'hr',
  'br', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'section', 'article', 'header', 'footer',
  'main', 'aside', 'nav', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'address', 'b', 'strong', 'i', 'em', 'u', 's',
  'del', 'ins', 'code', 'kbd', 'samp', 'sub', 'sup', 'small', 'span', 'a', 'abbr', 'q', 'cite', 'dfn', 'var', 'time']);
/** Article tags rendered as another, harmless one (mark is what highlights are made of). */
const RENAMED = { mark: 'span' };
const VOID = new Set(['br', 'hr']);
/** Document structure: the tag is dropped silently, its content kept (head: its content dropped too). */
const STRUCTURE = new Set(['html', 'body', 'head']);
const URL_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The character reference starting at s[at] (an '&'): {chars, end} or null. */
export function decodeEntity(s, at) {
  const m = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});/y;
  m.lastIndex = at;
  const found = m.exec(s);
  if (!found) return null;
  const body = found[1];
  let chars = NAMED_ENTITIES[body];
  if (body.startsWith('#')) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    const valid = code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF);
    chars = String.fromCodePoint(valid ? code : 0xFFFD);
  }
  return chars === undefined ? null : { chars, end: at + found[0].length };
}

/** A link target the console may render: http(s), mailto or relative; null for javascript:, data: and the like. */
export function safeUrl(raw) {
  // Browsers ignore control characters and white space inside a scheme ("java\tscript:"), so check without them.
  const url = String(raw ?? '').replace(/[\u0000-\u0020\u007F]/g, '');
  if (!url) return null;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  if (scheme && !URL_SCHEMES.has(scheme[1].toLowerCase())) return null;
  return url;
}

// ---- the tree: elements {tag, href?, children} and text nodes {text, starts, ends} ----

function element(tag, attrs = {}) {
  return { tag, ...attrs, children: [] };
}

/** Appends visible characters that came from the source span [start, end). */
function addText(parent, chars, start, end) {
  let last = parent.children[parent.children.length - 1];
  if (!last || last.tag !== undefined) {
    last = { text: '', starts: [], ends: [] };
    parent.children.push(last);
  }
  last.text += chars;
  for (let i = 0; i < chars.length; i++) {
    last.starts.push(start);
    last.ends.push(end);
  }
}

/** Source characters [from, to) shown as themselves, one span each. */
function addLiteral(parent, s, from, to) {
  for (let i = from; i < to; i++) addText(parent, s[i], i, i + 1);
}

// ---- markdown ----

const FENCE = /^(`{3,}|~{3,})/;
const ATX = /^(#{1,6})(?:[ \t]+|$)/;
const RULE = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^(=+|-+)[ \t]*$/;
const LIST_ITEM = /^([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

function splitLines(s) {
  const lines = [];
  let start = 0;
  while (start <= s.length) {
    const match = /\r\n|\r|\n/g;
    match.lastIndex = start;
    const m = match.exec(s);
    const end = m ? m.index : s.length;
    lines.push({ start, end });
    if (!m) break;
    start = m.index + m[0].length;
  }
  return lines;
}

/** Index of the first character of the line that is no space or tab. */
function indentEnd(s, line) {
  let i = line.start;
  while (i < line.end && (s[i] === ' ' || s[i] === '\t')) i++;
  return i;
}

const isBlank = (s, line) => indentEnd(s, line) === line.end;
const content = (s, line) => s.slice(indentEnd(s, line), line.end);

function startsBlock(s, line) {
  const c = content(s, line);
  return FENCE.test(c) || ATX.test(c) || RULE.test(c) || c.startsWith('>') || LIST_ITEM.test(c);
}

/** Block structure of markdown lines (each {start, end} in the source) into parent. */
function markdownBlocks(s, lines, parent) {
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const at = indentEnd(s, line);
    const text = s.slice(at, line.end);
    let m;
    if (at === line.end) {
      i++;
    } else if ((m = FENCE.exec(text))) {
      const code = element('code');
      let j = i + 1;
      for (; j < lines.length; j++) {
        const close = FENCE.exec(content(s, lines[j]));
        if (close && close[1][0] === m[1][0] && close[1].length >= m[1].length) break;
        if (j > i + 1) addText(code, '\n', lines[j - 1].end, lines[j].start);
        addLiteral(code, s, lines[j].start, lines[j].end);
      }
      parent.children.push({ ...element('pre'), children: [code] });
      i = j + 1;
    } else if ((m = ATX.exec(text))) {
      const heading = element(`h${m[1].length}`);
      const end = at + text.replace(/(?:[ \t]+#+)?[ \t]*$/, '').length;
      inlineLines(s, [{ start: at + m[0].length, end: Math.max(at + m[0].length, end) }], heading);
      parent.children.push(heading);
      i++;
    } else if (RULE.test(text)) {
      parent.children.push(element('hr'));
      i++;
    } else if (text.startsWith('>')) {
      const quote = element('blockquote');
      const inner = [];
      for (; i < lines.length && content(s, lines[i]).startsWith('>'); i++) {
        const from = indentEnd(s, lines[i]) + 1;
        inner.push({ start: s[from] === ' ' ? from + 1 : from, end: lines[i].end });
      }
      markdownBlocks(s, inner, quote);
      parent.children.push(quote);
    } else if ((m = LIST_ITEM.exec(text))) {
      i = markdownList(s, lines, i, parent);
    } else {
      const paragraph = [];
      let heading = null;
      for (; i < lines.length && !isBlank(s, lines[i]); i++) {
        if (paragraph.length && SETEXT.test(content(s, lines[i]))) {
          heading = content(s, lines[i])[0] === '=' ? 'h1' : 'h2';
          i++;
          break;
        }
        if (paragraph.length && startsBlock(s, lines[i])) break;
        paragraph.push({ start: indentEnd(s, lines[i]), end: lines[i].end });
      }
      const block = element(heading ?? 'p');
      inlineLines(s, paragraph, block);
      parent.children.push(block);
    }
  }
}

/** A list starting at lines[i]; answers the index of the first line after it. */
function markdownList(s, lines, i, parent) {
  const ordered = (c) => /^\d/.test(c);
  const first = LIST_ITEM.exec(content(s, lines[i]));
  const list = element(ordered(first[1]) ? 'ol' : 'ul');
  const start = ordered(first[1]) ? parseInt(first[1], 10) : 1;
  if (start !== 1) list.start = start;
  items: while (i < lines.length) {
    const line = lines[i];
    const at = indentEnd(s, line);
    const m = LIST_ITEM.exec(s.slice(at, line.end));
    if (!m || ordered(m[1]) !== (list.tag === 'ol')) break;
    const column = at + m[0].length - line.start;
    const itemLines = [{ start: at + m[0].length, end: line.end }];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j];
      const indent = indentEnd(s, next) - next.start;
      if (isBlank(s, next)) {
        const following = lines.slice(j + 1).find((l) => !isBlank(s, l));
        if (!following || indentEnd(s, following) - following.start < column) break;
        itemLines.push({ start: next.end, end: next.end });
      } else if (indent >= column) {
        itemLines.push({ start: next.start + column, end: next.end });
      } else if (startsBlock(s, next) || isBlank(s, lines[j - 1])) {
        break;
      } else {
        itemLines.push({ start: indentEnd(s, next), end: next.end });
      }
    }
    const item = element('li');
    markdownBlocks(s, itemLines, item);
    // A tight item's single paragraph is shown inline, as markdown renderers do.
    if (item.children.length === 1 && item.children[0].tag === 'p') item.children = item.children[0].children;
    list.children.push(item);
    i = j;
    while (i < lines.length && isBlank(s, lines[i])) {
      const following = lines.slice(i).find((l) => !isBlank(s, l));
      if (!following || !LIST_ITEM.test(content(s, following))) break items;
      i++;
    }
  }
  parent.children.push(list);
  return i;
}

/** The inline content of lines (joined by their line breaks) into parent. */
function inlineLines(s, lines, parent) {
  const c = [];
  const idx = [];
  lines.forEach((line, n) => {
    if (n > 0) {
      c.push('\n');
      idx.push(lines[n - 1].end);
    }
    for (let i = line.start; i < line.end; i++) {
      c.push(s[i]);
      idx.push(i);
    }
  });
  inline(s, c, idx, 0, c.length, parent);
}

const isSpace = (ch) => ch === undefined || /\s/.test(ch);

/** Inline markdown of c[from, to) (idx: each char's source index): escapes, code, links, entities, emphasis. */
function inline(s, c, idx, from, to, parent) {
  const tokens = [];
  const text = (chars, start, end) => tokens.push({ chars, start, end });
  let k = from;
  while (k < to) {
    const ch = c[k];
    if (ch === '\\' && k + 1 < to && c[k + 1] < '\u0080' && PUNCTUATION.test(c[k + 1])) {
      text(c[k + 1], idx[k], idx[k + 1] + 1);
      k += 2;
    } else if (ch === '`') {
      k = codeSpan(c, idx, k, to, tokens);
    } else if (ch === '[' || (ch === '!' && c[k + 1] === '[')) {
      k = link(s, c, idx, k, to, tokens);
    } else if (ch === '&' && decodeEntity(c.slice(k, Math.min(to, k + 40)).join(''), 0)) {
      const entity = decodeEntity(c.slice(k, Math.min(to, k + 40)).join(''), 0);
      text(entity.chars, idx[k], idx[k + entity.end - 1] + 1);
      k += entity.end;
    } else if (ch === '*' || ch === '_' || ch === '~') {
      let end = k;
      while (end < to && c[end] === ch) end++;
      const before = k > from ? c[k - 1] : undefined;
      const after = end < to ? c[end] : undefined;
      const left = !isSpace(after) && (!PUNCTUATION.test(after) || isSpace(before) || PUNCTUATION.test(before));
      const right = !isSpace(before) && (!PUNCTUATION.test(before) || isSpace(after) || PUNCTUATION.test(after));
      const valid = ch !== '~' || end - k <= 2;
      tokens.push({ delim: ch, length: end - k, lo: k, hi: end, idx,
        canOpen: valid && (ch === '_' ? left && (!right || PUNCTUATION.test(before)) : left),
        canClose: valid && (ch === '_' ? right && (!left || PUNCTUATION.test(after)) : right),
        opens: [], closes: [] });
      k = end;
    } else {
      text(ch, idx[k], idx[k] + 1);
      k++;
    }
  }
  emphasis(tokens);
  const stack = [parent];
  for (const t of tokens) {
    if (t.node) {
      stack[stack.length - 1].children.push(t.node);
    } else if (t.delim) {
      t.closes.forEach(() => stack.pop());
      for (let i = t.lo; i < t.hi; i++) addText(stack[stack.length - 1], c[i], idx[i], idx[i] + 1);
      for (const tag of t.opens) {
        const child = element(tag);
        stack[stack.length - 1].children.push(child);
        stack.push(child);
      }
    } else {
      addText(stack[stack.length - 1], t.chars, t.start, t.end);
    }
  }
}

/** Matches emphasis delimiters (CommonMark's algorithm, without the rule of three). */
function emphasis(tokens) {
  tokens.forEach((closer, ci) => {
    if (!closer.delim || !closer.canClose) return;
    while (closer.hi > closer.lo) {
      let oi = ci - 1;
      while (oi >= 0 && !(tokens[oi].delim === closer.delim && tokens[oi].canOpen && tokens[oi].hi > tokens[oi].lo
          && (closer.delim !== '~' || tokens[oi].length === closer.length))) oi--;
      if (oi < 0) return;
      const opener = tokens[oi];
      for (let between = oi + 1; between < ci; between++) if (tokens[between].delim) tokens[between].canOpen = false;
      const left = Math.min(opener.hi - opener.lo, closer.hi - closer.lo);
      const used = closer.delim === '~' ? left : Math.min(left, 2);
      const tag = closer.delim === '~' ? 'del' : used === 2 ? 'strong' : 'em';
      opener.hi -= used;
      closer.lo += used;
      opener.opens.unshift(tag);
      closer.closes.push(tag);
    }
  });
}

function codeSpan(c, idx, at, to, tokens) {
  let run = at;
  while (run < to && c[run] === '`') run++;
  const n = run - at;
  for (let k = run; k < to; k++) {
    if (c[k] !== '`') continue;
    let end = k;
    while (end < to && c[end] === '`') end++;
    if (end - k === n) {
      const code = element('code');
      let from = run;
      let until = k;
      if (until - from > 1 && c[from] === ' ' && c[until - 1] === ' ') {
        from++;
        until--;
      }
      for (let i = from; i < until; i++) addText(code, c[i], idx[i], idx[i] + 1);
      tokens.push({ node: code });
      return end;
    }
    k = end - 1;
  }
  for (let i = at; i < run; i++) tokens.push({ chars: '`', start: idx[i], end: idx[i] + 1 });
  return run;
}

/** Index of the bracket closing one opened just before from, or -1. */
function matching(c, from, to, open, close) {
  let depth = 0;
  for (let k = from; k < to; k++) {
    if (c[k] === '\\') k++;
    else if (c[k] === open) depth++;
    else if (c[k] === close && depth-- === 0) return k;
  }
  return -1;
}

/** [text](url) becomes a link (without href when the url is not safe); ![alt](url) its alt text, never an image. */
function link(s, c, idx, at, to, tokens) {
  const image = c[at] === '!';
  const textStart = image ? at + 2 : at + 1;
  const textEnd = matching(c, textStart, to, '[', ']');
  const destinationEnd = textEnd >= 0 && c[textEnd + 1] === '(' ? matching(c, textEnd + 2, to, '(', ')') : -1;
  if (destinationEnd < 0) {
    for (let i = at; i < textStart; i++) tokens.push({ chars: c[i], start: idx[i], end: idx[i] + 1 });
    return textStart;
  }
  const destination = c.slice(textEnd + 2, destinationEnd).join('').trim().split(/\s+/)[0].replace(/^<(.*)>$/, '$1');
  const href = image ? null : safeUrl(destination);
  const node = element(image ? 'span' : 'a', href ? { href } : {});
  inline(s, c, idx, textStart, textEnd, node);
  tokens.push({ node });
  return destinationEnd + 1;
}

// ---- HTML ----

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const HREF = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

function decodeAll(value) {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const entity = value[i] === '&' ? decodeEntity(value, i) : null;
    out += entity ? entity.chars : value[i];
    if (entity) i = entity.end - 1;
  }
  return out;
}

function html(s) {
  const root = element(null);
  const stack = [root];
  const top = () => stack[stack.length - 1];
  let i = 0;
  while (i < s.length) {
    if (s.startsWith('<!--', i)) {
      const close = s.indexOf('-->', i + 4);
      i = close < 0 ? s.length : close + 3;
      continue;
    }
    if (/^<![A-Za-z]/.test(s.slice(i, i + 3))) {
      const close = s.indexOf('>', i);
      i = close < 0 ? s.length : close + 1;
      continue;
    }
    TAG.lastIndex = i;
    const tag = s[i] === '<' ? TAG.exec(s) : null;
    if (tag) {
      const closing = tag[1] === '/';
      const lower = tag[2].toLowerCase();
      const name = RENAMED[lower] ?? lower;
      const end = i + tag[0].length;
      if (lower === 'head' && !closing) {
        const close = s.toLowerCase().indexOf('</head', end);
        i = close < 0 ? s.length : close;
      } else if (STRUCTURE.has(lower)) {
        i = end;
      } else if (!ALLOWED.has(name)) {
        addLiteral(top(), s, i, end);
        i = end;
      } else if (closing) {
        const open = stack.map((n) => n.tag).lastIndexOf(name);
        if (open > 0) stack.length = open;
        i = end;
      } else {
        const href = name === 'a' ? HREF.exec(tag[3]) : null;
        const url = href ? safeUrl(decodeAll(href[1] ?? href[2] ?? href[3])) : null;
        // A link without a safe target stays an a without href: shown as text, closed by its </a>.
        const node = element(name, url ? { href: url } : {});
        top().children.push(node);
        if (!VOID.has(name) && !tag[3].trim().endsWith('/')) stack.push(node);
        i = end;
      }
      continue;
    }
    const entity = s[i] === '&' ? decodeEntity(s, i) : null;
    if (entity) {
      addText(top(), entity.chars, i, entity.end);
      i = entity.end;
    } else {
      addText(top(), s[i], i, i + 1);
      i++;
    }
  }
  return root;
}

/**
 * The article's rendered tree: {tag: null, children} of elements ({tag, href?, start?, children}) and text nodes
 * ({text, starts, ends}: the source span of every UTF-16 code unit of text). Plain text is one text node.
 */
export function parseArticle(text, format) {
  const source = text ?? '';
  if (format === 'markdown') {
    const root = element(null);
    markdownBlocks(source, splitLines(source), root);
    return root;
  }
  if (format === 'html') return html(source);
  const root = element(null);
  addLiteral(root, source, 0, source.length);
  return root;
}

/** The visible text of a tree, blocks joined by nothing (for tests and checks). */
export function visibleText(node) {
  return node.tag === undefined ? node.text : node.children.map(visibleText).join('');
}

/**
 * A text node cut where the set of findings covering it changes: [{text, ids}]. A character is covered by a finding
 * when its source span overlaps the finding's [offset, offset + length). pieces: segments() of the source text.
 */
export function highlightPieces(node, pieces) {
  const out = [];
  let p = 0;
  for (let i = 0; i < node.text.length; i++) {
    const start = node.starts[i];
    const end = Math.max(node.ends[i], start + 1);
    // Spans only grow with i, except after a jump back (never in practice): restart the search then.
    if (p >= pieces.length || pieces[p].start > start) p = 0;
    while (p < pieces.length && pieces[p].end <= start) p++;
    const ids = new Set();
    for (let q = p; q < pieces.length && pieces[q].start < end; q++) pieces[q].ids.forEach((id) => ids.add(id));
    const key = [...ids].join(' ');
    const last = out[out.length - 1];
    if (last && last.key === key) {
      last.text += node.text[i];
    } else {
      out.push({ text: node.text[i], ids: [...ids], key });
    }
  }
  return out.map(({ text, ids }) => ({ text, ids }));
}

/**
 * DOM nodes for the article (a DocumentFragment of doc), findings highlighted: mark(ids, text) makes the highlight
 * element of a piece covered by the findings ids. Only whitelisted tags are created, and no attribute but a link's
 * safe href (and a list's start number).
 */
export function renderArticle(doc, text, format, findings, mark) {
  const pieces = segments(text ?? '', findings);
  const build = (node) => {
    if (node.tag === undefined) {
      return highlightPieces(node, pieces).map((p) => (p.ids.length ? mark(p.ids, p.text) : doc.createTextNode(p.text)));
    }
    const tag = ALLOWED.has(node.tag) ? node.tag : 'span';
    const out = doc.createElement(tag);
    if (tag === 'a' && safeUrl(node.href)) {
      out.setAttribute('href', safeUrl(node.href));
      out.setAttribute('target', '_blank');
      out.setAttribute('rel', 'noopener noreferrer');
    }
    if (tag === 'ol' && Number.isInteger(node.start)) out.setAttribute('start', String(node.start));
    out.append(...node.children.flatMap(build));
    return [out];
  };
  const fragment = doc.createDocumentFragment();
  fragment.append(...parseArticle(text, format).children.flatMap(build));
  return fragment;
}
