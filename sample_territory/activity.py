"""Demo files for the dwell time and the activity barometer, made from the demo territory and
deterministic from the seed: what operators, providers, INSEE and banks would deliver.

- ``sessions.csv``: parking sessions of the demo's car parks and on-street zones around the
  2024 braderie (three weeks before it and the braderie weekend), in a French ticket export
  (``tickets_fr`` preset: semicolons, DD/MM/YYYY HH:MM, decimal comma). Consistent with the
  demo's occupancy series (Little's law): in each car park, day and hour the arrivals are drawn
  with mean = occupied places / mean stay, so arrivals × stay give back the stored occupancy;
  stays are log-normal around each car park's mean (short on the street, long at the station,
  longer in the town centre during the braderie), a few station stays last the night, a few
  exits are missing; amounts follow the car park's kind;
- ``presence.csv``: presence data per centrality, day and visitor category (residents,
  regular, occasional and foreign visitors) in five dwell classes, June to September 2024,
  scaled on each centrality's footfall, with more occasional visitors staying longer on the
  braderie days in the town centre;
- ``sirene_history.csv`` and ``sirene_stock.csv``: a SIRENE establishment history consistent
  with the premises' campaigns: each occupant (sign and NAF code on consecutive campaigns) is
  an establishment created between the campaign that first sees it and the one before (or
  years earlier for the first campaign), closed between its last campaign and the next that
  finds the premise vacant or occupied by someone else; a chain that closes a shop and opens
  another within a few weeks keeps its SIREN (a transfer); some closed shops reopen with the
  same SIRET. The stock gives every establishment's position (its premise, Lambert-93);
- ``activity_index.csv``: a monthly card-payment index per centrality (2022–2024, base 100 in
  January 2022), with each centrality's trend, December and sales peaks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Dict

import numpy as np
import pandas as pd

from ..store import gpkg, tables
from ..store.readers import flows as flow_readers
from ..store.readers import offer as offer_readers
from .flows import COUNTERS, demo_events

SESSIONS_START, SESSIONS_END = dt.date(2024, 8, 17), dt.date(2024, 9, 8)
PRESENCE_START, PRESENCE_END = dt.date(2024, 6, 1), dt.date(2024, 9, 30)
#: mean stay (hours) per car park of :data:`sample_territory.flows.PARKS`
MEAN_STAY_H = {"Parking Notre-Dame": 2.0, "Parking Hôtel de Ville": 1.6,
               "Parking Carnot": 2.3, "Parking de la Gare Toumaï": 4.5, "Parking Nord": 1.3,
               "Zone rouge hypercentre": 0.8, "Zone verte Gare": 1.0}
SIGMA = 0.6
CATEGORIES = ["résidents", "visiteurs réguliers", "visiteurs occasionnels",
              "visiteurs étrangers"]
CLASSES = ["< 30 min", "30 min - 1 h", "1h-2h", "2h-4h", "> 4 h"]
# per category: weights of the five dwell classes
DWELL_PROFILES = {"résidents": (0.35, 0.30, 0.20, 0.10, 0.05),
                  "visiteurs réguliers": (0.20, 0.30, 0.30, 0.15, 0.05),
                  "visiteurs occasionnels": (0.10, 0.20, 0.35, 0.25, 0.10),
                  "visiteurs étrangers": (0.05, 0.15, 0.30, 0.30, 0.20)}
CATEGORY_SHARES = {"primary": (0.40, 0.30, 0.22, 0.08), "secondary": (0.50, 0.32, 0.14, 0.04),
                   "tertiary": (0.62, 0.28, 0.08, 0.02), "peripheral": (0.30, 0.35, 0.32, 0.03)}
INDEX_TREND = {name: trend for name, (_n, _peak, trend, _p) in COUNTERS.items()}


def write_all(path, folder, seed: int = 2024) -> Dict[str, Path]:
    """Write the demo files of the GeoPackage ``path`` into ``folder``; returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    conn = gpkg.connect(path)
    try:
        out = {"sessions": folder / "sessions.csv", "presence": folder / "presence.csv",
               "history": folder / "sirene_history.csv", "stock": folder / "sirene_stock.csv",
               "index": folder / "activity_index.csv"}
        write_sessions(conn, out["sessions"], rng)
        write_presence(conn, out["presence"], rng)
        write_sirene(conn, out["history"], out["stock"], rng)
        write_index(conn, out["index"], rng)
    finally:
        conn.close()
    return out


