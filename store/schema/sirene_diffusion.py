"""Schema v12: INSEE's diffusion status of each SIRET linked to a premise.

``premise_sources.diffusion_status`` holds ``statutDiffusionEtablissement`` of a SIRENE link:
``O`` (public), ``P`` (*diffusion partielle*: the establishment of a sole trader who asked
that his identity and address not be published) or ``N`` (the former code for it). Exports
(open data, web map) never publish the sign of a premise whose SIRET is ``P`` or ``N``. Links
of other sources leave it empty. Existing SIRENE links were imported from public rows only, so
the migration sets them to ``O``.
"""

from __future__ import annotations

from .. import gpkg

STATUSES = (("O", "Diffusible"), ("P", "Diffusion partielle"), ("N", "Non diffusible"))
DOMAIN = "sirene_diffusion_status"


def migrate_v12(conn, srs_id: int) -> None:
    """Add and fill ``premise_sources.diffusion_status`` (inside the migration's transaction)."""
    del srs_id
    if "diffusion_status" not in gpkg.column_names(conn, "premise_sources"):
        conn.execute("ALTER TABLE premise_sources ADD COLUMN diffusion_status TEXT CHECK "
                     "(diffusion_status IS NULL OR diffusion_status IN ('O', 'P', 'N'))")
    conn.execute("UPDATE premise_sources SET diffusion_status = 'O' WHERE source = 'sirene' "
                 "AND diffusion_status IS NULL")
    gpkg.set_enum_domain(conn, DOMAIN, STATUSES)
    gpkg.attach_domain(conn, "premise_sources", "diffusion_status", DOMAIN)
    gpkg.touch(conn, "premise_sources")
