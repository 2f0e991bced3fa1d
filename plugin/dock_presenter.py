"""The observatory dock's presenter: what the dock shows, without a widget.

It holds the socle (observatory GeoPackage) of the current project, its centralities, the chosen
centrality and the *cards* of its key indicators, read through :mod:`store.dock`. Each card is
the latest value of one indicator (formatted with its unit, the period it describes and the date
it was computed) and its series over the periods, for a small trend chart. The view
(:mod:`.dock`) only listens to the signals and calls :meth:`DockPresenter.select`,
:meth:`DockPresenter.set_socle`, :meth:`DockPresenter.refresh`.

Periods of a series: campaign periods in the campaigns' order; for footfall, whole years only
(the table also holds months).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qgis.PyQt.QtCore import QLocale, QObject, pyqtSignal

from ..i18n import noop, tr
from ..reporting.formatting import vacancy_shown
from ..store import dock as store_dock
from ..store import gpkg, observatory

YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class KeyIndicator:
    code: str
    label: str  # English source, translated when shown
    decimals: int = 0
    unit: str | None = None  # shown unit (translated); None: none
    periods: str = "all"  # "all" or "years"


KEY_INDICATORS = (
    KeyIndicator("vacancy_rate", noop("Vacancy rate"), 1, "%"),
    KeyIndicator("vacant_premises", noop("Vacant premises")),
    KeyIndicator("premises", noop("Premises")),
    KeyIndicator("long_term_vacant_premises", noop("Long-term vacant premises")),
    KeyIndicator("turnover_rate", noop("Turnover rate"), 1, "%"),
    KeyIndicator("shops", noop("Shops")),
    KeyIndicator("shop_density", noop("Shops per 1,000 inhabitants"), 1),
    KeyIndicator("footfall_mean_daily", noop("Footfall (passages per day and counter)"),
                 periods="years"),
    KeyIndicator("footfall_yoy", noop("Footfall change over a year"), 1, "%", "years"),
    KeyIndicator("catchment_population_walk_10min", noop("Inhabitants within a 10 min walk")),
    KeyIndicator("huff_market_share", noop("Huff market share"), 1, "%"),
    KeyIndicator("services", noop("Public services")),
)

# (algorithm id, English button text): the dock's "run on this centrality" buttons
ACTIONS = (
    ("vacancy_rates", noop("Vacancy")),
    ("offer_mix", noop("Offer mix")),
    ("footfall_by_centrality", noop("Footfall")),
    ("network_catchments", noop("Catchments")),
    ("print_atlas", noop("Atlas")),
)
# Indicators read against the Procos vacancy bands (printed with the decimals their band needs)
PROCOS_RATES = {"vacancy_rate"}
# Parameters of those algorithms that take centrality names, filled with the chosen one
CENTRALITY_PARAMETERS = ("CENTRALITIES", "CENTRALITY")


@dataclass
class Card:
    """One key indicator of the chosen centrality."""

    code: str
    label: str
    value: str  # latest value with its unit
    period: str  # the period the latest value describes
    computed: str  # date it was computed (YYYY-MM-DD)
    change: str  # change from the previous period ("" when none)
    series: list = field(default_factory=list)  # [(period, value)] for the trend chart


def format_number(value, decimals: int = 0) -> str:
    """``value`` in the interface's locale (1 234,5 in French)."""
    if value is None:
        return "–"
    locale = QLocale()
    return locale.toString(float(value), "f", decimals)


def _with_unit(text: str, unit: str | None) -> str:
    if not unit:
        return text
    return tr("{value}%").format(value=text) if unit == "%" else f"{text} {unit}"


def cards_for(rows, key_indicators=KEY_INDICATORS) -> list:
    """Cards from the rows of :func:`store.dock.indicator_rows` (one centrality), in the order
    of ``key_indicators``; indicators without a value are left out."""
    by_code: dict = {}
    for row in rows:
        by_code.setdefault(row["indicator"], []).append(row)
    cards = []
    for key in key_indicators:
        found = [r for r in by_code.get(key.code, [])
                 if key.periods == "all" or YEAR.match(str(r["period"] or ""))]
        found = [r for r in found if r["value"] is not None]
        if not found:
            continue
        latest = found[-1]
        change = ""
        if len(found) > 1:
            delta = latest["value"] - found[-2]["value"]
            text = format_number(abs(delta), key.decimals)
            sign = "+" if delta > 0 else ("−" if delta < 0 else "±")
            points = key.unit == "%"
            change = (tr("{sign}{value} pts since {period}") if points else
                      tr("{sign}{value} since {period}")).format(
                          sign=sign, value=text, period=found[-2]["period"])
        shown, decimals = latest["value"], key.decimals
        if key.code in PROCOS_RATES:  # as printed in the atlas: 9,98 % stays "préoccupante"
            shown, decimals = vacancy_shown(float(shown), decimals)
        cards.append(Card(
            code=key.code, label=tr(key.label),
            value=_with_unit(format_number(shown, decimals), key.unit),
            period=str(latest["period"]), computed=str(latest["computed_at"] or "")[:10],
            change=change, series=[(str(r["period"]), float(r["value"])) for r in found]))
    return cards


