"""The atlas's charts, drawn with matplotlib as SVG files (vector graphics) sized for their
frame on the page, so that type sizes on paper are the sizes given here.

Each function takes plain tables (see :mod:`reporting.atlas_data`), the report language, the
frame size in millimetres and the path to write, and returns the path. Texts go through
``tr()`` (the atlas sets the report language) and numbers through :mod:`reporting.formatting`.
Glyphs are written as paths so that Qt's SVG renderer draws them exactly. matplotlib is
imported when a chart is drawn: the plugin loads without it.

Provisional campaigns (open, included on request) are drawn in a lighter tone with a dashed
orange edge and an asterisk; a footnote gives their completeness.
"""

from __future__ import annotations

import math
import re
from contextlib import contextmanager
from typing import List, Optional, Sequence

import numpy as np
import pandas as pd

from ..i18n import noop, tr
from . import formatting as fmt
from . import style

MM = 1 / 25.4
#: matplotlib's ``svg.fonttype``: "path" draws every glyph as a path (what Qt's SVG renderer
#: prints exactly); "none" keeps the texts as SVG text (tests read them back).
SVG_FONTTYPE = "path"
BAND_NAMES = {"normal": noop("Low vacancy"), "moderate": noop("Moderate"),
              "worrying": noop("Worrying"), "critical": noop("Critical")}


def available() -> bool:
    """Whether matplotlib can be imported."""
    import importlib.util

    return importlib.util.find_spec("matplotlib") is not None


@contextmanager
def _figure(size_mm: tuple):
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    params = {
        "font.family": "sans-serif", "font.sans-serif": [style.FONT, "DejaVu Sans"],
        "font.size": style.CHART_SIZE, "axes.titlesize": style.CHART_SIZE + 1,
        "axes.titleweight": "bold", "axes.titlelocation": "left", "axes.labelsize":
        style.CHART_SIZE, "xtick.labelsize": style.CHART_SIZE - 0.5,
        "ytick.labelsize": style.CHART_SIZE - 0.5, "legend.fontsize": style.CHART_SIZE - 0.5,
        "axes.edgecolor": style.GREY_LIGHT, "axes.linewidth": 0.5,
        "xtick.color": style.GREY_DARK, "ytick.color": style.GREY_DARK,
        "xtick.major.width": 0.5, "ytick.major.width": 0.5, "xtick.major.size": 2,
        "ytick.major.size": 2, "text.color": style.GREY_DARK, "svg.fonttype": SVG_FONTTYPE,
        "svg.hashsalt": "observatoire", "legend.frameon": False, "axes.titlepad": 4,
    }
    with matplotlib.rc_context(params):
        figure = Figure(figsize=(size_mm[0] * MM, size_mm[1] * MM))
        FigureCanvasSVG(figure)
        yield figure


def _save(figure, path: str) -> str:
    figure.savefig(path, format="svg", metadata={"Date": None})
    return path


def _frame(ax) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="both", which="both", length=2)
    ax.set_axisbelow(True)


def short_labels(names: Sequence[str]) -> List[str]:
    """Campaign names without the words they all share ("Inventaire 2021", "Inventaire 2022" →
    "2021", "2022"); unchanged when nothing is shared or a name would be emptied."""
    names = [str(n) for n in names]
    if len(names) < 2:
        return names
    words = [n.split() for n in names]
    common = 0
    while all(len(w) > common + 1 for w in words) and len({w[common] for w in words}) == 1:
        common += 1
    return [" ".join(w[common:]) for w in words] if common else names


def _provisional_note(rows: pd.DataFrame, language: str) -> Optional[str]:
    notes = []
    for r in rows.to_dict("records"):
        if r.get("provisional"):
            completeness = r.get("completeness")
            share = "?" if completeness is None or completeness != completeness else \
                fmt.percent(100 * completeness, 0, language)
            notes.append(tr("* {campaign}: provisional, open campaign ({share} of the premises "
                            "visited)").format(campaign=r["campaign"], share=share))
    return "\n".join(notes) or None


def _y_limit(values, floor: float) -> float:
    finite = [v for v in values if v is not None and v == v]
    top = max(finite) if finite else 0.0
    return max(floor, math.ceil(top * 1.18 / 2.5) * 2.5)


