"""OpenStreetMap shops: hstore parsing, tag classification, GeoJSON fixture, real Monaco extract."""

from pathlib import Path

import pytest

from observatoire_commerce.ingest.sources.osm_shops import (
    COLUMNS,
    classify,
    load_activity_map,
    parse_hstore,
    read_osm,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "offer"


def test_parse_hstore():
    text = '"shop"=>"supermarket","name"=>"Le \\"Petit\\" Marché","opening_hours"=>"Mo-Sa 8:30"'
    assert parse_hstore(text) == {"shop": "supermarket", "name": 'Le "Petit" Marché',
                                  "opening_hours": "Mo-Sa 8:30"}
    assert parse_hstore(None) == {} and parse_hstore("") == {}


def test_classify():
    amap = load_activity_map()
    assert classify({"shop": "bakery"}, amap) == ("shop", "bakery", "alimentaire", "occupied")
    assert classify({"shop": "convenience;doityourself"}, amap)[2] == "alimentaire"
    assert classify({"amenity": "cafe"}, amap)[2] == "cafes_hotels_restaurants"
    assert classify({"craft": "carpenter"}, amap)[2] == "services_marchands"  # craft,* row
    assert classify({"shop": "vacant"}, amap)[3] == "vacant"
    assert classify({"amenity": "bench"}, amap) == (None, "amenity=bench not a shop front")
    # shop wins over amenity
    assert classify({"amenity": "cafe", "shop": "books"}, amap)[0] == "shop"


def test_geojson_export():
    result = read_osm(DATA / "osm_export.geojson")
    c = result.candidates.set_index("source_id")
    assert list(result.candidates.columns) == COLUMNS
    # 8 features: bench skipped (counted), florist without geometry rejected, 6 candidates
    assert list(c.index) == ["node/1", "node/2", "way/3", "node/5", "node/6", "node/7"]
    assert c.loc["node/1", "address"] == "4 Rue Gambetta, 86000 Poitiers"
    assert c.loc["node/2", "chain_type"] == "chain"
    # square (0,0)-(2,2): area centroid (1, 1)
    assert (c.loc["way/3", "x"], c.loc["way/3", "y"]) == (pytest.approx(1.0), pytest.approx(1.0))
    assert c.loc["way/3", "value"] == "supermarket"
    assert c.loc["node/6", "status"] == "vacant"
    assert c.loc["node/5", "activity_group"] is None
    assert result.skipped == {"amenity=bench not a shop front": 1}
    assert [(r.row, r.field) for r in result.report.rejected] == [(8, "geometry")]
    assert [(r.row, r.value) for r in result.report.warnings] == [(5, "yes")]
    assert result.report.rows_read == 8 and result.report.rows_accepted == 6


def test_failure_paths(tmp_path):
    with pytest.raises(ValueError, match="not found"):
        read_osm(tmp_path / "missing.pbf")
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json")
    with pytest.raises(ValueError, match="not a GeoJSON"):
        read_osm(bad)


def test_real_monaco_extract(shared_data):
    pytest.importorskip("osgeo.gdal")
    result = read_osm(shared_data / "osm" / "monaco.osm.pbf")
    c = result.candidates
    nodes = c[c["osm_type"] == "node"]
    # MANIFEST: 88 shop nodes
    assert (nodes["key"] == "shop").sum() == 88
    shops = nodes[nodes["key"] == "shop"]
    assert (shops["value"] == "bakery").sum() == 12
    assert (shops[shops["value"] == "supermarket"]["activity_group"] == "alimentaire").all()
    # every shop node has a group except the two shop=yes, reported as warnings
    assert shops["activity_group"].isna().sum() == 2
    assert len(result.report.warnings) == 2
    restaurants = nodes[(nodes["key"] == "amenity") & (nodes["value"] == "restaurant")]
    assert len(restaurants) == 75
    assert (restaurants["activity_group"] == "cafes_hotels_restaurants").all()
    assert result.skipped["amenity=bench not a shop front"] == 30
    # coordinates in WGS 84 inside the extract's extent
    assert c["x"].between(7.349, 7.491).all() and c["y"].between(43.71, 43.77).all()
