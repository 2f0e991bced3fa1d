"""Deterministic synthetic KoboToolbox / ODK exports of the questionnaire, for the demo and tests.

:func:`synthetic_answers` draws respondents from a seeded generator. Each consenting respondent
is first given a *planted behaviour type* (:data:`PLANTED_TYPES`: town-centre walkers,
periphery drivers, online buyers, short-circuit buyers), which sets where they live, their age,
how often and how they come to the town centre, why, where they buy each purchase category, the
share they buy online, how often they buy through short circuits and how; every behaviour
answer is drawn from the generic weights instead with probability :data:`NOISE` (nobody is a
pure type). :func:`planted_types` gives the type of each submission (by uuid), what a
consumption typology should recover; it is never written to the export. Other correlations a
planner expects: people from peripheral communes and from outside come by car, town-centre
residents walk; drivers to the town centre (the first centrality) are less satisfied with
parking; students are 15–24 and retirees 65+. Purchases made in a town or neighbourhood centre
say in which centrality: one of the matching level (primary for the town centre, secondary or
tertiary for a neighbourhood centre) when the centralities carry their level, any otherwise, a
visited one more often, now and then "elsewhere"; these follow-ups are drawn from their own
generator, so the other answers are the same whether they are asked or not.
:func:`write_export` writes them as a Kobo export (``_uuid``, ``_submission_time``…, ``/``
headers) or an ODK Central one (``KEY``, ``meta-instanceID``…, ``-`` headers), in ``.xlsx`` or
``.csv``, select_multiple as one space-separated column, 1/0 option columns, or both, and can
slip in a few bad rows whose defects are returned. Communes and IRIS codes are illustrative.
No qgis import.
"""

import csv
import datetime
import random
import uuid as uuid_module
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from ..survey_forms.model import NOTE, SELECT_MULTIPLE, Questionnaire
from ..survey_forms.questionnaire import (
    CENTRALITY_PURCHASE_PLACES,
    purchase_centrality_question_name,
)

# Illustrative home areas: (zone, INSEE code, weight). The first is the town-centre commune.
HOME_COMMUNES = (
    ("central", "86194", 55),      # Poitiers
    ("inner", "86041", 8),         # Buxerolles
    ("inner", "86214", 7),         # Saint-Benoît
    ("peripheral", "86062", 6),    # Chasseneuil-du-Poitou
    ("peripheral", "86158", 6),    # Migné-Auxances
    ("peripheral", "86100", 5),    # Fontaine-le-Comte
    ("outside", "86066", 7),       # Châtellerault
    ("outside", "79191", 6),       # Niort
)

AGE_WEIGHTS = (("15_24", 16), ("25_34", 17), ("35_49", 22), ("50_64", 21), ("65_74", 14),
               ("75_plus", 10))

BAD_ROW_KINDS = ("unknown_choice", "out_of_range", "missing_required", "type_error",
                 "too_many_choices", "duplicate")

PathLike = Union[str, Path]


@dataclass(frozen=True)
class Defect:
    """A defect slipped into a synthetic export: what the importer must report."""

    row: int          # row number in the file (header = 1)
    field: str
    code: str


def _pick(rng: random.Random, weighted: Sequence[Tuple[Any, float]]) -> Any:
    items, weights = zip(*weighted)
    return rng.choices(items, weights=weights, k=1)[0]


def _occupation(rng, age):
    if age == "15_24":
        return _pick(rng, (("student", 60), ("employee", 15), ("worker", 10),
                           ("unemployed", 10), ("intermediate", 5)))
    if age in ("65_74", "75_plus"):
        return _pick(rng, (("retired", 88), ("craft_trade", 4), ("other_inactive", 8)))
    return _pick(rng, (("employee", 26), ("intermediate", 22), ("executive", 18),
                       ("worker", 14), ("craft_trade", 6), ("unemployed", 7),
                       ("other_inactive", 5), ("farmer", 2)))


# Generic transport modes by home zone (the noise of the types' modes): people from peripheral
# communes and from outside come by car, town-centre residents walk.
ZONE_MODES = {
    "central": (("walk", 45), ("bike", 12), ("public_transport", 23), ("car_driver", 15),
                ("car_passenger", 3), ("motorbike", 2)),
    "inner": (("walk", 8), ("bike", 10), ("public_transport", 30), ("car_driver", 45),
              ("car_passenger", 5), ("motorbike", 2)),
    "peripheral": (("public_transport", 12), ("car_driver", 72), ("car_passenger", 12),
                   ("motorbike", 2), ("bike", 2)),
    "outside": (("public_transport", 12), ("car_driver", 72), ("car_passenger", 12),
                ("motorbike", 2), ("bike", 2)),
}