def _procos_background(ax, top: float, labels: bool = True) -> None:
    from ..analysis.vacancy_dynamics import PROCOS_BANDS

    bounds = [lower for _c, lower, _l in PROCOS_BANDS] + [max(top, PROCOS_BANDS[-1][1] + 1)]
    for (code, lower, _label), upper in zip(PROCOS_BANDS, bounds[1:]):
        if lower >= top:
            break
        ax.axhspan(lower, min(upper, top), color=style.PROCOS_TINTS[code], lw=0, zorder=0)
        if labels and min(upper, top) - lower >= 0.07 * top:
            ax.text(1.0, (lower + min(upper, top)) / 2, " " + tr(BAND_NAMES[code]),
                    transform=ax.get_yaxis_transform(), ha="left", va="center",
                    fontsize=style.CHART_SIZE - 1.5, color=style.GREY, clip_on=False)


def _percent_axis(ax, language: str, decimals: int = 0) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(
        lambda v, _p: fmt.percent(v, decimals, language)))


def vacancy_chart(vacancy: pd.DataFrame, language: str, size_mm: tuple, path: str,
                  title: str) -> str:
    """Vacancy rate by campaign (bars) over the Procos bands; ``vacancy`` rows: campaign,
    vacancy_rate, provisional, completeness."""
    rows = vacancy.reset_index(drop=True)
    rates = [None if r is None or r != r else float(r) for r in rows["vacancy_rate"]]
    top = _y_limit(rates, 12.5)
    note = _provisional_note(rows, language)
    with _figure(size_mm) as figure:
        ax = figure.add_subplot(1, 1, 1)
        _frame(ax)
        _procos_background(ax, top)
        x = np.arange(len(rows))
        for i, (rate, provisional) in enumerate(zip(rates, rows["provisional"])):
            if rate is None:
                continue
            ax.bar(i, rate, width=0.58, zorder=2,
                   color=style.ACCENT_LIGHT if provisional else style.ACCENT,
                   edgecolor=style.PROVISIONAL if provisional else style.ACCENT,
                   linestyle="--" if provisional else "-", linewidth=0.9 if provisional else 0)
            ax.text(i, rate + top * 0.015, fmt.vacancy(rate, language)
                    + ("*" if provisional else ""), ha="center", va="bottom",
                    fontsize=style.CHART_SIZE - 0.5, zorder=3,
                    color=style.PROVISIONAL if provisional else style.GREY_DARK)
        ax.set_xticks(x)
        ax.set_xticklabels([n + ("*" if p else "") for n, p in zip(
            short_labels(rows["campaign"].tolist()), rows["provisional"])])
        ax.set_xlim(-0.6, len(rows) - 0.4)
        ax.set_ylim(0, top)
        _percent_axis(ax, language)
        _layout(figure, note, right=0.83, title=title)
        return _save(figure, path)


def _layout(figure, note: Optional[str], right: float = 0.97, left: Optional[float] = None,
            colour: str = style.PROVISIONAL, title: Optional[str] = None) -> None:
    """Title at the top left of the figure (not of the axes, so that long tick labels never
    push it out), the note at the bottom, the axes fitted in between."""
    height_in = figure.get_size_inches()[1]
    bottom, top = 0.0, 1.0
    if note:
        lines = note.count("\n") + 1
        figure.text(0.01, 0.01, note, fontsize=style.CHART_SIZE - 1.5, color=colour,
                    ha="left", va="bottom")
        bottom = (lines * (style.CHART_SIZE - 0.5) / 72 + 0.04) / height_in
    if title:
        figure.text(0.01, 0.995, title, fontsize=style.CHART_SIZE + 1, fontweight="bold",
                    color=style.GREY_DARK, ha="left", va="top")
        top = 1.0 - ((style.CHART_SIZE + 1) / 72 + 0.06) / height_in
    figure.tight_layout(pad=0.3, rect=(0, bottom, 1, top))
    figure.subplots_adjust(right=min(right, figure.subplotpars.right))
    if left is not None:
        figure.subplots_adjust(left=max(left, figure.subplotpars.left))