def algorithm_parameters(socle: str | None, centrality: dict | None, parameter_names) -> dict:
    """Parameters pre-filled in an algorithm's dialog: the socle, and the chosen centrality's
    name in the parameters of :data:`CENTRALITY_PARAMETERS` the algorithm has."""
    params = {}
    names = set(parameter_names)
    if socle and "GEOPACKAGE" in names:
        params["GEOPACKAGE"] = socle
    if centrality is not None:
        for name in CENTRALITY_PARAMETERS:
            if name in names:
                params[name] = centrality["name"]
    return params


class DockPresenter(QObject):
    """State of the dock; emits what changed."""

    socleChanged = pyqtSignal(str)  # noqa: N815 - Qt signal naming
    centralitiesChanged = pyqtSignal(list)  # noqa: N815
    selectionChanged = pyqtSignal(object)  # noqa: N815 - the centrality dict, or None
    cardsChanged = pyqtSignal(list)  # noqa: N815
    messageChanged = pyqtSignal(str)  # noqa: N815
    upgradeNeeded = pyqtSignal(bool)  # noqa: N815 - the socle has an older schema

    def __init__(self, parent=None):
        super().__init__(parent)
        self.socle: str | None = None
        self.centralities: list = []
        self.selected: dict | None = None
        self.cards: list = []
        self.message = ""
        self.old_schema: int | None = None  # the socle's schema when older than the plugin's
        self._stamp = None

    # -- reading ------------------------------------------------------------------------
    def _read(self, reader):
        conn = gpkg.connect(self.socle)
        try:
            return reader(conn)
        finally:
            conn.close()

    def set_socle(self, path: str | None) -> None:
        """Follow ``path`` (None: no socle); keeps the chosen centrality when it still exists."""
        if path == self.socle and path is not None:
            return
        self.socle = path
        self.socleChanged.emit(path or "")
        self.reload()

    def reload(self) -> None:
        keep = self.selected["uuid"] if self.selected else None
        self.centralities, self._stamp, self.old_schema = [], None, None
        if self.socle:
            try:
                version = self._read(observatory.schema_version)
                self.centralities, self._stamp = self._read(
                    lambda c: (store_dock.centralities(c), store_dock.indicators_stamp(c)))
                self._set_message("" if self.centralities else tr(
                    "{path} holds no centrality yet.").format(path=self.socle))
                if version < observatory.LATEST_VERSION:
                    self.old_schema = version
                    self._set_message(tr(
                        "{path} has schema version {old}; this version of the plugin works on "
                        "{new}. Upgrade it (a copy of the file as it is is kept beside it) "
                        "before running analyses.").format(
                            path=self.socle, old=version, new=observatory.LATEST_VERSION))
            except Exception as exc:  # noqa: BLE001 - shown to the user, the dock stays usable
                self._set_message(tr("{path} cannot be read: {error}").format(
                    path=self.socle, error=exc))
        else:
            self._set_message(tr("No observatory GeoPackage in this project: open one of its "
                                 "layers or choose the file."))
        self.upgradeNeeded.emit(self.old_schema is not None)
        self.centralitiesChanged.emit(list(self.centralities))
        self.select(keep)

    def refresh(self) -> bool:
        """Reload when the socle's indicators changed since the last read; True if it did."""
        if not self.socle:
            return False
        try:
            stamp = self._read(store_dock.indicators_stamp)
        except Exception:  # noqa: BLE001 - a file being written: the next change will tell
            return False
        if stamp == self._stamp:
            return False
        self.reload()
        return True

    def select(self, uuid: str | None) -> None:
        """Choose the centrality ``uuid`` (None or unknown: none) and read its indicators."""
        chosen = next((c for c in self.centralities if c["uuid"] == uuid), None)
        self.selected = chosen
        self.cards = []
        if chosen is not None and self.socle:
            codes = [k.code for k in KEY_INDICATORS]
            try:
                rows = self._read(lambda c: store_dock.indicator_rows(c, chosen["uuid"], codes))
            except Exception as exc:  # noqa: BLE001
                rows = []
                self._set_message(tr("{path} cannot be read: {error}").format(
                    path=self.socle, error=exc))
            self.cards = cards_for(rows)
            if not self.cards:
                self._set_message(tr("No indicator computed for {name} yet: run an algorithm "
                                     "below.").format(name=chosen["name"]))
            elif self.message and self.old_schema is None:
                self._set_message("")
        self.selectionChanged.emit(chosen)
        self.cardsChanged.emit(list(self.cards))

    def _set_message(self, text: str) -> None:
        self.message = text
        self.messageChanged.emit(text)
