"""The population questionnaire of the observatory, as one declarative definition.

Residents and visitors are asked where they live, who they are, how often, why and how they come to
each centrality, where they do which purchases (and, for a town or neighbourhood centre, in which
centrality: observed shares for the Huff model's calibration), how satisfied they are with the town
centre, which shops and services they miss and whether local producers interest them. The same
definition feeds the XLSForm (:mod:`.xlsform`), the table layout (:mod:`.questionnaire_schema`),
the Kobo / ODK importer (:mod:`.kobo_import`) and the QGIS / QField form
(:mod:`.questionnaire_form`).

The centralities come from the observatory: :func:`build_questionnaire` takes them (code + name) at
generation time. The table layout does not depend on them (per-centrality answers are rows of a
child table), so the GeoPackage schema stays frozen whatever the territory.

Pure Python: no qgis import.
"""

import csv
from pathlib import Path
from typing import Iterable, Optional, Sequence, Tuple, Union

from .model import (
    CALCULATE,
    INTEGER,
    SELECT_MULTIPLE,
    SELECT_ONE,
    TEXT,
    Answered,
    Centrality,
    Choice,
    ChoiceList,
    Compare,
    Equals,
    Exclusive,
    Group,
    LessThan,
    MaxSelected,
    Not,
    OneOf,
    Pattern,
    Question,
    Questionnaire,
    Range,
    Selected,
    all_of,
)

QUESTIONNAIRE_VERSION = "2025.2"
# Earlier versions whose exports are still read: 2025.2 only added the optional follow-ups
# "in which centrality" (purchase_<category>_centrality) to 2025.1.
COMPATIBLE_VERSIONS = ("2025.1",)
FORM_ID = "observatoire_commerce_questionnaire"
TITLE_FR = "Observatoire du commerce : vos habitudes et vos attentes"
TITLE_EN = "Commerce observatory: your habits and expectations"

NOMENCLATURES = Path(__file__).resolve().parent.parent / "resources" / "nomenclatures"

# Separator between a per-centrality question's base name and the centrality code.
CENTRALITY_SEPARATOR = "__"

INSEE_COMMUNE_RE = "^([0-9]{5}|2[AB][0-9]{3})$"
IRIS_RE = "^([0-9]{5}|2[AB][0-9]{3})[0-9]{4}$"

CentralityLike = Union[Centrality, Tuple[str, str], Tuple[str, str, Optional[str]],
                       Tuple[str, str, Optional[str], Optional[str]]]
Coded = Tuple[str, str, str]  # (code, label_fr, label_en)


def _list(name: str, items: Iterable[Coded]) -> ChoiceList:
    return ChoiceList(name, tuple(Choice(code, fr, en) for code, fr, en in items))


def load_activity_groups() -> Tuple[Coded, ...]:
    """Activity groups a respondent may miss: the shipped nomenclature without ``hors_commerce``."""
    with open(NOMENCLATURES / "activity_groups.csv", encoding="utf-8", newline="") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: int(r["sort_order"]))
    return tuple((r["code"], r["label_fr"], r["label_en"]) for r in rows
                 if r["code"] != "hors_commerce")


YES_NO = (("yes", "Oui", "Yes"), ("no", "Non", "No"))

INTERVIEW_MODES = (
    ("street", "Enquête dans la rue", "Street interview"),
    ("online", "En ligne", "Online"),
    ("phone", "Par téléphone", "By phone"),
)

AGE_BANDS = (
    ("15_24", "15 à 24 ans", "15 to 24"),
    ("25_34", "25 à 34 ans", "25 to 34"),
    ("35_49", "35 à 49 ans", "35 to 49"),
    ("50_64", "50 à 64 ans", "50 to 64"),
    ("65_74", "65 à 74 ans", "65 to 74"),
    ("75_plus", "75 ans et plus", "75 and over"),
)

GENDERS = (
    ("female", "Femme", "Woman"),
    ("male", "Homme", "Man"),
    ("other", "Autre", "Other"),
    ("no_answer", "Ne souhaite pas répondre", "Prefers not to say"),
)

