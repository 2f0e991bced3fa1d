"""observatoire:activity_barometer - monthly creations, closures, transfers and survival of
establishments per centrality and activity group (SIRENE history), activity indices year on
year, and the turnover of premises from the campaigns beside them."""

from qgis.core import QgsProcessingParameterNumber

from ....jobs import barometer as job
from ....jobs.common import save_indicators
from ....jobs.messages import describe
from ...job_base import JobAlgorithm
from ...layers import gpkg_crs
from ...outputs import write_frame
from ...parameters import add_date, add_table_sink, add_write_parameter, advanced, as_date


class ActivityBarometer(JobAlgorithm):
    ALG_ID = "activity_barometer"
    GROUP = "offre"
    START = "START"
    END = "END"
    DISTANCE = "DISTANCE"
    TRANSFER_DAYS = "TRANSFER_DAYS"
    SURVIVAL_MONTHS = "SURVIVAL_MONTHS"
    WRITE = "WRITE_INDICATORS"
    OUTPUT_MONTHLY = "OUTPUT_MONTHLY"
    OUTPUT_EVENTS = "OUTPUT_EVENTS"
    OUTPUT_INDEX = "OUTPUT_INDEX"
    OUTPUT_CAMPAIGNS = "OUTPUT_CAMPAIGNS"

    def displayName(self):
        return self.tr("Activity barometer (SIRENE history, activity indices)")

    def shortHelpString(self):
        return self.tr(
            "Per centrality, month and activity group (and all groups), from the SIRENE "
            "establishment history: creations (first period active), closures (an active "
            "period followed by a closed one, in the zone and group of the active one), "
            "reopenings (closed then active), transfers out of and into the centrality (a "
            "closure and a creation of the same SIREN in different centralities at most the "
            "number of days given apart; in the same centrality it is a relocation, neither a "
            "closure nor a creation), net change = creations + reopenings + transfers in − "
            "closures − transfers out, establishments active at the end of the month, and "
            "survival: of the creations of the last 36 months, the share still active (or "
            "moved) at the end of the month. Establishments are placed by their position in "
            "the SIRENE stock file imported with the history, else by the premise a SIRENE "
            "import linked their SIRET to; activity groups come from the NAF codes through "
            "naf_activity_map. Window: the months given, by default the five years up to the "
            "latest date of the history. Activity indices: change = value / value one year "
            "before − 1, empty when that value is missing. Beside them, per campaign, the "
            "premises' openings, closures and turnover (as in vacancy rates) and the SIRENE "
            "creations and closures of the 12 months up to the campaign. Indicators per "
            "centrality and month: activity_creations, activity_closures, activity_reopenings, "
            "activity_transfers_in, activity_transfers_out, activity_net_change, "
            "activity_active (establishments), activity_survival_36m (%); per period: "
            "activity_index_yoy, activity_amount_yoy, activity_transactions_yoy (%).")

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        add_date(self, self.START, self.tr("First month (any day of it; empty = five years "
                                           "before the last)"))
        add_date(self, self.END, self.tr("Last month (any day of it; empty = the latest of "
                                         "the history)"))
        self.addParameter(QgsProcessingParameterNumber(
            self.DISTANCE, self.tr("Establishments outside a centrality: assign within "
                                   "(metres)"), QgsProcessingParameterNumber.Double,
            defaultValue=0.0, minValue=0.0))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.TRANSFER_DAYS, self.tr("Transfer: most days between the closure and the "
                                        "creation of the same SIREN"),
            QgsProcessingParameterNumber.Integer, defaultValue=90, minValue=0)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.SURVIVAL_MONTHS, self.tr("Survival: creations of the last … months"),
            QgsProcessingParameterNumber.Integer, defaultValue=36, minValue=1)))
        add_write_parameter(self, self.WRITE)
        add_table_sink(self, self.OUTPUT_MONTHLY, self.tr("Barometer per month"))
        add_table_sink(self, self.OUTPUT_EVENTS, self.tr("Establishment events"), optional=True)
        add_table_sink(self, self.OUTPUT_INDEX, self.tr("Activity indices year on year"),
                       optional=True)
        add_table_sink(self, self.OUTPUT_CAMPAIGNS, self.tr("Premises turnover per campaign "
                                                           "beside SIRENE"), optional=True)

    def checkParameterValues(self, parameters, context):
        start, end = (as_date(self, parameters, k, context) for k in (self.START, self.END))
        if start and end and (end.year, end.month) < (start.year, start.month):
            return False, self.tr("The last month ({end}) is before the first month "
                                  "({start}).").format(end=f"{end:%Y-%m}", start=f"{start:%Y-%m}")
        return super().checkParameterValues(parameters, context)

    def run_job(self, conn, parameters, context, feedback):
        result = job.activity_barometer(
            conn, start=as_date(self, parameters, self.START, context),
            end=as_date(self, parameters, self.END, context),
            distance=self.parameterAsDouble(parameters, self.DISTANCE, context),
            transfer_days=self.parameterAsInt(parameters, self.TRANSFER_DAYS, context),
            survival_months=self.parameterAsInt(parameters, self.SURVIVAL_MONTHS, context),
            progress=feedback.setProgress, checkpoint=self.checkpoint(feedback))
        for note in result.notes:
            feedback.pushWarning(describe(note))
        tables = job.barometer_tables(result)
        if self.parameterAsBool(parameters, self.WRITE, context):
            n = save_indicators(conn, job.barometer_indicator_rows(tables), job.BAROMETER_ALG,
                                {"distance": self.parameterAsDouble(parameters, self.DISTANCE,
                                                                    context)},
                                checkpoint=self.checkpoint(feedback))
            feedback.pushInfo(self.tr("{n} indicators written").format(n=n))
        crs = gpkg_crs(conn)
        out = {}
        for key, name in ((self.OUTPUT_MONTHLY, "monthly"), (self.OUTPUT_EVENTS, "events"),
                          (self.OUTPUT_INDEX, "index"), (self.OUTPUT_CAMPAIGNS, "campaigns")):
            dest = write_frame(self, parameters, key, context, tables[name], crs,
                               feedback=feedback)
            if dest is not None:
                out[key] = dest
        feedback.setProgress(100)
        return out
