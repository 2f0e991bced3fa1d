"""observatoire:import_activity_index - activity indices or amounts per zone, sector and
period (card payments…)."""

from qgis.core import QgsProcessingParameterEnum

from ....ingest.importers.activity_index import import_activity_index
from ....ingest.sources.activity_index import MEASURES
from ...import_base import ImportAlgorithm
from ...parameters import add_string, as_mapping, as_text

FREQUENCIES = (None, "Q", "Y")


class ImportActivityIndex(ImportAlgorithm):
    ALG_ID = "import_activity_index"
    INPUT = "INPUT"
    MAPPING = "MAPPING"
    MEASURE = "MEASURE"
    FREQUENCY = "FREQUENCY"
    PROVIDER = "PROVIDER"

    def displayName(self):
        return self.tr("Import an activity index")

    def shortHelpString(self):
        return self.tr(
            "Imports activity indices or amounts per zone, sector and period, such as the "
            "aggregated card-payment figures banks and card networks publish for town-centre "
            "programmes. Fields (renamed with a mapping): zone (a zone id, or a centrality's "
            "name: such rows are linked to it), sector (optional: all), period (YYYY-MM, "
            "YYYY-Qn, YYYY, or a date), value, measure (optional: index, amount or "
            "transactions; default the one chosen), unit (optional). Rejected rows are listed "
            "with the reason. Keyed by zone, sector, period and measure: re-importing adds "
            "nothing, a revised file updates the values. The activity barometer gives their "
            "change year on year. One transaction.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.INPUT, self.tr("Activity index CSV file"), "CSV (*.csv *.txt)")
        add_string(self, self.MAPPING, self.tr("Column mapping (field=column; …)"))
        self.addParameter(QgsProcessingParameterEnum(
            self.MEASURE, self.tr("Measure of the rows that do not say"),
            options=[self.tr("index"), self.tr("amount (€)"), self.tr("number of transactions")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.FREQUENCY, self.tr("Periods given as dates are"),
            options=[self.tr("months"), self.tr("quarters"), self.tr("years")],
            defaultValue=0))
        add_string(self, self.PROVIDER, self.tr("Provider (kept with the rows)"), advanced=True)
        self.add_convention_parameters()
        self.add_report_outputs()

    def do_import(self, conn, parameters, context, feedback):
        return import_activity_index(
            conn, self.parameterAsFile(parameters, self.INPUT, context),
            mapping=as_mapping(self, parameters, self.MAPPING, context),
            measure=MEASURES[self.parameterAsEnum(parameters, self.MEASURE, context)],
            frequency=FREQUENCIES[self.parameterAsEnum(parameters, self.FREQUENCY, context)],
            provider=as_text(self, parameters, self.PROVIDER, context) or None,
            conventions=self.conventions(parameters, context), progress=feedback.setProgress,
            is_canceled=feedback.isCanceled)
