"""Demo fieldwork: campaign "Inventaire 2025", two agents' field packages and scripted edits.

``make demo`` runs the algorithms through ``qgis_process`` and calls :func:`add_duplicate_premise`
(before the campaign opens) and :func:`play_agent` (on each package) from here; :func:`run` does
the whole scenario with the store alone (no QGIS, no .qgz), for tests and benchmarks.

Scenario (deterministic: everything is chosen by premise uuid order):

- the office recorded one premise of the station district twice (``add_duplicate_premise``);
- Camille (package: Centre-ville) visits 420 premises of the town centre: most are confirmed,
  one in twenty changed (occupied ↔ vacant), photos of the changed ones; she finds a new premise;
  on the two *shared* premises she changes the sign;
- Yanis (package: Quartier de la Gare and Centre-ville) visits the station district (all but
  two premises), deletes the duplicate, and on the shared premises changes the chain type of the
  first (same premise, another field: both edits arrive) and the sign of the second (same
  field: a conflict, Camille synchronised first so her value is kept and his is reported).
"""

from __future__ import annotations

import uuid
from pathlib import Path

from ..fieldwork import packages as field_packages
from ..fieldwork import sync as field_sync
from ..jobs import campaigns, zones
from ..store import gpkg, readers, tables
from ..store.geometry import decode, encode_point

CAMPAIGN = {"name": "Inventaire 2025", "start": "2025-03-01", "end": "2025-04-30"}
SOURCE_CAMPAIGN = "Inventaire 2024"
AGENTS = {
    "camille": ("Camille Durand", ("Centre-ville",)),
    "yanis": ("Yanis Benali", ("Quartier de la Gare", "Centre-ville")),
}
DUPLICATE_ADDRESS_NOTE = "Saisi deux fois (import 2024)"
CAMILLE_VISITS = 420
CHANGE_EVERY = 20
YANIS_LEFT_TO_VISIT = 2
NEW_PREMISE = {"address": "12 rue des Cordeliers", "street": "rue des Cordeliers",
               "floor_area": 48.0, "status": "occupied",
               "activity_group": "hygiene_sante_beaute", "sign_name": "Atelier Beauté",
               "naf_code": "96.02B", "chain_type": "independent"}
FAKE_JPEG = b"\xff\xd8\xff\xe0" + b"observatoire-demo" + b"\xff\xd9"


def add_duplicate_premise(conn) -> str:
    """The office's mistake: the first station-district premise recorded a second time."""
    gare = tables.key_map(conn, "centralities", "name", "uuid").get("Quartier de la Gare")
    assignment = zones.assign_centralities(readers.premises(conn), readers.centralities(conn))
    original = sorted(p for p, c in assignment.items() if gare and c == gare)[0]
    row = tables.first(conn, "premises", where={"uuid": original})
    _kind, (x, y) = decode(row["geom"])
    duplicate = str(uuid.uuid5(uuid.NAMESPACE_URL, f"observatoire-demo/duplicate/{original}"))
    with gpkg.transaction(conn):
        tables.insert_dicts(conn, "premises", [{
            "uuid": duplicate, "address": row["address"], "street": row["street"],
            "commune_code": row["commune_code"], "floor_area": row["floor_area"],
            "ground_floor": row["ground_floor"], "created_at": "2024-11-15",
            "notes": DUPLICATE_ADDRESS_NOTE, "geom": encode_point(x + 1.5, y + 1.5, 2154)}])
    return duplicate


def _observations(conn, campaign_uuid: str, centrality_names) -> list:
    """The package's observations of the premises in the named centralities, by premise uuid."""
    wanted = set(tables.values(conn, "centralities", "uuid", {"name": tuple(centrality_names)}))
    assignment = zones.assign_centralities(readers.premises(conn), readers.centralities(conn))
    rows = tables.rows(conn, "premise_observations", where={"campaign_uuid": campaign_uuid},
                       order_by=["premise_uuid"])
    return [r for r in rows if assignment.get(r["premise_uuid"]) in wanted]