# ---------------------------------------------------------------------------------------------
# parking sessions
# ---------------------------------------------------------------------------------------------

def _braderie_days(year: int = 2024) -> set:
    _id, _name, _kind, start, end = next(e for e in demo_events(year) if e[2] == "braderie")
    return {start + dt.timedelta(days=k) for k in range((end - start).days + 1)}


def write_sessions(conn, path: Path, rng) -> int:
    """The sessions file (module docstring); returns the number of sessions."""
    parks = tables.frame(conn, "parkings", ["uuid", "parking_id", "name", "kind", "capacity"])
    occ = flow_readers.parking_occupancy(conn)
    occ["time"] = pd.to_datetime(occ["time_local"])
    occ = occ[(occ["time"] >= pd.Timestamp(SESSIONS_START))
              & (occ["time"] < pd.Timestamp(SESSIONS_END) + pd.Timedelta(days=1))]
    braderie = _braderie_days()
    central = {"Parking Notre-Dame", "Parking Hôtel de Ville", "Parking Carnot",
               "Zone rouge hypercentre"}
    frames = []
    for park in parks.itertuples(index=False):
        o = occ[occ["parking_uuid"] == park.uuid].sort_values("time")
        if o.empty:
            continue
        mean_h = MEAN_STAY_H.get(park.name, 2.0)
        event = np.array([t.date() in braderie for t in o["time"]]) & (park.name in central)
        stay_mean = np.where(event, 1.35 * mean_h, mean_h)
        arrivals = rng.poisson(o["occupied"].to_numpy(dtype=float) / stay_mean)
        hour_start = np.repeat(o["time"].to_numpy(), arrivals)
        mean = np.repeat(stay_mean, arrivals)
        n = len(hour_start)
        entry = hour_start + (rng.random(n) * 3600).astype("timedelta64[s]")
        median = mean / np.exp(SIGMA ** 2 / 2)
        stay_h = median * np.exp(rng.normal(0, SIGMA, n))
        if park.kind == "off_street" and "Gare" in park.name:
            night = rng.random(n) < 0.04
            stay_h = np.where(night, rng.uniform(12, 20, n), stay_h)
        stay_s = np.maximum(60, np.round(stay_h * 3600)).astype(np.int64)
        exit_ = entry + stay_s.astype("timedelta64[s]")
        minutes = stay_s / 60
        amount = (np.ceil(minutes / 15) * 0.45 if park.kind == "off_street"
                  else np.ceil(minutes / 20) * 0.60)
        amount = np.minimum(amount, 18.0)
        frames.append(pd.DataFrame({"parking": park.parking_id, "entry": entry, "exit": exit_,
                                    "amount": np.round(amount, 2)}))
    sessions = pd.concat(frames, ignore_index=True).sort_values(["entry", "parking"],
                                                               kind="stable")
    n = len(sessions)
    open_ = rng.random(n) < 0.004
    fmt = "%d/%m/%Y %H:%M"
    exit_text = sessions["exit"].dt.strftime(fmt).to_numpy(dtype=object)
    exit_text[open_] = ""
    amount_text = np.char.replace(np.char.mod("%.2f", sessions["amount"].to_numpy()), ".", ",")
    amount_text = amount_text.astype(object)
    amount_text[open_] = ""
    out = pd.DataFrame({"parking": sessions["parking"].to_numpy(),
                        "date_entree": sessions["entry"].dt.strftime(fmt).to_numpy(),
                        "date_sortie": exit_text, "montant": amount_text,
                        "ticket": [f"T{k:07d}" for k in range(1, n + 1)]})
    out.to_csv(path, sep=";", index=False, encoding="utf-8")
    return n


# ---------------------------------------------------------------------------------------------
# presence data
# ---------------------------------------------------------------------------------------------