def footfall_chart(months: pd.DataFrame, language: str, size_mm: tuple, path: str,
                   title: str, unit_note: str) -> str:
    """Mean daily footfall per month: the latest year (solid) against the year before
    (dashed); ``months`` rows: year, month, value."""
    from matplotlib.ticker import FuncFormatter

    years = sorted(months["year"].unique())
    with _figure(size_mm) as figure:
        ax = figure.add_subplot(1, 1, 1)
        _frame(ax)
        ax.grid(axis="y", color=style.GREY_FAINT, linewidth=0.6)
        for year in years:
            part = months[months["year"] == year].sort_values("month")
            latest = year == years[-1]
            ax.plot(part["month"], part["value"], label=str(year),
                    color=style.ACCENT if latest else style.GREY,
                    linestyle="-" if latest else "--", linewidth=1.4 if latest else 1.0,
                    marker="o" if latest else None, markersize=2.2, zorder=3 if latest else 2)
        ax.set_xticks(range(1, 13))
        ax.set_xticklabels([fmt.month_short(m, language) for m in range(1, 13)])
        ax.set_xlim(0.6, 12.4)
        values = months["value"].astype(float)
        low, high = float(values.min()), float(values.max())
        pad = max((high - low) * 0.25, high * 0.05, 1.0)
        ax.set_ylim(max(0.0, low - pad), high + 1.8 * pad)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt.number(v, 0, language)))
        ax.legend(loc="upper right", ncol=2, handlelength=1.8, borderaxespad=0.2)
        _layout(figure, unit_note, colour=style.GREY, title=title)
        return _save(figure, path)


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(str(text), width)) or str(text)


def mix_chart(mix: pd.DataFrame, language: str, size_mm: tuple, path: str, title: str,
              name: str, territory: str, note: Optional[str] = None) -> str:
    """Offer mix: share of each activity group in the centrality (bars) against the
    territory's (black ticks); ``mix`` rows: label, share, territory_share."""
    rows = mix.reset_index(drop=True).iloc[::-1]
    with _figure(size_mm) as figure:
        ax = figure.add_subplot(1, 1, 1)
        _frame(ax)
        ax.grid(axis="x", color=style.GREY_FAINT, linewidth=0.6)
        y = np.arange(len(rows))
        share = rows["share"].astype(float).to_numpy()
        ax.barh(y, share, height=0.62, color=style.ACCENT, label=name, zorder=2)
        whole = rows["territory_share"].astype(float).to_numpy()
        ax.scatter(whole, y, marker="|", s=70, linewidths=1.8, color=style.TERRITORY,
                   label=territory, zorder=4)
        top = max(np.nanmax(share) if len(share) else 0, np.nanmax(whole) if len(whole) else 0)
        for yi, value, other in zip(y, share, whole):
            if not value:
                continue
            end = max(value, other if other == other else 0.0)
            ax.text(end + top * 0.025, yi, fmt.percent(value, 0, language), va="center",
                    ha="left", fontsize=style.CHART_SIZE - 1.5, color=style.GREY_DARK)
        ax.set_yticks(y)
        ax.set_yticklabels([_wrap(t, 26) for t in rows["label"]])
        ax.set_xlim(0, max(10.0, top * 1.22))
        ax.set_xticks([t for t in ax.get_xticks() if 0 <= t <= 100])
        from matplotlib.ticker import FuncFormatter

        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt.percent(v, 0, language)))
        ax.legend(loc="lower right", handlelength=1.2, borderaxespad=0.2)
        _layout(figure, note, title=title)
        return _save(figure, path)


GROUP_PALETTE = ["#1f3a5f", "#4f7cac", "#9cc3e4", "#35978f", "#80cdc1", "#dfc27d",
                 "#bf812d", "#8c510a", "#bababa", "#878787"]