# Planted behaviour types: what each one does, as weights of the answers drawn for it. With
# probability NOISE each behaviour answer is drawn from the generic weights instead (realistic
# noise: nobody is a pure type).
PLANTED_TYPES = (("centre_walker", 32), ("periphery_driver", 30), ("online_buyer", 20),
                 ("short_circuit_buyer", 18))
NOISE = 0.2
TYPE_ZONES = {
    "centre_walker": (("central", 85), ("inner", 12), ("peripheral", 3)),
    "periphery_driver": (("central", 12), ("inner", 20), ("peripheral", 40), ("outside", 28)),
    "online_buyer": (("central", 60), ("inner", 25), ("peripheral", 10), ("outside", 5)),
    "short_circuit_buyer": (("central", 40), ("inner", 20), ("peripheral", 30), ("outside", 10)),
}
TYPE_AGES = {
    "centre_walker": (("15_24", 14), ("25_34", 15), ("35_49", 18), ("50_64", 20), ("65_74", 18),
                      ("75_plus", 15)),
    "periphery_driver": (("15_24", 8), ("25_34", 16), ("35_49", 30), ("50_64", 26),
                         ("65_74", 14), ("75_plus", 6)),
    "online_buyer": (("15_24", 38), ("25_34", 34), ("35_49", 18), ("50_64", 7), ("65_74", 2),
                     ("75_plus", 1)),
    "short_circuit_buyer": (("15_24", 5), ("25_34", 12), ("35_49", 24), ("50_64", 28),
                            ("65_74", 20), ("75_plus", 11)),
}
TYPE_CENTRE_VISIT = {"centre_walker": 0.97, "periphery_driver": 0.55, "online_buyer": 0.75,
                     "short_circuit_buyer": 0.85}
TYPE_FREQUENCY = {
    "centre_walker": (("daily", 50), ("several_week", 40), ("weekly", 10)),
    "periphery_driver": (("several_month", 25), ("monthly", 40), ("rarely", 35)),
    "online_buyer": (("weekly", 40), ("several_month", 45), ("monthly", 15)),
    "short_circuit_buyer": (("several_week", 45), ("weekly", 50), ("several_month", 5)),
}
GENERIC_FREQUENCY = (("daily", 12), ("several_week", 25), ("weekly", 25), ("several_month", 15),
                     ("monthly", 12), ("rarely", 11))
TYPE_MODES = {
    "centre_walker": (("walk", 75), ("bike", 20), ("public_transport", 5)),
    "periphery_driver": (("car_driver", 90), ("car_passenger", 8), ("motorbike", 2)),
    "online_buyer": (("public_transport", 60), ("bike", 25), ("walk", 15)),
    "short_circuit_buyer": (("bike", 45), ("walk", 30), ("car_driver", 25)),
}
TYPE_REASONS = {
    "centre_walker": ("daily_shopping", "stroll", "cafe_restaurant", "private_services"),
    "periphery_driver": ("occasional_shopping", "public_services", "work"),
    "online_buyer": ("cafe_restaurant", "culture_leisure", "events"),
    "short_circuit_buyer": ("market", "daily_shopping", "stroll"),
}
GENERIC_REASONS = ("daily_shopping", "occasional_shopping", "market", "cafe_restaurant",
                   "private_services", "public_services", "work", "culture_leisure", "events",
                   "stroll")
