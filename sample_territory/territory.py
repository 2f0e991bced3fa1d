"""Demo territory: centralities, premises over four campaigns (2021-2024), population grid, roads.

Everything is drawn from one seeded generator, so the same seed gives the same file content
(uuids included). Coordinates are Lambert-93 (EPSG:2154) around Poitiers' real position.
"""

from __future__ import annotations

import csv
import uuid

import numpy as np

from ..analysis.spatial import points_in_zones
from ..store import geometry, gpkg, tables
from ..store.nomenclatures import RESOURCES

SRS = 2154
CAMPAIGN_YEARS = [2021, 2022, 2023, 2024]

# name, level, centre x, y, radius x, y (m), premises, vacancy targets per year (%),
# median floor area (m²), chain share, activity-group weights
CENTRALITIES = [
    ("Centre-ville", "primary", 496420, 6612300, 560, 430, 640, (10.5, 12.0, 13.5, 12.5), 75, 0.30,
     {"alimentaire": 12, "equipement_personne": 22, "equipement_maison": 7, "culture_loisirs": 9,
          "hygiene_sante_beaute": 12, "cafes_hotels_restaurants": 20, "services_marchands": 13,
          "services_non_marchands": 3, "automobile": 1, "hors_commerce": 1}),
    ("Quartier de la Gare", "secondary", 495640, 6612760, 190, 150, 130, (14.0, 15.5, 17.0, 16.5),
     60, 0.20,
     {"alimentaire": 14, "equipement_personne": 8, "equipement_maison": 5, "culture_loisirs": 6,
          "hygiene_sante_beaute": 12, "cafes_hotels_restaurants": 30, "services_marchands": 19,
          "services_non_marchands": 3, "automobile": 2, "hors_commerce": 1}),
    ("Les Couronneries", "tertiary", 497920, 6613700, 210, 190, 90, (9.0, 10.0, 11.0, 11.5), 90,
     0.25,
     {"alimentaire": 25, "equipement_personne": 6, "equipement_maison": 4, "culture_loisirs": 6,
          "hygiene_sante_beaute": 20, "cafes_hotels_restaurants": 15, "services_marchands": 14,
          "services_non_marchands": 8, "automobile": 1, "hors_commerce": 1}),
    ("Zone commerciale Nord", "peripheral", 498760, 6616120, 520, 380, 110, (5.0, 6.0, 7.0, 8.0),
     900, 0.85,
     {"alimentaire": 12, "equipement_personne": 20, "equipement_maison": 30, "culture_loisirs": 10,
          "hygiene_sante_beaute": 6, "cafes_hotels_restaurants": 10, "services_marchands": 4,
          "services_non_marchands": 0, "automobile": 8, "hors_commerce": 0}),
    ("Bourg de Saint-Benoît", "secondary", 496230, 6608990, 200, 160, 70, (7.0, 6.5, 6.0, 5.0), 70,
     0.10,
     {"alimentaire": 22, "equipement_personne": 8, "equipement_maison": 6, "culture_loisirs": 8,
          "hygiene_sante_beaute": 18, "cafes_hotels_restaurants": 18, "services_marchands": 15,
          "services_non_marchands": 4, "automobile": 1, "hors_commerce": 0}),
    ("Buxerolles – Centre", "tertiary", 497670, 6615380, 170, 140, 55, (8.0, 9.0, 8.0, 7.0), 80,
     0.15,
     {"alimentaire": 24, "equipement_personne": 6, "equipement_maison": 5, "culture_loisirs": 7,
          "hygiene_sante_beaute": 20, "cafes_hotels_restaurants": 16, "services_marchands": 16,
          "services_non_marchands": 5, "automobile": 1, "hors_commerce": 0}),
]
OUTSIDE_PREMISES = 165
OUTSIDE_VACANCY = (9.0, 10.0, 10.5, 11.0)
BBOX = (493000.0, 6606000.0, 501000.0, 6618000.0)
STREETS = ["rue Carnot", "rue Gambetta", "rue des Cordeliers", "Grand'Rue", "rue de la Cathédrale",
           "rue Magenta", "rue du Marché Notre-Dame", "rue Victor Hugo", "rue de la Regratterie",
           "rue des Carmes", "boulevard Solférino", "avenue de Nantes", "rue Jean Jaurès",
           "place du Maréchal Leclerc", "rue de l'Université", "rue Arsène Orillard",
           "avenue du Plateau des Glières", "rue de la Pierre Levée", "route de Paris",
           "rue du Faubourg du Pont-Neuf"]