def shared_premises(conn, campaign_uuid: str) -> list:
    """The two town-centre premises both agents edit: the first two occupied ones with a sign."""
    candidates = [o for o in _observations(conn, campaign_uuid, ("Centre-ville",))
                  if o["status"] == "occupied" and o["sign_name"]]
    return [o["premise_uuid"] for o in candidates[:2]]


def _photo_name(premise_uuid: str, campaign_uuid: str, stamp: str) -> str:
    """The name the form's attachment widget gives a photo (see survey_forms/inventory_form)."""
    return f"DCIM/{premise_uuid}_{campaign_uuid}_{stamp}.jpg"


def _changed(obs: dict, index: int) -> dict:
    if obs["status"] == "occupied":
        return {"status": "vacant", "activity_group": None, "naf_code": None,
                "sign_name": None, "chain_type": None}
    return {"status": "occupied", "activity_group": "cafes_hotels_restaurants",
            "naf_code": "56.10A", "sign_name": f"Nouveau commerce {index}",
            "chain_type": "independent"}


def _update(conn, obs_uuid: str, values: dict) -> None:
    """An edit as QField writes it (the table's last change is not touched)."""
    tables.update(conn, "premise_observations", "uuid", [dict(values, uuid=obs_uuid)],
                  touch=False)


def _observation(conn, premise_uuid: str, campaign_uuid: str) -> dict:
    return tables.first(conn, "premise_observations",
                        where={"premise_uuid": premise_uuid, "campaign_uuid": campaign_uuid})


def play_agent(package_dir, who: str) -> dict:
    """Apply agent ``who``'s scripted edits to the package's data file (as QField would).

    Returns counts: confirmed, changed, new premises, deleted premises, photos.
    """
    package_dir = Path(package_dir)
    manifest = field_packages.read_manifest(package_dir)
    agent, _centralities = AGENTS[who]
    campaign_uuid = manifest["campaign_uuid"]
    conn = gpkg.connect(package_dir / manifest["data_file"])
    counts = {"confirmed": 0, "changed": 0, "new_premises": 0, "deleted_premises": 0,
              "photos": 0}
    try:
        shared = shared_premises(conn, campaign_uuid)
        with gpkg.transaction(conn):
            if who == "camille":
                _play_camille(conn, package_dir, campaign_uuid, agent, shared, counts)
            else:
                _play_yanis(conn, campaign_uuid, agent, shared, counts)
    finally:
        conn.close()
    return counts


def _visit(conn, obs, agent, day, values, state) -> None:
    _update(conn, obs["uuid"], {**values, "visit_state": state, "agent": agent,
                                "observed_at": f"2025-03-{day:02d}T10:00:00.000Z"})


def _play_camille(conn, package_dir, campaign_uuid, agent, shared, counts) -> None:
    mine = [o for o in _observations(conn, campaign_uuid, ("Centre-ville",))
            if o["premise_uuid"] not in shared]
    for index, obs in enumerate(mine[:CAMILLE_VISITS]):
        day = 3 + index // 40
        if index % CHANGE_EVERY == CHANGE_EVERY - 1:
            stamp = f"202503{day:02d}_1000{index % 60:02d}"
            photo = _photo_name(obs["premise_uuid"], campaign_uuid, stamp)
            (package_dir / photo).write_bytes(FAKE_JPEG)
            counts["photos"] += 1
            _visit(conn, obs, agent, day, {**_changed(obs, index), "photo": photo}, "changed")
            counts["changed"] += 1
        else:
            _visit(conn, obs, agent, day, {}, "confirmed")
            counts["confirmed"] += 1
    for premise, sign in zip(shared, ("Maison Dupont", "Le Comptoir du Marché")):
        obs = _observation(conn, premise, campaign_uuid)
        _visit(conn, obs, agent, 14, {"sign_name": sign}, "changed")
        counts["changed"] += 1
    # a shop found in the field, next to the first premise she visited
    first = tables.first(conn, "premises", ["geom"], {"uuid": mine[0]["premise_uuid"]})
    _kind, (x, y) = decode(first["geom"])
    premise_uuid = str(uuid.uuid5(uuid.NAMESPACE_URL, "observatoire-demo/new-premise/camille"))
    tables.insert_dicts(conn, "premises", [{
        "uuid": premise_uuid, "address": NEW_PREMISE["address"],
        "street": NEW_PREMISE["street"], "commune_code": "86194",
        "floor_area": NEW_PREMISE["floor_area"], "ground_floor": 1,
        "created_at": "2025-03-12", "geom": encode_point(x + 6.0, y - 4.0, 2154)}])
    photo = _photo_name(premise_uuid, campaign_uuid, "20250312_101500")
    (package_dir / photo).write_bytes(FAKE_JPEG)
    counts["photos"] += 1
    tables.insert_dicts(conn, "premise_observations", [{
        "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, "observatoire-demo/new-observation/camille")),
        "premise_uuid": premise_uuid, "campaign_uuid": campaign_uuid,
        **{k: NEW_PREMISE[k] for k in ("status", "activity_group", "naf_code", "sign_name",
                                       "chain_type")},
        "photo": photo, "agent": agent, "observed_at": "2025-03-12T10:15:00.000Z",
        "visit_state": "new"}])
    counts["new_premises"] += 1


