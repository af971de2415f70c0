import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntity, highlightPieces, parseArticle, renderArticle, safeUrl, visibleText }
  from '../../main/resources/static/app/article.js';
import { flattenFindings, segments } from '../../main/resources/static/app/findings.js';

/** Every text node of a tree, in order. */
function textNodes(node) {
  return node.tag === undefined ? [node] : node.children.flatMap(textNodes);
}

/** The tags of a tree, depth first: a compact picture of its structure. */
function tags(node) {
  return node.tag === undefined ? [] : [node.tag ?? 'root', ...node.children.flatMap(tags)];
}

/** The highlighted visible text of every finding: the rendered characters whose source spans overlap it. */
function highlighted(source, format, findings) {
  const located = findings.map((f, i) => ({ ...f, id: `f${i}`, located: true }));
  const pieces = segments(source, located);
  const shown = new Map(located.map((f) => [f.id, '']));
  for (const node of textNodes(parseArticle(source, format))) {
    for (const p of highlightPieces(node, pieces)) p.ids.forEach((id) => shown.set(id, shown.get(id) + p.text));
  }
  return located.map((f) => shown.get(f.id));
}

const find = (source, quote) => ({ offset: source.indexOf(quote), length: quote.length, quote });

/** Every visible character's source span holds that character (or an entity or escape producing it). */
function assertSpans(source, format) {
  for (const node of textNodes(parseArticle(source, format))) {
    for (let i = 0; i < node.text.length; i++) {
      const span = source.slice(node.starts[i], node.ends[i]);
      assert.ok(span === node.text[i] || span.startsWith('&') || span.startsWith('\\') || span.length === 2
          || /^\r?\n$/.test(span), `${JSON.stringify(node.text[i])} from ${JSON.stringify(span)}`);
    }
  }
}

test('markdown renders headings, emphasis, lists, links and paragraphs without their markup', () => {
  const md = '# Plan 🚀 now\n\nThe **best** plan, *really*.\n\n- **Guaranteed returns** of 5%\n- one _more_\n\n'
      + '1. first\n2. second\n\nSee [our page](https://example.com/x) or `code`.\nLine two.\n\n> quoted\n\n---\n\n'
      + 'Setext\n===\n\n```\n**not bold**\n```\n';
  const tree = parseArticle(md, 'markdown');
  assert.deepEqual(tags(tree), ['root', 'h1', 'p', 'strong', 'em', 'ul', 'li', 'strong', 'li', 'em', 'ol', 'li', 'li',
    'p', 'a', 'code', 'blockquote', 'p', 'hr', 'h1', 'pre', 'code']);
  const text = visibleText(tree);
  const prose = text.slice(0, text.indexOf('Setext'));
  assert.ok(!prose.includes('**') && !prose.includes('# ') && !prose.includes('](') && !prose.includes('`'), prose);
  assert.match(text, /Plan 🚀 now/);
  assert.match(text, /The best plan, really\./);
  assert.match(text, /\*\*not bold\*\*/, 'code blocks stay literal');
  assertSpans(md, 'markdown');
});

test('markdown findings (offsets into the source, markup included) highlight the rendered words', () => {
  const md = '# Plan 🚀 now\n\n- **Guaranteed returns** of up to 5%\n- The *best* plan for ***you and me***\n\n'
      + 'Don&rsquo;t wait: [act now](https://example.com) and lock in your *guaranteed 5%* return.';
  const findings = [find(md, '**Guaranteed returns**'), find(md, 'best'), find(md, 'Don&rsquo;t'),
    find(md, 'act now'), find(md, 'guaranteed 5%* return'), find(md, 'you and'), find(md, '*best* plan')];
  assert.deepEqual(highlighted(md, 'markdown', findings),
      ['Guaranteed returns', 'best', 'Don’t', 'act now', 'guaranteed 5% return', 'you and', 'best plan']);
});

test('nested emphasis maps every character back to its own source character', () => {
  const md = 'A ***very*** **bold *and* italic** _under_score_ ~~gone~~ text\\* here';
  const tree = parseArticle(md, 'markdown');
  assert.deepEqual(tags(tree), ['root', 'p', 'em', 'strong', 'strong', 'em', 'em', 'del']);
  assert.equal(visibleText(tree), 'A very bold and italic under_score gone text* here');
  assertSpans(md, 'markdown');
  assert.deepEqual(highlighted(md, 'markdown', [find(md, 'and'), find(md, 'under_score'), find(md, '\\*')]),
      ['and', 'under_score', '*']);
});