# INSEE PCS 2020 first level, with the inactive split the way the observatory reads it.
OCCUPATIONS = (
    ("farmer", "Agriculteur exploitant", "Farmer"),
    ("craft_trade", "Artisan, commerçant, chef d'entreprise",
     "Craftsman, shopkeeper, business owner"),
    ("executive", "Cadre, profession intellectuelle supérieure", "Executive, higher profession"),
    ("intermediate", "Profession intermédiaire", "Intermediate profession"),
    ("employee", "Employé", "Clerical or service worker"),
    ("worker", "Ouvrier", "Manual worker"),
    ("retired", "Retraité", "Retired"),
    ("student", "Élève, étudiant", "Pupil, student"),
    ("unemployed", "Chômeur", "Unemployed"),
    ("other_inactive", "Autre sans activité professionnelle", "Other, not working"),
)
ACTIVE_OCCUPATIONS = ("farmer", "craft_trade", "executive", "intermediate", "employee", "worker")

FREQUENCIES = (
    ("daily", "Tous les jours ou presque", "Every day or almost"),
    ("several_week", "Plusieurs fois par semaine", "Several times a week"),
    ("weekly", "Une fois par semaine", "Once a week"),
    ("several_month", "Deux ou trois fois par mois", "Two or three times a month"),
    ("monthly", "Une fois par mois", "Once a month"),
    ("rarely", "Moins souvent", "Less often"),
)

VISIT_REASONS = (
    ("daily_shopping", "Achats du quotidien", "Everyday shopping"),
    ("occasional_shopping", "Achats occasionnels (vêtements, cadeaux…)",
     "Occasional shopping (clothes, gifts…)"),
    ("market", "Le marché", "The market"),
    ("cafe_restaurant", "Cafés, restaurants", "Cafés, restaurants"),
    ("public_services", "Services publics (mairie, poste…)", "Public services (town hall, post…)"),
    ("private_services", "Services (banque, médecin, coiffeur…)",
     "Services (bank, doctor, hairdresser…)"),
    ("work", "Travail", "Work"),
    ("study", "Études", "Studies"),
    ("culture_leisure", "Culture, loisirs", "Culture, leisure"),
    ("events", "Événements, animations", "Events"),
    ("stroll", "Promenade, flânerie", "Stroll"),
    ("lives_there", "J'y habite", "I live there"),
)

TRANSPORT_MODES = (
    ("walk", "À pied", "On foot"),
    ("bike", "À vélo, trottinette", "Bike, scooter"),
    ("public_transport", "Bus, car, train", "Bus, coach, train"),
    ("car_driver", "Voiture (conducteur)", "Car (driver)"),
    ("car_passenger", "Voiture (passager), covoiturage", "Car (passenger), carpool"),
    ("motorbike", "Deux-roues motorisé", "Motorbike"),
    ("other", "Autre", "Other"),
)
MOTORISED_MODES = ("car_driver", "motorbike")

PARKING_PLACES = (
    ("street_free", "Sur voirie, gratuit", "On-street, free"),
    ("street_paid", "Sur voirie, payant", "On-street, paid"),
    ("car_park_paid", "Parking en ouvrage payant", "Paid car park"),
    ("car_park_free", "Parking gratuit", "Free car park"),
    ("park_and_ride", "Parking relais", "Park and ride"),
    ("private", "Place privée (domicile, travail)", "Private space (home, work)"),
    ("shop_car_park", "Parking d'un commerce", "A shop's car park"),
)

PARKING_SEARCH = (
    ("immediate", "Immédiatement", "Straight away"),
    ("under_5", "Moins de 5 minutes", "Under 5 minutes"),
    ("5_15", "5 à 15 minutes", "5 to 15 minutes"),
    ("over_15", "Plus de 15 minutes", "Over 15 minutes"),
)

PURCHASE_PLACES = (
    ("town_centre", "Centre-ville", "Town centre"),
    ("neighbourhood", "Centre de quartier ou de bourg", "Neighbourhood or village centre"),
    ("periphery", "Zone commerciale de périphérie", "Out-of-town retail park"),
    ("online", "Sur internet", "Online"),
    ("market_short_circuit", "Marché, producteurs, circuits courts",
     "Market, producers, short supply chains"),
    ("other_town", "Dans une autre ville", "In another town"),
    ("not_concerned", "Non concerné", "Not applicable"),
)

