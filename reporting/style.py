"""The look of the printed reports: colours, type sizes, page geometry (A4 portrait, mm).

One place for the atlas's layout and its charts, so that a map, a chart and a table of the same
page share their colours. Sober on purpose: one accent colour, greys, and the Procos bands in
pale tints that print well in greyscale.
"""

from __future__ import annotations

FONT = "DejaVu Sans"          # shipped with matplotlib; Qt falls back to the system sans
ACCENT = "#1f3a5f"            # titles, the centrality's own series
ACCENT_LIGHT = "#6f8fb5"
GREY_DARK = "#333333"
GREY = "#6b6b6b"
GREY_LIGHT = "#bdbdbd"
GREY_FAINT = "#efefef"
RULE = "#c8ccd2"
PROVISIONAL = "#b35806"       # orange-brown: provisional marks
TERRITORY = "#e08214"         # the territory's reference marks on charts

# Procos severity bands: pale tint for chart backgrounds and tables, strong tint for maps
PROCOS_TINTS = {"normal": "#e3f1e0", "moderate": "#fbf3d0", "worrying": "#fde0c5",
                "critical": "#f8d0cc"}
PROCOS_COLOURS = {"normal": "#74b567", "moderate": "#e8c33a", "worrying": "#ef8a3c",
                  "critical": "#d0473a"}
STATUS_COLOURS = {"occupied": "#5b7fa8", "vacant": "#d7301f", "works": "#f0a030",
                  "other_use": "#9e9ac8", "demolished": "#525252", "unknown": "#bdbdbd"}
CATCHMENT_COLOURS = {5.0: "#9ecae1", 10.0: "#deebf7"}

# page geometry (mm)
PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0
MARGIN = 15.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
HEADER_TOP = 8.0
CONTENT_TOP = 24.0
FOOTER_TOP = 284.0

# type sizes (points)
TITLE_SIZE = 17
SUBTITLE_SIZE = 10
HEADING_SIZE = 10
BODY_SIZE = 8
SMALL_SIZE = 6.5
TABLE_SIZE = 7
CHART_SIZE = 7
