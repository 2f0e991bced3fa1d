"""observatoire:vacancy_history - vacancy history per premise, long-term vacancy, as points."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ....store import observatory, vacancy
from ...offer_support import (
    frame_to_sink,
    long_term_styler,
    points,
    split_list,
    style_on_load,
    typed_kinds,
)
from ..base import ObservatoireAlgorithm

KINDS = typed_kinds(
    ints=("vacant_campaigns",), doubles=("vacancy_years", "longest_vacancy_years"),
    bools=("retired", "vacant_now", "long_term"),
    strings=("premise_uuid", "address", "street", "centrality_uuid", "centrality",
             "last_campaign", "last_status", "first_vacant_campaign", "vacancy_start_campaign",
             "vacancy_class", "status_sequence", "inherited_from"))


class VacancyHistory(ObservatoireAlgorithm):
    ALG_ID = "vacancy_history"
    GROUP = "offre"
    THRESHOLD = "THRESHOLD_YEARS"
    VACANT_STATUSES = "VACANT_STATUSES"
    INCLUDE_UNCONFIRMED = "INCLUDE_UNCONFIRMED"
    INCLUDE_RETIRED = "INCLUDE_RETIRED"
    WRITE = "WRITE_INDICATORS"
    OUTPUT = "OUTPUT"
    LONG_TERM = "LONG_TERM"

    def displayName(self):
        return self.tr("Vacancy history and long-term vacancy per premise")

    def shortHelpString(self):
        return self.tr(
            "One point per premise, ready to map: the first campaign it was seen vacant, the "
            "campaign its current vacancy started, the number of consecutive campaigns it has "
            "been vacant up to its last observation, and that duration in years = date of the "
            "last campaign − date of the first campaign of the run (campaign start dates, or "
            "years; a premise vacant at the 2021, 2022 and 2023 campaigns has been vacant for "
            "2 years, not 3). Long-term vacancy = vacant at its last observation for at least "
            "the threshold (default 2 years: the threshold of the tax on commercial wasteland "
            "and of DGFiP's LOCOMVAC; 1 year is the market convention). A campaign where the "
            "premise was not vacant, or not observed, breaks the run. The status sequence lists "
            "every campaign; a premise made by a split or a merge inherits its parents' history "
            "(marked *; a merged premise was vacant only if every parent was). The number of "
            "long-term vacant premises per centrality (latest campaign) goes to the indicators "
            "table.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr("Long-term vacancy threshold (years)"),
            QgsProcessingParameterNumber.Double, defaultValue=2.0, minValue=0.0))
        statuses = QgsProcessingParameterString(
            self.VACANT_STATUSES,
            self.tr("Statuses counted as vacant (codes separated by commas; empty = those "
                    "flagged in the GeoPackage)"), optional=True)
        statuses.setFlags(statuses.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(statuses)
        self.addParameter(QgsProcessingParameterBoolean(
            self.INCLUDE_UNCONFIRMED,
            self.tr("Count observations still to confirm (pre-filled) with their pre-filled "
                    "status"), defaultValue=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.INCLUDE_RETIRED, self.tr("Include premises retired by a split or a merge"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.WRITE, self.tr("Write the results to the indicators table"), defaultValue=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Vacancy history"), QgsProcessing.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputNumber(self.LONG_TERM,
                                                 self.tr("Long-term vacant premises")))

    def processAlgorithm(self, parameters, context, feedback):
        _path, conn = self.open_geopackage(parameters, context, feedback)
        warnings = []
        try:
            statuses = split_list(self.parameterAsString(parameters, self.VACANT_STATUSES,
                                                         context))
            known = {r[0] for r in conn.execute("SELECT code FROM observation_statuses")}
            bad = [s for s in statuses if s not in known]
            if bad:
                raise QgsProcessingException(self.tr(
                    "Unknown status code(s): {bad}. Known codes: {known}.").format(
                        bad=", ".join(bad), known=", ".join(sorted(known))))
            feedback.setProgress(10)
            table = vacancy.history(
                conn, threshold_years=self.parameterAsDouble(parameters, self.THRESHOLD,
                                                             context),
                vacant_statuses=statuses or None,
                include_unconfirmed=self.parameterAsBool(parameters, self.INCLUDE_UNCONFIRMED,
                                                         context),
                include_retired=self.parameterAsBool(parameters, self.INCLUDE_RETIRED, context),
                write=self.parameterAsBool(parameters, self.WRITE, context),
                warn=warnings.append)
            crs = QgsCoordinateReferenceSystem(f"EPSG:{observatory.srs_id(conn)}")
        except ValueError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            conn.close()
        for message in warnings:
            feedback.pushWarning(message)
        if feedback.isCanceled():
            return {}
        feedback.setProgress(60)
        geoms = points(table)
        dest = frame_to_sink(self, parameters, self.OUTPUT, context,
                             table.drop(columns=["x", "y"]), crs, geometries=geoms,
                             wkb_type=QgsWkbTypes.Point, feedback=feedback, kinds=KINDS)
        style_on_load(context, dest, long_term_styler())
        long_term = int(table["long_term"].sum())
        feedback.pushInfo(self.tr("{n} premises in long-term vacancy").format(n=long_term))
        feedback.setProgress(100)
        return {self.OUTPUT: dest, self.LONG_TERM: long_term}
