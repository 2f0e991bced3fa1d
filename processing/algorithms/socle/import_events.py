"""observatoire:import_events - events whose impact on flows is measured."""

from ....ingest.importers.events import import_events
from ....store.schema.flows import EVENT_KINDS
from ...import_base import ImportAlgorithm
from ...parameters import add_string, as_mapping


class ImportEvents(ImportAlgorithm):
    ALG_ID = "import_events"
    INPUT = "INPUT"
    MAPPING = "MAPPING"

    def displayName(self):
        return self.tr("Import events")

    def shortHelpString(self):
        return self.tr(
            "Imports events (markets, braderies, sales, festivals…): columns event_id "
            "(optional: name|start when absent), name, centrality (a centrality name or uuid "
            "of the GeoPackage; empty = the whole territory), start and end (YYYY-MM-DD, "
            "DD/MM/YYYY or DD/MM/YY, inclusive), kind (one of: {kinds}; default other), notes. "
            "A mapping renames the columns. Unknown centralities or kinds, bad dates and an "
            "end before the start are rejected and reported. Keyed by event_id: re-importing "
            "adds nothing. One transaction.").format(kinds=", ".join(k for k, _ in EVENT_KINDS))

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.INPUT, self.tr("Events CSV file"), "CSV (*.csv *.txt)")
        add_string(self, self.MAPPING, self.tr("Column mapping (field=column; …)"))
        self.add_convention_parameters(decimal=False)
        self.add_report_outputs()

    def do_import(self, conn, parameters, context, feedback):
        return import_events(
            conn, self.parameterAsFile(parameters, self.INPUT, context),
            mapping=as_mapping(self, parameters, self.MAPPING, context),
            conventions=self.conventions(parameters, context), progress=feedback.setProgress,
            is_canceled=feedback.isCanceled)
