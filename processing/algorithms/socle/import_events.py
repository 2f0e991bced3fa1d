"""observatoire:import_events - events whose impact on flows is measured."""

from ....ingest.importers import flows as flows_imports
from ....store.schema.flows import EVENT_KINDS
from ...import_base import FlowImportAlgorithm
from ...parameters import add_file, add_string, as_mapping, as_text


class ImportEvents(FlowImportAlgorithm):
    ALG_ID = "import_events"
    INPUT = "INPUT"
    MAPPING = "MAPPING"
    SEPARATOR = "SEPARATOR"

    def displayName(self):
        return self.tr("Import events")

    def shortHelpString(self):
        return self.tr(
            "Imports events (markets, braderies, sales, festivals…): columns event_id "
            "(optional: name|start when absent), name, centrality (a centrality name or uuid "
            "of the GeoPackage; empty = the whole territory), start and end (YYYY-MM-DD, "
            "inclusive), kind (one of: {kinds}; default other), notes. A mapping renames the "
            "columns. Unknown centralities or kinds, bad dates and an end before the start are "
            "rejected and reported. Keyed by event_id: re-importing adds nothing. One "
            "transaction.").format(kinds=", ".join(k for k, _ in EVENT_KINDS))

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        add_file(self, self.INPUT, self.tr("Events CSV file"), extension="csv")
        add_string(self, self.MAPPING, self.tr("Column mapping (field=column; …)"))
        add_string(self, self.SEPARATOR, self.tr("Column separator (empty = detect)"),
                   advanced=True)
        self.add_report_outputs()

    def do_import(self, conn, parameters, context, feedback):
        return flows_imports.import_events(
            conn, self.parameterAsFile(parameters, self.INPUT, context),
            mapping=as_mapping(self, parameters, self.MAPPING, context),
            sep=as_text(self, parameters, self.SEPARATOR, context) or None)