# Places of purchase asked "in which centrality" as a follow-up (Huff model calibration).
CENTRALITY_PURCHASE_PLACES = ("town_centre", "neighbourhood")
PURCHASE_CENTRALITY_SUFFIX = "_centrality"

# (code, label_fr, label_en, related activity group)
PURCHASE_CATEGORIES = (
    ("food_daily", "Alimentation du quotidien (pain, viande, fruits et légumes)",
     "Everyday food (bread, meat, fruit and vegetables)", "alimentaire"),
    ("food_weekly", "Grandes courses alimentaires", "Main grocery shopping", "alimentaire"),
    ("clothing", "Habillement, chaussures, accessoires", "Clothing, shoes, accessories",
     "equipement_personne"),
    ("home", "Équipement de la maison, bricolage, jardin", "Household goods, DIY, garden",
     "equipement_maison"),
    ("culture_leisure", "Culture, loisirs (livres, jeux, sport)",
     "Culture, leisure (books, games, sport)", "culture_loisirs"),
    ("health_beauty", "Hygiène, santé, beauté", "Health and beauty", "hygiene_sante_beaute"),
    ("restaurants", "Restaurants, cafés", "Restaurants, cafés", "cafes_hotels_restaurants"),
)

ONLINE_SHARES = (
    ("none", "Jamais", "Never"),
    ("under_quarter", "Moins d'un quart de mes achats", "Less than a quarter of my purchases"),
    ("quarter_half", "Entre un quart et la moitié", "Between a quarter and a half"),
    ("over_half", "Plus de la moitié", "More than half"),
)

SATISFACTION_TOPICS = (
    ("offer", "L'offre commerciale (choix, diversité)", "The shop offer (choice, variety)"),
    ("opening_hours", "Les horaires d'ouverture des commerces", "Shop opening hours"),
    ("parking", "Le stationnement", "Parking"),
    ("public_transport", "La desserte en transports en commun", "Public transport"),
    ("cleanliness", "La propreté", "Cleanliness"),
    ("safety", "La sécurité", "Safety"),
    ("events", "Les animations et événements", "Events and entertainment"),
    ("overall", "Le centre-ville dans son ensemble", "The town centre overall"),
)

OPENING_WISHES = (
    ("earlier_morning", "Plus tôt le matin", "Earlier in the morning"),
    ("lunchtime", "Entre midi et deux", "At lunchtime"),
    ("evening", "Plus tard le soir", "Later in the evening"),
    ("monday", "Le lundi", "On Mondays"),
    ("sunday", "Le dimanche", "On Sundays"),
)

PRIORITIES = (
    ("more_shops", "Plus de commerces", "More shops"),
    ("fewer_vacant", "Moins de vitrines vides", "Fewer empty shop fronts"),
    ("parking", "Stationnement", "Parking"),
    ("public_transport", "Transports en commun", "Public transport"),
    ("cycling", "Aménagements cyclables", "Cycling facilities"),
    ("pedestrian", "Rues piétonnes", "Pedestrian streets"),
    ("cleanliness", "Propreté", "Cleanliness"),
    ("safety", "Sécurité", "Safety"),
    ("events", "Animations", "Events"),
    ("greenery", "Végétalisation, ombre", "Greenery, shade"),
    ("opening_hours", "Horaires d'ouverture", "Opening hours"),
)

INTEREST = (
    ("very", "Très intéressé", "Very interested"),
    ("somewhat", "Plutôt intéressé", "Somewhat interested"),
    ("little", "Peu intéressé", "Not very interested"),
    ("not_at_all", "Pas du tout intéressé", "Not interested at all"),
)

SHORT_CIRCUIT_FREQUENCIES = (
    ("weekly", "Chaque semaine", "Every week"),
    ("monthly", "Chaque mois", "Every month"),
    ("rarely", "Rarement", "Rarely"),
    ("never", "Jamais", "Never"),
)

