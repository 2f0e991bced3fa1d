"""observatoire:import_ridership - boardings and alightings per stop and day or period."""

from ....ingest.importers.ridership import import_ridership
from ...import_base import ImportAlgorithm
from ...parameters import add_string, as_mapping, as_text


class ImportRidership(ImportAlgorithm):
    ALG_ID = "import_ridership"
    INPUT = "INPUT"
    FEED_NAME = "FEED_NAME"
    MAPPING = "MAPPING"

    def displayName(self):
        return self.tr("Import public transport ridership")

    def shortHelpString(self):
        return self.tr(
            "Imports ridership counts per stop: columns stop_id, date (YYYY-MM-DD or DD/MM/YYYY), "
            "period "
            "(optional: a period of the day such as 07-09; default day), boardings and "
            "alightings (at least one; numbers >= 0). Column names are changed with a mapping "
            "(stop_id=…; date=…). The stops are the GTFS stop_id of the feed named (default: "
            "the latest imported feed); a row naming an unknown stop, a bad date, a negative "
            "number or a duplicate (stop, date, period) is rejected and reported. One "
            "transaction; re-importing adds nothing.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.INPUT, self.tr("Ridership CSV file"), "CSV (*.csv *.txt)")
        add_string(self, self.FEED_NAME, self.tr("Feed whose stops are named (empty = latest)"))
        add_string(self, self.MAPPING, self.tr("Column mapping (field=column; …)"))
        self.add_convention_parameters()
        self.add_report_outputs()

    def do_import(self, conn, parameters, context, feedback):
        return import_ridership(
            conn, self.parameterAsFile(parameters, self.INPUT, context),
            mapping=as_mapping(self, parameters, self.MAPPING, context),
            feed=as_text(self, parameters, self.FEED_NAME, context) or None,
            conventions=self.conventions(parameters, context), progress=feedback.setProgress,
            is_canceled=feedback.isCanceled)
