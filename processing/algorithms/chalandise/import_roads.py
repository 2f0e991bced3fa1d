"""observatoire:import_roads - roads from OpenStreetMap or any line layer, topology stored."""

from pathlib import Path

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ....ingest.sources.osm_roads import parse_maxspeed, read_osm_roads
from ....jobs import network
from ....jobs.network import default_profiles, format_profile, parse_profile
from ....store import gpkg, network_store, observatory
from ...layers import gpkg_crs
from ...parameters import split_list
from ...roads import report_hierarchies
from ..base import ObservatoireAlgorithm

DEFAULTS = default_profiles()


def speed_parameters(alg, optional_help: str) -> None:
    """WALK_SPEEDS / CAR_SPEEDS string parameters (class=km/h lists)."""
    for key, label in (("WALK_SPEEDS", alg.tr("Walking speeds per class (class=km/h, …)")),
                       ("CAR_SPEEDS", alg.tr("Driving speeds per class (class=km/h, …)"))):
        param = QgsProcessingParameterString(key, label, optional=True)
        param.setHelp(optional_help)
        alg.addParameter(param)


def read_speed_parameters(alg, parameters, context) -> dict:
    out = {}
    for key, mode in (("WALK_SPEEDS", "walk"), ("CAR_SPEEDS", "car")):
        text = alg.parameterAsString(parameters, key, context)
        try:
            profile = parse_profile(text)
        except ValueError as exc:
            raise QgsProcessingException(alg.tr(
                "{parameter}: {error}. Write class=km/h items separated by commas, e.g. "
                "residential=30, footway=0.").format(parameter=key, error=exc)) from exc
        if profile:
            out[mode] = profile
    return out


def speeds_help(alg) -> str:
    return alg.tr(
        "Speeds are stored in the GeoPackage's road_speeds table and reused by every run. "
        "Write class=km/h items separated by commas; 0 bars the class for that mode; "
        "'default' applies to the classes not listed; empty keeps the stored speeds. "
        "Defaults: walking {walk}; driving {car}. For cars, a road's maxspeed replaces the "
        "class speed.").format(walk=format_profile(DEFAULTS["walk"]),
                               car=format_profile(DEFAULTS["car"]))


