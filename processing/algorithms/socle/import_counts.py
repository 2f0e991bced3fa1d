"""observatoire:import_counts - counters in the national comptage des mobilités schema."""

from ....ingest.importers.counts import import_comptage
from ...import_base import ImportAlgorithm

CSV = "CSV (*.csv *.txt)"


class ImportCounts(ImportAlgorithm):
    ALG_ID = "import_counts"
    SITES = "SITES"
    CHANNELS = "CHANNELS"
    MEASURES = "MEASURES"

    def displayName(self):
        return self.tr("Import counts (comptage des mobilités)")

    def shortHelpString(self):
        return self.tr(
            "Imports counters delivered in the national comptage des mobilités schema (0.2.x): "
            "the site, channel and measure CSV files (any of them; channels must name a site "
            "of the file or of the GeoPackage, measures a channel). Every row is validated "
            "against the schema (required fields, types, lists of values, date-times with a "
            "UTC offset written Z, +02, +0200 or +02:00, a unique measure per channel and "
            "start); rejected rows are listed with the reason in the log and in the rejected "
            "rows table, and are not imported. A count of 0 (nobody passed) and an empty count "
            "(no data) stay distinct: 0 and NULL. Site coordinates (WGS84 longitude, latitude) "
            "are projected to the GeoPackage's CRS. Everything is written in one transaction "
            "(an error leaves the file unchanged) and keyed by the source ids: importing the "
            "same files again adds nothing. Measures whose channels are neither in the channel "
            "file nor in the GeoPackage are refused (import the channel file with them); a "
            "channel whose declared time step disagrees with its measures is reported as a "
            "warning with the step observed.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.SITES, self.tr("Site file (site_*.csv)"), CSV, optional=True)
        self.add_input_file(self.CHANNELS, self.tr("Channel file (channel_*.csv)"), CSV,
                            optional=True)
        self.add_input_file(self.MEASURES, self.tr("Measure file (measure_*.csv)"), CSV,
                            optional=True)
        self.add_convention_parameters()
        self.add_report_outputs()

    def checkParameterValues(self, parameters, context):
        if not any(self.parameterAsFile(parameters, k, context)
                   for k in (self.SITES, self.CHANNELS, self.MEASURES)):
            return False, self.tr("Choose at least one file: sites, channels or measures.")
        return super().checkParameterValues(parameters, context)

    def do_import(self, conn, parameters, context, feedback):
        def path(key):
            return self.parameterAsFile(parameters, key, context) or None

        return import_comptage(
            conn, sites_path=path(self.SITES), channels_path=path(self.CHANNELS),
            measures_path=path(self.MEASURES),
            conventions=self.conventions(parameters, context), progress=feedback.setProgress,
            is_canceled=feedback.isCanceled)
