"""observatoire:vacancy_history - vacancy history per premise, long-term vacancy, as points."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)

from ....jobs import vacancy
from ...job_base import JobAlgorithm
from ...layers import gpkg_crs
from ...outputs import typed_kinds, write_frame
from ...parameters import (
    add_include_unconfirmed_parameter,
    add_vacant_statuses_parameter,
    add_write_parameter,
    vacant_statuses,
)
from ...styling import long_term_styler, style_on_load

KINDS = typed_kinds(
    ints=("vacant_campaigns",), doubles=("vacancy_years", "longest_vacancy_years"),
    bools=("retired", "vacant_now", "long_term"),
    strings=("premise_uuid", "address", "street", "centrality_uuid", "centrality",
             "last_campaign", "last_status", "first_vacant_campaign", "vacancy_start_campaign",
             "vacancy_class", "status_sequence", "inherited_from"))


class VacancyHistory(JobAlgorithm):
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
        add_vacant_statuses_parameter(self, self.VACANT_STATUSES)
        add_include_unconfirmed_parameter(self, self.INCLUDE_UNCONFIRMED)
        self.addParameter(QgsProcessingParameterBoolean(
            self.INCLUDE_RETIRED, self.tr("Include premises retired by a split or a merge"),
            defaultValue=False))
        add_write_parameter(self, self.WRITE)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Vacancy history"), QgsProcessing.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputNumber(self.LONG_TERM,
                                                 self.tr("Long-term vacant premises")))

    def run_job(self, conn, parameters, context, feedback):
        warnings = []
        statuses = vacant_statuses(self, conn, parameters, self.VACANT_STATUSES, context)
        feedback.setProgress(10)
        table = vacancy.history(
            conn, threshold_years=self.parameterAsDouble(parameters, self.THRESHOLD, context),
            vacant_statuses=statuses,
            include_unconfirmed=self.parameterAsBool(parameters, self.INCLUDE_UNCONFIRMED,
                                                     context),
            include_retired=self.parameterAsBool(parameters, self.INCLUDE_RETIRED, context),
            write=self.parameterAsBool(parameters, self.WRITE, context),
            warn=warnings.append, checkpoint=self.checkpoint(feedback))
        crs = gpkg_crs(conn)
        for message in warnings:
            feedback.pushWarning(message)
        feedback.setProgress(60)
        dest = write_frame(self, parameters, self.OUTPUT, context, table, crs, xy=("x", "y"),
                           feedback=feedback, kinds=KINDS)
        style_on_load(context, dest, long_term_styler())
        long_term = int(table["long_term"].sum())
        feedback.pushInfo(self.tr("{n} premises in long-term vacancy").format(n=long_term))
        feedback.setProgress(100)
        return {self.OUTPUT: dest, self.LONG_TERM: long_term}