PRODUCER_CHANNELS = (
    ("market", "Au marché", "At the market"),
    ("farm_shop", "À la ferme", "At the farm"),
    ("producers_shop", "Magasin de producteurs en ville", "Producers' shop in town"),
    ("basket", "Paniers, AMAP", "Box scheme (AMAP)"),
    ("online_order", "Commande en ligne, drive fermier", "Online order, farm drive-through"),
    ("local_shops", "Rayons locaux des commerces", "Local products shelves in shops"),
)

NONE_CHOICE = ("none", "Aucun", "None")


def purchase_question_name(category: str) -> str:
    """Name (and column) of the "where do you buy" question of a purchase category."""
    return f"purchase_{category}"


def purchase_centrality_question_name(category: str) -> str:
    """Its follow-up "in which centrality?" (name and column): ``purchase_food_daily_centrality``.

    A centrality code, or ``elsewhere``; asked when the place is a town or neighbourhood centre.
    """
    return f"{purchase_question_name(category)}{PURCHASE_CENTRALITY_SUFFIX}"


def _purchase_questions(code: str, fr: str, en: str, group: str) -> Tuple[Question, Question]:
    """Where the respondent mostly buys a category, then in which centrality when it is one."""
    place = purchase_question_name(code)
    return (
        Question(place, SELECT_ONE,
                 f"{fr} : où achetez-vous le plus souvent ?",
                 f"{en}: where do you usually buy?", choices="purchase_place",
                 required=True, appearance="minimal",
                 description=f"Where the respondent mostly buys: {en.lower()} "
                             f"(activity group {group})"),
        Question(purchase_centrality_question_name(code), SELECT_ONE,
                 f"{fr} : dans quelle centralité ?",
                 f"{en}: in which centrality?", choices="centrality",
                 relevant=OneOf(place, CENTRALITY_PURCHASE_PLACES), appearance="minimal",
                 description=f"Centrality where the respondent mostly buys: {en.lower()} "
                             "(centrality code, 'elsewhere' otherwise)"),
    )


def centrality_question_name(base: str, code: str) -> str:
    """Name of a per-centrality question: ``frequency__centre_ville``."""
    return f"{base}{CENTRALITY_SEPARATOR}{code}"


def _as_centrality(item: CentralityLike) -> Centrality:
    if isinstance(item, Centrality):
        return item
    return Centrality(*item)


def _centrality_group(c: Centrality) -> Group:
    """The questions asked about one centrality the respondent visits."""
    def name(base):
        return centrality_question_name(base, c.code)

    mode = name("transport_mode")
    return Group(
        f"centrality{CENTRALITY_SEPARATOR}{c.code}", c.name, c.name,
        relevant=Selected("centralities_visited", c.code),
        children=(
            Question(name("frequency"), SELECT_ONE,
                     f"{c.name} : à quelle fréquence y venez-vous ?",
                     f"{c.name}: how often do you come here?",
                     choices="frequency", required=True, column="frequency",
                     centrality=c.code, description="How often the respondent comes"),
            Question(name("visit_reasons"), SELECT_MULTIPLE,
                     f"{c.name} : pour quelles raisons y venez-vous ? (3 au plus)",
                     f"{c.name}: why do you come here? (3 at most)",
                     choices="visit_reason", required=True, constraints=(MaxSelected(3),),
                     column="visit_reasons", centrality=c.code,
                     description="Why the respondent comes (at most 3)"),
            Question(mode, SELECT_ONE,
                     f"{c.name} : comment y venez-vous le plus souvent ?",
                     f"{c.name}: how do you usually get there?",
                     choices="transport_mode", required=True, column="transport_mode",
                     centrality=c.code, description="Usual transport mode"),
            Question(name("parking_place"), SELECT_ONE,
                     f"{c.name} : où vous garez-vous le plus souvent ?",
                     f"{c.name}: where do you usually park?",
                     choices="parking_place", required=True,
                     relevant=OneOf(mode, MOTORISED_MODES), column="parking_place",
                     centrality=c.code, description="Usual parking place (drivers)"),
            Question(name("parking_search"), SELECT_ONE,
                     f"{c.name} : combien de temps cherchez-vous une place ?",
                     f"{c.name}: how long do you look for a parking space?",
                     choices="parking_search", relevant=OneOf(mode, MOTORISED_MODES),
                     column="parking_search", centrality=c.code,
                     description="Time spent looking for a parking space (drivers)"),
        ),
    )


