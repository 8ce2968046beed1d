// Progressive enhancement of the förteckning table (sort and filter).
//
// The macro forteckning() writes a plain table inside <div class="sd-forteckning"
// data-kolumner="…">; without JavaScript it stays a complete, readable table. This
// script adds a filter form, a count in a polite live region and sortable column
// headers, and keeps the view in the URL query so that a filtered view can be linked.
// No dependencies, no network requests.
(function () {
  'use strict';

  var KLAR = 'data-sd-forteckning-klar';
  var LOCALE = 'sv';
  var TOM = /^[\s–—-]*$/; // empty cell, or only a dash
  var ISO = /^\d{4}-\d{2}-\d{2}$/;
  var FILTER = [
    // column type, URL parameter, label
    { typ: 'fokus', param: 'fokus', etikett: 'Fokusområde' },
    { typ: 'status', param: 'status', etikett: 'Status' },
    { typ: 'ansvarig', param: 'ansvarig', etikett: 'Ansvarig' },
    { typ: 'organtyp', param: 'typ', etikett: 'Typ av organ' },
  ];
  // Not "q": Material opens its site search for ?q=.
  var PARAM_SOK = 'sok';
  var PARAM_SORTERA = 'sortera';
  var PARAM_ORDNING = 'ordning';
  var FALLANDE = 'fallande';

  var collator = new Intl.Collator(LOCALE, { sensitivity: 'base' });
  var raknare = 0;
  // Only the first table on a page reads and writes the URL query.
  var urlAgare = null;

  function text(node) {
    return (node.textContent || '').replace(/\s+/g, ' ').trim();
  }

  function fold(s) {
    return s.normalize('NFC').toLocaleLowerCase(LOCALE);
  }

  function slug(s) {
    var ascii = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return ascii.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  }

  function unikId(bas) {
    var id;
    do {
      raknare += 1;
      id = bas + '-' + raknare;
    } while (document.getElementById(id));
    return id;
  }

  function el(tag, attrs, barn) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (namn) {
      node.setAttribute(namn, attrs[namn]);
    });
    (barn || []).forEach(function (b) {
      node.appendChild(typeof b === 'string' ? document.createTextNode(b) : b);
    });
    return node;
  }

  // The value(s) of one cell, by column type.
  function cellvarde(typ, cell) {
    if (!cell) return typ === 'fokus' ? [] : '';
    if (typ === 'fokus') {
      var lankar = Array.prototype.slice.call(cell.querySelectorAll('a'));
      var varden = lankar.length
        ? lankar.map(text)
        : text(cell).split(',').map(function (s) { return s.trim(); });
      return varden.filter(function (v) { return !TOM.test(v); });
    }
    var t = text(cell);
    if (typ === 'datum') return ISO.test(t) ? t : '';
    return TOM.test(t) ? '' : t;
  }

  function sorteringsnyckel(typ, varde) {
    return typ === 'fokus' ? varde.join(', ') : varde;
  }

  function jamfor(typ, a, b) {
    // Empty values come last whichever the direction; the caller handles that.
    if (typ === 'datum') return a < b ? -1 : a > b ? 1 : 0;
    return collator.compare(a, b);
  }

  function distinkta(rader, kolumn) {
    var sett = new Set();
    rader.forEach(function (rad) {
      var v = rad.varden[kolumn];
      (Array.isArray(v) ? v : [v]).forEach(function (x) {
        if (x) sett.add(x);
      });
    });
    return Array.from(sett).sort(function (a, b) {
      return a.localeCompare(b, LOCALE);
    });
  }

  function enhance(container) {
    if (container.hasAttribute(KLAR)) return;
    var table = container.querySelector('table');
    if (!table || !table.tHead || !table.tBodies.length) return;
    var rubriker = Array.prototype.slice.call(table.tHead.rows[0] ? table.tHead.rows[0].cells : []);
    if (!rubriker.length) return;
    container.setAttribute(KLAR, '');

    var tbody = table.tBodies[0];
    // What the rows are, for the texts: data-en / data-flera, else anvisningar.
    var en = container.getAttribute('data-en') || 'anvisning';
    var flera = container.getAttribute('data-flera') || 'anvisningar';
    var vad = container.hasAttribute('data-flera') ? 'tabellen' : 'förteckningen';
    var angivna = (container.getAttribute('data-kolumner') || '').trim().split(/\s+/);
    var typer = rubriker.map(function (_, i) {
      var typ = angivna[i];
      return ['text', 'fokus', 'status', 'ansvarig', 'organtyp', 'datum'].indexOf(typ) >= 0
        ? typ
        : 'text';
    });
    var slugs = rubriker.map(function (th, i) {
      return slug(text(th)) || 'kolumn-' + (i + 1);
    });

    var rader = Array.prototype.slice.call(tbody.rows).map(function (tr, index) {
      var varden = typer.map(function (typ, i) {
        return cellvarde(typ, tr.cells[i]);
      });
      return {
        tr: tr,
        index: index,
        sok: fold(text(tr)),
        varden: varden,
        nycklar: typer.map(function (typ, i) {
          return sorteringsnyckel(typ, varden[i]);
        }),
      };
    });
    var totalt = rader.length;

    var state = { q: '', filter: {}, sortera: -1, fallande: false };

    // --- The filter form ---------------------------------------------------------
    var bas = unikId('sd-forteckning');
    var form = el('form', {
      class: 'sd-forteckning__filter',
      role: 'search',
      'aria-label': 'Filtrera ' + vad,
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
    });

    var sokId = bas + '-sok';
    var sok = el('input', { type: 'search', id: sokId, name: PARAM_SOK, autocomplete: 'off' });
    form.appendChild(
      el('div', { class: 'sd-forteckning__falt sd-forteckning__falt--sok' }, [
        el('label', { for: sokId }, ['Sök i ' + vad]),
        sok,
      ])
    );

    var filter = [];
    FILTER.forEach(function (f) {
      var kolumn = typer.indexOf(f.typ);
      if (kolumn < 0) return;
      var id = bas + '-' + f.param;
      var select = el('select', { id: id, name: f.param }, [el('option', { value: '' }, ['Alla'])]);
      distinkta(rader, kolumn).forEach(function (v) {
        var option = el('option', {}, [v]);
        option.value = v;
        select.appendChild(option);
      });
      form.appendChild(
        el('div', { class: 'sd-forteckning__falt' }, [el('label', { for: id }, [f.etikett]), select])
      );
      filter.push({ param: f.param, typ: f.typ, kolumn: kolumn, select: select });
    });

    var rensa = el('button', { type: 'button', class: 'sd-forteckning__rensa' }, [
      'Rensa filter',
    ]);
    form.appendChild(el('div', { class: 'sd-forteckning__falt sd-forteckning__falt--knapp' }, [rensa]));

    var antal = el('p', {
      class: 'sd-forteckning__antal',
      role: 'status',
      'aria-live': 'polite',
      'aria-atomic': 'true',
    });
    var ingen = el('p', { class: 'sd-forteckning__ingen', hidden: '' }, [
      'Inga ' + flera + ' matchar filtret.',
    ]);

    container.insertBefore(antal, container.firstChild);
    container.insertBefore(form, antal);
    container.appendChild(ingen);

    // --- Sortable headers --------------------------------------------------------
    rubriker.forEach(function (th, i) {
      var knapp = el('button', { type: 'button', class: 'sd-forteckning__sortera' });
      while (th.firstChild) knapp.appendChild(th.firstChild);
      th.appendChild(knapp);
      th.setAttribute('aria-sort', 'none');
      knapp.addEventListener('click', function () {
        if (state.sortera === i) {
          state.fallande = !state.fallande;
        } else {
          state.sortera = i;
          state.fallande = false;
        }
        sortera();
        skrivUrl();
      });
    });

    // --- Behaviour ---------------------------------------------------------------
    function matchar(rad, ord) {
      for (var i = 0; i < ord.length; i++) {
        if (rad.sok.indexOf(ord[i]) < 0) return false;
      }
      for (var j = 0; j < filter.length; j++) {
        var f = filter[j];
        var valt = state.filter[f.param];
        if (!valt) continue;
        var v = rad.varden[f.kolumn];
        if (Array.isArray(v) ? v.indexOf(valt) < 0 : v !== valt) return false;
      }
      return true;
    }

    var meddelandeTimer = null;
    function filtrera(vantaMedMeddelande) {
      var ord = fold(state.q).split(/\s+/).filter(Boolean);
      var synliga = 0;
      rader.forEach(function (rad) {
        var visa = matchar(rad, ord);
        if (visa) synliga += 1;
        rad.tr.hidden = !visa;
      });
      ingen.hidden = synliga > 0;
      var meddelande =
        'Visar ' + synliga + ' av ' + totalt + (totalt === 1 ? ' ' + en : ' ' + flera);
      // While typing, wait for a pause before the live region speaks.
      clearTimeout(meddelandeTimer);
      if (vantaMedMeddelande) {
        meddelandeTimer = setTimeout(function () {
          antal.textContent = meddelande;
        }, 400);
      } else {
        antal.textContent = meddelande;
      }
    }

    function sortera() {
      var i = state.sortera;
      rubriker.forEach(function (th, j) {
        th.setAttribute(
          'aria-sort',
          j !== i ? 'none' : state.fallande ? 'descending' : 'ascending'
        );
      });
      if (i < 0) return;
      var typ = typer[i];
      var riktning = state.fallande ? -1 : 1;
      var sorterade = rader.slice().sort(function (a, b) {
        var x = a.nycklar[i];
        var y = b.nycklar[i];
        if (!x !== !y) return x ? -1 : 1; // empty last, in both directions
        var c = x && y ? jamfor(typ, x, y) * riktning : 0;
        return c || a.index - b.index; // stable: ties keep the original order
      });
      var fragment = document.createDocumentFragment();
      sorterade.forEach(function (rad) {
        fragment.appendChild(rad.tr);
      });
      tbody.appendChild(fragment);
    }

    function synkaKontroller() {
      sok.value = state.q;
      filter.forEach(function (f) {
        f.select.value = state.filter[f.param] || '';
      });
    }

    function lasUrl() {
      var params;
      try {
        params = new URL(window.location.href).searchParams;
      } catch (e) {
        return;
      }
      state.q = (params.get(PARAM_SOK) || '').slice(0, 200);
      filter.forEach(function (f) {
        var v = params.get(f.param) || '';
        var finns = Array.prototype.some.call(f.select.options, function (o) {
          return o.value === v;
        });
        state.filter[f.param] = finns ? v : '';
      });
      var kolumn = slugs.indexOf(params.get(PARAM_SORTERA) || '');
      state.sortera = kolumn;
      state.fallande = kolumn >= 0 && params.get(PARAM_ORDNING) === FALLANDE;
    }

    function skrivUrl() {
      if (urlAgare !== container || !window.history || !window.history.replaceState) return;
      var url;
      try {
        url = new URL(window.location.href);
      } catch (e) {
        return;
      }
      var p = url.searchParams;
      [PARAM_SOK, PARAM_SORTERA, PARAM_ORDNING].forEach(function (namn) {
        p.delete(namn);
      });
      filter.forEach(function (f) {
        p.delete(f.param);
      });
      if (state.q) p.set(PARAM_SOK, state.q);
      filter.forEach(function (f) {
        if (state.filter[f.param]) p.set(f.param, state.filter[f.param]);
      });
      if (state.sortera >= 0) {
        p.set(PARAM_SORTERA, slugs[state.sortera]);
        if (state.fallande) p.set(PARAM_ORDNING, FALLANDE);
      }
      var query = p.toString();
      var ny = url.pathname + (query ? '?' + query : '') + url.hash;
      try {
        window.history.replaceState(window.history.state, '', ny);
      } catch (e) {
        // A sandboxed or file:// page may refuse; the view still works.
      }
    }

    sok.addEventListener('input', function () {
      state.q = sok.value;
      filtrera(true);
      skrivUrl();
    });
    filter.forEach(function (f) {
      f.select.addEventListener('change', function () {
        state.filter[f.param] = f.select.value;
        filtrera(false);
        skrivUrl();
      });
    });
    rensa.addEventListener('click', function () {
      state.q = '';
      state.filter = {};
      synkaKontroller();
      filtrera(false);
      skrivUrl();
    });

    if (urlAgare === null || !document.contains(urlAgare)) urlAgare = container;
    if (urlAgare === container) lasUrl();
    synkaKontroller();
    sortera();
    filtrera(false);
  }

  function init() {
    var behallare = document.querySelectorAll('.sd-forteckning');
    for (var i = 0; i < behallare.length; i++) enhance(behallare[i]);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
  // Material's instant navigation swaps the page content without a new load.
  if (window.document$ && typeof window.document$.subscribe === 'function') {
    window.document$.subscribe(init);
  }
})();
