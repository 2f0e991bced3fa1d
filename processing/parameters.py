"""Parameters shared by several algorithms: declaring them, and reading the texts users type
(comma-separated lists, ``key=value; …`` mappings, dates, hours, bands, CRS)."""

from __future__ import annotations

import datetime as dt

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameters,
    QgsProcessingParameterString,
)

from ..i18n import tr
from ..ingest.importers.framework import ImportRefusedError
from ..ingest.importers.framework import parse_mapping as parse_mapping_text
from ..store import tables as store_tables
from ..store.readers import offer as offer_readers

#: The Date type of QgsProcessingParameterDateTime (a scoped enum in Qgis from QGIS 3.36 on).
DATE_TYPE = (Qgis.ProcessingDateTimeParameterDataType.Date
             if hasattr(Qgis, "ProcessingDateTimeParameterDataType")
             else QgsProcessingParameterDateTime.Date)

# ------------------------------------------------------------------------------ parsers


def split_list(text: str) -> list:
    """Items separated by commas or semicolons, stripped, empty ones dropped."""
    return [t.strip() for t in (text or "").replace(";", ",").split(",") if t.strip()]


def parse_mapping(text: str) -> dict:
    """``"start_datetime=jour+heure; count=passages"`` → ``{'start_datetime': ['jour',
    'heure'], 'count': 'passages'}``; QgsProcessingException when an entry is not
    ``key=value``."""
    try:
        return parse_mapping_text(text)
    except ImportRefusedError as exc:
        raise QgsProcessingException(str(exc)) from exc


def parse_date(text: str) -> dt.date | None:
    """``YYYY-MM-DD`` → date; None when empty or not a date."""
    try:
        return dt.date.fromisoformat((text or "").strip())
    except ValueError:
        return None


def parse_hours(text: str):
    """``"9-19"`` → hours 9 … 18 (end excluded); ``"8,12,17"`` → those hours."""
    text = (text or "").strip()
    if not text:
        return tuple(range(24))
    try:
        if "-" in text:
            a, b = (int(v) for v in text.split("-", 1))
            if not 0 <= a < b <= 24:
                raise ValueError
            return tuple(range(a, b))
        hours = tuple(int(v) for v in split_list(text))
        if not hours or any(not 0 <= h <= 23 for h in hours):
            raise ValueError
        return hours
    except ValueError as exc:
        raise QgsProcessingException(tr(
            "Hours {text!r}: write a range start-end such as 9-19 (end excluded) or hours "
            "separated by commas, between 0 and 24.").format(text=text)) from exc


def parse_bands(text: str) -> list:
    """"5, 10, 15" → [5.0, 10.0, 15.0] (sorted, unique); QgsProcessingException if unreadable."""
    try:
        values = sorted({float(t) for t in split_list(text)})
    except ValueError as exc:
        raise QgsProcessingException(tr(
            "Bands must be numbers separated by commas (e.g. 5, 10, 15), got {text}.").format(
                text=text)) from exc
    if not values or values[0] <= 0:
        raise QgsProcessingException(tr(
            "Bands must be positive numbers separated by commas (e.g. 5, 10, 15), got "
            "{text}.").format(text=text))
    return values


def epsg_of(crs: QgsCoordinateReferenceSystem):
    """EPSG code of a valid CRS parameter (None when not set); error when not an EPSG CRS."""
    if crs is None or not crs.isValid():
        return None
    auth = crs.authid()
    if not auth.upper().startswith("EPSG:"):
        raise QgsProcessingException(tr(
            "The CRS {crs} has no EPSG code: choose an EPSG CRS for the coordinates.").format(
                crs=auth or crs.description()))
    return int(auth.split(":")[1])


# ------------------------------------------------------------------- reading parameters

def as_text(alg, parameters, key, context) -> str:
    """The string parameter ``key``, stripped ("" when empty)."""
    value = alg.parameterAsString(parameters, key, context)
    return value.strip() if value else ""


def as_date(alg, parameters, key, context) -> dt.date | None:
    """The date parameter ``key`` (None when empty). ``qgis_process`` passes it as text
    (``KEY=2024-01-31``), the toolbox and models as a date."""
    value = QgsProcessingParameters.parameterAsDate(alg.parameterDefinition(key), parameters,
                                                    context)
    return value.toPyDate() if value is not None and value.isValid() else None


def as_list(alg, parameters, key, context) -> list:
    return split_list(alg.parameterAsString(parameters, key, context))


def as_mapping(alg, parameters, key, context) -> dict:
    return parse_mapping(as_text(alg, parameters, key, context))


def campaign_uuids(alg, camps, parameters, key, context):
    """uuids of the campaigns named in the parameter ``key`` (``camps``: the campaigns frame);
    None when empty (every campaign)."""
    wanted = as_list(alg, parameters, key, context)
    unknown = [w for w in wanted if w not in set(camps["name"])]
    if unknown:
        raise QgsProcessingException(tr(
            "Unknown campaign(s): {unknown}. Campaigns in the GeoPackage: {known}.").format(
                unknown=", ".join(unknown), known=", ".join(camps["name"]) or "-"))
    return camps.loc[camps["name"].isin(wanted), "uuid"].tolist() if wanted else None


def centrality_uuids(alg, conn, parameters, key, context):
    """uuids of the centralities named in the parameter ``key`` (names separated by commas),
    in the order given; None when empty (every centrality). QgsProcessingException naming the
    unknown names and the GeoPackage's centralities."""
    return uuids_of_names(conn, as_list(alg, parameters, key, context))