def _choice_lists(centralities, communes, iris, activity_groups) -> dict:
    lists = [
        _list("yes_no", YES_NO),
        _list("interview_mode", INTERVIEW_MODES),
        _list("age_band", AGE_BANDS),
        _list("gender", GENDERS),
        _list("occupation", OCCUPATIONS),
        _list("frequency", FREQUENCIES),
        _list("visit_reason", VISIT_REASONS),
        _list("transport_mode", TRANSPORT_MODES),
        _list("parking_place", PARKING_PLACES),
        _list("parking_search", PARKING_SEARCH),
        _list("purchase_place", PURCHASE_PLACES),
        _list("online_share", ONLINE_SHARES),
        _list("opening_wish", OPENING_WISHES),
        _list("priority", PRIORITIES),
        _list("interest", INTEREST),
        _list("short_circuit_frequency", SHORT_CIRCUIT_FREQUENCIES),
        _list("producer_channel", PRODUCER_CHANNELS),
        _list("missing_group", tuple(activity_groups) + (NONE_CHOICE,)),
        _list("centrality", tuple((c.code, c.name, c.name) for c in centralities)
              + (("elsewhere", "Ailleurs", "Elsewhere"),)),
        _list("centrality_visited", tuple((c.code, c.name, c.name) for c in centralities)
              + (NONE_CHOICE,)),
    ]
    if communes:
        lists.append(_list("commune", tuple((code, name, name) for code, name in communes)
                           + (("other", "Autre commune", "Other commune"),)))
    if iris:
        lists.append(ChoiceList("iris", tuple(
            Choice(code, name, name, filters=(("commune", commune),))
            for code, name, commune in iris)))
    return {cl.name: cl for cl in lists}


COMMUNE_DESCRIPTION = "INSEE code of the home commune ('other' when outside the offered list)"


def _residence_questions(communes, iris) -> Tuple[Question, ...]:
    if communes:
        commune = Question(
            "home_commune", SELECT_ONE, "Dans quelle commune habitez-vous ?",
            "Which commune do you live in?", choices="commune", required=True,
            appearance="minimal", description=COMMUNE_DESCRIPTION)
    else:
        commune = Question(
            "home_commune", TEXT, "Code INSEE de votre commune de résidence",
            "INSEE code of your home commune", required=True,
            constraints=(Pattern(INSEE_COMMUNE_RE, "Code INSEE à 5 caractères (ex. 86194).",
                                 "5-character INSEE code (e.g. 86194)."),),
            description=COMMUNE_DESCRIPTION)
    if iris:
        home_iris = Question(
            "home_iris", SELECT_ONE, "Dans quel quartier ?", "Which neighbourhood?",
            choices="iris", choice_filter=("commune", "home_commune"),
            relevant=Not(Equals("home_commune", "other")), appearance="minimal",
            hint_fr="Quartier IRIS de l'INSEE", hint_en="INSEE IRIS area",
            description="INSEE IRIS code of the home neighbourhood")
    else:
        home_iris = Question(
            "home_iris", TEXT, "Code IRIS du quartier (si connu)",
            "IRIS code of the neighbourhood (if known)",
            constraints=(Pattern(IRIS_RE, "Code IRIS à 9 caractères (ex. 861940101).",
                                 "9-character IRIS code (e.g. 861940101)."),),
            description="INSEE IRIS code of the home neighbourhood")
    return (commune, home_iris)


