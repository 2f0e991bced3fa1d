"""observatoire:import_parking_sessions - parking sessions (tickets, subscribers' passages,
paid on-street sessions) through a column mapping or a saved preset."""

from qgis.core import QgsProcessingOutputNumber, QgsProcessingParameterNumber

from ....ingest.importers.parking_sessions import import_parking_sessions
from ....ingest.sources.sessions import STAY_LIMIT_DAYS
from ...import_base import ImportAlgorithm
from ...parameters import add_string, advanced, as_mapping, as_text


class ImportParkingSessions(ImportAlgorithm):
    ALG_ID = "import_parking_sessions"
    INPUT = "INPUT"
    PRESET = "PRESET"
    MAPPING = "MAPPING"
    SAVE_PRESET = "SAVE_PRESET"
    MAX_STAY_DAYS = "MAX_STAY_DAYS"
    TIMEZONE = "TIMEZONE"
    OPEN_SESSIONS = "OPEN_SESSIONS"

    def displayName(self):
        return self.tr("Import parking sessions")

    def shortHelpString(self):
        return self.tr(
            "Imports parking sessions exported by car-park operators, on-street payment "
            "terminals or apps: one row per ticket or session with the car park or zone "
            "(parking_id: an id or the name of a car park or zone of the GeoPackage; import "
            "them first), the entry and the exit (local date-times: 2024-03-01 14:05, "
            "01/03/2024 14:05…; an empty exit is a session still open), and optionally the "
            "amount (€) and the operator's ticket id. Column names come from a mapping "
            "(parking_id=…; entry=…; exit=…; amount=…; ticket=…) or a preset saved in the "
            "GeoPackage (built in: standard, tickets_fr, horodateurs_fr); the mapping overrides "
            "the preset's entries and can be saved as a new preset. Rejected rows (listed with "
            "the reason): no car park, an unknown car park, no or unreadable entry, an "
            "unreadable exit, an exit before the entry, a stay longer than the maximum (7 days "
            "by default), a negative amount, a ticket id repeated for the same car park. Open "
            "sessions are kept and counted apart: the dwell statistics never guess their "
            "length. Sessions are keyed by car park, entry second, ticket id (when the file "
            "has one) and rank: re-importing adds nothing, and a later export closes the "
            "sessions that were open. They are stored by car park and month of entry as "
            "arrays (table parking_session_blocks: sessions, open sessions, first and last "
            "entry of each); the dwell_time algorithm reads them. Millions of rows are read by "
            "a fast reader (plain UTF-8 CSV without quotes), other files by the general CSV "
            "reader. One transaction.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.INPUT, self.tr("Sessions CSV file"), "CSV (*.csv *.txt)")
        add_string(self, self.PRESET, self.tr("Column preset (empty = none: standard, "
                                              "tickets_fr, horodateurs_fr or one saved)"))
        add_string(self, self.MAPPING, self.tr("Column mapping (field=column; …)"))
        add_string(self, self.SAVE_PRESET, self.tr("Save the mapping used as the preset"),
                   advanced=True)
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.MAX_STAY_DAYS, self.tr("Longest stay kept (days)"),
            QgsProcessingParameterNumber.Double, defaultValue=7.0, minValue=0.01,
            maxValue=STAY_LIMIT_DAYS)))
        add_string(self, self.TIMEZONE, self.tr("Time zone of times with a UTC offset"),
                   default="Europe/Paris", optional=False, advanced=True)
        self.add_convention_parameters(dates=False)
        self.add_report_outputs()
        self.addOutput(QgsProcessingOutputNumber(self.OPEN_SESSIONS,
                                                 self.tr("Sessions without exit")))

    def do_import(self, conn, parameters, context, feedback):
        return import_parking_sessions(
            conn, self.parameterAsFile(parameters, self.INPUT, context),
            mapping=as_mapping(self, parameters, self.MAPPING, context),
            preset=as_text(self, parameters, self.PRESET, context) or None,
            save_preset=as_text(self, parameters, self.SAVE_PRESET, context) or None,
            max_stay_days=self.parameterAsDouble(parameters, self.MAX_STAY_DAYS, context),
            timezone=as_text(self, parameters, self.TIMEZONE, context) or "Europe/Paris",
            conventions=self.conventions(parameters, context), progress=feedback.setProgress,
            is_canceled=feedback.isCanceled)

    def extra_outputs(self, result, parameters, context, feedback, epsg):
        return {self.OPEN_SESSIONS: result.counts.get("open_sessions", 0)}