INDEPENDENT = ["Boulangerie {n}", "Le Comptoir de {n}", "Maison {n}", "Chez {n}", "Atelier {n}",
               "La Boutique de {n}", "Pharmacie {n}", "Optique {n}", "Librairie {n}",
               "Café {n}", "Coiffure {n}", "Fleurs {n}", "Cave {n}", "Épicerie {n}"]
SURNAMES = ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Girard", "Roux", "Fournier",
            "Morel", "Mercier", "Blanc", "Guérin", "Boucher", "Garnier", "Chevalier", "Lefèvre",
            "Rousseau", "Brun", "Faure", "Perrin", "Clément", "Gauthier", "Robin", "Nicolas"]
CHAINS = ["Enseigne Alpha", "Maison Bleue", "Optima", "Pressing Express", "Quick'Pain",
          "Mode & Co", "Casa Dom", "Beauté Plus", "Crédit Régional", "Immo Conseil",
          "Sport Nature", "Ciné-Loisirs", "Auto Service", "Le Fournil Doré"]
AGENTS = ["Camille Moreau", "Julien Bernard", "Inès Girard"]
STATUS_INIT = {"works": 0.01, "other_use": 0.02}


def _uuid(rng) -> str:
    return str(uuid.UUID(bytes=rng.bytes(16), version=4))


def _polygon(rng, cx, cy, rx, ry, vertices=28):
    theta = np.linspace(0, 2 * np.pi, vertices, endpoint=False)
    phase = rng.uniform(0, 2 * np.pi)
    factor = 1 + 0.10 * np.sin(3 * theta + phase) + rng.uniform(-0.04, 0.04, vertices)
    ring = np.column_stack([cx + rx * factor * np.cos(theta), cy + ry * factor * np.sin(theta)])
    ring = np.round(np.vstack([ring, ring[:1]]), 1)
    return [ring]


