"""Table Schemas of the open-data export: the observatory's own resources (French titles and
descriptions, the language of the published data) and the national schemas shipped in
``resources/schemas/`` for the flows.

Each own resource's schema is a list of fields ``(name, type, title, description,
constraints)``; :func:`table_schema` turns it into a Frictionless Table Schema. National
schemas are copied into the package unchanged (:func:`national_schema`).
"""

from __future__ import annotations

import json
from typing import Dict, List

from ..__about__ import PLUGIN_DIR

SCHEMAS_DIR = PLUGIN_DIR / "resources" / "schemas"

#: resource name → (schema file in resources/schemas, national schema title)
NATIONAL = {
    "counting_sites": ("comptage-mobilites_site_schema.json",
                       "Comptage des mobilités (site) 0.2.4"),
    "counting_channels": ("comptage-mobilites_channel_schema.json",
                          "Comptage des mobilités (channel) 0.2.4"),
    "counts_daily": ("comptage-mobilites_measure_schema.json",
                     "Comptage des mobilités (measure) 0.2.4"),
    "parkings": ("stationnement_schema_v0.1.5.json", "Lieux de stationnement 0.1.5"),
    "carpool_areas": ("lieux-covoiturage_schema_v0.2.0.json",
                      "Lieux de covoiturage (BNLC) 0.2.0"),
}

LONLAT = [
    ("lon", "number", "Longitude", "Longitude WGS 84 (EPSG:4326), degrés décimaux",
     {"minimum": -180, "maximum": 180}),
    ("lat", "number", "Latitude", "Latitude WGS 84 (EPSG:4326), degrés décimaux",
     {"minimum": -90, "maximum": 90}),
]
CENTRALITY = [
    ("centrality_code", "string", "Code de la centralité",
     "Centralité où se trouve le lieu (vide : hors de toute centralité)", {}),
    ("centrality_name", "string", "Centralité", "Nom de la centralité", {}),
]

FIELDS: Dict[str, List[tuple]] = {
    "premises": [
        ("premise_id", "string", "Identifiant du local", "Identifiant stable du local (uuid)",
         {"required": True, "unique": True}),
        ("campaign", "string", "Campagne", "Campagne d'inventaire observée", {"required": True}),
        ("status", "string", "Statut", "Code du statut d'occupation", {"required": True}),
        ("status_label", "string", "Statut (libellé)", "Occupé, vacant, en travaux…", {}),
        ("activity_group", "string", "Groupe d'activité", "Code du groupe d'activité", {}),
        ("activity_group_label", "string", "Groupe d'activité (libellé)", "", {}),
        ("naf_code", "string", "Code NAF", "Activité principale (NAF rév. 2)",
         {"pattern": r"^\d{2}\.\d{2}[A-Z]$"}),
        ("naf_label", "string", "Activité (NAF)", "Libellé NAF rév. 2", {}),
        ("sign_name", "string", "Enseigne",
         "Enseigne observée ; vide pour les entrepreneurs individuels dont la fiche SIRENE "
         "n'est pas diffusible", {}),
        ("chain_type", "string", "Type de commerce",
         "independent (indépendant), franchise, chain (succursale)", {}),
        ("address", "string", "Adresse", "", {}),
        ("street", "string", "Voie", "", {}),
        ("commune_code", "string", "Code commune", "Code INSEE de la commune", {}),
        ("floor_area", "number", "Surface", "Surface de vente en m²", {"minimum": 0}),
        ("ground_floor", "boolean", "Rez-de-chaussée", "Local en rez-de-chaussée", {}),
        *CENTRALITY, *LONLAT,
    ],
    "services": [
        ("service_id", "string", "Identifiant", "Identifiant stable (uuid)",
         {"required": True, "unique": True}),
        ("typequ", "string", "Type d'équipement", "Code TYPEQU de la BPE (Insee)",
         {"required": True}),
        ("label", "string", "Équipement", "Libellé du type d'équipement", {}),
        ("domain", "string", "Domaine", "Domaine BPE (A à G)", {}),
        ("domain_label", "string", "Domaine (libellé)", "", {}),
        ("range", "string", "Gamme", "proximite, intermediaire ou superieure", {}),
        ("vintage", "string", "Millésime", "Millésime de la BPE", {}),
        ("commune_code", "string", "Code commune", "Code INSEE de la commune", {}),
        *CENTRALITY, *LONLAT,
    ],
    "producers": [
        ("producer_id", "string", "Identifiant", "Identifiant stable (uuid)",
         {"required": True, "unique": True}),
        ("name", "string", "Nom", "Nom du producteur ou de l'exploitation", {}),
        ("products", "string", "Produits", "Codes des produits, séparés par « ; »", {}),
        ("products_labels", "string", "Produits (libellés)", "", {}),
        ("sales_modes", "string", "Modes de vente", "Codes séparés par « ; »", {}),
        ("sales_modes_labels", "string", "Modes de vente (libellés)", "", {}),
        ("organic", "boolean", "Agriculture biologique", "", {}),
        ("commune_code", "string", "Code commune", "Code INSEE de la commune", {}),
        *CENTRALITY, *LONLAT,
    ],
    "markets": [
        ("market_id", "string", "Identifiant", "Identifiant stable (uuid)",
         {"required": True, "unique": True}),
        ("name", "string", "Nom", "Nom du marché", {}),
        ("days", "string", "Jours", "Jours de marché, séparés par « ; » (lundi…dimanche)", {}),
        ("sessions_per_week", "number", "Séances par semaine", "", {"minimum": 0}),
        ("hours", "string", "Horaires", "Horaires tels que publiés", {}),
        ("organic", "boolean", "Marché biologique", "", {}),
        ("commune_code", "string", "Code commune", "Code INSEE de la commune", {}),
        *CENTRALITY, *LONLAT,
    ],
    "centralities": [
        ("centrality_id", "string", "Identifiant", "Identifiant stable (uuid)",
         {"required": True, "unique": True}),
        ("centrality_code", "string", "Code", "Code de la centralité", {"required": True}),
        ("name", "string", "Nom", "", {"required": True}),
        ("level", "string", "Niveau", "primary, secondary, tertiary ou peripheral", {}),
        ("level_label", "string", "Niveau (libellé)", "", {}),
        ("commune_code", "string", "Code commune", "Code INSEE de la commune", {}),
        ("area_ha", "number", "Surface", "Surface du périmètre en hectares", {"minimum": 0}),
        *LONLAT,
    ],
    "indicators": [
        ("scope", "string", "Portée",
         "centrality (une centralité), outside (hors centralités), territory", {}),
        ("centrality_code", "string", "Code de la centralité", "", {}),
        ("centrality_name", "string", "Centralité", "", {}),
        ("indicator", "string", "Indicateur", "Code de l'indicateur", {"required": True}),
        ("period", "string", "Période", "Campagne, année, mois, semaine ISO ou intervalle",
         {"required": True}),
        ("period_kind", "string", "Type de période",
         "campaign, year, month, week, day, range ou other", {}),
        ("value", "number", "Valeur", "", {}),
        ("unit", "string", "Unité", "", {}),
        ("algorithm", "string", "Traitement", "Algorithme qui l'a calculé", {}),
        ("computed_at", "date", "Calculé le", "", {}),
    ],
}
FIELDS["survey_indicators"] = FIELDS["indicators"] + [
    ("respondents", "integer", "Répondants",
     "Nombre de réponses (non pondéré) derrière la valeur ; jamais moins de 11",
     {"required": True, "minimum": 11}),
    ("ci_low", "number", "Borne basse", "Intervalle de confiance à 95 %, borne basse", {}),
    ("ci_high", "number", "Borne haute", "Intervalle de confiance à 95 %, borne haute", {}),
    ("low_precision", "boolean", "Précision faible", "Moins de 30 répondants", {}),
]

