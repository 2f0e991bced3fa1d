"""network_catchments never reports a made-up result (issue 14): without a population grid the
population is empty, not 0, with a warning; an origin close to a tiny isolated fragment of the
car network is snapped to the main network when it lies within the tolerance, or reported.

The fragment network (Lambert-93, metres from X0, Y0), all residential at 30 km/h by car::

    main street: (0, 0) → (2000, 0), a vertex every 25 m (81 nodes)
    car park A:  (1000, 60) - (1050, 60) - (1100, 60)   (3 nodes, cut off from the street)
    car park B:  (3000, 500) - (3050, 500) - (3100, 500) (3 nodes)

3 nodes < 5 % of 81 nodes: both car parks are minor parts. Origin O2 at (1025, 45) is 15 m from
car park A and 45 m from the street: it is snapped to the street at (1025, 0). In one minute
a car covers 500 m (30 km/h): nodes with |x - 1025| <= 500, x = 525 … 1525, 41 nodes. Origin
O3 at (3025, 510) has only car park B within 100 m: snapped there (its 3 nodes reached),
reported as on a minor part.
"""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import NULL

from observatoire_commerce.store import gpkg, network_store, observatory

from .test_catchment_algorithms import (
    X0,
    Y0,
    Capture,
    build_network_gpkg,
    by_band,
    points_layer,
    xy,
)


def fragment_gpkg(path):
    observatory.create_observatory(path, "Fragments", 2154)
    conn = observatory.open_observatory(path)
    street = np.column_stack([X0 + np.arange(0, 2001, 25.0), np.full(81, Y0)])
    lines = [street,
             np.array([[X0 + 1000, Y0 + 60], [X0 + 1050, Y0 + 60], [X0 + 1100, Y0 + 60]]),
             np.array([[X0 + 3000, Y0 + 500], [X0 + 3050, Y0 + 500], [X0 + 3100, Y0 + 500]])]
    with gpkg.transaction(conn):
        network_store.write_roads(conn, [{"coords": c, "road_class": "residential",
                                          "oneway": 0, "source_id": str(k)}
                                         for k, c in enumerate(lines)], 2154)
    conn.close()
    return path


def test_origin_near_a_car_park_fragment_is_snapped_to_the_main_network(run_alg, tmp_path):
    from qgis import processing

    path = fragment_gpkg(tmp_path / "fragments.gpkg")
    run_alg("build_network", {"GEOPACKAGE": str(path), "CAR_SPEEDS": "residential=30"})
    feedback = Capture()
    result = processing.run("observatoire:network_catchments", {
        "GEOPACKAGE": str(path), "MODE": 1, "BANDS": "1", "OUTPUT": "memory:",
        "ORIGINS": points_layer([(("O2",), (X0 + 1025, Y0 + 45)),
                                 (("O3",), (X0 + 3025, Y0 + 510))]),
        "ORIGIN_ID_FIELD": "id", "OUTPUT_ORIGINS": "memory:"}, feedback=feedback)
    assert (result["UNSNAPPED"], result["ON_MINOR_PART"]) == (0, 1)
    reached = {f["origin_id"]: f["nodes_reached"] for f in result["OUTPUT"].getFeatures()}
    assert reached == {"O2": 41, "O3": 3}
    origins = {f["origin_id"]: (f["snapped"], f["snap_distance_m"], f["part_nodes"],
                                f["on_main_part"])
               for f in result["OUTPUT_ORIGINS"].getFeatures()}
    assert origins["O2"] == (1, pytest.approx(45.0), 81, 1)
    assert origins["O3"] == (1, pytest.approx(10.0), 3, 0)
    assert any("1 origin(s) have only a small isolated part of the network usable on this "
               "mode within 100.0 m (less than 5 % of the nodes of its main part)" in e
               and "O3 (3 nodes)" in e for e in feedback.errors)


