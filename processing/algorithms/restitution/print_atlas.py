"""observatoire:print_atlas - the observatory's atlas (PDF): cover, territory summary, two pages
per centrality, methods."""

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from .... import dependencies
from ....reporting import atlas, atlas_data
from ...parameters import add_centralities_parameter, split_list
from ..base import ObservatoireAlgorithm

LANGUAGES = (("fr", "Français"), ("en", "English"))


class PrintAtlas(ObservatoireAlgorithm):
    ALG_ID = "print_atlas"
    GROUP = "restitution"
    LANGUAGE = "LANGUAGE"
    CAMPAIGN = "CAMPAIGN"
    INCLUDE_OPEN = "INCLUDE_OPEN"
    CATCHMENTS = "CATCHMENTS"
    LONG_TERM_YEARS = "LONG_TERM_YEARS"
    PRODUCER = "PRODUCER"
    OUTPUT = "OUTPUT"
    CENTRALITIES = "CENTRALITIES"
    PAGES = "PAGES"
    CENTRALITIES_PRINTED = "CENTRALITIES_PRINTED"

    def displayName(self):
        return self.tr("Print the observatory atlas (PDF)")

    def shortHelpString(self):
        return self.tr(
            "Prints the observatory's atlas as one PDF, in French by default whatever the "
            "language of QGIS: a cover; a summary of the territory (map of the centralities "
            "coloured by Procos vacancy band, key figures per centrality, vacancy per "
            "centrality over the campaigns, offer mix); for each centrality a map page "
            "(premises by status, walking catchments of 5 and 10 minutes when a catchment "
            "layer is given, counters, car parks, public transport stops, markets, scale bar, "
            "north arrow, legend, sources with their dates) and a page of key figures, charts "
            "(vacancy rate by campaign against the Procos bands: under 5 %, 5 to 7.5 %, 7.5 "
            "to 10 %, 10 % and more; footfall by month against the year before; offer mix "
            "against the territory's; the survey profile when survey indicators exist) and "
            "lists (openings and closures since the previous campaign, premises vacant for "
            "the chosen number of years or more); a methods page (definitions, campaigns and "
            "their completeness, sources and licences, parameters). Pages: 3 + 2 × "
            "centralities. With centralities chosen, the atlas holds only those (summary, "
            "pages); the territory's figures still count every premise.\n\nVacancy rate = "
            "100 × vacant premises / premises observed, "
            "computed when printing from the campaigns up to the reference campaign (the "
            "latest by default). Open campaigns are left out unless included: they are then "
            "marked provisional with their completeness on every table and chart. Footfall, "
            "catchments, services, markets, Huff shares and survey figures are read from the "
            "indicators stored by their algorithms (run them first); survey figures under 11 "
            "respondents are never shown, under 30 they are flagged. A section without data "
            "is left out.")

    def flags(self):
        # layouts, fonts and charts are drawn in the thread that owns the application
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):
        self.add_geopackage_parameter()
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, self.tr("Language of the atlas"),
            options=[name for _code, name in LANGUAGES], defaultValue=0))
        add_centralities_parameter(self, self.tr("Centralities in the atlas (names separated by "
                                                 "commas; empty = all)"), self.CENTRALITIES)
        self.addParameter(QgsProcessingParameterString(
            self.CAMPAIGN, self.tr("Reference campaign (empty = the latest one included)"),
            optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.INCLUDE_OPEN, self.tr("Include open campaigns (marked provisional)"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.CATCHMENTS, self.tr("Walking catchments (output of network_catchments)"),
            [QgsProcessing.TypeVectorPolygon], optional=True))
        years = QgsProcessingParameterNumber(
            self.LONG_TERM_YEARS, self.tr("Long-term vacancy threshold (years)"),
            QgsProcessingParameterNumber.Double, defaultValue=2.0, minValue=0.0)
        years.setFlags(years.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(years)
        producer = QgsProcessingParameterString(
            self.PRODUCER, self.tr("Producer named on the cover"), optional=True)
        producer.setFlags(producer.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(producer)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Atlas PDF"), self.tr("PDF files (*.pdf)")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, self.tr("Pages printed")))
        self.addOutput(QgsProcessingOutputNumber(self.CENTRALITIES_PRINTED,
                                                 self.tr("Centralities printed")))

    def checkParameterValues(self, parameters, context):
        missing = dependencies.missing(["matplotlib"])
        if missing:
            return False, dependencies.missing_message(missing)
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.GEOPACKAGE, context)
        language = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)][0]
        options = atlas_data.Options(
            language=language,
            include_open=self.parameterAsBool(parameters, self.INCLUDE_OPEN, context),
            campaign=self.parameterAsString(parameters, self.CAMPAIGN, context).strip() or None,
            long_term_years=self.parameterAsDouble(parameters, self.LONG_TERM_YEARS, context),
            producer=self.parameterAsString(parameters, self.PRODUCER, context).strip(),
            centralities=split_list(self.parameterAsString(parameters, self.CENTRALITIES,
                                                           context)) or None)
        catchments = self.parameterAsVectorLayer(parameters, self.CATCHMENTS, context)
        if catchments is not None:
            names = set(catchments.fields().names())
            if "band" not in names or not names & {"origin_uuid", "origin_id"}:
                feedback.reportError(self.tr(
                    "The catchment layer {name} has no band and origin_uuid (or origin_id) "
                    "fields: the maps are printed without catchments. Give the layer written "
                    "by network_catchments.").format(name=catchments.name()), False)
                catchments = None
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if Path(output).suffix.lower() != ".pdf":
            output = str(Path(output).with_suffix(".pdf"))

        def progress(percent):
            if feedback.isCanceled():
                raise atlas.CancelledError()
            feedback.setProgress(percent)

        try:
            built = atlas.build(path, options, catchments=catchments, progress=progress)
        except atlas.CancelledError:
            return {}
        except atlas.AtlasError as exc:
            raise QgsProcessingException(str(exc)) from exc
        try:
            for warning in built.report.warnings:
                feedback.pushInfo(warning)
            if built.report.provisional:
                feedback.pushInfo(self.tr("Open campaign(s) included and marked provisional: "
                                          "{names}.").format(
                    names=", ".join(c.name for c in built.report.provisional)))
            excluded = built.report.parameters["excluded_open"]
            if excluded:
                feedback.pushInfo(self.tr("Open campaign(s) left out: {names} (tick \"Include "
                                          "open campaigns\" to show them as provisional)."
                                          ).format(names=", ".join(excluded)))
            if feedback.isCanceled():
                return {}
            feedback.setProgress(75)
            pages = atlas.export_pdf(built, output)
        except atlas.AtlasError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            built.cleanup()
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("{pages} pages written to {path} ({n} centralities).").format(
            pages=pages, path=output, n=len(built.report.centralities)))
        return {self.OUTPUT: output, self.PAGES: pages,
                self.CENTRALITIES_PRINTED: len(built.report.centralities)}