TITLES = {
    "premises": ("Locaux commerciaux",
                 "Locaux commerciaux observés lors de la dernière campagne d'inventaire close : "
                 "statut d'occupation, groupe d'activité, code NAF, enseigne, centralité."),
    "services": ("Services", "Équipements et services de la Base permanente des équipements "
                             "(Insee), dernier millésime."),
    "producers": ("Producteurs en circuit court", "Producteurs, produits et modes de vente."),
    "markets": ("Marchés", "Marchés : jours, horaires, séances par semaine."),
    "centralities": ("Centralités", "Périmètres des centralités commerciales."),
    "indicators": ("Indicateurs des centralités",
                   "Dernière valeur connue de chaque indicateur calculé par l'observatoire, "
                   "par centralité et type de période."),
    "survey_indicators": ("Indicateurs de l'enquête",
                          "Indicateurs issus du questionnaire aux habitants ; jamais les "
                          "réponses individuelles. Secret statistique : aucune valeur ne repose "
                          "sur moins de 11 répondants ; moins de 30 : précision faible."),
    "counting_sites": ("Sites de comptage", "Sites de comptage des mobilités (schéma national "
                                            "« comptage des mobilités »)."),
    "counting_channels": ("Canaux de comptage", "Canaux de comptage (schéma national). Les "
                                                "mesures publiées sont journalières."),
    "counts_daily": ("Comptages journaliers",
                     "Passages par canal et par jour (schéma national, agrégés au jour ; "
                     "journée incomplète : comptage vide)."),
    "parkings": ("Parcs de stationnement", "Parcs de stationnement hors voirie (schéma "
                                           "national « stationnement »)."),
    "carpool_areas": ("Lieux de covoiturage", "Aires et lieux de covoiturage (schéma de la Base "
                                              "nationale des lieux de covoiturage)."),
}

#: Resources with a geometry (GeoJSON + GeoPackage layer) and its GeoPackage type.
GEOMETRY = {"premises": "POINT", "services": "POINT", "producers": "POINT", "markets": "POINT",
            "centralities": "MULTIPOLYGON", "counting_sites": "POINT", "parkings": "POINT",
            "carpool_areas": "POINT"}


def table_schema(name: str) -> dict:
    """The Frictionless Table Schema of one of the observatory's own resources."""
    fields = []
    for field_name, kind, title, description, constraints in FIELDS[name]:
        field = {"name": field_name, "type": kind, "title": title}
        if description:
            field["description"] = description
        if kind == "boolean":
            field["trueValues"], field["falseValues"] = ["true"], ["false"]
        if constraints:
            field["constraints"] = dict(constraints)
        fields.append(field)
    schema = {"fields": fields, "missingValues": [""]}
    key = FIELDS[name][0][0]
    if FIELDS[name][0][4].get("unique"):
        schema["primaryKey"] = [key]
    return schema


def field_names(name: str) -> List[str]:
    """Column order of a resource (own or national)."""
    if name in FIELDS:
        return [f[0] for f in FIELDS[name]]
    return [f["name"] for f in national_schema(name)["fields"]]


def field_types(name: str) -> Dict[str, str]:
    if name in FIELDS:
        return {f[0]: f[1] for f in FIELDS[name]}
    return {f["name"]: f["type"] for f in national_schema(name)["fields"]}


def national_schema(name: str) -> dict:
    """The national Table Schema of a flow resource, as shipped."""
    file_name = NATIONAL[name][0]
    return json.loads((SCHEMAS_DIR / file_name).read_text(encoding="utf-8"))
