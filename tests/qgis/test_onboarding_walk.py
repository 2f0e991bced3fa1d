""""Start your own territory" (README) walked on the real public files of ../shared/data.

The shared data holds no single town with every file: the OpenStreetMap extract is Monaco
(roads, shops, amenities) and the INSEE Filosofi tile and the municipal facilities are Poitiers.
So the walk builds the two socles a new town would build, each with what exists for it:

* **Monaco**, from OSM alone, down to the atlas: create_geopackage → import_roads (OSM preset)
  → import_osm_shops (a first campaign) → import_bpe (services from OSM) →
  delineate_centralities → the proposals reviewed (levels written in French) →
  import_centralities → open_campaign → vacancy_rates → network_catchments (no grid exists for
  Monaco: population left empty, with a warning) → print_atlas;
* **Poitiers**, the onboarding of the territory's own files: create_geopackage →
  import_population_grid (CSV, then the same grid as GeoPackage: unchanged) →
  import_centralities (a centre-ville drawn in WGS 84) → import_services_layer (the 2015
  municipal facilities, typed as BPE equipment) → offer figures need premises, which Poitiers'
  shared files do not hold: the walk stops there.
"""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from observatoire_commerce.store import gpkg

from ..conftest import validate_gpkg


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802 - Qt API
        self.lines.append(info)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 - Qt API
        self.lines.append(error)

    def pushWarning(self, warning):  # noqa: N802 - Qt API
        self.lines.append(warning)


def step(alg_id, params, log=None):
    from qgis import processing

    return processing.run(f"observatoire:{alg_id}", params, context=QgsProcessingContext(),
                          feedback=log or Log())


def need(path):
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(scope="module")
def monaco(tmp_path_factory, shared_data, processing_ready):
    pbf = need(shared_data / "osm" / "monaco.osm.pbf")
    folder = tmp_path_factory.mktemp("monaco")
    socle = folder / "monaco.gpkg"
    out = {"socle": socle, "folder": folder}
    step("create_geopackage", {"TERRITORY": "Monaco", "CRS": "EPSG:2154", "OUTPUT": str(socle)})
    out["roads"] = step("import_roads", {"GEOPACKAGE": str(socle), "OSM_FILE": str(pbf)})
    out["shops"] = step("import_osm_shops", {"GEOPACKAGE": str(socle), "INPUT": str(pbf),
                                             "CAMPAIGN": "OpenStreetMap 2024",
                                             "CREATE_CAMPAIGN": True})
    out["services"] = step("import_bpe", {"GEOPACKAGE": str(socle), "INPUT": str(pbf)})
    proposals = folder / "proposals.gpkg"
    out["proposals"] = step("delineate_centralities", {
        "GEOPACKAGE": str(socle), "RADIUS": 50, "MIN_ACTIVE": 10, "SMOOTHING": 25,
        "OUTPUT": str(proposals)})
    # the review: the first proposal is the town centre, the others neighbourhood centres
    layer = QgsVectorLayer(str(proposals), "proposals", "ogr")
    level = layer.fields().indexOf("level")
    layer.startEditing()
    for feature in layer.getFeatures():
        first = feature["name"] == "Proposed centrality 1"
        layer.changeAttributeValue(feature.id(), level, "Centre-ville" if first else "quartier")
    assert layer.commitChanges()
    del layer
    out["centralities"] = step("import_centralities", {
        "GEOPACKAGE": str(socle), "INPUT": str(proposals), "NAME_FIELD": "name",
        "LEVEL_FIELD": "level"})
    out["campaign"] = step("open_campaign", {"GEOPACKAGE": str(socle), "NAME": "Inventaire 2025",
                                             "START_DATE": "2025-03-01",
                                             "END_DATE": "2025-04-30"})
    step("vacancy_rates", {"GEOPACKAGE": str(socle), "OUTPUT_TABLE": "memory:",
                           "OUTPUT_CENTRALITIES": "memory:"})
    log = Log()
    out["catchments"] = step("network_catchments", {"GEOPACKAGE": str(socle), "MODE": 0,
                                                    "BANDS": "5, 10", "OUTPUT": "memory:"}, log)
    out["catchment_log"] = log.lines
    # the first campaign is still open: the atlas shows it only on request, as provisional
    out["atlas"] = step("print_atlas", {"GEOPACKAGE": str(socle), "INCLUDE_OPEN": True,
                                        "OUTPUT": str(folder / "atlas.pdf")})
    return out