test('HTML renders whitelisted tags, decodes entities and maps them to their whole source span', () => {
  const src = '<h2>Don&rsquo;t miss out</h2><p>A <b>safe</b> and <i>risk-free</i> plan &amp; more &#8364;5 '
      + '&#x1F680;.</p><ul><li>one</li><li><strong>two <em>three</em></strong></li></ul>';
  const tree = parseArticle(src, 'html');
  assert.deepEqual(tags(tree), ['root', 'h2', 'p', 'b', 'i', 'ul', 'li', 'li', 'strong', 'em']);
  const text = visibleText(tree);
  assert.equal(text, 'Don’t miss outA safe and risk-free plan & more €5 🚀.onetwo three');
  assertSpans(src, 'html');
  assert.deepEqual(highlighted(src, 'html', [find(src, 'Don&rsquo;t'), find(src, '<i>risk-free</i>'),
    find(src, 'rsquo'), find(src, 'two <em>three')]), ['Don’t', 'risk-free', '’', 'two three']);
});

test('untrusted HTML: scripts, handlers and javascript: links are never rendered as such', () => {
  const src = '<p onclick="alert(1)">Hi <script>alert(2)</script><img src=x onerror=alert(3)>'
      + '<a href="javascript:alert(4)">bad</a> <a href=" jav&#x09;ascript:alert(5)">tab</a>'
      + '<a href="https://example.com/?a=1&amp;b=2" onmouseover="x()">good</a><style>p{}</style><iframe></iframe>'
      + '<mark>m</mark></p>';
  const tree = parseArticle(src, 'html');
  const links = [];
  const walk = (n) => {
    if (n.tag === 'a') links.push(n.href);
    n.children?.forEach(walk);
  };
  walk(tree);
  assert.deepEqual(links, [undefined, undefined, 'https://example.com/?a=1&b=2']);
  assert.deepEqual(tags(tree), ['root', 'p', 'a', 'a', 'a', 'span']);
  const text = visibleText(tree);
  assert.match(text, /<script>alert\(2\)<\/script>/, 'a script is shown as text');
  assert.match(text, /<img src=x onerror=alert\(3\)>/);
  assert.match(text, /<style>p\{\}<\/style><iframe><\/iframe>/);

  // The DOM: only whitelisted elements, no attribute but href/target/rel on the safe link.
  const created = [];
  const fakeDoc = {
    createElement(tag) {
      const node = { tag, attrs: {}, children: [], setAttribute(k, v) { this.attrs[k] = v; },
        append(...c) { this.children.push(...c); } };
      created.push(node);
      return node;
    },
    createTextNode: (t) => ({ text: t }),
    createDocumentFragment() { return this.createElement('#fragment'); },
  };
  renderArticle(fakeDoc, src, 'html', [], () => assert.fail('no findings'));
  assert.deepEqual(created.map((n) => n.tag), ['#fragment', 'p', 'a', 'a', 'a', 'span']);
  assert.deepEqual(created.map((n) => n.attrs).filter((a) => Object.keys(a).length),
      [{ href: 'https://example.com/?a=1&b=2', target: '_blank', rel: 'noopener noreferrer' }]);
});

test('markdown links: only http(s), mailto and relative targets; images show their alt text only', () => {
  const md = '[x](javascript:alert(1)) [y](mailto:a@b.c) [z](/docs) ![alt text](https://t.example/p.png)';
  const links = parseArticle(md, 'markdown').children[0].children.filter((n) => n.tag === 'a').map((n) => n.href);
  assert.deepEqual(links, [undefined, 'mailto:a@b.c', '/docs']);
  assert.equal(visibleText(parseArticle(md, 'markdown')), 'x y z alt text');
  assert.equal(safeUrl('JaVaScRiPt:alert(1)'), null);
  assert.equal(safeUrl('data:text/html,x'), null);
  assert.equal(safeUrl('https://example.com'), 'https://example.com');
});

test('entities: named, decimal, hex; unknown or invalid ones stay text', () => {
  assert.deepEqual(decodeEntity('x&rsquo;', 1), { chars: '’', end: 8 });
  assert.deepEqual(decodeEntity('&#x1F680;', 0), { chars: '🚀', end: 9 });
  assert.deepEqual(decodeEntity('&#xD800;', 0), { chars: '\uFFFD', end: 8 });
  assert.equal(decodeEntity('&nosuch;', 0), null);
  assert.equal(decodeEntity('& ', 0), null);
  assert.equal(visibleText(parseArticle('AT&T &nosuch; &lt;b&gt;', 'html')), 'AT&T &nosuch; <b>');
});

test('plain text renders as it is, and the sample report\'s findings highlight whole words', () => {
  const text = '**not bold** <i>x</i>';
  assert.equal(visibleText(parseArticle(text, 'plain')), text);
  const report = { guidelines: [{ guidelineId: 'g', severity: 'error', verdict: 'FAIL',
    findings: [{ checkId: 'c', message: 'm', ...find(text, '**not bold**') }] }] };
  const pieces = segments(text, flattenFindings(report));
  assert.deepEqual(highlightPieces(parseArticle(text, 'plain').children[0], pieces),
      [{ text: '**not bold**', ids: ['f0'] }, { text: ' <i>x</i>', ids: [] }]);
});