def mix_by_centrality(frame: pd.DataFrame, language: str, size_mm: tuple, path: str,
                      title: str) -> str:
    """The offer mix of every centrality (and the territory, last) as 100 % stacked bars;
    ``frame`` rows: centrality, activity_group, label, share."""
    names = list(dict.fromkeys(frame["centrality"]))[::-1]
    groups = list(dict.fromkeys(frame["activity_group"]))
    labels = frame.drop_duplicates("activity_group").set_index("activity_group")["label"]
    with _figure(size_mm) as figure:
        ax = figure.add_subplot(1, 1, 1)
        _frame(ax)
        left = np.zeros(len(names))
        for k, group in enumerate(groups):
            part = frame[frame["activity_group"] == group].set_index("centrality")["share"]
            values = np.array([float(part.get(n, 0.0) or 0.0) for n in names])
            ax.barh(np.arange(len(names)), values, left=left, height=0.66,
                    color=GROUP_PALETTE[k % len(GROUP_PALETTE)], label=labels[group],
                    edgecolor="#ffffff", linewidth=0.3)
            for yi, (start, value) in enumerate(zip(left, values)):
                if value >= 7:
                    ax.text(start + value / 2, yi, fmt.number(value, 0, language),
                            ha="center", va="center", fontsize=style.CHART_SIZE - 2,
                            color="#ffffff" if k < 2 or k == 7 else style.GREY_DARK)
            left += values
        ax.set_yticks(np.arange(len(names)))
        ax.set_yticklabels([_wrap(n, 28) for n in names])
        ax.set_xlim(0, 100)
        from matplotlib.ticker import FuncFormatter

        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: fmt.percent(v, 0, language)))
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=style.CHART_SIZE - 1.5,
                  handlelength=1.0, borderaxespad=0.0)
        _layout(figure, None, right=0.72, title=title)
        return _save(figure, path)


def expectations_chart(table: pd.DataFrame, language: str, size_mm: tuple, path: str,
                       title: str) -> str:
    """Survey profile: each item's share (or mean) with its 95 % interval; low-precision
    figures lighter and marked †; suppressed figures are left out and counted in a note."""
    shown = table[~table["suppressed"].astype(bool) & table["value"].notna()]
    shown = shown.sort_values("value").reset_index(drop=True)
    hidden = int(table["suppressed"].astype(bool).sum())
    percent = (table["unit"] == "%").any()
    notes = []
    if shown["low_precision"].astype(bool).any():
        notes.append(tr("† low precision: fewer than {n} respondents").format(n=30))
    if hidden:
        notes.append(tr("{n} figure(s) not shown: fewer than {min} respondents").format(
            n=hidden, min=11))
    with _figure(size_mm) as figure:
        ax = figure.add_subplot(1, 1, 1)
        _frame(ax)
        ax.grid(axis="x", color=style.GREY_FAINT, linewidth=0.6)
        y = np.arange(len(shown))
        low = shown["low_precision"].astype(bool).to_numpy()
        values = shown["value"].astype(float).to_numpy()
        ax.barh(y, values, height=0.6, zorder=2,
                color=[style.ACCENT_LIGHT if flag else style.ACCENT for flag in low])
        lows = pd.to_numeric(shown["ci_low"], errors="coerce").to_numpy(dtype=float)
        highs = pd.to_numeric(shown["ci_high"], errors="coerce").to_numpy(dtype=float)
        has_ci = np.isfinite(lows) & np.isfinite(highs)
        if has_ci.any():
            ax.errorbar(values[has_ci], y[has_ci],
                        xerr=[values[has_ci] - lows[has_ci], highs[has_ci] - values[has_ci]],
                        fmt="none", ecolor=style.GREY_DARK, elinewidth=0.7, capsize=1.5,
                        zorder=3)
        head, tails = common_head(shown["label"].tolist())
        if head:
            title = f"{head} – {title}"
        ax.set_yticks(y)
        ax.set_yticklabels([_wrap(t, 26) + (" †" if flag else "")
                            for t, flag in zip(tails, low)])
        top = np.nanmax(np.where(has_ci, highs, values)) if len(values) else 1.0
        if percent:
            ax.set_xlim(0, min(100.0, max(10.0, top * 1.1)))
            from matplotlib.ticker import FuncFormatter

            ax.xaxis.set_major_formatter(FuncFormatter(
                lambda v, _p: fmt.percent(v, 0, language)))
        else:
            ax.set_xlim(1, 5)
        _layout(figure, "\n".join(notes) or None, title=title)
        return _save(figure, path)


