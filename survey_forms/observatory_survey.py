"""The questionnaire of one observatory: built from its socle, exported, and its answers imported.

The questionnaire asks about the observatory's own centralities (by their codes, see
:mod:`store.survey`) and offers its activity groups as "missing" choices. The XLSForm export
and the answers' import fill the missing centrality codes first, in their own transaction, so
that the codes sent to KoboToolbox are the codes the answers come back with.

The answers' file is read by :func:`ingest.sources.survey_exports.read_submissions` (the
reading path of every importer); :func:`import_export` takes what it read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

from ..i18n import tr
from ..store import gpkg
from ..store import survey as survey_store
from ..store.survey import SurveyStoreError
from .kobo_import import ImportResult, Rejection, validate_export
from .model import Centrality, Questionnaire
from .questionnaire import build_questionnaire, load_activity_groups


def questionnaire_for(conn) -> Questionnaire:
    """The questionnaire of this observatory (its centralities and activity groups); no write."""
    survey_store.check_questionnaire_schema(conn)
    cents = [Centrality(r["code"], r["name"] or r["code"], r["uuid"], r["level"])
             for r in survey_store.centrality_codes(conn)]
    if not cents:
        raise SurveyStoreError(tr("the GeoPackage holds no centrality: the questionnaire asks "
                                  "about each centrality, add them first"))
    groups = survey_store.activity_group_rows(conn)
    if groups is None:
        groups = list(load_activity_groups())
    return build_questionnaire(cents, activity_groups=groups)


def questionnaire_for_project(conn) -> tuple:
    """``(questionnaire, codes_filled)`` for the "Questionnaire" QGIS project.

    The project's value relations key on ``centralities.code``: missing codes are written
    first, in their own transaction (as the XLSForm export does).
    """
    questionnaire = questionnaire_for(conn)
    return questionnaire, survey_store.fill_missing_codes(conn)


def export_xlsform(conn, path) -> dict:
    """Write the observatory's XLSForm to ``path``; fills missing centrality codes first.

    Returns ``{"path", "questions", "centralities", "codes_filled", "version"}``.
    """
    from .xlsform import write_xlsform

    questionnaire = questionnaire_for(conn)
    codes_filled = survey_store.fill_missing_codes(conn)
    written = write_xlsform(questionnaire, path)
    return {"path": str(written), "questions": len(questionnaire.questions()),
            "centralities": len(questionnaire.centralities), "codes_filled": codes_filled,
            "version": questionnaire.version}


@dataclass
class SurveyImport:
    """What an import did: the validation result and the rows written per table."""

    result: ImportResult
    written: Dict[str, int] = field(default_factory=dict)
    codes_filled: int = 0

    @property
    def rejections(self) -> List[Rejection]:
        return self.result.rejected

    def summary(self) -> dict:
        return {"file": self.result.file, "source": self.result.source,
                "rows_read": self.result.rows_read, "accepted": len(self.result.responses),
                "rejected_rows": len(self.result.rejected_rows),
                "skipped": len(self.result.skipped), "written": dict(self.written),
                "ignored_columns": list(self.result.ignored_columns)}


def import_export(conn, table, *, progress: Optional[Callable[[float], None]] = None,
                  is_canceled: Optional[Callable[[], bool]] = None) -> SurveyImport:
    """Validate a Kobo / ODK export and write its accepted rows in one transaction.

    ``table`` is the export as read by
    :func:`ingest.sources.survey_exports.read_submissions` (``file``, ``header``, ``rows``,
    ``unreadable``). Submissions already stored (same submission uuid) are skipped, so
    importing the same export twice writes nothing the second time. Nothing is written when
    no row is accepted, nor when the file is refused (:class:`.kobo_import.SurveyImportError`,
    :class:`store.survey.SurveyStoreError`), nor on cancel (returns with nothing written).
    """
    questionnaire = questionnaire_for(conn)
    if progress:
        progress(5)
    result = validate_export(table, questionnaire,
                             skip_uuids=survey_store.stored_response_uuids(conn))
    if progress:
        progress(60)
    outcome = SurveyImport(result)
    if not result.responses or (is_canceled and is_canceled()):
        return outcome
    with gpkg.transaction(conn):
        outcome.codes_filled = survey_store.fill_centrality_codes(conn)
        outcome.written = survey_store.write_answers(conn, result.tables())
    if progress:
        progress(100)
    return outcome
