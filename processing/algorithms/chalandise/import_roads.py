"""observatoire:import_roads - roads from OpenStreetMap or any line layer, topology stored."""

from pathlib import Path

import numpy as np
from qgis.core import (
    QgsCoordinateTransform,
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

from ....ingest.importers.framework import ImportResult, ImportRun
from ....ingest.sources import road_layers
from ....ingest.sources.report import ImportReport
from ....ingest.sources.road_layers import RoadLayerError
from ....jobs import network
from ....jobs.network import default_profiles, format_profile, parse_profile
from ....store import network_store, observatory
from ...import_base import ImportAlgorithm
from ...layers import gpkg_crs
from ...parameters import split_list
from ...roads import report_hierarchies

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


PRESETS = ("generic", "osm", "bdtopo")


class ImportRoads(ImportAlgorithm):
    ALG_ID = "import_roads"
    GROUP = "chalandise"
    OSM_FILE = "OSM_FILE"
    INPUT = "INPUT"
    PRESET = "PRESET"
    CLASS_FIELD = "CLASS_FIELD"
    ONEWAY_FIELD = "ONEWAY_FIELD"
    ONEWAY_FORWARD = "ONEWAY_FORWARD"
    ONEWAY_BACKWARD = "ONEWAY_BACKWARD"
    ONEWAY_BOTH = "ONEWAY_BOTH"
    ONEWAY_CLOSED = "ONEWAY_CLOSED"
    ACCESS_FIELD = "ACCESS_FIELD"
    ACCESS_OPEN = "ACCESS_OPEN"
    ACCESS_CLOSED = "ACCESS_CLOSED"
    UNKNOWN_VALUES = "UNKNOWN_VALUES"
    SPEED_FIELD = "SPEED_FIELD"
    NAME_FIELD = "NAME_FIELD"
    TOLERANCE = "TOLERANCE"
    MODE = "MODE"

    FIELDS = {"class": CLASS_FIELD, "oneway": ONEWAY_FIELD, "speed": SPEED_FIELD,
              "name": NAME_FIELD, "access": ACCESS_FIELD}
    ONEWAY_LISTS = {"forward": ONEWAY_FORWARD, "backward": ONEWAY_BACKWARD,
                    "both": ONEWAY_BOTH, "closed": ONEWAY_CLOSED}
    ACCESS_LISTS = {"open": ACCESS_OPEN, "closed": ACCESS_CLOSED}

    def displayName(self):
        return self.tr("Import roads")

    def shortHelpString(self):
        return self.tr(
            "Fills the roads table and builds the routing network once, in one transaction. "
            "Sources: an OpenStreetMap .osm/.pbf file (GDAL's OSM driver, lines layer) or any "
            "line layer, read through a preset. OpenStreetMap: ways whose highway tag is a "
            "road or path class; oneway yes/1/true = along the way, -1/reverse = against it, "
            "no/0/false/alternating/reversible = two-way, roundabouts and motorways one-way "
            "when the tag is absent; maxspeed in km/h ('mph' converted, FR:urban = 50, "
            "FR:rural = 80, FR:zone30 = 30); cars barred where the first of motorcar, "
            "motor_vehicle, vehicle, access says no, private, delivery, agricultural, "
            "forestry, emergency or psv. IGN BD TOPO (troncon_de_route, GeoPackage or "
            "shapefile names): nature = class (its speeds written to road_speeds: Sentier, "
            "Escalier, Piste cyclable barred to cars…), sens_de_circulation: Double sens and "
            "Sans objet = two-way, Sens direct = along, Sens inverse = against; "
            "vitesse_moyenne_vl = car speed; acces_vehicule_leger: Libre, A péage, "
            "Saisonnier open, Restreint aux ayants droit and Physiquement impossible closed to "
            "cars. Other layers: name the class, one-way, speed (km/h), name and access fields "
            "and say what the one-way values mean: along the digitised direction, against it, "
            "two-way, or closed to cars (still walkable, e.g. INTERDIT); built-in values: "
            "1/yes/true/FT/forward/Sens direct, -1/reverse/TF/backward/Sens inverse, "
            "0/no/false/both/B/Double sens/Sans objet, closed; an empty value is two-way. "
            "Values are compared without case, accents, - or _. The log lists every distinct "
            "one-way and access value with its number of roads and the meaning given; a value "
            "with no meaning refuses the import (listed) unless you choose to import it as "
            "two-way and open with a warning. A field that the layer lacks is refused with "
            "the list of its fields (names match whatever their case, dBase-style or cut at "
            "10 characters). Closed to cars is stored as maxspeed = 0. Lines are reprojected "
            "to the GeoPackage's CRS. The topology splits every road at every vertex and "
            "merges line ends closer than the snapping tolerance (metres) into one node; it is "
            "stored in road_nodes and road_edges with a checksum of roads, so runs load it "
            "without re-snapping. One-way streets bind cars only. Replace mode empties roads "
            "first; append adds to it. ") + self.tr(
            "Like every import: features without a geometry are rejected and listed in the "
            "rejected rows table with the values given no meaning; ways that are not roads are "
            "left out and counted in the log; an older GeoPackage is upgraded in the import's "
            "transaction.\n\n") + speeds_help(self)

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterFile(
            self.OSM_FILE, self.tr("OpenStreetMap file (.osm, .pbf)"),
            behavior=QgsProcessingParameterFile.File, optional=True,
            fileFilter=self.tr("OpenStreetMap (*.osm *.pbf)")))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Or a line layer"), [QgsProcessing.TypeVectorLine],
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.PRESET, self.tr("Kind of line layer"),
            [self.tr("Fields and values given below"), self.tr("OpenStreetMap tags"),
             self.tr("IGN BD TOPO troncon_de_route")], defaultValue=0))
        for key, label in (
                (self.CLASS_FIELD, self.tr("Road class field")),
                (self.ONEWAY_FIELD, self.tr("One-way field")),
                (self.SPEED_FIELD, self.tr("Speed field (km/h)")),
                (self.NAME_FIELD, self.tr("Name field")),
                (self.ACCESS_FIELD, self.tr("Access field (cars)"))):
            self.addParameter(QgsProcessingParameterField(
                key, label, parentLayerParameterName=self.INPUT,
                type=QgsProcessingParameterField.Any, optional=True))
        for key, label in (
                (self.ONEWAY_FORWARD, self.tr("One-way values meaning 'along the digitised "
                                              "direction' (e.g. SENS UNIQUE)")),
                (self.ONEWAY_BACKWARD, self.tr("One-way values meaning 'against the digitised "
                                               "direction'")),
                (self.ONEWAY_BOTH, self.tr("One-way values meaning 'two-way'")),
                (self.ONEWAY_CLOSED, self.tr("One-way values meaning 'closed to cars' (still "
                                             "walkable, e.g. INTERDIT)")),
                (self.ACCESS_OPEN, self.tr("Access values meaning 'open to cars'")),
                (self.ACCESS_CLOSED, self.tr("Access values meaning 'closed to cars'"))):
            param = QgsProcessingParameterString(key, label, optional=True)
            param.setHelp(self.tr("Values separated by commas, added to the preset's (case, "
                                  "accents, - and _ ignored)."))
            self.addParameter(param)
        self.addParameter(QgsProcessingParameterEnum(
            self.UNKNOWN_VALUES, self.tr("One-way or access values with no meaning given"),
            [self.tr("Refuse the import and list them"),
             self.tr("Import them as two-way and open to cars, with a warning")],
            defaultValue=0))
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
        self.add_report_outputs()
        for key, label in (("ROADS", self.tr("Roads imported")),
                           ("NODES", self.tr("Network nodes")),
                           ("EDGES", self.tr("Network edges")),
                           ("COMPONENTS", self.tr("Connected parts of the network")),
                           ("ONEWAY", self.tr("One-way roads")),
                           ("CLOSED_TO_CARS", self.tr("Roads closed to cars"))):
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
        preset = PRESETS[self.parameterAsEnum(parameters, self.PRESET, context)]
        if has_file and preset == "bdtopo":
            return False, self.tr("An OpenStreetMap file is read with the OpenStreetMap "
                                  "preset, not the BD TOPO one.")
        return True, ""

    def _plan_arguments(self, parameters, context) -> dict:
        def lists(keys):
            return {meaning: split_list(self.parameterAsString(parameters, key, context))
                    for meaning, key in keys.items()}

        fields = {role: self.parameterAsString(parameters, key, context).strip()
                  for role, key in self.FIELDS.items()}
        unknown = ("refuse", "warn")[self.parameterAsEnum(parameters, self.UNKNOWN_VALUES,
                                                          context)]
        return {"given_fields": {k: v for k, v in fields.items() if v},
                "oneway_values": lists(self.ONEWAY_LISTS),
                "access_values": lists(self.ACCESS_LISTS), "unknown": unknown}

    def _mapped(self, conn, parameters, context, feedback):
        """(source name, plan, mapped roads, rows read, rows without geometry) of the
        source."""
        epsg = observatory.srs_id(conn)
        osm = self.parameterAsFile(parameters, self.OSM_FILE, context)
        args = self._plan_arguments(parameters, context)
        try:
            if osm:
                names, rows = road_layers.osm_file_rows(Path(osm), epsg)
                plan = road_layers.road_plan("osm", names, **args)
                return Path(osm).name, plan, road_layers.map_rows(plan, rows), len(rows), []
            source = self.parameterAsSource(parameters, self.INPUT, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
            preset = PRESETS[self.parameterAsEnum(parameters, self.PRESET, context)]
            names = source.fields().names()
            plan = road_layers.road_plan(preset, names, **args)
            rows, empty = self._layer_rows(source, plan, conn, context, feedback)
            return (source.sourceName() or "layer", plan, road_layers.map_rows(plan, rows),
                    len(rows) + len(empty), empty)
        except RoadLayerError as exc:
            raise QgsProcessingException(str(exc)) from exc

    def _layer_rows(self, source, plan, conn, context, feedback) -> tuple:
        """(rows of the features with a geometry, row numbers of those without one)."""
        transform = QgsCoordinateTransform(source.sourceCrs(), gpkg_crs(conn),
                                           context.transformContext())
        wanted = [f for f in (*plan.fields.values(), *plan.access_fields) if f]
        if plan.preset.key == "osm":
            wanted += [f for f in ("junction", "other_tags") if f in source.fields().names()]
        wanted = [f for f in dict.fromkeys(wanted) if f in source.fields().names()]
        rows, empty = [], []
        total = max(source.featureCount(), 1)
        for i, feature in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Canceled: nothing was written."))
            geom = feature.geometry()
            if geom.isNull() or geom.isEmpty():
                empty.append(i + 1)
                continue
            geom.transform(transform)
            parts = geom.asMultiPolyline() if geom.isMultipart() else [geom.asPolyline()]
            rows.append({"id": feature.id(), "attrs": {f: feature[f] for f in wanted},
                         "parts": [np.array([(p.x(), p.y()) for p in part], dtype=np.float64)
                                   for part in parts]})
            feedback.setProgress(30.0 * (i + 1) / total)
        return rows, empty

    def do_import(self, conn, parameters, context, feedback) -> ImportResult:
        speeds = read_speed_parameters(self, parameters, context)
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        replace = self.parameterAsEnum(parameters, self.MODE, context) == 0
        name, plan, mapped, read, empty = self._mapped(conn, parameters, context, feedback)
        for line in road_layers.summary_lines(plan, mapped):
            feedback.pushInfo(line)
        records = mapped.records
        if not records:
            raise QgsProcessingException(self.tr(
                "No road found in the input: nothing was written."))
        report = ImportReport(name)
        report.rows_read = read
        for row in empty:
            report.reject(name, row, "geometry", "", self.tr("a line geometry"))
        for field, value, reason in mapped.value_warnings:
            report.warn(name, 0, field, value, reason)
        report.rows_accepted = read - len(empty) - sum(mapped.skipped.values())
        run = ImportRun(conn, "roads", [name], report=report, srs_id=observatory.srs_id(conn),
                        is_canceled=feedback.isCanceled)
        result = run.result
        result.filtered.update(mapped.skipped)
        feedback.pushInfo(self.tr("{n} roads read; writing and building the network…").format(
            n=len(records)))
        with run.writing():
            n = network_store.write_roads(conn, records, run.srs_id, replace=replace)
            for mode, profile in mapped.speeds.items():
                network_store.set_speeds(conn, mode, profile)
                feedback.pushInfo(self.tr("{mode} speeds of the preset's classes: "
                                          "{speeds}").format(mode=mode,
                                                             speeds=format_profile(profile)))
            for mode, profile in speeds.items():
                network_store.set_speeds(conn, mode, profile)
            counts = network.build_topology(
                conn, run.srs_id, tolerance, checkpoint=run.checkpoint,
                progress=lambda p: feedback.setProgress(40 + 0.6 * p))
        result.added["roads"] = n
        result.counts.update(counts, roads=n, oneway=sum(1 for r in records if r["oneway"]),
                             closed=sum(1 for r in records
                                        if r["maxspeed"] == road_layers.CLOSED_SPEED))
        return result

    def extra_outputs(self, result, parameters, context, feedback, epsg):
        counts = result.counts
        feedback.pushInfo(self.tr(
            "{roads} roads imported ({oneway} one-way, {closed} closed to cars); network of "
            "{nodes} nodes and {edges} edges in {parts} connected part(s).").format(
                roads=counts["roads"], oneway=counts["oneway"], closed=counts["closed"],
                nodes=counts["nodes"], edges=counts["edges"], parts=counts["components"]))
        report_hierarchies(feedback, counts)
        return {"ROADS": counts["roads"], "NODES": counts["nodes"], "EDGES": counts["edges"],
                "COMPONENTS": counts["components"], "ONEWAY": counts["oneway"],
                "CLOSED_TO_CARS": counts["closed"]}