def _play_yanis(conn, campaign_uuid, agent, shared, counts) -> None:
    duplicates = tables.values(conn, "premises", "uuid", {"notes": DUPLICATE_ADDRESS_NOTE})
    gare = [o for o in _observations(conn, campaign_uuid, ("Quartier de la Gare",))
            if o["premise_uuid"] not in duplicates]
    visited = gare[:len(gare) - YANIS_LEFT_TO_VISIT]
    for index, obs in enumerate(visited):
        day = 4 + index // 30
        if index % 10 == 9:
            _visit(conn, obs, agent, day, _changed(obs, 1000 + index), "changed")
            counts["changed"] += 1
        else:
            _visit(conn, obs, agent, day, {}, "confirmed")
            counts["confirmed"] += 1
    # the shared premises: another field of the first, the same field (sign) of the second
    for premise, values in zip(shared, ({"chain_type": "franchise"},
                                        {"sign_name": "Comptoir du Marché"})):
        obs = _observation(conn, premise, campaign_uuid)
        _update(conn, obs["uuid"], {**values, "visit_state": "changed"})
    for premise in duplicates:  # composition: the premise's observation goes with it
        tables.delete(conn, "premise_observations", {"premise_uuid": premise})
        tables.delete(conn, "premises", {"uuid": premise})
        counts["deleted_premises"] += 1


def run(shared_path, packages_dir) -> dict:
    """The whole scenario with the store alone (no QGIS project in the packages).

    Returns ``{"campaign": open result, "packages": {who: dir}, "edits": {who: counts},
    "reports": {who: SyncReport}, "progress": campaign progress}``.
    """
    from ..store import observatory

    packages_dir = Path(packages_dir)
    conn = observatory.open_observatory(shared_path)
    try:
        add_duplicate_premise(conn)
        opened = campaigns.open_campaign(conn, CAMPAIGN["name"], CAMPAIGN["start"],
                                         CAMPAIGN["end"])
        names = tables.key_map(conn, "centralities", "name", "uuid")
    finally:
        conn.close()
    result = {"campaign": opened, "packages": {}, "edits": {}, "reports": {}}
    for who, (agent, centralities) in AGENTS.items():
        package = field_packages.prepare_field_package(
            shared_path, packages_dir / who, agent=agent,
            centrality_uuids=[names[n] for n in centralities])
        result["packages"][who] = package.path
    for who in AGENTS:
        result["edits"][who] = play_agent(result["packages"][who], who)
    for who in AGENTS:
        result["reports"][who] = field_sync.synchronise(shared_path, result["packages"][who])
    conn = gpkg.connect(shared_path)
    try:
        result["progress"] = campaigns.campaign_progress(conn, opened["uuid"])
    finally:
        conn.close()
    return result
