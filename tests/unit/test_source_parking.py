"""Car parks (schema stationnement 0.1.5) and occupancy time series."""

import json

import pandas as pd
import pytest

from observatoire_commerce.ingest.sources.parking import (
    PARKING_FIELDS,
    read_occupancy,
    read_parkings,
)
from observatoire_commerce.ingest.sources.tabular import specs_from_table_schema


def test_builtin_fields_match_the_published_schema(shared_data):
    schema = json.loads((shared_data / "schemas" / "stationnement_schema_v0.1.5.json")
                        .read_text(encoding="utf-8"))

    def key(s):
        # we add ``minimum 0`` to the place counts; everything else is the published schema
        minimum = None if s.type == "integer" else s.minimum
        return (s.name, s.type, s.required, s.enum, s.pattern, minimum, s.maximum,
                s.true_values, s.false_values)
    assert [key(s) for s in PARKING_FIELDS] == [key(s) for s in specs_from_table_schema(schema)]

def test_schema_examples(shared_data):
    s = shared_data / "schemas"
    parks, report = read_parkings(s / "stationnement_exemple-valide.csv")
    assert report.ok and parks.id.tolist() == ["75114-P-001", "75114-P-002"]
    assert parks.nb_places.tolist() == [325, 325] and parks.gratuit.all()
    assert parks.hauteur_max.tolist() == ["290", "N/A"]
    bad, report = read_parkings(s / "stationnement_exemple-invalide.csv")
    assert bad.empty
    assert {r.field for r in report.rejected} == {"id", "tarif_pmr"}
    assert all(r.row == 2 for r in report.rejected)


def test_reserved_places_cannot_exceed_the_total(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text(
        "id,nom,insee,type_usagers,gratuit,nb_places,nb_pmr,hauteur_max,num_siret,Xlong,Ylat\n"
        "86194-P-001,BLOSSAC,86194,tous,faux,600,12,190,21860194400013,0.337,46.576\n"
        "86194-P-002,TOUMAI,86194,tous,faux,10,12,190,21860194400013,0.34,46.58\n",
        encoding="utf-8")
    parks, report = read_parkings(path)
    assert parks.id.tolist() == ["86194-P-001"] and parks.gratuit.tolist() == [False]
    assert [(r.row, r.field) for r in report.rejected] == [(3, "nb_pmr")]


def test_occupancy_series(fixture_path, tmp_path):
    occ, report = read_occupancy(fixture_path("flows/occupancy.csv", tmp_path),
                                 capacities={"86194-P-002": 200})
    assert occ.source_row.tolist() == [2, 3, 4, 5]
    assert occ.occupied.tolist() == [300, 350, 360, 180]
    assert occ.occupancy_rate.tolist() == pytest.approx([0.75, 0.875, 0.9, 0.9])
    assert occ.capacity.tolist() == [400, 400, 400, 200]  # the last from the car park list
    assert occ.timestamp_utc.iloc[2] == pd.Timestamp("2023-12-09 11:00", tz="UTC")  # naive
    rejected = {r.row: r.reason for r in report.rejected}
    assert sorted(rejected) == [6, 7, 8, 9, 10, 11]
    assert "at most the capacity (400)" in rejected[6]
    assert "free + occupied = capacity" in rejected[7]
    assert "duplicate" in rejected[8]
    assert "capacity > 0" in rejected[9]
    assert "required" in rejected[10]
    assert "free or of occupied" in rejected[11]


def test_occupancy_column_errors(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("parking;quand;taux\nP;2023-01-01T10:00:00Z;0.5\n", encoding="utf-8")
    with pytest.raises(ValueError, match="parking_id"):
        read_occupancy(path)
    with pytest.raises(ValueError, match="free_places or occupied_places.*columns read: "
                                         "parking, quand, taux"):
        read_occupancy(path, mapping={"parking_id": "parking", "timestamp": "quand"})
    occ, report = read_occupancy(path, mapping={"parking_id": "parking", "timestamp": "quand",
                                                "occupied": "taux", "capacity": "taux"})
    assert occ.occupancy_rate.tolist() == [1.0]