def common_head(labels: List[str]) -> tuple:
    """("Share satisfied", ["parking", "offer"]) when every label is "<head>: <tail>" with the
    same head (French "<head> : <tail>"); ("", labels) otherwise."""
    parts = [re.split(r"\s?:\s", str(label), maxsplit=1) for label in labels]
    heads = {p[0] for p in parts if len(p) == 2}
    if len(labels) > 1 and len(heads) == 1 and all(len(p) == 2 for p in parts):
        return heads.pop(), [p[1] for p in parts]
    return "", list(labels)


def territory_chart(rows: pd.DataFrame, language: str, size_mm: tuple, path: str,
                    title: str, most_lines: int = 8) -> str:
    """Vacancy per centrality over the campaigns, over the Procos bands: one line per
    centrality (named at its end) up to ``most_lines`` centralities; beyond, the median
    centrality with the interquartile range and the extremes. ``rows``: centrality,
    campaign, vacancy_rate, provisional, completeness (campaigns in order)."""
    campaigns = list(dict.fromkeys(rows["campaign"]))
    flags = rows.drop_duplicates("campaign").set_index("campaign")["provisional"]
    x = np.arange(len(campaigns))
    pivot = rows.pivot_table(index="centrality", columns="campaign", values="vacancy_rate",
                             aggfunc="first", sort=False).reindex(columns=campaigns)
    pivot = pivot.astype(float)
    top = _y_limit(pivot.to_numpy().ravel().tolist(), 12.5)
    note = _provisional_note(rows.drop_duplicates("campaign"), language)
    with _figure(size_mm) as figure:
        ax = figure.add_subplot(1, 1, 1)
        _frame(ax)
        _procos_background(ax, top, labels=False)
        if len(pivot) <= most_lines:
            palette = ["#1f3a5f", "#8c510a", "#35978f", "#762a83", "#b2182b", "#4d4d4d",
                       "#5aae61", "#2166ac"]
            ends = []
            for k, (name, series) in enumerate(pivot.iterrows()):
                colour = palette[k % len(palette)]
                ax.plot(x, series.to_numpy(), color=colour, linewidth=1.2, marker="o",
                        markersize=2, zorder=3)
                last = series.last_valid_index()
                if last is not None:
                    ends.append([float(series[last]), name, colour])
            _spread_labels(ends, top)
            for value, name, colour in ends:
                ax.text(len(campaigns) - 1 + 0.12, value, _wrap(name, 22), color=colour,
                        fontsize=style.CHART_SIZE - 1.5, va="center", ha="left")
            right = 0.72
        else:
            values = pivot.to_numpy()
            with np.errstate(all="ignore"):
                q = np.nanpercentile(values, [0, 25, 50, 75, 100], axis=0)
            ax.fill_between(x, q[0], q[4], color=style.ACCENT_LIGHT, alpha=0.18, lw=0,
                            zorder=2, label=tr("Lowest to highest"))
            ax.fill_between(x, q[1], q[3], color=style.ACCENT_LIGHT, alpha=0.45, lw=0,
                            zorder=2, label=tr("Middle half of the centralities"))
            ax.plot(x, q[2], color=style.ACCENT, linewidth=1.4, marker="o", markersize=2,
                    zorder=3, label=tr("Median centrality"))
            ax.legend(loc="upper left", borderaxespad=0.2)
            right = 0.97
        ax.set_xticks(x)
        ax.set_xticklabels([n + ("*" if flags.get(c) else "")
                            for n, c in zip(short_labels(campaigns), campaigns)])
        ax.set_xlim(-0.3, len(campaigns) - 0.7)
        ax.set_ylim(0, top)
        _percent_axis(ax, language)
        _layout(figure, note, right=right, title=title)
        return _save(figure, path)


def _spread_labels(ends: list, top: float) -> None:
    """Move end-of-line labels apart (at least 6 % of the axis) keeping their order."""
    ends.sort(key=lambda e: e[0])
    gap = top * 0.065
    for i in range(1, len(ends)):
        if ends[i][0] - ends[i - 1][0] < gap:
            ends[i][0] = ends[i - 1][0] + gap
    overflow = ends[-1][0] - top * 0.98 if ends else 0
    if overflow > 0:
        for e in ends:
            e[0] -= overflow

