"""observatoire:generate_demo_territory - the built-in, deterministic demo territory."""

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from .... import sample_territory as demo
from ..base import ObservatoireAlgorithm


class GenerateDemoTerritory(ObservatoireAlgorithm):
    ALG_ID = "generate_demo_territory"
    GROUP = "socle"
    SEED = "SEED"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Generate the demo territory")

    def shortHelpString(self):
        return self.tr(
            "Creates an observatory GeoPackage holding a fictitious, Poitiers-like agglomeration "
            "in Lambert-93 (EPSG:2154): six centralities (town centre, station district, a large "
            "housing district, a peripheral retail zone, a village centre, a suburban centre), "
            "about 1 270 premises with floor areas observed over four yearly inventory "
            "campaigns (2021–2024) with openings, closures, splits and merges, a 200 m "
            "population grid with Filosofi columns and a routable road network. The same seed "
            "always gives the same content. No external data is used.")

    def initAlgorithm(self, config=None):
        seed = QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), QgsProcessingParameterNumber.Integer,
            defaultValue=2024, minValue=0)
        seed.setFlags(seed.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(seed)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Demo GeoPackage"), self.tr("GeoPackage (*.gpkg)")))

    def processAlgorithm(self, parameters, context, feedback):
        out = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if out.suffix.lower() != ".gpkg":
            out = out.with_suffix(".gpkg")
        if out.exists():
            out.unlink()
        seed = self.parameterAsInt(parameters, self.SEED, context)
        try:
            counts = demo.generate(out, seed=seed, progress=feedback.setProgress,
                                   is_canceled=feedback.isCanceled)
        except InterruptedError as exc:
            raise QgsProcessingException(self.tr("Canceled: no file was written.")) from exc
        for table, count in counts.items():
            feedback.pushInfo(self.tr("{table}: {count} rows").format(table=table, count=count))
        return {self.OUTPUT: str(out)}
