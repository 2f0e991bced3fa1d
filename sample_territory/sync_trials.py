"""Randomised two-agent synchronisation trials, and the oracle that judges them.

A trial (seeded, deterministic): a small territory (centrality A, x 0..100; B, x 200..300;
:data:`PREMISES_PER_CENTRALITY` premises in each, observed in campaign "2024"), campaign
"2025" opened over both; agent A gets a package of A, agent B one of A and B (so both can
edit A's rows). Each agent makes random edits as QField would write them: observation fields
(status with a consistent activity group, sign, chain type, notes, visit), premise fields
(floor area, address), new premises with their observation, deletions of a premise with its
observation; with :data:`INVALID_RATE`, one edit breaks a rule of the forms (a new premise in
WGS84 longitude/latitude, or a status outside its list). Then A's package is synchronised,
then B's.

The oracle replays the same edits on the data as prepared, with the stated rules (first
synchronised wins; an edit of a deleted row, a deletion of an edited row, a row breaking a
form rule are reported), and the trial compares:

- **edits lost**: an agent's edit (a field it changed, a row it inserted or deleted) that is
  neither in the final shared file nor in that agent's report (conflict or refusal) —
  the target is 0;
- **mismatches**: a field of the final file that differs from the oracle's;
- **unreported / unexpected conflicts**: the oracle's conflicts absent from the reports, and
  the reverse.

Used by ``tests/unit/test_sync_trials.py`` (a few dozen trials) and
``benchmarks/sync_trials.py`` (a thousand). No qgis import, no SQL (store.tables).
"""

from __future__ import annotations

import random
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..fieldwork import packages as field_packages
from ..fieldwork import sync as field_sync
from ..jobs import campaigns
from ..store import gpkg, observatory, tables
from ..store.geometry import encode, encode_point

X0, Y0 = 497_000.0, 6_610_000.0
PREMISES_PER_CENTRALITY = 6
INVALID_RATE = 0.25
STATUSES = ("occupied", "vacant", "works", "other_use")
GROUPS = ("alimentaire", "equipement_personne", "culture_loisirs", "cafes_hotels_restaurants")
CHAINS = (None, "independent", "chain", "franchise")
SIGNS = ("Chez Paul", "Le Comptoir", "Maison Martin", "Atelier", None)
AREAS = (35.0, 60.0, 80.0, 120.0, 250.0)
# Columns the office writes (bookkeeping) or that identify rows: not judged field by field.
SKIPPED = frozenset({"fid", "uuid", "assigned_agent", "geom"})
TABLES = ("premises", "premise_observations")


@dataclass
class TrialResult:
    seed: int
    edits: int = 0
    lost: list = field(default_factory=list)
    mismatches: list = field(default_factory=list)
    unreported: list = field(default_factory=list)
    unexpected: list = field(default_factory=list)
    conflicts: int = 0
    refused: int = 0
    shared: Path | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.lost or self.mismatches or self.unreported or self.unexpected)


def _square(x: float) -> bytes:
    ring = [(X0 + x, Y0), (X0 + x + 100, Y0), (X0 + x + 100, Y0 + 100), (X0 + x, Y0 + 100),
            (X0 + x, Y0)]
    return encode("multipolygon", [[ring]], 2154)


