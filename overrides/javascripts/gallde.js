// "Vad gällde den …?": the anvisningar in force on a date, for an organ if one is chosen.
//
// The page holds <div class="sd-gallde" data-tidslinje="…"> and, below it, the table of
// every version, which is the answer without JavaScript. This script reads tidslinje.json
// (only from the same site), adds a date field and an organ list, and answers in the
// page, with a summary in a polite live region. The choice is kept in the URL
// (?datum=ÅÅÅÅ-MM-DD&organ=id) so that an answer can be linked and cited. The rule is
// the one of core/giltighet.py, as tidslinje.schema.json states it; the data are only
// ever written as text (textContent), never as HTML.
(function () {
  'use strict';

  var KLAR = 'data-sd-gallde-klar';
  var ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
  var SLUT = '/api/v1/tidslinje.json';
  // Page n ≥ 2 of it, beside it (views/paging.py).
  var SIDA = /\/api\/v1\/tidslinje\.sida-[1-9][0-9]*\.json$/;
  var PARAM_DATUM = 'datum';
  var PARAM_ORGAN = 'organ';

  var hamtade = {}; // address -> Promise of the document, once per page load
  var raknare = 0;

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

  function unikId(bas) {
    var id;
    do {
      raknare += 1;
      id = bas + '-' + raknare;
    } while (document.getElementById(id));
    return id;
  }

  function giltigtDatum(s) {
    var m = ISO.exec(s || '');
    if (!m) return false;
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }

  // The document's address: only tidslinje.json on this site, whatever the page says.
  function adress(container) {
    var url;
    try {
      url = new URL(container.getAttribute('data-tidslinje') || '', window.location.href);
    } catch (e) {
      return null;
    }
    if (url.origin !== window.location.origin) return null;
    if (url.pathname.slice(-SLUT.length) !== SLUT) return null;
    url.search = '';
    url.hash = '';
    return url.href;
  }

  // A link target from the data, on the site the data came from: the document names
  // addresses on the site that published it (json_url), which may be served elsewhere
  // (a test or training copy), so they are moved to where it was fetched. http(s) only.
  function flyttare(data, hamtad) {
    var deklarerad = typeof data.json_url === 'string' ? data.json_url : '';
    var fran = deklarerad.slice(-SLUT.length) === SLUT ? deklarerad.slice(0, -SLUT.length) : null;
    var till = hamtad.slice(0, -SLUT.length);
    return function (s) {
      if (typeof s !== 'string') return null;
      var adress = fran && s.indexOf(fran + '/') === 0 ? till + s.slice(fran.length) : s;
      try {
        var url = new URL(adress, window.location.href);
        return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
      } catch (e) {
        return null;
      }
    };
  }

  function hamtaSida(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (svar) {
      if (!svar.ok) throw new Error('HTTP ' + svar.status);
      return svar.json();
    }).then(function (data) {
      if (!data || !Array.isArray(data.anvisningar) || !Array.isArray(data.organ)) {
        throw new Error('oväntat innehåll');
      }
      return data;
    });
  }

  // tidslinje.json comes in pages (views/paging.py): the first at its own address, each
  // linking the next. The answer needs every anvisning, so the pages are read in turn,
  // only from this site and only at the address a page can have, and are checked to be
  // of the same build and to add up to the count the first page states.
  function allaSidor(url) {
    return hamtaSida(url).then(function (forsta) {
      var delning = forsta.sidindelning;
      if (!delning) return forsta; // a copy of the site from before paging
      var flytta = flyttare(forsta, url);
      var anvisningar = forsta.anvisningar.slice();
      function fortsatt(data, n) {
        var nasta = data.sidindelning && data.sidindelning.nasta;
        if (!nasta) {
          if (n !== delning.antal_sidor || anvisningar.length !== delning.antal_poster) {
            throw new Error('ofullständig tidslinje');
          }
          return Object.assign({}, forsta, { anvisningar: anvisningar });
        }
        var sida = flytta(nasta);
        var adress = sida ? new URL(sida) : null;
        if (n >= delning.antal_sidor || !adress || adress.origin !== window.location.origin ||
            !SIDA.test(adress.pathname)) {
          throw new Error('oväntad sida');
        }
        return hamtaSida(adress.href).then(function (foljande) {
          if (foljande.referensdatum !== forsta.referensdatum) {
            throw new Error('webbplatsen byggdes om medan tidslinjen lästes');
          }
          anvisningar = anvisningar.concat(foljande.anvisningar);
          return fortsatt(foljande, n + 1);
        });
      }
      return fortsatt(forsta, 1);
    });
  }

  function hamta(url) {
    if (!hamtade[url]) {
      hamtade[url] = allaSidor(url);
      hamtade[url].catch(function () {
        delete hamtade[url]; // a later visit may try again
      });
    }
    return hamtade[url];
  }

  // --- The rule (core/giltighet.py) --------------------------------------------------

  function beslutadSenast(version, dag) {
    return !version.beslutsdatum || version.beslutsdatum <= dag;
  }

  // Whether a version applied to an organ, by that version's galler_for.
  function omfattar(version, organ) {
    if (!organ) return true;
    var krets = version.galler_for || {};
    if (krets.alla) return !!organ.tillampar_programmet;
    return (krets.organtyper || []).indexOf(organ.typ) >= 0 || (krets.organ || []).indexOf(organ.id) >= 0;
  }

  // The version in force on `dag`, counting only what was decided by then. Versions this
  // site may not show (dolda_versioner) end the period of the one before them; when one
  // of them is in force the answer is that version, marked `dold`.
  function gallandeVersion(anvisning, dag) {
    var dolda = (anvisning.dolda_versioner || []).map(function (d) {
      return { version: d.version, beslutsdatum: d.beslutsdatum, giltig_fran: d.giltig_fran, dold: true };
    });
    var beslutade = (anvisning.versioner || [])
      .concat(dolda)
      .filter(function (v) {
        return v.giltig_fran && beslutadSenast(v, dag);
      })
      .sort(function (a, b) {
        return a.version - b.version;
      });
    for (var i = 0; i < beslutade.length; i++) {
      var v = beslutade[i];
      var nasta = beslutade[i + 1];
      // The first day it no longer applied: the next version's first, or the repeal.
      var slut = nasta ? nasta.giltig_fran : anvisning.upphavd_datum;
      if (v.giltig_fran <= dag && (!slut || dag < slut)) return v;
    }
    return null;
  }

  // Whether a version's interval, by every decision in the data, holds `dag`.
  function intervalletOmfattar(v, dag) {
    return v.giltig_fran <= dag && (!v.giltig_till || dag <= v.giltig_till);
  }

  function svara(data, dag, organ) {
    var gallde = [];
    var senare = [];
    var ejBevarade = [];
    var dolda = [];
    var forsta = null;
    data.anvisningar.forEach(function (a) {
      var versioner = a.versioner || [];
      versioner.forEach(function (v) {
        if (omfattar(v, organ) && (!forsta || v.giltig_fran < forsta)) forsta = v.giltig_fran;
        if (intervalletOmfattar(v, dag) && v.beslutsdatum && v.beslutsdatum > dag && omfattar(v, organ)) {
          senare.push({ anvisning: a, version: v });
        }
      });
      var v = gallandeVersion(a, dag);
      if (v && v.dold) {
        // Whom a version not shown here applied to is not shown either.
        dolda.push({ anvisning: a, version: v });
        return;
      }
      if (v && omfattar(v, organ)) gallde.push({ anvisning: a, version: v });
      var aldsta = versioner[0];
      if (
        !v &&
        aldsta &&
        aldsta.version > 1 &&
        !(aldsta.giltig_fran <= dag && beslutadSenast(aldsta, dag)) &&
        (!a.upphavd_datum || dag < a.upphavd_datum) &&
        omfattar(aldsta, organ)
      ) {
        ejBevarade.push({ anvisning: a, version: aldsta });
      }
    });
    return { gallde: gallde, senare: senare, ejBevarade: ejBevarade, dolda: dolda, forsta: forsta };
  }

  // --- Wording, as `styrdok gallde` says it ------------------------------------------

  function intervall(v) {
    if (v.giltig_till && v.giltig_till < v.giltig_fran) {
      return 'gällde aldrig: den ersattes eller upphävdes innan den började gälla';
    }
    return v.giltig_till
      ? 'giltig ' + v.giltig_fran + ' – ' + v.giltig_till
      : 'giltig från ' + v.giltig_fran + ' tills vidare';
  }

  function antal(n) {
    return n === 1 ? '1 anvisning' : n + ' anvisningar';
  }


  // --- The form and the answer -------------------------------------------------------

  function enhance(container) {
    if (container.hasAttribute(KLAR)) return;
    var url = adress(container);
    if (!url) return;
    container.setAttribute(KLAR, '');

    var status = el('p', {
      class: 'sd-gallde__svar',
      role: 'status',
      'aria-live': 'polite',
      'aria-atomic': 'true',
    }, ['Hämtar uppgifterna om anvisningarnas versioner …']);
    var resultat = el('div', { class: 'sd-gallde__resultat' });
    while (container.firstChild) container.removeChild(container.firstChild);
    container.appendChild(status);

    hamta(url).then(
      function (data) {
        bygg(container, data, status, resultat, flyttare(data, url));
      },
      function () {
        status.textContent =
          'Uppgifterna om anvisningarnas versioner kunde inte hämtas. Läs svaret i tabellen nedan.';
      }
    );
  }

  function bygg(container, data, status, resultat, sidadress) {
    function lank(text, href) {
      var url = sidadress(href);
      return url ? el('a', { href: url }, [text]) : document.createTextNode(text);
    }

    var organLista = data.organ.filter(function (o) {
      return o && typeof o.id === 'string';
    });
    var organById = {};
    organLista.forEach(function (o) {
      organById[o.id] = o;
    });

    var bas = unikId('sd-gallde');
    var form = el('form', { class: 'sd-gallde__fragor', 'aria-label': 'Välj datum och organ' });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
    });
    var datumId = bas + '-datum';
    var datum = el('input', { type: 'date', id: datumId, name: PARAM_DATUM, autocomplete: 'off' });
    form.appendChild(
      el('div', { class: 'sd-gallde__falt' }, [el('label', { for: datumId }, ['Datum']), datum])
    );
    var organId = bas + '-organ';
    var organ = el('select', { id: organId, name: PARAM_ORGAN }, [
      el('option', { value: '' }, ['Alla organ']),
    ]);
    organLista.forEach(function (o) {
      var option = el('option', {}, [String(o.namn || o.id)]);
      option.value = o.id;
      organ.appendChild(option);
    });
    form.appendChild(
      el('div', { class: 'sd-gallde__falt' }, [el('label', { for: organId }, ['Organ']), organ])
    );
    container.insertBefore(form, status);
    container.appendChild(resultat);

    function visa() {
      while (resultat.firstChild) resultat.removeChild(resultat.firstChild);
      var dag = datum.value;
      var valt = organById[organ.value] || null;
      if (!giltigtDatum(dag)) {
        status.textContent = 'Välj ett datum för att se vilka anvisningar som gällde då.';
        return;
      }
      var svar = svara(data, dag, valt);
      var for_ = valt ? ' för ' + valt.namn : '';
      status.textContent = svar.gallde.length
        ? 'Den ' + dag + ' gällde ' + antal(svar.gallde.length) + for_ + '.'
        : 'Den ' + dag + ' gällde ingen av anvisningarna här' + for_ + '.';
      if (svar.gallde.length) {
        var lista = el('ul', { class: 'sd-gallde__lista sd-gallde__gallde' });
        svar.gallde.forEach(function (g) {
          var v = g.version;
          var nuvarande = v.version === g.anvisning.version;
          lista.appendChild(
            el('li', {}, [
              lank(String(v.titel), v.url),
              ' (' + g.anvisning.id + '): version ' + v.version +
                (nuvarande ? ' (nuvarande)' : '') + ', ' + intervall(v) + '.',
            ])
          );
        });
        resultat.appendChild(lista);
      }
      if (valt && !valt.tillampar_programmet) {
        resultat.appendChild(
          el('p', { class: 'sd-gallde__not' }, [
            valt.namn + ' tillämpar inte programmet: anvisningar för samtliga nämnder och ' +
              'bolagsstyrelser räknas inte, bara de som nämner organet eller dess typ.',
          ])
        );
      }
      if (!svar.forsta) {
        resultat.appendChild(
          el('p', { class: 'sd-gallde__not' }, ['Ingen version av någon anvisning här har gällt' + for_ + '.'])
        );
      } else if (dag < svar.forsta) {
        resultat.appendChild(
          el('p', { class: 'sd-gallde__not' }, [
            'Datumet är före den äldsta version som finns här' + for_ + ': den började gälla ' +
              svar.forsta + '.',
          ])
        );
      }
      if (svar.dolda.length) {
        var dold = el('ul', { class: 'sd-gallde__lista' });
        svar.dolda.forEach(function (g) {
          dold.appendChild(
            el('li', {}, [
              lank(String(g.anvisning.titel), g.anvisning.url),
              ' (' + g.anvisning.id + '): version ' + g.version.version + '.',
            ])
          );
        });
        resultat.appendChild(
          el('div', { class: 'sd-gallde__not' }, [
            el('p', {}, ['Gällde i en version som inte publiceras för den här målgruppen:']),
            dold,
          ])
        );
      }
      if (svar.ejBevarade.length) {
        var ej = el('ul', { class: 'sd-gallde__lista' });
        svar.ejBevarade.forEach(function (g) {
          ej.appendChild(
            el('li', {}, [
              lank(String(g.anvisning.titel), g.anvisning.url),
              ' (' + g.anvisning.id + '): versionerna före version ' + g.version.version +
                ' finns inte här; version ' + g.version.version + ' gäller från ' +
                g.version.giltig_fran + '.',
            ])
          );
        });
        resultat.appendChild(
          el('div', { class: 'sd-gallde__not' }, [
            el('p', {}, ['Äldre versioner som inte finns här kan ha gällt den dagen:']),
            ej,
          ])
        );
      }
      if (svar.senare.length) {
        var sen = el('ul', { class: 'sd-gallde__lista' });
        svar.senare.forEach(function (g) {
          sen.appendChild(
            el('li', {}, [
              lank(String(g.version.titel), g.version.url),
              ' (' + g.anvisning.id + '): version ' + g.version.version + ' beslutades ' +
                g.version.beslutsdatum + ' och gäller från ' + g.version.giltig_fran + '.',
            ])
          );
        });
        resultat.appendChild(
          el('div', { class: 'sd-gallde__not' }, [
            el('p', {}, ['Beslutades senare, med verkan från den dagen eller tidigare:']),
            sen,
          ])
        );
      }
    }

    function lasUrl() {
      var params;
      try {
        params = new URL(window.location.href).searchParams;
      } catch (e) {
        return;
      }
      var dag = params.get(PARAM_DATUM) || '';
      datum.value = giltigtDatum(dag) ? dag : '';
      var id = params.get(PARAM_ORGAN) || '';
      organ.value = organById[id] ? id : '';
    }

    function skrivUrl() {
      if (!window.history || !window.history.replaceState) return;
      var url;
      try {
        url = new URL(window.location.href);
      } catch (e) {
        return;
      }
      var p = url.searchParams;
      p.delete(PARAM_DATUM);
      p.delete(PARAM_ORGAN);
      if (giltigtDatum(datum.value)) p.set(PARAM_DATUM, datum.value);
      if (organ.value) p.set(PARAM_ORGAN, organ.value);
      var query = p.toString();
      try {
        window.history.replaceState(
          window.history.state,
          '',
          url.pathname + (query ? '?' + query : '') + url.hash
        );
      } catch (e) {
        // A sandboxed or file:// page may refuse; the answer still shows.
      }
    }

    function andrat() {
      visa();
      skrivUrl();
    }
    datum.addEventListener('input', andrat);
    datum.addEventListener('change', andrat);
    organ.addEventListener('change', andrat);

    lasUrl();
    visa();
  }

  function init() {
    var behallare = document.querySelectorAll('.sd-gallde[data-tidslinje]');
    for (var i = 0; i < behallare.length; i++) enhance(behallare[i]);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
  // Material's instant navigation (not switched on today) swaps the page content
  // without a new load; the page is then enhanced when it appears.
  if (window.document$ && typeof window.document$.subscribe === 'function') {
    window.document$.subscribe(init);
  }
})();
