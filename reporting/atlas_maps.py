"""The atlas's map layers: memory layers built from the report's data, styled for print.

- centralities coloured by the Procos band of their vacancy rate (territory summary), all
  centralities in outline, and one layer per centrality for its own outline;
- premises by status in the reference campaign;
- counters, car parks, public transport stops and markets of the socle (left out when the
  socle has none);
- the walking catchments (5 and 10 minutes) of each centrality, from the layer written by
  ``observatoire:network_catchments`` when the user gives it;
- the roads of the socle as the background (no network needed).

Every layer is added to the given (non-global) project, named in the report language.
"""

from __future__ import annotations

from typing import Dict, List, Optional

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGeometry,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..i18n import noop, tr
from ..store import reporting as store
from ..store.readers import offer as offer_readers
from ..store.readers import territory
from . import style

BAND_LABELS = {"normal": noop("Low (under 5 %)"), "moderate": noop("Moderate (5 to 7.5 %)"),
               "worrying": noop("Worrying (7.5 to 10 %)"),
               "critical": noop("Critical (10 % or more)")}
POINT_TABLES = {  # key: table, English layer name, marker
    "counters": ("counting_sites", noop("Pedestrian counters"),
                 {"name": "triangle", "color": "#2d2d2d", "size": "2.6",
                  "outline_color": "#ffffff", "outline_width": "0.2"}),
    "parkings": ("parkings", noop("Car parks"),
                 {"name": "square", "color": "#2166ac", "size": "2.6",
                  "outline_color": "#ffffff", "outline_width": "0.2"}),
    "transit": ("transit_stops", noop("Public transport stops"),
                {"name": "circle", "color": "#ffffff", "size": "1.6",
                 "outline_color": "#2d2d2d", "outline_width": "0.35"}),
    "markets": ("markets", noop("Markets"),
                {"name": "star", "color": "#1b7837", "size": "3.2",
                 "outline_color": "#ffffff", "outline_width": "0.2"}),
}


def around_point():
    """The "around point" label placement (an enum of ``Qgis`` from QGIS 3.26)."""
    from qgis.core import Qgis

    placement = getattr(Qgis, "LabelPlacement", None)
    if placement is not None and hasattr(placement, "AroundPoint"):
        return placement.AroundPoint
    return QgsPalLayerSettings.AroundPoint