def build_territory(path: Path) -> str:
    """The trial territory (see the module docstring); returns campaign 2025's uuid."""
    observatory.create_observatory(path, "Trialville", 2154)
    conn = gpkg.connect(path)
    try:
        with gpkg.transaction(conn):
            tables.insert_dicts(conn, "centralities", [
                {"uuid": "A", "name": "Centre", "level": "primary", "geom": _square(0)},
                {"uuid": "B", "name": "Gare", "level": "secondary", "geom": _square(200)}])
            premises, observations = [], []
            for c, x0 in (("a", 0), ("b", 200)):
                for i in range(PREMISES_PER_CENTRALITY):
                    uid = f"{c}{i}"
                    premises.append({"uuid": uid, "address": f"{i} rue {c}", "floor_area": 80.0,
                                     "geom": encode_point(X0 + x0 + 10 + 12 * i, Y0 + 50, 2154)})
                    occupied = i % 3 != 2
                    observations.append({
                        "uuid": f"o24-{uid}", "premise_uuid": uid, "campaign_uuid": "c2024",
                        "status": "occupied" if occupied else "vacant",
                        "activity_group": GROUPS[i % len(GROUPS)] if occupied else None,
                        "sign_name": f"Shop {uid}" if occupied else None,
                        "chain_type": "independent" if occupied else None,
                        "agent": "x", "observed_at": "2024-03-10"})
            tables.insert_dicts(conn, "premises", premises)
            tables.insert_dicts(conn, "campaigns", [{
                "uuid": "c2024", "name": "2024", "year": 2024, "start_date": "2024-03-01",
                "end_date": "2024-04-01", "state": "closed"}])
            tables.insert_dicts(conn, "premise_observations", observations)
        opened = campaigns.open_campaign(conn, "2025", "2025-03-01", "2025-04-30", ["A", "B"])
    finally:
        conn.close()
    return opened["uuid"]


def _snapshot(path: Path, campaign_uuid: str) -> dict:
    """(table, uuid) -> row of the premises and the campaign's observations in ``path``."""
    conn = gpkg.connect(path)
    try:
        rows = {("premises", r["uuid"]): r for r in tables.rows(conn, "premises")}
        rows.update({("premise_observations", r["uuid"]): r for r in tables.rows(
            conn, "premise_observations", where={"campaign_uuid": campaign_uuid})})
    finally:
        conn.close()
    return rows


# ---------------------------------------------------------------------------------------------
# Random edits
# ---------------------------------------------------------------------------------------------

def _observation_values(rng: random.Random) -> dict:
    """A random, consistent change of some observation fields."""
    values: dict = {}
    if rng.random() < 0.5:
        status = rng.choice(STATUSES)
        values["status"] = status
        values["activity_group"] = rng.choice(GROUPS) if status == "occupied" else None
    if rng.random() < 0.5:
        values["sign_name"] = rng.choice(SIGNS)
    if rng.random() < 0.3:
        values["chain_type"] = rng.choice(CHAINS)
    if rng.random() < 0.3:
        values["notes"] = rng.choice(("porte fermée", "à revoir", "vitrine refaite"))
    values["visit_state"] = "changed" if values else "confirmed"
    return values


def random_edits(rng: random.Random, package: field_packages.FieldPackage, agent: str,
                 campaign_uuid: str, invalid: bool) -> dict:
    """Play random edits on a package's data file; returns what was done::

        {"updates": {(table, uuid): {column: value}}, "inserts": {(table, uuid): row},
         "deletes": {(table, uuid)}, "invalid": {(table, uuid)}}
    """
    done = {"updates": {}, "inserts": {}, "deletes": set(), "invalid": set()}
    conn = gpkg.connect(package.data_path)
    try:
        observations = tables.rows(conn, "premise_observations", order_by=["premise_uuid"])
        premises = {r["uuid"]: r for r in tables.rows(conn, "premises")}
        with gpkg.transaction(conn):
            deleted = set()
            for obs in rng.sample(observations, k=min(len(observations), rng.randint(0, 2))):
                if rng.random() < 0.5:
                    tables.delete(conn, "premise_observations", {"uuid": obs["uuid"]})
                    tables.delete(conn, "premises", {"uuid": obs["premise_uuid"]})
                    done["deletes"] |= {("premise_observations", obs["uuid"]),
                                        ("premises", obs["premise_uuid"])}
                    deleted.add(obs["uuid"])
            live = [o for o in observations if o["uuid"] not in deleted]
            for obs in rng.sample(live, k=rng.randint(0, len(live))):
                values = _observation_values(rng)
                changed = {k: v for k, v in values.items() if obs[k] != v}
                if changed:
                    tables.update(conn, "premise_observations", "uuid",
                                  [dict(changed, uuid=obs["uuid"])], touch=False)
                    done["updates"][("premise_observations", obs["uuid"])] = changed
                if rng.random() < 0.25:
                    premise = premises[obs["premise_uuid"]]
                    change = {"floor_area": rng.choice(AREAS)} if rng.random() < 0.6 else {
                        "address": f"{rng.randint(1, 99)} rue {agent}"}
                    change = {k: v for k, v in change.items() if premise[k] != v}
                    if change:
                        tables.update(conn, "premises", "uuid",
                                      [dict(change, uuid=premise["uuid"])], touch=False)
                        done["updates"][("premises", premise["uuid"])] = change
            for n in range(rng.randint(0, 2)):
                _insert(conn, rng, done, agent, campaign_uuid, n, wgs84=False)
            if invalid:
                if rng.random() < 0.5 or not live:
                    _insert(conn, rng, done, agent, campaign_uuid, 9, wgs84=True)
                else:
                    obs = rng.choice(live)
                    tables.update(conn, "premise_observations", "uuid",
                                  [{"uuid": obs["uuid"], "status": "closed_forever"}],
                                  touch=False)
                    done["updates"].setdefault(("premise_observations", obs["uuid"]), {})[
                        "status"] = "closed_forever"
                    done["invalid"].add(("premise_observations", obs["uuid"]))
    finally:
        conn.close()
    return done


