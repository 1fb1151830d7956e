// dossier search page: runs the visitor's query against the index that
// assets/search-index.js assigns to window.dossierSearch (built at build
// time) with the elasticlunr runtime, and lists the results as links.
// Everything from the index is inserted as text, never as HTML.
(function () {
  "use strict";
  var form = document.querySelector("[data-search-form]");
  var list = document.querySelector("[data-search-results]");
  var status = document.querySelector("[data-search-status]");
  if (!form || !list || !status) return;
  var input = form.querySelector("input[type=search]");
  var data = window.dossierSearch;
  if (!data || !window.elasticlunr) {
    status.textContent = "The search index could not be loaded.";
    return;
  }
  var index = window.elasticlunr.Index.load(data.index);
  var labels = {
    article: "Article",
    person: "Person",
    organization: "Organization",
    place: "Place",
    event: "Event",
  };
  var LIMIT = 50;
  var options = {
    fields: {
      title: { boost: 3 },
      names: { boost: 2 },
      meta: { boost: 1 },
      body: { boost: 1 },
    },
    bool: "OR",
    expand: true,
  };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function run(query) {
    query = query.trim();
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!query) {
      status.textContent = "";
      return;
    }
    var hits = index.search(query, options);
    var shown = hits.slice(0, LIMIT);
    shown.forEach(function (hit) {
      var doc = data.docs[Number(hit.ref)];
      if (!doc) return;
      var item = el("li", "search-result");
      var link = el("a", null, doc.t);
      link.setAttribute("href", doc.u);
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(el("span", "search-kind", labels[doc.k] || doc.k));
      if (doc.d) item.appendChild(el("span", "search-detail", doc.d));
      list.appendChild(item);
    });
    var n = hits.length;
    var count = n === 0 ? "No results" : n === 1 ? "1 result" : n + " results";
    var more = n > LIMIT ? " (showing the first " + LIMIT + ")" : "";
    status.textContent = count + " for \u201c" + query + "\u201d" + more + ".";
  }

  function remember(query) {
    // Keeps the query in the address so a result list can be bookmarked and
    // Back returns to it; some browsers refuse this on file://.
    try {
      var url = new URL(window.location.href);
      url.searchParams.set("q", query);
      window.history.replaceState(null, "", url.href);
    } catch (e) {
      /* the results are shown all the same */
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(input.value);
    remember(input.value.trim());
  });
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      run(input.value);
    }, 200);
  });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
