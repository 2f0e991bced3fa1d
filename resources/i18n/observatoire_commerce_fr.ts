<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
  <context>
    <name>Observatoire</name>
    <message>
      <source>Atlas PDF</source>
      <translation>Atlas PDF</translation>
    </message>
    <message>
      <source>Campaign</source>
      <translation>Campagne</translation>
    </message>
    <message>
      <source>Campaign shown on the maps (empty = the latest)</source>
      <translation>Campagne représentée sur les cartes (vide = la plus récente)</translation>
    </message>
    <message>
      <source>Campaigns (names separated by commas; empty = all)</source>
      <translation>Campagnes (noms séparés par des virgules ; vide = toutes)</translation>
    </message>
    <message>
      <source>Canceled: no file was written.</source>
      <translation>Annulé : aucun fichier n’a été écrit.</translation>
    </message>
    <message>
      <source>Catchment</source>
      <translation>Chalandise</translation>
    </message>
    <message>
      <source>Centralities</source>
      <translation>Centralités</translation>
    </message>
    <message>
      <source>Centralities with vacancy</source>
      <translation>Centralités avec la vacance</translation>
    </message>
    <message>
      <source>Choose a CRS with an EPSG code (e.g. EPSG:2154).</source>
      <translation>Choisissez un SCR doté d’un code EPSG (par ex. EPSG:2154).</translation>
    </message>
    <message>
      <source>Coordinate reference system (projected)</source>
      <translation>Système de coordonnées de référence (projeté)</translation>
    </message>
    <message>
      <source>Create an observatory GeoPackage</source>
      <translation>Créer un GeoPackage d’observatoire</translation>
    </message>
    <message>
      <source>Create an observatory GeoPackage…</source>
      <translation>Créer un GeoPackage d’observatoire…</translation>
    </message>
    <message>
      <source>Creates an observatory GeoPackage holding a fictitious, Poitiers-like agglomeration in Lambert-93 (EPSG:2154): six centralities (town centre, station district, a large housing district, a peripheral retail zone, a village centre, a suburban centre), about 1 270 premises with floor areas observed over four yearly inventory campaigns (2021–2024) with openings, closures, splits and merges, a 200 m population grid with Filosofi columns and a routable road network. The same seed always gives the same content. No external data is used.</source>
      <translation>Crée un GeoPackage d’observatoire contenant une agglomération fictive inspirée de Poitiers, en Lambert-93 (EPSG:2154) : six centralités (centre-ville, quartier de gare, grand quartier d’habitat, zone commerciale périphérique, centre-bourg, centre de commune de première couronne), environ 1 270 locaux avec leur surface, observés lors de quatre campagnes d’inventaire annuelles (2021–2024) avec ouvertures, fermetures, divisions et regroupements, une grille de population à 200 m avec les colonnes Filosofi et un réseau routier utilisable pour le calcul d’itinéraires. La même graine donne toujours le même contenu. Aucune donnée externe n’est utilisée.</translation>
    </message>
    <message>
      <source>Creates the shared GeoPackage of a commerce observatory (the socle): centralities, premises, inventory campaigns and observations, premise lineage, population grid, roads, indicators, and the editable nomenclatures (activity groups, NAF → activity group map, observation statuses) bound to the coded fields as GeoPackage field domains, so QGIS shows value maps. Every table has an integer fid and a unique uuid; relations use the uuids. The CRS must be projected (metres); Lambert-93 (EPSG:2154) by default.</source>
      <translation>Crée le GeoPackage partagé d’un observatoire du commerce (le socle) : centralités, locaux, campagnes d’inventaire et observations, filiation des locaux, grille de population, routes, indicateurs, et les nomenclatures modifiables (groupes d’activité, correspondance NAF → groupe d’activité, statuts d’observation) liées aux champs codés par des domaines de champ GeoPackage, pour que QGIS affiche des listes de valeurs. Chaque table a un fid entier et un uuid unique ; les relations utilisent les uuid. Le SCR doit être projeté (mètres) ; Lambert-93 (EPSG:2154) par défaut.</translation>
    </message>
    <message>
      <source>Demo GeoPackage</source>
      <translation>GeoPackage de démonstration</translation>
    </message>
    <message>
      <source>Expectations</source>
      <translation>Attentes</translation>
    </message>
    <message>
      <source>Flows</source>
      <translation>Flux</translation>
    </message>
    <message>
      <source>For each centrality and inventory campaign: premises = observations of the campaign whose premise lies in the centrality, demolished premises excluded; vacant = those whose status counts as vacant (the statuses flagged counts_as_vacant in the observation_statuses table, or the list given); vacancy rate (%) = 100 × vacant / premises, left empty (NULL) when the centrality holds no premise. A premise lying in two overlapping centralities belongs to the higher level one. Premises outside every centrality are counted apart (row with an empty centrality). Results are written to the indicators table (premises, vacant_premises, vacancy_rate) and returned as a table and as a centralities layer holding the latest campaign.</source>
      <translation>Pour chaque centralité et campagne d’inventaire : locaux = observations de la campagne dont le local est situé dans la centralité, locaux démolis exclus ; vacants = ceux dont le statut compte comme vacant (les statuts marqués counts_as_vacant dans la table observation_statuses, ou la liste fournie) ; taux de vacance (%) = 100 × vacants / locaux, laissé vide (NULL) quand la centralité ne contient aucun local. Un local situé dans deux centralités qui se chevauchent appartient à celle de plus haut niveau. Les locaux hors de toute centralité sont comptés à part (ligne sans centralité). Les résultats sont écrits dans la table indicators (premises, vacant_premises, vacancy_rate) et renvoyés sous forme de table et de couche de centralités portant la dernière campagne.</translation>
    </message>
    <message>
      <source>Generate the demo territory</source>
      <translation>Générer le territoire de démonstration</translation>
    </message>
    <message>
      <source>Generate the demo territory…</source>
      <translation>Générer le territoire de démonstration…</translation>
    </message>
    <message>
      <source>GeoPackage (*.gpkg)</source>
      <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
      <source>Give the territory a name.</source>
      <translation>Donnez un nom au territoire.</translation>
    </message>
    <message>
      <source>Layer {name} of {path} could not be loaded.</source>
      <translation>La couche {name} de {path} n’a pas pu être chargée.</translation>
    </message>
    <message>
      <source>Migrating {path} from schema {old} to {new}…</source>
      <translation>Migration de {path} du schéma {old} vers le schéma {new}…</translation>
    </message>
    <message>
      <source>Observatoire du commerce</source>
      <translation>Observatoire du commerce</translation>
    </message>
    <message>
      <source>Observatoire du commerce needs the Python package(s): {packages}. Install them into the Python that QGIS uses, then restart QGIS.</source>
      <translation>L’Observatoire du commerce a besoin du ou des paquets Python : {packages}. Installez-les dans le Python utilisé par QGIS, puis redémarrez QGIS.</translation>
    </message>
    <message>
      <source>Observatoire du commerce {version}</source>
      <translation>Observatoire du commerce {version}</translation>
    </message>
    <message>
      <source>Observatoire du commerce – source: {file} – printed [% format_date(now(), 'yyyy-MM-dd') %] – page [% @atlas_featurenumber %] / [% @atlas_totalfeatures %]</source>
      <translation>Observatoire du commerce – source : {file} – imprimé le [% format_date(now(), 'dd/MM/yyyy') %] – page [% @atlas_featurenumber %] / [% @atlas_totalfeatures %]</translation>
    </message>
    <message>
      <source>Observatory GeoPackage</source>
      <translation>GeoPackage de l’observatoire</translation>
    </message>
    <message>
      <source>Observatory GeoPackage created: {path} (schema {version}, EPSG:{epsg})</source>
      <translation>GeoPackage de l’observatoire créé : {path} (schéma {version}, EPSG:{epsg})</translation>
    </message>
    <message>
      <source>Offer and vacancy</source>
      <translation>Offre et vacance</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Pages printed</source>
      <translation>Pages imprimées</translation>
    </message>
    <message>
      <source>Premises</source>
      <translation>Locaux</translation>
    </message>
    <message>
      <source>Premises by status</source>
      <translation>Locaux par statut</translation>
    </message>
    <message>
      <source>Premises by status, campaign {campaign}</source>
      <translation>Locaux par statut, campagne {campaign}</translation>
    </message>
    <message>
      <source>Print the vacancy atlas (PDF)</source>
      <translation>Imprimer l’atlas de la vacance (PDF)</translation>
    </message>
    <message>
      <source>Print the vacancy atlas…</source>
      <translation>Imprimer l’atlas de la vacance…</translation>
    </message>
    <message>
      <source>Prints one PDF page per centrality from the template resources/templates/atlas_centrality.qpt: a map of the premises coloured by their status in the chosen campaign (default: the latest) over the centrality and the roads, and the vacancy table of that centrality over every campaign (premises, vacant premises, vacancy rate = 100 × vacant / premises).</source>
      <translation>Imprime une page PDF par centralité à partir du modèle resources/templates/atlas_centrality.qpt : une carte des locaux colorés selon leur statut lors de la campagne choisie (par défaut la plus récente) sur la centralité et les routes, et le tableau de vacance de cette centralité pour toutes les campagnes (locaux, locaux vacants, taux de vacance = 100 × vacants / locaux).</translation>
    </message>
    <message>
      <source>Random seed</source>
      <translation>Graine aléatoire</translation>
    </message>
    <message>
      <source>Replace the file if it exists</source>
      <translation>Remplacer le fichier s’il existe</translation>
    </message>
    <message>
      <source>Reporting</source>
      <translation>Restitution</translation>
    </message>
    <message>
      <source>Roads</source>
      <translation>Routes</translation>
    </message>
    <message>
      <source>Show the observatory algorithms in the toolbox</source>
      <translation>Afficher les algorithmes de l’observatoire dans la boîte à outils</translation>
    </message>
    <message>
      <source>Socle (shared GeoPackage)</source>
      <translation>Socle (GeoPackage partagé)</translation>
    </message>
    <message>
      <source>Status of the premises</source>
      <translation>Statut des locaux</translation>
    </message>
    <message>
      <source>Statuses counted as vacant (codes separated by commas; empty = those flagged in the GeoPackage)</source>
      <translation>Statuts comptés comme vacants (codes séparés par des virgules ; vide = ceux marqués dans le GeoPackage)</translation>
    </message>
    <message>
      <source>Territory name</source>
      <translation>Nom du territoire</translation>
    </message>
    <message>
      <source>The GeoPackage holds no centrality: nothing to print.</source>
      <translation>Le GeoPackage ne contient aucune centralité : rien à imprimer.</translation>
    </message>
    <message>
      <source>The GeoPackage holds no inventory campaign: nothing to compute.</source>
      <translation>Le GeoPackage ne contient aucune campagne d’inventaire : rien à calculer.</translation>
    </message>
    <message>
      <source>The GeoPackage holds no inventory campaign: nothing to print.</source>
      <translation>Le GeoPackage ne contient aucune campagne d’inventaire : rien à imprimer.</translation>
    </message>
    <message>
      <source>The atlas could not be exported to {path}: {error}</source>
      <translation>L’atlas n’a pas pu être exporté vers {path} : {error}</translation>
    </message>
    <message>
      <source>The atlas has no feature to print.</source>
      <translation>L’atlas n’a aucune entité à imprimer.</translation>
    </message>
    <message>
      <source>The atlas template {path} is not valid XML.</source>
      <translation>Le modèle d’atlas {path} n’est pas un XML valide.</translation>
    </message>
    <message>
      <source>The atlas template {path} lacks the items map, legend and vacancy_table.</source>
      <translation>Il manque au modèle d’atlas {path} les éléments map, legend et vacancy_table.</translation>
    </message>
    <message>
      <source>The observatory GeoPackage {path} does not exist.</source>
      <translation>Le GeoPackage de l’observatoire {path} n’existe pas.</translation>
    </message>
    <message>
      <source>Unknown campaign {name}. Campaigns in the GeoPackage: {known}.</source>
      <translation>Campagne inconnue : {name}. Campagnes du GeoPackage : {known}.</translation>
    </message>
    <message>
      <source>Unknown campaign(s): {unknown}. Campaigns in the GeoPackage: {known}.</source>
      <translation>Campagne(s) inconnue(s) : {unknown}. Campagnes du GeoPackage : {known}.</translation>
    </message>
    <message>
      <source>Unknown status code(s): {bad}. Known codes: {known}.</source>
      <translation>Code(s) de statut inconnu(s) : {bad}. Codes connus : {known}.</translation>
    </message>
    <message>
      <source>Vacancy</source>
      <translation>Vacance</translation>
    </message>
    <message>
      <source>Vacancy atlas</source>
      <translation>Atlas de la vacance</translation>
    </message>
    <message>
      <source>Vacancy rate (%)</source>
      <translation>Taux de vacance (%)</translation>
    </message>
    <message>
      <source>Vacancy rates per centrality and campaign</source>
      <translation>Taux de vacance par centralité et campagne</translation>
    </message>
    <message>
      <source>Vacancy rates…</source>
      <translation>Taux de vacance…</translation>
    </message>
    <message>
      <source>Vacancy table</source>
      <translation>Tableau de la vacance</translation>
    </message>
    <message>
      <source>Vacant</source>
      <translation>Vacants</translation>
    </message>
    <message>
      <source>Write the results to the indicators table</source>
      <translation>Écrire les résultats dans la table des indicateurs</translation>
    </message>
    <message>
      <source>{crs} is geographic: the observatory measures distances and areas in metres, choose a projected CRS such as EPSG:2154 (Lambert-93).</source>
      <translation>{crs} est géographique : l’observatoire mesure distances et surfaces en mètres, choisissez un SCR projeté comme EPSG:2154 (Lambert-93).</translation>
    </message>
    <message>
      <source>{module} (Debian/Ubuntu: {deb}; pip: {pip})</source>
      <translation>{module} (Debian/Ubuntu : {deb} ; pip : {pip})</translation>
    </message>
    <message>
      <source>{pages} pages written to {path}</source>
      <translation>{pages} pages écrites dans {path}</translation>
    </message>
    <message>
      <source>{path} already exists.</source>
      <translation>{path} existe déjà.</translation>
    </message>
    <message>
      <source>{path} already exists: choose another file or tick “Replace the file if it exists”.</source>
      <translation>{path} existe déjà : choisissez un autre fichier ou cochez « Remplacer le fichier s’il existe ».</translation>
    </message>
    <message>
      <source>{path} has schema version {version}, newer than this plugin understands ({latest}): update the plugin.</source>
      <translation>{path} a la version de schéma {version}, plus récente que celles que ce plugin connaît ({latest}) : mettez le plugin à jour.</translation>
    </message>
    <message>
      <source>{path} is not an observatory GeoPackage: {error}</source>
      <translation>{path} n’est pas un GeoPackage d’observatoire : {error}</translation>
    </message>
    <message>
      <source>{table}: {count} rows</source>
      <translation>{table} : {count} lignes</translation>
    </message>
  </context>
</TS>
