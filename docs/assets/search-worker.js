/*
 * The site's search, run by Material's search box in place of Material's
 * lunr worker (docs/assets/search-vi.js points Material at this file).
 *
 * It speaks Material's worker messages: SETUP with the index
 * (search/search_index.json: each page's location, title and text, made from
 * the plan by macros/site/search.py) is answered READY; a QUERY string is
 * answered with a RESULT, pages grouped with their matching sections, title
 * and text marked. Why not lunr: lunr took five seconds to index a plan of
 * 5,000 tasks in the browser; this takes a fraction of one, in a few MB.
 *
 * How a query is read:
 * - words are compared folded: lowercase, without diacritics, đ as d (the
 *   same fold as macros/text.py), so "tin dung" finds "tín dụng"; a word with
 *   dots ("V.8", "II.1.a") is also found without them ("v8", "ii1a");
 * - every word of the query must be on the page, each as the start of a word
 *   (the reader may still be typing it);
 * - pages holding more of the query's words side by side, in order, come
 *   first: four words that stand together in one task bring that task first,
 *   even when a unit's name holds three of them; among equals, a word in the
 *   title weighs like a thousand in the text (Material's default), rare words
 *   weigh more than common ones, and a whole word more than its beginning.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var TOKEN = /<[^>]*>|&[#\w]+;|[^\s\-<&]+/g; // tags and entities break a run of words; "-" separates words
var BREAK = -1;

var pages = [];       // {doc, title: Int32Array, text: Int32Array (made when first needed), boost, base}
var ids = new Map();  // folded word -> id
var forms = [];       // [form, id], sorted by form: every word, and every dotted word without its dots
var posting = [];     // id -> array of page numbers holding the word
var titleBoost = 1000;
var MARKED = 100;     // results whose words are marked: the reader sees ten at a time, and marking
                      // every one of a thousand results of "tin dung" took longer than finding them

function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}

function trim(word) {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

var folded = new Map(); // raw token -> folded, trimmed word ("" for punctuation)
function wordOf(token) {
  var w = folded.get(token);
  if (w === undefined) { w = trim(fold(token)); folded.set(token, w); }
  return w;
}

function idOf(word) {
  var id = ids.get(word);
  if (id === undefined) {
    id = posting.length;
    ids.set(word, id);
    posting.push([]);
    forms.push([word, id]);
    if (word.indexOf(".") !== -1) forms.push([word.replace(/\./g, ""), id]);
  }
  return id;
}

var tokenIds = new Map(); // raw token -> word id, or BREAK for tags, entities and punctuation
function tokenId(token) {
  var id = tokenIds.get(token);
  if (id === undefined) {
    var w = token.charAt(0) === "<" || token.charAt(0) === "&" ? "" : wordOf(token);
    id = w ? idOf(w) : BREAK;
    tokenIds.set(token, id);
  }
  return id;
}

/* A field's words as ids, BREAK between words that do not stand together. */
function words(html) {
  var out = [];
  var match;
  TOKEN.lastIndex = 0;
  while ((match = TOKEN.exec(html))) {
    var id = tokenId(match[0]);
    if (id !== BREAK) out.push(id);
    else if (out.length && out[out.length - 1] !== BREAK) out.push(BREAK);
  }
  return Int32Array.from(out);
}

/* Note the page in the posting list of each of its words. */
function post(html, page) {
  var tokens = html.match(TOKEN) || [];
  for (var i = 0; i < tokens.length; i++) {
    var id = tokenId(tokens[i]);
    if (id === BREAK) continue;
    var list = posting[id];
    if (list[list.length - 1] !== page) list.push(page);
  }
}

/* Setup only lists which pages hold which words; the order of a page's words, which ranking
   reads, is made the first time a query finds the page, so the first results come sooner. */
function setup(data) {
  var fields = data.config && data.config.fields;
  if (fields && fields.title && fields.title.boost) titleBoost = fields.title.boost;
  data.docs.forEach(function (doc, n) {
    post(doc.title || "", n);
    post(doc.text || "", n);
    pages.push({ doc: doc, title: null, text: null, boost: doc.boost || 1, base: doc.location.split("#")[0] });
  });
  forms.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
}

function fieldsOf(page) {
  if (page.title === null) {
    page.title = words(page.doc.title || "");
    page.text = words(page.doc.text || "");
  }
  return page;
}