def _naf_by_group() -> dict:
    with open(RESOURCES / "naf_activity_map.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    groups: dict = {}
    for r in rows:
        groups.setdefault(r["activity_group"], []).append(r["naf_code"])
    return groups


def build(conn, rng) -> None:
    """Fill an empty observatory with the demo territory (inside the caller's transaction)."""
    cents = _centralities(conn, rng)
    _roads(conn, rng)
    _population(conn, rng)
    campaigns = _campaigns(conn, rng)
    premises = _premises(rng, cents)
    _history(conn, rng, premises, campaigns)
    for table in ("centralities", "premises", "roads", "population_grid"):
        gpkg.update_extent(conn, table)


def _centralities(conn, rng) -> list:
    result = []
    for name, level, cx, cy, rx, ry, *_rest in CENTRALITIES:
        polygon = _polygon(rng, cx, cy, rx, ry)
        uid = _uuid(rng)
        tables.insert(
            conn, "centralities", ["uuid", "name", "level", "commune_code", "geom"],
            [(uid, name, level, "86194" if "Saint-Benoît" not in name and "Buxerolles" not in name
              else ("86214" if "Saint-Benoît" in name else "86041"),
              geometry.encode("multipolygon", [polygon], SRS))])
        result.append({"uuid": uid, "polygon": polygon})
    return result


def _campaigns(conn, rng) -> list:
    result = []
    for year in CAMPAIGN_YEARS:
        uid = _uuid(rng)
        tables.insert(
            conn, "campaigns", ["uuid", "name", "year", "start_date", "end_date", "state"],
            [(uid, f"Inventaire {year}", year, f"{year}-10-01", f"{year}-11-30", "closed")])
        result.append({"uuid": uid, "year": year})
    return result


def _sample_in(rng, polygon, n, cx, cy, rx, ry):
    points = np.empty((0, 2))
    while len(points) < n:
        cand = np.column_stack([rng.normal(cx, rx / 1.8, 4 * n), rng.normal(cy, ry / 1.8, 4 * n)])
        inside = points_in_zones(cand, [[polygon]]) == 0
        points = np.vstack([points, cand[inside]])
    return np.round(points[:n], 1)


def _premises(rng, cents) -> list:
    """Premises as dicts (not yet written): position, area, centrality index, targets."""
    premises = []
    for index, (_name, _level, cx, cy, rx, ry, count, targets, area, chain_share, weights) in \
            enumerate(CENTRALITIES):
        xy = _sample_in(rng, cents[index]["polygon"], count, cx, cy, rx, ry)
        for x, y in xy:
            premises.append({"x": x, "y": y, "area": area, "targets": targets, "chain": chain_share,
                                 "weights": weights})
    # premises along the main roads outside every centrality
    zones = [[c["polygon"]] for c in cents]
    outside = np.empty((0, 2))
    while len(outside) < OUTSIDE_PREMISES:
        cand = np.column_stack([rng.uniform(494000, 500000, 400),
                                rng.uniform(6607500, 6617000, 400)])
        cand[:, 0] = np.round(cand[:, 0] / 250) * 250 + rng.choice([-9, 9], len(cand))
        outside = np.vstack([outside, cand[points_in_zones(cand, zones) < 0]])
    default_weights = CENTRALITIES[4][-1]
    for x, y in np.round(outside[:OUTSIDE_PREMISES], 1):
        premises.append({"x": x, "y": y, "area": 110, "targets": OUTSIDE_VACANCY, "chain": 0.2,
                             "weights": default_weights})
    for p in premises:
        p["uuid"] = _uuid(rng)
        p["floor_area"] = float(np.round(p["area"] * rng.lognormal(0, 0.55), 0)) or 10.0
        p["ground_floor"] = int(rng.random() > 0.04)
        p["street"] = STREETS[int(rng.integers(len(STREETS)))]
        p["address"] = f"{int(rng.integers(1, 120))} {p['street']}"
    return premises


def _occupant(rng, p, naf_groups):
    groups = list(p["weights"])
    weights = np.array([p["weights"][g] for g in groups], dtype=float)
    group = groups[int(rng.choice(len(groups), p=weights / weights.sum()))]
    naf = naf_groups[group][int(rng.integers(len(naf_groups[group])))]
    if rng.random() < p["chain"]:
        sign, chain = CHAINS[int(rng.integers(len(CHAINS)))], "chain" if rng.random() < 0.7 \
            else "franchise"
    else:
        template = INDEPENDENT[int(rng.integers(len(INDEPENDENT)))]
        sign, chain = template.format(n=SURNAMES[int(rng.integers(len(SURNAMES)))]), "independent"
    return {"activity_group": group, "naf_code": naf, "sign_name": sign, "chain_type": chain}


def _history(conn, rng, premises, campaigns) -> None:
    """Statuses over the campaigns (a Markov chain steered to each year's vacancy target),
    with four splits and three merges recorded in the 2023 campaign."""
    naf_groups = _naf_by_group()
    reopen = 0.35
    state = {}
    for p in premises:
        r0 = p["targets"][0] / 100
        u = rng.random()
        status = "vacant" if u < r0 else ("works" if u < r0 + STATUS_INIT["works"] else (
            "other_use" if u < r0 + STATUS_INIT["works"] + STATUS_INIT["other_use"]
            else "occupied"))
        state[p["uuid"]] = {"status": status,
                            "occ": _occupant(rng, p, naf_groups) if status == "occupied" else None}
    central = [p for p in premises if p["area"] == CENTRALITIES[0][8]]
    chosen = rng.choice(len(central), 10, replace=False)
    splits = [central[i] for i in chosen[:4]]
    merges = [(central[i], min((q for q in central if q is not central[i]),
                               key=lambda q, a=central[i]:
                               (q["x"] - a["x"]) ** 2 + (q["y"] - a["y"]) ** 2))
              for i in chosen[4:7]]
    retired = {}
    children = []
    split_year = CAMPAIGN_YEARS[2]
    for parent in splits:
        for dx in (-3.0, 3.0):
            child = dict(parent, uuid=_uuid(rng), x=parent["x"] + dx,
                         floor_area=max(10.0, round(parent["floor_area"] / 2)),
                         created_at=f"{split_year}-10-01T00:00:00.000Z", parent=[parent["uuid"]],
                         kind="split")
            children.append(child)
        retired[parent["uuid"]] = split_year
    for a, b in merges:
        if a["uuid"] in retired or b["uuid"] in retired:
            continue
        child = dict(a, uuid=_uuid(rng), x=round((a["x"] + b["x"]) / 2, 1),
                     y=round((a["y"] + b["y"]) / 2, 1),
                     floor_area=a["floor_area"] + b["floor_area"],
                     created_at=f"{split_year}-10-01T00:00:00.000Z",
                     parent=[a["uuid"], b["uuid"]], kind="merge")
        children.append(child)
        retired[a["uuid"]] = retired[b["uuid"]] = split_year
    for child in children:
        state[child["uuid"]] = {"status": "occupied", "occ": _occupant(rng, child, naf_groups)}

    tables.insert(
        conn, "premises", ["uuid", "address", "street", "commune_code", "floor_area",
                           "ground_floor", "created_at", "retired_at", "geom"],
        [(p["uuid"], p["address"], p["street"], "86194", p["floor_area"], p["ground_floor"],
          p.get("created_at", "2021-10-01T00:00:00.000Z"),
          f"{retired[p['uuid']]}-10-01T00:00:00.000Z" if p["uuid"] in retired else None,
          geometry.encode_point(p["x"], p["y"], SRS)) for p in premises + children])
    split_campaign = next(c for c in campaigns if c["year"] == split_year)
    tables.insert(
        conn, "premise_lineage", ["uuid", "parent_uuid", "child_uuid", "kind", "campaign_uuid"],
        [(_uuid(rng), parent, c["uuid"], c["kind"], split_campaign["uuid"])
         for c in children for parent in c["parent"]])

    rows = []
    for year_index, campaign in enumerate(campaigns):
        year = campaign["year"]
        live = [p for p in premises if retired.get(p["uuid"], 9999) > year]
        live += [c for c in children if year >= split_year]
        for p in live:
            s = state[p["uuid"]]
            if year_index > 0 and not (p in children and year == split_year):
                prev_rate = p["targets"][year_index - 1] / 100
                target = p["targets"][year_index] / 100
                close = np.clip((target - prev_rate * (1 - reopen)) / max(1e-6, 1 - prev_rate),
                                0.005, 0.3)
                u = rng.random()
                if s["status"] == "occupied" and u < close:
                    s["status"], s["occ"] = "vacant", None
                elif s["status"] == "occupied" and u > 0.97:  # change of occupant, no vacancy
                    s["occ"] = _occupant(rng, p, naf_groups)
                elif s["status"] in ("vacant", "works") and u < reopen:
                    s["status"], s["occ"] = "occupied", _occupant(rng, p, naf_groups)
                elif s["status"] == "vacant" and u > 0.985:
                    s["status"] = "works"
            occ = s["occ"] or {}
            day = int(rng.integers(0, 60))
            rows.append((
                _uuid(rng), p["uuid"], campaign["uuid"], s["status"], occ.get("activity_group"),
                occ.get("naf_code"), occ.get("sign_name"), occ.get("chain_type"),
                AGENTS[int(rng.integers(len(AGENTS)))],
                f"{np.datetime64(f'{year}-10-01') + np.timedelta64(day, 'D')}T10:00:00.000Z"))
    tables.insert(
        conn, "premise_observations",
        ["uuid", "premise_uuid", "campaign_uuid", "status", "activity_group", "naf_code",
         "sign_name", "chain_type", "agent", "observed_at"], rows)


def _roads(conn, rng) -> None:
    """A routable lattice: 125 m spacing in the town centre, 250 m elsewhere, jittered nodes,
    one-way and pedestrian streets in the centre, a motorway bypass on the east side."""
    x0, y0, x1, y1 = BBOX
    step = 125.0
    nx, ny = int((x1 - x0) / step) + 1, int((y1 - y0) / step) + 1
    jitter = rng.uniform(-18, 18, (nx, ny, 2))
    cx, cy = CENTRALITIES[0][2], CENTRALITIES[0][3]

    def node(i, j):
        return (round(x0 + i * step + jitter[i, j, 0], 1),
                round(y0 + j * step + jitter[i, j, 1], 1))

    def fine(i, j):
        return abs(x0 + i * step - cx) <= 900 and abs(y0 + j * step - cy) <= 700

    motorway_i = int((500500 - x0) / step)
    rows = []
    for i in range(nx):
        for j in range(ny):
            for di, dj in ((1, 0), (0, 1)):
                a, b = (i, j), (i + di, j + dj)
                if b[0] >= nx or b[1] >= ny:
                    continue
                line_on_coarse = (j % 2 == 0) if di else (i % 2 == 0)
                if not (line_on_coarse or (fine(*a) and fine(*b))):
                    continue
                if dj and i == motorway_i:
                    cls, oneway, speed, name = "motorway", 0, 110.0, "Rocade Est"
                elif (di and j % 16 == 0) or (dj and i % 16 == 0):
                    cls, oneway, speed, name = "primary", 0, 50.0, "Avenue"
                elif (di and j % 8 == 0) or (dj and i % 8 == 0):
                    cls, oneway, speed, name = "secondary", 0, 50.0, "Boulevard"
                else:
                    cls, oneway, speed, name = "residential", 0, 30.0, "Rue"
                mx = x0 + (i + di / 2) * step - cx
                my = y0 + (j + dj / 2) * step - cy
                if cls == "residential" and fine(*a) and fine(*b):
                    u = rng.random()
                    if mx * mx + my * my < 300 ** 2 and u < 0.4:
                        cls, speed = "pedestrian", None
                    elif u < 0.55:
                        oneway = 1 if rng.random() < 0.5 else -1
                if cls == "residential" and rng.random() < 0.06 and not fine(*a):
                    continue  # a few missing links outside the centre
                if dj == 0 and i == motorway_i - 1 and j % 8:
                    continue  # the motorway is crossed by few roads
                line = np.array([node(*a), node(*b)])
                rows.append((_uuid(rng), f"{name} {i}-{j}", cls, oneway, speed, None,
                             geometry.encode("linestring", line, SRS)))
    tables.insert(conn, "roads", ["uuid", "name", "road_class", "oneway", "maxspeed",
                                  "source_id", "geom"], rows)


def _population(conn, rng) -> None:
    """200 m cells with Filosofi columns; density from kernels around the centralities."""
    x0, y0, x1, y1 = BBOX
    xs = np.arange(x0, x1, 200.0)
    ys = np.arange(y0, y1, 200.0)
    gx, gy = np.meshgrid(xs + 100, ys + 100)
    density = 3.0 * np.ones_like(gx)
    for (_n, level, cx, cy, rx, ry, *_r), peak in zip(CENTRALITIES, (190, 110, 260, 4, 60, 70)):
        spread = 2.6 * max(rx, ry) if level != "peripheral" else 300
        density += peak * np.exp(-((gx - cx) ** 2 + (gy - cy) ** 2) / (2 * spread ** 2))
    density *= rng.lognormal(0, 0.35, density.shape)
    density[np.abs(gx - 500500) < 150] = 0  # motorway corridor
    zc = CENTRALITIES[3]
    density[(np.abs(gx - zc[2]) < zc[4]) & (np.abs(gy - zc[3]) < zc[5])] *= 0.02
    ind = np.round(density * 2) / 2
    age_bands = ["ind_0_3", "ind_4_5", "ind_6_10", "ind_11_17", "ind_18_24", "ind_25_39",
                 "ind_40_54", "ind_55_64", "ind_65_79", "ind_80p"]
    base_shares = np.array([4, 2.5, 6, 8, 9, 19, 19, 13, 14, 5.5]) / 100
    rows = []
    for (j, i), total in np.ndenumerate(ind):
        if total < 1:
            continue
        x, y = xs[i], ys[j]
        near_centre = np.hypot(x - CENTRALITIES[0][2], y - CENTRALITIES[0][3]) < 1500
        couronneries = np.hypot(x - CENTRALITIES[2][2], y - CENTRALITIES[2][3]) < 800
        shares = base_shares.copy()
        if near_centre:
            shares[4] += 0.12  # students
        shares /= shares.sum()
        bands = np.round(rng.multinomial(int(total * 2), shares) / 2, 1)
        bands[-1] += round(total - bands.sum(), 1)
        bands[-1] = max(bands[-1], 0)
        household = 1.6 if near_centre else 2.3
        men = round(total / household, 1)
        poverty = 0.35 if couronneries else 0.12
        living = 15500 if couronneries else 22500
        ring = np.array([[x, y], [x + 200, y], [x + 200, y + 200], [x, y + 200], [x, y]])
        rows.append((_uuid(rng), f"CRS2154RES200mN{int(y)}E{int(x)}", float(total), men,
                     round(men * poverty, 1), round(total * living * rng.lognormal(0, 0.1), 0),
                     *[float(b) for b in bands], 0.0, 0, geometry.encode("polygon", [ring], SRS)))
    cols = ["uuid", "idcar_200m", "ind", "men", "men_pauv", "ind_snv", *age_bands,
            "ind_inc", "i_est_200", "geom"]
    tables.insert(conn, "population_grid", cols, rows)
