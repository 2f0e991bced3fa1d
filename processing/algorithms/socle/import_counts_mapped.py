"""observatoire:import_counts_mapped - counts from any vendor CSV through a field mapping."""

from qgis.core import (
    QgsProcessingParameterDefinition,
    QgsProcessingParameterNumber,
    QgsProcessingParameterPoint,
)

from ....ingest.importers.counts import import_mapped_counts
from ....ingest.importers.framework import ImportRefusedError, parse_mapping
from ...import_base import ImportAlgorithm
from ...parameters import add_string, as_mapping, as_text


class ImportCountsMapped(ImportAlgorithm):
    ALG_ID = "import_counts_mapped"
    INPUT = "INPUT"
    MAPPING = "MAPPING"
    CHANNEL_COLUMNS = "CHANNEL_COLUMNS"
    CHANNEL_ID = "CHANNEL_ID"
    SITE_ID = "SITE_ID"
    SITE_NAME = "SITE_NAME"
    SITE_STREET = "SITE_STREET"
    SITE_POINT = "SITE_POINT"
    MOBILITY_TYPE = "MOBILITY_TYPE"
    TIMEZONE = "TIMEZONE"
    TIME_STEP = "TIME_STEP"

    def displayName(self):
        return self.tr("Import counts (mapped CSV of another vendor)")

    def shortHelpString(self):
        return self.tr(
            "Imports counts from a CSV of any vendor (Eco-Counter export, manual counts…) "
            "through a field mapping written field=column; field=column. Fields: "
            "start_datetime (required; date+time joins a date column and a time column), "
            "end_datetime, count, channel_id, counter_id. Layouts: one row per channel and "
            "time (map channel_id, or give one channel id for the whole file), or one column "
            "per channel (channel columns written column=channel_id; column=channel_id, as in "
            "Eco-Counter exports). Times without UTC offset are read in the time zone given "
            "(the repeated hour when clocks go back: first occurrence summer time); dates "
            "may be ISO or French (24/01/2007 10:00, 24/01/07), and a strptime format "
            "(%d.%m.%Y %H:%M) reads others. Without an end column, end "
            "= start + time step (seconds). An empty count is no data (NULL), 0 is no passage. "
            "Channels unknown to the GeoPackage are created on the site given (created too "
            "when new: give its name and position); without a site their rows are rejected. "
            "One transaction; re-importing adds nothing.")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.add_input_file(self.INPUT, self.tr("Vendor CSV file"), "CSV (*.csv *.txt)")
        add_string(self, self.MAPPING, self.tr("Field mapping (field=column; …)"),
                   default="start_datetime=start_datetime; count=count; channel_id=channel_id",
                   optional=False)
        add_string(self, self.CHANNEL_COLUMNS,
                   self.tr("Channel columns of a wide file (column=channel_id; …)"))
        add_string(self, self.CHANNEL_ID, self.tr("Channel id for a single-channel file"))
        add_string(self, self.SITE_ID, self.tr("Site of new channels: site id"))
        add_string(self, self.SITE_NAME, self.tr("Site of new channels: name"))
        add_string(self, self.SITE_STREET, self.tr("Site of new channels: street"))
        self.addParameter(QgsProcessingParameterPoint(
            self.SITE_POINT, self.tr("Site of new channels: position"), optional=True))
        add_string(self, self.MOBILITY_TYPE, self.tr("Mobility type of new channels"),
                   default="PEDESTRIAN")
        add_string(self, self.TIMEZONE, self.tr("Time zone of times without UTC offset"),
                   default="Europe/Paris", optional=False, advanced=True)
        step = QgsProcessingParameterNumber(
            self.TIME_STEP, self.tr("Time step in seconds (when the file has no end column)"),
            QgsProcessingParameterNumber.Double, defaultValue=0, minValue=0, optional=True)
        self.addParameter(step)
        for key in (self.TIME_STEP,):
            p = self.parameterDefinition(key)
            p.setFlags(p.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.add_convention_parameters()
        self.add_report_outputs()

    def checkParameterValues(self, parameters, context):
        try:
            mapping = parse_mapping(as_text(self, parameters, self.MAPPING, context))
        except ImportRefusedError as exc:
            return False, str(exc)
        if "start_datetime" not in mapping:
            return False, self.tr("The mapping needs start_datetime=<column> (or "
                                  "start_datetime=<date column>+<time column>).")
        return super().checkParameterValues(parameters, context)

    def do_import(self, conn, parameters, context, feedback):
        mapping = as_mapping(self, parameters, self.MAPPING, context)
        wide = as_mapping(self, parameters, self.CHANNEL_COLUMNS, context) or None
        site = None
        site_id = as_text(self, parameters, self.SITE_ID, context)
        if site_id:
            site = {"site_id": site_id, "name": as_text(self, parameters, self.SITE_NAME, context),
                    "street": as_text(self, parameters, self.SITE_STREET, context) or None}
            if parameters.get(self.SITE_POINT):
                point = self.parameterAsPoint(parameters, self.SITE_POINT, context)
                crs = self.parameterAsPointCrs(parameters, self.SITE_POINT, context)
                site.update(x=point.x(), y=point.y(),
                            epsg=crs.postgisSrid() if crs.isValid() else None)
        step = self.parameterAsDouble(parameters, self.TIME_STEP, context) or None
        return import_mapped_counts(
            conn, self.parameterAsFile(parameters, self.INPUT, context), mapping,
            channel_columns=wide,
            channel_id=as_text(self, parameters, self.CHANNEL_ID, context) or None, site=site,
            mobility_type=as_text(self, parameters, self.MOBILITY_TYPE, context) or None,
            timezone=as_text(self, parameters, self.TIMEZONE, context) or "Europe/Paris",
            time_step_s=step, conventions=self.conventions(parameters, context),
            progress=feedback.setProgress, is_canceled=feedback.isCanceled)
