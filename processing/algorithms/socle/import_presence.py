"""observatoire:import_presence - presence data (mobile-network aggregates, sensors) per zone,
time slot, visitor category and dwell class or mean dwell."""

from qgis.core import QgsProcessingParameterNumber

from ....ingest.importers.presence import import_presence
from ....ingest.sources.presence import parse_class_bounds
from ....ingest.sources.report import SourceError
from ...import_base import ImportAlgorithm
from ...parameters import add_string, advanced, as_mapping, as_text


class ImportPresence(ImportAlgorithm):
    ALG_ID = "import_presence"
    INPUT = "INPUT"
    PRESET = "PRESET"
    MAPPING = "MAPPING"
    SAVE_PRESET = "SAVE_PRESET"
    CLASS_BOUNDS = "CLASS_BOUNDS"
    SLOT_MINUTES = "SLOT_MINUTES"
    PROVIDER = "PROVIDER"
    TIMEZONE = "TIMEZONE"

    def displayName(self):
        return self.tr("Import presence data")

    def shortHelpString(self):
        return self.tr(
            "Imports presence data as providers deliver them (mobile-network aggregates, Wi-Fi "
            "or Bluetooth sensors), aggregated and anonymised: one row per zone, time slot, "
            "visitor category and either dwell-time class or mean dwell (minutes). Fields: "
            "zone (a zone id, or a centrality's name: such rows are linked to it), slot (start "
            "of the time slot: a date-time, or a date for daily data), category (the "
            "provider's label: residents, regular visitors…), count (people, ≥ 0), "
            "dwell_class or mean_dwell, slot_minutes (optional). Column names come from a "
            "mapping or a saved preset (built in: standard, presence_fr). Dwell classes get "
            "their bounds in minutes from the list given (label=lower-upper; an empty upper "
            "bound is an open class), else from their labels (< 30 min, 30 min - 1 h, 1h-2h, "
            "> 4 h…). Rejected rows are listed with the reason. Keyed by zone, slot, category "
            "and class: re-importing adds nothing, a corrected file updates the counts. One "
            "transaction.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.INPUT, self.tr("Presence CSV file"), "CSV (*.csv *.txt)")
        add_string(self, self.PRESET, self.tr("Column preset (empty = none: standard, "
                                              "presence_fr or one saved)"))
        add_string(self, self.MAPPING, self.tr("Column mapping (field=column; …)"))
        add_string(self, self.SAVE_PRESET, self.tr("Save the mapping used as the preset"),
                   advanced=True)
        add_string(self, self.CLASS_BOUNDS, self.tr("Dwell classes in minutes "
                                                    "(label=lower-upper; …; empty = read "
                                                    "from the labels)"))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.SLOT_MINUTES, self.tr("Length of the time slots (minutes; when the file "
                                       "does not say)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.001)))
        add_string(self, self.PROVIDER, self.tr("Provider (kept with the rows)"),
                   advanced=True)
        add_string(self, self.TIMEZONE, self.tr("Time zone of times without UTC offset"),
                   default="Europe/Paris", optional=False, advanced=True)
        self.add_convention_parameters()
        self.add_report_outputs()

    def checkParameterValues(self, parameters, context):
        try:
            parse_class_bounds(as_text(self, parameters, self.CLASS_BOUNDS, context))
        except SourceError as exc:
            return False, str(exc)
        return super().checkParameterValues(parameters, context)

    def do_import(self, conn, parameters, context, feedback):
        minutes = parameters.get(self.SLOT_MINUTES)
        return import_presence(
            conn, self.parameterAsFile(parameters, self.INPUT, context),
            mapping=as_mapping(self, parameters, self.MAPPING, context),
            preset=as_text(self, parameters, self.PRESET, context) or None,
            save_preset=as_text(self, parameters, self.SAVE_PRESET, context) or None,
            class_bounds=parse_class_bounds(as_text(self, parameters, self.CLASS_BOUNDS,
                                                    context)) or None,
            slot_minutes=self.parameterAsDouble(parameters, self.SLOT_MINUTES, context)
            if minutes not in (None, "") else None,
            provider=as_text(self, parameters, self.PROVIDER, context) or None,
            timezone=as_text(self, parameters, self.TIMEZONE, context) or "Europe/Paris",
            conventions=self.conventions(parameters, context), progress=feedback.setProgress,
            is_canceled=feedback.isCanceled)