def _insert(conn, rng, done, agent, campaign_uuid, n, *, wgs84: bool) -> None:
    premise_uuid = f"new-{agent}-{n}"
    x, y = rng.uniform(5, 95), rng.uniform(5, 95)
    geom = encode_point(0.34 + x / 1e4, 46.58 + y / 1e4, 2154) if wgs84 else \
        encode_point(X0 + x, Y0 + y, 2154)
    premise = {"uuid": premise_uuid, "address": f"{n} place {agent}",
               "floor_area": rng.choice(AREAS), "ground_floor": 1, "geom": geom}
    status = rng.choice(STATUSES)
    observation = {"uuid": f"obs-{premise_uuid}", "premise_uuid": premise_uuid,
                   "campaign_uuid": campaign_uuid, "status": status,
                   "activity_group": rng.choice(GROUPS) if status == "occupied" else None,
                   "sign_name": rng.choice(SIGNS), "agent": agent, "visit_state": "new",
                   "observed_at": "2025-03-12"}
    tables.insert_dicts(conn, "premises", [premise])
    tables.insert_dicts(conn, "premise_observations", [observation])
    done["inserts"][("premises", premise_uuid)] = premise
    done["inserts"][("premise_observations", observation["uuid"])] = observation
    if wgs84:
        done["invalid"] |= {("premises", premise_uuid),
                            ("premise_observations", observation["uuid"])}


# ---------------------------------------------------------------------------------------------
# The oracle
# ---------------------------------------------------------------------------------------------

def _apply(state: dict, base: dict, done: dict, conflicts: set) -> None:
    """Replay one package's edits on ``state`` (table, uuid) -> row (None: deleted) by the
    rules of the synchronisation; add the expected conflicts ``(table, uuid, column, kind)``."""
    for key, row in done["inserts"].items():
        if key in done["invalid"]:  # refused: the new premise's point, then its observation
            conflicts.add((*key, "geom" if key[0] == "premises" else "premise_uuid",
                           "refused"))
        else:
            state[key] = dict(row)
    for key in done["deletes"]:
        current = state.get(key)
        if current is None:
            continue
        edited = [c for c in current if c not in SKIPPED and current[c] != base[key].get(c)]
        if edited:
            conflicts.update((*key, c, "delete_updated") for c in edited)
        else:
            state[key] = None
    for key, changes in done["updates"].items():
        current = state.get(key)
        if current is None:
            conflicts.update((*key, c, "update_deleted") for c in changes)
            continue
        merged, clashes = dict(current), set()
        for column, value in changes.items():
            if current[column] != base[key][column] and current[column] != value:
                clashes.add((*key, column, "update_update"))
            else:
                merged[column] = value
        conflicts.update(clashes)
        if key[0] == "premise_observations" and merged["status"] not in STATUSES:  # refused
            conflicts.update((*key, c, "refused") for c in changes
                             if (*key, c, "update_update") not in clashes)
        else:
            state[key] = merged


