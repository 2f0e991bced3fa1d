"""What the survey analyses of the *Attentes* family share: the weighting run and home zones
parameters, the refusal of a GeoPackage without answers or weights before the run, the home
zones layer read into the jobs' form, labels of the answers, and the log of the jobs' notes."""

from __future__ import annotations

import sqlite3

from qgis.core import (
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ....i18n import qgis_locale
from ....jobs import survey_data
from ....jobs.survey_weighting import HomeZones
from ....store import gpkg, survey_results
from ...layers import polygon_targets, source_of
from ...parameters import advanced
from ..base import ObservatoireAlgorithm

NOTHING, ANSWERS, WEIGHTS, TYPOLOGY = 0, 1, 2, 3


class SurveyAlgorithm(ObservatoireAlgorithm):
    """Base of the survey analyses. ``NEEDS``: what the GeoPackage must hold before the run
    (answers, weights or a typology), checked in ``checkParameterValues``."""

    GROUP = "attentes"
    NEEDS = WEIGHTS
    RUN = "RUN"
    HOME_ZONES = "HOME_ZONES"
    ZONE_CODE = "ZONE_CODE_FIELD"
    WRITE = "WRITE_INDICATORS"

    # -- parameters ------------------------------------------------------------------------
    def add_run_parameter(self):
        self.addParameter(advanced(QgsProcessingParameterString(
            self.RUN, self.tr("Weighting run (name or uuid; empty = the latest)"),
            optional=True)))

    def add_home_zones_parameters(self, optional: bool = True, description: str = ""):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.HOME_ZONES, description or self.tr(
                "Home zones (IRIS or communes, polygons)"),
            [QgsProcessing.TypeVectorPolygon], optional=optional))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_CODE, self.tr("Zone code field (INSEE IRIS or commune code)"),
            parentLayerParameterName=self.HOME_ZONES, optional=True))

    def run_reference(self, parameters, context) -> str | None:
        text = self.parameterAsString(parameters, self.RUN, context)
        return text.strip() or None if text else None

    # -- checks before the run -------------------------------------------------------------
    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        if self.parameterDefinition(self.HOME_ZONES) is not None \
                and parameters.get(self.HOME_ZONES) not in (None, "") \
                and not self.parameterAsString(parameters, self.ZONE_CODE, context):
            return False, self.tr("Choose the zone code field of the home zones layer.")
        return self.check_survey(parameters, context)

    def check_survey(self, parameters, context):
        """(ok, message): the GeoPackage holds what :attr:`NEEDS` says."""
        if self.NEEDS == NOTHING:
            return True, ""
        path = self.parameterAsFile(parameters, self.GEOPACKAGE, context)
        try:
            conn = gpkg.connect(path)
        except (sqlite3.Error, gpkg.GeoPackageError):
            return True, ""  # the base check already said what is wrong
        try:
            survey_data.require_answers(conn)
            if self.NEEDS >= WEIGHTS:
                reference = self.run_reference(parameters, context) \
                    if self.parameterDefinition(self.RUN) is not None else None
                survey_data.require_weights(conn, reference)
            if self.NEEDS >= TYPOLOGY and survey_results.typology_run(conn) is None:
                raise survey_data.SurveyJobError(self.tr(
                    "No consumption typology in the GeoPackage: run “Consumption typology” "
                    "(observatoire:consumption_typology) first."))
        except survey_data.SurveyJobError as exc:
            return False, str(exc)
        except sqlite3.Error:
            return True, ""
        finally:
            conn.close()
        return True, ""

    # -- inputs ----------------------------------------------------------------------------
    def home_zones(self, parameters, context, feedback, crs, required: bool = False):
        """The home zones layer as :class:`jobs.survey_weighting.HomeZones` (features sharing a
        code are one zone); None when not given (an error when ``required``)."""
        if parameters.get(self.HOME_ZONES) in (None, ""):
            if required:
                raise QgsProcessingException(self.tr(
                    "Give the home zones layer (IRIS or communes) and its code field."))
            return None
        field = self.parameterAsString(parameters, self.ZONE_CODE, context)
        if not field:
            raise QgsProcessingException(self.tr("Choose the zone code field of the home "
                                                 "zones layer."))
        source = source_of(self, parameters, self.HOME_ZONES, context)
        targets, names, geoms = polygon_targets(source, field, crs, context, feedback)
        zones: dict = {}
        shapes: dict = {}
        for fid, polygons in targets.items():
            code = names[fid].strip()
            if code and code != "NULL":
                zones.setdefault(code, []).extend(polygons)
                shapes.setdefault(code, []).append(geoms[fid])
        if not zones:
            raise QgsProcessingException(self.tr(
                "The home zones layer holds no polygon with a code in {field}.").format(
                    field=field))
        self.zone_geometries = {}
        for code, parts in shapes.items():
            geom = QgsGeometry(parts[0]) if len(parts) == 1 else \
                QgsGeometry.collectGeometry(parts)
            geom.convertToMultiType()
            self.zone_geometries[code] = geom
        return HomeZones(zones, f"{source.sourceName()}.{field}")

    def log_notes(self, feedback, notes) -> None:
        for note in notes or ():
            feedback.pushInfo(note)

    def stop_if_canceled(self, feedback) -> None:
        """Once the user canceled, end the run with "Canceled: nothing was written." (called
        after computing, before anything is written: as the job algorithms do)."""
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Canceled: nothing was written."))


def answer_labels(conn):
    """(question_label, choice_label) callables for the typology's type names, in the
    language of QGIS (codes when the questionnaire cannot be built)."""
    from ....survey_forms import observatory_survey
    from ....survey_forms.questionnaire import PURCHASE_CATEGORIES

    try:
        questionnaire = observatory_survey.questionnaire_for(conn)
    except Exception:  # noqa: BLE001 - labels are a nicety: codes will do
        return None, None
    french = qgis_locale() == "fr"
    categories = {f"purchase_{code}": fr if french else en
                  for code, fr, en, _group in PURCHASE_CATEGORIES}
    lists = {"frequency": "frequency", "transport_mode": "transport_mode",
             "visit_reasons": "visit_reason", "producer_channels": "producer_channel",
             "online_share": "online_share", "short_circuit_frequency":
             "short_circuit_frequency"}
    from ....i18n import tr

    titles = {"online_share": tr("Share bought online"),
              "short_circuit_frequency": tr("Short circuits")}

    def question_label(_kind, name):
        return categories.get(name) or titles.get(name) or name

    def choice_label(question, value):
        name = "purchase_place" if question.startswith("purchase_") else lists.get(question)
        choices = questionnaire.choice_lists.get(name) if name else None
        if choices is not None:
            for choice in choices.choices:
                if choice.name == value:
                    return choice.label_fr if french else choice.label_en
        return value

    return question_label, choice_label
