"""Deterministic synthetic KoboToolbox / ODK exports of the questionnaire, for the demo and tests.

:func:`synthetic_answers` draws plausible respondents from a seeded generator, with the
correlations a planner expects to see in the analysis: people from peripheral communes and from
outside come by car, town-centre residents walk; drivers to the town centre (the first centrality)
are less satisfied with parking; the young buy more online; retirees and executives are keener on
local producers; students are 15–24 and retirees 65+. Purchases made in a town or neighbourhood
centre say in which centrality: one of the matching level (primary for the town centre,
secondary or tertiary for a neighbourhood centre) when the centralities carry their level, any
otherwise, a visited one more often, now and then "elsewhere"; these follow-ups are drawn from
their own generator, so the other answers are the same as before they were asked.
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


def _mode(rng, zone, centre):
    if zone == "central":
        weights = (("walk", 45), ("bike", 12), ("public_transport", 23), ("car_driver", 15),
                   ("car_passenger", 3), ("motorbike", 2)) if centre else (
                   ("walk", 30), ("bike", 10), ("public_transport", 25), ("car_driver", 30),
                   ("car_passenger", 5))
    elif zone == "inner":
        weights = (("walk", 8), ("bike", 10), ("public_transport", 30), ("car_driver", 45),
                   ("car_passenger", 5), ("motorbike", 2))
    else:
        weights = (("public_transport", 12), ("car_driver", 72), ("car_passenger", 12),
                   ("motorbike", 2), ("bike", 2))
    return _pick(rng, weights)


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
    purchase centralities)."""
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

    zone, commune, _ = _pick(rng, [((z, c, w), w) for z, c, w in HOME_COMMUNES])
    answers["home_commune"] = commune
    if "commune" in questionnaire.choice_lists:
        names = questionnaire.choice_lists["commune"].names
        answers["home_commune"] = commune if commune in names else "other"
    if "iris" not in questionnaire.choice_lists and rng.random() < 0.6:
        answers["home_iris"] = (f"{commune}01{rng.randint(1, 9):02d}" if zone == "central"
                                else f"{commune}0000")
    age = _pick(rng, AGE_WEIGHTS)
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
        else _pick(rng, ((0, 5), (1, 45), (2, 42), (3, 8)))

    visited = []
    for code in codes:
        chance = 0.85 if code == centre else (0.45 if zone in ("central", "inner") else 0.3)
        if rng.random() < chance:
            visited.append(code)
    answers["centralities_visited"] = tuple(visited) or ("none",)
    centre_driver = False
    for code in visited:
        is_centre = code == centre
        answers[f"frequency__{code}"] = _pick(rng, (
            ("daily", 20 if zone == "central" else 4), ("several_week", 25), ("weekly", 25),
            ("several_month", 15), ("monthly", 8), ("rarely", 7)))
        reasons = rng.sample(["daily_shopping", "occasional_shopping", "market",
                              "cafe_restaurant", "private_services", "public_services", "work",
                              "culture_leisure", "events", "stroll"], k=rng.randint(1, 3))
        if occupation == "student" and rng.random() < 0.5:
            reasons[0] = "study"
        answers[f"visit_reasons__{code}"] = tuple(dict.fromkeys(reasons))
        mode = _mode(rng, zone, is_centre)
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

    young = age in ("15_24", "25_34")
    for category, centre_share in (("food_daily", 35), ("food_weekly", 10), ("clothing", 30),
                                   ("home", 8), ("culture_leisure", 35), ("health_beauty", 30),
                                   ("restaurants", 55)):
        far = zone in ("peripheral", "outside")
        answers[f"purchase_{category}"] = _pick(rng, (
            ("town_centre", centre_share * (0.5 if far else 1.0)),
            ("neighbourhood", 15), ("periphery", 25 * (1.6 if far else 1.0)),
            ("online", (20 if young else 6) if category not in ("food_daily", "restaurants")
             else 1),
            ("market_short_circuit", 12 if category.startswith("food") else 1),
            ("other_town", 4), ("not_concerned", 3)))
        place = answers[f"purchase_{category}"]
        if place in CENTRALITY_PURCHASE_PLACES:
            answers[purchase_centrality_question_name(category)] = _purchase_centrality(
                follow_up, questionnaire, place, visited)
    answers["online_share"] = _pick(rng, (("none", 5 if young else 25), ("under_quarter", 45),
                                          ("quarter_half", 30 if young else 20),
                                          ("over_half", 20 if young else 5)))

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
    keen = occupation in ("retired", "executive") or age in ("50_64", "65_74")
    answers["local_producers_interest"] = _pick(rng, (
        ("very", 40 if keen else 22), ("somewhat", 35), ("little", 15 if keen else 25),
        ("not_at_all", 5 if keen else 15)))
    answers["short_circuit_frequency"] = _pick(rng, (
        ("weekly", 30 if keen else 12), ("monthly", 30), ("rarely", 28), ("never", 12)))
    if answers["local_producers_interest"] in ("very", "somewhat"):
        answers["producer_channels"] = tuple(sorted(rng.sample(
            ["market", "farm_shop", "producers_shop", "basket", "online_order", "local_shops"],
            k=rng.randint(1, 3))))
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
        }
        out.append(answers)
    return out


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