# where each purchase category is bought: type → category → place weights
TYPE_PURCHASES = {
    "centre_walker": {
        "food_daily": (("town_centre", 70), ("neighbourhood", 18), ("market_short_circuit", 12)),
        "food_weekly": (("town_centre", 40), ("neighbourhood", 35), ("periphery", 25)),
        "clothing": (("town_centre", 75), ("periphery", 15), ("online", 10)),
        "home": (("town_centre", 45), ("neighbourhood", 20), ("periphery", 35)),
        "culture_leisure": (("town_centre", 80), ("neighbourhood", 10), ("online", 10)),
        "health_beauty": (("town_centre", 80), ("neighbourhood", 20)),
        "restaurants": (("town_centre", 90), ("neighbourhood", 10)),
    },
    "periphery_driver": {
        "food_daily": (("periphery", 60), ("neighbourhood", 30), ("town_centre", 10)),
        "food_weekly": (("periphery", 90), ("neighbourhood", 10)),
        "clothing": (("periphery", 70), ("other_town", 20), ("online", 10)),
        "home": (("periphery", 85), ("other_town", 10), ("online", 5)),
        "culture_leisure": (("periphery", 65), ("other_town", 20), ("online", 15)),
        "health_beauty": (("periphery", 60), ("neighbourhood", 35), ("town_centre", 5)),
        "restaurants": (("periphery", 45), ("other_town", 20), ("not_concerned", 20),
                        ("town_centre", 15)),
    },
    "online_buyer": {
        "food_daily": (("neighbourhood", 50), ("town_centre", 30), ("periphery", 20)),
        "food_weekly": (("online", 50), ("periphery", 40), ("neighbourhood", 10)),
        "clothing": (("online", 85), ("town_centre", 15)),
        "home": (("online", 80), ("periphery", 20)),
        "culture_leisure": (("online", 80), ("town_centre", 20)),
        "health_beauty": (("online", 55), ("town_centre", 30), ("neighbourhood", 15)),
        "restaurants": (("town_centre", 70), ("neighbourhood", 20), ("not_concerned", 10)),
    },
    "short_circuit_buyer": {
        "food_daily": (("market_short_circuit", 80), ("neighbourhood", 20)),
        "food_weekly": (("market_short_circuit", 60), ("neighbourhood", 25), ("periphery", 15)),
        "clothing": (("town_centre", 45), ("neighbourhood", 30), ("periphery", 25)),
        "home": (("neighbourhood", 45), ("periphery", 35), ("town_centre", 20)),
        "culture_leisure": (("neighbourhood", 45), ("town_centre", 45), ("online", 10)),
        "health_beauty": (("neighbourhood", 65), ("town_centre", 35)),
        "restaurants": (("neighbourhood", 55), ("town_centre", 45)),
    },
}
GENERIC_PURCHASE = (("town_centre", 30), ("neighbourhood", 15), ("periphery", 25), ("online", 10),
                    ("market_short_circuit", 6), ("other_town", 4), ("not_concerned", 3))
TYPE_ONLINE = {
    "centre_walker": (("none", 45), ("under_quarter", 50), ("quarter_half", 5)),
    "periphery_driver": (("none", 10), ("under_quarter", 55), ("quarter_half", 35)),
    "online_buyer": (("quarter_half", 35), ("over_half", 65)),
    "short_circuit_buyer": (("none", 55), ("under_quarter", 45)),
}
GENERIC_ONLINE = (("none", 25), ("under_quarter", 40), ("quarter_half", 22), ("over_half", 13))
TYPE_SHORT_CIRCUIT = {
    "centre_walker": (("weekly", 10), ("monthly", 45), ("rarely", 40), ("never", 5)),
    "periphery_driver": (("rarely", 45), ("never", 55)),
    "online_buyer": (("rarely", 40), ("never", 60)),
    "short_circuit_buyer": (("weekly", 80), ("monthly", 20)),
}
GENERIC_SHORT_CIRCUIT = (("weekly", 15), ("monthly", 30), ("rarely", 35), ("never", 20))
TYPE_INTEREST = {
    "centre_walker": (("very", 25), ("somewhat", 55), ("little", 15), ("not_at_all", 5)),
    "periphery_driver": (("somewhat", 15), ("little", 45), ("not_at_all", 40)),
    "online_buyer": (("somewhat", 20), ("little", 50), ("not_at_all", 30)),
    "short_circuit_buyer": (("very", 85), ("somewhat", 15)),
}
GENERIC_INTEREST = (("very", 25), ("somewhat", 35), ("little", 25), ("not_at_all", 15))
TYPE_CHANNELS = {
    "centre_walker": ("market", "local_shops", "producers_shop"),
    "periphery_driver": ("farm_shop", "local_shops"),
    "online_buyer": ("online_order", "basket"),
    "short_circuit_buyer": ("market", "farm_shop", "basket", "producers_shop"),
}
GENERIC_CHANNELS = ("market", "farm_shop", "producers_shop", "basket", "online_order",
                    "local_shops")