/* The ids of every word that starts with ``prefix``, and the one equal to it. */
function lookup(prefix) {
  var lo = 0, hi = forms.length;
  while (lo < hi) { var mid = (lo + hi) >> 1; if (forms[mid][0] < prefix) lo = mid + 1; else hi = mid; }
  var matching = new Map(); // id -> 1 for the whole word, 0.5 for a beginning
  for (var i = lo; i < forms.length && forms[i][0].lastIndexOf(prefix, 0) === 0; i++) {
    var weight = forms[i][0] === prefix ? 1 : 0.5;
    if ((matching.get(forms[i][1]) || 0) < weight) matching.set(forms[i][1], weight);
  }
  return matching;
}

function queryWords(query) {
  return fold(query.normalize("NFC")).split(/[\s\-]+/).map(trim).filter(Boolean);
}

/* How a page's field holds the query: weighted counts per term, and the longest run of terms in order. */
function scan(field, terms) {
  var n = terms.length;
  var counts = new Float64Array(n);
  var runs = new Int32Array(n), next = new Int32Array(n); // runs[i]: length of the run of terms ending with term i here
  var longest = 0;
  for (var p = 0; p < field.length; p++) {
    var id = field[p];
    for (var i = 0; i < n; i++) {
      var weight = id === BREAK ? 0 : terms[i].get(id) || 0;
      if (weight) {
        counts[i] += weight;
        next[i] = i > 0 && runs[i - 1] ? runs[i - 1] + 1 : 1;
        if (next[i] > longest) longest = next[i];
      } else next[i] = 0;
    }
    var swap = runs; runs = next; next = swap;
  }
  return { counts: counts, longest: longest };
}

function mark(html, terms, hits) {
  TOKEN.lastIndex = 0;
  return html.replace(TOKEN, function (token) {
    if (token.charAt(0) === "<" || token.charAt(0) === "&") return token;
    var id = ids.get(wordOf(token));
    for (var i = 0; id !== undefined && i < terms.length; i++) {
      if (terms[i].get(id)) { hits[i] = true; return "<mark>" + token + "</mark>"; }
    }
    return token;
  });
}

function search(query) {
  var typed = queryWords(query);
  if (!typed.length) return { items: [] };
  var terms = typed.map(lookup);
  var df = terms.map(function (matching) {
    var seen = new Set();
    matching.forEach(function (_, id) { posting[id].forEach(function (n) { seen.add(n); }); });
    return seen;
  });
  var smallest = df.reduce(function (a, b) { return a.size <= b.size ? a : b; });
  var found = [];
  smallest.forEach(function (n) {
    if (!df.every(function (set) { return set.has(n); })) return;
    var page = fieldsOf(pages[n]);
    var title = scan(page.title, terms), text = scan(page.text, terms);
    var score = 0;
    for (var i = 0; i < terms.length; i++) {
      var idf = Math.log(1 + pages.length / df[i].size);
      var t = title.counts[i], x = text.counts[i];
      score += idf * (titleBoost * t / (t + 1.2) + x / (x + 1.2));
    }
    found.push({ n: n, together: Math.max(title.longest, text.longest), score: score * page.boost });
  });
  found.sort(function (a, b) { return b.together - a.together || b.score - a.score; });

  var groups = new Map(); // page address -> results, best first
  found.forEach(function (hit, rank) {
    var page = pages[hit.n];
    var doc = { location: page.doc.location, title: page.doc.title || "", text: page.doc.text || "", score: hit.score, terms: {} };
    if (rank < MARKED) {
      var hits = typed.map(function () { return false; });
      doc.title = mark(doc.title, terms, hits);
      doc.text = mark(doc.text, terms, hits);
      typed.forEach(function (word, i) { doc.terms[word] = hits[i]; });
    } else {
      typed.forEach(function (word) { doc.terms[word] = true; }); // every result holds every word
    }
    if (!groups.has(page.base)) groups.set(page.base, []);
    groups.get(page.base).push(doc);
  });
  groups.forEach(function (group, base) { // Material shows each group under its page
    if (group.some(function (doc) { return doc.location === base; })) return;
    var article = pages.find(function (page) { return page.doc.location === base; });
    if (article) group.unshift({ location: base, title: article.doc.title, text: "", score: 0, terms: {} });
  });
  return { items: Array.from(groups.values()) };
}

addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    setup(message.data);
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    postMessage({ type: RESULT, data: search(String(message.data)) });
  }
});
