"""The XLSForm generated from the questionnaire converts with pyxform (no QGIS)."""

import re
import shutil

import pytest
from openpyxl import load_workbook

from observatoire_commerce.survey_forms.questionnaire import build_questionnaire
from observatoire_commerce.survey_forms.xlsform import write_xlsform

pyxform = pytest.importorskip("pyxform")
from pyxform.xls2xform import convert  # noqa: E402

CENTRALITIES = [("centre_ville", "Centre-ville"), ("gare", "Quartier de la gare")]


@pytest.fixture(scope="module")
def xlsform(tmp_path_factory):
    path = tmp_path_factory.mktemp("xlsform") / "questionnaire.xlsx"
    return write_xlsform(build_questionnaire(CENTRALITIES), path)


def test_workbook_sheets_and_columns(xlsform):
    workbook = load_workbook(xlsform, read_only=True)
    assert workbook.sheetnames == ["survey", "choices", "settings"]
    survey = list(workbook["survey"].iter_rows(values_only=True))
    assert survey[0][:4] == ("type", "name", "label::Français (fr)", "label::English (en)")
    rows = {r[1]: r for r in survey[1:]}
    assert rows["age_band"][:4] == ("select_one age_band", "age_band", "Quel est votre âge ?",
                                    "How old are you?")
    settings = list(workbook["settings"].iter_rows(values_only=True))
    assert settings == [("form_title", "form_id", "version", "default_language", "style"),
                        ("Observatoire du commerce : vos habitudes et vos attentes",
                         "observatoire_commerce_questionnaire", "2025.2", "Français (fr)",
                         "pages")]
    choices = list(workbook["choices"].iter_rows(values_only=True))
    assert ("centrality_visited", "gare", "Quartier de la gare", "Quartier de la gare") in choices
    assert [c[1] for c in choices if c[0] == "centrality"] == ["centre_ville", "gare",
                                                               "elsewhere"]
    assert ("centrality", "elsewhere", "Ailleurs", "Elsewhere") in choices
    workbook.close()


def test_purchase_centrality_rows(xlsform):
    workbook = load_workbook(xlsform, read_only=True)
    survey = list(workbook["survey"].iter_rows(values_only=True))
    workbook.close()
    header = survey[0]
    rows = {r[1]: dict(zip(header, r)) for r in survey[1:]}
    names = [r[1] for r in survey[1:]]
    row = rows["purchase_home_centrality"]
    assert names.index("purchase_home_centrality") == names.index("purchase_home") + 1
    assert (row["type"], row["relevant"], row["appearance"], row["required"]) == (
        "select_one centrality",
        "(${purchase_home} = 'town_centre' or ${purchase_home} = 'neighbourhood')",
        "minimal", None)
    assert (row["label::Français (fr)"], row["label::English (en)"]) == (
        "Équipement de la maison, bricolage, jardin : dans quelle centralité ?",
        "Household goods, DIY, garden: in which centrality?")
    assert sum(1 for n in names if n.startswith("purchase_") and n.endswith("_centrality")) == 7


def test_pyxform_converts_without_error(xlsform):
    warnings = []
    result = convert(str(xlsform), warnings=warnings, validate=False)
    xform = result.xform
    assert warnings == []
    assert '<translation lang="Français (fr)" default="true()">' in xform
    assert '<translation lang="English (en)">' in xform
    assert "<value>Quel est votre âge ?</value>" in xform
    assert "<value>How old are you?</value>" in xform
    assert 'nodeset="/data/profile/age_band"' in xform
    assert ('<bind nodeset="/data/habits/centrality__gare/frequency__gare" type="string" '
            'required="true()"') in xform
    assert 'relevant="selected( /data/habits/centralities_visited , \'gare\')"' in xform
    assert ('nodeset="/data/satisfaction/satisfaction_parking" type="int" '
            'constraint=". &gt;= 1 and . &lt;= 5"') in xform
    assert "<value>Valeur attendue entre 1 et 5.</value>" in xform
    assert 'version="2025.2"' in xform
    assert "<value>Réponse obligatoire.</value>" in xform
    # the purchase follow-up: relevant on its place, choices from the centrality list
    bind = re.search(r'<bind nodeset="/data/purchases/purchase_food_daily_centrality"[^>]*>',
                     xform).group(0)
    assert ('relevant="( /data/purchases/purchase_food_daily  = \'town_centre\' or '
            ' /data/purchases/purchase_food_daily  = \'neighbourhood\')"') in bind
    assert "required" not in bind
    select = re.search(r'<select1 [^>]*ref="/data/purchases/purchase_food_daily_centrality"'
                       r'[^>]*>', xform).group(0)
    assert 'appearance="minimal"' in select


def test_commune_and_iris_lists_with_choice_filter(tmp_path):
    questionnaire = build_questionnaire(
        CENTRALITIES, communes=[("86194", "Poitiers"), ("86041", "Buxerolles")],
        iris=[("861940101", "Hôtel de Ville", "86194"), ("861940102", "Gare", "86194"),
              ("860410000", "Buxerolles", "86041")])
    path = write_xlsform(questionnaire, tmp_path / "q.xlsx")
    workbook = load_workbook(path, read_only=True)
    choices = list(workbook["choices"].iter_rows(values_only=True))
    assert choices[0] == ("list_name", "name", "label::Français (fr)", "label::English (en)",
                          "commune")
    assert ("iris", "861940102", "Gare", "Gare", "86194") in choices
    workbook.close()
    xform = convert(str(path), validate=False).xform
    assert "instance('iris')/root/item[commune =  /data/profile/home_commune ]" in xform


@pytest.mark.skipif(shutil.which("java") is None, reason="ODK Validate needs Java")
def test_odk_validate_accepts_the_form(xlsform):
    convert(str(xlsform), validate=True)