def test_monaco_from_osm_to_the_atlas(monaco):
    assert monaco["roads"]["ROADS"] > 2000 and monaco["roads"]["CLOSED_TO_CARS"] > 0
    assert monaco["shops"]["NEW_PREMISES"] > 200 and monaco["services"]["ADDED"] > 0
    n = monaco["proposals"]["PROPOSALS"]
    assert n >= 2
    assert (monaco["centralities"]["ADDED"], monaco["centralities"]["REJECTED_COUNT"]) == (n, 0)
    assert monaco["campaign"]["OBSERVATIONS"] == monaco["shops"]["NEW_PREMISES"]
    assert monaco["catchments"]["UNSNAPPED"] == 0
    assert any(line.startswith("The population grid is empty") for line in
               monaco["catchment_log"])
    assert monaco["atlas"]["PAGES"] == 3 + 2 * n  # cover, summary, 2 per centrality, methods
    pdf = monaco["folder"] / "atlas.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    conn = gpkg.connect(monaco["socle"])
    levels = [tuple(r) for r in conn.execute(
        "SELECT level, count(*) FROM centralities GROUP BY level ORDER BY level")]
    population = conn.execute(
        "SELECT count(*), count(value) FROM indicators WHERE indicator = "
        "'catchment_population_walk_10min'").fetchone()
    premises = conn.execute(
        "SELECT min(value) FROM indicators WHERE indicator = 'catchment_premises_walk_10min'"
    ).fetchone()[0]
    conn.close()
    assert levels == [("primary", 1), ("secondary", n - 1)]
    assert tuple(population) == (n, 0)  # written, empty: no grid for Monaco
    assert premises >= 10
    validate_gpkg(monaco["socle"])


def poitiers_centre():
    """Centre-ville of Poitiers, drawn by hand in WGS 84 (Notre-Dame, Hôtel de Ville,
    Place d'Armes)."""
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=nom:string&field=type:string",
                           "centralites", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(
        "POLYGON((0.3345 46.5780, 0.3440 46.5780, 0.3440 46.5855, 0.3345 46.5855, "
        "0.3345 46.5780))"))
    feature.setAttributes(["Centre-ville", "centre-ville"])
    layer.dataProvider().addFeature(feature)
    return layer


def test_poitiers_grid_centralities_and_facilities(tmp_path, shared_data, processing_ready):
    grid = shared_data / "filosofi"
    csv = need(grid / "poitiers_centre_filosofi2021_200m.csv")
    gpk = need(grid / "poitiers_centre_filosofi2021_200m.gpkg")
    facilities = need(shared_data / "poitiers_2015" / "Equipements_publics.geojson")
    socle = tmp_path / "poitiers.gpkg"
    step("create_geopackage", {"TERRITORY": "Poitiers", "CRS": "EPSG:2154",
                               "OUTPUT": str(socle)})
    first = step("import_population_grid", {"GEOPACKAGE": str(socle), "INPUT": str(csv)})
    again = step("import_population_grid", {"GEOPACKAGE": str(socle), "INPUT": str(gpk)})
    assert (first["ADDED"], again["UNCHANGED"]) == (330, 330)
    cents = step("import_centralities", {"GEOPACKAGE": str(socle), "INPUT": poitiers_centre(),
                                         "NAME_FIELD": "nom", "LEVEL_FIELD": "type"})
    assert cents["ADDED"] == 1
    services = step("import_services_layer", {
        "GEOPACKAGE": str(socle), "INPUT": str(facilities), "CATEGORY_FIELD": "Sous_thème",
        "ID_FIELD": "Identifiant_de_l_équipement", "NAME_FIELD": "Nom_de_l_équipement",
        "SOURCE_NAME": "poitiers_2015",
        "TYPE_MAP": "MATERNELLE=C101; ELEMENTAIRE=C104; PRIMAIRE=C104; COLLEGE=C201; "
                    "CINEMA=F303; PISCINE=F101; TENNIS=F103; GARE=E107"})
    # 20 maternelles, 17 élémentaires, 28 primaires, 12 collèges, 2 cinémas, 6 piscines,
    # 2 tennis, 2 gares in the file (counted by Sous_thème)
    assert (services["ROWS_READ"], services["ADDED"]) == (649, 89)
    conn = gpkg.connect(socle)
    level = conn.execute("SELECT level FROM centralities").fetchone()[0]
    conn.close()
    assert level == "primary"
    validate_gpkg(socle)