def _typed(rng: random.Random, typed: Sequence[Tuple[Any, float]],
           generic: Sequence[Tuple[Any, float]]) -> Any:
    """A behaviour answer: the type's weights, or with probability NOISE the generic ones."""
    return _pick(rng, generic if rng.random() < NOISE else typed)


def _subset(rng: random.Random, typed: Sequence[str], generic: Sequence[str], low: int,
            high: int) -> Tuple[str, ...]:
    """A few choices of a multiple-choice question, the type's (or, with noise, any)."""
    pool = list(generic if rng.random() < NOISE else typed)
    return tuple(rng.sample(pool, k=min(len(pool), rng.randint(low, high))))


# Centrality levels where each place of purchase asked "in which centrality" is found.
PURCHASE_PLACE_LEVELS = {"town_centre": ("primary",), "neighbourhood": ("secondary", "tertiary")}
ELSEWHERE_SHARE = 0.08


def _purchase_centrality(rng: random.Random, questionnaire: Questionnaire, place: str,
                         visited: Sequence[str]) -> str:
    """A centrality code where a purchase made in ``place`` plausibly happens, or "elsewhere"."""
    cents = questionnaire.centralities
    if not cents or rng.random() < ELSEWHERE_SHARE:
        return "elsewhere"
    if any(c.level for c in cents):
        matching = [c.code for c in cents if c.level in PURCHASE_PLACE_LEVELS[place]]
    else:
        matching = []
    codes = matching or [c.code for c in cents]
    return _pick(rng, [(code, 3 if code in visited else 1) for code in codes])


def _clip(value: float, low: int = 1, high: int = 5) -> int:
    return max(low, min(high, int(round(value))))


