"""Translated messages of the formulas' errors and notices.

:mod:`analysis` cannot translate (no Qt): its :class:`~analysis.errors.AnalysisError` and
:class:`~analysis.errors.Notice` carry a ``code`` and ``fields``; :func:`describe` gives the
message a user reads, in their language. A code without a message here keeps the English text.
"""

from __future__ import annotations

from ..analysis.errors import AnalysisError, Notice
from ..i18n import noop, tr

__all__ = ["AnalysisError", "MESSAGES", "Notice", "describe"]

MESSAGES = {
    # vacancy, history
    "unknown_campaigns": noop("observations refer to unknown campaign(s): {campaigns}"),
    "unknown_premises": noop("observations refer to unknown premise(s): {premises}"),
    "premises_twice": noop("premises listed twice: {premises}"),
    "observed_twice": noop("premise {premise} is observed twice in campaign {campaign}: keep "
                           "one observation"),
    "campaigns_undated": noop("campaign(s) {campaigns} have no date: give them a start date or "
                              "a year"),
    "campaign_dates": noop("campaign dates not understood: {dates}; expected YYYY-MM-DD or a "
                           "year"),
    "lineage_cycle": noop("the premise lineage (splits and merges) has a cycle through premise "
                          "{premise}: fix premise_lineage"),
    # footfall
    "no_time_step": noop("cannot infer the time step of the counts: give the channels a time "
                         "step"),
    "channels_without_step": noop("no time step for the channel(s) {channels}"),
    "step_over_a_day": noop("time steps longer than one day cannot give daily footfall: "
                            "channel(s) {channels}"),
    "end_before_start": noop("the last day ({end}) is before the first day ({start})"),
    "channels_without_measure": noop("no measure and no time step for the channel(s) "
                                     "{channels}: counted as gaps with the most common time "
                                     "step"),
    "no_hourly_profile": noop("hourly profile not computed: a channel's time step does not "
                              "divide one hour (time steps: {steps})"),
    # events
    "baseline_weeks": noop("the baseline needs at least one previous week"),
    "neutral_dates_missing": noop("a neutral baseline needs its first and last day"),
    "neutral_reversed": noop("the neutral period ends ({end}) before it starts ({start})"),
    "event_reversed": noop("an event ends ({end}) before it starts ({start}): fix its dates"),
    # dwell time, presence data, activity barometer
    "sessions_outside_window": noop("{n} session(s) entering outside the analysis window "
                                    "{start} – {end} left out"),
    "no_capacity": noop("no usable capacity (spaces > 0) for {keys}: rotation left empty"),
    "no_sessions": noop("no parking session to summarise"),
    "class_edges": noop("dwell classes: the limits {edges} must be positive and increasing "
                        "(minutes)"),
    "presence_rejected": noop("{n} presence row(s) left out (missing or unreadable values)"),
    "presence_no_bounds": noop("presence data: dwell classes without bounds in minutes give "
                               "their distribution only, no mean dwell"),
    "naf_unmapped": noop("NAF codes without an activity group (counted as 'unmapped'): "
                         "{codes}"),
    "sirets_without_position": noop("{n} establishment(s) without position (no row with "
                                    "coordinates in a SIRENE stock file, no premise linked to "
                                    "their SIRET): counted outside every centrality"),
    "no_history_event": noop("the SIRENE history holds no creation, closure or transfer: give "
                             "the first and last month"),
    # Huff
    "no_choice": noop("the calibration needs at least one observed choice"),
    "unavailable_choice": noop("observation {observation} chose destination {destination}, "
                               "which is unavailable (no path or zero attractiveness)"),
    "alpha_not_identifiable": noop("every destination has the same attractiveness: alpha "
                                   "cannot be estimated; untick “Estimate alpha” and give "
                                   "its value"),
    # site scoring
    "criterion_absent": noop("criterion {criterion} skipped: no such column in the data"),
    "criterion_empty": noop("criterion {criterion} skipped: no data for any candidate"),
    "criterion_gaps": noop("criterion {criterion}: {n} candidate(s) without data score 0"),
    "similarity_skipped": noop("criterion 'similarity' skipped: no criterion data to compare"),
    "no_criterion": noop("no criterion can be scored: every criterion lacks data"),
    "weights_renormalised": noop("weights renormalised over the remaining criteria (sum "
                                 "{total} % scaled to 100 %)"),
    "target_incomplete": noop("the target premise has no value for {criteria}"),
    "target_unknown": noop("the target site {target} is not a candidate"),
}


def describe(error) -> str:
    """The translated message of an :class:`AnalysisError` or :class:`Notice` (any other
    exception or text: its own text)."""
    template = MESSAGES.get(getattr(error, "code", None))
    if template is None:
        return str(error)
    try:
        return tr(template).format(**getattr(error, "fields", {}))
    except (KeyError, IndexError):  # a translation naming another field: keep the English
        return str(error)