def write_presence(conn, path: Path, rng) -> int:
    """The presence file (module docstring); returns the number of rows."""
    cents = tables.frame(conn, "centralities", ["name", "level"], order_by=["name"])
    days = pd.date_range(PRESENCE_START, PRESENCE_END, freq="D")
    braderie = _braderie_days()
    weekday = days.dayofweek.to_numpy()
    rows = []
    for c in cents.itertuples(index=False):
        count, peak, _trend, _profiles = COUNTERS.get(c.name, (2, 120, 0.0, ()))
        base = count * peak * 4.0
        shares = np.array(CATEGORY_SHARES.get(c.level, CATEGORY_SHARES["secondary"]))
        for d, wd in zip(days, weekday):
            event = d.date() in braderie and c.name == "Centre-ville"
            level = base * (1.3 if wd == 5 else 0.55 if wd == 6 else 1.0) * (
                2.0 if event else 1.0) * rng.lognormal(0, 0.08)
            mix = shares * (np.array([0.7, 0.9, 1.9, 1.4]) if event else 1.0)
            mix = mix * rng.lognormal(0, 0.06, len(mix))  # day-to-day variation of the mix
            mix = mix / mix.sum()
            for cat, share in zip(CATEGORIES, mix):
                profile = np.array(DWELL_PROFILES[cat])
                if event:
                    profile = profile * np.array([0.6, 0.8, 1.1, 1.5, 1.8])
                    profile = profile / profile.sum()
                counts = rng.multinomial(int(round(level * share)), profile)
                for cls, k in zip(CLASSES, counts):
                    rows.append((c.name, d.strftime("%Y-%m-%d"), cat, int(k), cls))
    frame = pd.DataFrame(rows, columns=["zone", "creneau", "categorie", "effectif",
                                        "classe_duree"])
    frame.to_csv(path, index=False, encoding="utf-8")
    return len(frame)


# ---------------------------------------------------------------------------------------------
# SIRENE history and stock
# ---------------------------------------------------------------------------------------------

def _campaign_dates(conn) -> pd.DataFrame:
    camps = offer_readers.campaigns(conn)
    camps = camps[camps["state"] == "closed"].copy()
    camps["date"] = pd.to_datetime(camps["start_date"])
    return camps.sort_values("date").reset_index(drop=True)


def _tenures(conn) -> pd.DataFrame:
    """One row per occupant of a premise on consecutive campaigns: ``premise, sign, naf,
    chain, first, last`` (indexes of the campaigns) and ``next_status`` after it."""
    camps = _campaign_dates(conn)
    index = {u: i for i, u in enumerate(camps["uuid"])}
    obs = offer_readers.observations(conn, list(camps["uuid"]))
    obs["k"] = obs["campaign_uuid"].map(index)
    obs = obs.sort_values(["premise_uuid", "k"])
    rows = []
    for premise, group in obs.groupby("premise_uuid", sort=True):
        current = None
        for r in group.itertuples(index=False):
            occupant = (r.sign_name, r.naf_code) if r.status == "occupied" and r.naf_code \
                else None
            if current is not None and occupant == current["key"] and r.k == current["last"] + 1:
                current["last"] = r.k
                continue
            if current is not None:
                current["next"] = r.k
                rows.append(current)
            current = None if occupant is None else {
                "premise": premise, "key": occupant, "sign": r.sign_name, "naf": r.naf_code,
                "chain": r.chain_type, "first": r.k, "last": r.k, "next": None}
        if current is not None:
            rows.append(current)
    return pd.DataFrame(rows), camps


def _day_between(rng, a: pd.Timestamp, b: pd.Timestamp) -> pd.Timestamp:
    span = max(1, (b - a).days)
    return a + pd.Timedelta(days=int(rng.integers(0, span)))