def _reported(report) -> set:
    return {(c["table"], c["row_uuid"], c["column"], c["kind"]) for c in report.conflicts}


def _uuid_of(report_rows: set, table: str, key_uuid: str) -> bool:
    return any(t == table and u == key_uuid for t, u, _c, _k in report_rows)


def judge(result: TrialResult, base: dict, final: dict, edits: dict, reports: dict) -> None:
    """Fill ``result`` (see the module docstring) from the data as prepared, the final shared
    file, each agent's edits and report."""
    state = {k: dict(v) for k, v in base.items()}
    expected: set = set()
    for agent in ("A", "B"):
        _apply(state, base, edits[agent], expected)
    reported: set = set()
    for agent in ("A", "B"):
        reported |= _reported(reports[agent])
    # conflicts reported for rows identified by uuid: compare on (table, uuid, column, kind)
    result.unreported = sorted(expected - reported, key=str)
    result.unexpected = sorted(reported - expected, key=str)
    result.conflicts = len([c for c in reported if c[3] != "refused"])
    result.refused = len([c for c in reported if c[3] == "refused"])
    for key in sorted(set(state) | set(final), key=str):
        want, got = state.get(key), final.get(key)
        if (want is None) != (got is None):
            result.mismatches.append((*key, "row", want is not None, got is not None))
        elif want is not None:
            for column in want:
                if column not in SKIPPED and want[column] != got.get(column):
                    result.mismatches.append((*key, column, want[column], got.get(column)))
    for agent in ("A", "B"):
        done, mine = edits[agent], _reported(reports[agent])
        for key, changes in done["updates"].items():
            for column, value in changes.items():
                result.edits += 1
                kept = final.get(key) is not None and final[key].get(column) == value
                if not kept and not any(r[:3] == (*key, column) for r in mine):
                    result.lost.append((agent, "update", *key, column, value))
        for key in done["inserts"]:
            result.edits += 1
            if final.get(key) is None and not _uuid_of(mine, *key):
                result.lost.append((agent, "insert", *key))
        for key in done["deletes"]:
            result.edits += 1
            if final.get(key) is not None and not _uuid_of(mine, *key):
                result.lost.append((agent, "delete", *key))


def run_trial(seed: int, folder: Path, template: Path | None = None) -> TrialResult:
    """One trial in ``folder`` (created); ``template``: a file made by :func:`build_territory`
    to copy instead of building the territory again."""
    started = time.perf_counter()
    rng = random.Random(seed)
    folder = Path(folder)
    shared = folder / "office" / "socle.gpkg"
    shared.parent.mkdir(parents=True)
    if template is not None:
        shutil.copyfile(template, shared)
    else:
        build_territory(shared)
    conn = gpkg.connect(shared)
    try:
        campaign_uuid = tables.first(conn, "campaigns", ["uuid"], {"name": "2025"})["uuid"]
    finally:
        conn.close()
    packages = {
        "A": field_packages.prepare_field_package(shared, folder / "A", agent="A",
                                                  centrality_uuids=["A"]),
        "B": field_packages.prepare_field_package(shared, folder / "B", agent="B",
                                                  centrality_uuids=["A", "B"]),
    }
    base = _snapshot(shared, campaign_uuid)
    edits = {agent: random_edits(rng, package, agent, campaign_uuid,
                                 rng.random() < INVALID_RATE)
             for agent, package in packages.items()}
    reports = {agent: field_sync.synchronise(shared, packages[agent].path)
               for agent in ("A", "B")}
    result = TrialResult(seed, shared=shared)
    judge(result, base, _snapshot(shared, campaign_uuid), edits, reports)
    result.seconds = time.perf_counter() - started
    return result