class ImportRoads(ObservatoireAlgorithm):
    ALG_ID = "import_roads"
    GROUP = "chalandise"
    OSM_FILE = "OSM_FILE"
    INPUT = "INPUT"
    CLASS_FIELD = "CLASS_FIELD"
    ONEWAY_FIELD = "ONEWAY_FIELD"
    ONEWAY_FORWARD = "ONEWAY_FORWARD"
    ONEWAY_BACKWARD = "ONEWAY_BACKWARD"
    SPEED_FIELD = "SPEED_FIELD"
    NAME_FIELD = "NAME_FIELD"
    TOLERANCE = "TOLERANCE"
    MODE = "MODE"

    def displayName(self):
        return self.tr("Import roads")

    def shortHelpString(self):
        return self.tr(
            "Fills the roads table and builds the routing network once, in one transaction. "
            "Source: an OpenStreetMap .osm/.pbf file (read with GDAL's OSM driver, lines layer: "
            "ways whose highway tag is a road or path class; oneway yes/1/true = along the "
            "way, -1/reverse = against it, roundabouts and motorways one-way; maxspeed in km/h, "
            "'mph' converted, FR:urban = 50, FR:rural = 80, FR:zone30 = 30) or any line layer "
            "with a field mapping: class field, one-way field and the values meaning 'along' "
            "and 'against' the digitised direction (any other value = both ways), speed field "
            "(km/h). Lines are reprojected to the GeoPackage's CRS. The topology splits every "
            "road at every vertex and merges line ends closer than the snapping tolerance "
            "(metres) into one node; it is stored in road_nodes and road_edges with a checksum "
            "of roads, so runs load it without re-snapping. One-way streets bind cars only. "
            "Replace mode empties roads first; append adds to it.\n\n") + speeds_help(self)

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterFile(
            self.OSM_FILE, self.tr("OpenStreetMap file (.osm, .pbf)"),
            behavior=QgsProcessingParameterFile.File, optional=True,
            fileFilter=self.tr("OpenStreetMap (*.osm *.pbf)")))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Or a line layer"), [QgsProcessing.TypeVectorLine],
            optional=True))
        for key, label, kind in (
                (self.CLASS_FIELD, self.tr("Road class field"), QgsProcessingParameterField.Any),
                (self.ONEWAY_FIELD, self.tr("One-way field"), QgsProcessingParameterField.Any),
                (self.SPEED_FIELD, self.tr("Speed field (km/h)"), QgsProcessingParameterField.Any),
                (self.NAME_FIELD, self.tr("Name field"), QgsProcessingParameterField.Any)):
            self.addParameter(QgsProcessingParameterField(key, label, parentLayerParameterName=
                                                          self.INPUT, type=kind, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ONEWAY_FORWARD, self.tr("One-way values meaning 'along the digitised direction'"),
            defaultValue="1, yes, true, FT, forward"))
        self.addParameter(QgsProcessingParameterString(
            self.ONEWAY_BACKWARD, self.tr("One-way values meaning 'against the digitised "
                                          "direction'"),
            defaultValue="-1, reverse, TF, backward"))
        speed_parameters(self, speeds_help(self))
        tol = QgsProcessingParameterNumber(
            self.TOLERANCE, self.tr("Snapping tolerance (m)"),
            QgsProcessingParameterNumber.Double, defaultValue=network.DEFAULT_TOLERANCE,
            minValue=0.0)
        tol.setFlags(tol.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(tol)
        self.addParameter(QgsProcessingParameterEnum(
            self.MODE, self.tr("Existing roads"),
            [self.tr("Replace them"), self.tr("Append to them")], defaultValue=0))
        for key, label in (("ROADS", self.tr("Roads imported")),
                           ("NODES", self.tr("Network nodes")),
                           ("EDGES", self.tr("Network edges")),
                           ("COMPONENTS", self.tr("Connected parts of the network"))):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        has_file = bool(self.parameterAsFile(parameters, self.OSM_FILE, context))
        has_layer = parameters.get(self.INPUT) not in (None, "")
        if has_file == has_layer:
            return False, self.tr("Give either an OpenStreetMap file or a line layer (one of "
                                  "the two).")
        return True, ""

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        try:
            return self._run(conn, parameters, context, feedback)
        finally:
            conn.close()

    def _records(self, conn, parameters, context, feedback):
        epsg = observatory.srs_id(conn)
        osm = self.parameterAsFile(parameters, self.OSM_FILE, context)
        if osm:
            try:
                records, skipped = read_osm_roads(Path(osm), epsg)
            except ValueError as exc:
                raise QgsProcessingException(str(exc)) from exc
            for reason, count in sorted(skipped.items()):
                feedback.pushInfo(self.tr("Skipped {count} ways: {reason}").format(
                    count=count, reason=reason))
            return records
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        return self._layer_records(source, conn, parameters, context, feedback)

    def _layer_records(self, source, conn, parameters, context, feedback):
        from qgis.core import QgsCoordinateTransform

        fields = {k: self.parameterAsString(parameters, k, context) for k in
                  (self.CLASS_FIELD, self.ONEWAY_FIELD, self.SPEED_FIELD, self.NAME_FIELD)}
        forward = {v.lower() for v in split_list(
            self.parameterAsString(parameters, self.ONEWAY_FORWARD, context))}
        backward = {v.lower() for v in split_list(
            self.parameterAsString(parameters, self.ONEWAY_BACKWARD, context))}
        both = forward & backward
        if both:
            raise QgsProcessingException(self.tr(
                "One-way values {values} are given both for 'along' and 'against'.").format(
                    values=", ".join(sorted(both))))
        transform = QgsCoordinateTransform(source.sourceCrs(), gpkg_crs(conn),
                                           context.transformContext())
        records = []
        total = max(source.featureCount(), 1)
        for i, feature in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Canceled: nothing was written."))
            geom = feature.geometry()
            if geom.isNull() or geom.isEmpty():
                continue
            geom.transform(transform)
            parts = geom.asMultiPolyline() if geom.isMultipart() else [geom.asPolyline()]

            def attr(key, feature=feature):
                name = fields[key]
                if not name:
                    return None
                v = feature[name]
                return None if v is None or str(v) == "NULL" else v

            ow = attr(self.ONEWAY_FIELD)
            ow = "" if ow is None else str(ow).strip().lower()
            oneway = 1 if ow in forward else (-1 if ow in backward else 0)
            cls = attr(self.CLASS_FIELD)
            name = attr(self.NAME_FIELD)
            speed = parse_maxspeed(attr(self.SPEED_FIELD))
            for part in parts:
                coords = np.array([(p.x(), p.y()) for p in part], dtype=np.float64)
                if len(coords) >= 2:
                    records.append({"coords": coords, "name": None if name is None else str(name),
                                    "road_class": None if cls is None else str(cls),
                                    "oneway": oneway, "maxspeed": speed,
                                    "source_id": str(feature.id())})
            feedback.setProgress(40.0 * (i + 1) / total)
        return records

    def _run(self, conn, parameters, context, feedback):
        speeds = read_speed_parameters(self, parameters, context)
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        replace = self.parameterAsEnum(parameters, self.MODE, context) == 0
        records = self._records(conn, parameters, context, feedback)
        if not records:
            raise QgsProcessingException(self.tr(
                "No road found in the input: nothing was written."))
        feedback.pushInfo(self.tr("{n} roads read; writing and building the network…").format(
            n=len(records)))
        srs = observatory.srs_id(conn)
        with gpkg.transaction(conn):
            n = network_store.write_roads(conn, records, srs, replace=replace)
            for mode, profile in speeds.items():
                network_store.set_speeds(conn, mode, profile)
            counts = network.build_topology(
                conn, srs, tolerance, progress=lambda p: feedback.setProgress(40 + 0.6 * p))
        feedback.pushInfo(self.tr(
            "{roads} roads imported; network of {nodes} nodes and {edges} edges in {parts} "
            "connected part(s).").format(roads=n, nodes=counts["nodes"], edges=counts["edges"],
                                         parts=counts["components"]))
        report_hierarchies(feedback, counts)
        return {"ROADS": n, "NODES": counts["nodes"], "EDGES": counts["edges"],
                "COMPONENTS": counts["components"]}