def write_sirene(conn, history_path: Path, stock_path: Path, rng) -> int:
    """The SIRENE history and stock files (module docstring); returns the number of
    establishments."""
    ten, camps = _tenures(conn)
    dates = camps["date"].tolist()
    prem = offer_readers.premises(conn).set_index("uuid")
    chain_sirens: Dict[str, int] = {}
    next_siren = [300000000]

    def siren_of(sign, chain):
        if chain in ("chain", "franchise") and sign:
            if sign not in chain_sirens:
                chain_sirens[sign] = next_siren[0] + 7919 * len(chain_sirens) + 1
            return chain_sirens[sign]
        next_siren[0] += 1
        return 500000000 + next_siren[0]

    nics: Dict[int, int] = {}
    history, stock, closures = [], [], {}
    for t in ten.itertuples(index=False):
        nxt = None if pd.isna(t.next) else int(t.next)
        siren = siren_of(t.sign, t.chain)
        nics[siren] = nics.get(siren, 10) + 11
        siret = f"{siren:09d}{nics[siren]:05d}"
        if t.first == 0:
            created = _day_between(rng, pd.Timestamp("2008-01-01"), dates[0])
        else:
            created = _day_between(rng, dates[t.first - 1] + pd.Timedelta(days=1), dates[t.first])
        periods = [(created, "A")]
        if nxt is not None:
            closed = _day_between(rng, dates[t.last] + pd.Timedelta(days=1), dates[nxt])
            if t.chain in ("chain", "franchise"):
                closures.setdefault(t.sign, []).append((closed, len(history)))
            periods.append((closed, "F"))
            if rng.random() < 0.06 and nxt < len(dates) - 1:  # reopened by the same firm
                periods.append((_day_between(rng, closed + pd.Timedelta(days=20),
                                             closed + pd.Timedelta(days=200)), "A"))
        history.append({"siren": f"{siren:09d}", "siret": siret, "sign": t.sign, "naf": t.naf,
                        "periods": periods, "premise": t.premise})
    # a chain opening a shop soon after closing another keeps its SIREN: move the opening
    # within a few weeks of that closure (a transfer for the barometer)
    for h in history:
        closes = closures.get(h["sign"])
        if not closes:
            continue
        created = h["periods"][0][0]
        for closed, _i in closes:
            if closed < created <= closed + pd.Timedelta(days=400) and rng.random() < 0.5:
                h["periods"][0] = (closed + pd.Timedelta(days=int(rng.integers(5, 60))), "A")
                break
    rows = []
    for h in history:
        periods = sorted(set(h["periods"]))
        for k, (start, state) in enumerate(periods):
            end = periods[k + 1][0] - pd.Timedelta(days=1) if k + 1 < len(periods) else None
            if end is not None and end < start:
                continue
            rows.append({"siren": h["siren"], "nic": h["siret"][9:], "siret": h["siret"],
                         "dateFin": "" if end is None else end.strftime("%Y-%m-%d"),
                         "dateDebut": start.strftime("%Y-%m-%d"),
                         "etatAdministratifEtablissement": state,
                         "changementEtatAdministratifEtablissement": "true",
                         "enseigne1Etablissement": (h["sign"] or "").upper(),
                         "activitePrincipaleEtablissement": h["naf"],
                         "nomenclatureActivitePrincipaleEtablissement": "NAFRev2"})
        p = prem.loc[h["premise"]]
        last_state = periods[-1][1]
        stock.append({"siren": h["siren"], "nic": h["siret"][9:], "siret": h["siret"],
                      "etatAdministratifEtablissement": last_state,
                      "codeCommuneEtablissement": p["commune_code"] or "86194",
                      "libelleVoieEtablissement": (p["street"] or "").upper(),
                      "coordonneeLambertAbscisseEtablissement": f"{p['x']:.1f}",
                      "coordonneeLambertOrdonneeEtablissement": f"{p['y']:.1f}"})
    pd.DataFrame(rows).to_csv(history_path, index=False, encoding="utf-8")
    pd.DataFrame(stock).to_csv(stock_path, index=False, encoding="utf-8")
    return len(stock)


# ---------------------------------------------------------------------------------------------
# activity index
# ---------------------------------------------------------------------------------------------

def write_index(conn, path: Path, rng) -> int:
    """The card-payment index (module docstring); returns the number of rows."""
    names = tables.values(conn, "centralities", "name")
    months = pd.period_range("2022-01", "2024-12", freq="M")
    season = {12: 1.25, 1: 1.08, 7: 1.08, 11: 1.05, 2: 0.9, 8: 0.92}
    rows = []
    for name in names:
        trend = INDEX_TREND.get(name, 0.0)
        for k, m in enumerate(months):
            value = 100 * (1 + trend) ** (k / 12) * season.get(m.month, 1.0) * (
                1 + rng.normal(0, 0.015))
            rows.append((name, "all", f"{m.year}-{m.month:02d}", f"{value:.1f}"))
    pd.DataFrame(rows, columns=["zone", "sector", "period", "value"]).to_csv(
        path, index=False, encoding="utf-8")
    return len(rows)
