"""Registry of the provider's algorithms: one module per algorithm, grouped by family."""


def algorithm_classes() -> list:
    from .offre.vacancy_rates import VacancyRates
    from .restitution.print_atlas import PrintAtlas
    from .socle.create_geopackage import CreateGeoPackage
    from .socle.generate_demo_territory import GenerateDemoTerritory

    return [CreateGeoPackage, GenerateDemoTerritory, VacancyRates, PrintAtlas]