def _respondent(rng: random.Random, questionnaire: Questionnaire,
                follow_up: random.Random) -> Dict[str, Any]:
    """One consistent set of answers keyed by question name (``follow_up`` draws the
    purchase centralities); ``_planted_type`` holds the behaviour type it was drawn from."""
    codes = [c.code for c in questionnaire.centralities]
    centre = codes[0] if codes else None
    answers: Dict[str, Any] = {}
    mode_kind = _pick(rng, (("street", 70), ("online", 25), ("phone", 5)))
    answers["interview_mode"] = mode_kind
    if mode_kind == "street":
        answers["interview_centrality"] = _pick(
            rng, [(c, 6 if c == centre else 2) for c in codes] + [("elsewhere", 1)])
    answers["consent"] = "yes" if rng.random() < 0.93 else "no"
    if answers["consent"] == "no":
        return answers

    kind = _pick(rng, PLANTED_TYPES)
    answers["_planted_type"] = kind
    zone_kind = _pick(rng, TYPE_ZONES[kind])
    zone, commune, _ = _pick(rng, [((z, c, w), w) for z, c, w in HOME_COMMUNES
                                   if z == zone_kind])
    answers["home_commune"] = commune
    if "commune" in questionnaire.choice_lists:
        names = questionnaire.choice_lists["commune"].names
        answers["home_commune"] = commune if commune in names else "other"
    if "iris" not in questionnaire.choice_lists and rng.random() < 0.6:
        answers["home_iris"] = (f"{commune}01{rng.randint(1, 9):02d}" if zone == "central"
                                else f"{commune}0000")
    age = _pick(rng, TYPE_AGES[kind])
    answers["age_band"] = age
    answers["gender"] = _pick(rng, (("female", 52), ("male", 46), ("other", 1),
                                    ("no_answer", 1)))
    occupation = _occupation(rng, age)
    answers["occupation"] = occupation
    if occupation in ("farmer", "craft_trade", "executive", "intermediate", "employee",
                      "worker"):
        answers["works_in_territory"] = "yes" if rng.random() < 0.8 else "no"
    size = _pick(rng, ((1, 30 if zone == "central" else 18), (2, 33), (3, 16), (4, 14), (5, 6),
                       (6, 3)))
    answers["household_size"] = size
    if size > 1:
        answers["household_children"] = min(size - 1, _pick(rng, ((0, 50), (1, 25), (2, 18),
                                                                   (3, 7))))
    answers["household_cars"] = _pick(rng, ((0, 30), (1, 50), (2, 20))) if zone == "central" \
        and kind != "periphery_driver" else _pick(rng, ((0, 5), (1, 45), (2, 42), (3, 8)))

    visited = []
    for code in codes:
        chance = TYPE_CENTRE_VISIT[kind] if code == centre else (
            0.45 if zone in ("central", "inner") else 0.3)
        if rng.random() < chance:
            visited.append(code)
    answers["centralities_visited"] = tuple(visited) or ("none",)
    centre_driver = False
    for code in visited:
        is_centre = code == centre
        answers[f"frequency__{code}"] = _typed(rng, TYPE_FREQUENCY[kind], GENERIC_FREQUENCY) \
            if is_centre else _pick(rng, GENERIC_FREQUENCY)
        reasons = list(_subset(rng, TYPE_REASONS[kind], GENERIC_REASONS, 1, 3))
        if occupation == "student" and rng.random() < 0.5:
            reasons[0] = "study"
        answers[f"visit_reasons__{code}"] = tuple(dict.fromkeys(reasons))
        mode = _typed(rng, TYPE_MODES[kind], ZONE_MODES[zone])
        answers[f"transport_mode__{code}"] = mode
        if mode in ("car_driver", "motorbike"):
            centre_driver = centre_driver or is_centre
            answers[f"parking_place__{code}"] = _pick(rng, (
                ("street_paid", 35), ("car_park_paid", 30), ("street_free", 10),
                ("park_and_ride", 8), ("private", 7), ("car_park_free", 10)) if is_centre else (
                ("shop_car_park", 35), ("street_free", 30), ("car_park_free", 30),
                ("private", 5)))
            answers[f"parking_search__{code}"] = _pick(rng, (
                ("immediate", 10), ("under_5", 35), ("5_15", 40), ("over_15", 15))
                if is_centre else (("immediate", 60), ("under_5", 35), ("5_15", 5)))

    for category, typed in TYPE_PURCHASES[kind].items():
        answers[f"purchase_{category}"] = _typed(rng, typed, GENERIC_PURCHASE)
        place = answers[f"purchase_{category}"]
        if place in CENTRALITY_PURCHASE_PLACES:
            answers[purchase_centrality_question_name(category)] = _purchase_centrality(
                follow_up, questionnaire, place, visited)
    answers["online_share"] = _typed(rng, TYPE_ONLINE[kind], GENERIC_ONLINE)

    base = rng.gauss(3.3, 0.6)
    for topic, shift in (("offer", -0.2), ("opening_hours", -0.1), ("parking", -0.4),
                         ("public_transport", 0.1), ("cleanliness", 0.0), ("safety", 0.1),
                         ("events", 0.3)):
        if rng.random() < 0.08:
            continue            # no opinion
        value = base + shift + rng.gauss(0, 0.8)
        if topic == "parking" and centre_driver:
            value -= 1.1
        if topic == "public_transport" and zone == "outside":
            value -= 0.6
        answers[f"satisfaction_{topic}"] = _clip(value)
    answers["satisfaction_overall"] = _clip(base + rng.gauss(0, 0.5))
    if answers.get("satisfaction_opening_hours", 5) <= 2:
        answers["opening_hours_wishes"] = tuple(rng.sample(
            ["earlier_morning", "lunchtime", "evening", "monday", "sunday"], k=rng.randint(1, 2)))

    groups = [c.name for c in questionnaire.choice_lists["missing_group"].choices
              if c.name != "none"]
    weights = {"alimentaire": 18, "equipement_personne": 24, "culture_loisirs": 14,
               "equipement_maison": 10, "hygiene_sante_beaute": 6,
               "cafes_hotels_restaurants": 9, "services_marchands": 6,
               "services_non_marchands": 8, "automobile": 2}
    if rng.random() < 0.18:
        answers["missing_groups"] = ("none",)
    else:
        chosen = []
        for _ in range(rng.randint(1, 3)):
            chosen.append(_pick(rng, [(g, weights.get(g, 5)) for g in groups]))
        order = {g: i for i, g in enumerate(groups)}
        answers["missing_groups"] = tuple(sorted(set(chosen), key=order.get))
        if rng.random() < 0.3:
            answers["missing_details"] = rng.choice(
                ["Une poissonnerie", "Un magasin de chaussures", "Une librairie",
                 "Une quincaillerie", "Un bureau de poste", "Une boutique de vêtements enfants"])
    answers["priorities"] = tuple(sorted(rng.sample(
        ["more_shops", "fewer_vacant", "parking", "public_transport", "cycling", "pedestrian",
         "cleanliness", "safety", "events", "greenery"], k=rng.randint(1, 3))))
    answers["local_producers_interest"] = _typed(rng, TYPE_INTEREST[kind], GENERIC_INTEREST)
    answers["short_circuit_frequency"] = _typed(rng, TYPE_SHORT_CIRCUIT[kind],
                                                GENERIC_SHORT_CIRCUIT)
    if answers["local_producers_interest"] in ("very", "somewhat"):
        answers["producer_channels"] = tuple(sorted(_subset(
            rng, TYPE_CHANNELS[kind], GENERIC_CHANNELS, 1, 3)))
    answers["questionnaire_version"] = questionnaire.version
    return answers


