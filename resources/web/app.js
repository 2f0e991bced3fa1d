/*
 * Observatoire du commerce — the citizens' web map.
 *
 * Plain ES2017, no build step, no framework; Leaflet (vendor/leaflet) draws the map.
 * The data comes from data/*.js, written by the QGIS plugin (reporting/web_map.py): each file
 * assigns one object to window.OBSERVATOIRE_DATA, so the page works from a web host, a local
 * file server and file:// alike.
 *
 * Every text the page shows is in STRINGS (one object per language; the site's meta picks the
 * language). Time to interactive: window.__ready = performance.now() once the data is read, the
 * markers drawn and the list built (the benchmark and the browser tests wait for it).
 */
(function () {
  'use strict';

  const STRINGS = {
    fr: {
      locale: 'fr-FR',
      kicker: 'Observatoire du commerce',
      titleDefault: 'Commerces, services et circuits courts — {territory}',
      dataDate: 'Données extraites le {date}',
      skipToList: 'Aller à la liste des lieux',
      filtersLabel: 'Rechercher et filtrer les lieux',
      searchLabel: 'Rechercher un lieu',
      searchHint: 'Nom du commerce, du service, du producteur ou du marché, ou nom de rue.',
      moreFilters: 'Filtres',
      layersLegend: 'Afficher',
      groupLabel: 'Groupe d’activité',
      groupAll: 'Tous les groupes',
      centralityLabel: 'Centralité',
      centralityAll: 'Toutes les centralités',
      dayLabel: 'Ouvert le',
      dayAll: 'Tous les jours',
      dayHint: 'Seuls restent affichés les lieux dont les jours d’ouverture sont connus, '
        + 'les marchés notamment.',
      organicLabel: 'Agriculture biologique uniquement',
      resetFilters: 'Effacer les filtres',
      tabsLabel: 'Vues',
      tabPlaces: 'Lieux ({n})',
      tabCentralities: 'Centralités ({n})',
      tabAbout: 'À propos',
      aboutHeading: 'À propos de cette carte',
      listHeading: 'Liste des lieux',
      listHint: 'Flèches haut et bas pour parcourir la liste, Entrée pour afficher le lieu '
        + 'sur la carte.',
      listEmpty: 'Aucun lieu ne correspond à la recherche et aux filtres.',
      statusAll: '{shown} lieux affichés sur {total}',
      statusOne: '{shown} lieu affiché sur {total}',
      mapLabel: 'Carte des commerces, services, producteurs et marchés',
      mapHint: 'La liste des lieux donne le contenu de la carte sous forme de texte. '
        + 'Flèches pour déplacer la carte, plus et moins pour zoomer.',
      legendLabel: 'Légende',
      legendTitle: 'Légende',
      legendCentrality: 'Contour de centralité',
      kinds: {
        shop: ['commerce', 'commerces', 'Commerces'],
        service: ['service', 'services', 'Services'],
        producer: ['producteur', 'producteurs', 'Producteurs en circuit court'],
        market: ['marché', 'marchés', 'Marchés'],
      },
      kindNames: {shop: 'Commerce', service: 'Service', producer: 'Producteur', market: 'Marché'},
      noGroup: 'Activité non renseignée',
      days: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
      popupCentrality: 'Centralité : ',
      popupDays: 'Jours : {days}',
      popupHours: 'Horaires : {hours}',
      popupProducts: 'Produits : {items}',
      popupSales: 'Vente : {items}',
      popupOrganic: 'Agriculture biologique',
      centralitiesHeading: 'Les centralités',
      centralityPlaces: '{n} lieux',
      centralityPlace: '{n} lieu',
      back: 'Toutes les centralités',
      showOnMap: 'Voir sur la carte',
      showPlaces: 'Lister ses lieux',
      keyFigures: 'Chiffres clés',
      offerHeading: 'L’offre en un coup d’œil',
      sentenceCount: '{name} compte {items} sur cette carte.',
      sentenceNone: 'Aucun lieu de cette carte ne se trouve dans {name}.',
      sentenceGroups: 'Activités les plus représentées parmi ses commerces : {items}.',
      sentenceGroup: 'Activité représentée parmi ses commerces : {items}.',
      sentenceMarket: '{name} se tient {days}.',
      sentenceMarketNoDay: '{name} se tient dans ce secteur.',
      sentenceOrganic: '{n} des lieux y sont en agriculture biologique.',
      sentenceOrganicOne: 'Un des lieux y est en agriculture biologique.',
      onDays: 'le {days}',
      figureLowPrecision: 'Précision faible : {n} répondants.',
      figureRespondents: '({n} répondants)',
      and: 'et',
      aboutProducer: 'Données publiées par {producer} pour le territoire {territory}, '
        + 'extraites le {date}.',
      aboutLicence: 'Licence : ',
      aboutSources: 'Sources',
      aboutBackground: 'Le fond de plan est dessiné à partir du réseau routier et des contours '
        + 'des centralités de l’observatoire : la carte fonctionne sans connexion.',
      aboutTiles: 'Fond de carte en ligne : {attribution}',
      aboutMade: 'Carte réalisée avec l’extension QGIS « Observatoire du commerce » et la '
        + 'bibliothèque Leaflet.',
      aboutAccess: 'Accessibilité : toute la carte est consultable au clavier et sous forme de '
        + 'liste ; la liste des lieux en est l’équivalent textuel.',
      errorData: 'Les données de la carte sont introuvables (fichier data/{file}.js). '
        + 'Exportez à nouveau la carte depuis QGIS.',
      errorLibrary: 'La bibliothèque cartographique (vendor/leaflet/leaflet.js) n’a pas pu '
        + 'être chargée.',
      attributionData: 'Données : {producer}',
      zoomIn: 'Zoom avant',
      zoomOut: 'Zoom arrière',
      closePopup: 'Fermer la fiche',
    },
  };

  const KIND_STYLE = {
    shop: {shape: 'circle', colour: null},
    service: {shape: 'square', colour: '#1d3557'},
    producer: {shape: 'triangle', colour: '#2d6a4f'},
    market: {shape: 'diamond', colour: '#8f3e00'},
  };
  const NO_GROUP_COLOUR = '#6b6b6b';
  // Background roads, drawn from the lightest to the heaviest; minor roads and paths appear
  // when zoomed in (a territory-wide view stays readable and fast).
  const ROAD_STYLE = [
    ['path', {color: '#fdfcfa', weight: 1.2, dash: [3, 3], minZoom: 15}],
    ['minor', {color: '#ffffff', weight: 2.2, minZoom: 13}],
    ['medium', {color: '#ffffff', weight: 3.6, minZoom: 0}],
    ['major', {color: '#fffdf4', weight: 5, minZoom: 0}],
  ];
  const KINDS = ['shop', 'service', 'producer', 'market'];

  const data = window.OBSERVATOIRE_DATA || {};
  const site = data.site || {};
  const S = STRINGS[site.language] || STRINGS.fr;
  const $ = (id) => document.getElementById(id);

  // ------------------------------------------------------------------ text helpers

  function t(key, vars) {
    let text = S[key];
    if (text === undefined) { text = key; }
    return vars ? text.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m)) : text;
  }

  const numberFormats = {};
  function formatNumber(value, decimals) {
    const key = decimals === undefined ? 'auto' : decimals;
    if (!numberFormats[key]) {
      numberFormats[key] = new Intl.NumberFormat(S.locale, decimals === undefined
        ? {maximumFractionDigits: 1}
        : {minimumFractionDigits: decimals, maximumFractionDigits: decimals});
    }
    return numberFormats[key].format(value);
  }

  function formatDate(iso) {
    if (!iso) { return ''; }
    const date = new Date(iso + 'T12:00:00');
    return new Intl.DateTimeFormat(S.locale, {day: 'numeric', month: 'long', year: 'numeric'})
      .format(date);
  }

  function plural(n, forms) { return n < 2 ? forms[0] : forms[1]; }

  function enumerate(items) {
    if (items.length < 2) { return items.join(''); }
    return items.slice(0, -1).join(', ') + ' ' + S.and + ' ' + items[items.length - 1];
  }

  function fold(text) {
    return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [key, value] of Object.entries(attrs)) {
        if (value === undefined || value === null || value === false) { continue; }
        if (key === 'text') { node.textContent = value; }
        else if (key === 'className') { node.className = value; }
        else { node.setAttribute(key, value === true ? '' : value); }
      }
    }
    for (const child of children || []) {
      if (child !== null && child !== undefined) {
        node.append(child);
      }
    }
    return node;
  }

  function showError(message) {
    const box = $('erreur');
    box.textContent = message;
    box.hidden = false;
  }

  // ------------------------------------------------------------------ shapes

  const SVG_NS = 'http://www.w3.org/2000/svg';
  function shapeIcon(shape, colour) {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '-10 -10 20 20');
    svg.setAttribute('width', '18');
    svg.setAttribute('height', '18');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(SVG_NS, 'path');
    const d = {
      circle: 'M -7 0 A 7 7 0 1 0 7 0 A 7 7 0 1 0 -7 0 Z',
      square: 'M -6.5 -6.5 H 6.5 V 6.5 H -6.5 Z',
      triangle: 'M 0 -8.5 L 8 6.5 H -8 Z',
      diamond: 'M 0 -9 L 9 0 L 0 9 L -9 0 Z',
    }[shape];
    path.setAttribute('d', d);
    path.setAttribute('fill', colour);
    path.setAttribute('stroke', '#1a1a1a');
    path.setAttribute('stroke-width', '1.2');
    svg.append(path);
    return svg;
  }

  function prepareRoads(collection) {
    // Project every vertex once to normalised Web Mercator (0–1), with a box per line.
    const byClass = new Map();
    for (const f of collection.features) {
      const lines = byClass.get(f.properties.class) || [];
      for (const part of f.geometry.coordinates) {
        const xy = new Float64Array(part.length * 2);
        let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
        for (let i = 0; i < part.length; i += 1) {
          const x = (part[i][0] + 180) / 360;
          const s = Math.sin(part[i][1] * Math.PI / 180);
          const y = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
          xy[2 * i] = x;
          xy[2 * i + 1] = y;
          if (x < x0) { x0 = x; } if (x > x1) { x1 = x; }
          if (y < y0) { y0 = y; } if (y > y1) { y1 = y; }
        }
        lines.push({xy, x0, y0, x1, y1});
      }
      byClass.set(f.properties.class, lines);
    }
    return ROAD_STYLE.filter(([name]) => byClass.has(name))
      .map(([name, style]) => ({name, style, lines: byClass.get(name)}));
  }

  function roadRenderer(collection, options) {
    // A Leaflet canvas renderer that draws the background roads itself, one path per class,
    // skipping lines out of view and vertices less than a pixel apart: 100 000+ vertices
    // redraw in a few milliseconds (Leaflet layers would hold an object per vertex).
    const RoadCanvas = L.Canvas.extend({
      _draw() {
        const map = this._map;
        if (!map || !this._bounds) { return; }
        const ctx = this._ctx;
        const zoom = map.getZoom();
        const world = 256 * Math.pow(2, zoom);
        const origin = map.getPixelOrigin();
        const b = this._bounds;
        const vx0 = (b.min.x + origin.x) / world;
        const vx1 = (b.max.x + origin.x) / world;
        const vy0 = (b.min.y + origin.y) / world;
        const vy1 = (b.max.y + origin.y) / world;
        const scale = Math.min(1.8, Math.max(0.45, 0.55 + (zoom - 13) * 0.3));
        ctx.lineCap = 'round';
        ctx.lineJoin = 'round';
        for (const road of this._roads) {
          if (zoom < road.style.minZoom) { continue; }
          ctx.beginPath();
          for (const line of road.lines) {
            if (line.x1 < vx0 || line.x0 > vx1 || line.y1 < vy0 || line.y0 > vy1) { continue; }
            const xy = line.xy;
            const n = xy.length;
            let px = xy[0] * world - origin.x;
            let py = xy[1] * world - origin.y;
            ctx.moveTo(px, py);
            for (let i = 2; i < n; i += 2) {
              const x = xy[i] * world - origin.x;
              const y = xy[i + 1] * world - origin.y;
              if (i + 2 < n && Math.abs(x - px) + Math.abs(y - py) < 1) { continue; }
              ctx.lineTo(x, y);
              px = x;
              py = y;
            }
          }
          ctx.setLineDash(road.style.dash || []);
          ctx.strokeStyle = road.style.color;
          ctx.lineWidth = road.style.weight * scale;
          ctx.stroke();
        }
      },
    });
    const renderer = new RoadCanvas(options);
    renderer._roads = prepareRoads(collection);
    return renderer;
  }

  function installCanvasShapes() {
    // A circle marker drawn as a circle, square, triangle or diamond (canvas renderer only):
    // kinds differ by shape, not by colour alone.
    L.Canvas.include({
      _updateShape(layer) {
        if (!this._drawing || layer._empty()) { return; }
        const p = layer._point;
        const ctx = this._ctx;
        const r = Math.max(Math.round(layer._radius), 1);
        ctx.beginPath();
        switch (layer.options.shape) {
          case 'square':
            ctx.rect(p.x - r * 0.9, p.y - r * 0.9, r * 1.8, r * 1.8);
            break;
          case 'triangle':
            ctx.moveTo(p.x, p.y - r * 1.2);
            ctx.lineTo(p.x + r * 1.15, p.y + r * 0.9);
            ctx.lineTo(p.x - r * 1.15, p.y + r * 0.9);
            ctx.closePath();
            break;
          case 'diamond':
            ctx.moveTo(p.x, p.y - r * 1.3);
            ctx.lineTo(p.x + r * 1.3, p.y);
            ctx.lineTo(p.x, p.y + r * 1.3);
            ctx.lineTo(p.x - r * 1.3, p.y);
            ctx.closePath();
            break;
          default:
            ctx.arc(p.x, p.y, r, 0, Math.PI * 2, false);
        }
        this._fillStroke(ctx, layer);
      },
    });
    return L.CircleMarker.extend({
      options: {shape: 'circle'},
      _updatePath() { this._renderer._updateShape(this); },
    });
  }

  // ------------------------------------------------------------------ the application

  const state = {
    search: '', group: '', centrality: '', day: '', organic: false,
    kinds: {shop: true, service: true, producer: true, market: true},
  };
  let map;
  let places = [];
  const placeById = new Map();
  const centralities = new Map();
  const groups = new Map();
  const kindLayers = {};
  let halo = null;
  const collator = new Intl.Collator(S.locale, {sensitivity: 'base', numeric: true});
  let activeItem = null;
  let selected = null;

  function placeColour(place) {
    const style = KIND_STYLE[place.kind];
    if (style.colour) { return style.colour; }
    const group = groups.get(place.group);
    return group ? group.colour : NO_GROUP_COLOUR;
  }

  function placeTitle(place) {
    const group = groups.get(place.group);
    return place.name || place.category || (group && group.label) || S.kindNames[place.kind];
  }

  function placeKindLabel(place) {
    if (place.kind === 'shop') {
      const group = groups.get(place.group);
      return group ? group.label : S.noGroup;
    }
    const category = place.category && place.category !== place.name ? place.category : '';
    return S.kindNames[place.kind] + (category ? ' · ' + category : '');
  }

  function placeSubtitle(place) {
    const parts = [placeKindLabel(place)];
    if (place.address || place.street) { parts.push(place.address || place.street); }
    return parts.join(' · ');
  }

  function readData() {
    for (const name of ['site', 'places', 'centralities', 'background']) {
      if (!data[name]) {
        showError(t('errorData', {file: name}));
        return false;
      }
    }
    if (typeof L === 'undefined') {
      showError(t('errorLibrary'));
      return false;
    }
    for (const g of site.groups || []) { groups.set(g.code, g); }
    for (const f of data.centralities.features) {
      centralities.set(String(f.id), Object.assign({code: String(f.id), geometry: f.geometry},
        f.properties, {counts: {shop: 0, service: 0, producer: 0, market: 0}, groups: {}}));
    }
    places = data.places.features.map((f) => {
      const p = Object.assign({id: String(f.id), lon: f.geometry.coordinates[0],
        lat: f.geometry.coordinates[1]}, f.properties);
      p.key = fold([p.name, p.address, p.street, p.category].filter(Boolean).join(' '));
      p.visible = true;
      const c = centralities.get(p.centrality);
      if (c) {
        c.counts[p.kind] += 1;
        if (p.kind === 'shop' && p.group) { c.groups[p.group] = (c.groups[p.group] || 0) + 1; }
      }
      return p;
    });
    places.sort((a, b) => collator.compare(placeTitle(a), placeTitle(b)));
    for (const p of places) { placeById.set(p.id, p); }
    return true;
  }

  function translateStatic() {
    document.documentElement.lang = site.language || 'fr';
    for (const node of document.querySelectorAll('[data-i18n]')) {
      node.textContent = t(node.dataset.i18n);
    }
    for (const node of document.querySelectorAll('[data-i18n-label]')) {
      node.setAttribute('aria-label', t(node.dataset.i18nLabel));
    }
    const title = site.title || t('titleDefault', {territory: site.territory || ''});
    document.title = title;
    $('titre').textContent = title;
    $('date-donnees').textContent = site.extracted
      ? t('dataDate', {date: formatDate(site.extracted)}) : '';
  }

  // ------------------------------------------------------------------ map

  function buildMap() {
    const touch = window.matchMedia && window.matchMedia('(pointer: coarse)').matches;
    map = L.map('carte', {zoomControl: false, preferCanvas: true, keyboard: true,
      attributionControl: true, minZoom: 8, maxZoom: 19, zoomSnap: 0.25});
    L.control.zoom({position: 'topright', zoomInTitle: S.zoomIn, zoomOutTitle: S.zoomOut})
      .addTo(map);
    map.attributionControl.setPrefix(
      '<a href="https://leafletjs.com" title="Leaflet">Leaflet</a>');
    map.attributionControl.addAttribution(
      t('attributionData', {producer: escapeHtml(site.producer || '')}));
    map.createPane('fond').style.zIndex = 150;
    map.createPane('lieux').style.zIndex = 450;
    map.createPane('selection').style.zIndex = 460;
    const placesRenderer = L.canvas({pane: 'lieux', padding: 0.5, tolerance: touch ? 12 : 4});

    roadRenderer(data.background, {pane: 'fond', padding: 0.5}).addTo(map);
    if (site.tile && site.tile.url) {
      L.tileLayer(site.tile.url, {attribution: escapeHtml(site.tile.attribution || ''),
        maxZoom: 19, crossOrigin: true}).addTo(map);
    }
    const outlines = [];
    for (const c of centralities.values()) {
      if (!c.geometry) { continue; }
      const layer = L.geoJSON(c.geometry, {
        renderer: placesRenderer,
        style: {color: '#1d4e89', weight: 2, dashArray: '6 4', fillColor: '#1d4e89',
          fillOpacity: 0.06},
      });
      layer.on('click', () => openCentrality(c.code, {focus: false}));
      layer.addTo(map);
      // The name sits above the outline, where it hides no marker.
      const box = layer.getBounds();
      L.tooltip({permanent: true, direction: 'top', className: 'centrality-label',
        interactive: false, offset: [0, -2]})
        .setLatLng([box.getNorth(), box.getCenter().lng]).setContent(escapeHtml(c.name))
        .addTo(map);
      c.layer = layer;
      outlines.push(layer);
    }

    const ShapeMarker = installCanvasShapes();
    for (const kind of KINDS) { kindLayers[kind] = L.layerGroup().addTo(map); }
    // Markers grow as one zooms in: thousands of places stay legible at the territory scale.
    const radiusAt = (zoom) => (zoom < 13 ? 3.5 : zoom < 15 ? 5 : 6.5) + (touch ? 1 : 0);
    const b = site.bounds;
    if (b) {
      map.fitBounds(b, {padding: [24, 24], maxZoom: 17});
    } else {
      map.setView([46.6, 2.4], 6);
    }
    let radius = radiusAt(map.getZoom());
    map.on('zoomend', () => {
      const next = radiusAt(map.getZoom());
      if (next !== radius) {
        radius = next;
        for (const p of places) { p.marker.setRadius(radius); }
      }
    });
    for (const p of places) {
      p.marker = new ShapeMarker([p.lat, p.lon], {
        renderer: placesRenderer, shape: KIND_STYLE[p.kind].shape, radius,
        color: '#1a1a1a', weight: 1.2, opacity: 0.9, fillColor: placeColour(p), fillOpacity: 1,
      });
      p.marker.on('click', () => selectPlace(p, {fromMap: true}));
      kindLayers[p.kind].addLayer(p.marker);
    }
    halo = L.circleMarker([0, 0], {radius: 13, color: '#111111', weight: 3, fill: false,
      interactive: false, pane: 'selection', renderer: L.svg({pane: 'selection'})});

    map.on('zoomend', () => {
      $('carte').classList.toggle('show-labels', map.getZoom() >= 14);
    });
    $('carte').classList.toggle('show-labels', map.getZoom() >= 14);
    map.getContainer().addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && selected) {
        event.stopPropagation();
        map.closePopup();
      }
    });
    map.on('popupclose', (event) => {
      if (selected && event.popup === selected.marker.getPopup()) {
        const node = event.popup.getElement();
        const lost = document.activeElement === document.body
          || (node && node.contains(document.activeElement));
        if (halo) { halo.remove(); }
        if (selected.viaKeyboard && lost && !selected.row.hidden) { selected.item.focus(); }
        if (location.hash.startsWith('#lieu/')) {
          history.replaceState(null, '', location.pathname + location.search);
        }
        selected = null;
      }
    });
    buildLegend();
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;',
      '"': '&quot;', "'": '&#39;'}[c]));
  }

  function buildLegend() {
    const control = L.control({position: 'bottomleft'});
    control.onAdd = () => {
      const box = $('legende');
      const details = el('details', {className: 'legend__details'});
      details.open = !window.matchMedia('(max-width: 47.99em)').matches;
      details.append(el('summary', {text: S.legendTitle}));
      const list = el('ul', {className: 'legend__list'});
      for (const g of site.groups || []) {
        list.append(el('li', null, [shapeIcon('circle', g.colour), el('span', {text: g.label})]));
      }
      if (places.some((p) => p.kind === 'shop' && !groups.has(p.group))) {
        list.append(el('li', null, [shapeIcon('circle', NO_GROUP_COLOUR),
          el('span', {text: S.noGroup})]));
      }
      for (const kind of ['service', 'producer', 'market']) {
        if (!(site.counts || {})[kind]) { continue; }
        list.append(el('li', null, [shapeIcon(KIND_STYLE[kind].shape, KIND_STYLE[kind].colour),
          el('span', {text: S.kinds[kind][2]})]));
      }
      const outline = el('span', {className: 'legend__outline', 'aria-hidden': 'true'});
      list.append(el('li', null, [outline, el('span', {text: S.legendCentrality})]));
      details.append(list);
      box.append(details);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
  }

  // ------------------------------------------------------------------ popup

  function popupContent(p) {
    const box = el('div', {className: 'popup'});
    box.append(el('h3', {className: 'popup__title', tabindex: '-1', text: placeTitle(p)}));
    box.append(el('p', {className: 'popup__kind'}, [
      shapeIcon(KIND_STYLE[p.kind].shape, placeColour(p)), ' ', placeKindLabel(p),
    ]));
    if (p.kind === 'shop' && p.category) { box.append(el('p', {text: p.category})); }
    if (p.address || p.street) { box.append(el('p', {text: p.address || p.street})); }
    if (p.organic) { box.append(el('p', {className: 'badge', text: S.popupOrganic})); }
    if (p.days && p.days.length) {
      box.append(el('p', {text: t('popupDays', {days: enumerate(p.days)})}));
    }
    if (p.hours) { box.append(el('p', {text: t('popupHours', {hours: p.hours})})); }
    if (p.products && p.products.length) {
      box.append(el('p', {text: t('popupProducts', {items: p.products.join(', ')})}));
    }
    if (p.sales_modes && p.sales_modes.length) {
      box.append(el('p', {text: t('popupSales', {items: p.sales_modes.join(', ')})}));
    }
    const c = centralities.get(p.centrality);
    if (c) {
      const link = el('button', {type: 'button', className: 'link-button', text: c.name});
      link.addEventListener('click', () => openCentrality(c.code, {focus: true}));
      box.append(el('p', null, [S.popupCentrality, link]));
    }
    return box;
  }

  function selectPlace(p, options) {
    const opts = options || {};
    selected = p;
    p.viaKeyboard = Boolean(opts.focusPopup);
    setActiveItem(p.item, false);
    for (const node of document.querySelectorAll('.place[aria-current]')) {
      node.removeAttribute('aria-current');
    }
    p.item.setAttribute('aria-current', 'true');
    if (opts.fromMap) { p.item.scrollIntoView({block: 'nearest'}); }
    if (!p.marker.getPopup()) {
      p.marker.bindPopup(() => popupContent(p), {maxWidth: 300, autoPanPadding: [24, 24]});
    }
    const zoom = Math.max(map.getZoom(), 16);
    if (!map.getBounds().pad(-0.1).contains(p.marker.getLatLng()) || map.getZoom() < 16) {
      map.setView(p.marker.getLatLng(), zoom, {animate: !opts.instant});
    }
    halo.setLatLng(p.marker.getLatLng()).addTo(map);
    p.marker.openPopup();
    const popup = p.marker.getPopup().getElement();
    if (popup) {
      const close = popup.querySelector('.leaflet-popup-close-button');
      if (close) {
        close.setAttribute('aria-label', S.closePopup);
        close.setAttribute('title', S.closePopup);
      }
      if (opts.focusPopup) {
        const title = popup.querySelector('.popup__title');
        if (title) { title.focus({preventScroll: true}); }
      }
    }
    history.replaceState(null, '', '#lieu/' + encodeURIComponent(p.id));
    if (opts.scrollToMap && window.matchMedia('(max-width: 47.99em)').matches) {
      $('carte').scrollIntoView({block: 'start'});
    }
  }

  // ------------------------------------------------------------------ list

  function buildList() {
    const list = $('liste-lieux');
    const fragment = document.createDocumentFragment();
    for (const p of places) {
      const button = el('button', {type: 'button', className: 'place', tabindex: '-1',
        'data-id': p.id}, [
        shapeIcon(KIND_STYLE[p.kind].shape, placeColour(p)),
        el('span', {className: 'place__text'}, [
          el('span', {className: 'place__name', text: placeTitle(p)}),
          el('span', {className: 'place__meta', text: placeSubtitle(p)}),
        ]),
      ]);
      p.item = button;
      p.row = el('li', null, [button]);
      fragment.append(p.row);
    }
    list.append(fragment);
    list.append(el('li', {className: 'places__empty', id: 'liste-vide', hidden: true,
      text: S.listEmpty}));
    list.addEventListener('click', (event) => {
      const button = event.target.closest('.place');
      if (button) {
        selectPlace(placeById.get(button.dataset.id), {focusPopup: event.detail === 0,
          scrollToMap: true});
      }
    });
    list.addEventListener('keydown', onListKey);
    list.addEventListener('focusin', (event) => {
      const button = event.target.closest('.place');
      if (button) {
        setActiveItem(button, false);
        const p = placeById.get(button.dataset.id);
        if (!selected) { halo.setLatLng(p.marker.getLatLng()).addTo(map); }
      }
    });
    list.addEventListener('focusout', () => {
      if (!selected && halo) { halo.remove(); }
    });
    if (places.length) { setActiveItem(places[0].item, false); }
  }

  function visibleItems() {
    return places.filter((p) => p.visible).map((p) => p.item);
  }

  function setActiveItem(button, focus) {
    if (activeItem && activeItem !== button) { activeItem.tabIndex = -1; }
    activeItem = button;
    if (button) {
      button.tabIndex = 0;
      if (focus) { button.focus(); }
    }
  }

  function onListKey(event) {
    const button = event.target.closest('.place');
    if (!button) { return; }
    const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'];
    if (!keys.includes(event.key)) { return; }
    event.preventDefault();
    const items = visibleItems();
    const index = items.indexOf(button);
    const last = items.length - 1;
    const target = {
      ArrowDown: Math.min(index + 1, last), ArrowUp: Math.max(index - 1, 0),
      Home: 0, End: last, PageDown: Math.min(index + 10, last), PageUp: Math.max(index - 10, 0),
    }[event.key];
    if (items[target]) {
      setActiveItem(items[target], true);
      items[target].scrollIntoView({block: 'nearest'});
    }
  }

  // ------------------------------------------------------------------ filters

  function buildFilters() {
    const layers = $('couches');
    for (const kind of KINDS) {
      const count = (site.counts || {})[kind] || 0;
      const id = 'couche-' + kind;
      const input = el('input', {type: 'checkbox', id, name: id, checked: true,
        'data-kind': kind});
      const label = el('label', {for: id}, [
        shapeIcon(KIND_STYLE[kind].shape, KIND_STYLE[kind].colour || '#ffffff'),
        el('span', {text: S.kinds[kind][2] + ' (' + formatNumber(count) + ')'}),
      ]);
      input.addEventListener('change', () => { state.kinds[kind] = input.checked; update(); });
      layers.append(el('div', {className: 'check'}, [input, label]));
    }
    const group = $('filtre-groupe');
    group.append(el('option', {value: '', text: S.groupAll}));
    for (const g of site.groups || []) {
      group.append(el('option', {value: g.code, text: g.label + ' (' + g.count + ')'}));
    }
    const centrality = $('filtre-centralite');
    centrality.append(el('option', {value: '', text: S.centralityAll}));
    for (const c of centralities.values()) {
      centrality.append(el('option', {value: c.code, text: c.name}));
    }
    const day = $('filtre-jour');
    day.append(el('option', {value: '', text: S.dayAll}));
    for (const d of S.days) { day.append(el('option', {value: d, text: d})); }

    group.addEventListener('change', () => { state.group = group.value; update(); });
    centrality.addEventListener('change', () => {
      state.centrality = centrality.value;
      update();
      zoomToCentrality(state.centrality);
    });
    day.addEventListener('change', () => { state.day = day.value; update(); });
    $('filtre-bio').addEventListener('change', (e) => {
      state.organic = e.target.checked;
      update();
    });
    let timer = null;
    $('recherche').addEventListener('input', (e) => {
      clearTimeout(timer);
      timer = setTimeout(() => { state.search = fold(e.target.value.trim()); update(); }, 120);
    });
    $('filtres').addEventListener('submit', (e) => {
      e.preventDefault();
      clearTimeout(timer);
      state.search = fold($('recherche').value.trim());
      update();
    });
    $('filtres').addEventListener('reset', () => {
      setTimeout(() => {
        Object.assign(state, {search: '', group: '', centrality: '', day: '', organic: false});
        for (const kind of KINDS) { state.kinds[kind] = true; }
        update();
      }, 0);
    });
    if (window.matchMedia('(max-width: 47.99em)').matches) {
      $('plus-de-filtres').open = false;
    }
  }

  function matches(p) {
    if (!state.kinds[p.kind]) { return false; }
    if (state.group && p.group !== state.group) { return false; }
    if (state.centrality && p.centrality !== state.centrality) { return false; }
    if (state.day && !(p.days && p.days.includes(state.day))) { return false; }
    if (state.organic && p.organic !== true) { return false; }
    if (state.search) {
      for (const word of state.search.split(/\s+/)) {
        if (!p.key.includes(word)) { return false; }
      }
    }
    return true;
  }

  function update() {
    let shown = 0;
    for (const p of places) {
      const visible = matches(p);
      if (visible !== p.visible) {
        p.visible = visible;
        p.row.hidden = !visible;
        if (visible) { kindLayers[p.kind].addLayer(p.marker); }
        else {
          if (selected === p) { map.closePopup(); }
          kindLayers[p.kind].removeLayer(p.marker);
        }
      }
      if (visible) { shown += 1; }
    }
    $('liste-vide').hidden = shown > 0;
    $('statut').textContent = t(shown < 2 ? 'statusOne' : 'statusAll',
      {shown: formatNumber(shown), total: formatNumber(places.length)});
    $('onglet-lieux').textContent = t('tabPlaces', {n: formatNumber(shown)});
    if (!activeItem || !placeById.get(activeItem.dataset.id).visible) {
      const first = places.find((p) => p.visible);
      setActiveItem(first ? first.item : null, false);
    }
  }

  // ------------------------------------------------------------------ tabs

  const TABS = ['onglet-lieux', 'onglet-centralites', 'onglet-apropos'];

  function selectTab(id, focus) {
    for (const tabId of TABS) {
      const tab = $(tabId);
      const on = tabId === id;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      $(tab.getAttribute('aria-controls')).hidden = !on;
      if (on && focus) { tab.focus(); }
    }
  }

  function buildTabs() {
    $('onglet-centralites').textContent = t('tabCentralities',
      {n: formatNumber(centralities.size)});
    for (const id of TABS) {
      $(id).addEventListener('click', () => selectTab(id, false));
    }
    $('onglets').addEventListener('keydown', (event) => {
      const index = TABS.indexOf(event.target.id);
      let next = null;
      if (event.key === 'ArrowRight') { next = (index + 1) % TABS.length; }
      if (event.key === 'ArrowLeft') { next = (index + TABS.length - 1) % TABS.length; }
      if (event.key === 'Home') { next = 0; }
      if (event.key === 'End') { next = TABS.length - 1; }
      if (next !== null) {
        event.preventDefault();
        selectTab(TABS[next], true);
      }
    });
  }

  // ------------------------------------------------------------------ centralities

  function countText(c) {
    const n = KINDS.reduce((sum, k) => sum + c.counts[k], 0);
    return t(n < 2 ? 'centralityPlace' : 'centralityPlaces', {n: formatNumber(n)});
  }

  function buildCentralities() {
    const list = $('liste-centralites');
    for (const c of centralities.values()) {
      const button = el('button', {type: 'button', className: 'centrality-link'}, [
        el('span', {className: 'place__name', text: c.name}),
        el('span', {className: 'place__meta',
          text: [c.level_label, countText(c)].filter(Boolean).join(' · ')}),
      ]);
      button.addEventListener('click', () => openCentrality(c.code, {focus: true}));
      list.append(el('li', null, [button]));
    }
  }

  function figureText(f) {
    let text;
    if (f.text) {
      text = f.text;
    } else {
      let value = typeof f.value === 'number' ? formatNumber(f.value, f.decimals) : f.value;
      if (f.unit) { value += (f.unit === '%' ? '\u202f' : '\u00a0') + f.unit; }
      text = f.label + '\u00a0: ' + value + (f.period ? ' (' + f.period + ')' : '') + '.';
    }
    if (f.respondents) {
      text += ' ' + (f.low_precision ? t('figureLowPrecision', {n: f.respondents})
        : t('figureRespondents', {n: f.respondents}));
    }
    return text;
  }

  function offerSentences(c) {
    const sentences = [];
    const items = KINDS.filter((k) => c.counts[k] > 0)
      .map((k) => formatNumber(c.counts[k]) + '\u00a0' + plural(c.counts[k], S.kinds[k]));
    sentences.push(items.length ? t('sentenceCount', {name: c.name, items: enumerate(items)})
      : t('sentenceNone', {name: c.name}));
    const label = (code) => (groups.get(code) || {label: code}).label;
    const top = Object.entries(c.groups)
      .sort((a, b) => b[1] - a[1] || collator.compare(label(a[0]), label(b[0])))
      .slice(0, 3)
      .map(([code, n]) => label(code) + ' (' + formatNumber(n) + ')');
    if (top.length) {
      sentences.push(t(top.length > 1 ? 'sentenceGroups' : 'sentenceGroup',
        {items: enumerate(top)}));
    }
    const inside = places.filter((p) => p.centrality === c.code);
    for (const m of inside.filter((p) => p.kind === 'market')) {
      sentences.push(m.days && m.days.length
        ? t('sentenceMarket', {name: placeTitle(m),
          days: enumerate(m.days.map((d) => t('onDays', {days: d})))})
        : t('sentenceMarketNoDay', {name: placeTitle(m)}));
    }
    const organic = inside.filter((p) => p.organic === true).length;
    if (organic === 1) { sentences.push(t('sentenceOrganicOne')); }
    if (organic > 1) { sentences.push(t('sentenceOrganic', {n: formatNumber(organic)})); }
    return sentences;
  }

  function openCentrality(code, options) {
    const c = centralities.get(code);
    if (!c) { return; }
    selectTab('onglet-centralites', false);
    const card = $('fiche-centralite');
    card.textContent = '';
    const back = el('button', {type: 'button', className: 'button button--secondary back',
      text: '← ' + S.back});
    back.addEventListener('click', closeCentrality);
    card.append(back);
    card.append(el('h2', {className: 'centrality__title', id: 'fiche-titre', text: c.name}));
    if (c.level_label) { card.append(el('p', {className: 'centrality__level', text: c.level_label})); }
    card.append(el('h3', {text: S.offerHeading}));
    for (const sentence of offerSentences(c)) { card.append(el('p', {text: sentence})); }
    if (c.figures && c.figures.length) {
      card.append(el('h3', {text: S.keyFigures}));
      card.append(el('ul', {className: 'figures'},
        c.figures.map((f) => el('li', {text: figureText(f)}))));
    }
    const actions = el('p', {className: 'actions'});
    if (c.layer) {
      const zoom = el('button', {type: 'button', className: 'button', text: S.showOnMap});
      zoom.addEventListener('click', () => {
        zoomToCentrality(code);
        if (window.matchMedia('(max-width: 47.99em)').matches) {
          $('carte').scrollIntoView({block: 'start'});
        }
      });
      actions.append(zoom);
    }
    const filter = el('button', {type: 'button', className: 'button button--secondary',
      text: S.showPlaces});
    filter.addEventListener('click', () => {
      $('filtre-centralite').value = code;
      state.centrality = code;
      update();
      selectTab('onglet-lieux', false);
      setActiveItem(activeItem, true);
    });
    actions.append(filter);
    card.append(actions);
    $('centralites-liste').hidden = true;
    card.hidden = false;
    card.setAttribute('aria-labelledby', 'fiche-titre');
    highlightCentrality(code);
    if (c.layer) { zoomToCentrality(code); }
    history.replaceState(null, '', '#centralite/' + encodeURIComponent(code));
    if (options && options.focus) { card.focus(); }
  }

  function closeCentrality() {
    $('fiche-centralite').hidden = true;
    $('centralites-liste').hidden = false;
    highlightCentrality(null);
    history.replaceState(null, '', location.pathname + location.search);
    const first = $('liste-centralites').querySelector('button');
    if (first) { first.focus(); }
  }

  function highlightCentrality(code) {
    for (const c of centralities.values()) {
      if (c.layer) {
        c.layer.setStyle(c.code === code
          ? {weight: 3.5, dashArray: null, fillOpacity: 0.12}
          : {weight: 2, dashArray: '6 4', fillOpacity: 0.06});
      }
    }
  }

  function zoomToCentrality(code) {
    const c = centralities.get(code);
    if (c && c.layer) { map.fitBounds(c.layer.getBounds(), {padding: [24, 24], maxZoom: 17}); }
  }

  // ------------------------------------------------------------------ about

  function buildAbout() {
    const box = $('apropos');
    if (site.description) { box.append(el('p', {text: site.description})); }
    box.append(el('p', {text: t('aboutProducer', {producer: site.producer || '',
      territory: site.territory || '', date: formatDate(site.extracted)})}));
    const licence = site.licence_url
      ? el('a', {href: site.licence_url, text: site.licence}) : site.licence;
    box.append(el('p', null, [S.aboutLicence, licence]));
    if (site.sources && site.sources.length) {
      box.append(el('h3', {text: S.aboutSources}));
      box.append(el('ul', null, site.sources.map((s) => el('li', null,
        [s.url ? el('a', {href: s.url, text: s.name}) : s.name]))));
    }
    box.append(el('p', {text: S.aboutBackground}));
    if (site.tile && site.tile.url) {
      box.append(el('p', {text: t('aboutTiles', {attribution: site.tile.attribution || ''})}));
    }
    box.append(el('p', {text: S.aboutAccess}));
    box.append(el('p', {className: 'hint', text: S.aboutMade}));
  }

  // ------------------------------------------------------------------ start

  function fromHash() {
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash.startsWith('lieu/') && placeById.has(hash.slice(5))) {
      selectPlace(placeById.get(hash.slice(5)), {instant: true});
    } else if (hash.startsWith('centralite/')) {
      openCentrality(hash.slice(11), {focus: false});
    }
  }

  function trackInputMode() {
    // The map's focus ring shows for keyboard users only (Leaflet focuses the map on click).
    const root = document.documentElement;
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Tab') { root.classList.add('keyboard'); }
    }, true);
    for (const type of ['mousedown', 'touchstart']) {
      document.addEventListener(type, () => root.classList.remove('keyboard'),
        {capture: true, passive: true});
    }
  }

  function start() {
    const mark = (name) => performance.mark('observatoire:' + name);
    mark('start');
    trackInputMode();
    translateStatic();
    if (!readData()) { return; }
    mark('data');
    buildMap();
    mark('map');
    buildFilters();
    buildList();
    mark('list');
    buildTabs();
    buildCentralities();
    buildAbout();
    update();
    fromHash();
    mark('built');
    window.observatoire = {
      map, state, places, update,
      markerCount: () => KINDS.reduce((n, k) => n + kindLayers[k].getLayers().length, 0),
      markerCounts: () => Object.fromEntries(KINDS.map((k) => [k,
        kindLayers[k].getLayers().length])),
    };
    requestAnimationFrame(() => {
      window.__ready = performance.now();
      document.body.dataset.ready = 'true';
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
