// The route map. Leaflet comes from the WebJar; tiles from the configured server. Everything here is
// optional: with no tiles reachable the markers still draw on a blank grid, and with no Leaflet at all
// the map is hidden and the stop list carries on alone.

import { el } from './dom.js';

const DEFAULT_CONFIG = { tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors', maxZoom: 19 };

const escapeText = (text) => String(text || '').replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');

export async function mapConfig() {
  try {
    const response = await fetch('/api/v1/maps/config');
    if (response.ok) return { ...DEFAULT_CONFIG, ...(await response.json()) };
  } catch (e) { /* offline: the default is as good as any */ }
  return DEFAULT_CONFIG;
}

export function createMap(container, config, onTilesMissing) {
  if (typeof window.L === 'undefined') {
    container.hidden = true;
    return { show() {}, resize() {} };
  }
  const L = window.L;
  const map = L.map(container, { zoomControl: true, attributionControl: true, tap: true }).setView([20.59, 78.96], 4);
  map.attributionControl.setPrefix(false);
  let warned = false;
  // attribution is operator configuration, but it is still put on the page as text
  L.tileLayer(config.tileUrl, { maxZoom: config.maxZoom || 19, attribution: escapeText(config.attribution), crossOrigin: false })
    .on('tileerror', () => { if (!warned) { warned = true; onTilesMissing?.(); } })
    .addTo(map);
  const layer = L.layerGroup().addTo(map);
  let fitted = '';

  function stopIcon(label, kind, active) {
    return L.divIcon({
      className: 'stop-pin ' + (kind === 'PICKUP' ? 'pickup' : 'dropoff') + (active ? ' active' : ''),
      html: el('span', {}, label), iconSize: [36, 36], iconAnchor: [18, 18],
    });
  }

  return {
    /** stops: [{ label, kind, active, name, lat, lng }]; me: { lat, lng } or null */
    show(stops, me) {
      layer.clearLayers();
      const points = [];
      for (const stop of stops) {
        if (!Number.isFinite(stop.lat) || !Number.isFinite(stop.lng)) continue;
        L.marker([stop.lat, stop.lng], { icon: stopIcon(stop.label, stop.kind, stop.active), keyboard: false, title: stop.name })
          .bindTooltip(el('span', {}, stop.label + '. ' + stop.name)).addTo(layer);
        points.push([stop.lat, stop.lng]);
      }
      if (me) {
        L.circleMarker([me.lat, me.lng], { radius: 10, color: '#fff', weight: 3, fillColor: '#0047ff', fillOpacity: 1 }).addTo(layer);
        points.push([me.lat, me.lng]);
      }
      // re-frame only when the set of places changes, not on every position ping (the driver may be panning)
      const key = stops.map((s) => s.label + ':' + s.lat + ',' + s.lng).join('|') + (me ? '|me' : '');
      if (points.length && key !== fitted) {
        fitted = key;
        if (points.length === 1) map.setView(points[0], 15); else map.fitBounds(points, { padding: [30, 30], maxZoom: 16 });
      }
    },
    resize() { map.invalidateSize(); },
  };
}
