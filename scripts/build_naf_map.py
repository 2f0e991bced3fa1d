"""Build resources/nomenclatures/naf_activity_map.csv from INSEE's NAF rév. 2 list.

Usage: python scripts/build_naf_map.py ../shared/data/nomenclatures/naf_rev2.csv

Every sub-class (``47.11F``) is written with the activity group of its longest matching
rule below; sub-classes that cannot occupy a shop front fall into ``hors_commerce``.
The CSV is committed; users edit the copy inside their GeoPackage (table naf_activity_map).
"""

import csv
import sys
from pathlib import Path

RULES = {
    # C 10 - craft food makers selling over the counter (bakers, butchers, chocolatiers)
    "10.13B": "alimentaire", "10.71B": "alimentaire", "10.71C": "alimentaire",
    "10.71D": "alimentaire", "10.82Z": "alimentaire",
    # G 45 - motor trade with a shop front
    "45.11Z": "automobile", "45.19Z": "automobile", "45.20": "automobile",
    "45.32Z": "automobile", "45.40Z": "automobile",
    # G 47 - retail trade
    "47.11": "alimentaire", "47.19A": "equipement_personne", "47.19B": "equipement_maison",
    "47.2": "alimentaire", "47.26Z": "culture_loisirs", "47.30Z": "automobile",
    "47.4": "equipement_maison", "47.5": "equipement_maison",
    "47.6": "culture_loisirs",
    "47.71Z": "equipement_personne", "47.72": "equipement_personne",
    "47.73Z": "hygiene_sante_beaute", "47.74Z": "hygiene_sante_beaute",
    "47.75Z": "hygiene_sante_beaute", "47.76Z": "equipement_maison",
    "47.77Z": "equipement_personne", "47.78A": "hygiene_sante_beaute",
    "47.78B": "equipement_maison", "47.78C": "culture_loisirs", "47.79Z": "equipement_maison",
    "47.81Z": "alimentaire", "47.82Z": "equipement_personne", "47.89Z": "equipement_maison",
    # I 55-56 - accommodation and food service
    "55.10Z": "cafes_hotels_restaurants", "55.20Z": "cafes_hotels_restaurants",
    "56.10": "cafes_hotels_restaurants", "56.21Z": "alimentaire",
    "56.29B": "cafes_hotels_restaurants", "56.30Z": "cafes_hotels_restaurants",
    # J, K, L, M, N - business services that occupy premises
    "53.10Z": "services_non_marchands", "53.20Z": "services_marchands",
    "59.14Z": "culture_loisirs",
    "64.19Z": "services_marchands", "65.11Z": "services_marchands",
    "65.12Z": "services_marchands", "66.12Z": "services_marchands", "66.19B": "services_marchands",
    "66.22Z": "services_marchands", "68.31Z": "services_marchands",
    "69.10Z": "services_marchands", "74.20Z": "services_marchands", "75.00Z": "services_marchands",
    "77.11": "automobile", "77.21Z": "services_marchands", "77.22Z": "culture_loisirs",
    "77.29Z": "services_marchands", "78.20Z": "services_marchands", "78.10Z": "services_marchands",
    "79.11Z": "services_marchands", "79.12Z": "services_marchands", "79.90Z": "services_marchands",
    "82.19Z": "services_marchands",
    # O, P, Q, R - public, education, health, culture services with a front
    "84.11Z": "services_non_marchands", "84.30": "services_non_marchands",
    "85.51Z": "culture_loisirs", "85.52Z": "culture_loisirs", "85.53Z": "services_marchands",
    "85.59": "services_marchands",
    "86.21Z": "hygiene_sante_beaute", "86.22": "hygiene_sante_beaute",
    "86.23Z": "hygiene_sante_beaute", "86.90": "hygiene_sante_beaute",
    "88.91A": "services_non_marchands", "88.99B": "services_non_marchands",
    "90.04Z": "culture_loisirs", "91.01Z": "services_non_marchands",
    "91.02Z": "culture_loisirs", "92.00Z": "culture_loisirs", "93.13Z": "culture_loisirs",
    "93.29Z": "culture_loisirs",
    # S 94-96 - associations, repairs, personal services
    "94.11Z": "services_non_marchands", "94.12Z": "services_non_marchands",
    "94.20Z": "services_non_marchands", "94.91Z": "services_non_marchands",
    "94.92Z": "services_non_marchands", "94.99Z": "services_non_marchands",
    "95": "services_marchands", "96.01B": "services_marchands",
    "96.02A": "hygiene_sante_beaute", "96.02B": "hygiene_sante_beaute",
    "96.03Z": "services_marchands", "96.04Z": "hygiene_sante_beaute",
    "96.09Z": "services_marchands",
}


def group_of(code: str) -> str:
    best = ""
    for prefix in RULES:
        if code.startswith(prefix) and len(prefix) > len(best):
            best = prefix
    return RULES[best] if best else "hors_commerce"


def main(source: str) -> None:
    out = Path(__file__).resolve().parent.parent / "resources/nomenclatures/naf_activity_map.csv"
    with open(source, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["niveau"] == "sous-classe"]
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["naf_code", "naf_label", "activity_group"])
        for row in rows:
            writer.writerow([row["code"], row["libelle"], group_of(row["code"])])
    print(f"{len(rows)} sub-classes written to {out}")


if __name__ == "__main__":
    main(sys.argv[1])