def synthetic_answers(questionnaire: Questionnaire, n: int = 420,
                      seed: int = 2024) -> List[Dict[str, Any]]:
    """``n`` respondents' answers keyed by question name (all valid), reproducible from ``seed``."""
    rng = random.Random(seed)
    follow_up = random.Random(f"{seed}/purchase_centrality")
    out = []
    start = datetime.datetime(2024, 5, 13, 9, 0, 0)
    for i in range(n):
        answers = _respondent(rng, questionnaire, follow_up)
        opened = start + datetime.timedelta(days=i // 30, minutes=(i % 30) * 17)
        answers["_meta"] = {
            "uuid": str(uuid_module.UUID(int=rng.getrandbits(128), version=4)),
            "start": opened, "end": opened + datetime.timedelta(minutes=rng.randint(4, 11)),
            "submitted": opened + datetime.timedelta(minutes=rng.randint(15, 240)),
            "planted_type": answers.pop("_planted_type", None),
        }
        out.append(answers)
    return out


def planted_types(questionnaire: Questionnaire, n: int = 420,
                  seed: int = 2024) -> Dict[str, str]:
    """The behaviour type each consenting respondent of :func:`synthetic_answers` (same
    ``n`` and ``seed``) was drawn from, by submission uuid: what a typology should recover."""
    return {a["_meta"]["uuid"]: a["_meta"]["planted_type"]
            for a in synthetic_answers(questionnaire, n, seed)
            if a["_meta"]["planted_type"] is not None}


def write_planted_types(questionnaire: Questionnaire, path: PathLike, n: int = 420,
                        seed: int = 2024) -> Path:
    """:func:`planted_types` as a CSV (uuid, planted_type) beside the demo's outputs."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["uuid", "planted_type"])
        writer.writerows(sorted(planted_types(questionnaire, n, seed).items()))
    return path


def _headers(questionnaire: Questionnaire, separator: str, multi: str, flavour: str):
    """Export columns as (header, getter) where getter(answers) gives the cell value."""
    columns = []
    if flavour == "kobo":
        columns += [("start", lambda a: a["_meta"]["start"].isoformat(timespec="seconds")),
                    ("end", lambda a: a["_meta"]["end"].isoformat(timespec="seconds")),
                    ("today", lambda a: a["_meta"]["start"].date().isoformat())]
    else:
        columns += [("SubmissionDate",
                     lambda a: a["_meta"]["submitted"].isoformat(timespec="milliseconds") + "Z"),
                    ("start", lambda a: a["_meta"]["start"].isoformat(timespec="seconds")),
                    ("end", lambda a: a["_meta"]["end"].isoformat(timespec="seconds")),
                    ("today", lambda a: a["_meta"]["start"].date().isoformat())]
    for placed in questionnaire.placed_questions():
        q = placed.question
        if q.type == NOTE:
            continue
        header = separator.join(placed.path + (q.name,))

        def single(a, name=q.name):
            value = a.get(name)
            if isinstance(value, tuple):
                return " ".join(value)
            return value

        if q.type != SELECT_MULTIPLE or multi in ("space", "both"):
            columns.append((header, single))
        if q.type == SELECT_MULTIPLE and multi in ("onehot", "both"):
            for choice in questionnaire.choice_lists[q.choices].names:
                def flag(a, name=q.name, choice=choice):
                    value = a.get(name)
                    if value is None:
                        return None
                    return 1 if choice in value else 0

                columns.append((f"{header}{separator}{choice}", flag))
    if flavour == "kobo":
        columns += [("meta/instanceID", lambda a: "uuid:" + a["_meta"]["uuid"]),
                    ("_id", lambda a: a["_meta"]["index"] + 41000),
                    ("_uuid", lambda a: a["_meta"]["uuid"]),
                    ("_submission_time",
                     lambda a: a["_meta"]["submitted"].isoformat(timespec="seconds")),
                    ("_validation_status", lambda a: None),
                    ("_submitted_by", lambda a: a["_meta"]["agent"]),
                    ("__version__", lambda a: "vK7dGmQx3pL2"),
                    ("_index", lambda a: a["_meta"]["index"])]
    else:
        columns += [("meta-instanceID", lambda a: "uuid:" + a["_meta"]["uuid"]),
                    ("SubmitterName", lambda a: a["_meta"]["agent"]),
                    ("KEY", lambda a: "uuid:" + a["_meta"]["uuid"]),
                    ("ReviewState", lambda a: None)]
    return columns


def _inject(rows: List[Dict[str, Any]], questionnaire: Questionnaire, count: int,
            rng: random.Random) -> List[Defect]:
    """Spoil ``count`` rows (one defect each, cycling over BAD_ROW_KINDS); rows are 0-based."""
    defects = []
    candidates = [i for i, a in enumerate(rows) if a.get("consent") == "yes"]
    chosen = sorted(rng.sample(candidates, k=min(count, len(candidates))))
    for n, index in enumerate(chosen):
        answers = rows[index]
        kind = BAD_ROW_KINDS[n % len(BAD_ROW_KINDS)]
        if kind == "unknown_choice":
            answers["age_band"] = "30_40"
            defects.append(Defect(index + 2, "age_band", kind))
        elif kind == "out_of_range":
            answers["satisfaction_parking"] = 7
            defects.append(Defect(index + 2, "satisfaction_parking", kind))
        elif kind == "missing_required":
            answers["occupation"] = None
            answers.pop("works_in_territory", None)
            defects.append(Defect(index + 2, "occupation", "missing_required"))
        elif kind == "type_error":
            answers["household_size"] = "deux"
            answers.pop("household_children", None)
            defects.append(Defect(index + 2, "household_size", kind))
        elif kind == "too_many_choices":
            answers["missing_groups"] = ("alimentaire", "equipement_personne",
                                         "culture_loisirs", "automobile")
            answers.pop("missing_details", None)
            defects.append(Defect(index + 2, "missing_groups", kind))
        else:
            other = chosen[0] if index != chosen[0] else chosen[-1]
            answers["_meta"] = dict(answers["_meta"], uuid=rows[other]["_meta"]["uuid"])
            defects.append(Defect(index + 2, answers["_meta"]["id_key"], kind))
    return defects


def write_export(
    questionnaire: Questionnaire,
    path: PathLike,
    n: int = 420,
    seed: int = 2024,
    bad_rows: int = 6,
    multi: str = "both",
    separator: Optional[str] = None,
    flavour: str = "kobo",
) -> List[Defect]:
    """Write a synthetic export (``.xlsx`` or ``.csv`` from the suffix); returns its defects.

    :param multi: select_multiple encoding: ``"space"``, ``"onehot"`` or ``"both"`` (Kobo's
        default).
    :param separator: group separator in headers, ``"/"`` (Kobo's default) or ``"-"`` (ODK
        Central's, the default for ``flavour="odk"``).
    :param flavour: ``"kobo"`` or ``"odk"`` (metadata columns).
    """
    if multi not in ("space", "onehot", "both"):
        raise ValueError(f"unknown select_multiple encoding {multi!r}")
    if flavour not in ("kobo", "odk"):
        raise ValueError(f"unknown export flavour {flavour!r}")
    separator = separator or ("/" if flavour == "kobo" else "-")
    rows = synthetic_answers(questionnaire, n, seed)
    rng = random.Random(seed + 1)
    for index, answers in enumerate(rows):
        answers["_meta"].update(index=index + 1, agent=rng.choice(["enqueteur1", "enqueteur2",
                                                                    "enqueteur3"]),
                                id_key="_uuid" if flavour == "kobo" else "instanceID")
    defects = _inject(rows, questionnaire, bad_rows, rng)
    columns = _headers(questionnaire, separator, multi, flavour)
    header = [h for h, _ in columns]
    table = [[getter(a) for _, getter in columns] for a in rows]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = questionnaire.form_id[:31]
        sheet.append(header)
        for values in table:
            sheet.append(values)
        workbook.save(path)
    else:
        delimiter = ";" if flavour == "kobo" else ","
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter)
            writer.writerow(header)
            writer.writerows([["" if v is None else v for v in values] for values in table])
    return defects