class MapLayers:
    """The layers of one atlas, built once and shared by every page's map."""

    def __init__(self, project, report, conn, srs: int, path: str, catchments=None):
        self.project = project
        self.srs = srs
        self.crs = f"EPSG:{srs}"
        self.layers: List[QgsVectorLayer] = []
        self.roads = self._roads(path) if territory.has_rows(conn, "roads") else None
        self.centralities = self._centralities(report)
        self.bands = self._bands(report)
        self.cover = self._cover(report)
        self.premises = self._premises(report, conn)
        self.points: Dict[str, QgsVectorLayer] = {}
        for key, (table, name, marker) in POINT_TABLES.items():
            rows = store.point_rows(conn, table)
            if len(rows):
                self.points[key] = self._point_layer(rows, tr(name), marker)
        self.catchments = self._catchments(report, catchments) if catchments is not None \
            else {}
        self._own: Dict[str, QgsVectorLayer] = {}

    # -- building ---------------------------------------------------------------------------
    def _add(self, layer: QgsVectorLayer) -> QgsVectorLayer:
        layer.updateExtents()
        self.project.addMapLayer(layer, False)
        self.layers.append(layer)
        return layer

    def _memory(self, geometry: str, fields: str, name: str) -> QgsVectorLayer:
        return QgsVectorLayer(f"{geometry}?crs={self.crs}{fields}", name, "memory")

    def _roads(self, path: str) -> Optional[QgsVectorLayer]:
        layer = QgsVectorLayer(f"{path}|layername=roads", tr("Roads"), "ogr")
        if not layer.isValid():
            return None
        layer.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple({
            "color": "#cfcfcf", "width": "0.2", "capstyle": "round"})))
        return self._add(layer)

    @staticmethod
    def _polygons(cent) -> QgsGeometry:
        parts = [[[QgsPointXY(float(point[0]), float(point[1])) for point in ring]
                  for ring in polygon] for polygon in cent.polygons]
        return QgsGeometry.fromMultiPolygonXY(parts)

    def _centralities(self, report) -> QgsVectorLayer:
        layer = self._memory("MultiPolygon", "&field=uuid:string&field=name:string",
                             tr("Centralities"))
        features = []
        for cent in report.centralities:
            feature = QgsFeature(layer.fields())
            feature.setGeometry(self._polygons(cent))
            feature.setAttributes([cent.uuid, cent.name])
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
            "color": "255,255,255,0", "outline_color": "#7a7a7a", "outline_width": "0.3",
            "outline_style": "dash"})))
        return self._add(layer)

    def own_centrality(self, cent) -> QgsVectorLayer:
        """The outline of one centrality (a layer of its own, for its pages)."""
        if cent.uuid not in self._own:
            layer = self._memory("MultiPolygon", "&field=name:string",
                                 tr("Perimeter of the centrality"))
            feature = QgsFeature(layer.fields())
            feature.setGeometry(self._polygons(cent))
            feature.setAttributes([cent.name])
            layer.dataProvider().addFeatures([feature])
            layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
                "color": "31,58,95,18", "outline_color": style.ACCENT,
                "outline_width": "0.7"})))
            self._own[cent.uuid] = self._add(layer)
        return self._own[cent.uuid]

    @staticmethod
    def _labelling(layer: QgsVectorLayer, size: float = 6.5, colour: str = style.GREY_DARK
                   ) -> None:
        label = QgsPalLayerSettings()
        label.fieldName = "name"
        label.enabled = True
        label.placement = around_point()
        label.dist = 1.2
        text = QgsTextFormat()
        text.setFont(QFont(style.FONT))
        text.setSize(size)
        text.setSizeUnit(QgsUnitTypes.RenderPoints)
        text.setColor(QColor(colour))
        buffer = QgsTextBufferSettings()
        buffer.setEnabled(True)
        buffer.setSize(0.8)
        buffer.setColor(QColor("#ffffff"))
        text.setBuffer(buffer)
        label.setFormat(text)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(label))
        layer.setLabelsEnabled(True)

    def _cover(self, report) -> QgsVectorLayer:
        layer = self._memory("MultiPolygon", "&field=name:string", tr("Centralities"))
        features = []
        for cent in report.centralities:
            feature = QgsFeature(layer.fields())
            feature.setGeometry(self._polygons(cent))
            feature.setAttributes([cent.name])
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
            "color": style.ACCENT, "outline_color": "#ffffff", "outline_width": "0.3"})))
        self._labelling(layer, 7.5, style.ACCENT)
        return self._add(layer)

    def _bands(self, report) -> QgsVectorLayer:
        name = tr("Procos vacancy band, campaign {campaign}").format(
            campaign=report.reference.name)
        layer = self._memory("MultiPolygon", "&field=name:string&field=band:string", name)
        features = []
        for cent in report.centralities:
            feature = QgsFeature(layer.fields())
            feature.setGeometry(self._polygons(cent))
            feature.setAttributes([cent.name, cent.latest().get("procos_band") or "none"])
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        categories = []
        for code, label in BAND_LABELS.items():
            symbol = QgsFillSymbol.createSimple({
                "color": style.PROCOS_COLOURS[code], "outline_color": "#4d4d4d",
                "outline_width": "0.25"})
            symbol.setOpacity(0.85)
            categories.append(QgsRendererCategory(code, symbol, tr(label)))
        categories.append(QgsRendererCategory("none", QgsFillSymbol.createSimple({
            "color": "#ffffff", "outline_color": "#4d4d4d", "outline_width": "0.25"}),
            tr("No premise")))
        layer.setRenderer(QgsCategorizedSymbolRenderer("band", categories))
        self._labelling(layer)
        return self._add(layer)

    def _premises(self, report, conn) -> QgsVectorLayer:
        name = tr("Premises, campaign {campaign}").format(campaign=report.reference.name)
        layer = self._memory("Point", "&field=uuid:string&field=status:string", name)
        rows = offer_readers.premises_observed(conn, report.reference.uuid, report.language)
        features = []
        for r in rows.itertuples(index=False):
            feature = QgsFeature(layer.fields())
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(r.x), float(r.y))))
            feature.setAttributes([r.uuid, r.status])
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        categories = []
        for code, label in report.labels["observation_statuses"].items():
            if code in ("unknown", "demolished"):
                continue
            categories.append(QgsRendererCategory(code, QgsMarkerSymbol.createSimple({
                "name": "circle", "color": style.STATUS_COLOURS.get(code, "#999999"),
                "size": "2.0" if code == "vacant" else "1.6", "outline_color": "#ffffff",
                "outline_width": "0.15"}), label))
        layer.setRenderer(QgsCategorizedSymbolRenderer("status", categories))
        return self._add(layer)

    def _point_layer(self, rows, name: str, marker: dict) -> QgsVectorLayer:
        layer = self._memory("Point", "&field=name:string", name)
        features = []
        for r in rows.itertuples(index=False):
            feature = QgsFeature(layer.fields())
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(r.x), float(r.y))))
            feature.setAttributes([r.name])
            features.append(feature)
        layer.dataProvider().addFeatures(features)
        layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(marker)))
        return self._add(layer)

    def _catchments(self, report, source) -> Dict[str, QgsVectorLayer]:
        """centrality uuid → layer of its walking catchments of 5 and 10 minutes (features of
        ``source`` with mode 'walk', band 5 or 10 and the centrality's uuid in
        ``origin_uuid``, or its name in ``origin_id``)."""
        names = source.fields().names()
        if "band" not in names or not ({"origin_uuid", "origin_id"} & set(names)):
            return {}
        by_name = {c.name: c.uuid for c in report.centralities}
        wanted = {c.uuid for c in report.centralities}
        found: Dict[str, list] = {}
        for feature in source.getFeatures():
            if "mode" in names and str(feature["mode"]) != "walk":
                continue
            if "unit" in names and feature["unit"] not in (None, "min") and \
                    str(feature["unit"]) != "min":
                continue
            try:
                band = float(feature["band"])
            except (TypeError, ValueError):
                continue
            if band not in style.CATCHMENT_COLOURS:
                continue
            uid = str(feature["origin_uuid"]) if "origin_uuid" in names else ""
            if uid not in wanted and "origin_id" in names:
                uid = by_name.get(str(feature["origin_id"]), "")
            if uid in wanted and feature.hasGeometry():
                found.setdefault(uid, []).append((band, QgsGeometry(feature.geometry())))
        result = {}
        for uid, parts in found.items():
            layer = self._memory("MultiPolygon", "&field=band:double",
                                 tr("Walking catchments"))
            features = []
            for band, geometry in sorted(parts, key=lambda p: -p[0]):  # 10 min drawn first
                feature = QgsFeature(layer.fields())
                feature.setGeometry(geometry)
                feature.setAttributes([band])
                features.append(feature)
            layer.dataProvider().addFeatures(features)
            categories = []
            for band, colour in sorted(style.CATCHMENT_COLOURS.items()):
                symbol = QgsFillSymbol.createSimple({
                    "color": colour, "outline_color": "#6baed6", "outline_width": "0.25"})
                symbol.setOpacity(0.75)
                categories.append(QgsRendererCategory(band, symbol, tr(
                    "Within {minutes} min walk").format(minutes=int(band))))
            layer.setRenderer(QgsCategorizedSymbolRenderer("band", categories))
            result[uid] = self._add(layer)
        return result

    # -- per page -----------------------------------------------------------------------------
    def has_points(self, key: str, extent=None) -> bool:
        """Whether the point layer ``key`` (counters, parkings, transit, markets) exists and,
        with ``extent``, has a feature within it."""
        layer = self.points.get(key)
        if layer is None:
            return False
        if extent is None:
            return layer.featureCount() > 0
        request = QgsFeatureRequest().setFilterRect(extent).setLimit(1)
        request.setNoAttributes()
        return any(True for _feature in layer.getFeatures(request))

    def centrality_layers(self, cent) -> List[QgsVectorLayer]:
        """The layers of a centrality's map, top first."""
        layers = [self.points[k] for k in ("markets", "parkings", "counters", "transit")
                  if k in self.points]
        layers += [self.premises, self.own_centrality(cent), self.centralities]
        if cent.uuid in self.catchments:
            layers.append(self.catchments[cent.uuid])
        if self.roads is not None:
            layers.append(self.roads)
        return layers

    def summary_layers(self) -> List[QgsVectorLayer]:
        return [self.bands] + ([self.roads] if self.roads is not None else [])