def uuids_of_names(conn, names):
    """uuids of the centralities ``names`` (duplicates once, in the order given); None when
    there is no name. QgsProcessingException naming the unknown names and the known ones."""
    wanted = list(dict.fromkeys(names))
    if not wanted:
        return None
    known = store_tables.key_map(conn, "centralities", "name", "uuid")
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise QgsProcessingException(tr(
            "Unknown centrality name(s): {unknown}. Centralities in the GeoPackage: "
            "{known}.").format(unknown=", ".join(unknown),
                               known=", ".join(sorted(known)) or "-"))
    return [known[n] for n in wanted]


def vacant_statuses(alg, conn, parameters, key, context):
    """Status codes of the parameter ``key``, checked against the GeoPackage (None: empty)."""
    statuses = as_list(alg, parameters, key, context)
    known = set(offer_readers.status_codes(conn))
    bad = [s for s in statuses if s not in known]
    if bad:
        raise QgsProcessingException(tr(
            "Unknown status code(s): {bad}. Known codes: {known}.").format(
                bad=", ".join(bad), known=", ".join(sorted(known))))
    return statuses or None


# ------------------------------------------------------------------ declaring parameters

# Text parameters whose names come from the socle: parameter name → (table, several names).
# In the dialogs they are chosen from lists (plugin/parameter_widgets.py, named by its module
# path so that processing/ imports no GUI); the value stays text, as qgis_process passes it.
NAME_LISTS = {
    "CAMPAIGNS": ("campaigns", True),
    "CAMPAIGN": ("campaigns", False),
    "CENTRALITIES": ("centralities", True),
    "CENTRALITY": ("centralities", False),
}
NAME_LIST_WRAPPER = __name__.rsplit(".", 2)[0] + ".plugin.parameter_widgets.NameListWrapper"


def attach_name_list(param) -> None:
    """Give a text parameter named in :data:`NAME_LISTS` the dialog widget listing the socle's
    campaigns or centralities (unless it already has a widget of its own)."""
    if not isinstance(param, QgsProcessingParameterString) or param.name() not in NAME_LISTS:
        return
    metadata = dict(param.metadata() or {})
    if "widget_wrapper" in metadata:
        return
    table, multiple = NAME_LISTS[param.name()]
    metadata["widget_wrapper"] = {"class": NAME_LIST_WRAPPER, "table": table,
                                  "multiple": multiple}
    param.setMetadata(metadata)

def advanced(param):
    param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    return param


def add_file(alg, key, description, optional=False, extension=""):
    param = QgsProcessingParameterFile(key, description, behavior=QgsProcessingParameterFile.File,
                                       extension=extension, optional=optional)
    alg.addParameter(param)
    return param


def add_string(alg, key, description, default=None, optional=True, advanced=False,
               help_text=None):
    param = QgsProcessingParameterString(key, description, defaultValue=default,
                                         optional=optional)
    if advanced:
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    if help_text:
        param.setHelp(help_text)
    alg.addParameter(param)
    return param


def add_date(alg, key, description, optional=True, advanced=False, help_text=None):
    """A date parameter (``QgsProcessingParameterDateTime`` of type Date; text YYYY-MM-DD on
    the command line)."""
    param = QgsProcessingParameterDateTime(key, description, DATE_TYPE, optional=optional)
    if advanced:
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    if help_text:
        param.setHelp(help_text)
    alg.addParameter(param)
    return param


def add_table_sink(alg, key, description, optional=False, create_by_default=True):
    alg.addParameter(QgsProcessingParameterFeatureSink(
        key, description, QgsProcessing.TypeVector, optional=optional,
        createByDefault=create_by_default))


def add_write_parameter(alg, key="WRITE_INDICATORS"):
    alg.addParameter(QgsProcessingParameterBoolean(
        key, tr("Write the results to the indicators table"), defaultValue=True))


def add_campaigns_parameter(alg, key="CAMPAIGNS"):
    alg.addParameter(QgsProcessingParameterString(
        key, tr("Campaigns (names separated by commas; empty = all)"), optional=True))


def add_centralities_parameter(alg, description: str, key="CENTRALITIES"):
    """Optional centrality names (text: names separated by commas, as qgis_process passes
    them; ticked in a list of the socle's centralities in the dialogs, see
    :data:`NAME_LISTS`)."""
    alg.addParameter(QgsProcessingParameterString(key, description, optional=True))


def add_vacant_statuses_parameter(alg, key="VACANT_STATUSES"):
    alg.addParameter(advanced(QgsProcessingParameterString(
        key, tr("Statuses counted as vacant (codes separated by commas; empty = those "
                "flagged in the GeoPackage)"), optional=True)))


def add_include_unconfirmed_parameter(alg, key="INCLUDE_UNCONFIRMED"):
    alg.addParameter(QgsProcessingParameterBoolean(
        key, tr("Count observations still to confirm (pre-filled) with their pre-filled "
                "status"), defaultValue=True))


def add_zones_parameters(alg, zones="ZONES", name_field="ZONE_NAME_FIELD"):
    """An optional polygon layer of zones (empty = the centralities) and its name field."""
    alg.addParameter(QgsProcessingParameterFeatureSource(
        zones, tr("Zones (empty = the centralities of the GeoPackage)"),
        [QgsProcessing.TypeVectorPolygon], optional=True))
    alg.addParameter(QgsProcessingParameterField(
        name_field, tr("Zone name field"), parentLayerParameterName=zones, optional=True))