def test_without_a_population_grid_the_population_is_empty_not_zero(tmp_path, run_alg):
    from qgis import processing

    path = build_network_gpkg(tmp_path / "nogrid.gpkg")
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        conn.execute("DELETE FROM population_grid")
    conn.close()
    run_alg("build_network", {"GEOPACKAGE": str(path), "WALK_SPEEDS": "default=6"})
    feedback = Capture()
    result = processing.run("observatoire:network_catchments", {
        "GEOPACKAGE": str(path), "MODE": 0, "BANDS": "2, 6", "OUTPUT": "memory:",
        "WRITE_INDICATORS": True}, feedback=feedback)
    bands = by_band(result["OUTPUT"], origin="Centre O")
    for band in (2.0, 6.0):
        for column in ("population", "households", "age_0_17", "age_65p"):
            assert bands[band].attribute(column) in (None, NULL)
    assert bands[6.0]["premises"] == 2  # what is known is still counted
    assert any(e.startswith("The population grid is empty: population, households and age "
                            "groups are left empty, not 0.") for e in feedback.errors)
    conn = gpkg.connect(path)
    rows = dict(conn.execute("SELECT indicator, value FROM indicators WHERE indicator LIKE "
                             "'catchment_%_walk_6min'").fetchall())
    conn.close()
    assert rows["catchment_population_walk_6min"] is None
    assert rows["catchment_premises_walk_6min"] == 2.0


def test_grid_without_households_leaves_them_empty(tmp_path, run_alg):
    """A 2021-style grid (no men column values): households empty, population counted."""
    from qgis import processing

    path = build_network_gpkg(tmp_path / "nomen.gpkg")
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        conn.execute("UPDATE population_grid SET men = NULL")
    conn.close()
    run_alg("build_network", {"GEOPACKAGE": str(path), "WALK_SPEEDS": "default=6"})
    feedback = Capture()
    result = processing.run("observatoire:network_catchments", {
        "GEOPACKAGE": str(path), "ORIGINS": points_layer([(("O",), xy(2, 0))]),
        "ORIGIN_ID_FIELD": "id", "MODE": 0, "BANDS": "6", "OUTPUT": "memory:"},
        feedback=feedback)
    band = by_band(result["OUTPUT"])[6.0]
    assert band["population"] == 160 and band.attribute("households") in (None, NULL)
    assert any("holds no value for households, age_18_24: left empty, not 0" in e
               for e in feedback.errors)


def without_grid(path):
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        conn.execute("DELETE FROM population_grid")
    conn.close()
    return path


class Warnings(Capture):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, warning):  # noqa: N802 - Qt API
        self.warnings.append(warning)


def test_offer_mix_without_grid_leaves_population_and_density_empty(tmp_path):
    from qgis import processing

    path = without_grid(build_network_gpkg(tmp_path / "mix.gpkg"))
    feedback = Warnings()
    result = processing.run("observatoire:offer_mix", {
        "GEOPACKAGE": str(path), "OUTPUT_TABLE": "memory:", "OUTPUT_GROUPS": "memory:",
        "OUTPUT_CENTRALITIES": "memory:"}, feedback=feedback)
    rows = [f for f in result["OUTPUT_TABLE"].getFeatures() if f["centrality"] == "Centre O"]
    assert rows and all(f.attribute("population") in (None, NULL)
                        and f.attribute("density_per_1000") in (None, NULL) for f in rows)
    assert any(w.startswith("The population grid is empty: population and density per 1 000 "
                            "inhabitants are left empty.") for w in feedback.warnings)


def test_huff_income_weighting_without_standard_of_living_is_refused(network_gpkg_no_snv,
                                                                     run_alg):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="needs the standard of living"):
        run_alg("huff_model", {"GEOPACKAGE": str(network_gpkg_no_snv), "USE_INCOME": True,
                               "OUTPUT_DESTINATIONS": "memory:"})


@pytest.fixture
def network_gpkg_no_snv(tmp_path, run_alg):
    path = build_network_gpkg(tmp_path / "nosnv.gpkg")
    conn = gpkg.connect(path)
    with gpkg.transaction(conn):
        conn.execute("UPDATE population_grid SET ind_snv = NULL")
    conn.close()
    return path


def test_site_potential_without_grid_skips_the_population_criterion(tmp_path, run_alg):
    from qgis import processing

    path = without_grid(build_network_gpkg(tmp_path / "site.gpkg"))
    run_alg("build_network", {"GEOPACKAGE": str(path)})
    feedback = Capture()
    result = processing.run("observatoire:site_potential", {
        "GEOPACKAGE": str(path), "OUTPUT": "memory:", "WRITE_INDICATORS": False},
        feedback=feedback)
    assert "population" not in result["OUTPUT"].fields().names() or all(
        f.attribute("population") in (None, NULL) for f in result["OUTPUT"].getFeatures())
    assert any("Criterion population skipped: the population grid is empty" in e
               for e in feedback.errors)
