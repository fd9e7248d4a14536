/*
 * The site's search, run by Material's search box in place of Material's
 * lunr worker (docs/assets/search-vi.js points Material at this file).
 *
 * It speaks Material's worker messages: SETUP is answered READY; a QUERY
 * string is answered with a RESULT, pages grouped with their matching
 * sections, title and text marked. The index (search/search_index.json: each
 * page's [location, title, text, boost if not 1], made from the plan by
 * macros/site/search.py; Material's {location, title, text} are read too)
 * comes with SETUP or, when SETUP brings only the
 * index's configuration with the address of the index in it, this worker
 * downloads and reads the index itself, so that the page neither parses nor
 * copies megabytes of text. Why not lunr: lunr builds its index in the
 * browser, which for a large plan keeps the reader waiting (bench/RESULTS.md).
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
 *
 * How the first results come soon after search is opened (the index of a
 * large plan is megabytes): setup only folds every page's title and text, one character
 * at a time through a table, into one string, the haystack. A query word's
 * pages are found by looking for it in the haystack (and kept: typing
 * "tin d", "tin du"… looks for "tin" once); only the pages holding every
 * word are ranked, reading the haystack around each word found, and only the
 * first hundred results are cut into words to be marked. Everything is
 * inside one function, whose variables V8 reads in a loop several times
 * faster than a worker's globals.
 */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3; // Material's messages
  var INDEX = "kh-index"; // search-vi.js's: the reader opened search, start downloading the index at this address
  var TOKEN = /<[^>]*>|&[#\w]+;|[^\s\-<&]+/g; // tags and entities break a run of words; "-" separates words
  var APART = /<[^>]*>|&[#\w]+;/g;             // tags and entities: a mark in the haystack, between words that do not stand together
  var SEPARATORS = /[\-<&]/g;                  // what parts words without breaking a run

  var pages = [];           // {doc, boost, base}
  var haystack = "";        // every page's title and text, folded; field f (page f >> 1, title when even) begins at starts[f]
  var starts = [];
  var dotted = [];          // each word with dots: {bare: without them, word, field, at: where it starts}
  var dottedIn = [];        // field -> its words with dots
  var pagesOf = new Map();  // query word -> Set of the pages holding a word that starts with it
  var titleBoost = 1000;
  var MARKED = 100;         // results whose words are marked: the reader sees ten at a time, and marking
                            // every one of a thousand results of "tin dung" took longer than finding them

  /* The fold of one character, the same as macros/text.py: its decomposition without marks, đ as d, lowercase. */
  function foldChar(c) {
    return c.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  /* Folding character by character through a table costs a tenth of folding megabytes with regular expressions. */
  var UNKNOWN = 0xffff, DROPPED = 0xfffe, LONGER = 0xfffd;
  var table = new Uint16Array(65536).fill(UNKNOWN);
  var longer = new Map(); // a character that folds to more than one (Hangul: its letters) -> its fold
  function learn(code) {
    if (code >= 0xd800 && code <= 0xdfff) return code; // half of a pair: kept as it is
    var folded = foldChar(String.fromCharCode(code));
    if (!folded.length) return DROPPED;
    if (folded.length === 1 && folded.charCodeAt(0) < LONGER) return folded.charCodeAt(0);
    longer.set(code, folded);
    return LONGER;
  }
  var utf16 = new TextDecoder("utf-16le");
  var codes = new Uint16Array(1024);
  function fold(text) {
    if (codes.length < text.length * 3) codes = new Uint16Array(text.length * 3);
    var o = 0;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i), to = table[code];
      if (to === UNKNOWN) to = table[code] = learn(code);
      if (to < LONGER) codes[o++] = to;
      else if (to === LONGER) {
        var more = longer.get(code);
        for (var k = 0; k < more.length; k++) codes[o++] = more.charCodeAt(k);
      }
    }
    return o < 64 ? String.fromCharCode.apply(null, codes.subarray(0, o)) : utf16.decode(codes.subarray(0, o));
  }

  var ALNUM = 1, SPACE = 2, OTHER = 3;
  var kinds = new Map(); // a character beyond ASCII (a pair of halves read as one) -> ALNUM, SPACE or OTHER

  function asciiKind(code) {
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)) return ALNUM;
    return code === 32 || (code >= 9 && code <= 13) ? SPACE : OTHER;
  }

  /* Whether the haystack's character at ``p`` is a letter or digit, a space, or neither; a letter beyond
     the BMP ("𠀀", "𝐀") is two halves, each read as the whole letter. */
  function kindAt(p) {
    var code = haystack.charCodeAt(p);
    if (code < 128) return asciiKind(code);
    if (code >= 0xdc00 && code <= 0xdfff && p > 0 && (haystack.charCodeAt(p - 1) & 0xfc00) === 0xd800) p--;
    var c = String.fromCodePoint(haystack.codePointAt(p));
    var kind = kinds.get(c);
    if (kind === undefined) {
      kind = /[\p{L}\p{N}]/u.test(c) ? ALNUM : /\s/u.test(c) ? SPACE : OTHER;
      kinds.set(c, kind);
    }
    return kind;
  }

  function trim(word) {
    var first = word.charCodeAt(0), last = word.charCodeAt(word.length - 1);
    if (first < 128 && last < 128 && asciiKind(first) === ALNUM && asciiKind(last) === ALNUM) return word;
    return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }

  /* A raw token's word, folded and trimmed, kept: marking reads the same tokens again and again. */
  var wordsOf = new Map();
  function wordOf(token) {
    var word = wordsOf.get(token);
    if (word === undefined) { word = trim(fold(token)); wordsOf.set(token, word); }
    return word;
  }

  /* One field's text as the haystack holds it: tags and entities as a lone mark, which is no word. */
  function haystackOf(html) {
    return fold(html.replace(APART, " \u0001 ").replace(SEPARATORS, " "));
  }

  function setup(data) {
    var fields = data.config && data.config.fields;
    if (fields && fields.title && fields.title.boost) titleBoost = fields.title.boost;
    var parts = [], length = 0;
    data.docs.forEach(function (doc) {
      if (Array.isArray(doc)) doc = { location: doc[0], title: doc[1], text: doc[2], boost: doc[3] };
      pages.push({ doc: doc, boost: doc.boost || 1, base: doc.location.split("#")[0] });
      [doc.title || "", doc.text || ""].forEach(function (html) {
        var part = haystackOf(html) + "\n";
        starts.push(length);
        length += part.length;
        parts.push(part);
      });
    });
    starts.push(length);
    haystack = parts.join("");
    findDotted();
    dotted.forEach(function (word) { (dottedIn[word.field] = dottedIn[word.field] || []).push(word); });
  }

  /* Words with a dot inside ("v.8", "ii.1.a"), so that "v8" finds them too. */
  function findDotted() {
    var field = 0;
    for (var at = haystack.indexOf("."); at !== -1; at = haystack.indexOf(".", at + 1)) {
      if (at === 0 || at + 1 === haystack.length || kindAt(at + 1) === SPACE || kindAt(at - 1) === SPACE) continue;
      var begin = at, end = at;
      while (begin > 0 && kindAt(begin - 1) !== SPACE) begin--;
      while (end < haystack.length && kindAt(end) !== SPACE) end++;
      var token = haystack.slice(begin, end), word = trim(token);
      while (starts[field + 1] <= begin) field++;
      if (word.indexOf(".") !== -1) {
        dotted.push({ bare: word.replace(/\./g, ""), word: word, field: field, at: begin + token.indexOf(word) });
      }
      at = end;
    }
  }

  /* Whether ``term`` found at ``at`` begins a word: nothing but punctuation between it and a space. */
  function startsWord(at) {
    for (var p = at - 1; p >= 0; p--) {
      var kind = kindAt(p);
      if (kind === SPACE) return true;
      if (kind === ALNUM) return false;
    }
    return true;
  }

  /* The pages holding a word that starts with ``term`` (or, for a word with dots, whose dotless form does). */
  function pagesHolding(term) {
    var found = pagesOf.get(term);
    if (found) return found;
    found = new Set();
    var field = 0;
    for (var at = haystack.indexOf(term); at !== -1; at = haystack.indexOf(term, at + 1)) {
      if (!startsWord(at)) continue;
      while (starts[field + 1] <= at) field++;
      var page = field >> 1;
      found.add(page);
      at = starts[2 * page + 2] - 1; // the rest of the page adds nothing: go on from the next one
    }
    for (var i = 0; i < dotted.length; i++) {
      if (dotted[i].bare.lastIndexOf(term, 0) === 0) found.add(dotted[i].field >> 1);
    }
    pagesOf.set(term, found);
    return found;
  }

  /* How well a word answers a query word: 1 whole, 0.5 as a beginning, 0 not at all. */
  function weight(term, word) {
    var bare = word.indexOf(".") === -1 ? word : word.replace(/\./g, "");
    if (word === term || bare === term) return 1;
    return word.lastIndexOf(term, 0) === 0 || bare.lastIndexOf(term, 0) === 0 ? 0.5 : 0;
  }

  /* Where the word after the one starting at ``at`` starts, or -1 if something that is no word comes between. */
  function nextWord(at, end) {
    while (at < end && kindAt(at) !== SPACE) at++;
    while (at < end && kindAt(at) === SPACE) at++;
    for (; at < end; at++) {
      var kind = kindAt(at);
      if (kind === ALNUM) return at;
      if (kind === SPACE) return -1;
    }
    return -1;
  }

  /* The words of field ``field`` that answer ``term``: where each starts, and its weight. */
  function occurrences(term, field) {
    var begin = starts[field], end = starts[field + 1];
    var found = new Map();
    var text = haystack.slice(begin, end); // a page found by a word with dots may not hold the term as written: look no further
    for (var i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + 1)) {
      var at = begin + i;
      if (!startsWord(at)) continue;
      var whole = true;
      for (var p = at + term.length; p < end && kindAt(p) !== SPACE; p++) {
        if (kindAt(p) === ALNUM) { whole = false; break; }
      }
      found.set(at, whole ? 1 : 0.5);
    }
    if (dottedIn[field]) {
      dottedIn[field].forEach(function (word) {
        var w = weight(term, word.word);
        if (w > (found.get(word.at) || 0)) found.set(word.at, w);
      });
    }
    return found;
  }

  /* How a page's field holds the query: weighted counts per term, and the longest run of terms in order. */
  function scan(field, terms) {
    var end = starts[field + 1];
    var counts = new Float64Array(terms.length);
    var longest = 0, after = null; // where the word after each word of the previous term starts -> run ending there
    for (var i = 0; i < terms.length; i++) {
      var found = occurrences(terms[i], field), next = new Map();
      found.forEach(function (w, at) {
        counts[i] += w;
        var run = 1 + ((after && after.get(at)) || 0);
        if (run > longest) longest = run;
        var following = nextWord(at, end);
        if (following !== -1 && run > (next.get(following) || 0)) next.set(following, run);
      });
      after = next;
    }
    return { counts: counts, longest: longest };
  }

  function queryWords(query) {
    return fold(query.normalize("NFC")).split(/[\s\-]+/).map(trim).filter(Boolean);
  }

  function mark(html, terms, hits) {
    TOKEN.lastIndex = 0;
    return html.replace(TOKEN, function (token) {
      if (token.charAt(0) === "<" || token.charAt(0) === "&") return token;
      var word = wordOf(token);
      for (var i = 0; word && i < terms.length; i++) {
        if (weight(terms[i], word)) { hits[i] = true; return "<mark>" + token + "</mark>"; }
      }
      return token;
    });
  }

  function search(query) {
    var typed = queryWords(query);
    if (!typed.length) return { items: [] };
    var df = typed.map(pagesHolding);
    var smallest = df.reduce(function (a, b) { return a.size <= b.size ? a : b; });
    var found = [];
    smallest.forEach(function (n) {
      if (!df.every(function (set) { return set.has(n); })) return;
      var page = pages[n];
      var title = scan(2 * n, typed), text = scan(2 * n + 1, typed);
      var score = 0;
      for (var i = 0; i < typed.length; i++) {
        var idf = Math.log(1 + pages.length / df[i].size);
        var t = title.counts[i], x = text.counts[i];
        score += idf * (titleBoost * t / (t + 1.2) + x / (x + 1.2));
      }
      found.push({ n: n, together: Math.max(title.longest, text.longest), score: score * page.boost });
    });
    found.sort(function (a, b) { return b.together - a.together || b.score - a.score || a.n - b.n; });

    var groups = new Map(); // page address -> results, best first
    found.forEach(function (hit, rank) {
      var page = pages[hit.n];
      var doc = { location: page.doc.location, title: page.doc.title || "", text: page.doc.text || "", score: hit.score, terms: {} };
      if (rank < MARKED) {
        var hits = typed.map(function () { return false; });
        doc.title = mark(doc.title, typed, hits);
        doc.text = mark(doc.text, typed, hits);
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

  /* The index at the address its configuration names, relative to this script (the worker does not know where the
     site starts); search-vi.js may have named it already (INDEX), as the reader opened search. */
  var downloads = new Map(); // address -> the index being downloaded from it, once
  function download(address) {
    var index = downloads.get(address);
    if (!index) {
      index = fetch(address).then(function (response) {
        if (!response.ok) throw new Error("search index: HTTP " + response.status);
        return response.json();
      });
      downloads.set(address, index);
    }
    return index;
  }

  addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === INDEX) {
      download(String(message.data)).catch(function () {}); // SETUP, which uses the same download, says if it failed
    } else if (message.type === SETUP) {
      var data = message.data;
      var index = data.config && data.config.index && !data.docs.length
        ? download(new URL(data.config.index, self.location.href).href) : Promise.resolve(data);
      index.then(function (whole) {
        setup(whole);
        postMessage({ type: READY });
      }).catch(function (error) {
        console.error("search index not loaded:", error); // Material goes on showing that search is starting
      });
    } else if (message.type === QUERY) {
      postMessage({ type: RESULT, data: search(String(message.data)) });
    }
  });
})();