def build_questionnaire(
    centralities: Sequence[CentralityLike],
    communes: Optional[Sequence[Tuple[str, str]]] = None,
    iris: Optional[Sequence[Tuple[str, str, str]]] = None,
    activity_groups: Optional[Sequence[Coded]] = None,
) -> Questionnaire:
    """The questionnaire for an observatory.

    :param centralities: the centralities asked about, as :class:`Centrality` or
        ``(code, name[, uuid])``; codes are lower-case identifiers (see :func:`centrality_code`).
    :param communes: optional ``(insee_code, name)`` list: the home commune becomes a choice list
        (plus "other"); without it the INSEE code is typed and checked by a pattern.
    :param iris: optional ``(iris_code, name, insee_commune_code)`` list, filtered by the commune
        (needs ``communes``); without it the IRIS code is typed and checked by a pattern.
    :param activity_groups: ``(code, label_fr, label_en)`` the respondent may miss; defaults to the
        shipped nomenclature without ``hors_commerce``.
    """
    cents = tuple(_as_centrality(c) for c in centralities)
    if iris and not communes:
        raise ValueError("an IRIS list needs the list of communes it is filtered by")
    if communes:
        communes = [(str(code), name) for code, name in communes]
    if activity_groups is None:
        activity_groups = load_activity_groups()
    lists = _choice_lists(cents, communes, iris, activity_groups)
    consent = Equals("consent", "yes")
    occupation_active = OneOf("occupation", ACTIVE_OCCUPATIONS)

    children = (
        Group("interview", "Entretien", "Interview", children=(
            Question("interview_mode", SELECT_ONE, "Mode d'enquête", "Interview mode",
                     choices="interview_mode", required=True,
                     description="Street interview, online or by phone"),
            Question("interview_centrality", SELECT_ONE, "Lieu de l'enquête",
                     "Where the interview takes place", choices="centrality",
                     required=True, relevant=Equals("interview_mode", "street"),
                     description="Centrality code where a street interview took place"),
            Question("consent", SELECT_ONE,
                     "Acceptez-vous de répondre à quelques questions (5 minutes environ) sur vos "
                     "habitudes d'achat ? Vos réponses restent anonymes.",
                     "Do you agree to answer a few questions (about 5 minutes) on your shopping "
                     "habits? Your answers remain anonymous.",
                     choices="yes_no", required=True, description="Respondent's consent"),
        )),
        Group("profile", "Vous", "About you", relevant=consent, children=(
            *_residence_questions(communes, iris),
            Question("age_band", SELECT_ONE, "Quel est votre âge ?", "How old are you?",
                     choices="age_band", required=True, description="Age band"),
            Question("gender", SELECT_ONE, "Vous êtes…", "You are…", choices="gender",
                     description="Gender"),
            Question("occupation", SELECT_ONE, "Quelle est votre situation professionnelle ?",
                     "What is your occupation?", choices="occupation", required=True,
                     description="Occupation (INSEE PCS first level, inactive split)"),
            Question("works_in_territory", SELECT_ONE,
                     "Travaillez-vous dans l'agglomération ?",
                     "Do you work in the conurbation?", choices="yes_no",
                     relevant=occupation_active, description="Works in the conurbation"),
            Question("household_size", INTEGER,
                     "Combien de personnes vivent dans votre foyer (vous compris) ?",
                     "How many people live in your household (including you)?",
                     required=True, constraints=(Range(1, 12),),
                     description="Household size"),
            Question("household_children", INTEGER,
                     "Dont combien d'enfants de moins de 15 ans ?",
                     "Of whom how many children under 15?",
                     relevant=Compare("household_size", ">", 1),
                     constraints=(Range(0, 10), LessThan(
                         "household_size",
                         "Moins d'enfants que de personnes dans le foyer.",
                         "Fewer children than people in the household.")),
                     description="Children under 15 in the household"),
            Question("household_cars", INTEGER,
                     "Combien de voitures compte votre foyer ?",
                     "How many cars does your household have?",
                     constraints=(Range(0, 6),), description="Cars in the household"),
        )),
        Group("habits", "Vos venues", "Your visits", relevant=consent, children=(
            Question("centralities_visited", SELECT_MULTIPLE,
                     "Parmi ces lieux, lesquels fréquentez-vous au moins une fois par mois ?",
                     "Which of these places do you visit at least once a month?",
                     choices="centrality_visited", required=True,
                     constraints=(Exclusive("none"),),
                     description="Centralities visited at least monthly"),
            *(_centrality_group(c) for c in cents),
        )),
        Group("purchases", "Vos achats", "Your purchases", relevant=consent, children=(
            *(question for code, fr, en, group in PURCHASE_CATEGORIES
              for question in _purchase_questions(code, fr, en, group)),
            Question("online_share", SELECT_ONE,
                     "Quelle part de vos achats (hors alimentaire) faites-vous sur internet ?",
                     "What share of your non-food purchases do you make online?",
                     choices="online_share", required=True, description="Share bought online"),
        )),
        Group("satisfaction", "Votre avis sur le centre-ville", "Your opinion of the town centre",
              relevant=consent, children=(
                  *(Question(f"satisfaction_{code}", INTEGER, fr, en,
                             hint_fr="De 1 (pas du tout satisfait) à 5 (très satisfait) ; "
                                     "laisser vide sans avis.",
                             hint_en="From 1 (not satisfied at all) to 5 (very satisfied); "
                                     "leave blank if no opinion.",
                             constraints=(Range(1, 5),),
                             description=f"Satisfaction 1-5: {en.lower()}")
                    for code, fr, en in SATISFACTION_TOPICS),
                  Question("opening_hours_wishes", SELECT_MULTIPLE,
                           "À quels moments souhaiteriez-vous que les commerces soient ouverts ?",
                           "When would you like shops to be open?", choices="opening_wish",
                           relevant=Compare("satisfaction_opening_hours", "<=", 2),
                           description="Wished opening times (if dissatisfied with hours)"),
              )),
        Group("expectations", "Vos attentes", "Your expectations", relevant=consent, children=(
            Question("missing_groups", SELECT_MULTIPLE,
                     "Quels types de commerces ou de services vous manquent en centre-ville ? "
                     "(3 au plus)",
                     "Which kinds of shops or services do you miss in the town centre? "
                     "(3 at most)",
                     choices="missing_group", required=True,
                     constraints=(MaxSelected(3), Exclusive("none")),
                     description="Activity groups missed (at most 3)"),
            Question("missing_details", TEXT, "Lesquels précisément ?", "Which ones exactly?",
                     relevant=all_of(Answered("missing_groups"),
                                     Not(Selected("missing_groups", "none"))),
                     description="Shops or services missed, in the respondent's words"),
            Question("priorities", SELECT_MULTIPLE,
                     "Quelles devraient être les priorités pour le centre-ville ? (3 au plus)",
                     "What should the priorities for the town centre be? (3 at most)",
                     choices="priority", constraints=(MaxSelected(3),),
                     description="Priorities for the town centre (at most 3)"),
            Question("local_producers_interest", SELECT_ONE,
                     "Acheter des produits de producteurs locaux vous intéresse-t-il ?",
                     "Are you interested in buying from local producers?",
                     choices="interest", required=True,
                     description="Interest in local producers"),
            Question("short_circuit_frequency", SELECT_ONE,
                     "À quelle fréquence achetez-vous en circuit court (marché, producteurs) ?",
                     "How often do you buy through short supply chains (markets, producers)?",
                     choices="short_circuit_frequency", required=True,
                     description="How often the respondent buys through short supply chains"),
            Question("producer_channels", SELECT_MULTIPLE,
                     "Par quels moyens aimeriez-vous acheter aux producteurs locaux ?",
                     "How would you like to buy from local producers?",
                     choices="producer_channel",
                     relevant=OneOf("local_producers_interest", ("very", "somewhat")),
                     description="Preferred ways to buy from local producers"),
            Question("comments", TEXT, "Autres remarques", "Other comments",
                     appearance="multiline", description="Free comments"),
        )),
        Question("questionnaire_version", CALCULATE, calculation=f"'{QUESTIONNAIRE_VERSION}'",
                 description="Version of the questionnaire definition"),
    )
    questionnaire = Questionnaire(
        form_id=FORM_ID, version=QUESTIONNAIRE_VERSION, title_fr=TITLE_FR, title_en=TITLE_EN,
        children=children, choice_lists=lists,
        centralities=cents, compatible_versions=COMPATIBLE_VERSIONS)
    questionnaire.validate()
    return questionnaire
