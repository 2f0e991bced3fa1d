<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
  <context>
    <name>Observatoire</name>
    <message>
      <source>  type {k}: {name} — share not published ({n} respondents: {reason})</source>
      <translation>  type {k} : {name} — part non publiée ({n} répondants : {reason})</translation>
    </message>
    <message>
      <source>  type {k}: {name} — {share:.1f} % ({n} respondents)</source>
      <translation>  type {k} : {name} — {share:.1f} % ({n} répondants)</translation>
    </message>
    <message>
      <source> or </source>
      <translation> ou </translation>
    </message>
    <message>
      <source>'{choice}' cannot be combined with another choice</source>
      <translation>'{choice}' ne peut pas être combiné avec un autre choix</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(vide)</translation>
    </message>
    <message>
      <source>(empty: roundabout or motorway)</source>
      <translation>(vide : rond-point ou autoroute)</translation>
    </message>
    <message>
      <source>(low precision: fewer than 30 respondents)</source>
      <translation>(faible précision : moins de 30 répondants)</translation>
    </message>
    <message>
      <source>(none: all)</source>
      <translation>(aucune : toutes)</translation>
    </message>
    <message>
      <source>(none: use the observed choices layer)</source>
      <translation>(aucune : utiliser la couche des choix observés)</translation>
    </message>
    <message>
      <source>(outside every centrality)</source>
      <translation>(hors de toute centralité)</translation>
    </message>
    <message>
      <source>(rows without a source; no licence recorded)</source>
      <translation>(lignes sans source ; aucune licence enregistrée)</translation>
    </message>
    <message>
      <source>(whole campaign)</source>
      <translation>(toute la campagne)</translation>
    </message>
    <message>
      <source>* provisional: {note}</source>
      <translation>* provisoire : {note}</translation>
    </message>
    <message>
      <source>* {campaign}: provisional, open campaign ({share} of the premises visited)</source>
      <translation>* {campaign} : provisoire, campagne en cours ({share} des locaux visités)</translation>
    </message>
    <message>
      <source>, {removed} removed</source>
      <translation>, {removed} supprimées</translation>
    </message>
    <message>
      <source>95 % interval, high</source>
      <translation>Intervalle à 95 %, borne haute</translation>
    </message>
    <message>
      <source>95 % interval, low</source>
      <translation>Intervalle à 95 %, borne basse</translation>
    </message>
    <message>
      <source>A campaign named {name} already exists: choose another name.</source>
      <translation>Une campagne nommée {name} existe déjà : choisissez un autre nom.</translation>
    </message>
    <message>
      <source>A design effect is 1 or more (0 = the latest weighting run's), not {deff}.</source>
      <translation>Un effet de plan vaut 1 ou plus (0 = celui du dernier calage), pas {deff}.</translation>
    </message>
    <message>
      <source>A given sample size applies to the territory as a whole: choose “For the territory as a whole”, or leave it at 0.</source>
      <translation>Une taille d'échantillon donnée vaut pour l'ensemble du territoire : choisissez « Pour l'ensemble du territoire », ou laissez-la à 0.</translation>
    </message>
    <message>
      <source>A neutral baseline needs its first and last day.</source>
      <translation>Une référence neutre a besoin de son premier et de son dernier jour.</translation>
    </message>
    <message>
      <source>A text file could not be decoded ({error}): save it as UTF-8 or Latin-1 text.</source>
      <translation>Un fichier texte n'a pas pu être décodé ({error}) : enregistrez-le en texte UTF-8 ou Latin-1.</translation>
    </message>
    <message>
      <source>A typology needs at least 2 types (0 = chosen).</source>
      <translation>Une typologie compte au moins 2 types (0 = nombre choisi).</translation>
    </message>
    <message>
      <source>Access</source>
      <translation>Accès</translation>
    </message>
    <message>
      <source>Access field</source>
      <translation>Champ d'accès</translation>
    </message>
    <message>
      <source>Access field (cars)</source>
      <translation>Champ d'accès (voitures)</translation>
    </message>
    <message>
      <source>Access field {field!r}: values with no meaning given: {values}. Say what each means with ACCESS_OPEN or ACCESS_CLOSED (closed to cars), or import unknown values as open with a warning (UNKNOWN_VALUES=1). Nothing was written.</source>
      <translation>Champ d'accès {field!r} : valeurs sans signification donnée : {values}. Indiquez ce que chacune signifie avec ACCESS_OPEN ou ACCESS_CLOSED (interdit aux voitures), ou importez les valeurs inconnues comme ouvertes avec un avertissement (UNKNOWN_VALUES=1). Rien n'a été écrit.</translation>
    </message>
    <message>
      <source>Access roads: count points within (metres)</source>
      <translation>Voies d'accès : points de comptage à moins de (mètres)</translation>
    </message>
    <message>
      <source>Access values meaning 'closed to cars'</source>
      <translation>Valeurs d'accès signifiant « interdit aux voitures »</translation>
    </message>
    <message>
      <source>Access values meaning 'open to cars'</source>
      <translation>Valeurs d'accès signifiant « ouvert aux voitures »</translation>
    </message>
    <message>
      <source>Activity barometer (SIRENE history, activity indices)</source>
      <translation>Baromètre de l'activité (historique SIRENE, indices d'activité)</translation>
    </message>
    <message>
      <source>Activity group of the competitors</source>
      <translation>Groupe d'activité des concurrents</translation>
    </message>
    <message>
      <source>Activity index CSV file</source>
      <translation>Fichier CSV d'indice d'activité</translation>
    </message>
    <message>
      <source>Activity indices year on year</source>
      <translation>Indices d'activité sur un an</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <source>Agent (name of the person who takes the package)</source>
      <translation>Agent (nom de la personne qui emporte le paquet)</translation>
    </message>
    <message>
      <source>Algorithm</source>
      <translation>Algorithme</translation>
    </message>
    <message>
      <source>Alpha of the alpha shape, or gap closed by the grid outline (m)</source>
      <translation>Alpha de l'alpha-shape, ou vide comblé par le contour sur grille (m)</translation>
    </message>
    <message>
      <source>Alpha shape of the reached network</source>
      <translation>Alpha-shape du réseau atteint</translation>
    </message>
    <message>
      <source>Alpha when not estimated</source>
      <translation>Alpha s'il n'est pas estimé</translation>
    </message>
    <message>
      <source>Also compute the typical weekday</source>
      <translation>Calculer aussi le jour ouvré type</translation>
    </message>
    <message>
      <source>An OpenStreetMap file is read with the OpenStreetMap preset, not the BD TOPO one.</source>
      <translation>Un fichier OpenStreetMap se lit avec le préréglage OpenStreetMap, pas celui de la BD TOPO.</translation>
    </message>
    <message>
      <source>An archive is damaged or is not a zip file ({error}).</source>
      <translation>Une archive est endommagée ou n'est pas un fichier zip ({error}).</translation>
    </message>
    <message>
      <source>An origin layer is given: the centralities chosen are not used as origins.</source>
      <translation>Une couche d'origines est fournie : les centralités choisies ne servent pas d'origines.</translation>
    </message>
    <message>
      <source>Annual spending per household: {sources}.</source>
      <translation>Dépense annuelle par ménage : {sources}.</translation>
    </message>
    <message>
      <source>Answers imported</source>
      <translation>Réponses importées</translation>
    </message>
    <message>
      <source>Append to them</source>
      <translation>Les compléter</translation>
    </message>
    <message>
      <source>Atlas</source>
      <translation>Atlas</translation>
    </message>
    <message>
      <source>Atlas PDF</source>
      <translation>Atlas PDF</translation>
    </message>
    <message>
      <source>Atlas of the commercial centralities</source>
      <translation>Atlas des centralités commerciales</translation>
    </message>
    <message>
      <source>Atlas, campaign {campaign}</source>
      <translation>Atlas, campagne {campaign}</translation>
    </message>
    <message>
      <source>Attractiveness exponent alpha</source>
      <translation>Exposant d'attractivité alpha</translation>
    </message>
    <message>
      <source>Attractiveness field (empty = occupied premises for centralities, 1 otherwise)</source>
      <translation>Champ d'attractivité (vide = locaux occupés pour les centralités, 1 sinon)</translation>
    </message>
    <message>
      <source>Attractiveness field {field}: destination {dest} has {value}; expected a number &gt;= 0.</source>
      <translation>Champ d'attractivité {field} : la destination {dest} a la valeur {value} ; un nombre &gt;= 0 est attendu.</translation>
    </message>
    <message>
      <source>Attractiveness of each centrality = occupied premises in the latest campaign.</source>
      <translation>Attractivité de chaque centralité = locaux occupés lors de la dernière campagne.</translation>
    </message>
    <message>
      <source>BNLC places (CSV)</source>
      <translation>Lieux BNLC (CSV)</translation>
    </message>
    <message>
      <source>BPE CSV (ensemble, géolocalisé), or an OpenStreetMap export</source>
      <translation>CSV de la BPE (ensemble, géolocalisé), ou export OpenStreetMap</translation>
    </message>
    <message>
      <source>BPE file not found: {path}</source>
      <translation>fichier BPE introuvable : {path}</translation>
    </message>
    <message>
      <source>BPE vintage (empty = the latest imported)</source>
      <translation>Millésime BPE (vide = le dernier importé)</translation>
    </message>
    <message>
      <source>BPE vintage (year; empty = the AN column)</source>
      <translation>Millésime BPE (année ; vide = colonne AN)</translation>
    </message>
    <message>
      <source>Bands (separated by commas)</source>
      <translation>Tranches (séparées par des virgules)</translation>
    </message>
    <message>
      <source>Bands in</source>
      <translation>Tranches en</translation>
    </message>
    <message>
      <source>Bands must be numbers separated by commas (e.g. 5, 10, 15), got {text}.</source>
      <translation>Les tranches doivent être des nombres séparés par des virgules (par ex. 5, 10, 15), reçu {text}.</translation>
    </message>
    <message>
      <source>Bands must be positive numbers separated by commas (e.g. 5, 10, 15), got {text}.</source>
      <translation>Les tranches doivent être des nombres positifs séparés par des virgules (par ex. 5, 10, 15), reçu {text}.</translation>
    </message>
    <message>
      <source>Barometer per month</source>
      <translation>Baromètre par mois</translation>
    </message>
    <message>
      <source>Baseline</source>
      <translation>Référence</translation>
    </message>
    <message>
      <source>Basemap attribution (the credit its provider requires)</source>
      <translation>Attribution du fond de carte (la mention que son fournisseur exige)</translation>
    </message>
    <message>
      <source>Basemap tile URL (optional, https://…/{z}/{x}/{y}.png)</source>
      <translation>URL des tuiles du fond de carte (facultatif, https://…/{z}/{x}/{y}.png)</translation>
    </message>
    <message>
      <source>Bring the file to the schema of this version of the plugin; a copy of it as it is is kept beside it</source>
      <translation>Amener le fichier au schéma de cette version de l’extension ; une copie de lui tel qu’il est est gardée à côté</translation>
    </message>
    <message>
      <source>Brings an observatory GeoPackage made by an earlier version of the plugin to the schema this version works on: new tables and columns are added, nothing is removed, in one transaction (a failure leaves the file as it was). A copy of the file as it was is kept beside it (socle.schema7.bak.gpkg for a file of schema 7). Analyses and exports refuse a file of an older schema until it is upgraded; imports upgrade it in their own transaction. A file already at the latest schema is left untouched.</source>
      <translation>Amène un GeoPackage d’observatoire créé par une version antérieure de l’extension au schéma sur lequel travaille cette version : de nouvelles tables et colonnes sont ajoutées, rien n’est supprimé, en une transaction (un échec laisse le fichier tel qu’il était). Une copie du fichier tel qu’il était est gardée à côté (socle.schema7.bak.gpkg pour un fichier au schéma 7). Les analyses et les exports refusent un fichier d’un schéma antérieur tant qu’il n’est pas mis à niveau ; les imports le mettent à niveau dans leur propre transaction. Un fichier déjà au dernier schéma n’est pas modifié.</translation>
    </message>
    <message>
      <source>Build the road network</source>
      <translation>Construire le réseau routier</translation>
    </message>
    <message>
      <source>COMMERCE OBSERVATORY</source>
      <translation>OBSERVATOIRE DU COMMERCE</translation>
    </message>
    <message>
      <source>CRS of the car parks' x / y (empty = detect)</source>
      <translation>Système de coordonnées des x / y des parcs (vide = détecter)</translation>
    </message>
    <message>
      <source>CRS of the coordinates (empty = read from the file)</source>
      <translation>SCR des coordonnées (vide = lu dans le fichier)</translation>
    </message>
    <message>
      <source>CRS of the x, y columns (empty = WGS84 longitude, latitude)</source>
      <translation>SCR des colonnes x, y (vide = longitude, latitude WGS84)</translation>
    </message>
    <message>
      <source>Calibrate the Huff model</source>
      <translation>Calibrer le modèle de Huff</translation>
    </message>
    <message>
      <source>Calibrates a weight for each questionnaire response by raking (iterative proportional fitting, as R's survey::rake) to population margins of persons aged 15 and over: home zone (the IRIS or commune of the home zones layer: population of the grid cells whose centre lies in the zone; a response's zone is its home IRIS when the layer has it, else its home commune), age band (the grid's Filosofi age columns split into the questionnaire's bands, ages spread evenly within a band, e.g. 15–24 = 3/7 × 11–17 + 18–24) and any further margin named from the editable survey_margins table (its latest year; an age_band or home_zone margin there replaces the grid's). Each sweep multiplies the weights of a margin's category by population / weighted total; raking stops when no cell total moves by more than tolerance × respondents. Weight bounds L and U (ratios to the base weight rescaled to the population, N / n; 0 = none) give bounded raking (as survey::calibrate, calfun raking): the margins are still met exactly. Trimming bounds (persons; 0 = none) act after raking, as R's trimWeights: a weight below the lower or above the upper bound is set to it and the amount removed or added is spread equally over the other weights (the total is kept, the margins are no longer met exactly: the report and the margins table give the trimmed weights' totals, range, design effect and effective sample size). Margins of different totals are scaled to the first one's. Respondents living outside the zones are left out of the weighting (no weight) or the run is refused. Report: convergence, sweeps, weight range, design effect deff = 1 + CV² (Kish) and effective sample size n / deff. The run, its margins and the weight of each response are stored (several runs coexist; analyses use the latest unless told). An empty margin cell, a zone with respondents but no population or non-convergence stops the run with a message, and nothing is written.</source>
      <translation>Calcule un poids pour chaque réponse au questionnaire par calage sur marges (raking, ajustements proportionnels itératifs, comme survey::rake de R) sur les marges de la population de 15 ans et plus : zone de résidence (IRIS ou commune de la couche des zones de résidence : population des carreaux de la grille dont le centre est dans la zone ; la zone d'une réponse est son IRIS de résidence quand la couche l'a, sinon sa commune), tranche d'âge (colonnes d'âge Filosofi de la grille réparties dans les tranches du questionnaire, les âges étant supposés également répartis dans une tranche, p. ex. 15–24 = 3/7 × 11–17 + 18–24) et toute autre marge nommée de la table modifiable survey_margins (sa dernière année ; une marge age_band ou home_zone de cette table remplace celle de la grille). Chaque passage multiplie les poids d'une modalité d'une marge par population / total pondéré ; le calage s'arrête quand aucun total de case ne bouge de plus de tolérance × répondants. Les bornes L et U des rapports de poids (au poids initial ramené à la population, N / n ; 0 = aucune) donnent un calage borné (comme survey::calibrate, calfun raking) : les marges restent exactement respectées. Les bornes d'écrêtage (personnes ; 0 = aucune) s'appliquent après le calage, comme trimWeights de R : un poids sous la borne basse ou au-dessus de la borne haute y est ramené et la différence est répartie à parts égales sur les autres poids (le total est conservé, les marges ne sont plus exactement respectées : le bilan et la table des marges donnent les totaux, l'étendue, l'effet de plan et la taille d'échantillon effective des poids écrêtés). Les marges de totaux différents sont ramenées au total de la première. Les répondants résidant hors des zones sont écartés du calage (sans poids) ou le calage est refusé. Bilan : convergence, passages, étendue des poids, effet de plan deff = 1 + CV² (Kish) et taille d'échantillon effective n / deff. Le calage, ses marges et le poids de chaque réponse sont enregistrés (plusieurs calages coexistent ; les analyses prennent le dernier sauf indication). Une case de marge vide, une zone avec des répondants mais sans population ou une absence de convergence arrête le calcul avec un message, et rien n'est écrit.</translation>
    </message>
    <message>
      <source>Calibration report</source>
      <translation>Rapport de calibrage</translation>
    </message>
    <message>
      <source>Campaign</source>
      <translation>Campagne</translation>
    </message>
    <message>
      <source>Campaign (name; empty = the latest)</source>
      <translation>Campagne (nom ; vide = la plus récente)</translation>
    </message>
    <message>
      <source>Campaign name</source>
      <translation>Nom de la campagne</translation>
    </message>
    <message>
      <source>Campaign name (empty = the open campaign)</source>
      <translation>Nom de la campagne (vide = la campagne ouverte)</translation>
    </message>
    <message>
      <source>Campaign progress</source>
      <translation>Avancement de la campagne</translation>
    </message>
    <message>
      <source>Campaign published (empty = the latest closed one)</source>
      <translation>Campagne publiée (vide = la dernière close)</translation>
    </message>
    <message>
      <source>Campaign receiving the observations (name; empty = premises only)</source>
      <translation>Campagne recevant les observations (nom ; vide = locaux seulement)</translation>
    </message>
    <message>
      <source>Campaign shown (empty = the latest closed one)</source>
      <translation>Campagne affichée (vide = la dernière close)</translation>
    </message>
    <message>
      <source>Campaign uuid</source>
      <translation>Uuid de la campagne</translation>
    </message>
    <message>
      <source>Campaign {campaign}: {observations} observation(s) and {premises} premise(s) updated, {unchanged} row(s) unchanged.</source>
      <translation>Campagne {campaign} : {observations} observation(s) et {premises} local(aux) mis à jour, {unchanged} ligne(s) inchangée(s).</translation>
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
      <source>Canceled: nothing was written.</source>
      <translation>Annulé : rien n'a été écrit.</translation>
    </message>
    <message>
      <source>Candidate identifier field</source>
      <translation>Champ identifiant du candidat</translation>
    </message>
    <message>
      <source>Candidate sites (empty = vacant premises of the latest campaign)</source>
      <translation>Emplacements candidats (vide = locaux vacants de la dernière campagne)</translation>
    </message>
    <message>
      <source>Cannot build the questionnaire project: {error}</source>
      <translation>Impossible de construire le projet du questionnaire : {error}</translation>
    </message>
    <message>
      <source>Cannot export the inventory: {error}</source>
      <translation>Impossible d'exporter l'inventaire : {error}</translation>
    </message>
    <message>
      <source>Cannot export the questionnaire: {error}</source>
      <translation>Impossible d'exporter le questionnaire : {error}</translation>
    </message>
    <message>
      <source>Cannot import questionnaire answers into this GeoPackage: {error}</source>
      <translation>Impossible d'importer des réponses au questionnaire dans ce GeoPackage : {error}</translation>
    </message>
    <message>
      <source>Captured spending per centrality</source>
      <translation>Dépense captée par centralité</translation>
    </message>
    <message>
      <source>Car parks</source>
      <translation>Parcs de stationnement</translation>
    </message>
    <message>
      <source>Car parks or on-street zones (CSV, or an OpenStreetMap export)</source>
      <translation>Parcs ou zones de stationnement sur voirie (CSV, ou export OpenStreetMap)</translation>
    </message>
    <message>
      <source>Car parks serving a centrality: within (metres)</source>
      <translation>Parcs desservant une centralité : à moins de (mètres)</translation>
    </message>
    <message>
      <source>Car parks with dwell time</source>
      <translation>Parcs de stationnement avec durée de présence</translation>
    </message>
    <message>
      <source>Carpool areas</source>
      <translation>Lieux de covoiturage</translation>
    </message>
    <message>
      <source>Carpool areas (ODbL)</source>
      <translation>Lieux de covoiturage (ODbL)</translation>
    </message>
    <message>
      <source>Carpool places within (metres)</source>
      <translation>Lieux de covoiturage à moins de (mètres)</translation>
    </message>
    <message>
      <source>Carpool trips between communes (CSV)</source>
      <translation>Trajets de covoiturage entre communes (CSV)</translation>
    </message>
    <message>
      <source>Carpooling</source>
      <translation>Covoiturage</translation>
    </message>
    <message>
      <source>Catchment</source>
      <translation>Chalandise</translation>
    </message>
    <message>
      <source>Catchment areas of many origins at once over the stored road network (import roads or build the network first). Origins: any point layer, or by default the centroid of every centrality (or of the centralities chosen). Each origin is snapped to the nearest point of the nearest road usable by the mode within the snapping tolerance and enters the network there; origins farther away are not moved: they are reported (warning, origins output with snapped = 0) and get no catchment. An origin whose only roads within the tolerance belong to a small isolated part of the network (fewer than 5 % of the nodes of the largest part, e.g. car park aisles cut off from the streets) is snapped there only when no road of a larger part is within the tolerance, with a warning (origins output: part_nodes, on_main_part = 0). Walking ignores one-way streets and uses the walking speeds; driving respects them and uses maxspeed or the class speed (road_speeds table). A node is reached in band b when its shortest travel time (minutes) or distance (metres) is at most b. Polygon: alpha shape of the reached network: points every alpha/2 m along every reached road (including the reachable part of roads left half-way) are triangulated (Delaunay) and triangles whose longest side exceeds alpha metres are dropped; or, with the grid outline (much faster on large catchments, e.g. long drives), cells of alpha/8 m crossed by the reached network are marked, gaps narrower than alpha metres between them closed (morphological closing with a disk of diameter alpha) and the outline of the marked cells traced; each band's polygon is the whole area reached within it (bands are nested). Overlap: one polygon per origin and band; dissolve: one polygon per band for the union of the origins (nearest origin). Counts: each population cell (its centroid), premise and service is assigned to the nearest network node usable by the mode within the assignment tolerance (farther ones are never counted, with a warning) and is reached when its node is reached. Attributes: population (ind), households (men), age groups 0-17, 18-24, 25-64, 65+ (Filosofi bands), premises observed in the latest campaign (demolished excluded) and vacant ones, services when the table exists. Without a population grid the population, households and age groups are left empty (not 0), with a warning; so are households when the grid has no men column (2021 grid). With the centralities as origins (overlap), every value is also written to the indicators table as catchment_&lt;value&gt;_&lt;mode&gt;_&lt;band&gt;&lt;unit&gt; (e.g. catchment_population_walk_10min), period = the current year.</source>
      <translation>Zones de chalandise de nombreuses origines à la fois sur le réseau routier enregistré (importez les routes ou construisez le réseau d'abord). Origines : toute couche de points, ou par défaut le centroïde de chaque centralité (ou des centralités choisies). Chaque origine est accrochée au point le plus proche de la route la plus proche praticable dans le mode, dans la tolérance d'accrochage, et entre dans le réseau à cet endroit ; les origines plus éloignées ne sont pas déplacées : elles sont signalées (avertissement, sortie des origines avec snapped = 0) et n'ont pas de zone. Une origine dont les seules routes dans la tolérance appartiennent à une petite partie isolée du réseau (moins de 5 % des nœuds de la plus grande partie, par ex. les allées d'un parking coupées des rues) n'y est accrochée que si aucune route d'une partie plus grande n'est dans la tolérance, avec un avertissement (sortie des origines : part_nodes, on_main_part = 0). À pied, les sens uniques sont ignorés et les vitesses à pied s'appliquent ; en voiture, ils sont respectés et la vitesse est maxspeed ou celle de la classe (table road_speeds). Un nœud est atteint dans la tranche b quand son temps de parcours le plus court (minutes) ou sa distance (mètres) vaut au plus b. Polygone : alpha-shape du réseau atteint : des points tous les alpha/2 m le long de chaque route atteinte (y compris la partie accessible des routes parcourues à moitié) sont triangulés (Delaunay) et les triangles dont le plus grand côté dépasse alpha mètres sont retirés ; ou, avec le contour sur grille (bien plus rapide sur les grandes zones, par ex. les longs trajets en voiture), les cellules de alpha/8 m traversées par le réseau atteint sont marquées, les vides de moins de alpha mètres entre elles comblés (fermeture morphologique par un disque de diamètre alpha) et le contour des cellules marquées est tracé ; le polygone de chaque tranche couvre toute la zone atteinte dans cette tranche (les tranches sont emboîtées). Superposés : un polygone par origine et par tranche ; fusionnés : un polygone par tranche pour l'union des origines (origine la plus proche). Comptages : chaque carreau de population (son centroïde), local et service est rattaché au nœud du réseau praticable dans le mode le plus proche, dans la tolérance de rattachement (les plus éloignés ne sont jamais comptés, avec un avertissement), et il est atteint quand son nœud est atteint. Attributs : population (ind), ménages (men), tranches d'âge 0-17, 18-24, 25-64, 65+ (tranches Filosofi), locaux observés lors de la dernière campagne (démolis exclus) et locaux vacants, services quand la table existe. Sans carroyage de population, la population, les ménages et les tranches d'âge sont laissés vides (pas 0), avec un avertissement ; de même pour les ménages quand le carroyage n'a pas de colonne men (carroyage 2021). Avec les centralités pour origines (superposés), chaque valeur est aussi écrite dans la table des indicateurs sous le code catchment_&lt;value&gt;_&lt;mode&gt;_&lt;band&gt;&lt;unit&gt; (par ex. catchment_population_walk_10min), période = l'année en cours.</translation>
    </message>
    <message>
      <source>Catchment mode</source>
      <translation>Mode de la zone de chalandise</translation>
    </message>
    <message>
      <source>Catchment time for the population (min)</source>
      <translation>Temps de la zone de chalandise pour la population (min)</translation>
    </message>
    <message>
      <source>Catchments</source>
      <translation>Zones de chalandise</translation>
    </message>
    <message>
      <source>Catchments (network_catchments): travel times on the socle's road network; the latest run is shown.</source>
      <translation>Zones de chalandise (network_catchments) : temps de trajet sur le réseau routier du socle ; le dernier calcul est montré.</translation>
    </message>
    <message>
      <source>Category field</source>
      <translation>Champ de catégorie</translation>
    </message>
    <message>
      <source>Cell, premise and service assignment tolerance (m)</source>
      <translation>Tolérance de rattachement des carreaux, locaux et services (m)</translation>
    </message>
    <message>
      <source>Cells not published (fewer than 11 respondents)</source>
      <translation>Cases non publiées (moins de 11 répondants)</translation>
    </message>
    <message>
      <source>Cells of low precision (fewer than 30 respondents)</source>
      <translation>Cases de faible précision (moins de 30 répondants)</translation>
    </message>
    <message>
      <source>Centralities</source>
      <translation>Centralités</translation>
    </message>
    <message>
      <source>Centralities (names separated by commas; empty = all)</source>
      <translation>Centralités (noms séparés par des virgules ; vide = toutes)</translation>
    </message>
    <message>
      <source>Centralities added</source>
      <translation>Centralités ajoutées</translation>
    </message>
    <message>
      <source>Centralities as origins, without an origin layer (names separated by commas; empty = all)</source>
      <translation>Centralités comme origines, sans couche d'origines (noms séparés par des virgules ; vide = toutes)</translation>
    </message>
    <message>
      <source>Centralities in the atlas (names separated by commas; empty = all)</source>
      <translation>Centralités de l'atlas (noms séparés par des virgules ; vide = toutes)</translation>
    </message>
    <message>
      <source>Centralities in this atlas: {names} ({n} of the {total} of the socle); the territory's figures count every premise.</source>
      <translation>Centralités de cet atlas : {names} ({n} sur les {total} du socle) ; les chiffres du territoire comptent tous les locaux.</translation>
    </message>
    <message>
      <source>Centralities printed</source>
      <translation>Centralités imprimées</translation>
    </message>
    <message>
      <source>Centralities updated</source>
      <translation>Centralités mises à jour</translation>
    </message>
    <message>
      <source>Centralities with dwell time</source>
      <translation>Centralités avec durée de présence</translation>
    </message>
    <message>
      <source>Centralities with footfall</source>
      <translation>Centralités avec leur fréquentation</translation>
    </message>
    <message>
      <source>Centralities with offer mix</source>
      <translation>Centralités avec composition de l'offre</translation>
    </message>
    <message>
      <source>Centralities with vacancy</source>
      <translation>Centralités avec la vacance</translation>
    </message>
    <message>
      <source>Centralities: {added} added, {updated} updated.</source>
      <translation>Centralités : {added} ajoutées, {updated} mises à jour.</translation>
    </message>
    <message>
      <source>Centrality</source>
      <translation>Centralité</translation>
    </message>
    <message>
      <source>Centrality names separated by commas (empty = the campaign's perimeter)</source>
      <translation>Noms des centralités séparés par des virgules (vide = le périmètre de la campagne)</translation>
    </message>
    <message>
      <source>Centrality polygons</source>
      <translation>Polygones des centralités</translation>
    </message>
    <message>
      <source>Centrality visits imported</source>
      <translation>Fréquentations de centralités importées</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Évolution</translation>
    </message>
    <message>
      <source>Change (points)</source>
      <translation>Évolution (points)</translation>
    </message>
    <message>
      <source>Change {year} (%)</source>
      <translation>Évolution {year} (%)</translation>
    </message>
    <message>
      <source>Changes of the vacancy rate in points since {campaign}.</source>
      <translation>Évolutions du taux de vacance en points depuis {campaign}.</translation>
    </message>
    <message>
      <source>Changes written</source>
      <translation>Modifications écrites</translation>
    </message>
    <message>
      <source>Channel columns of a wide file (column=channel_id; …)</source>
      <translation>Colonnes de canaux d'un fichier large (colonne=channel_id ; …)</translation>
    </message>
    <message>
      <source>Channel file (channel_*.csv)</source>
      <translation>Fichier des canaux (channel_*.csv)</translation>
    </message>
    <message>
      <source>Channel id for a single-channel file</source>
      <translation>Identifiant de canal d'un fichier à canal unique</translation>
    </message>
    <message>
      <source>Characteristic answers of the types</source>
      <translation>Réponses caractéristiques des types</translation>
    </message>
    <message>
      <source>Check the form with pyxform</source>
      <translation>Vérifier le formulaire avec pyxform</translation>
    </message>
    <message>
      <source>Checked by pyxform</source>
      <translation>Vérifié par pyxform</translation>
    </message>
    <message>
      <source>Choose a CRS with an EPSG code (e.g. EPSG:2154).</source>
      <translation>Choisissez un SCR doté d’un code EPSG (par ex. EPSG:2154).</translation>
    </message>
    <message>
      <source>Choose a car park file, an occupancy file, or both.</source>
      <translation>Choisissez un fichier de parcs, un fichier d'occupation, ou les deux.</translation>
    </message>
    <message>
      <source>Choose a place file, a trip file, or both.</source>
      <translation>Choisissez un fichier de lieux, un fichier de trajets, ou les deux.</translation>
    </message>
    <message>
      <source>Choose at least one file: sites, channels or measures.</source>
      <translation>Choisissez au moins un fichier : sites, canaux ou mesures.</translation>
    </message>
    <message>
      <source>Choose at least one margin to weight the answers to.</source>
      <translation>Choisissez au moins une marge sur laquelle caler les réponses.</translation>
    </message>
    <message>
      <source>Choose the field naming the chosen destination.</source>
      <translation>Choisissez le champ nommant la destination choisie.</translation>
    </message>
    <message>
      <source>Choose the line layer of the commercial linears.</source>
      <translation>Choisissez la couche de lignes des linéaires commerciaux.</translation>
    </message>
    <message>
      <source>Choose the observatory GeoPackage of this project</source>
      <translation>Choisir le GeoPackage de l’observatoire de ce projet</translation>
    </message>
    <message>
      <source>Choose the zone code field of the home zones layer.</source>
      <translation>Choisissez le champ code de la couche des zones de domicile.</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>Choisir…</translation>
    </message>
    <message>
      <source>Chosen from the observatory GeoPackage of this dialog</source>
      <translation>Choisis dans le GeoPackage de l’observatoire de cette boîte de dialogue</translation>
    </message>
    <message>
      <source>Close an inventory campaign</source>
      <translation>Clore une campagne d'inventaire</translation>
    </message>
    <message>
      <source>Close even if observations are still to confirm</source>
      <translation>Clore même si des observations sont encore à confirmer</translation>
    </message>
    <message>
      <source>Closed at (UTC)</source>
      <translation>Close le (UTC)</translation>
    </message>
    <message>
      <source>Closes an inventory campaign. Closing is refused while observations are still “to confirm” (not visited), unless forced: a forced closure leaves them marked “to confirm”, so that analyses can tell them apart. Outputs: the campaign's uuid, the closing time (UTC) and the number of observations left unconfirmed. Without a campaign name, the single open campaign is closed.</source>
      <translation>Clôt une campagne d'inventaire. La clôture est refusée tant que des observations sont encore « à confirmer » (non visitées), sauf si elle est forcée : une clôture forcée les laisse marquées « à confirmer », pour que les analyses puissent les distinguer. Sorties : l'uuid de la campagne, l'heure de clôture (UTC) et le nombre d'observations restées non confirmées. Sans nom de campagne, la seule campagne ouverte est close.</translation>
    </message>
    <message>
      <source>Closures</source>
      <translation>Fermetures</translation>
    </message>
    <message>
      <source>Column mapping (field=column; …)</source>
      <translation>Correspondance des colonnes (champ=colonne ; …)</translation>
    </message>
    <message>
      <source>Column mapping of a town's own car park file (id=…; name=…; capacity=…; x=…; y=…; commune=…; address=…)</source>
      <translation>Correspondance des colonnes d'un fichier de parcs propre à la commune (id=… ; name=… ; capacity=… ; x=… ; y=… ; commune=… ; address=…)</translation>
    </message>
    <message>
      <source>Column mapping of the series (field=column; …)</source>
      <translation>Correspondance des colonnes de la série (champ=colonne ; …)</translation>
    </message>
    <message>
      <source>Column mapping of the trips (field=column; …)</source>
      <translation>Correspondance des colonnes des trajets (champ=colonne ; …)</translation>
    </message>
    <message>
      <source>Column preset (empty = none: standard, presence_fr or one saved)</source>
      <translation>Modèle de colonnes (vide = aucun : standard, presence_fr ou un modèle enregistré)</translation>
    </message>
    <message>
      <source>Column preset (empty = none: standard, tickets_fr, horodateurs_fr or one saved)</source>
      <translation>Modèle de colonnes (vide = aucun : standard, tickets_fr, horodateurs_fr ou un modèle enregistré)</translation>
    </message>
    <message>
      <source>Column separator (empty = detect; , ; tab or |)</source>
      <translation>Séparateur de colonnes (vide = détecté ; , ; tabulation ou |)</translation>
    </message>
    <message>
      <source>Columns ignored (not questions of the form): {columns}</source>
      <translation>Colonnes ignorées (ce ne sont pas des questions du formulaire) : {columns}</translation>
    </message>
    <message>
      <source>Commerce observatory atlas</source>
      <translation>Atlas de l'observatoire du commerce</translation>
    </message>
    <message>
      <source>Commerce observatory dashboard</source>
      <translation>Tableau de bord de l'observatoire du commerce</translation>
    </message>
    <message>
      <source>Commerce observatory · {territory}</source>
      <translation>Observatoire du commerce · {territory}</translation>
    </message>
    <message>
      <source>Commercial linears</source>
      <translation>Linéaires commerciaux</translation>
    </message>
    <message>
      <source>Commercial linears (line layer)</source>
      <translation>Linéaires commerciaux (couche de lignes)</translation>
    </message>
    <message>
      <source>Commercial premises</source>
      <translation>Locaux commerciaux</translation>
    </message>
    <message>
      <source>Commune code field (INSEE)</source>
      <translation>Champ du code commune (INSEE)</translation>
    </message>
    <message>
      <source>Commune codes (INSEE, separated by commas; empty = all)</source>
      <translation>Codes commune (Insee, séparés par des virgules ; vide = toutes)</translation>
    </message>
    <message>
      <source>Commune codes (INSEE, separated by commas; empty = all; needs the stock file)</source>
      <translation>Codes communes (INSEE, séparés par des virgules ; vide = toutes ; nécessite le fichier stock)</translation>
    </message>
    <message>
      <source>Commune codes have 5 characters (e.g. 86194): {bad}</source>
      <translation>Les codes commune ont 5 caractères (par ex. 86194) : {bad}</translation>
    </message>
    <message>
      <source>Commune codes need the stock file (the history has no commune).</source>
      <translation>Les codes communes nécessitent le fichier stock (l'historique ne donne pas la commune).</translation>
    </message>
    <message>
      <source>Competitors within the distance</source>
      <translation>Concurrents à moins de la distance</translation>
    </message>
    <message>
      <source>Completeness (%)</source>
      <translation>Complétude (%)</translation>
    </message>
    <message>
      <source>Completeness of an inventory campaign, per centrality and per agent. For each group: total = observations of the campaign; confirmed = visited, nothing changed; changed = visited, something changed; new = premises found in the field; to visit = still “to confirm”; completeness (%) = 100 × (confirmed + changed + new) / total. Observations are grouped by the centrality their premise lies in (empty: outside every centrality) and by agent (the agent who recorded the visit, else the agent the observation was assigned to by a field package, else empty). The last row of each table holds the whole campaign. Without a campaign name, the single open campaign is used.</source>
      <translation>Complétude d'une campagne d'inventaire, par centralité et par agent. Pour chaque groupe : total = observations de la campagne ; confirmés = visités, rien n'a changé ; modifiés = visités, quelque chose a changé ; nouveaux = locaux trouvés sur le terrain ; à visiter = encore « à confirmer » ; complétude (%) = 100 × (confirmés + modifiés + nouveaux) / total. Les observations sont regroupées par la centralité où se trouve leur local (vide : hors de toute centralité) et par agent (l'agent qui a saisi la visite, sinon l'agent auquel un paquet terrain a attribué l'observation, sinon vide). La dernière ligne de chaque table porte sur toute la campagne. Sans nom de campagne, la seule campagne ouverte est utilisée.</translation>
    </message>
    <message>
      <source>Computed at</source>
      <translation>Calculé le</translation>
    </message>
    <message>
      <source>Computed from the inventory when the dashboard was exported; rates in %.</source>
      <translation>Calculé à partir de l'inventaire lors de l'export du tableau de bord ; taux en %.</translation>
    </message>
    <message>
      <source>Confidence level (%)</source>
      <translation>Niveau de confiance (%)</translation>
    </message>
    <message>
      <source>Conflict on {table}.{column} of {row}: kept {kept}, this package's value {rejected} is in the conflict report.</source>
      <translation>Conflit sur {table}.{column} de {row} : {kept} est conservé, la valeur de ce paquet {rejected} figure au rapport de conflits.</translation>
    </message>
    <message>
      <source>Conflicts</source>
      <translation>Conflits</translation>
    </message>
    <message>
      <source>Connected parts of the network</source>
      <translation>Parties connexes du réseau</translation>
    </message>
    <message>
      <source>Consolidation of Ward's classes (k-means)</source>
      <translation>Consolidation des classes de Ward (k-means)</translation>
    </message>
    <message>
      <source>Consumption types</source>
      <translation>Types de consommation</translation>
    </message>
    <message>
      <source>Consumption typology</source>
      <translation>Typologie des comportements de consommation</translation>
    </message>
    <message>
      <source>Convergence tolerance (fraction of the respondents)</source>
      <translation>Tolérance de convergence (fraction des répondants)</translation>
    </message>
    <message>
      <source>Coordinate reference system (projected)</source>
      <translation>Système de coordonnées de référence (projeté)</translation>
    </message>
    <message>
      <source>Copy of the file as it was</source>
      <translation>Copie du fichier tel qu’il était</translation>
    </message>
    <message>
      <source>Cost</source>
      <translation>Coût</translation>
    </message>
    <message>
      <source>Cost unit: {unit}; minimum cost {min}.</source>
      <translation>Unité de coût : {unit} ; coût minimal {min}.</translation>
    </message>
    <message>
      <source>Count observations still to confirm (pre-filled) with their pre-filled status</source>
      <translation>Compter les observations encore à confirmer (pré-remplies) avec leur statut pré-rempli</translation>
    </message>
    <message>
      <source>Count the BPE non-commercial services</source>
      <translation>Compter les services non marchands de la BPE</translation>
    </message>
    <message>
      <source>Counters outside a centrality: assign within (metres)</source>
      <translation>Compteurs hors d'une centralité : rattacher à moins de (mètres)</translation>
    </message>
    <message>
      <source>Counting sites</source>
      <translation>Sites de comptage</translation>
    </message>
    <message>
      <source>Counting sites and daily counts</source>
      <translation>Sites de comptage et comptages journaliers</translation>
    </message>
    <message>
      <source>Counting sites are assigned to centralities: a site's declared centrality first, else the centrality containing it (higher level first), else the nearest one within the distance (metres). Only channels of the mobility type given count (PEDESTRIAN by default). A channel-day is complete when every expected time step of the local day (23, 24 or 25 hours) has a count, 0 included: a gap is never read as zero. Site daily footfall = sum of its channels; centrality daily footfall = mean over its counting sites (passages/day/counter), when at least the minimum share of its sites are complete. Per period (day, week, month, year and the whole window): mean daily footfall, weekday (Monday–Friday), Saturday and Sunday means (declared holidays count as Sundays), coverage = complete days / calendar days. Year-on-year change = Σ footfall of year Y / Σ footfall of year Y−1 − 1 over the ISO weeks complete in both years. Hourly profile (when the time step divides one hour): mean passages per hour and share of the day. Street profile: tourist (Sunday/weekday ≥ 0.8 or July–August/other months ≥ 1.25), evening/student (share 19:00–01:59 ≥ 25 %), commuter (share 07:00–08:59 ≥ 15 % and Saturday/weekday &lt; 0.9), shopping (Saturday/weekday ≥ 1 and share 11:00–18:59 ≥ 55 %), else mixed. Indicators: footfall_mean_daily, footfall_weekday_mean, footfall_saturday_mean, footfall_sunday_mean (passages/day/counter), footfall_coverage and footfall_yoy (%). With centralities chosen, only those are computed and written (the sites are still assigned among every centrality).</source>
      <translation>Les sites de comptage sont rattachés aux centralités : d'abord la centralité déclarée du site, sinon la centralité qui le contient (niveau le plus élevé d'abord), sinon la plus proche à moins de la distance (mètres). Seuls les canaux du type de mobilité indiqué comptent (PEDESTRIAN par défaut). Un jour-canal est complet quand chaque pas de temps attendu du jour local (23, 24 ou 25 heures) a un comptage, 0 compris : une lacune n'est jamais lue comme un zéro. Fréquentation journalière d'un site = somme de ses canaux ; fréquentation journalière d'une centralité = moyenne sur ses sites de comptage (passages/jour/compteur), quand au moins la part minimale de ses sites est complète. Par période (jour, semaine, mois, année et toute la fenêtre) : fréquentation journalière moyenne, moyennes des jours ouvrés (lundi–vendredi), des samedis et des dimanches (les jours fériés déclarés comptent comme des dimanches), couverture = jours complets / jours du calendrier. Évolution annuelle = Σ fréquentation de l'année A / Σ fréquentation de l'année A−1 − 1 sur les semaines ISO complètes les deux années. Profil horaire (quand le pas de temps divise une heure) : passages moyens par heure et part de la journée. Profil de rue : touristique (dimanche/jours ouvrés ≥ 0,8 ou juillet–août/autres mois ≥ 1,25), soirée/étudiant (part 19:00–01:59 ≥ 25 %), pendulaire (part 07:00–08:59 ≥ 15 % et samedi/jours ouvrés &lt; 0,9), commerçant (samedi/jours ouvrés ≥ 1 et part 11:00–18:59 ≥ 55 %), sinon mixte. Indicateurs : footfall_mean_daily, footfall_weekday_mean, footfall_saturday_mean, footfall_sunday_mean (passages/jour/compteur), footfall_coverage et footfall_yoy (%). Avec des centralités choisies, seules celles-ci sont calculées et écrites (les sites restent rattachés parmi toutes les centralités).</translation>
    </message>
    <message>
      <source>Counts the services of the GeoPackage (BPE equipment) per zone, BPE domain (A services to individuals, B shops, C education, D health and social, E transport, F sport, leisure and culture, G tourism) and range (proximité, intermédiaire, supérieure). A service counts for a zone when its straight-line distance to the zone is at most the distance (m; 0 inside the zone, as for every point inside it). Zones: the centralities of the GeoPackage, or any polygon layer. Output: one row per zone × domain × range, and the zones with their totals per domain and per range. For the centralities, the counts go to the indicators table (period: BPE vintage).</source>
      <translation>Compte les services du GeoPackage (équipements BPE) par zone, domaine BPE (A services aux particuliers, B commerces, C enseignement, D santé et action sociale, E transports, F sports, loisirs et culture, G tourisme) et gamme (proximité, intermédiaire, supérieure). Un service compte pour une zone quand sa distance à vol d'oiseau à la zone est au plus la distance (m ; 0 dans la zone, comme pour tout point situé dedans). Zones : les centralités du GeoPackage, ou toute couche de polygones. Sortie : une ligne par zone × domaine × gamme, et les zones avec leurs totaux par domaine et par gamme. Pour les centralités, les comptes vont dans la table indicators (période : millésime BPE).</translation>
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
      <source>Create the campaign if it does not exist</source>
      <translation>Créer la campagne si elle n'existe pas</translation>
    </message>
    <message>
      <source>Creates an inventory campaign and one observation per live premise of its perimeter (the centralities named, or the whole territory when none is named; a premise in overlapping centralities belongs to the higher level one). Each observation is pre-filled from the premise's latest observation in a campaign that started earlier (status, activity group, NAF code, sign, chain type) and marked “to confirm”; a premise without any earlier observation gets the status “unknown”. Outputs: the campaign's uuid, the number of observations created, how many were pre-filled and how many had no history (observations = pre-filled + without history). Everything is written in one transaction.</source>
      <translation>Crée une campagne d'inventaire et une observation par local actif de son périmètre (les centralités nommées, ou tout le territoire si aucune ne l'est ; un local situé dans des centralités qui se chevauchent appartient à celle de plus haut niveau). Chaque observation est pré-remplie à partir de la dernière observation du local dans une campagne commencée plus tôt (statut, groupe d'activité, code NAF, enseigne, type d'enseigne) et marquée « à confirmer » ; un local sans observation antérieure reçoit le statut « non renseigné ». Sorties : l'uuid de la campagne, le nombre d'observations créées, combien ont été pré-remplies et combien n'avaient pas d'historique (observations = pré-remplies + sans historique). Tout est écrit en une seule transaction.</translation>
    </message>
    <message>
      <source>Creates an observatory GeoPackage holding a fictitious, Poitiers-like agglomeration in Lambert-93 (EPSG:2154): six centralities (town centre, station district, a large housing district, a peripheral retail zone, a village centre, a suburban centre), about 1 270 premises with floor areas observed over four yearly inventory campaigns (2021–2024) with openings, closures, splits and merges, a 200 m population grid with Filosofi columns and a routable road network. The same seed always gives the same content. No external data is used.</source>
      <translation>Crée un GeoPackage d’observatoire contenant une agglomération fictive inspirée de Poitiers, en Lambert-93 (EPSG:2154) : six centralités (centre-ville, quartier de gare, grand quartier d’habitat, zone commerciale périphérique, centre-bourg, centre de commune de première couronne), environ 1 270 locaux avec leur surface, observés lors de quatre campagnes d’inventaire annuelles (2021–2024) avec ouvertures, fermetures, divisions et regroupements, une grille de population à 200 m avec les colonnes Filosofi et un réseau routier utilisable pour le calcul d’itinéraires. La même graine donne toujours le même contenu. Aucune donnée externe n’est utilisée.</translation>
    </message>
    <message>
      <source>Creates or updates the centralities from any polygon layer (any CRS: reprojected to the GeoPackage's): a name field, and optionally a level field, an identifier field and a commune code field. Levels: the codes of the centrality_levels table (primary, secondary, tertiary, peripheral) or their labels, the French words centre-ville, hypercentre, cœur de ville, principale, primaire (primary), quartier, pôle de quartier, secondaire (secondary), proximité, tertiaire (tertiary), zone commerciale, périphérie, périphérique (peripheral), compared without case or accents; any other value is given a level with the level map (value=level; …) or the import is refused with the list of unknown values. An empty level takes the default level. Identity: the identifier field when given (stored as the centrality's code), else the name: re-importing the layer changes nothing, a changed polygon or level is updated. Features without a name or a polygon, and a name (or identifier) given twice, are rejected and listed: make one multi-part feature per centrality (Dissolve by name). One transaction.</source>
      <translation>Crée ou met à jour les centralités à partir de toute couche de polygones (tout SCR : reprojetée dans celui du GeoPackage) : un champ de nom, et en option un champ de niveau, un champ d'identifiant et un champ de code commune. Niveaux : les codes de la table centrality_levels (primary, secondary, tertiary, peripheral) ou leurs libellés, les mots centre-ville, hypercentre, cœur de ville, principale, primaire (primary), quartier, pôle de quartier, secondaire (secondary), proximité, tertiaire (tertiary), zone commerciale, périphérie, périphérique (peripheral), comparés sans tenir compte de la casse ni des accents ; toute autre valeur reçoit un niveau par la correspondance des niveaux (valeur=niveau; …) ou l'import est refusé avec la liste des valeurs inconnues. Un niveau vide prend le niveau par défaut. Identité : le champ d'identifiant s'il est donné (enregistré comme code de la centralité), sinon le nom : réimporter la couche ne change rien, un polygone ou un niveau modifié est mis à jour. Les entités sans nom ou sans polygone, et un nom (ou identifiant) donné deux fois, sont rejetés et listés : faites une entité multiple par centralité (Regrouper par nom). Une seule transaction.</translation>
    </message>
    <message>
      <source>Creates the shared GeoPackage of a commerce observatory (the socle): centralities, premises, inventory campaigns and observations, premise lineage, population grid, roads, indicators, and the editable nomenclatures (activity groups, NAF → activity group map, observation statuses) bound to the coded fields as GeoPackage field domains, so QGIS shows value maps. Every table has an integer fid and a unique uuid; relations use the uuids. The CRS must be projected (metres); Lambert-93 (EPSG:2154) by default.</source>
      <translation>Crée le GeoPackage partagé d’un observatoire du commerce (le socle) : centralités, locaux, campagnes d’inventaire et observations, filiation des locaux, grille de population, routes, indicateurs, et les nomenclatures modifiables (groupes d’activité, correspondance NAF → groupe d’activité, statuts d’observation) liées aux champs codés par des domaines de champ GeoPackage, pour que QGIS affiche des listes de valeurs. Chaque table a un fid entier et un uuid unique ; les relations utilisent les uuid. Le SCR doit être projeté (mètres) ; Lambert-93 (EPSG:2154) par défaut.</translation>
    </message>
    <message>
      <source>Criterion {criterion} skipped: {reason}.</source>
      <translation>Critère {criterion} ignoré : {reason}.</translation>
    </message>
    <message>
      <source>Criterion {criterion}: the direction 'ideal value' needs an ideal value ({parameter}).</source>
      <translation>Critère {criterion} : le sens « valeur idéale » exige une valeur idéale ({parameter}).</translation>
    </message>
    <message>
      <source>Critical</source>
      <translation>Critique</translation>
    </message>
    <message>
      <source>Critical (10 % or more)</source>
      <translation>Critique (10 % ou plus)</translation>
    </message>
    <message>
      <source>Critical (≥ 10 %)</source>
      <translation>Critique (≥ 10 %)</translation>
    </message>
    <message>
      <source>Daily counts published</source>
      <translation>Comptages journaliers publiés</translation>
    </message>
    <message>
      <source>Dashboard workbook</source>
      <translation>Classeur du tableau de bord</translation>
    </message>
    <message>
      <source>Dashboard written to {path}: sheets {sheets}.</source>
      <translation>Tableau de bord écrit dans {path} : feuilles {sheets}.</translation>
    </message>
    <message>
      <source>Data</source>
      <translation>Données</translation>
    </message>
    <message>
      <source>Date format (empty = detect ISO, dd/mm/yyyy, dd/mm/yy; or e.g. %d.%m.%Y %H:%M)</source>
      <translation>Format de date (vide = détecté : ISO, jj/mm/aaaa, jj/mm/aa ; ou par exemple %d.%m.%Y %H:%M)</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>Dates</translation>
    </message>
    <message>
      <source>Decimal mark (empty = both 12.5 and 12,5; . refuses a comma)</source>
      <translation>Séparateur décimal (vide = 12.5 comme 12,5 ; . refuse la virgule)</translation>
    </message>
    <message>
      <source>Decimal mark {value!r}: give . or , (or leave it empty).</source>
      <translation>Séparateur décimal {value!r} : indiquez . ou , (ou laissez vide).</translation>
    </message>
    <message>
      <source>Default level {level!r} is not a level of the GeoPackage ({levels}).</source>
      <translation>Le niveau par défaut {level!r} n'est pas un niveau du GeoPackage ({levels}).</translation>
    </message>
    <message>
      <source>Definition</source>
      <translation>Définition</translation>
    </message>
    <message>
      <source>Definitions</source>
      <translation>Définitions</translation>
    </message>
    <message>
      <source>Demand layer (empty = population grid)</source>
      <translation>Couche de demande (vide = carroyage de population)</translation>
    </message>
    <message>
      <source>Demand points without an available destination</source>
      <translation>Points de demande sans destination accessible</translation>
    </message>
    <message>
      <source>Demand weight field</source>
      <translation>Champ de poids de la demande</translation>
    </message>
    <message>
      <source>Demo GeoPackage</source>
      <translation>GeoPackage de démonstration</translation>
    </message>
    <message>
      <source>Design effect (0 = the latest weighting run's)</source>
      <translation>Effet de plan (0 = celui du dernier calage)</translation>
    </message>
    <message>
      <source>Design effect (1 + CV²)</source>
      <translation>Effet de plan (1 + CV²)</translation>
    </message>
    <message>
      <source>Design effect used</source>
      <translation>Effet de plan retenu</translation>
    </message>
    <message>
      <source>Design effect {deff:.2f}: that of the latest weighting run.</source>
      <translation>Effet de plan {deff:.2f} : celui du dernier calage.</translation>
    </message>
    <message>
      <source>Destination identifier field</source>
      <translation>Champ identifiant de la destination</translation>
    </message>
    <message>
      <source>Destinations (empty = the centralities)</source>
      <translation>Destinations (vide = les centralités)</translation>
    </message>
    <message>
      <source>Destinations farther than {tol} m from the network are never chosen: {names}</source>
      <translation>Les destinations à plus de {tol} m du réseau ne sont jamais choisies : {names}</translation>
    </message>
    <message>
      <source>Destinations listed per cell</source>
      <translation>Destinations listées par carreau</translation>
    </message>
    <message>
      <source>Destinations with only a small isolated part of the network within {tol} m (check the roads around them): {names}</source>
      <translation>Destinations n'ayant qu'une petite partie isolée du réseau à moins de {tol} m (vérifiez les routes autour) : {names}</translation>
    </message>
    <message>
      <source>Direction: {criterion}</source>
      <translation>Sens : {criterion}</translation>
    </message>
    <message>
      <source>Dissolve by band</source>
      <translation>Fusionnés par tranche</translation>
    </message>
    <message>
      <source>Distance (m)</source>
      <translation>Distance (m)</translation>
    </message>
    <message>
      <source>Distance decay</source>
      <translation>Décroissance avec la distance</translation>
    </message>
    <message>
      <source>Distance decay beta</source>
      <translation>Décroissance avec la distance bêta</translation>
    </message>
    <message>
      <source>Distance for services, transit, competitors and parking (m)</source>
      <translation>Distance pour les services, transports, concurrents et stationnement (m)</translation>
    </message>
    <message>
      <source>Distance of a premise to its linear (m)</source>
      <translation>Distance d'un local à son linéaire (m)</translation>
    </message>
    <message>
      <source>Driving</source>
      <translation>En voiture</translation>
    </message>
    <message>
      <source>Driving hierarchy stored: driving catchments over most of the network use it.</source>
      <translation>Hiérarchie routière stockée : les zones de chalandise en voiture couvrant l'essentiel du réseau l'utilisent.</translation>
    </message>
    <message>
      <source>Driving speeds per class (class=km/h, …)</source>
      <translation>Vitesses en voiture par classe (classe=km/h, …)</translation>
    </message>
    <message>
      <source>Driving time on the network (min)</source>
      <translation>Temps en voiture sur le réseau (min)</translation>
    </message>
    <message>
      <source>Driving time on the road network</source>
      <translation>Temps de trajet en voiture sur le réseau routier</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>Durée</translation>
    </message>
    <message>
      <source>Dwell and visitors: fewest baseline days with data to judge the variability</source>
      <translation>Durée et visiteurs : nombre minimal de jours de référence avec données pour juger la variabilité</translation>
    </message>
    <message>
      <source>Dwell and visitors: standard deviations of the baseline a difference must exceed</source>
      <translation>Durée et visiteurs : nombre d'écarts-types de la référence qu'un écart doit dépasser</translation>
    </message>
    <message>
      <source>Dwell and visitors: {n} of {total} comparisons exceed the baseline's variability.</source>
      <translation>Durée et visiteurs : {n} comparaisons sur {total} dépassent la variabilité de la référence.</translation>
    </message>
    <message>
      <source>Dwell classes</source>
      <translation>Classes de durée</translation>
    </message>
    <message>
      <source>Dwell classes in minutes (label=lower-upper; …; empty = read from the labels)</source>
      <translation>Classes de durée en minutes (libellé=borne basse-borne haute ; … ; vide = lues dans les libellés)</translation>
    </message>
    <message>
      <source>Dwell time (parking sessions and presence data)</source>
      <translation>Durée de présence (sessions de stationnement et données de présence)</translation>
    </message>
    <message>
      <source>Dwell time per period</source>
      <translation>Durée de présence par période</translation>
    </message>
    <message>
      <source>EPSG:{epsg} ({how})</source>
      <translation>EPSG:{epsg} ({how})</translation>
    </message>
    <message>
      <source>EPSG:{epsg} is not a known coordinate reference system</source>
      <translation>EPSG:{epsg} n'est pas un système de coordonnées connu</translation>
    </message>
    <message>
      <source>EPSG:{epsg} is not a projected CRS: the observatory measures distances and areas in metres (use EPSG:2154 Lambert-93, or a CC conic zone)</source>
      <translation>EPSG:{epsg} n'est pas un SCR projeté : l'observatoire mesure les distances et les surfaces en mètres (utilisez EPSG:2154 Lambert-93, ou une zone conique CC)</translation>
    </message>
    <message>
      <source>Edits applied</source>
      <translation>Saisies appliquées</translation>
    </message>
    <message>
      <source>Effective sample size</source>
      <translation>Taille d'échantillon effective</translation>
    </message>
    <message>
      <source>End date (YYYY-MM-DD)</source>
      <translation>Date de fin (AAAA-MM-JJ)</translation>
    </message>
    <message>
      <source>Establishment events</source>
      <translation>Événements des établissements</translation>
    </message>
    <message>
      <source>Establishments already imported</source>
      <translation>Établissements déjà importés</translation>
    </message>
    <message>
      <source>Establishments matched to premises</source>
      <translation>Établissements rattachés à des locaux</translation>
    </message>
    <message>
      <source>Establishments outside a centrality: assign within (metres)</source>
      <translation>Établissements hors centralité : rattacher dans un rayon de (mètres)</translation>
    </message>
    <message>
      <source>Establishments to review</source>
      <translation>Établissements à examiner</translation>
    </message>
    <message>
      <source>Estimate alpha</source>
      <translation>Estimer alpha</translation>
    </message>
    <message>
      <source>Estimates the Huff exponents alpha (attractiveness) and beta (distance decay) by maximum likelihood from observed choices: a point layer of respondents' home locations (e.g. questionnaire answers) with a field naming the destination each one chose (matched, ignoring case, to the destination identifier field, or to the centralities' names or uuids). The model is a conditional logit with utility alpha ln A_j + ln f(d_ij); LL = sum of ln P(chosen). Maximised with L-BFGS-B; standard errors from the inverse Fisher information; pseudo-R² = 1 - LL / LL0 (McFadden), LL0 = every available destination equally likely. Answers naming no known destination, or an unavailable one, are skipped with a warning. Without the alpha option alpha stays at the given value (needed when every destination has the same attractiveness). Cost and decay as in the Huff market shares algorithm.

Questionnaire answers instead of a layer: choose a purchase category. Each response answering in which centrality it buys that category (the follow-up of “town centre” or “neighbourhood”) is one observed choice among the centralities (leave the destinations empty). The respondent's home is their IRIS (home_iris) when the home zones layer has that code, else their commune (home_commune): the population-weighted centre of the population grid cells whose centre lies in the zone, or the zone's centroid when no populated cell does. Answers bought elsewhere, outside a centrality, from an unknown home zone or naming an unknown centrality code are counted in the log and skipped.</source>
      <translation>Estime par maximum de vraisemblance les exposants de Huff alpha (attractivité) et bêta (décroissance avec la distance) à partir de choix observés : une couche de points des domiciles des répondants (par ex. réponses au questionnaire) avec un champ nommant la destination choisie par chacun (rapprochée, sans tenir compte de la casse, du champ identifiant des destinations, ou des noms ou uuid des centralités). Le modèle est un logit conditionnel d'utilité alpha ln A_j + ln f(d_ij) ; LL = somme des ln P(choisie). Maximisation par L-BFGS-B ; erreurs types tirées de l'inverse de l'information de Fisher ; pseudo-R² = 1 - LL / LL0 (McFadden), LL0 = toutes les destinations accessibles équiprobables. Les réponses ne nommant aucune destination connue, ou une destination inaccessible, sont écartées avec un avertissement. Sans l'option alpha, alpha garde la valeur donnée (nécessaire quand toutes les destinations ont la même attractivité). Coût et décroissance comme dans l'algorithme des parts de marché de Huff.

Réponses au questionnaire au lieu d'une couche : choisir une catégorie d'achats. Chaque réponse indiquant dans quelle centralité elle achète cette catégorie (la question qui suit « centre-ville » ou « centre de quartier ») est un choix observé parmi les centralités (laisser les destinations vides). Le domicile du répondant est son IRIS (home_iris) quand la couche des zones de domicile a ce code, sinon sa commune (home_commune) : le centre, pondéré par la population, des carreaux de la grille de population dont le centre est dans la zone, ou le centroïde de la zone quand aucun carreau peuplé ne l'est. Les achats faits ailleurs, hors centralité, depuis une zone de domicile inconnue ou nommant un code de centralité inconnu sont comptés dans le journal et écartés.</translation>
    </message>
    <message>
      <source>Evasion rates</source>
      <translation>Taux d'évasion</translation>
    </message>
    <message>
      <source>Event impact</source>
      <translation>Impact des événements</translation>
    </message>
    <message>
      <source>Event impact on dwell time and visitors</source>
      <translation>Effet des événements sur la durée de présence et les visiteurs</translation>
    </message>
    <message>
      <source>Event impact on flows</source>
      <translation>Impact des événements sur les flux</translation>
    </message>
    <message>
      <source>Events (ids or names separated by commas; empty = all)</source>
      <translation>Événements (identifiants ou noms séparés par des virgules ; vide = tous)</translation>
    </message>
    <message>
      <source>Events CSV file</source>
      <translation>Fichier CSV des événements</translation>
    </message>
    <message>
      <source>Every campaign is still open ({names}): close a campaign, or include the open campaigns (they are then marked provisional).</source>
      <translation>Toutes les campagnes sont encore ouvertes ({names}) : clôturez une campagne, ou incluez les campagnes ouvertes (elles sont alors signalées comme provisoires).</translation>
    </message>
    <message>
      <source>Every indicator stored in the socle, one per row (a table you can filter).</source>
      <translation>Tous les indicateurs enregistrés dans le socle, un par ligne (un tableau filtrable).</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Existing roads</source>
      <translation>Routes existantes</translation>
    </message>
    <message>
      <source>Expectations</source>
      <translation>Attentes</translation>
    </message>
    <message>
      <source>Expectations of the population</source>
      <translation>Attentes de la population</translation>
    </message>
    <message>
      <source>Expectations of the population…</source>
      <translation>Attentes de la population…</translation>
    </message>
    <message>
      <source>Expected proportion (%)</source>
      <translation>Proportion attendue (%)</translation>
    </message>
    <message>
      <source>Exponential: exp(-beta × cost)</source>
      <translation>Exponentielle : exp(-bêta × coût)</translation>
    </message>
    <message>
      <source>Export a campaign's inventory to Excel (partners)</source>
      <translation>Exporter l'inventaire d'une campagne vers Excel (partenaires)</translation>
    </message>
    <message>
      <source>Export open data (Frictionless data package)</source>
      <translation>Exporter les données ouvertes (paquet Frictionless)</translation>
    </message>
    <message>
      <source>Export open data…</source>
      <translation>Exporter les données ouvertes…</translation>
    </message>
    <message>
      <source>Export the citizens' web map (static site)</source>
      <translation>Exporter la carte web citoyenne (site statique)</translation>
    </message>
    <message>
      <source>Export the citizens' web map…</source>
      <translation>Exporter la carte web pour les habitants…</translation>
    </message>
    <message>
      <source>Export the partners' Excel dashboard…</source>
      <translation>Exporter le tableau de bord Excel des partenaires…</translation>
    </message>
    <message>
      <source>Export the partners' dashboard (Excel)</source>
      <translation>Exporter le tableau de bord des partenaires (Excel)</translation>
    </message>
    <message>
      <source>Export the questionnaire as an XLSForm</source>
      <translation>Exporter le questionnaire en XLSForm</translation>
    </message>
    <message>
      <source>Exported on</source>
      <translation>Exporté le</translation>
    </message>
    <message>
      <source>Facilities</source>
      <translation>Équipements</translation>
    </message>
    <message>
      <source>Facilities and services</source>
      <translation>Équipements et services</translation>
    </message>
    <message>
      <source>Features already imported</source>
      <translation>Objets déjà importés</translation>
    </message>
    <message>
      <source>Features matched to premises</source>
      <translation>Objets rattachés à des locaux</translation>
    </message>
    <message>
      <source>Features to review</source>
      <translation>Objets à examiner</translation>
    </message>
    <message>
      <source>Feed name (empty = file name)</source>
      <translation>Nom du réseau (vide = nom du fichier)</translation>
    </message>
    <message>
      <source>Feed whose stops are named (empty = latest)</source>
      <translation>Réseau dont les arrêts sont désignés (vide = le dernier)</translation>
    </message>
    <message>
      <source>Fewer than 11 respondents</source>
      <translation>Moins de 11 répondants</translation>
    </message>
    <message>
      <source>Fewer than two respondents to weight.</source>
      <translation>Moins de deux répondants à pondérer.</translation>
    </message>
    <message>
      <source>Fewer than two usable observed choices: nothing to calibrate.</source>
      <translation>Moins de deux choix observés utilisables : rien à calibrer.</translation>
    </message>
    <message>
      <source>Fewest types when chosen</source>
      <translation>Nombre minimal de types (choix automatique)</translation>
    </message>
    <message>
      <source>Field mapping (field=column; …)</source>
      <translation>Correspondance des champs (champ=colonne ; …)</translation>
    </message>
    <message>
      <source>Field naming the chosen destination</source>
      <translation>Champ nommant la destination choisie</translation>
    </message>
    <message>
      <source>Field package folder</source>
      <translation>Dossier du paquet terrain</translation>
    </message>
    <message>
      <source>Fields and values given below</source>
      <translation>Champs et valeurs indiqués ci-dessous</translation>
    </message>
    <message>
      <source>Fields refused by the form rules</source>
      <translation>Champs refusés par les règles des formulaires</translation>
    </message>
    <message>
      <source>Fields used: {fields}.</source>
      <translation>Champs utilisés : {fields}.</translation>
    </message>
    <message>
      <source>Fieldwork (campaigns and field packages)</source>
      <translation>Terrain (campagnes et paquets terrain)</translation>
    </message>
    <message>
      <source>File encoding (empty = detect: UTF-8, UTF-16, Windows-1252)</source>
      <translation>Encodage du fichier (vide = détecté : UTF-8, UTF-16, Windows-1252)</translation>
    </message>
    <message>
      <source>Files of DCIM/ not copied</source>
      <translation>Fichiers de DCIM/ non copiés</translation>
    </message>
    <message>
      <source>Fills the roads table and builds the routing network once, in one transaction. Sources: an OpenStreetMap .osm/.pbf file (GDAL's OSM driver, lines layer) or any line layer, read through a preset. OpenStreetMap: ways whose highway tag is a road or path class; oneway yes/1/true = along the way, -1/reverse = against it, no/0/false/alternating/reversible = two-way, roundabouts and motorways one-way when the tag is absent; maxspeed in km/h ('mph' converted, FR:urban = 50, FR:rural = 80, FR:zone30 = 30); cars barred where the first of motorcar, motor_vehicle, vehicle, access says no, private, delivery, agricultural, forestry, emergency or psv. IGN BD TOPO (troncon_de_route, GeoPackage or shapefile names): nature = class (its speeds written to road_speeds: Sentier, Escalier, Piste cyclable barred to cars…), sens_de_circulation: Double sens and Sans objet = two-way, Sens direct = along, Sens inverse = against; vitesse_moyenne_vl = car speed; acces_vehicule_leger: Libre, A péage, Saisonnier open, Restreint aux ayants droit and Physiquement impossible closed to cars. Other layers: name the class, one-way, speed (km/h), name and access fields and say what the one-way values mean: along the digitised direction, against it, two-way, or closed to cars (still walkable, e.g. INTERDIT); built-in values: 1/yes/true/FT/forward/Sens direct, -1/reverse/TF/backward/Sens inverse, 0/no/false/both/B/Double sens/Sans objet, closed; an empty value is two-way. Values are compared without case, accents, - or _. The log lists every distinct one-way and access value with its number of roads and the meaning given; a value with no meaning refuses the import (listed) unless you choose to import it as two-way and open with a warning. A field that the layer lacks is refused with the list of its fields (names match whatever their case, dBase-style or cut at 10 characters). Closed to cars is stored as maxspeed = 0. Lines are reprojected to the GeoPackage's CRS. The topology splits every road at every vertex and merges line ends closer than the snapping tolerance (metres) into one node; it is stored in road_nodes and road_edges with a checksum of roads, so runs load it without re-snapping. One-way streets bind cars only. Replace mode empties roads first; append adds to it. </source>
      <translation>Remplit la table roads et construit une fois pour toutes le réseau de calcul d'itinéraires, en une seule transaction. Sources : un fichier OpenStreetMap .osm/.pbf (pilote OSM de GDAL, couche lines) ou toute couche de lignes, lue selon un préréglage. OpenStreetMap : voies dont l'attribut highway est une classe de route ou de chemin ; oneway yes/1/true = dans le sens de la voie, -1/reverse = à contresens, no/0/false/alternating/reversible = double sens, ronds-points et autoroutes à sens unique quand l'attribut manque ; maxspeed en km/h (« mph » converti, FR:urban = 50, FR:rural = 80, FR:zone30 = 30) ; voitures interdites quand le premier de motorcar, motor_vehicle, vehicle, access vaut no, private, delivery, agricultural, forestry, emergency ou psv. IGN BD TOPO (troncon_de_route, noms du GeoPackage ou du shapefile) : nature = classe (ses vitesses sont écrites dans road_speeds : Sentier, Escalier, Piste cyclable interdits aux voitures…), sens_de_circulation : Double sens et Sans objet = double sens, Sens direct = dans le sens, Sens inverse = à contresens ; vitesse_moyenne_vl = vitesse des voitures ; acces_vehicule_leger : Libre, A péage, Saisonnier ouverts, Restreint aux ayants droit et Physiquement impossible interdits aux voitures. Autres couches : indiquez les champs de classe, de sens unique, de vitesse (km/h), de nom et d'accès, et ce que signifient les valeurs de sens unique : dans le sens de numérisation, à contresens, double sens, ou interdit aux voitures (toujours praticable à pied, par ex. INTERDIT) ; valeurs reconnues d'office : 1/yes/true/FT/forward/Sens direct, -1/reverse/TF/backward/Sens inverse, 0/no/false/both/B/Double sens/Sans objet, closed ; une valeur vide vaut double sens. Les valeurs sont comparées sans tenir compte de la casse, des accents, des - ou _. Le journal liste chaque valeur distincte de sens unique et d'accès avec son nombre de routes et la signification donnée ; une valeur sans signification fait refuser l'import (elle est listée) sauf si vous choisissez de l'importer en double sens et ouverte, avec un avertissement. Un champ absent de la couche est refusé avec la liste de ses champs (les noms sont reconnus quelle que soit leur casse, au format dBase ou tronqués à 10 caractères). « Interdit aux voitures » est enregistré comme maxspeed = 0. Les lignes sont reprojetées dans le SCR du GeoPackage. La topologie coupe chaque route à chaque sommet et fusionne en un nœud les extrémités de lignes plus proches que la tolérance d'accrochage (mètres) ; elle est enregistrée dans road_nodes et road_edges avec une somme de contrôle de roads, de sorte que les traitements la chargent sans recalculer l'accrochage. Les sens uniques s'imposent aux voitures seulement. Le mode remplacement vide d'abord roads ; le mode ajout la complète. </translation>
    </message>
    <message>
      <source>Filosofi grid (*.csv *.txt *.gpkg)</source>
      <translation>Carroyage Filosofi (*.csv *.txt *.gpkg)</translation>
    </message>
    <message>
      <source>Filosofi grid (CSV or GeoPackage)</source>
      <translation>Carroyage Filosofi (CSV ou GeoPackage)</translation>
    </message>
    <message>
      <source>First day (empty = first count)</source>
      <translation>Premier jour (vide = premier comptage)</translation>
    </message>
    <message>
      <source>First day (empty = first entry)</source>
      <translation>Premier jour (vide = première entrée)</translation>
    </message>
    <message>
      <source>First month (any day of it; empty = five years before the last)</source>
      <translation>Premier mois (n'importe quel jour du mois ; vide = cinq ans avant le dernier)</translation>
    </message>
    <message>
      <source>Flow lines home zone → centrality</source>
      <translation>Lignes de flux zone de résidence → centralité</translation>
    </message>
    <message>
      <source>Flow rows left out (national schema)</source>
      <translation>Lignes de flux écartées (schéma national)</translation>
    </message>
    <message>
      <source>Flows</source>
      <translation>Flux</translation>
    </message>
    <message>
      <source>Flows and offer per centrality</source>
      <translation>Flux et offre par centralité</translation>
    </message>
    <message>
      <source>Flows crossed with the offer</source>
      <translation>Flux croisés avec l'offre</translation>
    </message>
    <message>
      <source>Flows in euros need the households of each home zone: give the home zones layer.</source>
      <translation>Les flux en euros demandent les ménages de chaque zone de résidence : donnez la couche des zones de résidence.</translation>
    </message>
    <message>
      <source>Flows left out (source licence not open)</source>
      <translation>Flux écartés (licence de la source non ouverte)</translation>
    </message>
    <message>
      <source>Flows to publish (each only when its sources' licence is open)</source>
      <translation>Flux à publier (chacun seulement si la licence de ses sources est ouverte)</translation>
    </message>
    <message>
      <source>Footfall</source>
      <translation>Fréquentation</translation>
    </message>
    <message>
      <source>Footfall (footfall_by_centrality): counters within {distance} m of a centrality, mode {mode}; complete days only.</source>
      <translation>Fréquentation (footfall_by_centrality) : compteurs à moins de {distance} m d'une centralité, mode {mode} ; jours complets seulement.</translation>
    </message>
    <message>
      <source>Footfall (passages per day and counter)</source>
      <translation>Fréquentation (passages par jour et par compteur)</translation>
    </message>
    <message>
      <source>Footfall change over a year</source>
      <translation>Évolution de la fréquentation sur un an</translation>
    </message>
    <message>
      <source>Footfall of the nearest counted street</source>
      <translation>Fréquentation de la rue comptée la plus proche</translation>
    </message>
    <message>
      <source>Footfall per centrality</source>
      <translation>Fréquentation par centralité</translation>
    </message>
    <message>
      <source>Footfall per centrality…</source>
      <translation>Fréquentation par centralité…</translation>
    </message>
    <message>
      <source>Footfall per period</source>
      <translation>Fréquentation par période</translation>
    </message>
    <message>
      <source>For each event: uplift = (mean daily value during the event − baseline mean) / baseline mean, given as a fraction and in %, for pedestrian footfall per counter and per centrality (passages/day), parking occupancy per car park and per centrality (mean rate within the hours given) and ridership per centrality (daily boardings at the stops within walking distance), when those data exist. Event days are the local days from its start to its end date. Baseline: the same weekdays over the N previous weeks (each event day d against d − 7k, k = 1…N), the same ISO week and weekday one year before, or a declared neutral period (optionally only its days of the event's weekdays). Baseline days falling in another event of the same centrality are excluded and counted. Means use days with data only; coverage = days with data / days expected; a warning says when the event or the baseline has gaps, and the uplift is empty when a side has no data or the baseline mean is 0. Dwell time and visitors (second table, when parking sessions or presence data are imported): the mean length of stay per car park and per centrality, and per presence zone and visitor category the mean dwell and the share of the visitors, on the same event and baseline days: event value = mean of the event's daily values, baseline mean and standard deviation (sd, n − 1) of the baseline's daily values, difference = event value − baseline mean (minutes, or share points: 0.05 = 5 points), z = difference / sd; exceeds = |difference| &gt; k × sd (k = 2 by default: the event lies outside the baseline days' own variability), left empty when the baseline has fewer days with data than the minimum. A day without data is no data, never zero. Indicators (per centrality, period = event dates): event_uplift, event_parking_uplift, event_ridership_uplift (%), event_dwell_difference and event_presence_dwell_difference (min).</source>
      <translation>Pour chaque événement : gain = (valeur journalière moyenne pendant l'événement − moyenne de référence) / moyenne de référence, en fraction et en %, pour la fréquentation piétonne par compteur et par centralité (passages/jour), l'occupation du stationnement par parc et par centralité (taux moyen sur les heures indiquées) et la fréquentation des transports par centralité (montées journalières aux arrêts à distance de marche), quand ces données existent. Les jours de l'événement sont les jours locaux de sa date de début à sa date de fin. Référence : les mêmes jours de la semaine des N semaines précédentes (chaque jour d de l'événement comparé à d − 7k, k = 1…N), la même semaine ISO et le même jour un an avant, ou une période neutre déclarée (éventuellement ses seuls jours de la semaine de l'événement). Les jours de référence tombant pendant un autre événement de la même centralité sont exclus et comptés. Les moyennes n'utilisent que les jours avec données ; couverture = jours avec données / jours attendus ; un avertissement signale des lacunes pendant l'événement ou la référence, et le gain reste vide quand un côté n'a aucune donnée ou que la moyenne de référence vaut 0. Durée de présence et visiteurs (seconde table, quand des sessions de stationnement ou des données de présence sont importées) : la durée moyenne de stationnement par parc et par centralité, et par zone de présence et catégorie de visiteurs la durée moyenne et la part des visiteurs, sur les mêmes jours d'événement et de référence : valeur de l'événement = moyenne de ses valeurs journalières, moyenne et écart-type (é.-t., n − 1) des valeurs journalières de la référence, écart = valeur de l'événement − moyenne de référence (minutes, ou points de part : 0,05 = 5 points), z = écart / é.-t. ; dépasse = |écart| &gt; k × é.-t. (k = 2 par défaut : l'événement sort de la variabilité propre des jours de référence), laissé vide quand la référence a moins de jours avec données que le minimum. Un jour sans donnée est une absence de donnée, jamais un zéro. Indicateurs (par centralité, période = dates de l'événement) : event_uplift, event_parking_uplift, event_ridership_uplift (%), event_dwell_difference et event_presence_dwell_difference (min).</translation>
    </message>
    <message>
      <source>For each zone (centrality; or street, from the premises' street column; or commercial linear: the nearest line within a distance) and inventory campaign:
premises = premises observed in the campaign, demolished and 'unknown' statuses excluded (ground floor only if asked);
vacant = those whose status counts as vacant (the statuses flagged counts_as_vacant in observation_statuses, or the codes given: add works or other_use if they should count);
vacancy rate (%) = 100 × vacant / premises;
floor-area vacancy rate (%) = 100 × vacant floor area / floor area, over the premises whose floor area is known;
Procos band: normal &lt; 5 %, moderate 5 to 7.5 %, worrying 7.5 to 10 %, critical ≥ 10 %;
change (points) = rate − rate of the previous campaign;
openings = vacant before, occupied now; closures = occupied before, vacant now; activity changes = occupied both times with another activity group;
turnover rate (%) = 100 × premises whose status or occupant changed since the previous campaign / premises at the previous campaign (Codata). A premise made by a split or a merge takes its parents' previous state.
Rates are empty (NULL) when their denominator is 0. Premises outside every zone are counted apart. Observations still to confirm (pre-filled, not yet visited) are counted with their pre-filled status unless unticked; their number is in the unconfirmed column. The indicators (per centrality) go to the indicators table; the centralities layer holds the latest campaign.</source>
      <translation>Pour chaque zone (centralité ; ou rue, d'après la colonne street des locaux ; ou linéaire commercial : la ligne la plus proche à moins d'une distance) et chaque campagne d'inventaire :
locaux = locaux observés dans la campagne, statuts démoli et 'unknown' exclus (rez-de-chaussée seulement si demandé) ;
vacants = ceux dont le statut compte comme vacant (les statuts marqués counts_as_vacant dans observation_statuses, ou les codes indiqués : ajoutez works ou other_use s'ils doivent compter) ;
taux de vacance (%) = 100 × vacants / locaux ;
taux de vacance en surface (%) = 100 × surface vacante / surface, sur les locaux dont la surface est connue ;
classe Procos : normale &lt; 5 %, modérée de 5 à 7,5 %, préoccupante de 7,5 à 10 %, critique ≥ 10 % ;
évolution (points) = taux − taux de la campagne précédente ;
ouvertures = vacant avant, occupé maintenant ; fermetures = occupé avant, vacant maintenant ; changements d'activité = occupé les deux fois avec un autre groupe d'activité ;
taux de rotation (%) = 100 × locaux dont le statut ou l'occupant a changé depuis la campagne précédente / locaux de la campagne précédente (Codata). Un local issu d'une division ou d'une fusion reprend l'état précédent de ses parents.
Les taux sont vides (NULL) quand leur dénominateur vaut 0. Les locaux hors de toute zone sont comptés à part. Les observations encore à confirmer (pré-remplies, pas encore visitées) sont comptées avec leur statut pré-rempli sauf si la case est décochée ; leur nombre figure dans la colonne unconfirmed. Les indicateurs (par centralité) vont dans la table indicators ; la couche des centralités porte la dernière campagne.</translation>
    </message>
    <message>
      <source>For the territory as a whole</source>
      <translation>Pour l'ensemble du territoire</translation>
    </message>
    <message>
      <source>From parking sessions, per car park or on-street zone and per centrality (the car parks serving it: declared, inside it, or within the distance; capacity = the sum of theirs), and per period (day, week, month, year and the whole window): sessions, mean and median length of stay (minutes; stay = exit − entry on the local wall clock), distribution by class (half-open intervals of minutes, by default &lt; 30 min, 30 min–1 h, 1–2 h, 2–4 h, ≥ 4 h: a stay of exactly 30 min is in 30 min–1 h), long stays (≥ the threshold, 4 h by default) and their share by hour of arrival, rotation = sessions / (spaces × days of the period in the window), amounts. A session belongs to the day of its entry (a stay across midnight or overnight is counted once, with its whole length). Sessions without exit are counted apart (open_sessions) and left out of every statistic, never guessed. From presence data, per zone, period and visitor category (and all): visitors (as delivered), share of the visitors, dwell distribution by class and mean dwell (reported means weighted by counts, or class midpoints when every class has bounds; the open class needs a value in minutes). Indicators per centrality (months, years, whole window): dwell_mean_min, dwell_median_min, dwell_long_share (%), parking_rotation, parking_sessions, presence_visitors, presence_mean_dwell_min, presence_share_&lt;category&gt; (%).</source>
      <translation>À partir des sessions de stationnement, par parc ou zone de stationnement sur voirie et par centralité (les parcs qui la desservent : déclarés, situés dedans ou à la distance indiquée ; capacité = la somme des leurs), et par période (jour, semaine, mois, année et toute la période) : sessions, durée moyenne et médiane de stationnement (minutes ; durée = sortie − entrée à l'heure locale), répartition par classe (intervalles semi-ouverts de minutes, par défaut &lt; 30 min, 30 min–1 h, 1–2 h, 2–4 h, ≥ 4 h : une durée d'exactement 30 min est dans 30 min–1 h), stationnements longs (≥ le seuil, 4 h par défaut) et leur part par heure d'arrivée, rotation = sessions / (places × jours de la période dans la fenêtre), montants. Une session appartient au jour de son entrée (un stationnement qui passe minuit ou la nuit est compté une fois, avec toute sa durée). Les sessions sans sortie sont comptées à part (open_sessions) et écartées de toute statistique, jamais devinées. À partir des données de présence, par zone, période et catégorie de visiteurs (et toutes) : visiteurs (tels que livrés), part des visiteurs, répartition par classe de durée et durée moyenne (moyennes livrées pondérées par les effectifs, ou milieux de classe quand chaque classe a des bornes ; la classe ouverte a besoin d'une valeur en minutes). Indicateurs par centralité (mois, années, toute la période) : dwell_mean_min, dwell_median_min, dwell_long_share (%), parking_rotation, parking_sessions, presence_visitors, presence_mean_dwell_min, presence_share_&lt;catégorie&gt; (%).</translation>
    </message>
    <message>
      <source>Further margins from the survey_margins table (e.g. gender, occupation; separated by commas)</source>
      <translation>Autres marges de la table survey_margins (p. ex. gender, occupation ; séparées par des virgules)</translation>
    </message>
    <message>
      <source>GTFS feed (zip)</source>
      <translation>Flux GTFS (zip)</translation>
    </message>
    <message>
      <source>Gaps found</source>
      <translation>Manques trouvés</translation>
    </message>
    <message>
      <source>Gaps listed in the log per centrality</source>
      <translation>Manques listés dans le journal par centralité</translation>
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
      <source>Give a producers file, a markets file, or both.</source>
      <translation>Indiquez un fichier de producteurs, un fichier de marchés, ou les deux.</translation>
    </message>
    <message>
      <source>Give either a layer of observed choices (with its choice field) or a purchase category of the questionnaire (with the home zones), not both.</source>
      <translation>Donnez soit une couche de choix observés (avec son champ de choix), soit une catégorie d'achats du questionnaire (avec les zones de domicile), pas les deux.</translation>
    </message>
    <message>
      <source>Give either an OpenStreetMap file or a line layer (one of the two).</source>
      <translation>Fournissez soit un fichier OpenStreetMap, soit une couche de lignes (l'un des deux).</translation>
    </message>
    <message>
      <source>Give service dates or choose the typical weekday.</source>
      <translation>Indiquez des dates de service ou choisissez le jour ouvré type.</translation>
    </message>
    <message>
      <source>Give the campaign a name.</source>
      <translation>Donnez un nom à la campagne.</translation>
    </message>
    <message>
      <source>Give the home zones layer (IRIS or communes) and its code field.</source>
      <translation>Donnez la couche des zones de résidence (IRIS ou communes) et son champ de code.</translation>
    </message>
    <message>
      <source>Give the project a name.</source>
      <translation>Donnez un nom au projet.</translation>
    </message>
    <message>
      <source>Give the territory a name.</source>
      <translation>Donnez un nom au territoire.</translation>
    </message>
    <message>
      <source>Give the type map: which BPE type each category is (e.g. MATERNELLE=C101; COLLEGE=C201).</source>
      <translation>Donnez la correspondance des types : quel type BPE correspond à chaque catégorie (par ex. MATERNELLE=C101; COLLEGE=C201).</translation>
    </message>
    <message>
      <source>Grid cell c (m; 0 = r / 10)</source>
      <translation>Cellule de grille c (m ; 0 = r / 10)</translation>
    </message>
    <message>
      <source>Grid cells whose centroid is inside the centrality</source>
      <translation>Carreaux dont le centroïde est dans la centralité</translation>
    </message>
    <message>
      <source>Grid cells whose centroid is within the distance</source>
      <translation>Carreaux dont le centroïde est à moins de la distance</translation>
    </message>
    <message>
      <source>Grid outline (faster on large catchments)</source>
      <translation>Contour sur grille (plus rapide sur les grandes zones)</translation>
    </message>
    <message>
      <source>Ground-floor premises only</source>
      <translation>Locaux en rez-de-chaussée seulement</translation>
    </message>
    <message>
      <source>Heavy-vehicle share given in percent</source>
      <translation>Part des poids lourds donnée en pourcentage</translation>
    </message>
    <message>
      <source>High demand, low supply</source>
      <translation>Forte demande, faible offre</translation>
    </message>
    <message>
      <source>High demand, low supply: {zones}</source>
      <translation>Forte demande, faible offre : {zones}</translation>
    </message>
    <message>
      <source>Home zones (IRIS or communes, polygons)</source>
      <translation>Zones de résidence (IRIS ou communes, polygones)</translation>
    </message>
    <message>
      <source>Home zones and their dominant type</source>
      <translation>Zones de résidence et leur type dominant</translation>
    </message>
    <message>
      <source>Home zones of the respondents (IRIS or communes)</source>
      <translation>Zones de domicile des répondants (IRIS ou communes)</translation>
    </message>
    <message>
      <source>Home zones with no road within {tol} m reach nothing: {zones}</source>
      <translation>Zones de résidence sans route à moins de {tol} m, qui n'atteignent rien : {zones}</translation>
    </message>
    <message>
      <source>Home zones: short-circuit demand and supply</source>
      <translation>Zones de résidence : demande et offre en circuits courts</translation>
    </message>
    <message>
      <source>Hourly profile</source>
      <translation>Profil horaire</translation>
    </message>
    <message>
      <source>Hours of parking occupancy (e.g. 9-19)</source>
      <translation>Heures d'occupation du stationnement (ex. 9-19)</translation>
    </message>
    <message>
      <source>Hours {text!r}: write a range start-end such as 9-19 (end excluded) or hours separated by commas, between 0 and 24.</source>
      <translation>Heures {text!r} : écrivez un intervalle début-fin comme 9-19 (fin exclue) ou des heures séparées par des virgules, entre 0 et 24.</translation>
    </message>
    <message>
      <source>Huff gravity model. Probability that demand point i patronises destination j: P_ij = A_j^alpha f(d_ij) / sum_k A_k^alpha f(d_ik), with f(d) = d^-beta (power) or exp(-beta d) (exponential, beta per metre or per minute). A_j: the attractiveness field, or for the centralities (default destinations) the number of occupied premises in the latest campaign; A = 0 is never chosen. Destinations are points, or the centroid of polygons. Demand: the population_grid cells (population ind at the cell centroid; with the income option ind_snv, i.e. population × mean standard of living) or any layer with a weight field. Cost d: straight-line distance in metres, or network time in minutes from the demand point's nearest network node to the destination's nearest node (both within the network tolerance; beyond it the pair is unavailable), on the stored network. Costs below the minimum cost (default 100 m or 1 min) are raised to it. Expected demand D_j = sum_i demand_i P_ij; market share = D_j / sum_k D_k. Per cell: the top k destinations and their probabilities, and the most likely one. Primary market area of j: the cells with P_ij &gt;= threshold (default 0.4). With the centralities as destinations (the default), each centrality's market share (%) and expected demand are also written to the indicators table as huff_market_share and huff_expected_demand, period = the current year, with alpha, beta, the decay and the cost.</source>
      <translation>Modèle gravitaire de Huff. Probabilité que le point de demande i fréquente la destination j : P_ij = A_j^alpha f(d_ij) / somme_k A_k^alpha f(d_ik), avec f(d) = d^-bêta (puissance) ou exp(-bêta d) (exponentielle, bêta par mètre ou par minute). A_j : le champ d'attractivité, ou pour les centralités (destinations par défaut) le nombre de locaux occupés lors de la dernière campagne ; A = 0 n'est jamais choisie. Les destinations sont des points, ou le centroïde des polygones. Demande : les carreaux de population_grid (population ind au centroïde du carreau ; avec l'option revenu, ind_snv, soit la population × le niveau de vie moyen) ou toute couche avec un champ de poids. Coût d : distance à vol d'oiseau en mètres, ou temps sur le réseau en minutes depuis le nœud du réseau le plus proche du point de demande jusqu'au nœud le plus proche de la destination (tous deux dans la tolérance de rattachement ; au-delà, le couple est inaccessible), sur le réseau enregistré. Les coûts inférieurs au coût minimal (par défaut 100 m ou 1 min) y sont relevés. Demande attendue D_j = somme_i demande_i P_ij ; part de marché = D_j / somme_k D_k. Par carreau : les k destinations les plus probables et leurs probabilités, et la plus probable. Zone de chalandise primaire de j : les carreaux où P_ij &gt;= seuil (0,4 par défaut). Avec les centralités comme destinations (par défaut), la part de marché (%) et la demande attendue de chaque centralité sont aussi écrites dans la table des indicateurs sous huff_market_share et huff_expected_demand, période = l'année en cours, avec alpha, bêta, la décroissance et le coût.</translation>
    </message>
    <message>
      <source>Huff market share</source>
      <translation>Part de marché (Huff)</translation>
    </message>
    <message>
      <source>Huff market shares</source>
      <translation>Parts de marché de Huff</translation>
    </message>
    <message>
      <source>Huff market shares…</source>
      <translation>Parts de marché de Huff…</translation>
    </message>
    <message>
      <source>Huff model: alpha {alpha}, beta {beta}, decay {decay}.</source>
      <translation>Modèle de Huff : alpha {alpha}, bêta {beta}, décroissance {decay}.</translation>
    </message>
    <message>
      <source>IGN BD TOPO troncon_de_route</source>
      <translation>IGN BD TOPO troncon_de_route</translation>
    </message>
    <message>
      <source>Ideal value</source>
      <translation>Valeur idéale</translation>
    </message>
    <message>
      <source>Ideal value: {criterion}</source>
      <translation>Valeur idéale : {criterion}</translation>
    </message>
    <message>
      <source>Identifier field</source>
      <translation>Champ d'identifiant</translation>
    </message>
    <message>
      <source>Identifier field (stored as the code)</source>
      <translation>Champ d'identifiant (enregistré comme code)</translation>
    </message>
    <message>
      <source>Import BPE services</source>
      <translation>Importer les équipements de la BPE</translation>
    </message>
    <message>
      <source>Import OpenStreetMap shops</source>
      <translation>Importer les commerces OpenStreetMap</translation>
    </message>
    <message>
      <source>Import SIRENE establishments</source>
      <translation>Importer les établissements SIRENE</translation>
    </message>
    <message>
      <source>Import a partner's inventory workbook</source>
      <translation>Importer le classeur d'inventaire d'un partenaire</translation>
    </message>
    <message>
      <source>Import a public transport feed (GTFS)</source>
      <translation>Importer un réseau de transport en commun (GTFS)</translation>
    </message>
    <message>
      <source>Import an activity index</source>
      <translation>Importer un indice d'activité</translation>
    </message>
    <message>
      <source>Import canceled: {unchanged}.</source>
      <translation>Import annulé : {unchanged}.</translation>
    </message>
    <message>
      <source>Import carpooling (BNLC places, trips)</source>
      <translation>Importer le covoiturage (lieux BNLC, trajets)</translation>
    </message>
    <message>
      <source>Import centralities</source>
      <translation>Importer des centralités</translation>
    </message>
    <message>
      <source>Import counts (comptage des mobilités)</source>
      <translation>Importer des comptages (comptage des mobilités)</translation>
    </message>
    <message>
      <source>Import counts (mapped CSV of another vendor)</source>
      <translation>Importer des comptages (CSV d'un autre fournisseur)</translation>
    </message>
    <message>
      <source>Import events</source>
      <translation>Importer des événements</translation>
    </message>
    <message>
      <source>Import failed on an unexpected error, {unchanged}: {error} (details in the log)</source>
      <translation>Échec de l'import sur une erreur inattendue, {unchanged} : {error} (détails dans le journal)</translation>
    </message>
    <message>
      <source>Import failed, {unchanged}: {error}</source>
      <translation>Échec de l'import, {unchanged} : {error}</translation>
    </message>
    <message>
      <source>Import parking (car parks, on-street zones, occupancy)</source>
      <translation>Importer le stationnement (parcs, zones sur voirie, occupation)</translation>
    </message>
    <message>
      <source>Import parking sessions</source>
      <translation>Importer des sessions de stationnement</translation>
    </message>
    <message>
      <source>Import presence data</source>
      <translation>Importer des données de présence</translation>
    </message>
    <message>
      <source>Import public transport ridership</source>
      <translation>Importer la fréquentation des transports en commun</translation>
    </message>
    <message>
      <source>Import questionnaire answers (KoboToolbox / ODK export)</source>
      <translation>Importer les réponses au questionnaire (export KoboToolbox / ODK)</translation>
    </message>
    <message>
      <source>Import road traffic counts</source>
      <translation>Importer des comptages routiers</translation>
    </message>
    <message>
      <source>Import roads</source>
      <translation>Importer les routes</translation>
    </message>
    <message>
      <source>Import services from a layer of facilities</source>
      <translation>Importer des services depuis une couche d'équipements</translation>
    </message>
    <message>
      <source>Import short-circuit producers and markets</source>
      <translation>Importer les producteurs en circuit court et les marchés</translation>
    </message>
    <message>
      <source>Import the SIRENE establishment history</source>
      <translation>Importer l'historique des établissements SIRENE</translation>
    </message>
    <message>
      <source>Import the population grid (INSEE Filosofi 200 m)</source>
      <translation>Importer le carroyage de population (INSEE Filosofi 200 m)</translation>
    </message>
    <message>
      <source>Import them as two-way and open to cars, with a warning</source>
      <translation>Les importer en double sens et ouvertes aux voitures, avec un avertissement</translation>
    </message>
    <message>
      <source>Imports INSEE's StockEtablissementHistorique CSV: one row per period of an establishment with siret, dateDebut, dateFin, etatAdministratifEtablissement (A active, F closed), activitePrincipaleEtablissement and its nomenclature, enseigne1Etablissement, denominationUsuelleEtablissement (INSEE's column names). Rejected rows (listed): a malformed SIRET or one that does not start with the row's SIREN, an unreadable date, an end before the start, a state other than A or F, two periods of a SIRET starting the same day. The history has no address: give the StockEtablissement file (any state; INSEE's Lambert coordinates, the geolocation file's x, y, epsg, or longitude, latitude) to place the establishments in the centralities; without it, the activity barometer places them through the premises a SIRENE import linked their SIRET to. With a stock file, the commune codes keep only the establishments of those communes. Keyed by SIRET and start date: re-importing adds nothing, a newer file updates the periods that changed. One transaction.</source>
      <translation>Importe le CSV StockEtablissementHistorique de l'INSEE : une ligne par période d'un établissement avec siret, dateDebut, dateFin, etatAdministratifEtablissement (A actif, F fermé), activitePrincipaleEtablissement et sa nomenclature, enseigne1Etablissement, denominationUsuelleEtablissement (noms de colonnes de l'INSEE). Lignes rejetées (listées) : un SIRET mal formé ou qui ne commence pas par le SIREN de la ligne, une date illisible, une fin avant le début, un état autre que A ou F, deux périodes d'un SIRET commençant le même jour. L'historique ne donne pas d'adresse : fournissez le fichier StockEtablissement (tous états ; coordonnées Lambert de l'INSEE, x, y, epsg du fichier de géolocalisation, ou longitude, latitude) pour placer les établissements dans les centralités ; sans lui, le baromètre de l'activité les place par les locaux auxquels un import SIRENE a lié leur SIRET. Avec un fichier stock, les codes communes ne gardent que les établissements de ces communes. Clé : SIRET et date de début ; réimporter n'ajoute rien, un fichier plus récent met à jour les périodes qui ont changé. Une seule transaction.</translation>
    </message>
    <message>
      <source>Imports INSEE's gridded Filosofi data (données carroyées, 200 m cells) from its CSV or its GeoPackage, any vintage (2015: IdINSPIRE, Ind…; 2017: Idcar_200m, Ind…; 2019 and 2021: idcar_200m, ind…; column names matched whatever their case) into the population_grid table: ind (inhabitants), men (households), men_pauv, ind_snv (sum of standards of living), age bands ind_0_3 … ind_80p, ind_inc, i_est_200 (imputed cell). Fractional values are kept as INSEE publishes them; a column the file lacks is left empty (the 2021 grid has no men, men_pauv, ind_snv), with a warning. Each cell is rebuilt from its id (CRS3035RES200mN2694200E3640400: EPSG:3035, 200 m, south-west corner at northing 2694200, easting 3640400) and reprojected to the GeoPackage's CRS. Clipping: with a territory layer (polygons, any CRS) or an extent, a cell is kept when its centre lies inside; without them every cell of the file is kept. Keyed by idcar_200m: re-importing the file (or the same grid from its GeoPackage) changes nothing; a cell whose values changed is updated. Rejected and listed: ids that are not cell ids, counts that are not numbers &gt;= 0, an id repeated. One transaction.</source>
      <translation>Importe les données carroyées Filosofi de l'INSEE (carreaux de 200 m) depuis leur CSV ou leur GeoPackage, quel que soit le millésime (2015 : IdINSPIRE, Ind… ; 2017 : Idcar_200m, Ind… ; 2019 et 2021 : idcar_200m, ind… ; noms de colonnes reconnus quelle que soit leur casse) dans la table population_grid : ind (habitants), men (ménages), men_pauv, ind_snv (somme des niveaux de vie), tranches d'âge ind_0_3 … ind_80p, ind_inc, i_est_200 (carreau imputé). Les valeurs fractionnaires sont gardées telles que l'INSEE les publie ; une colonne absente du fichier est laissée vide (le carroyage 2021 n'a pas men, men_pauv, ind_snv), avec un avertissement. Chaque carreau est reconstruit à partir de son identifiant (CRS3035RES200mN2694200E3640400 : EPSG:3035, 200 m, coin sud-ouest à l'ordonnée 2694200 et l'abscisse 3640400) et reprojeté dans le SCR du GeoPackage. Découpage : avec une couche du territoire (polygones, tout SCR) ou une emprise, un carreau est gardé quand son centre est à l'intérieur ; sans elles, tous les carreaux du fichier sont gardés. Identité idcar_200m : réimporter le fichier (ou le même carroyage depuis son GeoPackage) ne change rien ; un carreau dont les valeurs ont changé est mis à jour. Rejetés et listés : les identifiants qui ne sont pas des identifiants de carreaux, les effectifs qui ne sont pas des nombres &gt;= 0, un identifiant répété. Une seule transaction.</translation>
    </message>
    <message>
      <source>Imports a GTFS feed (zip): its stops (projected to the GeoPackage's CRS), its routes, and the departures per stop and hour of the service day for the dates given and, if chosen, for the typical weekday (among the Tuesdays to Thursdays of the feed's calendar, the first whose number of running trips is the most frequent one). A departure is a stop time of a trip running that day, not at the last stop of its trip, with pickup allowed (pickup_type ≠ 1); a 25:10:00 departure falls in hour 25. Every row is validated against the GTFS reference; real-world defects (overlapping block trips, decreasing shape distances, times going back) are kept and reported as warnings, unusable rows are rejected and reported. The service frequency table gives, per stop and period of the day, the departures, departures per hour and the mean headway (minutes) = period length / departures. One transaction; re-importing a feed of the same name adds nothing. Archives are read within limits: at most {members} files and {size} MB expanded, no member expanding more than {ratio} times; a damaged or encrypted archive is refused.</source>
      <translation>Importe un flux GTFS (zip) : ses arrêts (projetés dans le SCR du GeoPackage), ses lignes, et les départs par arrêt et par heure du jour de service pour les dates indiquées et, si demandé, pour le jour ouvré type (parmi les mardis à jeudis du calendrier du flux, le premier dont le nombre de courses est le plus fréquent). Un départ est un horaire de passage d'une course circulant ce jour-là, hors dernier arrêt de la course, montée autorisée (pickup_type ≠ 1) ; un départ à 25:10:00 compte dans l'heure 25. Chaque ligne est validée selon la référence GTFS ; les défauts réels (courses d'un même block_id qui se chevauchent, distances de tracé décroissantes, horaires qui reculent) sont conservés et signalés en avertissements, les lignes inutilisables sont rejetées et signalées. La table de fréquence donne, par arrêt et période de la journée, les départs, les départs par heure et l'intervalle moyen (minutes) = durée de la période / départs. Une seule transaction ; réimporter un flux du même nom n'ajoute rien. Les archives sont lues dans des limites : au plus {members} fichiers et {size} Mo décompressés, aucun fichier ne se décompressant plus de {ratio} fois ; une archive endommagée ou chiffrée est refusée.</translation>
    </message>
    <message>
      <source>Imports activity indices or amounts per zone, sector and period, such as the aggregated card-payment figures banks and card networks publish for town-centre programmes. Fields (renamed with a mapping): zone (a zone id, or a centrality's name: such rows are linked to it), sector (optional: all), period (YYYY-MM, YYYY-Qn, YYYY, or a date), value, measure (optional: index, amount or transactions; default the one chosen), unit (optional). Rejected rows are listed with the reason. Keyed by zone, sector, period and measure: re-importing adds nothing, a revised file updates the values. The activity barometer gives their change year on year. One transaction.</source>
      <translation>Importe des indices ou montants d'activité par zone, secteur et période, comme les données agrégées de paiement par carte que banques et réseaux de cartes publient pour les programmes de centre-ville. Champs (renommés par une correspondance) : zone (un identifiant de zone, ou le nom d'une centralité : ces lignes lui sont rattachées), sector (facultatif : all), period (AAAA-MM, AAAA-Tn, AAAA, ou une date), value, measure (facultatif : index, amount ou transactions ; par défaut celle choisie), unit (facultatif). Les lignes rejetées sont listées avec la raison. Clé : zone, secteur, période et mesure ; réimporter n'ajoute rien, un fichier révisé met à jour les valeurs. Le baromètre de l'activité donne leur évolution sur un an. Une seule transaction.</translation>
    </message>
    <message>
      <source>Imports an INSEE SIRENE StockEtablissement CSV (comma or semicolon separated) as candidate premises. Kept: active establishments (etatAdministratifEtablissement = A), diffusible ones (statutDiffusionEtablissement = O), whose NAF rev. 2 code is in the naf_activity_map table and whose coordinates are known (x, y, epsg; or INSEE's Lambert columns; or longitude, latitude), in the chosen communes. Every other row is listed in the rejected rows table with its row number and the reason (closed, not diffusible, activity coded in the old NAP / NAF nomenclatures, unknown NAF code, malformed or duplicate SIRET, no coordinates). Coordinates are reprojected to the GeoPackage CRS. Each establishment is then matched to the existing premises: a SIRET imported before is recognised (re-importing a file adds nothing); a premise within the matching distance whose sign name is similar (similarity ≥ the minimum, 0 to 1) is linked; no premise within the distance gives a new premise; premises nearby but no similar sign gives a row to review (output layer), never a new premise. With a campaign, every linked or new premise without an observation in it gets one, status occupied, marked to confirm. Everything is written in one transaction: on an error the GeoPackage is left unchanged.</source>
      <translation>Importe un fichier CSV SIRENE StockEtablissement de l'Insee (séparateur virgule ou point-virgule) comme locaux candidats. Sont retenus : les établissements actifs (etatAdministratifEtablissement = A), diffusibles (statutDiffusionEtablissement = O), dont le code NAF rév. 2 figure dans la table naf_activity_map et dont les coordonnées sont connues (x, y, epsg ; ou les colonnes Lambert de l'Insee ; ou longitude, latitude), dans les communes choisies. Toute autre ligne est listée dans la table des lignes rejetées avec son numéro et le motif (fermé, non diffusible, activité codée dans les anciennes nomenclatures NAP / NAF, code NAF inconnu, SIRET mal formé ou en double, sans coordonnées). Les coordonnées sont reprojetées dans le SCR du GeoPackage. Chaque établissement est ensuite apparié aux locaux existants : un SIRET déjà importé est reconnu (réimporter un fichier n'ajoute rien) ; un local à moins de la distance d'appariement dont l'enseigne est semblable (similarité ≥ le minimum, de 0 à 1) lui est rattaché ; aucun local à moins de la distance donne un nouveau local ; des locaux proches mais aucune enseigne semblable donnent une ligne à examiner (couche en sortie), jamais un nouveau local. Avec une campagne, chaque local rattaché ou nouveau sans observation dans cette campagne en reçoit une, statut occupé, à confirmer. Tout est écrit en une transaction : en cas d'erreur le GeoPackage reste inchangé.</translation>
    </message>
    <message>
      <source>Imports carpool places of the Base nationale des lieux de covoiturage (schema lieux de covoiturage 0.2.0: every field validated, places outside France refused with a hint when longitude and latitude look swapped; the extra id_local column is kept; a date_maj after the reference date (default: today) is reported as a warning and the row kept), and carpool trips per day between communes: columns date, origin_insee, destination_insee, trips (a mapping renames them). Places are keyed by id_lieu, trips by date, origin and destination: re-importing adds nothing. One transaction.</source>
      <translation>Importe les lieux de covoiturage de la Base nationale des lieux de covoiturage (schéma lieux de covoiturage 0.2.0 : chaque champ est validé, les lieux hors de France sont refusés avec une indication quand longitude et latitude semblent inversées ; la colonne supplémentaire id_local est conservée ; une date_maj postérieure à la date de référence (aujourd'hui par défaut) est signalée en avertissement et la ligne conservée), et les trajets de covoiturage par jour entre communes : colonnes date, origin_insee, destination_insee, trips (une correspondance les renomme). Clé des lieux : id_lieu ; des trajets : date, origine et destination : réimporter n'ajoute rien. Une seule transaction.</translation>
    </message>
    <message>
      <source>Imports counters delivered in the national comptage des mobilités schema (0.2.x): the site, channel and measure CSV files (any of them; channels must name a site of the file or of the GeoPackage, measures a channel). Every row is validated against the schema (required fields, types, lists of values, date-times with a UTC offset written Z, +02, +0200 or +02:00, a unique measure per channel and start); rejected rows are listed with the reason in the log and in the rejected rows table, and are not imported. A count of 0 (nobody passed) and an empty count (no data) stay distinct: 0 and NULL. Site coordinates (WGS84 longitude, latitude) are projected to the GeoPackage's CRS. Everything is written in one transaction (an error leaves the file unchanged) and keyed by the source ids: importing the same files again adds nothing. Measures whose channels are neither in the channel file nor in the GeoPackage are refused (import the channel file with them); a channel whose declared time step disagrees with its measures is reported as a warning with the step observed.</source>
      <translation>Importe des compteurs livrés au schéma national comptage des mobilités (0.2.x) : les fichiers CSV de sites, de canaux et de mesures (l'un ou l'autre ; un canal doit désigner un site du fichier ou du GeoPackage, une mesure un canal). Chaque ligne est validée selon le schéma (champs obligatoires, types, listes de valeurs, dates-heures avec un décalage UTC écrit Z, +02, +0200 ou +02:00, une seule mesure par canal et début) ; les lignes rejetées sont listées avec leur motif dans le journal et dans la table des lignes rejetées, et ne sont pas importées. Un comptage de 0 (personne n'est passé) et un comptage vide (pas de donnée) restent distincts : 0 et NULL. Les coordonnées des sites (longitude, latitude WGS84) sont projetées dans le SCR du GeoPackage. Tout est écrit en une seule transaction (une erreur laisse le fichier inchangé), avec pour clé les identifiants source : réimporter les mêmes fichiers n'ajoute rien. Des mesures dont les canaux ne sont ni dans le fichier de canaux ni dans le GeoPackage sont refusées (importez le fichier de canaux avec elles) ; un canal dont le pas de temps déclaré contredit ses mesures est signalé par un avertissement donnant le pas observé.</translation>
    </message>
    <message>
      <source>Imports counts from a CSV of any vendor (Eco-Counter export, manual counts…) through a field mapping written field=column; field=column. Fields: start_datetime (required; date+time joins a date column and a time column), end_datetime, count, channel_id, counter_id. Layouts: one row per channel and time (map channel_id, or give one channel id for the whole file), or one column per channel (channel columns written column=channel_id; column=channel_id, as in Eco-Counter exports). Times without UTC offset are read in the time zone given (the repeated hour when clocks go back: first occurrence summer time); dates may be ISO or French (24/01/2007 10:00, 24/01/07), and a strptime format (%d.%m.%Y %H:%M) reads others. Without an end column, end = start + time step (seconds). An empty count is no data (NULL), 0 is no passage. Channels unknown to the GeoPackage are created on the site given (created too when new: give its name and position); without a site their rows are rejected. One transaction; re-importing adds nothing.</source>
      <translation>Importe des comptages depuis le CSV de n'importe quel fournisseur (export Eco-Counter, comptages manuels…) grâce à une correspondance de champs écrite champ=colonne ; champ=colonne. Champs : start_datetime (obligatoire ; date+heure joint une colonne de date et une colonne d'heure), end_datetime, count, channel_id, counter_id. Dispositions : une ligne par canal et instant (associez channel_id, ou donnez un identifiant de canal unique pour tout le fichier), ou une colonne par canal (colonnes de canaux écrites colonne=channel_id ; colonne=channel_id, comme dans les exports Eco-Counter). Les heures sans décalage UTC sont lues dans le fuseau horaire indiqué (l'heure répétée au passage à l'heure d'hiver : première occurrence en heure d'été) ; les dates peuvent être ISO ou françaises (24/01/2007 10:00, 24/01/07), et un format strptime (%d.%m.%Y %H:%M) lit les autres. Sans colonne de fin, fin = début + pas de temps (secondes). Un comptage vide signifie pas de donnée (NULL), 0 aucun passage. Les canaux inconnus du GeoPackage sont créés sur le site indiqué (créé lui aussi s'il est nouveau : donnez son nom et sa position) ; sans site, leurs lignes sont rejetées. Une seule transaction ; réimporter n'ajoute rien.</translation>
    </message>
    <message>
      <source>Imports events (markets, braderies, sales, festivals…): columns event_id (optional: name|start when absent), name, centrality (a centrality name or uuid of the GeoPackage; empty = the whole territory), start and end (YYYY-MM-DD, DD/MM/YYYY or DD/MM/YY, inclusive), kind (one of: {kinds}; default other), notes. A mapping renames the columns. Unknown centralities or kinds, bad dates and an end before the start are rejected and reported. Keyed by event_id: re-importing adds nothing. One transaction.</source>
      <translation>Importe des événements (marchés, braderies, soldes, festivals…) : colonnes event_id (facultative : nom|début en son absence), name, centrality (nom ou uuid d'une centralité du GeoPackage ; vide = tout le territoire), start et end (AAAA-MM-JJ, JJ/MM/AAAA ou JJ/MM/AA, inclus), kind (l'un de : {kinds} ; other par défaut), notes. Une correspondance renomme les colonnes. Les centralités ou types inconnus, les dates invalides et une fin antérieure au début sont rejetés et signalés. Clé event_id : réimporter n'ajoute rien. Une seule transaction.</translation>
    </message>
    <message>
      <source>Imports off-street car parks in the national stationnement schema (0.1.5; every field validated, reserved places at most nb_places) or on-street parking zones (columns id, nom, nb_places, Xlong, Ylat; insee, adresse, tarif_1h, tarif_2h, info optional), or car parks in a town's own CSV through a column mapping (id=…; name=…; capacity=…; x=…; y=…; commune=…; address=…) with coordinates in any CRS (detected: WGS 84 longitude / latitude, else Lambert-93; or given), or the car parks of an OpenStreetMap export (Overpass GeoJSON, .osm or .pbf: amenity=parking with capacity, capacity:disabled, capacity:charging, fee, access, maxheight and the kind parking=surface, multi-storey, underground…, keyed by their OSM id), and an occupancy time series: one row per car park and time with free or occupied places (both must then add up to the capacity) and optionally the capacity (default: the car park's nb_places); occupancy rate = occupied / capacity (0–1). A file with a payments column and no free or occupied places holds on-street payment counts. Column names are changed with a mapping (parking_id=…; timestamp=…; free=…; occupied=…; capacity=…; payments=…). Times without UTC offset are read in the time zone given. Car parks and series are written in one transaction, keyed by parking id and time: re-importing adds nothing.</source>
      <translation>Importe des parcs de stationnement hors voirie au schéma national stationnement (0.1.5 ; chaque champ est validé, les places réservées au plus nb_places) ou des zones de stationnement sur voirie (colonnes id, nom, nb_places, Xlong, Ylat ; insee, adresse, tarif_1h, tarif_2h, info facultatives), ou les parcs d'un fichier propre à la commune grâce à une correspondance de colonnes (id=… ; name=… ; capacity=… ; x=… ; y=… ; commune=… ; address=…) avec des coordonnées dans n'importe quel système (détecté : longitude / latitude WGS 84, sinon Lambert-93 ; ou indiqué), ou les parcs d'un export OpenStreetMap (GeoJSON Overpass, .osm ou .pbf : amenity=parking avec capacity, capacity:disabled, capacity:charging, fee, access, maxheight et le type parking=surface, multi-storey, underground…, identifiés par leur identifiant OSM), et une série d'occupation : une ligne par parc et instant avec les places libres ou occupées (les deux doivent alors totaliser la capacité) et éventuellement la capacité (par défaut nb_places du parc) ; taux d'occupation = occupées / capacité (0–1). Un fichier avec une colonne payments et sans places libres ni occupées contient des comptages de paiements sur voirie. Une correspondance change les noms de colonnes (parking_id=… ; timestamp=… ; free=… ; occupied=… ; capacity=… ; payments=…). Les heures sans décalage UTC sont lues dans le fuseau horaire indiqué. Parcs et séries sont écrits en une seule transaction, avec pour clé l'identifiant du parc et l'instant : réimporter n'ajoute rien.</translation>
    </message>
    <message>
      <source>Imports parking sessions exported by car-park operators, on-street payment terminals or apps: one row per ticket or session with the car park or zone (parking_id: an id or the name of a car park or zone of the GeoPackage; import them first), the entry and the exit (local date-times: 2024-03-01 14:05, 01/03/2024 14:05…; an empty exit is a session still open), and optionally the amount (€) and the operator's ticket id. Column names come from a mapping (parking_id=…; entry=…; exit=…; amount=…; ticket=…) or a preset saved in the GeoPackage (built in: standard, tickets_fr, horodateurs_fr); the mapping overrides the preset's entries and can be saved as a new preset. Rejected rows (listed with the reason): no car park, an unknown car park, no or unreadable entry, an unreadable exit, an exit before the entry, a stay longer than the maximum (7 days by default), a negative amount, a ticket id repeated for the same car park. Open sessions are kept and counted apart: the dwell statistics never guess their length. Sessions are keyed by car park, entry second, ticket id (when the file has one) and rank: re-importing adds nothing, and a later export closes the sessions that were open. They are stored by car park and month of entry as arrays (table parking_session_blocks: sessions, open sessions, first and last entry of each); the dwell_time algorithm reads them. Millions of rows are read by a fast reader (plain UTF-8 CSV without quotes), other files by the general CSV reader. One transaction.</source>
      <translation>Importe les sessions de stationnement exportées par les exploitants de parcs, les horodateurs ou les applications de paiement : une ligne par ticket ou session avec le parc ou la zone (parking_id : l'identifiant ou le nom d'un parc ou d'une zone du GeoPackage ; importez-les d'abord), l'entrée et la sortie (dates-heures locales : 2024-03-01 14:05, 01/03/2024 14:05… ; une sortie vide est une session encore ouverte), et en option le montant (€) et le numéro de ticket de l'exploitant. Les noms de colonnes viennent d'une correspondance (parking_id=… ; entry=… ; exit=… ; amount=… ; ticket=…) ou d'un modèle enregistré dans le GeoPackage (fournis : standard, tickets_fr, horodateurs_fr) ; la correspondance remplace les entrées du modèle et peut être enregistrée comme nouveau modèle. Lignes rejetées (listées avec la raison) : pas de parc, un parc inconnu, une entrée absente ou illisible, une sortie illisible, une sortie avant l'entrée, une durée supérieure au maximum (7 jours par défaut), un montant négatif, un numéro de ticket répété pour le même parc. Les sessions ouvertes sont conservées et comptées à part : les statistiques de durée ne devinent jamais leur durée. Clé : parc, seconde d'entrée, numéro de ticket (quand le fichier en a un) et rang ; réimporter n'ajoute rien, et un export ultérieur clôt les sessions qui étaient ouvertes. Elles sont rangées par parc et par mois d'entrée sous forme de tableaux (table parking_session_blocks : sessions, sessions ouvertes, première et dernière entrée de chacun) ; l'algorithme dwell_time les lit. Les millions de lignes sont lues par un lecteur rapide (CSV UTF-8 simple sans guillemets), les autres fichiers par le lecteur CSV général. Une seule transaction.</translation>
    </message>
    <message>
      <source>Imports presence data as providers deliver them (mobile-network aggregates, Wi-Fi or Bluetooth sensors), aggregated and anonymised: one row per zone, time slot, visitor category and either dwell-time class or mean dwell (minutes). Fields: zone (a zone id, or a centrality's name: such rows are linked to it), slot (start of the time slot: a date-time, or a date for daily data), category (the provider's label: residents, regular visitors…), count (people, ≥ 0), dwell_class or mean_dwell, slot_minutes (optional). Column names come from a mapping or a saved preset (built in: standard, presence_fr). Dwell classes get their bounds in minutes from the list given (label=lower-upper; an empty upper bound is an open class), else from their labels (&lt; 30 min, 30 min - 1 h, 1h-2h, &gt; 4 h…). Rejected rows are listed with the reason. Keyed by zone, slot, category and class: re-importing adds nothing, a corrected file updates the counts. One transaction.</source>
      <translation>Importe des données de présence telles que les fournisseurs les livrent (agrégats de téléphonie mobile, capteurs Wi-Fi ou Bluetooth), agrégées et anonymisées : une ligne par zone, créneau, catégorie de visiteurs et soit classe de durée, soit durée moyenne (minutes). Champs : zone (un identifiant de zone, ou le nom d'une centralité : ces lignes lui sont rattachées), slot (début du créneau : une date-heure, ou une date pour des données journalières), category (le libellé du fournisseur : résidents, visiteurs réguliers…), count (personnes, ≥ 0), dwell_class ou mean_dwell, slot_minutes (facultatif). Les noms de colonnes viennent d'une correspondance ou d'un modèle enregistré (fournis : standard, presence_fr). Les classes de durée prennent leurs bornes en minutes dans la liste donnée (libellé=basse-haute ; une borne haute vide est une classe ouverte), sinon dans leurs libellés (&lt; 30 min, 30 min - 1 h, 1h-2h, &gt; 4 h…). Les lignes rejetées sont listées avec la raison. Clé : zone, créneau, catégorie et classe ; réimporter n'ajoute rien, un fichier corrigé met à jour les effectifs. Une seule transaction.</translation>
    </message>
    <message>
      <source>Imports ridership counts per stop: columns stop_id, date (YYYY-MM-DD or DD/MM/YYYY), period (optional: a period of the day such as 07-09; default day), boardings and alightings (at least one; numbers &gt;= 0). Column names are changed with a mapping (stop_id=…; date=…). The stops are the GTFS stop_id of the feed named (default: the latest imported feed); a row naming an unknown stop, a bad date, a negative number or a duplicate (stop, date, period) is rejected and reported. One transaction; re-importing adds nothing.</source>
      <translation>Importe des comptages de fréquentation par arrêt : colonnes stop_id, date (AAAA-MM-JJ ou JJ/MM/AAAA), period (facultative : une période de la journée comme 07-09 ; day par défaut), boardings et alightings (montées et descentes, au moins l'une ; nombres &gt;= 0). Une correspondance change les noms de colonnes (stop_id=… ; date=…). Les arrêts sont les stop_id GTFS du réseau nommé (par défaut le dernier importé) ; une ligne désignant un arrêt inconnu, une date invalide, un nombre négatif ou un doublon (arrêt, date, période) est rejetée et signalée. Une seule transaction ; réimporter n'ajoute rien.</translation>
    </message>
    <message>
      <source>Imports road count points: columns point_id, period (a year such as 2023, a month 2023-06 or 06/2023, or a day 2023-06-15, 15/06/2023 or 15/06/23), name, road, daily_traffic (average daily traffic, vehicles/day, &gt;= 0), heavy_share (share of heavy vehicles, in percent 0–100 unless unticked: fraction 0–1) and x, y in the CRS given (WGS84 longitude, latitude by default), projected to the GeoPackage's CRS. Column names are changed with a mapping (point_id=…; daily_traffic=TMJA; heavy_share=PL). Rows are keyed by point and period: a duplicate is rejected, re-importing adds nothing. One transaction.</source>
      <translation>Importe des points de comptage routier : colonnes point_id, period (une année comme 2023, un mois 2023-06 ou 06/2023, ou un jour 2023-06-15, 15/06/2023 ou 15/06/23), name, road, daily_traffic (trafic moyen journalier, véhicules/jour, &gt;= 0), heavy_share (part des poids lourds, en pourcentage 0–100 sauf si la case est décochée : fraction 0–1) et x, y dans le SCR indiqué (longitude, latitude WGS84 par défaut), projetés dans le SCR du GeoPackage. Une correspondance change les noms de colonnes (point_id=… ; daily_traffic=TMJA ; heavy_share=PL). Clé : point et période ; un doublon est rejeté, réimporter n'ajoute rien. Une seule transaction.</translation>
    </message>
    <message>
      <source>Imports short-circuit producers and / or markets from CSV or GeoJSON files. Producers: id, name, products (list separated by ; , or |, normalised to the short_circuit_products codes), sales_modes, organic (oui/non, yes/no, 1/0, bio, AB) and coordinates (x, y with epsg, or longitude, latitude, or a GeoJSON point). Markets: id, name, days in plain French ('mardi;samedi', 'du lundi au samedi', 'tous les 1er et 3ème mardis du mois' = 24/52 sessions a week), organic, coordinates. Rows without identifier, product, weekday or coordinates, or with an unreadable organic flag, are rejected and listed with their reason. Rows are identified by the source name and their id: re-importing updates them in place and adds nothing. One transaction.</source>
      <translation>Importe des producteurs en circuit court et / ou des marchés depuis des fichiers CSV ou GeoJSON. Producteurs : id, name, products (liste séparée par ; , ou |, ramenée aux codes de short_circuit_products), sales_modes, organic (oui/non, yes/no, 1/0, bio, AB) et coordonnées (x, y avec epsg, ou longitude, latitude, ou un point GeoJSON). Marchés : id, name, jours en français courant ('mardi;samedi', 'du lundi au samedi', 'tous les 1er et 3ème mardis du mois' = 24/52 séances par semaine), organic, coordonnées. Les lignes sans identifiant, produit, jour de la semaine ou coordonnées, ou dont l'indication bio est illisible, sont rejetées et listées avec leur motif. Les lignes sont identifiées par le nom de la source et leur id : réimporter les met à jour sur place et n'ajoute rien. Une seule transaction.</translation>
    </message>
    <message>
      <source>Imports the facilities of any point or polygon layer (a town's open data: schools, post offices, libraries…; polygons reduced to their centroid, any CRS) into the services table, typed as BPE equipment through a map you give: category=TYPEQU; … (e.g. MATERNELLE=C101; ELEMENTAIRE=C104; COLLEGE=C201; CINEMA=F303; PISCINE=F101), categories compared without case or accents. Features of a category not in the map are left out and counted per category; label, domain and range come from the bpe_equipment_types table (a code absent there is kept without them, with a warning); the name goes to notes. Identity: the identifier field, else the type and the point rounded to the metre: re-importing the layer, in any order, changes nothing. One transaction.</source>
      <translation>Importe les équipements de toute couche de points ou de polygones (données ouvertes d'une ville : écoles, bureaux de poste, bibliothèques… ; polygones réduits à leur centroïde, tout SCR) dans la table services, typés comme équipements de la BPE par une correspondance que vous donnez : catégorie=TYPEQU; … (par ex. MATERNELLE=C101; ELEMENTAIRE=C104; COLLEGE=C201; CINEMA=F303; PISCINE=F101), catégories comparées sans tenir compte de la casse ni des accents. Les entités d'une catégorie absente de la correspondance sont écartées et comptées par catégorie ; libellé, domaine et gamme viennent de la table bpe_equipment_types (un code absent est gardé sans eux, avec un avertissement) ; le nom va dans notes. Identité : le champ d'identifiant, sinon le type et le point arrondi au mètre : réimporter la couche, dans n'importe quel ordre, ne change rien. Une seule transaction.</translation>
    </message>
    <message>
      <source>Imports the geolocated equipment of INSEE's Base permanente des équipements (BPE, CSV separated by ; or ,) into the services table: TYPEQU code, label, domain (A services to individuals … G tourism) and range (proximité, intermédiaire, supérieure) from the bpe_equipment_types table of the GeoPackage (editable), commune, IRIS and geolocation quality. Coordinates: LAMBERT_X / LAMBERT_Y (Lambert-93, or the local projection overseas) or LONGITUDE / LATITUDE (WGS 84), reprojected to the GeoPackage CRS. Rejected and listed with their reason: malformed TYPEQU codes, equipment not geolocated. A code missing from the table is kept without label or range, with a warning. Services are identified by vintage and source id: re-importing a vintage updates it and adds nothing. One transaction. An OpenStreetMap export (Overpass GeoJSON, .osm or .pbf) gives the services found in OSM instead (pharmacies, post offices, doctors…): each feature whose tag (amenity, healthcare, shop, office, craft, tourism, leisure) is in the osm_bpe_map table of the GeoPackage (editable) gets that BPE type; services are identified by their OSM id, the OSM name is kept in notes.</source>
      <translation>Importe les équipements géolocalisés de la Base permanente des équipements de l'Insee (BPE, CSV séparé par ; ou ,) dans la table services : code TYPEQU, libellé, domaine (A services aux particuliers … G tourisme) et gamme (proximité, intermédiaire, supérieure) d'après la table bpe_equipment_types du GeoPackage (modifiable), commune, IRIS et qualité de géolocalisation. Coordonnées : LAMBERT_X / LAMBERT_Y (Lambert-93, ou la projection locale outre-mer) ou LONGITUDE / LATITUDE (WGS 84), reprojetées dans le SCR du GeoPackage. Rejetés et listés avec leur motif : codes TYPEQU mal formés, équipements non géolocalisés. Un code absent de la table est conservé sans libellé ni gamme, avec un avertissement. Les équipements sont identifiés par millésime et identifiant source : réimporter un millésime le met à jour et n'ajoute rien. Une seule transaction. Un export OpenStreetMap (GeoJSON Overpass, .osm ou .pbf) donne à la place les services trouvés dans OSM (pharmacies, bureaux de poste, médecins…) : chaque objet dont une étiquette (amenity, healthcare, shop, office, craft, tourism, leisure) figure dans la table osm_bpe_map du GeoPackage (modifiable) reçoit ce type BPE ; les services sont identifiés par leur identifiant OSM, le nom OSM est gardé dans notes.</translation>
    </message>
    <message>
      <source>Imports the shops and amenities of an OpenStreetMap file (.osm or .osm.pbf read by GDAL's OSM driver, or a GeoJSON export from Overpass turbo or QuickOSM) as candidate premises, for towns that have no inventory yet. A feature is kept when one of its tags shop, amenity, craft or tourism is in the shipped OSM tag → activity group table (shop=* values missing from it are kept without a group and listed as warnings; shop=vacant gives a vacant premise; a brand tag marks a chain). Buildings are reduced to their centroid. Features are matched to the existing premises by OSM id (re-importing adds nothing), then by distance and name; ambiguous ones go to the layer to review. With a campaign, linked and new premises get an observation marked to confirm. One transaction: on an error the GeoPackage is left unchanged.</source>
      <translation>Importe les commerces et services d'un fichier OpenStreetMap (.osm ou .osm.pbf lu par le pilote OSM de GDAL, ou un export GeoJSON d'Overpass turbo ou de QuickOSM) comme locaux candidats, pour les villes qui n'ont pas encore d'inventaire. Un objet est retenu quand l'une de ses balises shop, amenity, craft ou tourism figure dans la table fournie balise OSM → groupe d'activité (les valeurs shop=* absentes sont conservées sans groupe et signalées en avertissement ; shop=vacant donne un local vacant ; une balise brand indique une enseigne nationale). Les bâtiments sont réduits à leur centroïde. Les objets sont appariés aux locaux existants par identifiant OSM (réimporter n'ajoute rien), puis par distance et nom ; les cas ambigus vont dans la couche à examiner. Avec une campagne, les locaux rattachés et nouveaux reçoivent une observation à confirmer. Une seule transaction : en cas d'erreur le GeoPackage reste inchangé.</translation>
    </message>
    <message>
      <source>In each centrality</source>
      <translation>Dans chaque centralité</translation>
    </message>
    <message>
      <source>In this atlas</source>
      <translation>Dans cet atlas</translation>
    </message>
    <message>
      <source>In this dashboard</source>
      <translation>Dans ce tableau de bord</translation>
    </message>
    <message>
      <source>Include open campaigns (marked provisional)</source>
      <translation>Inclure les campagnes en cours (signalées comme provisoires)</translation>
    </message>
    <message>
      <source>Include premises retired by a split or a merge</source>
      <translation>Inclure les locaux retirés par une division ou une fusion</translation>
    </message>
    <message>
      <source>Independent shops</source>
      <translation>Commerces indépendants</translation>
    </message>
    <message>
      <source>Indicator</source>
      <translation>Indicateur</translation>
    </message>
    <message>
      <source>Indicator 11: types of consumption behaviour of the weighted respondents, as FactoMineR (MCA, then HCPC, then catdes), weighted by the survey weights. Active questions: how often and how the respondent comes to the main centrality, how many centralities they visit, the reasons of their visits (yes / no each), where they buy each purchase category, the share bought online, how often they buy through short circuits and the ways they would buy from producers (yes / no each). A missing answer is a category. The MCA keeps the given number of dimensions; Ward's hierarchical clustering on them (merge cost W_a W_b / (W_a + W_b) × ||g_a − g_b||²) gives the types, their number chosen in [min, max] where the next split gains relatively least (within(k) / within(k − 1) smallest) unless given; k-means consolidation follows (above 2 000 respondents, 100 k-means pre-clusters first). Consolidation (advanced): weighted by the survey weights by default, consistent with the weighted MCA and Ward; “unweighted, as FactoMineR” reproduces R's HCPC exactly (its k-means ignores the row weights), so choose it to compare with R; “none” keeps Ward's classes. Each type is described by its over-represented answers with their test-values (catdes: the normal deviate of the hypergeometric p-value; above 1.96 significant at 5 %) and named after its strongest ones (names are editable in the survey_types table). The run is stored (types per response); type shares (%) per centrality (visitors), home zone and territory go to the indicators table (typology_share_type&lt;k&gt;) under the publication rules (fewer than 11 respondents: not written; under 30: low precision). With the home zones layer, a layer of home zones with their dominant type.</source>
      <translation>Indicateur 11 : types de comportements de consommation des répondants pondérés, comme FactoMineR (ACM, puis CAH sur composantes principales HCPC, puis catdes), pondérés par les poids de l'enquête. Questions actives : fréquence et mode de venue dans la centralité principale, nombre de centralités fréquentées, motifs de venue (oui / non pour chacun), lieu d'achat de chaque catégorie, part des achats en ligne, fréquence d'achat en circuits courts et modes d'achat souhaités auprès des producteurs (oui / non pour chacun). Une absence de réponse est une modalité. L'ACM garde le nombre de dimensions donné ; la classification hiérarchique de Ward sur ces dimensions (coût d'agrégation W_a W_b / (W_a + W_b) × ||g_a − g_b||²) donne les types, leur nombre étant choisi dans [min, max] là où la partition suivante gagne relativement le moins (within(k) / within(k − 1) le plus petit) sauf s'il est donné ; une consolidation par k-means suit (au-delà de 2 000 répondants, 100 pré-classes k-means d'abord). Consolidation (paramètre avancé) : pondérée par les poids de l'enquête par défaut, cohérente avec l'ACM et la classification de Ward pondérées ; « non pondérée, comme FactoMineR » reproduit exactement HCPC de R (son k-means ignore les poids des lignes) : à choisir pour comparer avec R ; « aucune » garde les classes de Ward. Chaque type est décrit par ses réponses sur-représentées et leurs valeurs-test (catdes : écart normal de la p-valeur hypergéométrique ; au-delà de 1,96, significatif à 5 %) et nommé d'après les plus fortes (noms modifiables dans la table survey_types). Le calcul est enregistré (type de chaque réponse) ; les parts des types (%) par centralité (visiteurs), zone de résidence et territoire vont dans la table des indicateurs (typology_share_type&lt;k&gt;) selon les règles de publication (moins de 11 répondants : non écrit ; moins de 30 : faible précision). Avec la couche des zones de résidence, une couche des zones et de leur type dominant.</translation>
    </message>
    <message>
      <source>Indicator 12 from the weighted questionnaire answers (latest weighting run unless named). For each satisfaction item: weighted mean score (1–5) and share satisfied (score 4 or 5, %); weighted shares (%) of the activity groups said to be missing, of the priorities, of the opening-hours wishes (asked to those scoring opening hours 1 or 2), of each level of interest in local producers (and very or somewhat interested), of each short-circuit frequency and of the wished channels (asked to those interested). Mean ȳ = Σ w y / Σ w over the respondents who answered; 95 % interval ȳ ± 1.96 SE with the linearisation variance of the raking (as R's survey::svymean); share intervals are clipped to 0–100 %. Domains: the whole territory; each centrality's visitors (who come at least monthly) and the respondents interviewed there; each age band, occupation, household with or without children, with or without a car, and home zone. Publication rules: a cell of fewer than 11 respondents has no value (the reason is given) and is never written to the indicators table; under 30 it is flagged low precision. Indicators: expect_&lt;figure&gt; (territory), expect_&lt;figure&gt;__visitors and __interviewed (centrality), expect_&lt;figure&gt;__&lt;group&gt;_&lt;value&gt; (population groups), expect_&lt;figure&gt;__home_zone_&lt;zone&gt;, with the interval, the respondents and the low-precision flag.</source>
      <translation>Indicateur 12 à partir des réponses pondérées au questionnaire (dernier calage sauf indication). Pour chaque item de satisfaction : note moyenne pondérée (1–5) et part de satisfaits (note 4 ou 5, %) ; parts pondérées (%) des groupes d'activité jugés manquants, des priorités, des souhaits d'horaires (demandés à ceux qui notent les horaires 1 ou 2), de chaque niveau d'intérêt pour les producteurs locaux (et très ou plutôt intéressés), de chaque fréquence d'achat en circuits courts et des modes d'achat souhaités (demandés aux intéressés). Moyenne ȳ = Σ w y / Σ w sur les répondants ayant répondu ; intervalle à 95 % ȳ ± 1,96 ET avec la variance par linéarisation du calage (comme survey::svymean de R) ; les intervalles des parts sont bornés à 0–100 %. Domaines : l'ensemble du territoire ; les visiteurs de chaque centralité (venant au moins une fois par mois) et les répondants interrogés sur place ; chaque tranche d'âge, situation professionnelle, ménage avec ou sans enfants, avec ou sans voiture, et zone de résidence. Règles de publication : une case de moins de 11 répondants n'a pas de valeur (la raison est donnée) et n'est jamais écrite dans la table des indicateurs ; en dessous de 30 elle est signalée de faible précision. Indicateurs : expect_&lt;chiffre&gt; (territoire), expect_&lt;chiffre&gt;__visitors et __interviewed (centralité), expect_&lt;chiffre&gt;__&lt;groupe&gt;_&lt;valeur&gt; (groupes de population), expect_&lt;chiffre&gt;__home_zone_&lt;zone&gt;, avec l'intervalle, les répondants et l'indicateur de faible précision.</translation>
    </message>
    <message>
      <source>Indicators</source>
      <translation>Indicateurs</translation>
    </message>
    <message>
      <source>Indicators written</source>
      <translation>Indicateurs écrits</translation>
    </message>
    <message>
      <source>Inhabitants within a 10 min walk</source>
      <translation>Habitants à 10 min à pied</translation>
    </message>
    <message>
      <source>Invalid cells</source>
      <translation>Cellules invalides</translation>
    </message>
    <message>
      <source>Invalid rows</source>
      <translation>Lignes invalides</translation>
    </message>
    <message>
      <source>Inventory campaign (empty = the latest)</source>
      <translation>Campagne d'inventaire (vide = la dernière)</translation>
    </message>
    <message>
      <source>Inventory campaign {campaign}</source>
      <translation>Campagne d'inventaire {campaign}</translation>
    </message>
    <message>
      <source>Inventory campaigns</source>
      <translation>Campagnes d'inventaire</translation>
    </message>
    <message>
      <source>Inventory workbook</source>
      <translation>Classeur d'inventaire</translation>
    </message>
    <message>
      <source>Inventory workbook (.xlsx)</source>
      <translation>Classeur d'inventaire (.xlsx)</translation>
    </message>
    <message>
      <source>Its visitors (at least monthly)</source>
      <translation>Ses visiteurs (au moins une fois par mois)</translation>
    </message>
    <message>
      <source>Key figures and trends</source>
      <translation>Chiffres clés et tendances</translation>
    </message>
    <message>
      <source>Key figures, campaign {campaign}</source>
      <translation>Chiffres clés, campagne {campaign}</translation>
    </message>
    <message>
      <source>Kind of line layer</source>
      <translation>Type de couche de lignes</translation>
    </message>
    <message>
      <source>LAMBERT_X/LAMBERT_Y or LONGITUDE/LATITUDE</source>
      <translation>LAMBERT_X/LAMBERT_Y ou LONGITUDE/LATITUDE</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>Libellé</translation>
    </message>
    <message>
      <source>Language of the atlas</source>
      <translation>Langue de l'atlas</translation>
    </message>
    <message>
      <source>Language of the dashboard</source>
      <translation>Langue du tableau de bord</translation>
    </message>
    <message>
      <source>Largest weight</source>
      <translation>Poids le plus grand</translation>
    </message>
    <message>
      <source>Last day (empty = last count)</source>
      <translation>Dernier jour (vide = dernier comptage)</translation>
    </message>
    <message>
      <source>Last day (empty = last entry)</source>
      <translation>Dernier jour (vide = dernière entrée)</translation>
    </message>
    <message>
      <source>Last month (any day of it; empty = the latest of the history)</source>
      <translation>Dernier mois (n'importe quel jour du mois ; vide = le plus récent de l'historique)</translation>
    </message>
    <message>
      <source>Layer of the GeoPackage (empty = the first with cell ids)</source>
      <translation>Couche du GeoPackage (vide = la première avec des identifiants de carreaux)</translation>
    </message>
    <message>
      <source>Leave them out of the weighting</source>
      <translation>Les écarter du calage</translation>
    </message>
    <message>
      <source>Left out ({reason}): {n} rows</source>
      <translation>Écartées ({reason}) : {n} lignes</translation>
    </message>
    <message>
      <source>Length of the time slots (minutes; when the file does not say)</source>
      <translation>Durée des créneaux (minutes ; quand le fichier ne la donne pas)</translation>
    </message>
    <message>
      <source>Less is better</source>
      <translation>Moins c'est mieux</translation>
    </message>
    <message>
      <source>Level field</source>
      <translation>Champ de niveau</translation>
    </message>
    <message>
      <source>Level field {field!r}: values not recognised: {values}. Say which level each one is with the level map, e.g. {example}=secondary. Levels of the GeoPackage: {known}. Nothing was written.</source>
      <translation>Champ de niveau {field!r} : valeurs non reconnues : {values}. Indiquez le niveau de chacune avec la correspondance des niveaux, par ex. {example}=secondary. Niveaux du GeoPackage : {known}. Rien n'a été écrit.</translation>
    </message>
    <message>
      <source>Level map (value=level; …, e.g. Pôle majeur=primary)</source>
      <translation>Correspondance des niveaux (valeur=niveau; …, par ex. Pôle majeur=primary)</translation>
    </message>
    <message>
      <source>Level map entry {entry!r}: write value=level, e.g. Pôle majeur=primary.</source>
      <translation>Entrée de correspondance des niveaux {entry!r} : écrivez valeur=niveau, par ex. Pôle majeur=primary.</translation>
    </message>
    <message>
      <source>Level map {value}={level}: {level!r} is not a level of the GeoPackage ({levels}).</source>
      <translation>Correspondance des niveaux {value}={level} : {level!r} n'est pas un niveau du GeoPackage ({levels}).</translation>
    </message>
    <message>
      <source>Level of the features without one</source>
      <translation>Niveau des entités qui n'en ont pas</translation>
    </message>
    <message>
      <source>Licence</source>
      <translation>Licence</translation>
    </message>
    <message>
      <source>Like every import: features without a geometry are rejected and listed in the rejected rows table with the values given no meaning; ways that are not roads are left out and counted in the log; an older GeoPackage is upgraded in the import's transaction.

</source>
      <translation>Comme pour tout import : les entités sans géométrie sont rejetées et listées dans la table des lignes rejetées avec les valeurs auxquelles aucun sens n'a été donné ; les voies qui ne sont pas des routes sont écartées et comptées dans le journal ; un GeoPackage plus ancien est mis à niveau dans la transaction de l'import.

</translation>
    </message>
    <message>
      <source>Limits of the dwell classes (minutes, separated by commas)</source>
      <translation>Bornes des classes de durée (minutes, séparées par des virgules)</translation>
    </message>
    <message>
      <source>Limits of the dwell classes: positive numbers of minutes in increasing order, separated by commas (e.g. 30, 60, 120, 240).</source>
      <translation>Bornes des classes de durée : des nombres de minutes positifs et croissants, séparés par des virgules (par ex. 30, 60, 120, 240).</translation>
    </message>
    <message>
      <source>Linear name field</source>
      <translation>Champ du nom du linéaire</translation>
    </message>
    <message>
      <source>Log-likelihood</source>
      <translation>Log-vraisemblance</translation>
    </message>
    <message>
      <source>Long stay: at least (minutes)</source>
      <translation>Stationnement long : au moins (minutes)</translation>
    </message>
    <message>
      <source>Long stays by hour of arrival</source>
      <translation>Stationnements longs par heure d'arrivée</translation>
    </message>
    <message>
      <source>Long-term vacancy</source>
      <translation>Vacance de longue durée</translation>
    </message>
    <message>
      <source>Long-term vacancy threshold (years)</source>
      <translation>Seuil de vacance de longue durée (années)</translation>
    </message>
    <message>
      <source>Long-term vacancy: vacant for {years} years or more, measured between the start dates of the campaigns.</source>
      <translation>Vacance de longue durée : vacant depuis {years} ans ou plus, durée mesurée entre les dates de début des campagnes.</translation>
    </message>
    <message>
      <source>Long-term vacant premises</source>
      <translation>Locaux en vacance de longue durée</translation>
    </message>
    <message>
      <source>Longest stay kept (days)</source>
      <translation>Durée maximale conservée (jours)</translation>
    </message>
    <message>
      <source>Low (under 5 %)</source>
      <translation>Faible (moins de 5 %)</translation>
    </message>
    <message>
      <source>Low vacancy</source>
      <translation>Vacance faible</translation>
    </message>
    <message>
      <source>Low vacancy (&lt; 5 %)</source>
      <translation>Vacance faible (&lt; 5 %)</translation>
    </message>
    <message>
      <source>Lower bound of the weight ratios (0 = none)</source>
      <translation>Borne inférieure des rapports de poids (0 = aucune)</translation>
    </message>
    <message>
      <source>Lowest to highest</source>
      <translation>Du minimum au maximum</translation>
    </message>
    <message>
      <source>MCA dimensions kept for the clustering</source>
      <translation>Dimensions de l'ACM gardées pour la classification</translation>
    </message>
    <message>
      <source>Made with</source>
      <translation>Réalisé avec</translation>
    </message>
    <message>
      <source>Margin {margin} totals {total:.0f} persons: scaled to the {first_total:.0f} of margin {first} (×{factor:.4f}).</source>
      <translation>La marge {margin} totalise {total:.0f} personnes : ramenée aux {first_total:.0f} de la marge {first} (×{factor:.4f}).</translation>
    </message>
    <message>
      <source>Margins met</source>
      <translation>Marges atteintes</translation>
    </message>
    <message>
      <source>Market distance (m)</source>
      <translation>Distance des marchés (m)</translation>
    </message>
    <message>
      <source>Market share (Huff)</source>
      <translation>Part de marché (Huff)</translation>
    </message>
    <message>
      <source>Market shares</source>
      <translation>Parts de marché</translation>
    </message>
    <message>
      <source>Markets</source>
      <translation>Marchés</translation>
    </message>
    <message>
      <source>Markets added</source>
      <translation>Marchés ajoutés</translation>
    </message>
    <message>
      <source>Markets file</source>
      <translation>Fichier des marchés</translation>
    </message>
    <message>
      <source>Markets on the map</source>
      <translation>Marchés sur la carte</translation>
    </message>
    <message>
      <source>Matching distance to existing premises (m)</source>
      <translation>Distance d'appariement aux locaux existants (m)</translation>
    </message>
    <message>
      <source>Maximum distance to a counting site (m)</source>
      <translation>Distance maximale à un site de comptage (m)</translation>
    </message>
    <message>
      <source>Mean passages per day and counter, complete days only</source>
      <translation>Passages moyens par jour et par compteur, jours complets seulement</translation>
    </message>
    <message>
      <source>Measure file (measure_*.csv)</source>
      <translation>Fichier des mesures (measure_*.csv)</translation>
    </message>
    <message>
      <source>Measure of the rows that do not say</source>
      <translation>Mesure des lignes qui ne la précisent pas</translation>
    </message>
    <message>
      <source>Median centrality</source>
      <translation>Centralité médiane</translation>
    </message>
    <message>
      <source>Merges the edits an agent made in a field package back into the shared GeoPackage with a three-way merge (pygeodiff): the package's base (the data as prepared), the agent's copy and the shared file as it is now. Every insert, update and delete of premises, observations and lineage arrives. Rule for conflicts: the first synchronised wins; when this package changed a field that the shared file already changed since the package was prepared, the shared value is kept and this package's value goes to the conflict report (the sync_conflicts table and the conflicts output); an edit of a row deleted meanwhile and a deletion of a row edited meanwhile are reported too. Photos of DCIM/ are copied next to the shared GeoPackage (only JPEG and PNG files, at most 25 MB each, never through a symbolic link) and every photo cited is checked to exist. Every merged row is checked with the rules of the inventory forms (location in the GeoPackage's CRS, required fields, codes of the lists, floor area, NAF code…): a row that breaks one is not merged and is reported with the reason (kind “refused”). Refused, before anything is written: a package already synchronised, a schema that changed since the package was prepared, a package not prepared from this GeoPackage, a data file whose -wal file stayed on the tablet. The GeoPackage is not migrated (the schema is frozen during a campaign), and it is written only at the end, in one transaction, and only if no other program saved edits in it meanwhile (otherwise nothing is written: synchronise again). Outputs: one row per table (inserted, updated, deleted, conflicts) and one row per conflicting or refused field.</source>
      <translation>Reporte dans le GeoPackage partagé les modifications faites par un agent dans un paquet de terrain, par une fusion à trois voies (pygeodiff) : la base du paquet (les données telles que préparées), la copie de l'agent et le fichier partagé tel qu'il est maintenant. Chaque ajout, modification et suppression de locaux, d'observations et de filiations est reporté. Règle des conflits : le premier synchronisé l'emporte ; quand ce paquet a modifié un champ déjà modifié dans le fichier partagé depuis la préparation du paquet, la valeur partagée est conservée et celle de ce paquet va au rapport des conflits (table sync_conflicts et sortie des conflits) ; la modification d'une ligne supprimée entre-temps et la suppression d'une ligne modifiée entre-temps sont signalées aussi. Les photos de DCIM/ sont copiées à côté du GeoPackage partagé (uniquement des fichiers JPEG et PNG, 25 Mo au plus chacun, jamais à travers un lien symbolique) et l'existence de chaque photo citée est vérifiée. Chaque ligne fusionnée est contrôlée avec les règles des formulaires d'inventaire (position dans le SCR du GeoPackage, champs obligatoires, codes des listes, surface, code NAF…) : une ligne qui en enfreint une n'est pas fusionnée et est signalée avec la raison (type « refused »). Refusés avant toute écriture : un paquet déjà synchronisé, un schéma modifié depuis la préparation du paquet, un paquet qui n'a pas été préparé à partir de ce GeoPackage, un fichier de données dont le fichier -wal est resté sur la tablette. Le GeoPackage n'est pas migré (le schéma est figé pendant une campagne), et il n'est écrit qu'à la fin, en une seule transaction, et seulement si aucun autre programme n'y a enregistré de modification entre-temps (sinon rien n'est écrit : synchronisez à nouveau). Sorties : une ligne par table (ajouts, modifications, suppressions, conflits) et une ligne par champ en conflit ou refusé.</translation>
    </message>
    <message>
      <source>Methods and sources</source>
      <translation>Méthodes et sources</translation>
    </message>
    <message>
      <source>Metres</source>
      <translation>Mètres</translation>
    </message>
    <message>
      <source>Middle half of the centralities</source>
      <translation>Moitié centrale des centralités</translation>
    </message>
    <message>
      <source>Minimum cost (0 = 100 m or 1 min)</source>
      <translation>Coût minimal (0 = 100 m ou 1 min)</translation>
    </message>
    <message>
      <source>Minimum number N of active premises</source>
      <translation>Nombre minimal N de locaux actifs</translation>
    </message>
    <message>
      <source>Minimum share of complete counters for a centrality-day (0–1)</source>
      <translation>Part minimale de compteurs complets pour un jour-centralité (0–1)</translation>
    </message>
    <message>
      <source>Minimum sign-name similarity (0 to 1)</source>
      <translation>Similarité minimale des enseignes (0 à 1)</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>Minutes</translation>
    </message>
    <message>
      <source>Mobility per centrality</source>
      <translation>Mobilité par centralité</translation>
    </message>
    <message>
      <source>Mobility type of new channels</source>
      <translation>Type de mobilité des nouveaux canaux</translation>
    </message>
    <message>
      <source>Mobility type of the channels (empty = all)</source>
      <translation>Type de mobilité des canaux (vide = tous)</translation>
    </message>
    <message>
      <source>Mobility, latest period</source>
      <translation>Mobilité, dernière période</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>Mode</translation>
    </message>
    <message>
      <source>Moderate</source>
      <translation>Modérée</translation>
    </message>
    <message>
      <source>Moderate (5 to 7.5 %)</source>
      <translation>Modérée (5 à 7,5 %)</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Mois</translation>
    </message>
    <message>
      <source>More is better</source>
      <translation>Plus c'est mieux</translation>
    </message>
    <message>
      <source>Most sweeps over the margins</source>
      <translation>Nombre maximal de passages sur les marges</translation>
    </message>
    <message>
      <source>Most types when chosen</source>
      <translation>Nombre maximal de types (choix automatique)</translation>
    </message>
    <message>
      <source>Multiple-choice answers imported</source>
      <translation>Réponses à choix multiples importées</translation>
    </message>
    <message>
      <source>NAF code absent from the NAF -&gt; group table</source>
      <translation>code NAF absent de la table NAF -&gt; groupe</translation>
    </message>
    <message>
      <source>NAF codes without an activity group (counted as 'unmapped'): {codes}</source>
      <translation>Codes NAF sans groupe d'activité (comptés « unmapped ») : {codes}</translation>
    </message>
    <message>
      <source>Name at least one place counted as evasion (e.g. other_town, online).</source>
      <translation>Nommez au moins un lieu compté comme évasion (p. ex. other_town, online).</translation>
    </message>
    <message>
      <source>Name field</source>
      <translation>Champ du nom</translation>
    </message>
    <message>
      <source>Name of the source (who keeps the list)</source>
      <translation>Nom de la source (qui tient la liste)</translation>
    </message>
    <message>
      <source>Name of the typology run</source>
      <translation>Nom du calcul de typologie</translation>
    </message>
    <message>
      <source>Name of the weighting run</source>
      <translation>Nom du calage</translation>
    </message>
    <message>
      <source>Name the source of the list (e.g. chambre_agriculture_86).</source>
      <translation>Nommez la source de la liste (par ex. chambre_agriculture_86).</translation>
    </message>
    <message>
      <source>Network assignment tolerance (m)</source>
      <translation>Tolérance de rattachement au réseau (m)</translation>
    </message>
    <message>
      <source>Network catchments</source>
      <translation>Zones de chalandise sur le réseau</translation>
    </message>
    <message>
      <source>Network catchments…</source>
      <translation>Zones de chalandise sur le réseau…</translation>
    </message>
    <message>
      <source>Network edges</source>
      <translation>Tronçons du réseau</translation>
    </message>
    <message>
      <source>Network nodes</source>
      <translation>Nœuds du réseau</translation>
    </message>
    <message>
      <source>Network of {nodes} nodes and {edges} edges in {parts} connected part(s).</source>
      <translation>Réseau de {nodes} nœuds et {edges} tronçons en {parts} partie(s) connexe(s).</translation>
    </message>
    <message>
      <source>Network searches run with SciPy because {reason}. Results are the same; installing numba (python3-numba on Debian, “pip install numba” in QGIS's Python elsewhere) makes long searches several times faster.</source>
      <translation>Les recherches sur le réseau utilisent SciPy car {reason}. Les résultats sont identiques ; installer numba (python3-numba sous Debian, « pip install numba » dans le Python de QGIS ailleurs) rend les recherches longues plusieurs fois plus rapides.</translation>
    </message>
    <message>
      <source>Network tolerance (m)</source>
      <translation>Tolérance réseau (m)</translation>
    </message>
    <message>
      <source>Network tolerance for producers and zones (m)</source>
      <translation>Tolérance réseau des producteurs et des zones (m)</translation>
    </message>
    <message>
      <source>Neutral period: first day</source>
      <translation>Période neutre : premier jour</translation>
    </message>
    <message>
      <source>Neutral period: last day</source>
      <translation>Période neutre : dernier jour</translation>
    </message>
    <message>
      <source>Neutral period: only the event's weekdays</source>
      <translation>Période neutre : seulement les jours de la semaine de l'événement</translation>
    </message>
    <message>
      <source>Neutral period: {error}</source>
      <translation>Période neutre : {error}</translation>
    </message>
    <message>
      <source>New premises</source>
      <translation>Nouveaux locaux</translation>
    </message>
    <message>
      <source>No annual spending per household in the survey_spending table: the flows are given as shares only (no amount is invented).</source>
      <translation>Aucune dépense annuelle par ménage dans la table survey_spending : les flux sont donnés en parts seulement (aucun montant n'est inventé).</translation>
    </message>
    <message>
      <source>No campaign is named {name!r} (campaigns: {names}).</source>
      <translation>Aucune campagne ne s'appelle {name!r} (campagnes : {names}).</translation>
    </message>
    <message>
      <source>No candidate layer given and no vacant premise in the latest campaign.</source>
      <translation>Aucune couche de candidats fournie et aucun local vacant lors de la dernière campagne.</translation>
    </message>
    <message>
      <source>No catchment indicator: run network_catchments (and huff_model, site_potential).</source>
      <translation>Aucun indicateur de chalandise : exécutez network_catchments (et huff_model, site_potential).</translation>
    </message>
    <message>
      <source>No cell holds a formula: every figure is a value, the charts read the tables of their sheet.</source>
      <translation>Aucune cellule ne contient de formule : chaque chiffre est une valeur, les graphiques lisent les tableaux de leur feuille.</translation>
    </message>
    <message>
      <source>No consumption typology in the GeoPackage: run “Consumption typology” (observatoire:consumption_typology) first.</source>
      <translation>Aucune typologie de consommation dans le GeoPackage : lancez d'abord « Typologie des comportements de consommation » (observatoire:consumption_typology).</translation>
    </message>
    <message>
      <source>No consumption typology yet: demand by type is left out (run “Consumption typology” first).</source>
      <translation>Pas encore de typologie de consommation : la demande par type est omise (lancez d'abord « Typologie des comportements de consommation »).</translation>
    </message>
    <message>
      <source>No demand layer given and the population grid is empty.</source>
      <translation>Aucune couche de demande fournie et le carroyage de population est vide.</translation>
    </message>
    <message>
      <source>No destination layer given and the GeoPackage holds no centrality.</source>
      <translation>Aucune couche de destinations fournie et le GeoPackage ne contient aucune centralité.</translation>
    </message>
    <message>
      <source>No driving hierarchy stored (numba is not installed): driving catchments give the same results, more slowly.</source>
      <translation>Aucune hiérarchie routière stockée (numba n'est pas installé) : les zones de chalandise en voiture donnent les mêmes résultats, plus lentement.</translation>
    </message>
    <message>
      <source>No flow data (counts, parking occupancy, ridership), parking session or presence data to measure the events with: import them first.</source>
      <translation>Aucune donnée de flux (comptages, occupation du stationnement, fréquentation des transports), aucune session de stationnement ni donnée de présence pour mesurer les événements : importez-les d'abord.</translation>
    </message>
    <message>
      <source>No group of premises holds {n} active premises within {r} m of each other ({total} premises, {active} active, in {campaign}): lower the minimum or raise the radius.</source>
      <translation>Aucun groupe de locaux ne compte {n} locaux actifs à moins de {r} m les uns des autres ({total} locaux, {active} actifs, dans {campaign}) : baissez le minimum ou augmentez le rayon.</translation>
    </message>
    <message>
      <source>No home zones layer: no flow lines.</source>
      <translation>Pas de couche des zones de résidence : pas de lignes de flux.</translation>
    </message>
    <message>
      <source>No home zones layer: no layer of dominant types.</source>
      <translation>Pas de couche des zones de résidence : pas de couche des types dominants.</translation>
    </message>
    <message>
      <source>No indicator computed for {name} yet: run an algorithm below.</source>
      <translation>Aucun indicateur calculé pour {name} : lancez un algorithme ci-dessous.</translation>
    </message>
    <message>
      <source>No indicator written: the candidates are not the vacant premises of the GeoPackage (leave the candidate layer empty to write them).</source>
      <translation>Aucun indicateur écrit : les candidats ne sont pas les locaux vacants du GeoPackage (laissez la couche de candidats vide pour les écrire).</translation>
    </message>
    <message>
      <source>No indicator written: the destinations are not the centralities of the GeoPackage (leave the destination layer empty to write them).</source>
      <translation>Aucun indicateur écrit : les destinations ne sont pas les centralités du GeoPackage (laissez la couche de destinations vide pour les écrire).</translation>
    </message>
    <message>
      <source>No inhabitant around any centrality: widen the distance.</source>
      <translation>Aucun habitant autour des centralités : élargissez la distance.</translation>
    </message>
    <message>
      <source>No inhabitant within {distance} m of {names}: no quota there.</source>
      <translation>Aucun habitant à moins de {distance} m de {names} : pas de quota.</translation>
    </message>
    <message>
      <source>No observatory GeoPackage</source>
      <translation>Aucun GeoPackage d’observatoire</translation>
    </message>
    <message>
      <source>No observatory GeoPackage in this project: open one of its layers or choose the file.</source>
      <translation>Aucun GeoPackage d’observatoire dans ce projet : ouvrez l’une de ses couches ou choisissez le fichier.</translation>
    </message>
    <message>
      <source>No occupied premise of the activity group {group} in the latest campaign: every candidate has 0 competitors.</source>
      <translation>Aucun local occupé du groupe d'activité {group} lors de la dernière campagne : chaque candidat a 0 concurrent.</translation>
    </message>
    <message>
      <source>No opening nor closure.</source>
      <translation>Aucune ouverture ni fermeture.</translation>
    </message>
    <message>
      <source>No origin layer given and the GeoPackage holds no centrality.</source>
      <translation>Aucune couche d'origines fournie et le GeoPackage ne contient aucune centralité.</translation>
    </message>
    <message>
      <source>No pedestrian footfall in the indicators: import the counts and run footfall_by_centrality.</source>
      <translation>Aucune fréquentation piétonne dans les indicateurs : importez les comptages et exécutez footfall_by_centrality.</translation>
    </message>
    <message>
      <source>No premise</source>
      <translation>Aucun local</translation>
    </message>
    <message>
      <source>No premise observed in the latest campaign: import premises (import_osm_shops, import_sirene) into a campaign first.</source>
      <translation>Aucun local observé lors de la dernière campagne : importez d'abord des locaux (import_osm_shops, import_sirene) dans une campagne.</translation>
    </message>
    <message>
      <source>No premise vacant that long.</source>
      <translation>Aucun local vacant depuis aussi longtemps.</translation>
    </message>
    <message>
      <source>No producer given: the resources name the territory, {producer}, as their producer.</source>
      <translation>Aucun producteur indiqué : les ressources désignent le territoire, {producer}, comme producteur.</translation>
    </message>
    <message>
      <source>No road found in the input: nothing was written.</source>
      <translation>Aucune route trouvée dans l'entrée : rien n'a été écrit.</translation>
    </message>
    <message>
      <source>No road network in the GeoPackage: run “Import roads” (observatoire:import_roads) or “Build the road network” (observatoire:build_network) first.</source>
      <translation>Aucun réseau routier dans le GeoPackage : lancez d'abord « Importer les routes » (observatoire:import_roads) ou « Construire le réseau routier » (observatoire:build_network).</translation>
    </message>
    <message>
      <source>No survey indicator in the socle: weight the questionnaire's answers and run the expectations algorithm.</source>
      <translation>Aucun indicateur d'enquête dans le socle : pondérez les réponses au questionnaire et exécutez l'algorithme des attentes.</translation>
    </message>
    <message>
      <source>No weighting run is named {run!r}: leave the run empty for the latest one, or give the name or uuid of a run of “Weight the survey answers”.</source>
      <translation>Aucun calage ne s'appelle {run!r} : laissez le calage vide pour le dernier, ou donnez le nom ou l'uuid d'un calage de « Pondérer les réponses à l'enquête ».</translation>
    </message>
    <message>
      <source>No yearly footfall indicator: run “Footfall per centrality” to fill the footfall column.</source>
      <translation>Aucun indicateur annuel de fréquentation : lancez « Fréquentation par centralité » pour remplir la colonne de fréquentation.</translation>
    </message>
    <message>
      <source>No {minutes} min walking catchment indicator for {n} centralities (run “Network catchments” to record them): their population is that within {distance} m.</source>
      <translation>Pas d'indicateur de zone de chalandise piétonne à {minutes} min pour {n} centralités (lancez « Zones de chalandise sur le réseau » pour les enregistrer) : leur population est celle à moins de {distance} m.</translation>
    </message>
    <message>
      <source>None (Ward's classes)</source>
      <translation>Aucune (classes de Ward)</translation>
    </message>
    <message>
      <source>None of the centralities chosen has a geometry: no origin.</source>
      <translation>Aucune des centralités choisies n'a de géométrie : aucune origine.</translation>
    </message>
    <message>
      <source>Not enough memory for this input: try a smaller file or extent.</source>
      <translation>Mémoire insuffisante pour ces données : essayez un fichier ou une emprise plus petits.</translation>
    </message>
    <message>
      <source>Not vacant</source>
      <translation>Non vacant</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Nothing was imported: {error}</source>
      <translation>Rien n'a été importé : {error}</translation>
    </message>
    <message>
      <source>Nothing was written: {path} keeps its schema version {old} (the upgrade to {new} was rolled back with the run).</source>
      <translation>Rien n'a été écrit : {path} garde sa version de schéma {old} (la mise à niveau vers {new} a été annulée avec le traitement).</translation>
    </message>
    <message>
      <source>Null log-likelihood</source>
      <translation>Log-vraisemblance nulle</translation>
    </message>
    <message>
      <source>Number of previous weeks</source>
      <translation>Nombre de semaines précédentes</translation>
    </message>
    <message>
      <source>Number of types</source>
      <translation>Nombre de types</translation>
    </message>
    <message>
      <source>Number of types (0 = chosen from the inertia gains)</source>
      <translation>Nombre de types (0 = choisi d'après les gains d'inertie)</translation>
    </message>
    <message>
      <source>Observations</source>
      <translation>Observations</translation>
    </message>
    <message>
      <source>Observations created</source>
      <translation>Observations créées</translation>
    </message>
    <message>
      <source>Observations in the package</source>
      <translation>Observations du paquet</translation>
    </message>
    <message>
      <source>Observations left to confirm</source>
      <translation>Observations restées à confirmer</translation>
    </message>
    <message>
      <source>Observations pre-filled</source>
      <translation>Observations pré-remplies</translation>
    </message>
    <message>
      <source>Observations skipped</source>
      <translation>Observations écartées</translation>
    </message>
    <message>
      <source>Observations to visit</source>
      <translation>Observations à visiter</translation>
    </message>
    <message>
      <source>Observations updated</source>
      <translation>Observations mises à jour</translation>
    </message>
    <message>
      <source>Observations used</source>
      <translation>Observations utilisées</translation>
    </message>
    <message>
      <source>Observations visited</source>
      <translation>Observations visitées</translation>
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
      <source>Observatory GeoPackage</source>
      <translation>GeoPackage de l’observatoire</translation>
    </message>
    <message>
      <source>Observatory GeoPackage created: {path} (schema {version}, EPSG:{epsg})</source>
      <translation>GeoPackage de l’observatoire créé : {path} (schéma {version}, EPSG:{epsg})</translation>
    </message>
    <message>
      <source>Observatory panel</source>
      <translation>Panneau de l’observatoire</translation>
    </message>
    <message>
      <source>Observatory: {name}</source>
      <translation>Observatoire : {name}</translation>
    </message>
    <message>
      <source>Observed choices (respondents' homes)</source>
      <translation>Choix observés (domiciles des répondants)</translation>
    </message>
    <message>
      <source>Occupancy or payment series (CSV)</source>
      <translation>Série d'occupation ou de paiements (CSV)</translation>
    </message>
    <message>
      <source>Offer and vacancy</source>
      <translation>Offre et vacance</translation>
    </message>
    <message>
      <source>Offer gaps against expectations</source>
      <translation>Manques de l'offre au regard des attentes</translation>
    </message>
    <message>
      <source>Offer mix</source>
      <translation>Composition de l'offre</translation>
    </message>
    <message>
      <source>Offer mix (% of the shops), campaign {campaign}</source>
      <translation>Répartition de l'offre (% des commerces), campagne {campaign}</translation>
    </message>
    <message>
      <source>Offer mix and diversity per centrality</source>
      <translation>Composition et diversité de l'offre par centralité</translation>
    </message>
    <message>
      <source>Offer mix by activity group</source>
      <translation>Composition de l'offre par groupe d'activité</translation>
    </message>
    <message>
      <source>Offer mix per centrality, campaign {campaign}</source>
      <translation>Répartition de l'offre par centralité, campagne {campaign}</translation>
    </message>
    <message>
      <source>Offer mix, campaign {campaign}</source>
      <translation>Répartition de l'offre, campagne {campaign}</translation>
    </message>
    <message>
      <source>Offer × flows × consumption types</source>
      <translation>Offre × flux × types de consommation</translation>
    </message>
    <message>
      <source>Offer × services × expectations. Per centrality and activity group: the measured supply — shops (occupied premises of the inventory campaign, latest unless named) plus, for the non-commercial services, the BPE public services, post offices, education and health establishments in the centrality — its density per 1 000 inhabitants of the walking catchment (latest catchment_population_walk_&lt;minutes&gt;min indicator of Network catchments, else the population within the distance), compared with the median density of the centralities of the same level: deficit = max(0, 1 − density / median); beside the weighted share of the centrality's respondents (its visitors, or those interviewed there) who say the group is missing (%, 95 % interval). Gap score = missing share × deficit (0–1): 40 % miss it and half the usual supply → 0.20. Gaps (score &gt; 0) are ranked per centrality. A missing share of fewer than 11 respondents is not published (no score); under 30 it is flagged low precision. Indicators: offer_gap_&lt;group&gt; and offer_gap_rank_&lt;group&gt; per centrality.</source>
      <translation>Offre × services × attentes. Par centralité et groupe d'activité : l'offre mesurée — commerces (locaux occupés de la campagne d'inventaire, la dernière sauf indication) plus, pour les services non marchands, les services publics, bureaux de poste, établissements d'enseignement et de santé de la BPE situés dans la centralité — sa densité pour 1 000 habitants de la zone de chalandise piétonne (dernier indicateur catchment_population_walk_&lt;minutes&gt;min des zones de chalandise sur le réseau, sinon la population à moins de la distance), comparée à la densité médiane des centralités de même niveau : déficit = max(0, 1 − densité / médiane) ; à côté de la part pondérée des répondants de la centralité (ses visiteurs, ou ceux interrogés sur place) qui disent que le groupe manque (%, intervalle à 95 %). Score de manque = part qui le regrette × déficit (0–1) : 40 % le regrettent et moitié de l'offre habituelle → 0,20. Les manques (score &gt; 0) sont classés par centralité. Une part de moins de 11 répondants n'est pas publiée (pas de score) ; en dessous de 30 elle est signalée de faible précision. Indicateurs : offer_gap_&lt;groupe&gt; et offer_gap_rank_&lt;groupe&gt; par centralité.</translation>
    </message>
    <message>
      <source>Offer, flows and consumption types per centrality</source>
      <translation>Offre, flux et types de consommation par centralité</translation>
    </message>
    <message>
      <source>One point per premise, ready to map: the first campaign it was seen vacant, the campaign its current vacancy started, the number of consecutive campaigns it has been vacant up to its last observation, and that duration in years = date of the last campaign − date of the first campaign of the run (campaign start dates, or years; a premise vacant at the 2021, 2022 and 2023 campaigns has been vacant for 2 years, not 3). Long-term vacancy = vacant at its last observation for at least the threshold (default 2 years: the threshold of the tax on commercial wasteland and of DGFiP's LOCOMVAC; 1 year is the market convention). A campaign where the premise was not vacant, or not observed, breaks the run. The status sequence lists every campaign; a premise made by a split or a merge inherits its parents' history (marked *; a merged premise was vacant only if every parent was). The number of long-term vacant premises per centrality (latest campaign) goes to the indicators table.</source>
      <translation>Un point par local, prêt à cartographier : la première campagne où il a été vu vacant, la campagne où sa vacance actuelle a commencé, le nombre de campagnes consécutives où il est vacant jusqu'à sa dernière observation, et cette durée en années = date de la dernière campagne − date de la première campagne de la série (dates de début des campagnes, ou années ; un local vacant aux campagnes 2021, 2022 et 2023 est vacant depuis 2 ans, pas 3). Vacance de longue durée = vacant à sa dernière observation depuis au moins le seuil (2 ans par défaut : le seuil de la taxe sur les friches commerciales et de LOCOMVAC de la DGFiP ; 1 an est la convention du marché). Une campagne où le local n'était pas vacant, ou pas observé, interrompt la série. La séquence des statuts liste chaque campagne ; un local issu d'une division ou d'une fusion hérite de l'historique de ses parents (marqué * ; un local fusionné n'était vacant que si tous ses parents l'étaient). Le nombre de locaux en vacance de longue durée par centralité (dernière campagne) va dans la table indicators.</translation>
    </message>
    <message>
      <source>One-way</source>
      <translation>Sens unique</translation>
    </message>
    <message>
      <source>One-way field</source>
      <translation>Champ de sens unique</translation>
    </message>
    <message>
      <source>One-way field {field!r}: values with no meaning given: {values}. Say what each means with ONEWAY_FORWARD (along the digitised direction), ONEWAY_BACKWARD (against it), ONEWAY_BOTH (two-way) or ONEWAY_CLOSED (closed to cars), or import unknown values as two-way with a warning (UNKNOWN_VALUES=1). Nothing was written.</source>
      <translation>Champ de sens unique {field!r} : valeurs sans signification donnée : {values}. Indiquez ce que chacune signifie avec ONEWAY_FORWARD (dans le sens de numérisation), ONEWAY_BACKWARD (à contresens), ONEWAY_BOTH (double sens) ou ONEWAY_CLOSED (interdit aux voitures), ou importez les valeurs inconnues en double sens avec un avertissement (UNKNOWN_VALUES=1). Rien n'a été écrit.</translation>
    </message>
    <message>
      <source>One-way or access values with no meaning given</source>
      <translation>Valeurs de sens unique ou d'accès sans signification donnée</translation>
    </message>
    <message>
      <source>One-way roads</source>
      <translation>Routes à sens unique</translation>
    </message>
    <message>
      <source>One-way values meaning 'against the digitised direction'</source>
      <translation>Valeurs de sens unique signifiant « à contresens de la numérisation »</translation>
    </message>
    <message>
      <source>One-way values meaning 'along the digitised direction' (e.g. SENS UNIQUE)</source>
      <translation>Valeurs de sens unique signifiant « dans le sens de numérisation » (par ex. SENS UNIQUE)</translation>
    </message>
    <message>
      <source>One-way values meaning 'closed to cars' (still walkable, e.g. INTERDIT)</source>
      <translation>Valeurs de sens unique signifiant « interdit aux voitures » (toujours praticable à pied, par ex. INTERDIT)</translation>
    </message>
    <message>
      <source>One-way values meaning 'two-way'</source>
      <translation>Valeurs de sens unique signifiant « double sens »</translation>
    </message>
    <message>
      <source>Open an inventory campaign</source>
      <translation>Ouvrir une campagne d'inventaire</translation>
    </message>
    <message>
      <source>Open an inventory campaign…</source>
      <translation>Ouvrir une campagne d’inventaire…</translation>
    </message>
    <message>
      <source>Open campaign(s) included and marked provisional: {names}.</source>
      <translation>Campagne(s) en cours incluse(s) et signalée(s) comme provisoire(s) : {names}.</translation>
    </message>
    <message>
      <source>Open campaign(s) left out: {names} (tick "Include open campaigns" to show them as provisional).</source>
      <translation>Campagne(s) en cours écartée(s) : {names} (cochez « Inclure les campagnes en cours » pour les montrer comme provisoires).</translation>
    </message>
    <message>
      <source>Open campaigns are left out unless asked for; included, they are marked with an asterisk (provisional) and their share of premises visited is given.</source>
      <translation>Les campagnes en cours sont écartées sauf demande ; incluses, elles sont marquées d'un astérisque (provisoire) avec la part des locaux visités.</translation>
    </message>
    <message>
      <source>Open campaigns: {choice}.</source>
      <translation>Campagnes ouvertes : {choice}.</translation>
    </message>
    <message>
      <source>Open the algorithm on this observatory</source>
      <translation>Ouvrir l’algorithme sur cet observatoire</translation>
    </message>
    <message>
      <source>Open-data folder (new, empty or an earlier export)</source>
      <translation>Dossier des données ouvertes (nouveau, vide ou un export précédent)</translation>
    </message>
    <message>
      <source>OpenStreetMap (*.osm *.pbf)</source>
      <translation>OpenStreetMap (*.osm *.pbf)</translation>
    </message>
    <message>
      <source>OpenStreetMap file (.osm, .pbf)</source>
      <translation>Fichier OpenStreetMap (.osm, .pbf)</translation>
    </message>
    <message>
      <source>OpenStreetMap file (.osm, .pbf, .geojson)</source>
      <translation>Fichier OpenStreetMap (.osm, .pbf, .geojson)</translation>
    </message>
    <message>
      <source>OpenStreetMap file not found: {path}</source>
      <translation>fichier OpenStreetMap introuvable : {path}</translation>
    </message>
    <message>
      <source>OpenStreetMap tags</source>
      <translation>Attributs OpenStreetMap</translation>
    </message>
    <message>
      <source>Openings</source>
      <translation>Ouvertures</translation>
    </message>
    <message>
      <source>Openings / closures</source>
      <translation>Ouvertures / fermetures</translation>
    </message>
    <message>
      <source>Openings and closures since {campaign}</source>
      <translation>Ouvertures et fermetures depuis {campaign}</translation>
    </message>
    <message>
      <source>Or a line layer</source>
      <translation>Ou une couche de lignes</translation>
    </message>
    <message>
      <source>Or an extent (empty = every cell)</source>
      <translation>Ou une emprise (vide = tous les carreaux)</translation>
    </message>
    <message>
      <source>Or: questionnaire answers for the purchase category</source>
      <translation>Ou : réponses au questionnaire pour la catégorie d'achats</translation>
    </message>
    <message>
      <source>Origin identifier field</source>
      <translation>Champ identifiant de l'origine</translation>
    </message>
    <message>
      <source>Origin snapping tolerance (m)</source>
      <translation>Tolérance d'accrochage des origines (m)</translation>
    </message>
    <message>
      <source>Origins (empty = centroids of the centralities)</source>
      <translation>Origines (vide = centroïdes des centralités)</translation>
    </message>
    <message>
      <source>Origins (snapped or not)</source>
      <translation>Origines (accrochées ou non)</translation>
    </message>
    <message>
      <source>Origins off the network</source>
      <translation>Origines hors du réseau</translation>
    </message>
    <message>
      <source>Origins on a small isolated part of the network</source>
      <translation>Origines sur une petite partie isolée du réseau</translation>
    </message>
    <message>
      <source>Other zones</source>
      <translation>Autres zones</translation>
    </message>
    <message>
      <source>Overlap: one per origin and band</source>
      <translation>Superposés : un par origine et tranche</translation>
    </message>
    <message>
      <source>Overrides the CRS the importer reads from the file; the coordinates are reprojected to the GeoPackage CRS.</source>
      <translation>Remplace le SCR que l'import lit dans le fichier ; les coordonnées sont reprojetées dans le SCR du GeoPackage.</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Package folder (new or empty)</source>
      <translation>Dossier du paquet (nouveau ou vide)</translation>
    </message>
    <message>
      <source>Package uuid</source>
      <translation>Uuid du paquet</translation>
    </message>
    <message>
      <source>Package {name}: {edits} edits applied, {conflicts} conflicts, {photos} photos copied.</source>
      <translation>Paquet {name} : {edits} saisies appliquées, {conflicts} conflits, {photos} photos copiées.</translation>
    </message>
    <message>
      <source>Package {name}: {premises} premises, {observations} observations, project {project}.</source>
      <translation>Paquet {name} : {premises} locaux, {observations} observations, projet {project}.</translation>
    </message>
    <message>
      <source>Pages printed</source>
      <translation>Pages imprimées</translation>
    </message>
    <message>
      <source>Parameters</source>
      <translation>Paramètres</translation>
    </message>
    <message>
      <source>Parking places within the distance</source>
      <translation>Places de stationnement à moins de la distance</translation>
    </message>
    <message>
      <source>Pedestrian counters</source>
      <translation>Compteurs piétons</translation>
    </message>
    <message>
      <source>Pedestrian counts</source>
      <translation>Comptages piétons</translation>
    </message>
    <message>
      <source>Pedestrian footfall</source>
      <translation>Fréquentation piétonne</translation>
    </message>
    <message>
      <source>Pedestrian footfall by month</source>
      <translation>Fréquentation piétonne par mois</translation>
    </message>
    <message>
      <source>Pedestrian footfall by month, {year}</source>
      <translation>Fréquentation piétonne par mois, {year}</translation>
    </message>
    <message>
      <source>Pedestrian footfall per year</source>
      <translation>Fréquentation piétonne par année</translation>
    </message>
    <message>
      <source>Pedestrian footfall per year and month, mobility figures; with charts.</source>
      <translation>Fréquentation piétonne par année et par mois, chiffres de mobilité ; avec graphiques.</translation>
    </message>
    <message>
      <source>Pedestrian footfall: mean passages per day and counter, per year</source>
      <translation>Fréquentation piétonne : passages moyens par jour et par compteur, par année</translation>
    </message>
    <message>
      <source>Per centrality and campaign, over the occupied premises with a known activity group (hors commerce excluded): shops N, shops n_g and share 100 × n_g / N (%) per activity group, K = number of groups present, Shannon H = −Σ p_g ln p_g (natural log; 0 for one group), Pielou J = H / ln K (empty when K ≤ 1), Simpson = Σ p_g (1 − p_g) (0 for one group), independents vs chains (chain or franchise), independent share (%), density = 1 000 × N / population (shops per 1 000 inhabitants), and the change since the previous campaign. Population = sum of the ind column of the 200 m grid cells whose centroid lies inside the centrality, or within the given distance of it. Indicators go to the indicators table.</source>
      <translation>Par centralité et campagne, sur les locaux occupés dont le groupe d'activité est connu (hors commerce exclu) : commerces N, commerces n_g et part 100 × n_g / N (%) par groupe d'activité, K = nombre de groupes présents, Shannon H = −Σ p_g ln p_g (logarithme népérien ; 0 pour un seul groupe), Pielou J = H / ln K (vide quand K ≤ 1), Simpson = Σ p_g (1 − p_g) (0 pour un seul groupe), indépendants et enseignes (succursale ou franchise), part des indépendants (%), densité = 1 000 × N / population (commerces pour 1 000 habitants), et l'évolution depuis la campagne précédente. Population = somme de la colonne ind des carreaux de 200 m dont le centroïde est dans la centralité, ou à moins de la distance indiquée. Les indicateurs vont dans la table indicators.</translation>
    </message>
    <message>
      <source>Per centrality and period (year, month or the whole data): car parks and on-street zones inside the centrality or within the parking distance: capacity, occupancy rate (%) = 100 × Σ occupied places / Σ capacity over the observations within the hours given, peak hour (the hour of the day with the highest rate), on-street payments per day; public transport stops within walking distance: departures on the service day (the latest typical weekday imported), departures per hour = departures from 07:00 to 19:00 / 12, peak hour and its departures, ridership = mean daily boardings summed over those stops; road count points within the road distance: mean average daily traffic (vehicles/day) and heavy-vehicle share weighted by traffic (%); carpool places within the carpool distance (places) and trips per day whose origin or destination is the centrality's commune. Written to indicators: parking_occupancy_rate, parking_peak_hour, onstreet_occupancy_rate, onstreet_payments_daily, transit_departures_per_hour, transit_boardings_daily, road_daily_traffic, road_heavy_share, carpool_places, carpool_trips_daily.</source>
      <translation>Par centralité et période (année, mois ou toutes les données) : parcs et zones sur voirie situés dans la centralité ou à moins de la distance de stationnement : capacité, taux d'occupation (%) = 100 × Σ places occupées / Σ capacité sur les observations des heures indiquées, heure de pointe (l'heure de la journée au taux le plus élevé), paiements sur voirie par jour ; arrêts de transport en commun à distance de marche : départs du jour de service (le dernier jour ouvré type importé), départs par heure = départs de 07:00 à 19:00 / 12, heure de pointe et ses départs, fréquentation = moyenne des montées journalières cumulées sur ces arrêts ; points de comptage routier à moins de la distance routière : trafic moyen journalier moyen (véhicules/jour) et part des poids lourds pondérée par le trafic (%) ; lieux de covoiturage à moins de la distance de covoiturage (places) et trajets par jour dont l'origine ou la destination est la commune de la centralité. Écrits dans les indicateurs : parking_occupancy_rate, parking_peak_hour, onstreet_occupancy_rate, onstreet_payments_daily, transit_departures_per_hour, transit_boardings_daily, road_daily_traffic, road_heavy_share, carpool_places, carpool_trips_daily.</translation>
    </message>
    <message>
      <source>Per centrality, month and activity group (and all groups), from the SIRENE establishment history: creations (first period active), closures (an active period followed by a closed one, in the zone and group of the active one), reopenings (closed then active), transfers out of and into the centrality (a closure and a creation of the same SIREN in different centralities at most the number of days given apart; in the same centrality it is a relocation, neither a closure nor a creation), net change = creations + reopenings + transfers in − closures − transfers out, establishments active at the end of the month, and survival: of the creations of the last 36 months, the share still active (or moved) at the end of the month. Establishments are placed by their position in the SIRENE stock file imported with the history, else by the premise a SIRENE import linked their SIRET to; activity groups come from the NAF codes through naf_activity_map. Window: the months given, by default the five years up to the latest date of the history. Activity indices: change = value / value one year before − 1, empty when that value is missing. Beside them, per campaign, the premises' openings, closures and turnover (as in vacancy rates) and the SIRENE creations and closures of the 12 months up to the campaign. Indicators per centrality and month: activity_creations, activity_closures, activity_reopenings, activity_transfers_in, activity_transfers_out, activity_net_change, activity_active (establishments), activity_survival_36m (%); per period: activity_index_yoy, activity_amount_yoy, activity_transactions_yoy (%).</source>
      <translation>Par centralité, mois et groupe d'activité (et tous groupes), à partir de l'historique des établissements SIRENE : créations (première période active), fermetures (une période active suivie d'une période fermée, dans la zone et le groupe de la période active), réouvertures (fermé puis actif), transferts hors de la centralité et vers elle (une fermeture et une création du même SIREN dans des centralités différentes, au plus au nombre de jours indiqué l'une de l'autre ; dans la même centralité c'est un déménagement, ni fermeture ni création), solde = créations + réouvertures + transferts entrants − fermetures − transferts sortants, établissements actifs en fin de mois, et survie : parmi les créations des 36 derniers mois, la part encore active (ou déménagée) en fin de mois. Les établissements sont placés par leur position dans le fichier stock SIRENE importé avec l'historique, sinon par le local auquel un import SIRENE a lié leur SIRET ; les groupes d'activité viennent des codes NAF par naf_activity_map. Période : les mois indiqués, par défaut les cinq ans jusqu'à la date la plus récente de l'historique. Indices d'activité : évolution = valeur / valeur un an avant − 1, vide quand cette valeur manque. À côté, par campagne, les ouvertures, fermetures et le renouvellement des locaux (comme dans les taux de vacance) et les créations et fermetures SIRENE des 12 mois jusqu'à la campagne. Indicateurs par centralité et mois : activity_creations, activity_closures, activity_reopenings, activity_transfers_in, activity_transfers_out, activity_net_change, activity_active (établissements), activity_survival_36m (%) ; par période : activity_index_yoy, activity_amount_yoy, activity_transactions_yoy (%).</translation>
    </message>
    <message>
      <source>Per centrality: its offer in the inventory campaign (latest unless named): premises, shops (occupied, known activity group), vacancy rate (%), activity groups and Shannon diversity H = −Σ p ln p; its footfall (latest yearly mean daily passages per counter of Footfall per centrality); and the mix of consumption types (latest typology unless named) among its visitors (who come at least monthly) against the territory's: share of each type among the visitors (%, 95 % interval), the territory's share, index = 100 × share / territory share, and the verdict: attracts the type when the interval lies above the territory's share, fails to attract it when below, like the territory otherwise. Publication rules: fewer than 11 visitor respondents, no share, index nor verdict; under 30, low precision. Indicator: typology_attraction_type&lt;k&gt; (index) per centrality.</source>
      <translation>Par centralité : son offre dans la campagne d'inventaire (la dernière sauf indication) : locaux, commerces (occupés, groupe d'activité connu), taux de vacance (%), groupes d'activité et diversité de Shannon H = −Σ p ln p ; sa fréquentation (dernière moyenne annuelle de passages quotidiens par compteur de Fréquentation par centralité) ; et la répartition des types de consommation (dernière typologie sauf indication) parmi ses visiteurs (venant au moins une fois par mois) face à celle du territoire : part de chaque type parmi les visiteurs (%, intervalle à 95 %), part dans le territoire, indice = 100 × part / part du territoire, et le verdict : attire le type quand l'intervalle est au-dessus de la part du territoire, ne l'attire pas quand il est en dessous, comme le territoire sinon. Règles de publication : moins de 11 répondants visiteurs, ni part, ni indice, ni verdict ; moins de 30, faible précision. Indicateur : typology_attraction_type&lt;k&gt; (indice) par centralité.</translation>
    </message>
    <message>
      <source>Per centrality: mean daily pedestrian footfall of the year (passages/day/counter, see Footfall per centrality) and its year-on-year change on matched ISO weeks, crossed with the offer of the latest inventory campaign of that year or before: premises, vacant premises, vacancy rate (%) and its change since the previous campaign (percentage points), share of retail activities among occupied premises (%), main activity group. Footfall per shop = footfall / occupied premises; footfall per vacant premise = footfall / vacant premises (empty when none). Trend class: virtuous (footfall up, vacancy down or stable), fragile offer (footfall up, vacancy up), resilient offer (footfall down, vacancy down or stable), decline (footfall down, vacancy up), undetermined without a year-on-year change. Per premise (a point layer for site assessment): the nearest counting site with data within the maximum distance (metres), its street, the distance and its mean daily footfall of the year. Indicators: footfall_per_shop, footfall_per_vacant.</source>
      <translation>Par centralité : fréquentation piétonne journalière moyenne de l'année (passages/jour/compteur, voir Fréquentation par centralité) et son évolution annuelle sur les semaines ISO appariées, croisées avec l'offre de la dernière campagne d'inventaire de cette année ou d'avant : locaux, locaux vacants, taux de vacance (%) et son évolution depuis la campagne précédente (points), part des activités commerciales parmi les locaux occupés (%), groupe d'activité principal. Fréquentation par commerce = fréquentation / locaux occupés ; fréquentation par local vacant = fréquentation / locaux vacants (vide s'il n'y en a aucun). Classe de tendance : vertueuse (fréquentation en hausse, vacance en baisse ou stable), offre fragile (fréquentation en hausse, vacance en hausse), offre résiliente (fréquentation en baisse, vacance en baisse ou stable), déclin (fréquentation en baisse, vacance en hausse), indéterminée sans évolution annuelle. Par local (couche de points pour l'évaluation d'un emplacement) : le site de comptage avec données le plus proche à moins de la distance maximale (mètres), sa rue, la distance et sa fréquentation journalière moyenne de l'année. Indicateurs : footfall_per_shop, footfall_per_vacant.</translation>
    </message>
    <message>
      <source>Per zone (the centralities of the GeoPackage, or any polygon layer): producers within the producer distance (straight line, m; 0 = inside the zone) or within a driving or walking time on the road network (the zone starts from every network node inside it, or from the node nearest to its centroid; a producer is reached over the road it is snapped to, within the network tolerance), organic producers and organic share = 100 × organic / producers (%), producers per product (a producer with several products counts once for each), markets within the market distance, market sessions per week (Σ sessions of each market: 'du lundi au samedi' = 6, 'tous les 1er et 3ème mardis du mois' = 24/52) and organic markets. For the centralities, the results go to the indicators table (period: the current year).</source>
      <translation>Par zone (les centralités du GeoPackage, ou toute couche de polygones) : producteurs à moins de la distance des producteurs (à vol d'oiseau, m ; 0 = dans la zone) ou à moins d'un temps de trajet en voiture ou à pied sur le réseau routier (la zone part de chaque nœud du réseau qu'elle contient, ou du nœud le plus proche de son centroïde ; un producteur est atteint par la route sur laquelle il est accroché, dans la tolérance réseau), producteurs bio et part bio = 100 × bio / producteurs (%), producteurs par produit (un producteur à plusieurs produits compte une fois pour chacun), marchés à moins de la distance des marchés, séances de marché par semaine (Σ des séances de chaque marché : 'du lundi au samedi' = 6, 'tous les 1er et 3ème mardis du mois' = 24/52) et marchés bio. Pour les centralités, les résultats vont dans la table indicators (période : l'année en cours).</translation>
    </message>
    <message>
      <source>Perimeter of the centrality</source>
      <translation>Périmètre de la centralité</translation>
    </message>
    <message>
      <source>Perimeter: centrality names separated by commas (empty = whole territory)</source>
      <translation>Périmètre : noms des centralités séparés par des virgules (vide = tout le territoire)</translation>
    </message>
    <message>
      <source>Perimeter: {perimeter}</source>
      <translation>Périmètre : {perimeter}</translation>
    </message>
    <message>
      <source>Perimeters proposed</source>
      <translation>Périmètres proposés</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Période</translation>
    </message>
    <message>
      <source>Period or update</source>
      <translation>Période ou mise à jour</translation>
    </message>
    <message>
      <source>Periods</source>
      <translation>Périodes</translation>
    </message>
    <message>
      <source>Periods given as dates are</source>
      <translation>Les périodes données sous forme de dates sont des</translation>
    </message>
    <message>
      <source>Photo {photo} cited by {row} is missing.</source>
      <translation>La photo {photo} citée par {row} est absente.</translation>
    </message>
    <message>
      <source>Photos cited but missing</source>
      <translation>Photos citées mais absentes</translation>
    </message>
    <message>
      <source>Photos copied</source>
      <translation>Photos copiées</translation>
    </message>
    <message>
      <source>Places counted as evasion (codes separated by commas)</source>
      <translation>Lieux comptés comme évasion (codes séparés par des virgules)</translation>
    </message>
    <message>
      <source>Plan the next survey wave</source>
      <translation>Planifier la prochaine vague d'enquête</translation>
    </message>
    <message>
      <source>Polygon shape</source>
      <translation>Forme des polygones</translation>
    </message>
    <message>
      <source>Polygons</source>
      <translation>Polygones</translation>
    </message>
    <message>
      <source>Population</source>
      <translation>Population</translation>
    </message>
    <message>
      <source>Population (200 m grid)</source>
      <translation>Population (carreaux de 200 m)</translation>
    </message>
    <message>
      <source>Population distance (m)</source>
      <translation>Distance pour la population (m)</translation>
    </message>
    <message>
      <source>Population of a centrality</source>
      <translation>Population d'une centralité</translation>
    </message>
    <message>
      <source>Population questionnaire</source>
      <translation>Questionnaire à la population</translation>
    </message>
    <message>
      <source>Population reached and market shares</source>
      <translation>Population atteinte et parts de marché</translation>
    </message>
    <message>
      <source>Population within (m) of each centrality</source>
      <translation>Population à moins de (m) de chaque centralité</translation>
    </message>
    <message>
      <source>Population within the network catchment</source>
      <translation>Population dans la zone de chalandise sur le réseau</translation>
    </message>
    <message>
      <source>Population within walking and driving distance, Huff market shares; with a chart.</source>
      <translation>Population à distance de marche et de voiture, parts de marché (Huff) ; avec un graphique.</translation>
    </message>
    <message>
      <source>Population within walking distance</source>
      <translation>Population à distance de marche</translation>
    </message>
    <message>
      <source>Power: cost^-beta</source>
      <translation>Puissance : coût^-bêta</translation>
    </message>
    <message>
      <source>Precision</source>
      <translation>Précision</translation>
    </message>
    <message>
      <source>Precision reached</source>
      <translation>Précision atteinte</translation>
    </message>
    <message>
      <source>Premises</source>
      <translation>Locaux</translation>
    </message>
    <message>
      <source>Premises exported</source>
      <translation>Locaux exportés</translation>
    </message>
    <message>
      <source>Premises in the package</source>
      <translation>Locaux du paquet</translation>
    </message>
    <message>
      <source>Premises published</source>
      <translation>Locaux publiés</translation>
    </message>
    <message>
      <source>Premises turnover per campaign beside SIRENE</source>
      <translation>Renouvellement des locaux par campagne, à côté de SIRENE</translation>
    </message>
    <message>
      <source>Premises updated</source>
      <translation>Locaux mis à jour</translation>
    </message>
    <message>
      <source>Premises vacant for {years} years or more</source>
      <translation>Locaux vacants depuis {years} ans ou plus</translation>
    </message>
    <message>
      <source>Premises visited</source>
      <translation>Locaux visités</translation>
    </message>
    <message>
      <source>Premises with the footfall of the nearest counter</source>
      <translation>Locaux avec la fréquentation du compteur le plus proche</translation>
    </message>
    <message>
      <source>Premises without history</source>
      <translation>Locaux sans historique</translation>
    </message>
    <message>
      <source>Premises, campaign {campaign}</source>
      <translation>Locaux, campagne {campaign}</translation>
    </message>
    <message>
      <source>Premises: field inventory {campaign}, {period}</source>
      <translation>Locaux : inventaire de terrain {campaign}, {period}</translation>
    </message>
    <message>
      <source>Premises: nearest counter within (metres)</source>
      <translation>Locaux : compteur le plus proche à moins de (mètres)</translation>
    </message>
    <message>
      <source>Prepare a field package (QField)</source>
      <translation>Préparer un paquet terrain (QField)</translation>
    </message>
    <message>
      <source>Prepare a field package (QField)…</source>
      <translation>Préparer un paquet terrain (QField)…</translation>
    </message>
    <message>
      <source>Preparing the compiled network searches (first run of this QGIS session: a moment; a few seconds the first time after installing)…</source>
      <translation>Préparation des recherches compilées sur le réseau (premier calcul de cette session QGIS : un instant ; quelques secondes la première fois après l'installation)…</translation>
    </message>
    <message>
      <source>Presence CSV file</source>
      <translation>Fichier CSV de données de présence</translation>
    </message>
    <message>
      <source>Presence data: minutes counted for the open dwell class (empty = no mean when it has visitors)</source>
      <translation>Données de présence : minutes comptées pour la classe de durée ouverte (vide = pas de moyenne quand elle a des visiteurs)</translation>
    </message>
    <message>
      <source>Presence: dwell classes by category</source>
      <translation>Présence : classes de durée par catégorie</translation>
    </message>
    <message>
      <source>Presence: visitors and dwell</source>
      <translation>Présence : visiteurs et durée</translation>
    </message>
    <message>
      <source>Preset: {preset}.</source>
      <translation>Préréglage : {preset}.</translation>
    </message>
    <message>
      <source>Primary market area threshold (probability)</source>
      <translation>Seuil de la zone de chalandise primaire (probabilité)</translation>
    </message>
    <message>
      <source>Primary market areas</source>
      <translation>Zones de chalandise primaires</translation>
    </message>
    <message>
      <source>Print the observatory atlas (PDF)</source>
      <translation>Imprimer l'atlas de l'observatoire (PDF)</translation>
    </message>
    <message>
      <source>Print the observatory atlas…</source>
      <translation>Imprimer l’atlas de l’observatoire…</translation>
    </message>
    <message>
      <source>Printed by the QGIS plugin Observatoire du commerce {version}.</source>
      <translation>Édité avec l'extension QGIS Observatoire du commerce {version}.</translation>
    </message>
    <message>
      <source>Printed on {date} · figures from the observatory's GeoPackage {file}</source>
      <translation>Édité le {date} · chiffres issus du GeoPackage de l'observatoire {file}</translation>
    </message>
    <message>
      <source>Prints the observatory's atlas as one PDF, in French by default whatever the language of QGIS: a cover; a summary of the territory (map of the centralities coloured by Procos vacancy band, key figures per centrality, vacancy per centrality over the campaigns, offer mix); for each centrality a map page (premises by status, walking catchments of 5 and 10 minutes when a catchment layer is given, counters, car parks, public transport stops, markets, scale bar, north arrow, legend, sources with their dates) and a page of key figures, charts (vacancy rate by campaign against the Procos bands: under 5 %, 5 to 7.5 %, 7.5 to 10 %, 10 % and more; footfall by month against the year before; offer mix against the territory's; the survey profile when survey indicators exist) and lists (openings and closures since the previous campaign, premises vacant for the chosen number of years or more); a methods page (definitions, campaigns and their completeness, sources and licences, parameters). Pages: 3 + 2 × centralities. With centralities chosen, the atlas holds only those (summary, pages); the territory's figures still count every premise.

Vacancy rate = 100 × vacant premises / premises observed, computed when printing from the campaigns up to the reference campaign (the latest by default). Open campaigns are left out unless included: they are then marked provisional with their completeness on every table and chart. Footfall, catchments, services, markets, Huff shares and survey figures are read from the indicators stored by their algorithms (run them first); survey figures under 11 respondents are never shown, under 30 they are flagged. A section without data is left out.</source>
      <translation>Imprime l'atlas de l'observatoire en un seul PDF, en français par défaut quelle que soit la langue de QGIS : une couverture ; une synthèse du territoire (carte des centralités colorées selon les seuils de vacance Procos, chiffres clés par centralité, vacance par centralité au fil des campagnes, répartition de l'offre) ; pour chaque centralité une page de carte (locaux selon leur statut, zones accessibles à pied en 5 et 10 minutes quand une couche de chalandise est fournie, compteurs, parkings, arrêts de transport en commun, marchés, échelle, flèche du nord, légende, sources et leurs dates) et une page de chiffres clés, de graphiques (taux de vacance par campagne face aux seuils Procos : moins de 5 %, 5 à 7,5 %, 7,5 à 10 %, 10 % et plus ; fréquentation par mois face à l'année précédente ; répartition de l'offre face à celle du territoire ; profil d'enquête quand des indicateurs d'enquête existent) et de listes (ouvertures et fermetures depuis la campagne précédente, locaux vacants depuis le nombre d'années choisi ou plus) ; une page de méthodes (définitions, campagnes et leur taux de réalisation, sources et licences, paramètres). Pages : 3 + 2 × centralités. Avec des centralités choisies, l'atlas ne contient qu'elles (synthèse, pages) ; les chiffres du territoire comptent toujours tous les locaux.

Taux de vacance = 100 × locaux vacants / locaux observés, calculé à l'impression à partir des campagnes jusqu'à la campagne de référence (la dernière par défaut). Les campagnes en cours sont écartées sauf si elles sont incluses : elles sont alors signalées comme provisoires avec leur taux de réalisation sur chaque tableau et graphique. Fréquentation, chalandise, équipements, marchés, parts de marché de Huff et résultats d'enquête sont lus dans les indicateurs enregistrés par leurs algorithmes (exécutez-les d'abord) ; les résultats d'enquête de moins de 11 répondants ne sont jamais montrés, ceux de moins de 30 sont signalés. Une section sans données est omise.</translation>
    </message>
    <message>
      <source>Probabilities per cell</source>
      <translation>Probabilités par carreau</translation>
    </message>
    <message>
      <source>Procos band</source>
      <translation>Seuil Procos</translation>
    </message>
    <message>
      <source>Procos vacancy band, campaign {campaign}</source>
      <translation>Niveau de vacance (seuils Procos), campagne {campaign}</translation>
    </message>
    <message>
      <source>Produced by {producer} · printed on {date}</source>
      <translation>Réalisé par {producer} · édité le {date}</translation>
    </message>
    <message>
      <source>Producer</source>
      <translation>Producteur</translation>
    </message>
    <message>
      <source>Producer (organisation publishing the data; empty = the territory's name)</source>
      <translation>Producteur (organisme qui publie les données ; vide = le nom du territoire)</translation>
    </message>
    <message>
      <source>Producer (organisation publishing the map; empty = the territory's name)</source>
      <translation>Producteur (organisme qui publie la carte ; vide = le nom du territoire)</translation>
    </message>
    <message>
      <source>Producer distance (m)</source>
      <translation>Distance des producteurs (m)</translation>
    </message>
    <message>
      <source>Producer named in the read-me sheet</source>
      <translation>Producteur nommé dans la feuille « Lisez-moi »</translation>
    </message>
    <message>
      <source>Producer named on the cover</source>
      <translation>Producteur nommé en couverture</translation>
    </message>
    <message>
      <source>Producer travel time (min)</source>
      <translation>Temps de trajet vers les producteurs (min)</translation>
    </message>
    <message>
      <source>Producers added</source>
      <translation>Producteurs ajoutés</translation>
    </message>
    <message>
      <source>Producers and markets reached by</source>
      <translation>Producteurs et marchés atteints par</translation>
    </message>
    <message>
      <source>Producers by product</source>
      <translation>Producteurs par produit</translation>
    </message>
    <message>
      <source>Producers file</source>
      <translation>Fichier des producteurs</translation>
    </message>
    <message>
      <source>Producers on the map</source>
      <translation>Producteurs sur la carte</translation>
    </message>
    <message>
      <source>Producers reached by</source>
      <translation>Producteurs atteints par</translation>
    </message>
    <message>
      <source>Progress per agent</source>
      <translation>Avancement par agent</translation>
    </message>
    <message>
      <source>Progress per centrality</source>
      <translation>Avancement par centralité</translation>
    </message>
    <message>
      <source>Project URI</source>
      <translation>URI du projet</translation>
    </message>
    <message>
      <source>Project name</source>
      <translation>Nom du projet</translation>
    </message>
    <message>
      <source>Project stored: {uri}</source>
      <translation>Projet enregistré : {uri}</translation>
    </message>
    <message>
      <source>Propose centrality perimeters</source>
      <translation>Proposer des périmètres de centralités</translation>
    </message>
    <message>
      <source>Proposed centralities</source>
      <translation>Centralités proposées</translation>
    </message>
    <message>
      <source>Proposed centrality {n}</source>
      <translation>Centralité proposée {n}</translation>
    </message>
    <message>
      <source>Proposes centrality perimeters from the density of premises, for you to review (then edit the layer and load it with Import centralities, or let this algorithm write them). Points: the premises observed in the latest campaign (not demolished); active: those observed occupied. 1. Clusters: a disk of radius r around each premise; premises whose disks touch (closer than 2 r) are in the same cluster, step by step. 2. A cluster is kept when it holds at least N active premises. 3. Perimeter P = (U ⊕ D(s)) ⊖ D(s), U the union of the disks of the kept clusters: a closing by a disk of radius s that fills the notches and gaps narrower than about 2 s and never removes any part of U; holes are filled. It is computed on a grid of cells of side c (default r / 10) and its outline smoothed: within about c of the exact perimeter. 4. Each connected part of P is one proposal, counting every premise inside it (premises, active, vacant), named Proposed centrality 1, 2… by decreasing number of active premises; the first is given the level primary, the others secondary. Written proposals are matched on their names: running again replaces their perimeters.</source>
      <translation>Propose des périmètres de centralités à partir de la densité des locaux, pour que vous les révisiez (modifiez ensuite la couche et chargez-la avec Importer des centralités, ou laissez cet algorithme les écrire). Points : les locaux observés lors de la dernière campagne (non démolis) ; actifs : ceux observés occupés. 1. Groupes : un disque de rayon r autour de chaque local ; les locaux dont les disques se touchent (à moins de 2 r) sont dans le même groupe, de proche en proche. 2. Un groupe est gardé quand il compte au moins N locaux actifs. 3. Périmètre P = (U ⊕ D(s)) ⊖ D(s), U l'union des disques des groupes gardés : une fermeture par un disque de rayon s qui comble les creux et les vides de moins d'environ 2 s et ne retire jamais rien de U ; les trous sont comblés. Il est calculé sur une grille de cellules de côté c (par défaut r / 10) et son contour est lissé : à environ c près du périmètre exact. 4. Chaque partie connexe de P est une proposition, qui compte chaque local qu'elle contient (locaux, actifs, vacants), nommée Centralité proposée 1, 2… par nombre décroissant de locaux actifs ; la première reçoit le niveau primary, les autres secondary. Les propositions écrites sont appariées sur leur nom : relancer remplace leurs périmètres.</translation>
    </message>
    <message>
      <source>Provider (kept with the rows)</source>
      <translation>Fournisseur (conservé avec les lignes)</translation>
    </message>
    <message>
      <source>Pseudo-R² (McFadden)</source>
      <translation>Pseudo-R² (McFadden)</translation>
    </message>
    <message>
      <source>Public holidays (YYYY-MM-DD, separated by commas; counted as Sundays)</source>
      <translation>Jours fériés (AAAA-MM-JJ, séparés par des virgules ; comptés comme des dimanches)</translation>
    </message>
    <message>
      <source>Public holidays: {values} are not dates (expected YYYY-MM-DD).</source>
      <translation>Jours fériés : {values} ne sont pas des dates (attendu AAAA-MM-JJ).</translation>
    </message>
    <message>
      <source>Public services</source>
      <translation>Services publics</translation>
    </message>
    <message>
      <source>Public transport</source>
      <translation>Transports en commun</translation>
    </message>
    <message>
      <source>Public transport stops</source>
      <translation>Arrêts de transport en commun</translation>
    </message>
    <message>
      <source>Publish anyway the flows whose source licence is not open or not recorded (I hold the right to publish them under the chosen licence)</source>
      <translation>Publier quand même les flux dont la licence de la source n'est pas ouverte ou pas enregistrée (je détiens le droit de les publier sous la licence choisie)</translation>
    </message>
    <message>
      <source>Purchase flows</source>
      <translation>Flux d'achats</translation>
    </message>
    <message>
      <source>Purchase flows (zone × place)</source>
      <translation>Flux d'achats (zone × lieu)</translation>
    </message>
    <message>
      <source>QField project</source>
      <translation>Projet QField</translation>
    </message>
    <message>
      <source>QGIS plugin Observatoire du commerce {version}</source>
      <translation>extension QGIS Observatoire du commerce {version}</translation>
    </message>
    <message>
      <source>Questionnaire answers give home IRIS and communes, not points: give the home zones layer (IRIS or communes) and its code field.</source>
      <translation>Le questionnaire donne l'IRIS et la commune du domicile, pas un point : donnez la couche des zones de domicile (IRIS ou communes) et son champ code.</translation>
    </message>
    <message>
      <source>Questionnaire answers name centralities: leave the destinations empty.</source>
      <translation>Les réponses au questionnaire nomment des centralités : laissez les destinations vides.</translation>
    </message>
    <message>
      <source>Questionnaire export (.xlsx or .csv)</source>
      <translation>Export du questionnaire (.xlsx ou .csv)</translation>
    </message>
    <message>
      <source>Questionnaire exports (*.xlsx *.xlsm *.csv *.txt)</source>
      <translation>Exports du questionnaire (*.xlsx *.xlsm *.csv *.txt)</translation>
    </message>
    <message>
      <source>Questionnaire version</source>
      <translation>Version du questionnaire</translation>
    </message>
    <message>
      <source>Questions</source>
      <translation>Questions</translation>
    </message>
    <message>
      <source>Quotas and progress</source>
      <translation>Quotas et avancement</translation>
    </message>
    <message>
      <source>Quotas per centrality × age band for a target precision: the sample size to estimate a proportion p within ± e points at the confidence level, n0 = z² p (1 − p) / e² × deff (z = 1.96 at 95 %; p = 50 % is the worst case; deff: the given design effect, 0 = that of the latest weighting run, else 1), then n = ⌈n0 / (1 + (n0 − 1) / N)⌉ for a population N. Per centrality (the precision is reached in each one) or for the territory as a whole; each n is split across the age bands in proportion to their population, rounded by largest remainder so the quotas sum to n. Population: persons aged 15 and over of the grid cells whose centre lies within the distance of the centrality, split into the questionnaire's age bands (ages spread evenly within the Filosofi bands). During a wave, the street interviews received per centrality and age band against the quotas: remaining = max(0, quota − received), completion = received / quota (%), with totals per centrality and for the wave.</source>
      <translation>Quotas par centralité × tranche d'âge pour une précision visée : la taille d'échantillon pour estimer une proportion p à ± e points au niveau de confiance, n0 = z² p (1 − p) / e² × deff (z = 1,96 à 95 % ; p = 50 % est le pire cas ; deff : l'effet de plan donné, 0 = celui du dernier calage, sinon 1), puis n = ⌈n0 / (1 + (n0 − 1) / N)⌉ pour une population N. Par centralité (la précision est atteinte dans chacune) ou pour l'ensemble du territoire ; chaque n est réparti entre les tranches d'âge au prorata de leur population, arrondi au plus fort reste pour que les quotas totalisent n. Population : personnes de 15 ans et plus des carreaux de la grille dont le centre est à moins de la distance de la centralité, réparties dans les tranches du questionnaire (âges supposés également répartis dans les tranches Filosofi). En cours de vague, les entretiens de rue reçus par centralité et tranche d'âge face aux quotas : reste = max(0, quota − reçus), avancement = reçus / quota (%), avec les totaux par centralité et pour la vague.</translation>
    </message>
    <message>
      <source>Radius r around each premise (m)</source>
      <translation>Rayon r autour de chaque local (m)</translation>
    </message>
    <message>
      <source>Rake to the age bands</source>
      <translation>Caler sur les tranches d'âge</translation>
    </message>
    <message>
      <source>Rake to the home zones</source>
      <translation>Caler sur les zones de résidence</translation>
    </message>
    <message>
      <source>Raking converged in {sweeps} sweeps: {n} respondents weighted, weights from {low:.2f} to {high:.2f} persons, design effect {deff:.3f}, effective sample size {neff:.1f}.</source>
      <translation>Calage convergé en {sweeps} passages : {n} répondants pondérés, poids de {low:.2f} à {high:.2f} personnes, effet de plan {deff:.3f}, taille d'échantillon effective {neff:.1f}.</translation>
    </message>
    <message>
      <source>Random seed</source>
      <translation>Graine aléatoire</translation>
    </message>
    <message>
      <source>Ranked gaps</source>
      <translation>Manques classés</translation>
    </message>
    <message>
      <source>Reached network nodes</source>
      <translation>Nœuds du réseau atteints</translation>
    </message>
    <message>
      <source>Read from the indicators stored by footfall_by_centrality and mobility_by_centrality.</source>
      <translation>Lu dans les indicateurs enregistrés par footfall_by_centrality et mobility_by_centrality.</translation>
    </message>
    <message>
      <source>Read from the indicators stored by network_catchments, huff_model and site_potential (latest run).</source>
      <translation>Lu dans les indicateurs enregistrés par network_catchments, huff_model et site_potential (dernier calcul).</translation>
    </message>
    <message>
      <source>Read me</source>
      <translation>Lisez-moi</translation>
    </message>
    <message>
      <source>Reading and validating the feed…</source>
      <translation>Lecture et validation du flux…</translation>
    </message>
    <message>
      <source>Reading the counts…</source>
      <translation>Lecture des comptages…</translation>
    </message>
    <message>
      <source>Reading the parking sessions and presence data…</source>
      <translation>Lecture des sessions de stationnement et des données de présence…</translation>
    </message>
    <message>
      <source>Reads an export of the population questionnaire from KoboToolbox or ODK Central (.xlsx or .csv, XML names as headers, group separators '/' or '-', multiple choices as one space-separated column or as 1/0 columns per option) and checks every row against the questionnaire generated for this GeoPackage: unknown choices, values out of range, missing required answers, malformed numbers, too many choices, duplicate or missing submission ids, another questionnaire version. A row with any problem is rejected as a whole; each problem is listed in the rejected rows table (file, row as counted in the file with the header as row 1, field, value, code, reason). All accepted rows are written in one transaction to survey_responses, survey_centrality_visits and survey_answers_multi. Submissions already in the GeoPackage (same submission uuid) are skipped, so importing the same export twice adds nothing. A file that is not an export of this questionnaire is refused and nothing is written.</source>
      <translation>Lit un export du questionnaire auprès de la population depuis KoboToolbox ou ODK Central (.xlsx ou .csv, noms XML en en-têtes, séparateurs de groupe « / » ou « - », choix multiples en une colonne séparée par des espaces ou en colonnes 1/0 par option) et vérifie chaque ligne par rapport au questionnaire généré pour ce GeoPackage : choix inconnus, valeurs hors limites, réponses obligatoires manquantes, nombres mal formés, trop de choix, identifiants de soumission en double ou manquants, autre version du questionnaire. Une ligne qui présente un problème est rejetée en entier ; chaque problème figure dans la table des lignes rejetées (fichier, ligne comptée dans le fichier avec l'en-tête en ligne 1, champ, valeur, code, motif). Toutes les lignes acceptées sont écrites en une transaction dans survey_responses, survey_centrality_visits et survey_answers_multi. Les soumissions déjà présentes dans le GeoPackage (même uuid de soumission) sont ignorées : importer deux fois le même export n'ajoute rien. Un fichier qui n'est pas un export de ce questionnaire est refusé et rien n'est écrit.</translation>
    </message>
    <message>
      <source>Reads back a workbook written by Export a campaign's inventory to Excel and applies the rules of the inventory forms to every row: status required and one of the status codes; activity group required when the status is occupied and one of the activity group codes; chain type one of its codes or empty; floor area a number greater than 0 or empty; NAF code like 47.11D or empty; every row an observation of the exported campaign, once. Only the cells the partner changed are applied; a cell also changed in the GeoPackage since the export is a conflict. All or nothing: if any row is invalid nothing is written and every invalid cell is listed in the errors table (row as numbered in Excel, column, value, what was expected); otherwise all changes are written in one transaction, the changed observations being stamped with the agent given and today's date.</source>
      <translation>Relit un classeur écrit par « Exporter l'inventaire d'une campagne vers Excel » et applique à chaque ligne les règles des formulaires d'inventaire : statut obligatoire et parmi les codes de statut ; groupe d'activité obligatoire quand le statut est « occupé » et parmi les codes de groupe d'activité ; type d'enseigne parmi ses codes ou vide ; surface, un nombre supérieur à 0 ou vide ; code NAF au format 47.11D ou vide ; chaque ligne, une observation de la campagne exportée, une seule fois. Seules les cellules modifiées par le partenaire sont appliquées ; une cellule également modifiée dans le GeoPackage depuis l'export est un conflit. Tout ou rien : si une ligne est invalide, rien n'est écrit et chaque cellule invalide figure dans la table des erreurs (ligne telle que numérotée dans Excel, colonne, valeur, valeur attendue) ; sinon toutes les modifications sont écrites en une transaction, et les observations modifiées portent l'agent indiqué et la date du jour.</translation>
    </message>
    <message>
      <source>Rebuilds the routing topology (road_nodes, road_edges) from the roads table, e.g. after editing roads by hand: every road is split at every vertex, line ends closer than the snapping tolerance (metres) become one node, and each segment keeps its road's class, one-way direction (1 along the digitised direction, -1 against it, 0 both; binding cars only) and maxspeed. A checksum of roads is stored: the catchment algorithms warn and rebuild in memory when roads changed since.

</source>
      <translation>Reconstruit la topologie de calcul d'itinéraires (road_nodes, road_edges) à partir de la table roads, par exemple après une modification manuelle des routes : chaque route est coupée à chaque sommet, les extrémités de lignes plus proches que la tolérance d'accrochage (mètres) deviennent un seul nœud, et chaque segment garde la classe de sa route, son sens unique (1 dans le sens de numérisation, -1 à contresens, 0 dans les deux sens ; s'impose aux voitures seulement) et sa vitesse maximale. Une somme de contrôle de roads est enregistrée : les algorithmes de chalandise avertissent et reconstruisent en mémoire quand les routes ont changé depuis.

</translation>
    </message>
    <message>
      <source>Recorded by (partner name written on changed observations)</source>
      <translation>Relevé par (nom du partenaire inscrit sur les observations modifiées)</translation>
    </message>
    <message>
      <source>Reference campaign</source>
      <translation>Campagne de référence</translation>
    </message>
    <message>
      <source>Reference campaign (empty = the latest one included)</source>
      <translation>Campagne de référence (vide = la dernière incluse)</translation>
    </message>
    <message>
      <source>Reference date for future updates (YYYY-MM-DD, empty = today)</source>
      <translation>Date de référence des mises à jour futures (AAAA-MM-JJ, vide = aujourd'hui)</translation>
    </message>
    <message>
      <source>Refuse the import and list them</source>
      <translation>Refuser l'import et les lister</translation>
    </message>
    <message>
      <source>Refuse to weight</source>
      <translation>Refuser le calage</translation>
    </message>
    <message>
      <source>Refused: {table}.{column} of {row} = {value}: {rule}.</source>
      <translation>Refusé : {table}.{column} de {row} = {value} : {rule}.</translation>
    </message>
    <message>
      <source>Rejected rows</source>
      <translation>Lignes rejetées</translation>
    </message>
    <message>
      <source>Rejected rows and warnings</source>
      <translation>Lignes rejetées et avertissements</translation>
    </message>
    <message>
      <source>Rejected: {text}</source>
      <translation>Rejetée : {text}</translation>
    </message>
    <message>
      <source>Replace the file if it exists</source>
      <translation>Remplacer le fichier s’il existe</translation>
    </message>
    <message>
      <source>Replace them</source>
      <translation>Les remplacer</translation>
    </message>
    <message>
      <source>Reporting</source>
      <translation>Restitution</translation>
    </message>
    <message>
      <source>Resources written</source>
      <translation>Ressources écrites</translation>
    </message>
    <message>
      <source>Respondents</source>
      <translation>Répondants</translation>
    </message>
    <message>
      <source>Respondents left out</source>
      <translation>Répondants écartés</translation>
    </message>
    <message>
      <source>Respondents living outside the home zones</source>
      <translation>Répondants résidant hors des zones de résidence</translation>
    </message>
    <message>
      <source>Respondents of a centrality</source>
      <translation>Répondants d'une centralité</translation>
    </message>
    <message>
      <source>Respondents weighted</source>
      <translation>Répondants pondérés</translation>
    </message>
    <message>
      <source>Responses received</source>
      <translation>Réponses reçues</translation>
    </message>
    <message>
      <source>Retail activities only (activity groups flagged is_retail)</source>
      <translation>Activités commerciales seulement (groupes d'activité marqués is_retail)</translation>
    </message>
    <message>
      <source>Ridership CSV file</source>
      <translation>Fichier CSV de fréquentation</translation>
    </message>
    <message>
      <source>Road class field</source>
      <translation>Champ de classe de route</translation>
    </message>
    <message>
      <source>Road counts CSV file</source>
      <translation>Fichier CSV des comptages routiers</translation>
    </message>
    <message>
      <source>Road traffic</source>
      <translation>Trafic routier</translation>
    </message>
    <message>
      <source>Roads</source>
      <translation>Routes</translation>
    </message>
    <message>
      <source>Roads closed to cars</source>
      <translation>Routes interdites aux voitures</translation>
    </message>
    <message>
      <source>Roads imported</source>
      <translation>Routes importées</translation>
    </message>
    <message>
      <source>Row {row}, column {column}: '{value}' is not valid; expected {expected}.</source>
      <translation>Ligne {row}, colonne {column} : « {value} » n'est pas valide ; attendu : {expected}.</translation>
    </message>
    <message>
      <source>Row {row}, {field} = '{value}': {reason}</source>
      <translation>Ligne {row}, {field} = « {value} » : {reason}</translation>
    </message>
    <message>
      <source>Rows added</source>
      <translation>Lignes ajoutées</translation>
    </message>
    <message>
      <source>Rows already imported</source>
      <translation>Lignes déjà importées</translation>
    </message>
    <message>
      <source>Rows read</source>
      <translation>Lignes lues</translation>
    </message>
    <message>
      <source>Rows rejected</source>
      <translation>Lignes rejetées</translation>
    </message>
    <message>
      <source>Rows unchanged</source>
      <translation>Lignes inchangées</translation>
    </message>
    <message>
      <source>Rows unchanged (already imported)</source>
      <translation>Lignes inchangées (déjà importées)</translation>
    </message>
    <message>
      <source>Rows updated</source>
      <translation>Lignes mises à jour</translation>
    </message>
    <message>
      <source>Rules</source>
      <translation>Règles</translation>
    </message>
    <message>
      <source>SIRENE StockEtablissement CSV</source>
      <translation>CSV SIRENE StockEtablissement</translation>
    </message>
    <message>
      <source>SIRENE StockEtablissement CSV (positions; optional)</source>
      <translation>CSV SIRENE StockEtablissement (positions ; facultatif)</translation>
    </message>
    <message>
      <source>SIRENE StockEtablissementHistorique CSV</source>
      <translation>CSV SIRENE StockEtablissementHistorique</translation>
    </message>
    <message>
      <source>SIRENE file not found: {path}</source>
      <translation>fichier SIRENE introuvable : {path}</translation>
    </message>
    <message>
      <source>SIRET does not start with the SIREN of the row</source>
      <translation>le SIRET ne commence pas par le SIREN de la ligne</translation>
    </message>
    <message>
      <source>SIRET of the car parks' operator (14 digits, required by the stationnement schema)</source>
      <translation>SIRET du gestionnaire des parcs de stationnement (14 chiffres, exigé par le schéma stationnement)</translation>
    </message>
    <message>
      <source>Sample size per centrality</source>
      <translation>Taille d'échantillon par centralité</translation>
    </message>
    <message>
      <source>Save the mapping used as the preset</source>
      <translation>Enregistrer la correspondance utilisée comme modèle</translation>
    </message>
    <message>
      <source>Scale margins of other totals to the first one's</source>
      <translation>Ramener les marges de totaux différents au total de la première</translation>
    </message>
    <message>
      <source>Schema version after</source>
      <translation>Version du schéma après</translation>
    </message>
    <message>
      <source>Schema version before</source>
      <translation>Version du schéma avant</translation>
    </message>
    <message>
      <source>Scored sites</source>
      <translation>Emplacements notés</translation>
    </message>
    <message>
      <source>Scores candidate sites for a new shop: by default the vacant premises of the latest campaign, or any point layer. Criteria (raw values): footfall = mean daily passages of the nearest counting site within the footfall distance (pedestrian channels when any); population = inhabitants reached within N minutes on the network (population cells assigned to their nearest node within 150 m); services, transit stops = number within the distance; competitors = occupied premises of the chosen activity group within the distance (the candidate itself excluded); parking = sum of the capacities of the parkings within the distance. Standardisation (min-max over the candidates): more is better s = (x - min) / (max - min); less is better s = (max - x) / (max - min); ideal value s = max(0, 1 - |x - ideal| / max|x - ideal|); all equal: s = 1; missing: s = 0. Score (0-100) = sum of weight × s; each criterion's contribution = weight × s, so contributions add up to the score; rank 1 = best. Weights are percentages that must sum to 100 (similarity included). A criterion whose data is absent from the GeoPackage (no counters, no network, no services, no transit stops, no parkings) is skipped with a warning and the other weights are scaled to 100. Optional similarity to a target premise (uuid) that performs well: 1 - root mean square difference of the min-max scaled raw criteria. With the vacant premises as candidates (the default), each centrality holding scored candidates (premise inside its polygon) also gets in the indicators table its best score (site_potential_best_score) and its number of scored candidates (site_potential_candidates), period = the current year, with the activity group and the weights; this period's earlier values are replaced.</source>
      <translation>Note les emplacements candidats pour un nouveau commerce : par défaut les locaux vacants de la dernière campagne, ou toute couche de points. Critères (valeurs brutes) : fréquentation = passages moyens par jour du site de comptage le plus proche dans la distance de fréquentation (canaux piétons s'il y en a) ; population = habitants atteints en N minutes sur le réseau (carreaux rattachés à leur nœud le plus proche à moins de 150 m) ; services, arrêts de transport = nombre à moins de la distance ; concurrents = locaux occupés du groupe d'activité choisi à moins de la distance (le candidat lui-même exclu) ; stationnement = somme des capacités des parkings à moins de la distance. Standardisation (min-max sur les candidats) : plus c'est mieux s = (x - min) / (max - min) ; moins c'est mieux s = (max - x) / (max - min) ; valeur idéale s = max(0, 1 - |x - idéal| / max|x - idéal|) ; toutes égales : s = 1 ; manquante : s = 0. Note (0-100) = somme des poids × s ; la contribution de chaque critère = poids × s, de sorte que les contributions s'additionnent pour donner la note ; rang 1 = meilleur. Les poids sont des pourcentages dont la somme doit valoir 100 (similarité comprise). Un critère dont les données manquent dans le GeoPackage (pas de compteurs, pas de réseau, pas de services, pas d'arrêts de transport, pas de parkings) est ignoré avec un avertissement et les autres poids sont ramenés à 100. Similarité optionnelle avec un local cible (uuid) qui fonctionne bien : 1 - écart quadratique moyen des critères bruts mis à l'échelle min-max. Avec les locaux vacants comme candidats (par défaut), chaque centralité contenant des candidats notés (local dans son polygone) reçoit aussi dans la table des indicateurs sa meilleure note (site_potential_best_score) et son nombre de candidats notés (site_potential_candidates), période = l'année en cours, avec le groupe d'activité et les poids ; les valeurs antérieures de cette période sont remplacées.</translation>
    </message>
    <message>
      <source>Scoring: {message}</source>
      <translation>Notation : {message}</translation>
    </message>
    <message>
      <source>Separator {value!r}: give one of , ; | or tab.</source>
      <translation>Séparateur {value!r} : indiquez , ; | ou tab.</translation>
    </message>
    <message>
      <source>Service dates (YYYY-MM-DD, separated by commas)</source>
      <translation>Dates de service (AAAA-MM-JJ, séparées par des virgules)</translation>
    </message>
    <message>
      <source>Service day {date} ({kind})</source>
      <translation>Jour de service {date} ({kind})</translation>
    </message>
    <message>
      <source>Service frequency per stop and period</source>
      <translation>Fréquence de service par arrêt et période</translation>
    </message>
    <message>
      <source>Services added</source>
      <translation>Équipements ajoutés</translation>
    </message>
    <message>
      <source>Services by domain and range</source>
      <translation>Services par domaine et gamme</translation>
    </message>
    <message>
      <source>Services of the BPE vintage {vintage}</source>
      <translation>Services du millésime BPE {vintage}</translation>
    </message>
    <message>
      <source>Services offer per centrality</source>
      <translation>Offre de services par centralité</translation>
    </message>
    <message>
      <source>Services on the map</source>
      <translation>Services sur la carte</translation>
    </message>
    <message>
      <source>Services updated</source>
      <translation>Équipements mis à jour</translation>
    </message>
    <message>
      <source>Services within the distance</source>
      <translation>Services à moins de la distance</translation>
    </message>
    <message>
      <source>Sessions CSV file</source>
      <translation>Fichier CSV des sessions</translation>
    </message>
    <message>
      <source>Sessions without exit</source>
      <translation>Sessions sans sortie</translation>
    </message>
    <message>
      <source>Severity of the vacancy rate (Procos): {bands}.</source>
      <translation>Niveau de gravité du taux de vacance (Procos) : {bands}.</translation>
    </message>
    <message>
      <source>Share bought online</source>
      <translation>Part achetée en ligne</translation>
    </message>
    <message>
      <source>Share of an activity group</source>
      <translation>Part d'un groupe d'activité</translation>
    </message>
    <message>
      <source>Shares (%) per centrality</source>
      <translation>Parts (%) par centralité</translation>
    </message>
    <message>
      <source>Sheet of the .xlsx export (empty = the first one)</source>
      <translation>Feuille de l'export .xlsx (vide = la première)</translation>
    </message>
    <message>
      <source>Sheets</source>
      <translation>Feuilles</translation>
    </message>
    <message>
      <source>Sheets written</source>
      <translation>Feuilles écrites</translation>
    </message>
    <message>
      <source>Shop</source>
      <translation>Commerce</translation>
    </message>
    <message>
      <source>Shops</source>
      <translation>Commerces</translation>
    </message>
    <message>
      <source>Shops on the map</source>
      <translation>Commerces sur la carte</translation>
    </message>
    <message>
      <source>Shops per 1,000 inhabitants</source>
      <translation>Commerces pour 1 000 habitants</translation>
    </message>
    <message>
      <source>Short circuits</source>
      <translation>Circuits courts</translation>
    </message>
    <message>
      <source>Short circuits × expectations × consumption types. Demand per home zone (the weighting run's) and per consumption type (latest typology, when there is one): weighted share very or somewhat interested in buying from local producers, and share buying through short circuits every week or month (%, 95 % intervals). Supply per home zone: the producers and markets reached within the travel time on the road network (driving or walking; the zone starts from every network node inside it) or within a straight-line distance of the zone; producers per 1 000 inhabitants of the zone (population grid), market sessions per week. A zone is “high demand, low supply” when its interested share is at or above the median of the zones (with 11 respondents or more) and its producers per 1 000 inhabitants at or below the median. Publication rules: fewer than 11 respondents, no value (reason given) and nothing in the indicators table; under 30, low precision. Indicators: short_circuit_interested and short_circuit_buyers (territory and __home_zone_&lt;zone&gt;), short_circuit_interested_type&lt;k&gt;. Output: the layer of home zones (styled: high demand and low supply in red) and the demand by type and zone.</source>
      <translation>Circuits courts × attentes × types de consommation. Demande par zone de résidence (celle du calage) et par type de consommation (dernière typologie, s'il y en a une) : part pondérée de très ou plutôt intéressés par l'achat aux producteurs locaux, et part achetant en circuits courts chaque semaine ou chaque mois (%, intervalles à 95 %). Offre par zone de résidence : les producteurs et marchés atteints dans le temps de trajet sur le réseau routier (en voiture ou à pied ; la zone part de chaque nœud du réseau qu'elle contient) ou à moins d'une distance à vol d'oiseau de la zone ; producteurs pour 1 000 habitants de la zone (grille de population), séances de marché par semaine. Une zone est « forte demande, faible offre » quand sa part d'intéressés est au moins la médiane des zones (avec 11 répondants ou plus) et ses producteurs pour 1 000 habitants au plus la médiane. Règles de publication : moins de 11 répondants, pas de valeur (raison donnée) et rien dans la table des indicateurs ; moins de 30, faible précision. Indicateurs : short_circuit_interested et short_circuit_buyers (territoire et __home_zone_&lt;zone&gt;), short_circuit_interested_type&lt;k&gt;. Sorties : la couche des zones de résidence (stylée : forte demande et faible offre en rouge) et la demande par type et zone.</translation>
    </message>
    <message>
      <source>Short-circuit demand and supply</source>
      <translation>Demande et offre en circuits courts</translation>
    </message>
    <message>
      <source>Short-circuit demand by type and zone</source>
      <translation>Demande en circuits courts par type et zone</translation>
    </message>
    <message>
      <source>Short-circuit offer per centrality</source>
      <translation>Offre en circuit court par centralité</translation>
    </message>
    <message>
      <source>Short-circuit producers</source>
      <translation>Producteurs en circuit court</translation>
    </message>
    <message>
      <source>Show the observatory algorithms in the toolbox</source>
      <translation>Afficher les algorithmes de l’observatoire dans la boîte à outils</translation>
    </message>
    <message>
      <source>Signs withheld (SIRENE not public)</source>
      <translation>Enseignes non publiées (SIRENE non diffusible)</translation>
    </message>
    <message>
      <source>Site file (site_*.csv)</source>
      <translation>Fichier des sites (site_*.csv)</translation>
    </message>
    <message>
      <source>Site folder (new, empty or an earlier web map)</source>
      <translation>Dossier du site (nouveau, vide ou une carte web précédente)</translation>
    </message>
    <message>
      <source>Site of new channels: name</source>
      <translation>Site des nouveaux canaux : nom</translation>
    </message>
    <message>
      <source>Site of new channels: position</source>
      <translation>Site des nouveaux canaux : position</translation>
    </message>
    <message>
      <source>Site of new channels: site id</source>
      <translation>Site des nouveaux canaux : identifiant</translation>
    </message>
    <message>
      <source>Site of new channels: street</source>
      <translation>Site des nouveaux canaux : rue</translation>
    </message>
    <message>
      <source>Site potential</source>
      <translation>Potentiel des emplacements</translation>
    </message>
    <message>
      <source>Site potential of vacant premises…</source>
      <translation>Potentiel des locaux vacants…</translation>
    </message>
    <message>
      <source>Smallest weight</source>
      <translation>Poids le plus petit</translation>
    </message>
    <message>
      <source>Smoothing s: gaps closed (m)</source>
      <translation>Lissage s : vides comblés (m)</translation>
    </message>
    <message>
      <source>Snapping tolerance (m)</source>
      <translation>Tolérance d'accrochage (m)</translation>
    </message>
    <message>
      <source>Socle (shared GeoPackage)</source>
      <translation>Socle (GeoPackage partagé)</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Source and period</source>
      <translation>Source et période</translation>
    </message>
    <message>
      <source>Source name (empty = the layer's name)</source>
      <translation>Nom de la source (vide = le nom de la couche)</translation>
    </message>
    <message>
      <source>Source: the observatory's GeoPackage {file} (socle de données attractivité). Methods and sources on the last page.</source>
      <translation>Source : GeoPackage de l'observatoire {file} (socle de données attractivité). Méthodes et sources en dernière page.</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>Sources</translation>
    </message>
    <message>
      <source>Sources and licences</source>
      <translation>Sources et licences</translation>
    </message>
    <message>
      <source>Speed field</source>
      <translation>Champ de vitesse</translation>
    </message>
    <message>
      <source>Speed field (km/h)</source>
      <translation>Champ de vitesse (km/h)</translation>
    </message>
    <message>
      <source>Speeds are stored in the GeoPackage's road_speeds table and reused by every run. Write class=km/h items separated by commas; 0 bars the class for that mode; 'default' applies to the classes not listed; empty keeps the stored speeds. Defaults: walking {walk}; driving {car}. For cars, a road's maxspeed replaces the class speed.</source>
      <translation>Les vitesses sont enregistrées dans la table road_speeds du GeoPackage et réutilisées par chaque traitement. Écrivez des éléments classe=km/h séparés par des virgules ; 0 interdit la classe à ce mode ; « default » s'applique aux classes non listées ; vide conserve les vitesses enregistrées. Valeurs par défaut : à pied {walk} ; en voiture {car}. En voiture, la vitesse maximale (maxspeed) d'une route remplace celle de sa classe.</translation>
    </message>
    <message>
      <source>Standard error of alpha</source>
      <translation>Erreur type d'alpha</translation>
    </message>
    <message>
      <source>Standard error of beta</source>
      <translation>Erreur type de bêta</translation>
    </message>
    <message>
      <source>Start date (YYYY-MM-DD)</source>
      <translation>Date de début (AAAA-MM-JJ)</translation>
    </message>
    <message>
      <source>State</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Statuses counted as vacant (codes separated by commas; empty = those flagged in the GeoPackage)</source>
      <translation>Statuts comptés comme vacants (codes séparés par des virgules ; vide = ceux marqués dans le GeoPackage)</translation>
    </message>
    <message>
      <source>Stops serving a centrality: within (metres)</source>
      <translation>Arrêts desservant une centralité : à moins de (mètres)</translation>
    </message>
    <message>
      <source>Store the inventory project in the GeoPackage</source>
      <translation>Enregistrer le projet d'inventaire dans le GeoPackage</translation>
    </message>
    <message>
      <source>Store the questionnaire project in the GeoPackage</source>
      <translation>Enregistrer le projet du questionnaire dans le GeoPackage</translation>
    </message>
    <message>
      <source>Stores a ready QGIS / QField project for street interviews in the GeoPackage itself (table qgis_projects; open it in QGIS with Project › Open From › GeoPackage): the questionnaire responses, the visits to each centrality, the answers to multiple-choice questions and the centralities. The response form shows, in the tabs of the questions, relation editors (by uuid) where the interviewer adds the visits to each centrality (frequency, transport mode, parking) and the ticked choices; a row added there is linked to the response automatically. The choices offered are those of this observatory's questionnaire (its centralities and activity groups): run the algorithm again after adding a centrality. Centralities without a code get one derived from their name. The layers point to the GeoPackage by a path relative to its folder. A project of the same name is replaced.</source>
      <translation>Enregistre dans le GeoPackage lui-même un projet QGIS / QField prêt à l'emploi pour les enquêtes dans la rue (table qgis_projects ; ouvrez-le dans QGIS par Projet › Ouvrir depuis › GeoPackage) : les réponses au questionnaire, les venues dans chaque centralité, les réponses aux questions à choix multiples et les centralités. Le formulaire de la réponse montre, dans les onglets des questions, des éditeurs de relation (par uuid) où l'enquêteur ajoute les venues dans chaque centralité (fréquence, mode de transport, stationnement) et les choix cochés ; une ligne ajoutée ainsi est rattachée automatiquement à la réponse. Les choix proposés sont ceux du questionnaire de cet observatoire (ses centralités et ses groupes d'activité) : relancez l'algorithme après l'ajout d'une centralité. Les centralités sans code en reçoivent un tiré de leur nom. Les couches désignent le GeoPackage par un chemin relatif à son dossier. Un projet du même nom est remplacé.</translation>
    </message>
    <message>
      <source>Stores a ready QGIS project in the GeoPackage itself (table qgis_projects; open it in QGIS with Project › Open From › GeoPackage): premises, their observations, centralities and campaigns with the inventory forms (tabs, value maps from the domains, constraints, defaults, photo widget) and the relation premise → observations shown in the premise form. The open campaign, when there is exactly one, is the project's current campaign (variable observatoire_campaign_uuid). The layers point to the GeoPackage by a path relative to its folder. Also refreshes the default form styles of the tables (layer_styles) from the file's domains. A project of the same name is replaced.</source>
      <translation>Enregistre un projet QGIS prêt à l'emploi dans le GeoPackage lui-même (table qgis_projects ; ouvrez-le dans QGIS par Projet › Ouvrir depuis › GeoPackage) : les locaux, leurs observations, les centralités et les campagnes avec les formulaires d'inventaire (onglets, listes de valeurs issues des domaines, contraintes, valeurs par défaut, widget photo) et la relation local → observations affichée dans le formulaire du local. La campagne ouverte, s'il y en a exactement une, est la campagne courante du projet (variable observatoire_campaign_uuid). Les couches désignent le GeoPackage par un chemin relatif à son dossier. Met aussi à jour les styles de formulaire par défaut des tables (layer_styles) à partir des domaines du fichier. Un projet du même nom est remplacé.</translation>
    </message>
    <message>
      <source>Straight-line distance</source>
      <translation>Distance à vol d'oiseau</translation>
    </message>
    <message>
      <source>Straight-line distance (m)</source>
      <translation>Distance à vol d'oiseau (m)</translation>
    </message>
    <message>
      <source>Street profile</source>
      <translation>Profil de rue</translation>
    </message>
    <message>
      <source>Streets</source>
      <translation>Rues</translation>
    </message>
    <message>
      <source>Summary of the territory</source>
      <translation>Synthèse du territoire</translation>
    </message>
    <message>
      <source>Supply and missing shares per centrality and activity group</source>
      <translation>Offre et parts de manques par centralité et groupe d'activité</translation>
    </message>
    <message>
      <source>Survey figures are never shown under {min} respondents and are flagged low precision under {low}; individual answers never leave the socle.</source>
      <translation>Les résultats d'enquête ne sont jamais montrés sous {min} répondants et sont signalés « précision faible » sous {low} ; les réponses individuelles ne quittent jamais le socle.</translation>
    </message>
    <message>
      <source>Survey figures per centrality (latest period)</source>
      <translation>Résultats d'enquête par centralité (dernière période)</translation>
    </message>
    <message>
      <source>Survey figures per centrality with their interval and respondents; with a chart.</source>
      <translation>Résultats d'enquête par centralité avec leur intervalle et leurs répondants ; avec un graphique.</translation>
    </message>
    <message>
      <source>Survey figures published</source>
      <translation>Valeurs d'enquête publiées</translation>
    </message>
    <message>
      <source>Survey figures withheld (secrecy)</source>
      <translation>Valeurs d'enquête non publiées (secret statistique)</translation>
    </message>
    <message>
      <source>Survey figures: never shown under {min} respondents, flagged low precision under {low}.</source>
      <translation>Résultats d'enquête : jamais diffusés sous {min} répondants, signalés « précision faible » sous {low}.</translation>
    </message>
    <message>
      <source>Survey shares per centrality</source>
      <translation>Parts issues de l'enquête par centralité</translation>
    </message>
    <message>
      <source>Survey weights</source>
      <translation>Poids de l'enquête</translation>
    </message>
    <message>
      <source>Survey {period}</source>
      <translation>Enquête {period}</translation>
    </message>
    <message>
      <source>Survival: creations of the last … months</source>
      <translation>Survie : créations des … derniers mois</translation>
    </message>
    <message>
      <source>Sweeps</source>
      <translation>Passages</translation>
    </message>
    <message>
      <source>Synchronisation failed, the shared GeoPackage is unchanged: {reason}</source>
      <translation>Échec de la synchronisation, le GeoPackage partagé est inchangé : {reason}</translation>
    </message>
    <message>
      <source>Synchronisation refused, nothing was written: {reason}</source>
      <translation>Synchronisation refusée, rien n'a été écrit : {reason}</translation>
    </message>
    <message>
      <source>Synchronisation report</source>
      <translation>Rapport de synchronisation</translation>
    </message>
    <message>
      <source>Synchronise a field package</source>
      <translation>Synchroniser un paquet terrain</translation>
    </message>
    <message>
      <source>Synchronise a field package…</source>
      <translation>Synchroniser un paquet terrain…</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>Table</translation>
    </message>
    <message>
      <source>Target precision (± points)</source>
      <translation>Précision visée (± points)</translation>
    </message>
    <message>
      <source>Target premise (uuid) for the similarity criterion</source>
      <translation>Local cible (uuid) pour le critère de similarité</translation>
    </message>
    <message>
      <source>Target premise {uuid} is neither a candidate nor a premise of the GeoPackage.</source>
      <translation>Le local cible {uuid} n'est ni un candidat ni un local du GeoPackage.</translation>
    </message>
    <message>
      <source>Territory</source>
      <translation>Territoire</translation>
    </message>
    <message>
      <source>Territory (all premises)</source>
      <translation>Territoire (tous les locaux)</translation>
    </message>
    <message>
      <source>Territory (polygons; empty = every cell)</source>
      <translation>Territoire (polygones ; vide = tous les carreaux)</translation>
    </message>
    <message>
      <source>Territory name</source>
      <translation>Nom du territoire</translation>
    </message>
    <message>
      <source>Territory sample size (0 = from the precision)</source>
      <translation>Taille d'échantillon du territoire (0 = d'après la précision)</translation>
    </message>
    <message>
      <source>The BPE vintage is a year such as 2021, not {value}.</source>
      <translation>Le millésime BPE est une année comme 2021, pas {value}.</translation>
    </message>
    <message>
      <source>The CRS {crs} has no EPSG code: choose an EPSG CRS for the coordinates.</source>
      <translation>Le SCR {crs} n'a pas de code EPSG : choisissez un SCR EPSG pour les coordonnées.</translation>
    </message>
    <message>
      <source>The GeoPackage holds no centrality to plan quotas for.</source>
      <translation>Le GeoPackage ne contient aucune centralité pour laquelle planifier des quotas.</translation>
    </message>
    <message>
      <source>The GeoPackage holds no centrality: give a layer of zones.</source>
      <translation>Le GeoPackage ne contient aucune centralité : indiquez une couche de zones.</translation>
    </message>
    <message>
      <source>The GeoPackage holds no centrality: nothing to report.</source>
      <translation>Le GeoPackage ne contient aucune centralité : rien à restituer.</translation>
    </message>
    <message>
      <source>The GeoPackage holds no inventory campaign: nothing to compute.</source>
      <translation>Le GeoPackage ne contient aucune campagne d’inventaire : rien à calculer.</translation>
    </message>
    <message>
      <source>The GeoPackage holds no inventory campaign: nothing to report.</source>
      <translation>Le GeoPackage ne contient aucune campagne d'inventaire : rien à restituer.</translation>
    </message>
    <message>
      <source>The GeoPackage holds no inventory campaign: the offer cannot be measured.</source>
      <translation>Le GeoPackage ne contient aucune campagne d'inventaire : l'offre ne peut pas être mesurée.</translation>
    </message>
    <message>
      <source>The GeoPackage holds no questionnaire answer (with consent): import the answers with “Import questionnaire answers” (observatoire:import_survey_responses) first.</source>
      <translation>Le GeoPackage ne contient aucune réponse au questionnaire (avec consentement) : importez d'abord les réponses avec « Importer les réponses au questionnaire » (observatoire:import_survey_responses).</translation>
    </message>
    <message>
      <source>The GeoPackage {path} refused the operation ("{error}"). It was not changed.</source>
      <translation>Le GeoPackage {path} a refusé l'opération (« {error} »). Il n'a pas été modifié.</translation>
    </message>
    <message>
      <source>The GeoPackage's population grid is empty: import the INSEE grid, or give the age band and home zone margins in the survey_margins table.</source>
      <translation>La grille de population du GeoPackage est vide : importez la grille INSEE, ou donnez les marges de tranche d'âge et de zone de résidence dans la table survey_margins.</translation>
    </message>
    <message>
      <source>The GeoPackage's population grid is empty: the quotas need the population around each centrality.</source>
      <translation>La grille de population du GeoPackage est vide : les quotas demandent la population autour de chaque centralité.</translation>
    </message>
    <message>
      <source>The XLSForm must be an .xlsx file, not {path}.</source>
      <translation>Le XLSForm doit être un fichier .xlsx, pas {path}.</translation>
    </message>
    <message>
      <source>The atlas could not be written to {path} (error {code}): is the file open in another program?</source>
      <translation>L'atlas n'a pas pu être écrit dans {path} (erreur {code}) : le fichier est-il ouvert dans un autre programme ?</translation>
    </message>
    <message>
      <source>The campaign could not be opened: {error}</source>
      <translation>La campagne n'a pas pu être ouverte : {error}</translation>
    </message>
    <message>
      <source>The campaign {name} is already closed.</source>
      <translation>La campagne {name} est déjà close.</translation>
    </message>
    <message>
      <source>The campaign {name} is still open ({percent} % visited): include the open campaigns to report on it (it is then marked provisional).</source>
      <translation>La campagne {name} est encore ouverte ({percent} % des locaux visités) : incluez les campagnes ouvertes pour la restituer (elle est alors signalée comme provisoire).</translation>
    </message>
    <message>
      <source>The campaign {name} still has {count} observation(s) to confirm: visit them, or tick “Close even if observations are still to confirm”.</source>
      <translation>La campagne {name} a encore {count} observation(s) à confirmer : visitez-les, ou cochez « Clore même si des observations sont encore à confirmer ».</translation>
    </message>
    <message>
      <source>The catchment layer {name} has no band and origin_uuid (or origin_id) fields: the maps are printed without catchments. Give the layer written by network_catchments.</source>
      <translation>La couche de chalandise {name} n'a pas de champs band et origin_uuid (ou origin_id) : les cartes sont imprimées sans zones de chalandise. Donnez la couche écrite par network_catchments.</translation>
    </message>
    <message>
      <source>The criterion weights must sum to 100 %; they sum to {total} % ({weights}). Adjust the weights.</source>
      <translation>La somme des poids des critères doit valoir 100 % ; elle vaut {total} % ({weights}). Ajustez les poids.</translation>
    </message>
    <message>
      <source>The dashboard could not be written to {path}: {error}</source>
      <translation>Le tableau de bord n'a pas pu être écrit dans {path} : {error}</translation>
    </message>
    <message>
      <source>The destination layer has no feature with a geometry.</source>
      <translation>La couche des destinations n'a aucune entité avec une géométrie.</translation>
    </message>
    <message>
      <source>The disk holding {path} is full or failing ("{error}"): free some space, then run again. The GeoPackage was not changed.</source>
      <translation>Le disque qui contient {path} est plein ou défaillant (« {error} ») : libérez de la place, puis relancez. Le GeoPackage n'a pas été modifié.</translation>
    </message>
    <message>
      <source>The disk is full while writing {file}: free some space, then run again.</source>
      <translation>Le disque est plein pendant l'écriture de {file} : libérez de la place, puis relancez.</translation>
    </message>
    <message>
      <source>The end date {end} is before the start date {start}.</source>
      <translation>La date de fin {end} précède la date de début {start}.</translation>
    </message>
    <message>
      <source>The export must be an .xlsx or .csv file, not {path}.</source>
      <translation>L'export doit être un fichier .xlsx ou .csv, pas {path}.</translation>
    </message>
    <message>
      <source>The field package could not be prepared: {error}</source>
      <translation>Le paquet terrain n'a pas pu être préparé : {error}</translation>
    </message>
    <message>
      <source>The field package folder {folder} does not exist.</source>
      <translation>Le dossier du paquet terrain {folder} n'existe pas.</translation>
    </message>
    <message>
      <source>The file holds</source>
      <translation>Le fichier contient</translation>
    </message>
    <message>
      <source>The folder {folder} is not empty and holds no earlier open-data export: choose a new or empty folder.</source>
      <translation>Le dossier {folder} n'est pas vide et ne contient pas d'export de données ouvertes précédent : choisissez un dossier nouveau ou vide.</translation>
    </message>
    <message>
      <source>The folder {folder} is not empty and holds no earlier web map: choose a new or empty folder.</source>
      <translation>Le dossier {folder} n'est pas vide et ne contient pas de carte web précédente : choisissez un dossier nouveau ou vide.</translation>
    </message>
    <message>
      <source>The form was not checked: {message}</source>
      <translation>Le formulaire n'a pas été vérifié : {message}</translation>
    </message>
    <message>
      <source>The home zone margin needs the home zones layer (IRIS or communes with their code), or home_zone rows in the survey_margins table.</source>
      <translation>La marge des zones de résidence demande la couche des zones de résidence (IRIS ou communes avec leur code), ou des lignes home_zone dans la table survey_margins.</translation>
    </message>
    <message>
      <source>The home zones layer holds no polygon with a code in {field}.</source>
      <translation>La couche des zones de résidence ne contient aucun polygone avec un code dans {field}.</translation>
    </message>
    <message>
      <source>The household-survey method of the chambers of commerce, from the weighted answers to “where do you usually buy …”: for each purchase category and home zone (the weighting run's), the weighted share of purchases made in each place — each centrality (the one named in “in which centrality”), other centres, the periphery, online, markets and short circuits, another town — with its 95 % interval; “not concerned” is left out of the denominators. Capture rate (taux d'emprise) of a centrality on a zone = its share of the zone's purchases; evasion rate (taux d'évasion) = the share made in the outside places (another town and online by default). Rows “all” pool every zone. With an annual spending per household and category in the survey_spending table (its source and year; none is invented) and the home zones layer: consumption potential = households of the zone (population grid) × spending, captured spending of a centrality = Σ potential × capture rate (€ per year). Publication rules: a cell of fewer than 11 respondents has no value (reason given) and is never written to the indicators table (purchase_capture_&lt;category&gt;, purchase_evasion_&lt;category&gt;, __home_zone_&lt;zone&gt; per zone, purchase_captured_spending_&lt;category&gt;); under 30 it is flagged low precision. With the home zones layer, a flow-line layer from where each zone's people live (population-weighted centre) to each centrality, its width by share.</source>
      <translation>La méthode des enquêtes ménages des chambres de commerce, à partir des réponses pondérées à « où achetez-vous le plus souvent … » : pour chaque catégorie d'achat et zone de résidence (celle du calage), la part pondérée des achats faits dans chaque lieu — chaque centralité (celle nommée dans « dans quelle centralité »), les autres centres, la périphérie, internet, les marchés et circuits courts, une autre ville — avec son intervalle à 95 % ; « non concerné » est exclu des dénominateurs. Taux d'emprise d'une centralité sur une zone = sa part des achats de la zone ; taux d'évasion = la part faite dans les lieux extérieurs (une autre ville et internet par défaut). Les lignes « all » regroupent toutes les zones. Avec une dépense annuelle par ménage et catégorie dans la table survey_spending (sa source et son année ; aucune n'est inventée) et la couche des zones de résidence : potentiel de consommation = ménages de la zone (grille de population) × dépense, dépense captée par une centralité = Σ potentiel × taux d'emprise (€ par an). Règles de publication : une case de moins de 11 répondants n'a pas de valeur (raison donnée) et n'est jamais écrite dans la table des indicateurs (purchase_capture_&lt;catégorie&gt;, purchase_evasion_&lt;catégorie&gt;, __home_zone_&lt;zone&gt; par zone, purchase_captured_spending_&lt;catégorie&gt;) ; en dessous de 30 elle est signalée de faible précision. Avec la couche des zones de résidence, une couche de lignes de flux depuis le lieu où vivent les habitants de chaque zone (centre pondéré par la population) vers chaque centralité, d'épaisseur proportionnelle à la part.</translation>
    </message>
    <message>
      <source>The last day ({end}) is before the first day ({start}).</source>
      <translation>Le dernier jour ({end}) précède le premier jour ({start}).</translation>
    </message>
    <message>
      <source>The last month ({end}) is before the first month ({start}).</source>
      <translation>Le dernier mois ({end}) précède le premier mois ({start}).</translation>
    </message>
    <message>
      <source>The linear layer holds no line.</source>
      <translation>La couche des linéaires ne contient aucune ligne.</translation>
    </message>
    <message>
      <source>The lower bound must be below the upper bound.</source>
      <translation>La borne inférieure doit être sous la borne supérieure.</translation>
    </message>
    <message>
      <source>The lower trimming bound ({lower}) must be below the upper one ({upper}).</source>
      <translation>La borne basse d'écrêtage ({lower}) doit être inférieure à la borne haute ({upper}).</translation>
    </message>
    <message>
      <source>The mapping needs start_datetime=&lt;column&gt; (or start_datetime=&lt;date column&gt;+&lt;time column&gt;).</source>
      <translation>La correspondance doit contenir start_datetime=&lt;colonne&gt; (ou start_datetime=&lt;colonne de date&gt;+&lt;colonne d'heure&gt;).</translation>
    </message>
    <message>
      <source>The margin {margin!r} has no row in the survey_margins table: add its population per category (with the source and year), or leave it out.</source>
      <translation>La marge {margin!r} n'a aucune ligne dans la table survey_margins : ajoutez sa population par modalité (avec la source et l'année), ou retirez-la.</translation>
    </message>
    <message>
      <source>The minimum share of complete counters must be a number greater than 0 and at most 1.</source>
      <translation>La part minimale de compteurs complets doit être un nombre supérieur à 0 et au plus égal à 1.</translation>
    </message>
    <message>
      <source>The most types ({high}) must be at least the fewest ({low}).</source>
      <translation>Le nombre maximal de types ({high}) doit être au moins le nombre minimal ({low}).</translation>
    </message>
    <message>
      <source>The network tolerance must be &gt; 0 m.</source>
      <translation>La tolérance réseau doit être &gt; 0 m.</translation>
    </message>
    <message>
      <source>The observatory GeoPackage {path} does not exist.</source>
      <translation>Le GeoPackage de l’observatoire {path} n’existe pas.</translation>
    </message>
    <message>
      <source>The optimisation did not converge: {message}</source>
      <translation>L'optimisation n'a pas convergé : {message}</translation>
    </message>
    <message>
      <source>The package folder {folder} is not empty: choose a new or empty folder.</source>
      <translation>Le dossier du paquet {folder} n'est pas vide : choisissez un dossier nouveau ou vide.</translation>
    </message>
    <message>
      <source>The population grid holds no value for {columns}: left empty, not 0.</source>
      <translation>Le carroyage de population n'a aucune valeur pour {columns} : laissé vide, pas 0.</translation>
    </message>
    <message>
      <source>The population grid is empty: population and density per 1 000 inhabitants are left empty. Import it with “Import the population grid” (observatoire:import_population_grid).</source>
      <translation>Le carroyage de population est vide : la population et la densité pour 1 000 habitants sont laissées vides. Importez-le avec « Importer le carroyage de population » (observatoire:import_population_grid).</translation>
    </message>
    <message>
      <source>The population grid is empty: population, households and age groups are left empty, not 0. Import it with “Import the population grid” (observatoire:import_population_grid).</source>
      <translation>Le carroyage de population est vide : population, ménages et tranches d'âge sont laissés vides, pas 0. Importez-le avec « Importer le carroyage de population » (observatoire:import_population_grid).</translation>
    </message>
    <message>
      <source>The project could not be stored: {error}</source>
      <translation>Le projet n'a pas pu être enregistré : {error}</translation>
    </message>
    <message>
      <source>The reference date {value} is not written YYYY-MM-DD.</source>
      <translation>La date de référence {value} n'est pas écrite AAAA-MM-JJ.</translation>
    </message>
    <message>
      <source>The roads table changed since the network topology was built: the topology is rebuilt in memory for this run. Run “Build the road network” to store it.</source>
      <translation>La table roads a changé depuis la construction de la topologie du réseau : la topologie est reconstruite en mémoire pour ce traitement. Lancez « Construire le réseau routier » pour l'enregistrer.</translation>
    </message>
    <message>
      <source>The roads table holds no line: import roads first.</source>
      <translation>La table roads ne contient aucune ligne : importez d'abord les routes.</translation>
    </message>
    <message>
      <source>The similarity criterion has a weight but no target premise is given.</source>
      <translation>Le critère de similarité a un poids mais aucun local cible n'est donné.</translation>
    </message>
    <message>
      <source>The stored road hierarchy was built for other speeds or another network: long searches are slower (same results). Run “Build the road network” to rebuild it.</source>
      <translation>La hiérarchie routière enregistrée a été construite pour d'autres vitesses ou un autre réseau : les recherches longues sont plus lentes (mêmes résultats). Lancez « Construire le réseau routier » pour la reconstruire.</translation>
    </message>
    <message>
      <source>The survey answers are not weighted yet: run “Weight the survey answers” (observatoire:weight_survey) first.</source>
      <translation>Les réponses à l'enquête ne sont pas encore pondérées : lancez d'abord « Pondérer les réponses à l'enquête » (observatoire:weight_survey).</translation>
    </message>
    <message>
      <source>The territory layer holds no polygon: give one, or leave it empty to import every cell.</source>
      <translation>La couche du territoire ne contient aucun polygone : donnez-en un, ou laissez-la vide pour importer tous les carreaux.</translation>
    </message>
    <message>
      <source>The tolerance must be between 0 and 1 (e.g. 0.000001), not {value}.</source>
      <translation>La tolérance doit être comprise entre 0 et 1 (p. ex. 0,000001), pas {value}.</translation>
    </message>
    <message>
      <source>The translation file {path} is missing: compile the translations (make i18n) or choose English.</source>
      <translation>Le fichier de traduction {path} est absent : compilez les traductions (make i18n) ou choisissez l'anglais.</translation>
    </message>
    <message>
      <source>The travel time must be more than 0 minutes.</source>
      <translation>Le temps de trajet doit dépasser 0 minute.</translation>
    </message>
    <message>
      <source>The typology {run} classified responses its weighting run no longer holds: run the typology again.</source>
      <translation>La typologie {run} a classé des réponses que son calage ne contient plus : relancez la typologie.</translation>
    </message>
    <message>
      <source>The upgrade of its schema from version {old} to {new}, made in the same transaction, was rolled back too.</source>
      <translation>La mise à niveau de son schéma de la version {old} à la version {new}, faite dans la même transaction, a été annulée elle aussi.</translation>
    </message>
    <message>
      <source>The upper bound of the weight ratios must be 1 or more (or 0 for none), not {upper}.</source>
      <translation>La borne supérieure des rapports de poids doit valoir 1 ou plus (ou 0 pour aucune), pas {upper}.</translation>
    </message>
    <message>
      <source>The weighting run could not be reproduced from its margins (answers or margins edited since): intervals treat the weights as given.</source>
      <translation>Le calage n'a pas pu être reproduit à partir de ses marges (réponses ou marges modifiées depuis) : les intervalles traitent les poids comme donnés.</translation>
    </message>
    <message>
      <source>The weights cannot be trimmed to [{lower}, {upper}] persons: every raked weight (from {low:.2f} to {high:.2f}) lies outside. Widen the bounds.</source>
      <translation>Les poids ne peuvent pas être écrêtés à [{lower}, {upper}] personnes : tous les poids calés (de {low:.2f} à {high:.2f}) sont en dehors. Élargissez les bornes.</translation>
    </message>
    <message>
      <source>The workbook must be an .xlsx file, not {path}.</source>
      <translation>Le classeur doit être un fichier .xlsx, pas {path}.</translation>
    </message>
    <message>
      <source>The zones layer holds no polygon.</source>
      <translation>La couche de zones ne contient aucun polygone.</translation>
    </message>
    <message>
      <source>Theme</source>
      <translation>Thème</translation>
    </message>
    <message>
      <source>This GeoPackage does not record the SIRENE diffusion status of the premises: signs are published as recorded. The SIRENE import leaves out the establishments that are not public, but a sign recorded in the field or from OpenStreetMap may still belong to a sole trader who asked not to be listed: check the premises table before publishing.</source>
      <translation>Ce GeoPackage n'enregistre pas le statut de diffusion SIRENE des locaux : les enseignes sont publiées telles qu'elles sont saisies. L'import SIRENE écarte les établissements non diffusibles, mais une enseigne relevée sur le terrain ou issue d'OpenStreetMap peut appartenir à un entrepreneur individuel qui a demandé à ne pas être diffusé : vérifiez la table des locaux avant de publier.</translation>
    </message>
    <message>
      <source>Those interviewed there</source>
      <translation>Ceux interrogés sur place</translation>
    </message>
    <message>
      <source>Time step in seconds (when the file has no end column)</source>
      <translation>Pas de temps en secondes (quand le fichier n'a pas de colonne de fin)</translation>
    </message>
    <message>
      <source>Time zone of times with a UTC offset</source>
      <translation>Fuseau horaire des heures données avec un décalage UTC</translation>
    </message>
    <message>
      <source>Time zone of times without UTC offset</source>
      <translation>Fuseau horaire des heures sans décalage UTC</translation>
    </message>
    <message>
      <source>Total quota</source>
      <translation>Quota total</translation>
    </message>
    <message>
      <source>Transfer: most days between the closure and the creation of the same SIREN</source>
      <translation>Transfert : nombre maximal de jours entre la fermeture et la création du même SIREN</translation>
    </message>
    <message>
      <source>Transit stops within the distance</source>
      <translation>Arrêts de transport en commun à moins de la distance</translation>
    </message>
    <message>
      <source>Travel time (min)</source>
      <translation>Temps de trajet (min)</translation>
    </message>
    <message>
      <source>Trend</source>
      <translation>Tendance</translation>
    </message>
    <message>
      <source>Trim the weights after raking: lower bound (persons; 0 = none)</source>
      <translation>Écrêter les poids après le calage : borne basse (personnes ; 0 = aucune)</translation>
    </message>
    <message>
      <source>Trim the weights after raking: upper bound (persons; 0 = none)</source>
      <translation>Écrêter les poids après le calage : borne haute (personnes ; 0 = aucune)</translation>
    </message>
    <message>
      <source>Trimming the weights to [{lower}, {upper}] persons leaves {n} weights of 0 or less (the amount added below the lower bound is taken from the other weights): lower the lower bound.</source>
      <translation>Écrêter les poids à [{lower}, {upper}] personnes laisse {n} poids nuls ou négatifs (ce qui est ajouté sous la borne basse est pris sur les autres poids) : abaissez la borne basse.</translation>
    </message>
    <message>
      <source>Turnover rate</source>
      <translation>Taux de rotation</translation>
    </message>
    <message>
      <source>Turnover rate (%)</source>
      <translation>Taux de rotation (%)</translation>
    </message>
    <message>
      <source>Type map (category=TYPEQU; …)</source>
      <translation>Correspondance des types (catégorie=TYPEQU; …)</translation>
    </message>
    <message>
      <source>Type map entry {entry!r}: write category=TYPEQU with a BPE code (a letter A to G and three digits), e.g. MATERNELLE=C101.</source>
      <translation>Entrée de correspondance des types {entry!r} : écrivez catégorie=TYPEQU avec un code BPE (une lettre de A à G et trois chiffres), par ex. MATERNELLE=C101.</translation>
    </message>
    <message>
      <source>Type {k}</source>
      <translation>Type {k}</translation>
    </message>
    <message>
      <source>Type {k}: {name}</source>
      <translation>Type {k} : {name}</translation>
    </message>
    <message>
      <source>Typology run (name or uuid; empty = the latest)</source>
      <translation>Typologie (nom ou uuid ; vide = la dernière)</translation>
    </message>
    <message>
      <source>Typology run (uuid)</source>
      <translation>Typologie (uuid)</translation>
    </message>
    <message>
      <source>Unexpected error ({kind}): {error}. The full report is in the log; please send it to the plugin's tracker.</source>
      <translation>Erreur inattendue ({kind}) : {error}. Le rapport complet est dans le journal ; merci de l'envoyer au suivi des anomalies de l'extension.</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Unité</translation>
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
      <source>Unknown centrality name(s): {unknown}. Centralities in the GeoPackage: {known}.</source>
      <translation>Centralité(s) inconnue(s) : {unknown}. Centralités du GeoPackage : {known}.</translation>
    </message>
    <message>
      <source>Unknown status code(s): {bad}. Known codes: {known}.</source>
      <translation>Code(s) de statut inconnu(s) : {bad}. Codes connus : {known}.</translation>
    </message>
    <message>
      <source>Unweighted, as FactoMineR (same classes as R)</source>
      <translation>Non pondérée, comme FactoMineR (mêmes classes que R)</translation>
    </message>
    <message>
      <source>Upgrade an observatory GeoPackage</source>
      <translation>Mettre à niveau un GeoPackage d’observatoire</translation>
    </message>
    <message>
      <source>Upgrade an observatory GeoPackage…</source>
      <translation>Mettre à niveau un GeoPackage d’observatoire…</translation>
    </message>
    <message>
      <source>Upgrade the GeoPackage…</source>
      <translation>Mettre à niveau le GeoPackage…</translation>
    </message>
    <message>
      <source>Upgrading {path} from schema {old} to {new}…</source>
      <translation>Mise à niveau de {path} du schéma {old} au schéma {new}…</translation>
    </message>
    <message>
      <source>Upper bound of the weight ratios (0 = none)</source>
      <translation>Borne supérieure des rapports de poids (0 = aucune)</translation>
    </message>
    <message>
      <source>Vacancy</source>
      <translation>Vacance</translation>
    </message>
    <message>
      <source>Vacancy and offer are computed when the atlas is printed, from the observations of the campaigns {campaigns}; statuses counted as vacant: {statuses}; observations still to confirm are counted with their pre-filled status.</source>
      <translation>Vacance et offre sont calculées à l'édition de l'atlas, à partir des observations des campagnes {campaigns} ; statuts comptés comme vacants : {statuses} ; les observations encore à confirmer sont comptées avec leur statut prérempli.</translation>
    </message>
    <message>
      <source>Vacancy history</source>
      <translation>Historique de vacance</translation>
    </message>
    <message>
      <source>Vacancy history and long-term vacancy per premise</source>
      <translation>Historique de vacance et vacance de longue durée par local</translation>
    </message>
    <message>
      <source>Vacancy per centrality and campaign, key figures of the reference campaign, offer mix; with charts.</source>
      <translation>Vacance par centralité et par campagne, chiffres clés de la campagne de référence, répartition de l'offre ; avec graphiques.</translation>
    </message>
    <message>
      <source>Vacancy rate</source>
      <translation>Taux de vacance</translation>
    </message>
    <message>
      <source>Vacancy rate (%)</source>
      <translation>Taux de vacance (%)</translation>
    </message>
    <message>
      <source>Vacancy rate (%) per centrality and campaign</source>
      <translation>Taux de vacance (%) par centralité et par campagne</translation>
    </message>
    <message>
      <source>Vacancy rate = 100 × vacant premises / premises observed; Procos bands: low under 5 %, moderate 5 to 7.5 %, worrying 7.5 to 10 %, critical 10 % or more.</source>
      <translation>Taux de vacance = 100 × locaux vacants / locaux observés ; seuils Procos : faible sous 5 %, modérée de 5 à 7,5 %, préoccupante de 7,5 à 10 %, critique à 10 % et plus.</translation>
    </message>
    <message>
      <source>Vacancy rate by campaign</source>
      <translation>Taux de vacance par campagne</translation>
    </message>
    <message>
      <source>Vacancy rate per centrality</source>
      <translation>Taux de vacance par centralité</translation>
    </message>
    <message>
      <source>Vacancy rate, campaign {campaign}</source>
      <translation>Taux de vacance, campagne {campaign}</translation>
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
      <source>Vacant premises</source>
      <translation>Locaux vacants</translation>
    </message>
    <message>
      <source>Vacant since</source>
      <translation>Vacant depuis</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Valeur</translation>
    </message>
    <message>
      <source>Values separated by commas, added to the preset's (case, accents, - and _ ignored).</source>
      <translation>Valeurs séparées par des virgules, ajoutées à celles du préréglage (casse, accents, - et _ ignorés).</translation>
    </message>
    <message>
      <source>Vendor CSV file</source>
      <translation>Fichier CSV du fournisseur</translation>
    </message>
    <message>
      <source>Visited</source>
      <translation>Visités</translation>
    </message>
    <message>
      <source>WGS84 longitude, latitude of a place in France</source>
      <translation>longitude, latitude WGS84 d'un lieu en France</translation>
    </message>
    <message>
      <source>WGS84 longitude, latitude of a place in France (Xlong and Ylat look swapped)</source>
      <translation>longitude, latitude WGS84 d'un lieu en France (Xlong et Ylat semblent inversées)</translation>
    </message>
    <message>
      <source>Walking</source>
      <translation>À pied</translation>
    </message>
    <message>
      <source>Walking catchment (minutes)</source>
      <translation>Zone de chalandise piétonne (minutes)</translation>
    </message>
    <message>
      <source>Walking catchments</source>
      <translation>Zones accessibles à pied</translation>
    </message>
    <message>
      <source>Walking catchments (output of network_catchments)</source>
      <translation>Zones accessibles à pied (couche écrite par network_catchments)</translation>
    </message>
    <message>
      <source>Walking catchments: network_catchments on the socle's roads</source>
      <translation>Zones accessibles à pied : network_catchments sur la voirie du socle</translation>
    </message>
    <message>
      <source>Walking distance to stops (metres)</source>
      <translation>Distance de marche jusqu'aux arrêts (mètres)</translation>
    </message>
    <message>
      <source>Walking speeds per class (class=km/h, …)</source>
      <translation>Vitesses à pied par classe (classe=km/h, …)</translation>
    </message>
    <message>
      <source>Walking time on the network (min)</source>
      <translation>Temps de marche sur le réseau (min)</translation>
    </message>
    <message>
      <source>Walking time on the road network</source>
      <translation>Temps de marche sur le réseau routier</translation>
    </message>
    <message>
      <source>Warning: {text}</source>
      <translation>Avertissement : {text}</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>Avertissements</translation>
    </message>
    <message>
      <source>Web map written to {folder}: {shops} shops, {services} services, {producers} producers, {markets} markets ({size} kB).</source>
      <translation>Carte web écrite dans {folder} : {shops} commerces, {services} services, {producers} producteurs, {markets} marchés ({size} ko).</translation>
    </message>
    <message>
      <source>Weight (%): similarity to the target premise</source>
      <translation>Poids (%) : similarité avec le local cible</translation>
    </message>
    <message>
      <source>Weight (%): {criterion}</source>
      <translation>Poids (%) : {criterion}</translation>
    </message>
    <message>
      <source>Weight the population grid by income (ind_snv)</source>
      <translation>Pondérer le carroyage par le revenu (ind_snv)</translation>
    </message>
    <message>
      <source>Weight the questionnaire answers…</source>
      <translation>Pondérer les réponses au questionnaire…</translation>
    </message>
    <message>
      <source>Weight the survey answers</source>
      <translation>Pondérer les réponses à l'enquête</translation>
    </message>
    <message>
      <source>Weighted by the survey weights (default)</source>
      <translation>Pondérée par les poids de l'enquête (par défaut)</translation>
    </message>
    <message>
      <source>Weighting by income needs the standard of living (ind_snv) of the population grid, and no cell has one (the 2021 Filosofi grid has no ind_snv): run without income weighting, or import a grid that has it (2015–2019).</source>
      <translation>La pondération par le revenu demande le niveau de vie (ind_snv) du carroyage de population, et aucun carreau n'en a (le carroyage Filosofi 2021 n'a pas ind_snv) : lancez sans pondération par le revenu, ou importez un carroyage qui l'a (2015–2019).</translation>
    </message>
    <message>
      <source>Weighting run (name or uuid; empty = the latest)</source>
      <translation>Calage (nom ou uuid ; vide = le dernier)</translation>
    </message>
    <message>
      <source>Weighting run (uuid)</source>
      <translation>Calage (uuid)</translation>
    </message>
    <message>
      <source>Weights trimmed to [{lower}, {upper}] persons after raking (as R's trimWeights): the margins are no longer met exactly (largest gap {gap:.1%}).</source>
      <translation>Poids écrêtés à [{lower}, {upper}] personnes après le calage (comme trimWeights de R) : les marges ne sont plus exactement respectées (plus grand écart {gap:.1%}).</translation>
    </message>
    <message>
      <source>What each indicator code means.</source>
      <translation>La signification de chaque code d'indicateur.</translation>
    </message>
    <message>
      <source>Within 10 min walk</source>
      <translation>À 10 min à pied</translation>
    </message>
    <message>
      <source>Within {band} {unit}</source>
      <translation>À moins de {band} {unit}</translation>
    </message>
    <message>
      <source>Within {minutes} min walk</source>
      <translation>À {minutes} min à pied</translation>
    </message>
    <message>
      <source>Without a catchment: population within (m)</source>
      <translation>Sans zone de chalandise : population à moins de (m)</translation>
    </message>
    <message>
      <source>Worrying</source>
      <translation>Préoccupante</translation>
    </message>
    <message>
      <source>Worrying (7.5 to 10 %)</source>
      <translation>Préoccupante (7,5 à 10 %)</translation>
    </message>
    <message>
      <source>Write the dates as YYYY-MM-DD.</source>
      <translation>Écrivez les dates sous la forme AAAA-MM-JJ.</translation>
    </message>
    <message>
      <source>Write the proposals to the centralities table</source>
      <translation>Écrire les propositions dans la table des centralités</translation>
    </message>
    <message>
      <source>Write the results to the indicators table</source>
      <translation>Écrire les résultats dans la table des indicateurs</translation>
    </message>
    <message>
      <source>Writes a Frictionless data package (datapackage.json with a Table Schema per resource, CSV tables, GeoJSON layers in WGS 84 and one GeoPackage of the geometries in the file's CRS) of the current offer (premises of the latest closed campaign with status, activity group, NAF code, sign and centrality; services of the latest BPE vintage; producers with products and sales modes; markets with days and hours), the centralities with the latest value of each indicator (per kind of period) and the survey indicators; with FLOWS, counting sites, channels and daily counts in the national comptage des mobilités schema, car parks in the stationnement schema and carpool areas in the BNLC schema (published under the ODbL), each validated against its national schema: a row that would break it is left out and listed. A flow is published only when every source of its rows is recorded under an open licence (Licence Ouverte / Etalab, ODbL, CC-BY, CC0; resources/reporting/sources.csv); the others are left out with a warning naming the source and its licence, unless you tick “publish anyway”, declaring that you hold the right to publish them under the chosen licence. A flow drawn from an ODbL source is published under the ODbL.
Never published: field agents' names, notes and photos, synchronisation conflicts, individual survey answers, the signs of sole traders whose SIRENE record is not public. Statistical secrecy: a survey figure is published only with at least 11 respondents (flagged low precision under 30); counts are summed per local day, an incomplete day is published empty. Every resource carries its licence, producer, period and the date of extraction.</source>
      <translation>Écrit un paquet de données Frictionless (datapackage.json avec un schéma de table par ressource, tables CSV, couches GeoJSON en WGS 84 et un GeoPackage des géométries dans le SCR du fichier) de l'offre actuelle (locaux de la dernière campagne close avec statut, groupe d'activité, code NAF, enseigne et centralité ; services du dernier millésime de la BPE ; producteurs avec produits et modes de vente ; marchés avec jours et horaires), des centralités avec la dernière valeur de chaque indicateur (par type de période) et des indicateurs d'enquête ; avec FLOWS, les sites, canaux et comptages journaliers dans le schéma national comptage des mobilités, les parcs de stationnement dans le schéma stationnement et les lieux de covoiturage dans le schéma BNLC (publiés sous ODbL), chacun vérifié selon son schéma national : une ligne qui l'enfreindrait est écartée et signalée. Un flux n'est publié que si chaque source de ses lignes est enregistrée sous une licence ouverte (Licence Ouverte / Etalab, ODbL, CC-BY, CC0 ; resources/reporting/sources.csv) ; les autres sont écartés avec un avertissement nommant la source et sa licence, sauf si vous cochez « publier quand même », déclarant détenir le droit de les publier sous la licence choisie. Un flux tiré d'une source sous ODbL est publié sous ODbL.
Jamais publiés : noms des enquêteurs, notes et photos, conflits de synchronisation, réponses individuelles au questionnaire, enseignes des entrepreneurs individuels dont la fiche SIRENE n'est pas diffusible. Secret statistique : une valeur d'enquête n'est publiée qu'avec au moins 11 répondants (précision faible signalée sous 30) ; les comptages sont sommés par journée locale, une journée incomplète est publiée vide. Chaque ressource porte sa licence, son producteur, sa période et sa date d'extraction.</translation>
    </message>
    <message>
      <source>Writes a QField-ready folder for one agent or one sector of an open campaign: a QGIS project (.qgz, paths relative to the folder) with the inventory forms, the data GeoPackage data.gpkg holding the perimeter's premises, their observations of the campaign, the campaign, the perimeter's centralities and the nomenclatures, an empty DCIM/ folder for the photos and manifest.json (package uuid, agent, perimeter, schema version and the sha256 checksum of the data as prepared). The perimeter is the centralities named, else the campaign's perimeter, else the whole territory. Observations still to confirm that no earlier package assigned are assigned to the agent (campaign progress reports them per agent). A pristine copy of the data stays next to the shared GeoPackage (&lt;name&gt;.field_bases/) for the three-way merge, and the package is recorded in the field_packages table.</source>
      <translation>Écrit un dossier prêt pour QField pour un agent ou un secteur d'une campagne ouverte : un projet QGIS (.qgz, chemins relatifs au dossier) avec les formulaires d'inventaire, le GeoPackage de données data.gpkg contenant les locaux du périmètre, leurs observations de la campagne, la campagne, les centralités du périmètre et les nomenclatures, un dossier DCIM/ vide pour les photos et manifest.json (uuid du paquet, agent, périmètre, version du schéma et empreinte sha256 des données telles que préparées). Le périmètre est formé des centralités nommées, sinon du périmètre de la campagne, sinon de tout le territoire. Les observations encore à confirmer qu'aucun paquet antérieur n'a attribuées sont attribuées à l'agent (l'avancement de la campagne les compte par agent). Une copie intacte des données reste à côté du GeoPackage partagé (&lt;name&gt;.field_bases/) pour la fusion à trois voies, et le paquet est enregistré dans la table field_packages.</translation>
    </message>
    <message>
      <source>Writes a self-contained static site (index.html, JavaScript, data; no server code) that any web host or a plain file server can serve, and that also opens from the disk: a map of the shops occupied in the latest closed campaign (sign, activity group), the services, the short-circuit producers and the markets, with filters (activity group, centrality, open on a market day, organic), a search by name or street, a popup per place, and a page per centrality with its key figures in plain French (vacancy rate, footfall, parking occupancy… the latest value of each indicator; survey figures only with at least 11 respondents). The background is drawn from the GeoPackage's roads and centralities, so the site works offline; a tile URL (https://…/{z}/{x}/{y}.png) adds a basemap. Signs of sole traders whose SIRENE record is not public, field agents' names, notes, photos and survey answers never reach the site. Map library: Leaflet, shipped with the plugin.</source>
      <translation>Écrit un site statique autonome (index.html, JavaScript, données ; aucun code serveur) que tout hébergeur web ou simple serveur de fichiers peut servir, et qui s'ouvre aussi depuis le disque : une carte des commerces occupés lors de la dernière campagne close (enseigne, groupe d'activité), des services, des producteurs en circuit court et des marchés, avec des filtres (groupe d'activité, centralité, ouvert un jour de marché, bio), une recherche par nom ou par rue, une fenêtre par lieu et une page par centralité avec ses chiffres clés en français courant (taux de vacance, fréquentation, occupation des parkings… la dernière valeur de chaque indicateur ; valeurs d'enquête seulement avec au moins 11 répondants). Le fond est dessiné à partir des routes et des centralités du GeoPackage, si bien que le site fonctionne hors ligne ; une URL de tuiles (https://…/{z}/{x}/{y}.png) ajoute un fond de carte. Les enseignes des entrepreneurs individuels dont la fiche SIRENE n'est pas diffusible, les noms des enquêteurs, les notes, les photos et les réponses au questionnaire n'atteignent jamais le site. Bibliothèque cartographique : Leaflet, livrée avec l'extension.</translation>
    </message>
    <message>
      <source>Writes an Excel workbook for the observatory's partners: a read-me sheet (campaigns and their completeness, sources and licences, rules), one sheet per theme with native Excel charts that read the tables of their sheet (offer and vacancy: vacancy rate = 100 × vacant / premises per centrality and campaign, key figures, offer mix; flows: footfall per year and month, mobility; expectations: survey figures with their 95 % interval and respondents; catchments: population reached and Huff market shares), a tidy sheet of every stored indicator (centrality, indicator, period, value, unit, interval, respondents, algorithm, parameters, computed at) and the definition of each code.

Survey figures under 11 respondents are never shown (the reason is given), under 30 they are flagged low precision. Open campaigns are left out unless included, then marked provisional. No cell holds a formula.</source>
      <translation>Écrit un classeur Excel pour les partenaires de l'observatoire : une feuille « Lisez-moi » (campagnes et taux de réalisation, sources et licences, règles), une feuille par thème avec des graphiques Excel natifs qui lisent les tableaux de leur feuille (offre et vacance : taux de vacance = 100 × vacants / locaux par centralité et par campagne, chiffres clés, répartition de l'offre ; flux : fréquentation par année et par mois, mobilité ; attentes : résultats d'enquête avec leur intervalle à 95 % et leurs répondants ; chalandise : population atteinte et parts de marché de Huff), une feuille ordonnée de tous les indicateurs enregistrés (centralité, indicateur, période, valeur, unité, intervalle, répondants, algorithme, paramètres, date de calcul) et la définition de chaque code.

Les résultats d'enquête de moins de 11 répondants ne sont jamais montrés (la raison est donnée), ceux de moins de 30 sont signalés « précision faible ». Les campagnes en cours sont écartées sauf si elles sont incluses, puis signalées comme provisoires. Aucune cellule ne contient de formule.</translation>
    </message>
    <message>
      <source>Writes the inventory of one campaign as an Excel workbook that a chamber of commerce or a shop association can read and fill in: sheet Inventaire holds one row per premise with its observation of the campaign (address, floor area, status, activity group, NAF code, sign, chain type, notes); status, activity group and chain type offer drop-down lists built from the GeoPackage's nomenclatures; sheet Codes explains every code in French and sheet Lisez-moi the rules. Grey columns are for information only. Send the filled workbook back with Import a partner's inventory workbook.</source>
      <translation>Écrit l'inventaire d'une campagne dans un classeur Excel qu'une chambre de commerce ou une association de commerçants peut lire et compléter : la feuille Inventaire contient une ligne par local avec son observation de la campagne (adresse, surface, statut, groupe d'activité, code NAF, enseigne, type d'enseigne, remarques) ; le statut, le groupe d'activité et le type d'enseigne proposent des listes déroulantes construites à partir des nomenclatures du GeoPackage ; la feuille Codes explique chaque code en français et la feuille Lisez-moi les règles. Les colonnes grisées sont données pour information. Le classeur complété se réimporte avec « Importer le classeur d'inventaire d'un partenaire ».</translation>
    </message>
    <message>
      <source>Writes the population questionnaire (habits, satisfaction and expectations of the people who use the centralities) as an XLSForm workbook (.xlsx) with French and English labels, ready to upload to KoboToolbox or to convert for ODK Collect. The form asks about each centrality of the GeoPackage, identified by its code (centralities.code); centralities without a code get one derived from their name, written to the GeoPackage so that the answers can be imported later. The activity groups a respondent may miss come from the GeoPackage's activity_groups table. With validation on, the form is converted with pyxform and any error or warning is reported.</source>
      <translation>Écrit le questionnaire auprès de la population (habitudes, satisfaction et attentes des personnes qui fréquentent les centralités) sous forme de classeur XLSForm (.xlsx) avec des libellés en français et en anglais, prêt à être déposé sur KoboToolbox ou converti pour ODK Collect. Le formulaire interroge sur chaque centralité du GeoPackage, identifiée par son code (centralities.code) ; les centralités sans code en reçoivent un, tiré de leur nom et écrit dans le GeoPackage pour que les réponses puissent être importées ensuite. Les groupes d'activité qui peuvent manquer à un répondant viennent de la table activity_groups du GeoPackage. Avec la vérification activée, le formulaire est converti avec pyxform et toute erreur ou tout avertissement est signalé.</translation>
    </message>
    <message>
      <source>XLSForm workbook</source>
      <translation>Classeur XLSForm</translation>
    </message>
    <message>
      <source>XLSForm written: {path} ({questions} questions, {centralities} centralities, version {version}).</source>
      <translation>XLSForm écrit : {path} ({questions} questions, {centralities} centralités, version {version}).</translation>
    </message>
    <message>
      <source>Year (0 = latest year with footfall)</source>
      <translation>Année (0 = dernière année avec fréquentation)</translation>
    </message>
    <message>
      <source>Year-on-year change</source>
      <translation>Évolution annuelle</translation>
    </message>
    <message>
      <source>Zone code field (INSEE IRIS or commune code)</source>
      <translation>Champ code des zones (code INSEE de l'IRIS ou de la commune)</translation>
    </message>
    <message>
      <source>Zone name field</source>
      <translation>Champ du nom de la zone</translation>
    </message>
    <message>
      <source>Zones</source>
      <translation>Zones</translation>
    </message>
    <message>
      <source>Zones (empty = the centralities of the GeoPackage)</source>
      <translation>Zones (vide = les centralités du GeoPackage)</translation>
    </message>
    <message>
      <source>Zones of high demand and low supply</source>
      <translation>Zones de forte demande et faible offre</translation>
    </message>
    <message>
      <source>Zones with no road within {tol} m reach no producer: {zones}</source>
      <translation>Les zones sans route à moins de {tol} m n'atteignent aucun producteur : {zones}</translation>
    </message>
    <message>
      <source>Zones with services</source>
      <translation>Zones avec services</translation>
    </message>
    <message>
      <source>Zones with short-circuit offer</source>
      <translation>Zones avec offre en circuit court</translation>
    </message>
    <message>
      <source>a 14-digit SIRET number</source>
      <translation>un numéro SIRET à 14 chiffres</translation>
    </message>
    <message>
      <source>a 5-character INSEE commune code</source>
      <translation>un code commune INSEE à 5 caractères</translation>
    </message>
    <message>
      <source>a 5-character INSEE commune code, e.g. 76540 or 2A004</source>
      <translation>un code commune INSEE à 5 caractères, par ex. 76540 ou 2A004</translation>
    </message>
    <message>
      <source>a 9-digit SIREN number</source>
      <translation>un numéro SIREN à 9 chiffres</translation>
    </message>
    <message>
      <source>a CSV in the stationnement schema, a CSV of on-street zones or an OpenStreetMap export</source>
      <translation>un CSV au schéma stationnement, un CSV de zones sur voirie ou un export OpenStreetMap</translation>
    </message>
    <message>
      <source>a CSV of occupancy or payments</source>
      <translation>un CSV d'occupation ou de paiements</translation>
    </message>
    <message>
      <source>a Filosofi CSV or GeoPackage</source>
      <translation>un CSV ou un GeoPackage Filosofi</translation>
    </message>
    <message>
      <source>a GTFS feed</source>
      <translation>un flux GTFS</translation>
    </message>
    <message>
      <source>a GeoJSON feature</source>
      <translation>un objet (Feature) GeoJSON</translation>
    </message>
    <message>
      <source>a NAF rev. 2 code of the naf_activity_map table</source>
      <translation>un code NAF rév. 2 de la table naf_activity_map</translation>
    </message>
    <message>
      <source>a NAF rev. 2 code such as 47.11D, or empty</source>
      <translation>un code NAF rév. 2 comme 47.11D, ou vide</translation>
    </message>
    <message>
      <source>a NAF rev. 2 code such as 47.11F is expected</source>
      <translation>un code NAF rév. 2 comme 47.11F est attendu</translation>
    </message>
    <message>
      <source>a SIREN is 9 digits</source>
      <translation>un SIREN compte 9 chiffres</translation>
    </message>
    <message>
      <source>a SIRET is 14 digits</source>
      <translation>un SIRET compte 14 chiffres</translation>
    </message>
    <message>
      <source>a UTC offset between -14:00 and +14:00</source>
      <translation>un décalage UTC entre -14:00 et +14:00</translation>
    </message>
    <message>
      <source>a campaign named {name!r} already exists</source>
      <translation>une campagne nommée {name!r} existe déjà</translation>
    </message>
    <message>
      <source>a campaign needs a name</source>
      <translation>une campagne doit avoir un nom</translation>
    </message>
    <message>
      <source>a capacity &gt; 0 (in the row or from the car park list)</source>
      <translation>une capacité &gt; 0 (dans la ligne ou dans la liste des parkings)</translation>
    </message>
    <message>
      <source>a capacity &gt; 0 (in the row or from the car park)</source>
      <translation>une capacité &gt; 0 (dans la ligne ou celle du parking)</translation>
    </message>
    <message>
      <source>a cell id read once (already at row {row})</source>
      <translation>un identifiant de carreau lu une seule fois (déjà à la ligne {row})</translation>
    </message>
    <message>
      <source>a cell id such as CRS3035RES200mN2694200E3640400</source>
      <translation>un identifiant de carreau tel que CRS3035RES200mN2694200E3640400</translation>
    </message>
    <message>
      <source>a cell that can be projected to the GeoPackage's CRS (EPSG:{epsg})</source>
      <translation>un carreau projetable dans le SCR du GeoPackage (EPSG:{epsg})</translation>
    </message>
    <message>
      <source>a centrality given once (already at feature {row}: merge its parts into one multi-part feature, e.g. with Dissolve)</source>
      <translation>une centralité donnée une seule fois (déjà à l'entité {row} : regroupez ses parties en une entité multiple, par ex. avec Regrouper)</translation>
    </message>
    <message>
      <source>a centrality name</source>
      <translation>un nom de centralité</translation>
    </message>
    <message>
      <source>a centrality name or uuid of the GeoPackage (known: {known})</source>
      <translation>un nom ou un uuid de centralité du GeoPackage (connues : {known})</translation>
    </message>
    <message>
      <source>a chain type code ({codes}) or empty</source>
      <translation>un code de type d'enseigne ({codes}) ou vide</translation>
    </message>
    <message>
      <source>a channel_id of the GeoPackage (or give a site to create it)</source>
      <translation>un channel_id du GeoPackage (ou donnez un site pour le créer)</translation>
    </message>
    <message>
      <source>a channel_id present in the channel file</source>
      <translation>un channel_id présent dans le fichier des canaux</translation>
    </message>
    <message>
      <source>a column name used once (the second is read as {renamed})</source>
      <translation>un nom de colonne employé une seule fois (la seconde est lue sous le nom {renamed})</translation>
    </message>
    <message>
      <source>a coordinate (required for stops, stations and entrances)</source>
      <translation>une coordonnée (obligatoire pour les arrêts, stations et entrées)</translation>
    </message>
    <message>
      <source>a count &gt;= 0</source>
      <translation>un comptage &gt;= 0</translation>
    </message>
    <message>
      <source>a date and a time, e.g. 2024-03-01 14:05 or 01/03/2024 14:05</source>
      <translation>une date et une heure, par ex. 2024-03-01 14:05 ou 01/03/2024 14:05</translation>
    </message>
    <message>
      <source>a date between {first} and {last}</source>
      <translation>une date entre le {first} et le {last}</translation>
    </message>
    <message>
      <source>a date not after today ({today}): row kept</source>
      <translation>une date non postérieure à aujourd'hui ({today}) : ligne conservée</translation>
    </message>
    <message>
      <source>a date written YYYY-MM-DD, DD/MM/YYYY or DD/MM/YY</source>
      <translation>une date écrite AAAA-MM-JJ, JJ/MM/AAAA ou JJ/MM/AA</translation>
    </message>
    <message>
      <source>a date written {format}</source>
      <translation>une date écrite {format}</translation>
    </message>
    <message>
      <source>a date-time after start_datetime ({start})</source>
      <translation>une date-heure postérieure à start_datetime ({start})</translation>
    </message>
    <message>
      <source>a departure at or after the arrival ({arrival})</source>
      <translation>un départ égal ou postérieur à l'arrivée ({arrival})</translation>
    </message>
    <message>
      <source>a distance greater than the previous stop's ({previous}) along trip {trip} ({n} such stop(s))</source>
      <translation>une distance supérieure à celle de l'arrêt précédent ({previous}) le long de la course {trip} ({n} arrêt(s) concerné(s))</translation>
    </message>
    <message>
      <source>a facility given once (already at feature {row})</source>
      <translation>un équipement donné une seule fois (déjà à l'entité {row})</translation>
    </message>
    <message>
      <source>a finite number</source>
      <translation>un nombre fini</translation>
    </message>
    <message>
      <source>a finite number of m² greater than 0, or empty (infinity and NaN are not floor areas)</source>
      <translation>un nombre fini de m² supérieur à 0, ou vide (l'infini et NaN ne sont pas des surfaces)</translation>
    </message>
    <message>
      <source>a floor area of at most {max} m²</source>
      <translation>une surface d'au plus {max} m²</translation>
    </message>
    <message>
      <source>a height in centimetres, or N/A</source>
      <translation>une hauteur en centimètres, ou N/A</translation>
    </message>
    <message>
      <source>a line geometry</source>
      <translation>une géométrie linéaire</translation>
    </message>
    <message>
      <source>a local time that exists in {tz} (clocks went forward): give a UTC offset</source>
      <translation>une heure locale qui existe dans le fuseau {tz} (passage à l'heure d'été) : indiquez un décalage UTC</translation>
    </message>
    <message>
      <source>a location is required (the geometry is empty)</source>
      <translation>une position est obligatoire (la géométrie est vide)</translation>
    </message>
    <message>
      <source>a neutral baseline needs its first and last day</source>
      <translation>une référence neutre a besoin de son premier et de son dernier jour</translation>
    </message>
    <message>
      <source>a number</source>
      <translation>un nombre</translation>
    </message>
    <message>
      <source>a number of boardings or of alightings</source>
      <translation>un nombre de montées ou de descentes</translation>
    </message>
    <message>
      <source>a number of free or of occupied places</source>
      <translation>un nombre de places libres ou occupées</translation>
    </message>
    <message>
      <source>a number of m² greater than 0, or empty</source>
      <translation>un nombre de m² supérieur à 0, ou vide</translation>
    </message>
    <message>
      <source>a number of people or households &gt;= 0 (empty when unknown)</source>
      <translation>un nombre de personnes ou de ménages &gt;= 0 (vide s'il est inconnu)</translation>
    </message>
    <message>
      <source>a number of places from 0 to {max} (kept empty)</source>
      <translation>un nombre de places de 0 à {max} (laissé vide)</translation>
    </message>
    <message>
      <source>a parking_id (or name) of the GeoPackage's car parks or zones (import the car parks first)</source>
      <translation>un parking_id (ou un nom) des parcs ou zones du GeoPackage (importez d'abord les parcs de stationnement)</translation>
    </message>
    <message>
      <source>a parking_id of the GeoPackage's parkings (import the car parks first)</source>
      <translation>un parking_id des parkings du GeoPackage (importez d'abord les parkings)</translation>
    </message>
    <message>
      <source>a period written YYYY-MM, YYYY-Qn or YYYY (or a date)</source>
      <translation>une période écrite AAAA-MM, AAAA-Tn ou AAAA (ou une date)</translation>
    </message>
    <message>
      <source>a point or a polygon</source>
      <translation>un point ou un polygone</translation>
    </message>
    <message>
      <source>a polygon</source>
      <translation>un polygone</translation>
    </message>
    <message>
      <source>a preset needs a name</source>
      <translation>un modèle a besoin d'un nom</translation>
    </message>
    <message>
      <source>a required answer is missing</source>
      <translation>une réponse obligatoire manque</translation>
    </message>
    <message>
      <source>a route_id of routes.txt</source>
      <translation>un route_id de routes.txt</translation>
    </message>
    <message>
      <source>a service_id of calendar.txt or calendar_dates.txt</source>
      <translation>un service_id de calendar.txt ou calendar_dates.txt</translation>
    </message>
    <message>
      <source>a site_id present in the site file</source>
      <translation>un site_id présent dans le fichier des sites</translation>
    </message>
    <message>
      <source>a status code ({codes})</source>
      <translation>un code de statut ({codes})</translation>
    </message>
    <message>
      <source>a stay of at most {days} days (the maximum set; this one lasts {stay} days)</source>
      <translation>une durée d'au plus {days} jours (le maximum fixé ; celle-ci dure {stay} jours)</translation>
    </message>
    <message>
      <source>a stop_id of stops.txt (parent ignored)</source>
      <translation>un stop_id de stops.txt (parent ignoré)</translation>
    </message>
    <message>
      <source>a stop_id of the imported feed's stops.txt</source>
      <translation>un stop_id du stops.txt du flux importé</translation>
    </message>
    <message>
      <source>a symbolic link: not followed, not copied</source>
      <translation>un lien symbolique : non suivi, non copié</translation>
    </message>
    <message>
      <source>a ticket id used once per car park (duplicate)</source>
      <translation>un numéro de ticket utilisé une fois par parc (doublon)</translation>
    </message>
    <message>
      <source>a time H:MM:SS or HH:MM:SS (may exceed 24:00:00)</source>
      <translation>une heure H:MM:SS ou HH:MM:SS (peut dépasser 24:00:00)</translation>
    </message>
    <message>
      <source>a time not before the previous stop's departure</source>
      <translation>une heure non antérieure au départ de l'arrêt précédent</translation>
    </message>
    <message>
      <source>a time step in seconds &gt; 0</source>
      <translation>un pas de temps en secondes &gt; 0</translation>
    </message>
    <message>
      <source>a unique event id (duplicate)</source>
      <translation>un identifiant d'événement unique (doublon)</translation>
    </message>
    <message>
      <source>a unique key (already used at row {row})</source>
      <translation>une clé unique (déjà utilisée en ligne {row})</translation>
    </message>
    <message>
      <source>a valid calendar date-time ({error})</source>
      <translation>une date-heure valide du calendrier ({error})</translation>
    </message>
    <message>
      <source>a valid stop_id of stops.txt</source>
      <translation>un stop_id valide de stops.txt</translation>
    </message>
    <message>
      <source>a valid trip_id of trips.txt</source>
      <translation>un trip_id valide de trips.txt</translation>
    </message>
    <message>
      <source>a value (this field is required)</source>
      <translation>une valeur (ce champ est obligatoire)</translation>
    </message>
    <message>
      <source>a value &lt;= {maximum}</source>
      <translation>une valeur &lt;= {maximum}</translation>
    </message>
    <message>
      <source>a value &lt;= {maximum} (larger values are typing errors)</source>
      <translation>une valeur &lt;= {maximum} (au-delà, c'est une erreur de saisie)</translation>
    </message>
    <message>
      <source>a value &gt;= {minimum}</source>
      <translation>une valeur &gt;= {minimum}</translation>
    </message>
    <message>
      <source>a value &gt;= {minimum} (larger values are typing errors)</source>
      <translation>une valeur &gt;= {minimum} (au-delà, c'est une erreur de saisie)</translation>
    </message>
    <message>
      <source>a value is required</source>
      <translation>une valeur est obligatoire</translation>
    </message>
    <message>
      <source>a value matching the pattern {pattern}</source>
      <translation>une valeur conforme au motif {pattern}</translation>
    </message>
    <message>
      <source>a workbook this large is not an export of the observatory nor of KoboToolbox / ODK; save it again from the spreadsheet, without what it does not need</source>
      <translation>un classeur aussi volumineux n'est ni un export de l'observatoire ni un export KoboToolbox / ODK ; enregistrez-le à nouveau depuis le tableur, sans ce qui ne lui sert pas</translation>
    </message>
    <message>
      <source>a year (2023), a month (2023-06 or 06/2023) or a day (2023-06-15, 15/06/2023 or 15/06/23)</source>
      <translation>une année (2023), un mois (2023-06 ou 06/2023) ou un jour (2023-06-15, 15/06/2023 ou 15/06/23)</translation>
    </message>
    <message>
      <source>a year between {first} and {last}</source>
      <translation>une année entre {first} et {last}</translation>
    </message>
    <message>
      <source>a {expected} geometry is expected, not a {kind}</source>
      <translation>une géométrie {expected} est attendue, pas {kind}</translation>
    </message>
    <message>
      <source>activity coded in an old nomenclature (NAP / NAF 1993 / NAF rev. 1), not mapped; expected NAFRev2</source>
      <translation>activité codée dans une ancienne nomenclature (NAP / NAF 1993 / NAF rév. 1), non reliée ; NAFRev2 attendue</translation>
    </message>
    <message>
      <source>all centralities</source>
      <translation>toutes les centralités</translation>
    </message>
    <message>
      <source>alpha</source>
      <translation>alpha</translation>
    </message>
    <message>
      <source>alpha = {alpha:.4f} (s.e. {se_a}), beta = {beta:.4f} (s.e. {se_b:.4f}), log-likelihood {ll:.2f}, pseudo-R² {r2:.3f}, n = {n} (cost in {unit})</source>
      <translation>alpha = {alpha:.4f} (e.t. {se_a}), bêta = {beta:.4f} (e.t. {se_b:.4f}), log-vraisemblance {ll:.2f}, pseudo-R² {r2:.3f}, n = {n} (coût en {unit})</translation>
    </message>
    <message>
      <source>amount (€)</source>
      <translation>montant (€)</translation>
    </message>
    <message>
      <source>an INSEE commune code has 5 characters (e.g. 86194)</source>
      <translation>un code commune INSEE a 5 caractères (ex. 86194)</translation>
    </message>
    <message>
      <source>an ISO 8601 date-time with a UTC offset, e.g. 2022-03-27T10:00:00+02:00</source>
      <translation>une date-heure ISO 8601 avec décalage UTC, par ex. 2022-03-27T10:00:00+02:00</translation>
    </message>
    <message>
      <source>an ISO 8601 date-time with a UTC offset, e.g. 2022-03-27T10:00:00+02:00 (a time is required)</source>
      <translation>une date-heure ISO 8601 avec décalage UTC, par ex. 2022-03-27T10:00:00+02:00 (l'heure est obligatoire)</translation>
    </message>
    <message>
      <source>an ISO 8601 date-time with a UTC offset, e.g. 2022-03-27T10:00:00+02:00 (the UTC offset is missing)</source>
      <translation>une date-heure ISO 8601 avec décalage UTC, par ex. 2022-03-27T10:00:00+02:00 (le décalage UTC manque)</translation>
    </message>
    <message>
      <source>an activity group code ({codes})</source>
      <translation>un code de groupe d'activité ({codes})</translation>
    </message>
    <message>
      <source>an activity group code, required when the status is occupied ({codes})</source>
      <translation>un code de groupe d'activité, obligatoire quand le statut est occupé ({codes})</translation>
    </message>
    <message>
      <source>an end date on or after the start ({start})</source>
      <translation>une date de fin égale ou postérieure au début ({start})</translation>
    </message>
    <message>
      <source>an end on or after the start ({start})</source>
      <translation>une fin le jour du début ou après ({start})</translation>
    </message>
    <message>
      <source>an end_date on or after start_date</source>
      <translation>une end_date égale ou postérieure à start_date</translation>
    </message>
    <message>
      <source>an event ends ({end}) before it starts ({start}): fix its dates</source>
      <translation>un événement se termine ({end}) avant de commencer ({start}) : corrigez ses dates</translation>
    </message>
    <message>
      <source>an exit on or after the entry ({entry})</source>
      <translation>une sortie à l'heure de l'entrée ou après ({entry})</translation>
    </message>
    <message>
      <source>an id written INSEE-C-NNN, e.g. 35238-C-001</source>
      <translation>un identifiant écrit INSEE-C-NNN, par ex. 35238-C-001</translation>
    </message>
    <message>
      <source>an id written INSEE-P-NNN, e.g. 75114-P-001</source>
      <translation>un identifiant écrit INSEE-P-NNN, par ex. 75114-P-001</translation>
    </message>
    <message>
      <source>an identifier (the other features have one)</source>
      <translation>un identifiant (les autres entités en ont un)</translation>
    </message>
    <message>
      <source>an identifier (this field is required)</source>
      <translation>un identifiant (ce champ est obligatoire)</translation>
    </message>
    <message>
      <source>an integer</source>
      <translation>un nombre entier</translation>
    </message>
    <message>
      <source>an occupied premise needs an activity group</source>
      <translation>un local occupé doit avoir un groupe d'activité</translation>
    </message>
    <message>
      <source>answered with questionnaire version {value!r}, expected {expected}</source>
      <translation>réponse saisie avec la version {value!r} du questionnaire, {expected} attendue</translation>
    </message>
    <message>
      <source>at least one product expected</source>
      <translation>au moins un produit attendu</translation>
    </message>
    <message>
      <source>at most nb_places ({places}), which includes them</source>
      <translation>au plus nb_places ({places}), qui les inclut</translation>
    </message>
    <message>
      <source>at most the capacity ({capacity})</source>
      <translation>au plus la capacité ({capacity})</translation>
    </message>
    <message>
      <source>attracts</source>
      <translation>attire</translation>
    </message>
    <message>
      <source>background</source>
      <translation>fond de plan</translation>
    </message>
    <message>
      <source>band: {band}</source>
      <translation>seuil : {band}</translation>
    </message>
    <message>
      <source>base weight of response {row} is {value}: base weights must be finite and &gt; 0</source>
      <translation>le poids initial de la réponse {row} vaut {value} : les poids initiaux doivent être finis et &gt; 0</translation>
    </message>
    <message>
      <source>beta</source>
      <translation>bêta</translation>
    </message>
    <message>
      <source>blank row skipped</source>
      <translation>ligne vide ignorée</translation>
    </message>
    <message>
      <source>both arrival and departure times (the other is used)</source>
      <translation>les heures d'arrivée et de départ (l'autre est utilisée)</translation>
    </message>
    <message>
      <source>bpe_types: unknown range(s) {bad}; expected one of {ranges}</source>
      <translation>bpe_types : gamme(s) inconnue(s) {bad} ; valeurs attendues parmi {ranges}</translation>
    </message>
    <message>
      <source>calendar.txt or calendar_dates.txt</source>
      <translation>calendar.txt ou calendar_dates.txt</translation>
    </message>
    <message>
      <source>campaign dates not understood: {dates}; expected YYYY-MM-DD or a year</source>
      <translation>dates de campagne non comprises : {dates} ; attendu AAAA-MM-JJ ou une année</translation>
    </message>
    <message>
      <source>campaign {campaign}</source>
      <translation>campagne {campaign}</translation>
    </message>
    <message>
      <source>campaign {name!r} is already closed</source>
      <translation>la campagne {name!r} est déjà close</translation>
    </message>
    <message>
      <source>campaign {name!r} still has {n} observation(s) to confirm: visit them, or force the closure</source>
      <translation>la campagne {name!r} a encore {n} observation(s) à confirmer : visitez les locaux concernés, ou forcez la clôture</translation>
    </message>
    <message>
      <source>campaign(s) {campaigns} have neither a start date nor a year: durations cannot be measured</source>
      <translation>la ou les campagnes {campaigns} n'ont ni date de début ni année : les durées ne peuvent pas être mesurées</translation>
    </message>
    <message>
      <source>campaign(s) {campaigns} have no date: give them a start date or a year</source>
      <translation>la ou les campagnes {campaigns} n'ont pas de date : donnez-leur une date de début ou une année</translation>
    </message>
    <message>
      <source>cannot export the {table} form: {error}</source>
      <translation>impossible d'exporter le formulaire {table} : {error}</translation>
    </message>
    <message>
      <source>cannot infer the time step of the counts: give the channels a time step</source>
      <translation>impossible de déduire le pas de temps des comptages : donnez un pas de temps aux canaux</translation>
    </message>
    <message>
      <source>car park</source>
      <translation>parc de stationnement</translation>
    </message>
    <message>
      <source>car parks not published: the stationnement schema requires the SIRET of their operator (parameter OPERATOR_SIRET)</source>
      <translation>parcs de stationnement non publiés : le schéma stationnement exige le SIRET de leur gestionnaire (paramètre OPERATOR_SIRET)</translation>
    </message>
    <message>
      <source>carpool area</source>
      <translation>lieu de covoiturage</translation>
    </message>
    <message>
      <source>cell centre outside the territory</source>
      <translation>centre du carreau hors du territoire</translation>
    </message>
    <message>
      <source>centralities</source>
      <translation>centralités</translation>
    </message>
    <message>
      <source>centrality {name!r} has the code {code!r}: a code is made of lower-case letters, digits and single '_', starting with a letter</source>
      <translation>la centralité {name!r} a le code {code!r} : un code est fait de lettres minuscules, de chiffres et de « _ » isolés, et commence par une lettre</translation>
    </message>
    <message>
      <source>chains and franchises apart</source>
      <translation>hors enseignes et franchises</translation>
    </message>
    <message>
      <source>changeset entry without a primary key in table {table}</source>
      <translation>modification sans clé primaire dans la table {table}</translation>
    </message>
    <message>
      <source>choose at least one service date or the typical weekday</source>
      <translation>choisissez au moins un jour de service ou le jour ouvré type</translation>
    </message>
    <message>
      <source>choose the campaign: {n} campaigns are open ({names})</source>
      <translation>choisissez la campagne : {n} campagnes sont ouvertes ({names})</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>clôturée</translation>
    </message>
    <message>
      <source>closed to cars (walkable)</source>
      <translation>interdit aux voitures (praticable à pied)</translation>
    </message>
    <message>
      <source>closure</source>
      <translation>fermeture</translation>
    </message>
    <message>
      <source>code absent from bpe_equipment_types: no label or range</source>
      <translation>code absent de bpe_equipment_types : ni libellé ni gamme</translation>
    </message>
    <message>
      <source>code absent from bpe_types.csv: no label or range</source>
      <translation>code absent de bpe_types.csv : ni libellé ni gamme</translation>
    </message>
    <message>
      <source>column not in the schema (ignored)</source>
      <translation>colonne hors du schéma (ignorée)</translation>
    </message>
    <message>
      <source>column not in the schema (kept)</source>
      <translation>colonne hors du schéma (conservée)</translation>
    </message>
    <message>
      <source>columns absent from this file: left empty, not 0</source>
      <translation>colonnes absentes de ce fichier : laissées vides, pas 0</translation>
    </message>
    <message>
      <source>comes by: {answer}</source>
      <translation>vient : {answer}</translation>
    </message>
    <message>
      <source>comma</source>
      <translation>virgule</translation>
    </message>
    <message>
      <source>comma-separated values among: {values}</source>
      <translation>des valeurs séparées par des virgules parmi : {values}</translation>
    </message>
    <message>
      <source>computed on {date}</source>
      <translation>calculé le {date}</translation>
    </message>
    <message>
      <source>coordinates</source>
      <translation>coordonnées</translation>
    </message>
    <message>
      <source>coordinates that can be projected to the GeoPackage's CRS (EPSG:{epsg})</source>
      <translation>des coordonnées projetables dans le SCR du GeoPackage (EPSG:{epsg})</translation>
    </message>
    <message>
      <source>could not export the style of {layer}: {error}</source>
      <translation>impossible d'exporter le style de {layer} : {error}</translation>
    </message>
    <message>
      <source>counting channel</source>
      <translation>canal de comptage</translation>
    </message>
    <message>
      <source>counting channel {channel}: its time step is longer than a day; its counts cannot be published per day</source>
      <translation>canal de comptage {channel} : son pas de temps dépasse une journée ; ses comptages ne peuvent pas être publiés par jour</translation>
    </message>
    <message>
      <source>counting site</source>
      <translation>site de comptage</translation>
    </message>
    <message>
      <source>counting site(s) outside every centrality (and beyond the distance): {sites}</source>
      <translation>site(s) de comptage hors de toute centralité (et au-delà de la distance) : {sites}</translation>
    </message>
    <message>
      <source>criterion 'similarity' skipped: no criterion data to compare</source>
      <translation>critère « similarité » ignoré : aucune donnée de critère à comparer</translation>
    </message>
    <message>
      <source>criterion {criterion} skipped: no data for any candidate</source>
      <translation>critère {criterion} ignoré : aucune donnée pour aucun candidat</translation>
    </message>
    <message>
      <source>criterion {criterion} skipped: no such column in the data</source>
      <translation>critère {criterion} ignoré : cette colonne n'existe pas dans les données</translation>
    </message>
    <message>
      <source>criterion {criterion}: {n} candidate(s) without data score 0</source>
      <translation>critère {criterion} : {n} candidat(s) sans donnée obtiennent 0</translation>
    </message>
    <message>
      <source>critical</source>
      <translation>critique</translation>
    </message>
    <message>
      <source>dBase-style names (type and width removed)</source>
      <translation>noms de style dBase (type et largeur retirés)</translation>
    </message>
    <message>
      <source>datapackage.json</source>
      <translation>datapackage.json</translation>
    </message>
    <message>
      <source>dates</source>
      <translation>dates</translation>
    </message>
    <message>
      <source>day</source>
      <translation>jour</translation>
    </message>
    <message>
      <source>decimal mark</source>
      <translation>séparateur décimal</translation>
    </message>
    <message>
      <source>declared neutral period</source>
      <translation>période neutre déclarée</translation>
    </message>
    <message>
      <source>detected</source>
      <translation>détecté</translation>
    </message>
    <message>
      <source>duplicate SIRET: already read on an earlier row</source>
      <translation>SIRET en double : déjà lu sur une ligne précédente</translation>
    </message>
    <message>
      <source>duplicate identifier</source>
      <translation>identifiant en double</translation>
    </message>
    <message>
      <source>dwell class(es) without bounds in minutes (give them as label=lower-upper): their distribution is kept, no mean dwell</source>
      <translation>classe(s) de durée sans bornes en minutes (donnez-les sous la forme libellé=basse-haute) : leur répartition est conservée, pas de durée moyenne</translation>
    </message>
    <message>
      <source>dwell classes: the limits {edges} must be positive and increasing (minutes)</source>
      <translation>classes de durée : les bornes {edges} doivent être positives et croissantes (minutes)</translation>
    </message>
    <message>
      <source>dwell classes: {entry!r} is not written label=lower-upper in minutes (e.g. lt_30min=0-30; ge_4h=240-)</source>
      <translation>classes de durée : {entry!r} n'est pas écrit libellé=basse-haute en minutes (par ex. lt_30min=0-30 ; ge_4h=240-)</translation>
    </message>
    <message>
      <source>each observation once (already on row {row})</source>
      <translation>chaque observation une seule fois (déjà en ligne {row})</translation>
    </message>
    <message>
      <source>empty</source>
      <translation>vide</translation>
    </message>
    <message>
      <source>empty file</source>
      <translation>fichier vide</translation>
    </message>
    <message>
      <source>encoding</source>
      <translation>encodage</translation>
    </message>
    <message>
      <source>end date</source>
      <translation>date de fin</translation>
    </message>
    <message>
      <source>end date {end} is before start date {start}</source>
      <translation>la date de fin {end} précède la date de début {start}</translation>
    </message>
    <message>
      <source>equipment not geolocated</source>
      <translation>équipement non géolocalisé</translation>
    </message>
    <message>
      <source>establishment closed (expected A, active)</source>
      <translation>établissement fermé (A, actif, attendu)</translation>
    </message>
    <message>
      <source>every destination has the same attractiveness: alpha cannot be estimated; untick “Estimate alpha” and give its value</source>
      <translation>toutes les destinations ont la même attractivité : alpha ne peut pas être estimé ; décochez « Estimer alpha » et donnez sa valeur</translation>
    </message>
    <message>
      <source>every respondent gave the same answer to {column} ({value}): it cannot tell anyone apart</source>
      <translation>tous les répondants ont donné la même réponse à {column} ({value}) : elle ne distingue personne</translation>
    </message>
    <message>
      <source>expected a BPE equipment code such as B203</source>
      <translation>un code d'équipement BPE comme B203 était attendu</translation>
    </message>
    <message>
      <source>expected a NAF rev. 2 code such as 47.11F</source>
      <translation>un code NAF rév. 2 comme 47.11F était attendu</translation>
    </message>
    <message>
      <source>expected a value of type {type}</source>
      <translation>une valeur de type {type} était attendue</translation>
    </message>
    <message>
      <source>expected at least {limit}</source>
      <translation>au moins {limit} attendu</translation>
    </message>
    <message>
      <source>expected at most {limit}</source>
      <translation>au plus {limit} attendu</translation>
    </message>
    <message>
      <source>expected one of {values}</source>
      <translation>une valeur parmi {values} attendue</translation>
    </message>
    <message>
      <source>expected oui / non (or yes/no, 1/0, bio)</source>
      <translation>oui / non attendu (ou yes/no, 1/0, bio)</translation>
    </message>
    <message>
      <source>expected the pattern {pattern}</source>
      <translation>le motif {pattern} était attendu</translation>
    </message>
    <message>
      <source>export canceled</source>
      <translation>export annulé</translation>
    </message>
    <message>
      <source>fails to attract</source>
      <translation>n'attire pas</translation>
    </message>
    <message>
      <source>fewer than {n} respondents</source>
      <translation>moins de {n} répondants</translation>
    </message>
    <message>
      <source>fields and values given</source>
      <translation>champs et valeurs indiqués</translation>
    </message>
    <message>
      <source>file</source>
      <translation>fichier</translation>
    </message>
    <message>
      <source>file is not UTF-8: read as {encoding}</source>
      <translation>le fichier n'est pas en UTF-8 : lu en {encoding}</translation>
    </message>
    <message>
      <source>file not found: {path}</source>
      <translation>fichier introuvable : {path}</translation>
    </message>
    <message>
      <source>first synchronised wins: the value already in the shared GeoPackage is kept, this package's value is kept in the conflict report</source>
      <translation>le premier synchronisé l'emporte : la valeur déjà présente dans le GeoPackage partagé est conservée, celle de ce paquet est gardée dans le rapport de conflits</translation>
    </message>
    <message>
      <source>folder {folder} is not empty and holds no earlier open-data export: choose a new or empty folder</source>
      <translation>le dossier {folder} n'est pas vide et ne contient pas d'export de données ouvertes précédent : choisissez un dossier nouveau ou vide</translation>
    </message>
    <message>
      <source>folder {folder} is not empty and holds no earlier web map: choose a new or empty folder</source>
      <translation>le dossier {folder} n'est pas vide et ne contient pas de carte web déjà exportée : choisissez un dossier nouveau ou vide</translation>
    </message>
    <message>
      <source>free + occupied = capacity ({free} + {occupied} ≠ {capacity})</source>
      <translation>libres + occupées = capacité ({free} + {occupied} ≠ {capacity})</translation>
    </message>
    <message>
      <source>frequency must be one of {values}</source>
      <translation>la fréquence doit être l'une de : {values}</translation>
    </message>
    <message>
      <source>give a producers file, a markets file, or both</source>
      <translation>donnez un fichier de producteurs, un fichier de marchés, ou les deux</translation>
    </message>
    <message>
      <source>give at least one file: sites, channels or measures</source>
      <translation>donnez au moins un fichier : sites, canaux ou mesures</translation>
    </message>
    <message>
      <source>give mapping['channel_id'], channel_id=... or channel_columns</source>
      <translation>donnez mapping['channel_id'], channel_id=... ou channel_columns</translation>
    </message>
    <message>
      <source>give the producer of the data (the organisation publishing it)</source>
      <translation>indiquez le producteur des données (l'organisme qui les publie)</translation>
    </message>
    <message>
      <source>given</source>
      <translation>indiqué</translation>
    </message>
    <message>
      <source>header</source>
      <translation>en-tête</translation>
    </message>
    <message>
      <source>hourly profile not computed: a channel's time step does not divide one hour (time steps: {steps})</source>
      <translation>profil horaire non calculé : le pas de temps d'un canal ne divise pas une heure (pas de temps : {steps})</translation>
    </message>
    <message>
      <source>import canceled: nothing was written</source>
      <translation>import annulé : rien n'a été écrit</translation>
    </message>
    <message>
      <source>imported on {date}</source>
      <translation>importé le {date}</translation>
    </message>
    <message>
      <source>included, marked provisional</source>
      <translation>incluses, signalées comme provisoires</translation>
    </message>
    <message>
      <source>index</source>
      <translation>indice</translation>
    </message>
    <message>
      <source>index.html</source>
      <translation>index.html</translation>
    </message>
    <message>
      <source>inhabitants</source>
      <translation>habitants</translation>
    </message>
    <message>
      <source>inhabitants (5 min: {n})</source>
      <translation>habitants (5 min : {n})</translation>
    </message>
    <message>
      <source>its content is not a {kind} image</source>
      <translation>son contenu n'est pas une image {kind}</translation>
    </message>
    <message>
      <source>kind must be off_street or on_street</source>
      <translation>le type doit être off_street ou on_street</translation>
    </message>
    <message>
      <source>larger than {size} bytes</source>
      <translation>plus de {size} octets</translation>
    </message>
    <message>
      <source>left out</source>
      <translation>écartées</translation>
    </message>
    <message>
      <source>low</source>
      <translation>faible</translation>
    </message>
    <message>
      <source>low (fewer than {n} respondents)</source>
      <translation>faible (moins de {n} répondants)</translation>
    </message>
    <message>
      <source>main centre: {answer}</source>
      <translation>centre principal : {answer}</translation>
    </message>
    <message>
      <source>mapping entry {entry!r} is not written field=column</source>
      <translation>l'entrée de correspondance {entry!r} n'est pas écrite champ=colonne</translation>
    </message>
    <message>
      <source>mapping needs 'start_datetime' (a column, or [date column, time column])</source>
      <translation>la correspondance doit donner « start_datetime » (une colonne, ou [colonne de date, colonne d'heure])</translation>
    </message>
    <message>
      <source>mapping of {fields}: one column per field (a + join is not read here)</source>
      <translation>correspondance de {fields} : une colonne par champ (une jonction + n'est pas lue ici)</translation>
    </message>
    <message>
      <source>margin '{margin}' has no category with a population</source>
      <translation>la marge « {margin} » n'a aucune modalité peuplée</translation>
    </message>
    <message>
      <source>margin '{margin}' totals {total} persons but margin '{first}' totals {first_total}: margins must describe the same population</source>
      <translation>la marge « {margin} » totalise {total} personnes mais la marge « {first} » {first_total} : les marges doivent décrire la même population</translation>
    </message>
    <message>
      <source>margin '{margin}': category '{category}' has a population of {population} but no respondent; merge it with a neighbouring category</source>
      <translation>marge « {margin} » : la modalité « {category} » a une population de {population} mais aucun répondant ; regroupez-la avec une modalité voisine</translation>
    </message>
    <message>
      <source>margin '{margin}': category '{category}' has the population {value}; populations must be finite and &gt;= 0</source>
      <translation>marge « {margin} » : la modalité « {category} » a pour population {value} ; les populations doivent être finies et &gt;= 0</translation>
    </message>
    <message>
      <source>margin '{margin}': category '{category}' has {respondents} respondent(s) but a population of 0</source>
      <translation>marge « {margin} » : la modalité « {category} » compte {respondents} répondant(s) mais une population nulle</translation>
    </message>
    <message>
      <source>margin '{margin}': category '{category}' has {respondents} respondent(s) but no population total</source>
      <translation>marge « {margin} » : la modalité « {category} » compte {respondents} répondant(s) mais aucun effectif de population</translation>
    </message>
    <message>
      <source>margin '{margin}': the population {population} of category '{category}' cannot be reached with weight ratios within [{lower}, {upper}] (reachable: {low} to {high}); widen the bounds</source>
      <translation>marge « {margin} » : la population {population} de la modalité « {category} » ne peut pas être atteinte avec des rapports de poids dans [{lower}, {upper}] (atteignable : de {low} à {high}) ; élargissez les bornes</translation>
    </message>
    <message>
      <source>margin '{margin}': the responses have no column '{margin}'</source>
      <translation>marge « {margin} » : les réponses n'ont pas de colonne « {margin} »</translation>
    </message>
    <message>
      <source>margin '{margin}': {count} response(s) have no value (first: response {row}); give them a category or leave them out before weighting</source>
      <translation>marge « {margin} » : {count} réponse(s) sans valeur (première : réponse {row}) ; donnez-leur une modalité ou écartez-les avant le redressement</translation>
    </message>
    <message>
      <source>measure must be one of {values}</source>
      <translation>la mesure doit être l'une de : {values}</translation>
    </message>
    <message>
      <source>meta</source>
      <translation>métadonnées</translation>
    </message>
    <message>
      <source>meta must be a mapping (territory, producer, extracted…)</source>
      <translation>les métadonnées doivent être un dictionnaire (territory, producer, extracted…)</translation>
    </message>
    <message>
      <source>missing or non-numeric coordinates</source>
      <translation>coordonnées manquantes ou non numériques</translation>
    </message>
    <message>
      <source>moderate</source>
      <translation>modérée</translation>
    </message>
    <message>
      <source>month</source>
      <translation>mois</translation>
    </message>
    <message>
      <source>months</source>
      <translation>mois</translation>
    </message>
    <message>
      <source>name the source of the list (e.g. chambre_agriculture_86)</source>
      <translation>nommez la source de la liste (par ex. chambre_agriculture_86)</translation>
    </message>
    <message>
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <source>no (after the reference campaign)</source>
      <translation>non (postérieure à la campagne de référence)</translation>
    </message>
    <message>
      <source>no (open campaign)</source>
      <translation>non (campagne en cours)</translation>
    </message>
    <message>
      <source>no BPE type for its tags in osm_bpe_map</source>
      <translation>aucun type BPE pour ses étiquettes dans osm_bpe_map</translation>
    </message>
    <message>
      <source>no SIRENE history and no activity index in the GeoPackage: import them first</source>
      <translation>aucun historique SIRENE ni indice d'activité dans le GeoPackage : importez-les d'abord</translation>
    </message>
    <message>
      <source>no complete day of footfall: nothing to cross with the offer</source>
      <translation>aucune journée complète de fréquentation : rien à croiser avec l'offre</translation>
    </message>
    <message>
      <source>no coordinates (geocode the address and import again)</source>
      <translation>pas de coordonnées (géocodez l'adresse et importez à nouveau)</translation>
    </message>
    <message>
      <source>no counters (counting sites with counts) in the GeoPackage</source>
      <translation>aucun compteur (sites de comptage avec comptages) dans le GeoPackage</translation>
    </message>
    <message>
      <source>no counting channel in the GeoPackage: import counts first</source>
      <translation>aucun canal de comptage dans le GeoPackage : importez d'abord des comptages</translation>
    </message>
    <message>
      <source>no counting channel of mobility type {mobility} in the GeoPackage: import counts first</source>
      <translation>aucun canal de comptage de type de mobilité {mobility} dans le GeoPackage : importez d'abord des comptages</translation>
    </message>
    <message>
      <source>no counting site lies in a centrality (or within the distance given): increase the distance or declare their centrality</source>
      <translation>aucun site de comptage ne se trouve dans une centralité (ni à la distance donnée) : augmentez la distance ou déclarez leur centralité</translation>
    </message>
    <message>
      <source>no counting site lies in the centralities chosen ({names}) or within the distance given</source>
      <translation>aucun site de comptage ne se trouve dans les centralités choisies ({names}) ni à la distance indiquée</translation>
    </message>
    <message>
      <source>no criterion can be scored: every criterion lacks data</source>
      <translation>aucun critère ne peut être noté : tous les critères manquent de données</translation>
    </message>
    <message>
      <source>no feed named {feed!r} (feeds: {feeds})</source>
      <translation>aucun flux nommé {feed!r} (flux : {feeds})</translation>
    </message>
    <message>
      <source>no flow data (counts, parking occupancy or ridership) to measure the events with</source>
      <translation>aucune donnée de flux (comptages, occupation des parkings ou fréquentation) pour mesurer les événements</translation>
    </message>
    <message>
      <source>no footfall in {year} (years with data: {years})</source>
      <translation>aucune fréquentation en {year} (années disponibles : {years})</translation>
    </message>
    <message>
      <source>no inventory campaign in {year} or before: nothing to cross the footfall with</source>
      <translation>aucune campagne d'inventaire en {year} ou avant : rien à croiser avec la fréquentation</translation>
    </message>
    <message>
      <source>no level: {level} (the default level)</source>
      <translation>pas de niveau : {level} (le niveau par défaut)</translation>
    </message>
    <message>
      <source>no margin to rake to: give at least one margin (variable → category totals)</source>
      <translation>aucune marge de calage : donnez au moins une marge (variable → effectifs par modalité)</translation>
    </message>
    <message>
      <source>no meaning given: imported as {meaning} ({n} roads)</source>
      <translation>aucun sens donné : importée comme {meaning} ({n} routes)</translation>
    </message>
    <message>
      <source>no measure and no time step for the channel(s) {channels}: counted as gaps with the most common time step</source>
      <translation>aucune mesure ni pas de temps pour le ou les canaux {channels} : comptés comme lacunes avec le pas de temps le plus courant</translation>
    </message>
    <message>
      <source>no parking session and no presence data in the GeoPackage (in the window chosen): import them first</source>
      <translation>aucune session de stationnement ni donnée de présence dans le GeoPackage (dans la période choisie) : importez-les d'abord</translation>
    </message>
    <message>
      <source>no parking session to summarise</source>
      <translation>aucune session de stationnement à résumer</translation>
    </message>
    <message>
      <source>no parkings table or no row in it</source>
      <translation>pas de table parkings ou aucune ligne dedans</translation>
    </message>
    <message>
      <source>no public transport feed in the GeoPackage: import a GTFS feed first (ridership rows name its stops)</source>
      <translation>aucun réseau de transport en commun dans le GeoPackage : importez d'abord un flux GTFS (les lignes de fréquentation nomment ses arrêts)</translation>
    </message>
    <message>
      <source>no road network (run import_roads or build_network)</source>
      <translation>aucun réseau routier (lancez import_roads ou build_network)</translation>
    </message>
    <message>
      <source>no services of vintage {vintage!r} (vintages: {vintages})</source>
      <translation>aucun équipement du millésime {vintage!r} (millésimes : {vintages})</translation>
    </message>
    <message>
      <source>no shop, amenity, craft or tourism tag</source>
      <translation>aucune étiquette shop, amenity, craft ou tourism</translation>
    </message>
    <message>
      <source>no territory to clip to: every cell of the file is kept; give the territory (a polygon layer or an extent) to keep only its cells</source>
      <translation>aucun territoire pour découper : toutes les cellules du fichier sont gardées ; donnez le territoire (une couche de polygones ou une emprise) pour ne garder que ses cellules</translation>
    </message>
    <message>
      <source>no time step for the channel(s) {channels}</source>
      <translation>aucun pas de temps pour le ou les canaux {channels}</translation>
    </message>
    <message>
      <source>no usable capacity (spaces &gt; 0) for {keys}: rotation left empty</source>
      <translation>pas de capacité utilisable (places &gt; 0) pour {keys} : rotation laissée vide</translation>
    </message>
    <message>
      <source>no usable geometry</source>
      <translation>pas de géométrie utilisable</translation>
    </message>
    <message>
      <source>no visit</source>
      <translation>aucune venue</translation>
    </message>
    <message>
      <source>no weekday found (expected e.g. 'mardi;samedi')</source>
      <translation>aucun jour de la semaine trouvé (par ex. « mardi;samedi » attendu)</translation>
    </message>
    <message>
      <source>no weighted respondent to classify</source>
      <translation>aucun répondant pondéré à classer</translation>
    </message>
    <message>
      <source>no year: give the BPE vintage</source>
      <translation>pas d'année : indiquez le millésime de la BPE</translation>
    </message>
    <message>
      <source>no {table} table or no row in it</source>
      <translation>pas de table {table} ou aucune ligne dedans</translation>
    </message>
    <message>
      <source>not a GeoPackage geometry</source>
      <translation>pas une géométrie GeoPackage</translation>
    </message>
    <message>
      <source>not a car park (amenity=parking)</source>
      <translation>pas un parc de stationnement (amenity=parking)</translation>
    </message>
    <message>
      <source>not a highway</source>
      <translation>pas une voie (highway)</translation>
    </message>
    <message>
      <source>not a photo: only .jpg, .jpeg and .png files are copied</source>
      <translation>pas une photo : seuls les fichiers .jpg, .jpeg et .png sont copiés</translation>
    </message>
    <message>
      <source>not a readable geometry</source>
      <translation>géométrie illisible</translation>
    </message>
    <message>
      <source>not a regular file</source>
      <translation>pas un fichier ordinaire</translation>
    </message>
    <message>
      <source>not an SQLite file</source>
      <translation>pas un fichier SQLite</translation>
    </message>
    <message>
      <source>not an observatory GeoPackage (no observatory_meta table)</source>
      <translation>ce n'est pas un GeoPackage d'observatoire (pas de table observatory_meta)</translation>
    </message>
    <message>
      <source>not diffusible (expected {codes}): statistical secrecy</source>
      <translation>non diffusible ({codes} attendu) : secret statistique</translation>
    </message>
    <message>
      <source>not published: fewer than {n} respondents</source>
      <translation>non diffusé : moins de {n} répondants</translation>
    </message>
    <message>
      <source>not retail</source>
      <translation>hors commerce de détail</translation>
    </message>
    <message>
      <source>not visited</source>
      <translation>non fréquenté</translation>
    </message>
    <message>
      <source>not: {choice}</source>
      <translation>pas : {choice}</translation>
    </message>
    <message>
      <source>numba cannot be used ({error})</source>
      <translation>numba est inutilisable ({error})</translation>
    </message>
    <message>
      <source>numba is not installed</source>
      <translation>numba n'est pas installé</translation>
    </message>
    <message>
      <source>number of transactions</source>
      <translation>nombre de transactions</translation>
    </message>
    <message>
      <source>observation {observation} chose destination {destination}, which is unavailable (no path or zero attractiveness)</source>
      <translation>l'observation {observation} a choisi la destination {destination}, qui n'est pas accessible (aucun itinéraire ou attractivité nulle)</translation>
    </message>
    <message>
      <source>observations refer to unknown campaign(s): {campaigns}</source>
      <translation>des observations renvoient à des campagnes inconnues : {campaigns}</translation>
    </message>
    <message>
      <source>observations refer to unknown premise(s): {premises}</source>
      <translation>des observations renvoient à des locaux inconnus : {premises}</translation>
    </message>
    <message>
      <source>observatory_meta has no schema_version</source>
      <translation>observatory_meta n'a pas de schema_version</translation>
    </message>
    <message>
      <source>of the expected demand</source>
      <translation>de la demande attendue</translation>
    </message>
    <message>
      <source>off-street car parks (stationnement schema)</source>
      <translation>des parcs de stationnement hors voirie (schéma stationnement)</translation>
    </message>
    <message>
      <source>on-street parking zones</source>
      <translation>des zones de stationnement sur voirie</translation>
    </message>
    <message>
      <source>one measure per channel and start (duplicate of row {row})</source>
      <translation>une mesure par canal et par début (doublon de la ligne {row})</translation>
    </message>
    <message>
      <source>one of {values}</source>
      <translation>l'une des valeurs {values}</translation>
    </message>
    <message>
      <source>one of: {values}</source>
      <translation>l'une des valeurs : {values}</translation>
    </message>
    <message>
      <source>one period per siret and start date (duplicate)</source>
      <translation>une période par siret et date de début (doublon)</translation>
    </message>
    <message>
      <source>one row per car park and time (duplicate)</source>
      <translation>une ligne par parking et par instant (doublon)</translation>
    </message>
    <message>
      <source>one row per date, origin and destination (duplicate)</source>
      <translation>une ligne par date, origine et destination (doublon)</translation>
    </message>
    <message>
      <source>one row per point and period (duplicate)</source>
      <translation>une ligne par point et période (doublon)</translation>
    </message>
    <message>
      <source>one row per stop, date and period (duplicate)</source>
      <translation>une ligne par arrêt, date et période (doublon)</translation>
    </message>
    <message>
      <source>one row per zone, slot, category and dwell class (duplicate)</source>
      <translation>une ligne par zone, créneau, catégorie et classe de durée (doublon)</translation>
    </message>
    <message>
      <source>one value per zone, sector, period and measure (duplicate)</source>
      <translation>une valeur par zone, secteur, période et mesure (doublon)</translation>
    </message>
    <message>
      <source>one-way against the digitised direction</source>
      <translation>sens unique à contresens de la numérisation</translation>
    </message>
    <message>
      <source>one-way along the digitised direction</source>
      <translation>sens unique dans le sens de la numérisation</translation>
    </message>
    <message>
      <source>open</source>
      <translation>en cours</translation>
    </message>
    <message>
      <source>open to cars</source>
      <translation>ouvert aux voitures</translation>
    </message>
    <message>
      <source>opening</source>
      <translation>ouverture</translation>
    </message>
    <message>
      <source>option column {option!r} holds {value!r}, expected 1 or 0</source>
      <translation>la colonne d'option {option!r} contient {value!r}, 1 ou 0 attendu</translation>
    </message>
    <message>
      <source>other commune</source>
      <translation>autre commune</translation>
    </message>
    <message>
      <source>package {n!r} was already synchronised on {d}: importing it twice is refused</source>
      <translation>le paquet {n!r} a déjà été synchronisé le {d} : l'importer deux fois est refusé</translation>
    </message>
    <message>
      <source>package {uuid} was not prepared from {file}</source>
      <translation>le paquet {uuid} n'a pas été préparé à partir de {file}</translation>
    </message>
    <message>
      <source>page {n} / {total}</source>
      <translation>page {n} / {total}</translation>
    </message>
    <message>
      <source>parking_session_blocks, row fid {fid} (car park {parking}, month {month}): its arrays do not match their length or checksum (edited by hand?). Delete the row and import the sessions of that car park and month again.</source>
      <translation>parking_session_blocks, ligne fid {fid} (parc {parking}, mois {month}) : ses tableaux ne correspondent pas à leur longueur ou à leur somme de contrôle (modifiés à la main ?). Supprimez la ligne et importez à nouveau les sessions de ce parc et de ce mois.</translation>
    </message>
    <message>
      <source>passages/day in {year}</source>
      <translation>passages/jour en {year}</translation>
    </message>
    <message>
      <source>passages/day/counter</source>
      <translation>passages/jour/compteur</translation>
    </message>
    <message>
      <source>period must be year, month or all</source>
      <translation>la période doit être year, month ou all</translation>
    </message>
    <message>
      <source>photo {photo} already exists next to the shared file with a different content: rename one of them</source>
      <translation>la photo {photo} existe déjà à côté du fichier partagé avec un contenu différent : renommez l'une des deux</translation>
    </message>
    <message>
      <source>photo {photo} could not be copied next to the shared GeoPackage: {reason}</source>
      <translation>la photo {photo} n'a pas pu être copiée à côté du GeoPackage partagé : {reason}</translation>
    </message>
    <message>
      <source>pipe</source>
      <translation>barre verticale</translation>
    </message>
    <message>
      <source>places</source>
      <translation>lieux</translation>
    </message>
    <message>
      <source>premise {premise} is observed twice in campaign {campaign}: keep one observation</source>
      <translation>le local {premise} est observé deux fois dans la campagne {campaign} : gardez une seule observation</translation>
    </message>
    <message>
      <source>premise_observations row {uuid}: premise {premise} already has an observation in campaign {campaign} in the shared GeoPackage</source>
      <translation>premise_observations, ligne {uuid} : le local {premise} a déjà une observation dans la campagne {campaign} du GeoPackage partagé</translation>
    </message>
    <message>
      <source>premises by status, campaign {campaign}</source>
      <translation>locaux selon leur statut, campagne {campaign}</translation>
    </message>
    <message>
      <source>premises listed twice: {premises}</source>
      <translation>locaux listés deux fois : {premises}</translation>
    </message>
    <message>
      <source>presence data: dwell classes without bounds in minutes give their distribution only, no mean dwell</source>
      <translation>données de présence : des classes de durée sans bornes en minutes ne donnent que leur répartition, pas de durée moyenne</translation>
    </message>
    <message>
      <source>pyxform converts the form without error.</source>
      <translation>pyxform convertit le formulaire sans erreur.</translation>
    </message>
    <message>
      <source>pyxform refuses the generated form: {error}</source>
      <translation>pyxform refuse le formulaire généré : {error}</translation>
    </message>
    <message>
      <source>pyxform: {warning}</source>
      <translation>pyxform : {warning}</translation>
    </message>
    <message>
      <source>quarters</source>
      <translation>trimestres</translation>
    </message>
    <message>
      <source>raking did not converge in {iterations} sweeps: the largest change of a cell total was {change} (tolerance {epsilon}); widen the bounds, merge sparse categories or allow more iterations</source>
      <translation>le calage n'a pas convergé en {iterations} passages : la plus forte variation d'un effectif de case était de {change} (tolérance {epsilon}) ; élargissez les bornes, regroupez les modalités peu remplies ou autorisez plus d'itérations</translation>
    </message>
    <message>
      <source>relation {relation} is not valid</source>
      <translation>la relation {relation} n'est pas valide</translation>
    </message>
    <message>
      <source>required</source>
      <translation>obligatoire</translation>
    </message>
    <message>
      <source>resource {name}: field(s) {fields} are never published</source>
      <translation>ressource {name} : le(s) champ(s) {fields} ne sont jamais publiés</translation>
    </message>
    <message>
      <source>road {road!r}: oneway must be -1, 0 or 1</source>
      <translation>voie {road!r} : oneway doit valoir -1, 0 ou 1</translation>
    </message>
    <message>
      <source>road_nodes node_id values are not 0..n-1: run build_network</source>
      <translation>les valeurs node_id de road_nodes ne vont pas de 0 à n-1 : lancez build_network</translation>
    </message>
    <message>
      <source>same period one year before</source>
      <translation>même période un an avant</translation>
    </message>
    <message>
      <source>same submission id as row {row}</source>
      <translation>même identifiant de soumission qu'à la ligne {row}</translation>
    </message>
    <message>
      <source>same weekdays of the previous weeks</source>
      <translation>mêmes jours des semaines précédentes</translation>
    </message>
    <message>
      <source>schema mismatch: the package was prepared with schema version {p}, the shared GeoPackage is at version {s}; the schema must not change during a campaign (synchronise packages before upgrading, or prepare new packages)</source>
      <translation>schéma incompatible : le paquet a été préparé avec la version {p} du schéma, le GeoPackage partagé est en version {s} ; le schéma ne doit pas changer pendant une campagne (synchronisez les paquets avant la mise à niveau, ou préparez de nouveaux paquets)</translation>
    </message>
    <message>
      <source>schema mismatch: the synchronised tables of the shared GeoPackage changed since the package was prepared</source>
      <translation>schéma incompatible : les tables synchronisées du GeoPackage partagé ont changé depuis la préparation du paquet</translation>
    </message>
    <message>
      <source>schema mismatch: the tables of the agent's copy {file} differ from the shared GeoPackage's (a column was added or changed on the tablet?)</source>
      <translation>schéma incompatible : les tables de la copie de l'agent {file} diffèrent de celles du GeoPackage partagé (une colonne ajoutée ou modifiée sur la tablette ?)</translation>
    </message>
    <message>
      <source>semicolon</source>
      <translation>point-virgule</translation>
    </message>
    <message>
      <source>separator</source>
      <translation>séparateur</translation>
    </message>
    <message>
      <source>service date {value!r}: expected {expected}</source>
      <translation>date de service {value!r} : attendu {expected}</translation>
    </message>
    <message>
      <source>sheet</source>
      <translation>feuille</translation>
    </message>
    <message>
      <source>since {campaign}</source>
      <translation>depuis {campaign}</translation>
    </message>
    <message>
      <source>site {site!r} is not in the GeoPackage: give its name and position to create it</source>
      <translation>le site {site!r} n'est pas dans le GeoPackage : donnez son nom et sa position pour le créer</translation>
    </message>
    <message>
      <source>snapping tolerance must be &gt;= 0 m, got {tolerance}</source>
      <translation>la tolérance d'accrochage doit être &gt;= 0 m, reçu {tolerance}</translation>
    </message>
    <message>
      <source>sole trader whose record is not public: INSEE masks the address, so it is not placed; link SIRET {siret} to its premise by hand if it is one</source>
      <translation>entrepreneur individuel dont la fiche n'est pas diffusible : l'INSEE masque l'adresse, l'établissement n'est donc pas placé ; rattachez le SIRET {siret} à son local à la main s'il s'agit d'un commerce</translation>
    </message>
    <message>
      <source>split the feed, or keep the lines of your territory</source>
      <translation>découpez le flux, ou gardez les lignes de votre territoire</translation>
    </message>
    <message>
      <source>start date</source>
      <translation>date de début</translation>
    </message>
    <message>
      <source>synchronising field packages needs the Python package 'pygeodiff' (pip install pygeodiff)</source>
      <translation>la synchronisation des paquets terrain nécessite le paquet Python « pygeodiff » (pip install pygeodiff)</translation>
    </message>
    <message>
      <source>tab</source>
      <translation>tabulation</translation>
    </message>
    <message>
      <source>the BPE CSV file or an OpenStreetMap export</source>
      <translation>le fichier CSV de la BPE ou un export OpenStreetMap</translation>
    </message>
    <message>
      <source>the GeoPackage</source>
      <translation>le GeoPackage</translation>
    </message>
    <message>
      <source>the GeoPackage has no centrality</source>
      <translation>le GeoPackage ne contient aucune centralité</translation>
    </message>
    <message>
      <source>the GeoPackage has no closed inventory campaign: close a campaign (observatoire:close_campaign) or choose one</source>
      <translation>le GeoPackage ne contient aucune campagne d'inventaire close : clôturez une campagne (observatoire:close_campaign) ou choisissez-en une</translation>
    </message>
    <message>
      <source>the GeoPackage holds no centrality: the questionnaire asks about each centrality, add them first</source>
      <translation>le GeoPackage ne contient aucune centralité : le questionnaire porte sur chaque centralité, ajoutez-les d'abord</translation>
    </message>
    <message>
      <source>the GeoPackage holds no event: import events first</source>
      <translation>le GeoPackage ne contient aucun événement : importez d'abord des événements</translation>
    </message>
    <message>
      <source>the GeoPackage holds no inventory campaign</source>
      <translation>le GeoPackage ne contient aucune campagne d'inventaire</translation>
    </message>
    <message>
      <source>the GeoPackage holds no road network topology: run import_roads or build_network first</source>
      <translation>le GeoPackage ne contient pas de topologie du réseau viaire : lancez d'abord import_roads ou build_network</translation>
    </message>
    <message>
      <source>the GeoPackage holds no service: import the BPE first</source>
      <translation>le GeoPackage ne contient aucun équipement : importez d'abord la BPE</translation>
    </message>
    <message>
      <source>the GeoPackage is unchanged</source>
      <translation>le GeoPackage est inchangé</translation>
    </message>
    <message>
      <source>the GeoPackage's questionnaire tables are for version {stored!r}, this plugin's questionnaire is {current!r}: upgrade the plugin or the file</source>
      <translation>les tables du questionnaire du GeoPackage sont en version {stored!r}, le questionnaire de cette extension en version {current!r} : mettez à jour l'extension ou le fichier</translation>
    </message>
    <message>
      <source>the SIRENE history holds no creation, closure or transfer: give the first and last month</source>
      <translation>l'historique SIRENE ne contient ni création, ni fermeture, ni transfert : indiquez le premier et le dernier mois</translation>
    </message>
    <message>
      <source>the agent's edits could not be merged: {detail}</source>
      <translation>les saisies de l'agent n'ont pas pu être fusionnées : {detail}</translation>
    </message>
    <message>
      <source>the assigned channels have no count in the chosen window</source>
      <translation>les canaux affectés n'ont aucun comptage dans la période choisie</translation>
    </message>
    <message>
      <source>the base copy of package {name!r} is missing: {path}</source>
      <translation>la copie de référence du paquet {name!r} est introuvable : {path}</translation>
    </message>
    <message>
      <source>the base copy {file} does not match the checksum recorded when the package was prepared</source>
      <translation>la copie de référence {file} ne correspond pas à la somme de contrôle enregistrée à la préparation du paquet</translation>
    </message>
    <message>
      <source>the baseline needs at least one previous week</source>
      <translation>la référence a besoin d'au moins une semaine précédente</translation>
    </message>
    <message>
      <source>the calibration needs at least one observed choice</source>
      <translation>le calage a besoin d'au moins un choix observé</translation>
    </message>
    <message>
      <source>the campaign {name!r} is closed: choose an open campaign</source>
      <translation>la campagne {name!r} est close : choisissez une campagne ouverte</translation>
    </message>
    <message>
      <source>the car parks' operator SIRET must be 14 digits, got {value!r}</source>
      <translation>le SIRET du gestionnaire des parcs doit compter 14 chiffres, reçu {value!r}</translation>
    </message>
    <message>
      <source>the coordinates ({x:.6g}, {y:.6g}) lie outside the area of the table's CRS (x {x0:.0f} to {x1:.0f}, y {y0:.0f} to {y1:.0f}): a point in another CRS, e.g. WGS84 longitude and latitude?</source>
      <translation>les coordonnées ({x:.6g}, {y:.6g}) sont hors du domaine du SCR de la table (x de {x0:.0f} à {x1:.0f}, y de {y0:.0f} à {y1:.0f}) : un point dans un autre SCR, par exemple en longitude et latitude WGS84 ?</translation>
    </message>
    <message>
      <source>the coordinates are not finite numbers</source>
      <translation>les coordonnées ne sont pas des nombres finis</translation>
    </message>
    <message>
      <source>the feed runs no trip on a weekday</source>
      <translation>le flux n'a aucune course en semaine</translation>
    </message>
    <message>
      <source>the feed's calendar has no service date</source>
      <translation>le calendrier du flux ne compte aucun jour de service</translation>
    </message>
    <message>
      <source>the field package could not be written: {reason}</source>
      <translation>le paquet de terrain n'a pas pu être écrit : {reason}</translation>
    </message>
    <message>
      <source>the floor area must be a finite number of m² greater than 0 and at most 1 000 000</source>
      <translation>la surface doit être un nombre fini de m² supérieur à 0 et d'au plus 1 000 000</translation>
    </message>
    <message>
      <source>the floor area must be a number of m²</source>
      <translation>la surface doit être un nombre de m²</translation>
    </message>
    <message>
      <source>the form style {path} is missing from the plugin</source>
      <translation>le style de formulaire {path} manque dans l'extension</translation>
    </message>
    <message>
      <source>the geometry is in the CRS with srs_id {found}, the table's is {srs}: it must be reprojected</source>
      <translation>la géométrie est dans le SCR de srs_id {found}, celui de la table est {srs} : elle doit être reprojetée</translation>
    </message>
    <message>
      <source>the id of an observation of campaign {campaign!r} exported in this workbook (rows cannot be added)</source>
      <translation>l'identifiant d'une observation de la campagne {campaign!r} exportée dans ce classeur (on ne peut pas ajouter de lignes)</translation>
    </message>
    <message>
      <source>the last day ({end}) is before the first day ({start})</source>
      <translation>le dernier jour ({end}) précède le premier jour ({start})</translation>
    </message>
    <message>
      <source>the linear zones need at least one line</source>
      <translation>les zones linéaires nécessitent au moins une ligne</translation>
    </message>
    <message>
      <source>the long-term threshold is a non-negative number of years</source>
      <translation>le seuil de longue durée est un nombre d'années positif ou nul</translation>
    </message>
    <message>
      <source>the maximum stay must be at most {days} days</source>
      <translation>la durée maximale doit être d'au plus {days} jours</translation>
    </message>
    <message>
      <source>the maximum stay must be more than 0 days</source>
      <translation>la durée maximale doit dépasser 0 jour</translation>
    </message>
    <message>
      <source>the neutral period ends ({end}) before it starts ({start})</source>
      <translation>la période neutre se termine ({end}) avant de commencer ({start})</translation>
    </message>
    <message>
      <source>the observatory's GeoPackage {file}</source>
      <translation>GeoPackage de l'observatoire {file}</translation>
    </message>
    <message>
      <source>the perimeter is empty: choose at least one centrality</source>
      <translation>le périmètre est vide : choisissez au moins une centralité</translation>
    </message>
    <message>
      <source>the photo folder is a symbolic link: it is not followed, no photo is copied</source>
      <translation>le dossier des photos est un lien symbolique : il n'est pas suivi, aucune photo n'est copiée</translation>
    </message>
    <message>
      <source>the population grid is empty (run import_population_grid)</source>
      <translation>le carroyage de population est vide (lancez import_population_grid)</translation>
    </message>
    <message>
      <source>the premise lineage (splits and merges) has a cycle through premise {premise}: fix premise_lineage</source>
      <translation>la filiation des locaux (divisions et fusions) forme un cycle passant par le local {premise} : corrigez premise_lineage</translation>
    </message>
    <message>
      <source>the questionnaire table lacks the column(s) {columns}: open the GeoPackage with the plugin to upgrade it</source>
      <translation>la table du questionnaire n'a pas la ou les colonnes {columns} : ouvrez le GeoPackage avec l'extension pour le mettre à jour</translation>
    </message>
    <message>
      <source>the roads table holds no line: import roads first</source>
      <translation>la table roads ne contient aucune ligne : importez d'abord les voies</translation>
    </message>
    <message>
      <source>the row breaks a rule of the inventory forms and was not merged</source>
      <translation>la ligne enfreint une règle des formulaires d'inventaire et n'a pas été fusionnée</translation>
    </message>
    <message>
      <source>the row was deleted in the shared GeoPackage before this package was synchronised: the deletion stands, this package's edit is kept in the conflict report</source>
      <translation>la ligne a été supprimée dans le GeoPackage partagé avant la synchronisation de ce paquet : la suppression est maintenue, la modification de ce paquet est gardée dans le rapport de conflits</translation>
    </message>
    <message>
      <source>the row was edited in the shared GeoPackage before this package was synchronised: the edited row is kept, this package's deletion is kept in the conflict report</source>
      <translation>la ligne a été modifiée dans le GeoPackage partagé avant la synchronisation de ce paquet : la ligne modifiée est conservée, la suppression de ce paquet est gardée dans le rapport de conflits</translation>
    </message>
    <message>
      <source>the row was refused: {reason}</source>
      <translation>la ligne a été refusée : {reason}</translation>
    </message>
    <message>
      <source>the site position cannot be projected to the GeoPackage's CRS</source>
      <translation>la position du site ne peut pas être projetée dans le SCR du GeoPackage</translation>
    </message>
    <message>
      <source>the status is required: say whether the premise is occupied, vacant, under works…</source>
      <translation>le statut est obligatoire : indiquez si le local est occupé, vacant, en travaux…</translation>
    </message>
    <message>
      <source>the stored road network is inconsistent ({error}): run build_network</source>
      <translation>le réseau viaire enregistré est incohérent ({error}) : lancez build_network</translation>
    </message>
    <message>
      <source>the submission id is empty</source>
      <translation>l'identifiant de soumission est vide</translation>
    </message>
    <message>
      <source>the target premise has no value for {criteria}</source>
      <translation>le local cible n'a pas de valeur pour {criteria}</translation>
    </message>
    <message>
      <source>the target site {target} is not a candidate</source>
      <translation>le site cible {target} n'est pas un candidat</translation>
    </message>
    <message>
      <source>the time step declared for channel {channel} ({declared} s) does not match its measures, which are {observed} s apart: check the channel file</source>
      <translation>le pas de temps déclaré pour le canal {channel} ({declared} s) ne correspond pas à ses mesures, espacées de {observed} s : vérifiez le fichier de canaux</translation>
    </message>
    <message>
      <source>the typology cannot be computed: {error}</source>
      <translation>la typologie ne peut pas être calculée : {error}</translation>
    </message>
    <message>
      <source>the typology needs at least two behaviour questions</source>
      <translation>la typologie demande au moins deux questions de comportement</translation>
    </message>
    <message>
      <source>the value at export ({before}): the GeoPackage has changed it since to {now}; re-export the workbook</source>
      <translation>la valeur à l'export ({before}) : le GeoPackage l'a modifiée depuis en {now} ; exportez à nouveau le classeur</translation>
    </message>
    <message>
      <source>the whole territory</source>
      <translation>tout le territoire</translation>
    </message>
    <message>
      <source>this GeoPackage has no centralities table: it is not an observatory GeoPackage</source>
      <translation>ce GeoPackage n'a pas de table centralities : ce n'est pas un GeoPackage d'observatoire</translation>
    </message>
    <message>
      <source>this GeoPackage has no dwell-time and activity tables (schema v13): open it with the plugin to upgrade it first</source>
      <translation>ce GeoPackage n'a pas les tables de durée de présence et d'activité (schéma v13) : ouvrez-le d'abord avec l'extension pour le mettre à niveau</translation>
    </message>
    <message>
      <source>this GeoPackage has no flow tables (schema v7): open it with the plugin to upgrade it first</source>
      <translation>ce GeoPackage n'a pas les tables de flux (schéma v7) : ouvrez-le avec l'extension pour le mettre à niveau d'abord</translation>
    </message>
    <message>
      <source>this GeoPackage has no questionnaire tables (schema v4): open it with the plugin to upgrade it first</source>
      <translation>ce GeoPackage n'a pas les tables du questionnaire (schéma v4) : ouvrez-le avec l'extension pour le mettre à niveau d'abord</translation>
    </message>
    <message>
      <source>this GeoPackage has no services table (schema v6): open it with the plugin to upgrade it first</source>
      <translation>ce GeoPackage n'a pas de table services (schéma v6) : ouvrez-le d'abord avec l'extension pour le mettre à niveau</translation>
    </message>
    <message>
      <source>this GeoPackage has no {table} table (schema v10): open it with the plugin to upgrade it first</source>
      <translation>ce GeoPackage n'a pas de table {table} (schéma v10) : ouvrez-le d'abord avec l'extension pour le mettre à jour</translation>
    </message>
    <message>
      <source>this GeoPackage predates campaign workflows (schema v3): open it with the plugin to upgrade it first</source>
      <translation>ce GeoPackage est antérieur aux campagnes d'inventaire (schéma v3) : ouvrez-le avec l'extension pour le mettre à niveau d'abord</translation>
    </message>
    <message>
      <source>this GeoPackage predates the offer tables (schema v6): open it with the plugin to upgrade it first</source>
      <translation>ce GeoPackage est antérieur aux tables de l'offre (schéma v6) : ouvrez-le avec l'extension pour le mettre à niveau d'abord</translation>
    </message>
    <message>
      <source>this GeoPackage predates the purchase centrality question (schema v9): open it with the plugin to upgrade it first</source>
      <translation>ce GeoPackage est antérieur à la question sur la centralité d'achat (schéma v9) : ouvrez-le d'abord avec l'extension pour le mettre à niveau</translation>
    </message>
    <message>
      <source>this GeoPackage predates the questionnaire (schema v4): open it with the plugin to upgrade it first</source>
      <translation>ce GeoPackage est antérieur au questionnaire (schéma v4) : ouvrez-le avec l'extension pour le mettre à niveau d'abord</translation>
    </message>
    <message>
      <source>this GeoPackage predates the survey results tables (schema v11): open it with the plugin to upgrade it first</source>
      <translation>ce GeoPackage précède les tables de résultats d'enquête (schéma v11) : ouvrez-le d'abord avec l'extension pour le mettre à jour</translation>
    </message>
    <message>
      <source>this data file was already synchronised as package {name!r} on {date}: importing it twice is refused</source>
      <translation>ce fichier de données a déjà été synchronisé comme paquet {name!r} le {date} : l'importer deux fois est refusé</translation>
    </message>
    <message>
      <source>tile URL {url!r} must start with https:// and contain {{z}}, {{x}} and {{y}}</source>
      <translation>l'URL de tuiles {url!r} doit commencer par https:// et contenir {{z}}, {{x}} et {{y}}</translation>
    </message>
    <message>
      <source>time steps longer than one day cannot give daily footfall: channel(s) {channels}</source>
      <translation>des pas de temps de plus d'un jour ne donnent pas de fréquentation journalière : canal ou canaux {channels}</translation>
    </message>
    <message>
      <source>tolerance must be &gt; 0 and &lt; 1 (got {tolerance}), max_iterations &gt;= 1 (got {max_iterations})</source>
      <translation>la tolérance doit être &gt; 0 et &lt; 1 (reçu {tolerance}), le nombre maximal d'itérations &gt;= 1 (reçu {max_iterations})</translation>
    </message>
    <message>
      <source>too few respondents ({value}) to choose the number of types: give it</source>
      <translation>trop peu de répondants ({value}) pour choisir le nombre de types : donnez-le</translation>
    </message>
    <message>
      <source>trips of one block that do not overlap in time: trip {trip} starts before trip {previous} ends (first on {day})</source>
      <translation>des courses d'un même bloc qui ne se chevauchent pas : la course {trip} commence avant la fin de la course {previous} (première fois le {day})</translation>
    </message>
    <message>
      <source>two-way</source>
      <translation>double sens</translation>
    </message>
    <message>
      <source>unknown campaign {campaign!r}; campaigns in the GeoPackage: {campaigns}</source>
      <translation>campagne {campaign!r} inconnue ; campagnes du GeoPackage : {campaigns}</translation>
    </message>
    <message>
      <source>unknown campaign(s): {campaigns}</source>
      <translation>campagne(s) inconnue(s) : {campaigns}</translation>
    </message>
    <message>
      <source>unknown centrality uuid(s): {uuids}</source>
      <translation>uuid de centralité inconnu(s) : {uuids}</translation>
    </message>
    <message>
      <source>unknown column preset {name!r}; presets for this import: {known}</source>
      <translation>modèle de colonnes inconnu {name!r} ; modèles de cet import : {known}</translation>
    </message>
    <message>
      <source>unknown cost {cost!r}; expected one of {costs}</source>
      <translation>coût {cost!r} inconnu ; attendu l'un de {costs}</translation>
    </message>
    <message>
      <source>unknown event(s): {events}</source>
      <translation>événement(s) inconnu(s) : {events}</translation>
    </message>
    <message>
      <source>unknown flow(s) {flows}; expected among {known}</source>
      <translation>flux inconnu(s) {flows} ; attendus parmi {known}</translation>
    </message>
    <message>
      <source>unknown licence {licence!r}; expected one of {licences}</source>
      <translation>licence inconnue {licence!r} ; attendue parmi {licences}</translation>
    </message>
    <message>
      <source>unknown mode {mode!r}; expected walk or car</source>
      <translation>mode {mode!r} inconnu ; attendu walk (marche) ou car (voiture)</translation>
    </message>
    <message>
      <source>unknown product, kept as given</source>
      <translation>produit inconnu, conservé tel quel</translation>
    </message>
    <message>
      <source>unknown purchase category {category!r}; expected one of {expected}</source>
      <translation>catégorie d'achats {category!r} inconnue ; attendu : {expected}</translation>
    </message>
    <message>
      <source>unknown road preset {preset!r}; expected one of {known}</source>
      <translation>préréglage de routes inconnu {preset!r} ; attendu l'un de {known}</translation>
    </message>
    <message>
      <source>unknown sales mode, kept as given</source>
      <translation>mode de vente inconnu, conservé tel quel</translation>
    </message>
    <message>
      <source>unreadable ({error})</source>
      <translation>illisible ({error})</translation>
    </message>
    <message>
      <source>unreadable project XML ({error}, line {line})</source>
      <translation>XML de projet illisible ({error}, ligne {line})</translation>
    </message>
    <message>
      <source>updated on {date}</source>
      <translation>mis à jour le {date}</translation>
    </message>
    <message>
      <source>vacant for {years} years or more</source>
      <translation>vacants depuis {years} ans ou plus</translation>
    </message>
    <message>
      <source>value {value} is outside {minimum}..{maximum}</source>
      <translation>la valeur {value} est hors de {minimum}..{maximum}</translation>
    </message>
    <message>
      <source>value {value} must be lower than {other} ({other_value})</source>
      <translation>la valeur {value} doit être inférieure à {other} ({other_value})</translation>
    </message>
    <message>
      <source>week</source>
      <translation>semaine</translation>
    </message>
    <message>
      <source>weight bounds must satisfy 0 &lt;= lower &lt;= 1 &lt;= upper and lower &lt; upper (got {lower}, {upper})</source>
      <translation>les bornes des poids doivent vérifier 0 &lt;= basse &lt;= 1 &lt;= haute et basse &lt; haute (reçu {lower}, {upper})</translation>
    </message>
    <message>
      <source>weights renormalised over the remaining criteria (sum {total} % scaled to 100 %)</source>
      <translation>poids renormalisés sur les critères restants (somme de {total} % ramenée à 100 %)</translation>
    </message>
    <message>
      <source>whole data</source>
      <translation>toutes les données</translation>
    </message>
    <message>
      <source>worrying</source>
      <translation>préoccupante</translation>
    </message>
    <message>
      <source>year</source>
      <translation>année</translation>
    </message>
    <message>
      <source>years</source>
      <translation>années</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <source>yes, provisional</source>
      <translation>oui, provisoire</translation>
    </message>
    <message>
      <source>zone(s) not matching a centrality's name: kept under their own name</source>
      <translation>zone(s) ne correspondant au nom d'aucune centralité : conservées sous leur propre nom</translation>
    </message>
    <message>
      <source>{campaign} is still open: provisional figures ({share} of the premises visited)</source>
      <translation>{campaign} est en cours : chiffres provisoires ({share} des locaux visités)</translation>
    </message>
    <message>
      <source>{centrality} {verdict} type {k} ({name}): {share:.1f} % of its visitors, {territory:.1f} % in the territory.</source>
      <translation>{centrality} {verdict} le type {k} ({name}) : {share:.1f} % de ses visiteurs, {territory:.1f} % dans le territoire.</translation>
    </message>
    <message>
      <source>{centrality}: {gaps}</source>
      <translation>{centrality} : {gaps}</translation>
    </message>
    <message>
      <source>{complete} complete sessions, {open} without exit (counted apart), {rejected} rejected</source>
      <translation>{complete} sessions complètes, {open} sans sortie (comptées à part), {rejected} rejetées</translation>
    </message>
    <message>
      <source>{count} edit(s) of the table {table} were ignored: only premises, observations and lineage are synchronised.</source>
      <translation>{count} saisie(s) de la table {table} ont été ignorées : seuls les locaux, les observations et les filiations sont synchronisés.</translation>
    </message>
    <message>
      <source>{crs} is geographic: the observatory measures distances and areas in metres, choose a projected CRS such as EPSG:2154 (Lambert-93).</source>
      <translation>{crs} est géographique : l’observatoire mesure distances et surfaces en mètres, choisissez un SCR projeté comme EPSG:2154 (Lambert-93).</translation>
    </message>
    <message>
      <source>{data}: {source}</source>
      <translation>{data} : {source}</translation>
    </message>
    <message>
      <source>{date} is outside the feed's calendar ({first} to {last})</source>
      <translation>le {date} est hors du calendrier du flux (du {first} au {last})</translation>
    </message>
    <message>
      <source>{expected} cells as in the header, found {found}</source>
      <translation>{expected} cellules comme dans l'en-tête, {found} trouvées</translation>
    </message>
    <message>
      <source>{field}={value}: no BPE type given</source>
      <translation>{field}={value} : aucun type BPE donné</translation>
    </message>
    <message>
      <source>{file} cannot be read or written (permission denied).</source>
      <translation>{file} ne peut être ni lu ni écrit (permission refusée).</translation>
    </message>
    <message>
      <source>{file} cannot be written: the file or its folder is read-only (SQLite also writes a journal next to the file); check the permissions ({error})</source>
      <translation>{file} ne peut pas être écrit : le fichier ou son dossier est en lecture seule (SQLite écrit aussi un journal à côté du fichier) ; vérifiez les droits ({error})</translation>
    </message>
    <message>
      <source>{file} changed while the package was being merged (another program saved edits, maybe QGIS with a layer in edit mode): nothing was written, synchronise again</source>
      <translation>{file} a été modifié pendant la fusion du paquet (un autre programme y a enregistré des modifications, peut-être QGIS avec une couche en mode édition) : rien n'a été écrit, synchronisez à nouveau</translation>
    </message>
    <message>
      <source>{file} does not exist.</source>
      <translation>{file} n'existe pas.</translation>
    </message>
    <message>
      <source>{file} is locked by another program (edits being saved in QGIS, another synchronisation or import); try again when it has finished ({error})</source>
      <translation>{file} est verrouillé par un autre programme (modifications en cours d'enregistrement dans QGIS, autre synchronisation ou import) ; réessayez quand il aura terminé ({error})</translation>
    </message>
    <message>
      <source>{file} was changed by another program while this operation was running (edits saved in QGIS, another synchronisation or import): nothing was written; run the operation again</source>
      <translation>{file} a été modifié par un autre programme pendant cette opération (modifications enregistrées dans QGIS, autre synchronisation ou import) : rien n'a été écrit ; relancez l'opération</translation>
    </message>
    <message>
      <source>{file} was edited in WAL mode (QGIS or QField) and came back without {wal} and without any edit: the agent's edits are probably in {wal}, left on the tablet. Copy {file} and {wal} from the tablet into {folder} and synchronise again (nothing was written, the package can be synchronised later).</source>
      <translation>{file} a été modifié en mode WAL (QGIS ou QField) et revient sans {wal} et sans aucune modification : les modifications de l'agent sont probablement dans {wal}, resté sur la tablette. Copiez {file} et {wal} depuis la tablette dans {folder} et synchronisez à nouveau (rien n'a été écrit, le paquet pourra être synchronisé plus tard).</translation>
    </message>
    <message>
      <source>{file} was still open on the tablet: {shm} came back without {wal}, which holds the last edits. Copy {file} and {wal} from the tablet into {folder} (close QField first) and synchronise again; nothing was written.</source>
      <translation>{file} était encore ouvert sur la tablette : {shm} revient sans {wal}, qui contient les dernières modifications. Copiez {file} et {wal} depuis la tablette dans {folder} (fermez d'abord QField) et synchronisez à nouveau ; rien n'a été écrit.</translation>
    </message>
    <message>
      <source>{file}, row {row}</source>
      <translation>{file}, ligne {row}</translation>
    </message>
    <message>
      <source>{file}: SQLite error ({error})</source>
      <translation>{file} : erreur SQLite ({error})</translation>
    </message>
    <message>
      <source>{file}: announces UTF-16 but is damaged ({error})</source>
      <translation>{file} : annonce de l'UTF-16 mais est endommagé ({error})</translation>
    </message>
    <message>
      <source>{file}: both {classes} and {mean} hold values: a file gives either dwell classes or a mean dwell; map only one of them</source>
      <translation>{file} : {classes} et {mean} contiennent tous deux des valeurs : un fichier donne soit des classes de durée, soit une durée moyenne ; n'en associez qu'une</translation>
    </message>
    <message>
      <source>{file}: cannot be read ({error})</source>
      <translation>{file} : illisible ({error})</translation>
    </message>
    <message>
      <source>{file}: cannot be read as {encoding} ({error})</source>
      <translation>{file} : illisible en {encoding} ({error})</translation>
    </message>
    <message>
      <source>{file}: column(s) missing from sheet {sheet!r}: {columns}</source>
      <translation>{file} : colonne(s) absente(s) de la feuille {sheet!r} : {columns}</translation>
    </message>
    <message>
      <source>{file}: column(s) not found: {columns}; columns present: {present}</source>
      <translation>{file} : colonne(s) introuvable(s) : {columns} ; colonnes présentes : {present}</translation>
    </message>
    <message>
      <source>{file}: column(s) of required question(s) missing: {questions}; was the form generated for other centralities or another questionnaire version?</source>
      <translation>{file} : colonne(s) de question(s) obligatoire(s) absente(s) : {questions} ; le formulaire a-t-il été généré pour d'autres centralités ou une autre version du questionnaire ?</translation>
    </message>
    <message>
      <source>{file}: database or disk is full; free some disk space and try again ({error})</source>
      <translation>{file} : base de données ou disque plein ; libérez de l'espace disque et réessayez ({error})</translation>
    </message>
    <message>
      <source>{file}: expands to {size}, more than the {limit} accepted ({advice})</source>
      <translation>{file} : se décompresse en {size}, plus que les {limit} acceptés ({advice})</translation>
    </message>
    <message>
      <source>{file}: expected a .xlsx or .csv export, got {suffix!r}</source>
      <translation>{file} : un export .xlsx ou .csv était attendu, pas {suffix!r}</translation>
    </message>
    <message>
      <source>{file}: expected a GeoJSON FeatureCollection</source>
      <translation>{file} : une FeatureCollection GeoJSON était attendue</translation>
    </message>
    <message>
      <source>{file}: expected {what} ({extensions}).</source>
      <translation>{file} : attendu {what} ({extensions}).</translation>
    </message>
    <message>
      <source>{file}: exported for campaign {campaign!r} ({uuid}), which this GeoPackage does not hold</source>
      <translation>{file} : exporté pour la campagne {campaign!r} ({uuid}), absente de ce GeoPackage</translation>
    </message>
    <message>
      <source>{file}: file not found</source>
      <translation>{file} : fichier introuvable</translation>
    </message>
    <message>
      <source>{file}: its channels ({channels}) are not in the GeoPackage: give the site that creates them, or import the counter's channel file first</source>
      <translation>{file} : ses canaux ({channels}) ne sont pas dans le GeoPackage : indiquez le site qui les crée, ou importez d'abord le fichier de canaux du compteur</translation>
    </message>
    <message>
      <source>{file}: its channels ({channels}) are not in the GeoPackage: import the channel file (channel_*.csv) and the site file with the measures</source>
      <translation>{file} : ses canaux ({channels}) ne sont pas dans le GeoPackage : importez le fichier de canaux (channel_*.csv) et le fichier de sites avec les mesures</translation>
    </message>
    <message>
      <source>{file}: missing column(s) {columns}; columns read: {present}</source>
      <translation>{file} : colonne(s) manquante(s) {columns} ; colonnes lues : {present}</translation>
    </message>
    <message>
      <source>{file}: missing coordinates: expected x, y (and epsg) or longitude, latitude</source>
      <translation>{file} : coordonnées manquantes : attendu x, y (et epsg) ou longitude, latitude</translation>
    </message>
    <message>
      <source>{file}: no AN (year) column: give the BPE vintage</source>
      <translation>{file} : pas de colonne AN (année) : indiquez le millésime de la BPE</translation>
    </message>
    <message>
      <source>{file}: no dwell class ({classes}) and no mean dwell ({mean}): map the column that holds one of them</source>
      <translation>{file} : ni classe de durée ({classes}) ni durée moyenne ({mean}) : associez la colonne qui contient l'une d'elles</translation>
    </message>
    <message>
      <source>{file}: no layer with a cell id column (idcar_200m or IdINSPIRE); layers: {layers}</source>
      <translation>{file} : aucune couche avec une colonne d'identifiant de carreau (idcar_200m ou IdINSPIRE) ; couches : {layers}</translation>
    </message>
    <message>
      <source>{file}: no sheet named {sheet!r} (sheets: {sheets})</source>
      <translation>{file} : aucune feuille nommée {sheet!r} (feuilles : {sheets})</translation>
    </message>
    <message>
      <source>{file}: no submission id column (_uuid, meta/instanceID or KEY); it is needed so that a second import does not duplicate the answers</source>
      <translation>{file} : aucune colonne d'identifiant de soumission (_uuid, meta/instanceID ou KEY) ; elle est nécessaire pour qu'un second import ne duplique pas les réponses</translation>
    </message>
    <message>
      <source>{file}: none of its channels ({channels}) is in the channel file {channel_file} or in the GeoPackage</source>
      <translation>{file} : aucun de ses canaux ({channels}) n'est dans le fichier de canaux {channel_file} ni dans le GeoPackage</translation>
    </message>
    <message>
      <source>{file}: none of the questionnaire's questions is a column of this file; export the submissions from KoboToolbox or ODK with XML names as headers</source>
      <translation>{file} : aucune question du questionnaire n'est une colonne de ce fichier ; exportez les soumissions depuis KoboToolbox ou ODK avec les noms XML comme en-têtes</translation>
    </message>
    <message>
      <source>{file}: not a GTFS feed, missing {files}</source>
      <translation>{file} : ce n'est pas un flux GTFS, il manque {files}</translation>
    </message>
    <message>
      <source>{file}: not a GeoJSON file ({error})</source>
      <translation>{file} : ce n'est pas un fichier GeoJSON ({error})</translation>
    </message>
    <message>
      <source>{file}: not a GeoPackage GDAL can read</source>
      <translation>{file} : pas un GeoPackage lisible par GDAL</translation>
    </message>
    <message>
      <source>{file}: not a readable .xlsx workbook ({error})</source>
      <translation>{file} : classeur .xlsx illisible ({error})</translation>
    </message>
    <message>
      <source>{file}: not a readable CSV file ({error})</source>
      <translation>{file} : pas un fichier CSV lisible ({error})</translation>
    </message>
    <message>
      <source>{file}: not a readable zip archive ({error})</source>
      <translation>{file} : pas une archive zip lisible ({error})</translation>
    </message>
    <message>
      <source>{file}: not a text file (it holds NUL bytes: a binary file, or UTF-16 without byte-order mark); save it as CSV in UTF-8</source>
      <translation>{file} : pas un fichier texte (il contient des octets NUL : un fichier binaire, ou de l'UTF-16 sans marque d'ordre des octets) ; enregistrez-le en CSV UTF-8</translation>
    </message>
    <message>
      <source>{file}: not an OpenStreetMap file GDAL's OSM driver can read</source>
      <translation>{file} : ce n'est pas un fichier OpenStreetMap lisible par le pilote OSM de GDAL</translation>
    </message>
    <message>
      <source>{file}: not an inventory workbook exported by the observatory (sheets {sheet!r} and {export_sheet!r} expected); export the campaign first</source>
      <translation>{file} : ce n'est pas un classeur d'inventaire exporté par l'observatoire (feuilles {sheet!r} et {export_sheet!r} attendues) ; exportez d'abord la campagne</translation>
    </message>
    <message>
      <source>{file}: required column(s) not found: {missing}; columns read: {present} (separator {sep}, encoding {encoding}). Check the header row, the separator and the encoding.</source>
      <translation>{file} : colonne(s) obligatoire(s) introuvable(s) : {missing} ; colonnes lues : {present} (séparateur {sep}, encodage {encoding}). Vérifiez la ligne d'en-tête, le séparateur et l'encodage.</translation>
    </message>
    <message>
      <source>{file}: the file is empty (a header row is expected)</source>
      <translation>{file} : le fichier est vide (une ligne d'en-tête est attendue)</translation>
    </message>
    <message>
      <source>{file}: the mapping names unknown field(s) {fields}; the fields are {known}</source>
      <translation>{file} : la correspondance nomme des champs inconnus {fields} ; les champs sont {known}</translation>
    </message>
    <message>
      <source>{file}: the sheet cannot be read ({error})</source>
      <translation>{file} : la feuille est illisible ({error})</translation>
    </message>
    <message>
      <source>{file}: the sheet {sheet!r} is empty (a header row is expected)</source>
      <translation>{file} : la feuille {sheet!r} est vide (une ligne d'en-tête est attendue)</translation>
    </message>
    <message>
      <source>{file}: the workbook has no sheet</source>
      <translation>{file} : le classeur n'a aucune feuille</translation>
    </message>
    <message>
      <source>{file}: unknown inventory workbook format</source>
      <translation>{file} : format de classeur d'inventaire inconnu</translation>
    </message>
    <message>
      <source>{file}: {conventions}</source>
      <translation>{file} : {conventions}</translation>
    </message>
    <message>
      <source>{file}: {error}</source>
      <translation>{file} : {error}</translation>
    </message>
    <message>
      <source>{file}: {member} cannot be read from the archive ({error})</source>
      <translation>{file} : {member} ne peut être lu dans l'archive ({error})</translation>
    </message>
    <message>
      <source>{file}: {member} expands beyond the size the archive declares: the archive is damaged or forged</source>
      <translation>{file} : {member} se décompresse au-delà de la taille que l'archive déclare : l'archive est endommagée ou falsifiée</translation>
    </message>
    <message>
      <source>{file}: {member} expands {ratio:.0f} times ({size}), more than the {limit} times a text file does: the archive is refused</source>
      <translation>{file} : {member} se décompresse {ratio:.0f} fois ({size}), plus que les {limit} fois d'un fichier texte : l'archive est refusée</translation>
    </message>
    <message>
      <source>{file}: {member} is encrypted; give an archive without password</source>
      <translation>{file} : {member} est chiffré ; fournissez une archive sans mot de passe</translation>
    </message>
    <message>
      <source>{file}: {n} files in the archive, more than the {limit} accepted</source>
      <translation>{file} : {n} fichiers dans l'archive, plus que les {limit} acceptés</translation>
    </message>
    <message>
      <source>{file}: {size} MB of text, more than the {limit} MB accepted</source>
      <translation>{file} : {size} Mo de texte, plus que les {limit} Mo acceptés</translation>
    </message>
    <message>
      <source>{first} or {second}</source>
      <translation>{first} ou {second}</translation>
    </message>
    <message>
      <source>{flow} not published: the licence of source {sources} is not one of the open licences ({open}). List the source with its licence in the plugin's resources/reporting/sources.csv, or tick INCLUDE_NOT_OPEN (publish anyway) if you hold the right to publish them under {licence}.</source>
      <translation>{flow} non publiés : la licence de la source {sources} n'est pas l'une des licences ouvertes ({open}). Inscrivez la source et sa licence dans le fichier resources/reporting/sources.csv de l'extension, ou cochez INCLUDE_NOT_OPEN (publier quand même) si vous détenez le droit de les publier sous {licence}.</translation>
    </message>
    <message>
      <source>{flow} published on your declaration that you hold the right to publish them under {licence}: source {sources}.</source>
      <translation>{flow} publiés sur votre déclaration de détenir le droit de les publier sous {licence} : source {sources}.</translation>
    </message>
    <message>
      <source>{folder} is a file, not a folder</source>
      <translation>{folder} est un fichier, pas un dossier</translation>
    </message>
    <message>
      <source>{folder} is a file, not a folder.</source>
      <translation>{folder} est un fichier, pas un dossier.</translation>
    </message>
    <message>
      <source>{folder} is not a field package: it has no {manifest}.</source>
      <translation>{folder} n'est pas un paquet terrain : il n'a pas de {manifest}.</translation>
    </message>
    <message>
      <source>{folder}: not a field package (no {manifest})</source>
      <translation>{folder} : ce n'est pas un paquet terrain (pas de {manifest})</translation>
    </message>
    <message>
      <source>{folder}: the manifest's {what} {value!r} is not a path inside the package folder: the package is refused</source>
      <translation>{folder} : le champ {what} {value!r} du manifeste n'est pas un chemin dans le dossier du paquet : le paquet est refusé</translation>
    </message>
    <message>
      <source>{folder}: the package folder must be new or empty</source>
      <translation>{folder} : le dossier du paquet doit être nouveau ou vide</translation>
    </message>
    <message>
      <source>{folder}: the package has no {file}</source>
      <translation>{folder} : le paquet ne contient pas {file}</translation>
    </message>
    <message>
      <source>{free} or {occupied}</source>
      <translation>{free} ou {occupied}</translation>
    </message>
    <message>
      <source>{k} types of {n} respondents ({kept:.1f} % of the inertia on the {ncp} dimensions kept):</source>
      <translation>{k} types de {n} répondants ({kept:.1f} % de l'inertie sur les {ncp} dimensions gardées) :</translation>
    </message>
    <message>
      <source>{label} {value!r} is not a date (expected YYYY-MM-DD)</source>
      <translation>{label} {value!r} n'est pas une date (format attendu AAAA-MM-JJ)</translation>
    </message>
    <message>
      <source>{mode} speed of {road_class!r} must be &gt;= 0 km/h, got {speed}</source>
      <translation>la vitesse {mode} de {road_class!r} doit être &gt;= 0 km/h, reçu {speed}</translation>
    </message>
    <message>
      <source>{mode} speeds of the preset's classes: {speeds}</source>
      <translation>vitesses {mode} des classes du préréglage : {speeds}</translation>
    </message>
    <message>
      <source>{module} (Debian/Ubuntu: {deb}; pip: {pip})</source>
      <translation>{module} (Debian/Ubuntu : {deb} ; pip : {pip})</translation>
    </message>
    <message>
      <source>{name} closed with {count} observation(s) still to confirm.</source>
      <translation>{name} close avec {count} observation(s) encore à confirmer.</translation>
    </message>
    <message>
      <source>{name} closed.</source>
      <translation>{name} close.</translation>
    </message>
    <message>
      <source>{name}: {count} observations to confirm, {prefilled} pre-filled from the previous campaign, {new} premises without history.</source>
      <translation>{name} : {count} observations à confirmer, {prefilled} pré-remplies à partir de la campagne précédente, {new} locaux sans historique.</translation>
    </message>
    <message>
      <source>{name}: {premises} premises ({active} active, {vacant} vacant), {area} ha</source>
      <translation>{name} : {premises} locaux ({active} actifs, {vacant} vacants), {area} ha</translation>
    </message>
    <message>
      <source>{name}: {visited} of {total} observations visited ({percent} %), {to_visit} to visit.</source>
      <translation>{name} : {visited} observations visitées sur {total} ({percent} %), {to_visit} à visiter.</translation>
    </message>
    <message>
      <source>{n} answers for this purchase: {used} name a centrality and are used; {other} buy outside the centralities (elsewhere, online, periphery…).</source>
      <translation>{n} réponses pour ces achats : {used} nomment une centralité et sont utilisées ; {other} achètent hors des centralités (ailleurs, en ligne, en périphérie…).</translation>
    </message>
    <message>
      <source>{n} answers skipped: their home IRIS or commune is not in the home zones layer ({codes}).</source>
      <translation>{n} réponses écartées : leur IRIS ou commune de domicile n'est pas dans la couche des zones de domicile ({codes}).</translation>
    </message>
    <message>
      <source>{n} answers skipped: unknown centrality code ({codes}).</source>
      <translation>{n} réponses écartées : code de centralité inconnu ({codes}).</translation>
    </message>
    <message>
      <source>{n} candidates are farther than 100 m from the network: no population value (they score 0 on it).</source>
      <translation>{n} candidats sont à plus de 100 m du réseau : pas de valeur de population (ils obtiennent 0 sur ce critère).</translation>
    </message>
    <message>
      <source>{n} candidates have only a small isolated part of the network within 100 m: their population reached is that of this part (check the roads around them).</source>
      <translation>{n} candidats n'ont qu'une petite partie isolée du réseau à moins de 100 m : leur population atteinte est celle de cette partie (vérifiez les routes autour).</translation>
    </message>
    <message>
      <source>{n} centralities visited</source>
      <translation>{n} centralités fréquentées</translation>
    </message>
    <message>
      <source>{n} centralities · campaign {campaign} · vacancy of the territory {rate}</source>
      <translation>{n} centralités · campagne {campaign} · vacance du territoire {rate}</translation>
    </message>
    <message>
      <source>{n} centralities · {premises} premises observed</source>
      <translation>{n} centralités · {premises} locaux observés</translation>
    </message>
    <message>
      <source>{n} centrality code(s) were missing: derived from the names and written to the GeoPackage.</source>
      <translation>{n} code(s) de centralité manquai(en)t : tiré(s) des noms et écrit(s) dans le GeoPackage.</translation>
    </message>
    <message>
      <source>{n} choices selected, at most {count} allowed</source>
      <translation>{n} choix cochés, {count} au maximum</translation>
    </message>
    <message>
      <source>{n} demand points are farther than {tol} m from the network: no destination is available to them.</source>
      <translation>{n} points de demande sont à plus de {tol} m du réseau : aucune destination ne leur est accessible.</translation>
    </message>
    <message>
      <source>{n} demand points have no available destination and are left out.</source>
      <translation>{n} points de demande n'ont aucune destination accessible et sont laissés de côté.</translation>
    </message>
    <message>
      <source>{n} demand points have only a small isolated part of the network within {tol} m: few or no destinations are available to them.</source>
      <translation>{n} points de demande n'ont qu'une petite partie isolée du réseau à moins de {tol} m : peu ou pas de destinations leur sont accessibles.</translation>
    </message>
    <message>
      <source>{n} establishment(s) without position (no row with coordinates in a SIRENE stock file, no premise linked to their SIRET): counted outside every centrality</source>
      <translation>{n} établissement(s) sans position (aucune ligne avec coordonnées dans un fichier stock SIRENE, aucun local lié à leur SIRET) : comptés hors de toute centralité</translation>
    </message>
    <message>
      <source>{n} establishments without coordinates: placed through a premise linked to their siret, or outside every centrality</source>
      <translation>{n} établissements sans coordonnées : placés par un local lié à leur siret, sinon hors de toute centralité</translation>
    </message>
    <message>
      <source>{n} features without an OpenStreetMap id (@id, id, osm_id and osm_type, full_id): keyed by their tags and position</source>
      <translation>{n} objets sans identifiant OpenStreetMap (@id, id, osm_id et osm_type, full_id) : identifiés par leurs étiquettes et leur position</translation>
    </message>
    <message>
      <source>{n} figure(s) not shown: fewer than {min} respondents</source>
      <translation>{n} résultat(s) non diffusé(s) : moins de {min} répondants</translation>
    </message>
    <message>
      <source>{n} figures: {suppressed} not published (fewer than 11 respondents), {low} of low precision.</source>
      <translation>{n} chiffres : {suppressed} non publiés (moins de 11 répondants), {low} de faible précision.</translation>
    </message>
    <message>
      <source>{n} home zones hold no populated cell of the population grid: their centroid is used ({zones}).</source>
      <translation>{n} zones de domicile ne contiennent aucun carreau peuplé de la grille de population : leur centroïde est utilisé ({zones}).</translation>
    </message>
    <message>
      <source>{n} indicators written</source>
      <translation>{n} indicateurs écrits</translation>
    </message>
    <message>
      <source>{n} invalid row(s): nothing was written. Correct the workbook and import it again.</source>
      <translation>{n} ligne(s) invalide(s) : rien n'a été écrit. Corrigez le classeur et importez-le de nouveau.</translation>
    </message>
    <message>
      <source>{n} observation(s) are still to confirm (pre-filled from the previous campaign): counted with their pre-filled status</source>
      <translation>{n} observation(s) restent à confirmer (pré-remplies depuis la campagne précédente) : comptées avec leur statut pré-rempli</translation>
    </message>
    <message>
      <source>{n} observation(s) are still to confirm (pre-filled from the previous campaign): left out of the counts</source>
      <translation>{n} observation(s) restent à confirmer (pré-remplies depuis la campagne précédente) : exclues des décomptes</translation>
    </message>
    <message>
      <source>{n} observation(s) have the status 'unknown' (premise not yet recorded in its campaign): left out of the counts</source>
      <translation>{n} observation(s) ont le statut « inconnu » (local pas encore relevé dans sa campagne) : exclues des décomptes</translation>
    </message>
    <message>
      <source>{n} observations chose a destination unavailable to them (no network path or zero attractiveness) and are skipped.</source>
      <translation>{n} observations ont choisi une destination qui leur est inaccessible (aucun chemin sur le réseau ou attractivité nulle) et sont écartées.</translation>
    </message>
    <message>
      <source>{n} observations name no known destination and are skipped: {values}</source>
      <translation>{n} observations ne nomment aucune destination connue et sont écartées : {values}</translation>
    </message>
    <message>
      <source>{n} origin(s) are farther than {tol} m from the network usable on this mode and get no catchment: {origins}</source>
      <translation>{n} origine(s) sont à plus de {tol} m du réseau praticable dans ce mode et n'ont pas de zone de chalandise : {origins}</translation>
    </message>
    <message>
      <source>{n} origin(s) have only a small isolated part of the network usable on this mode within {tol} m (less than {share} % of the nodes of its main part): their catchment is limited to that part (origins output: on_main_part = 0). Check the roads around them: {origins}</source>
      <translation>{n} origine(s) n'ont qu'une petite partie isolée du réseau praticable dans ce mode à moins de {tol} m (moins de {share} % des nœuds de sa partie principale) : leur zone se limite à cette partie (sortie des origines : on_main_part = 0). Vérifiez les routes autour : {origins}</translation>
    </message>
    <message>
      <source>{n} population cells ({pop} inhabitants) are farther than {tol} m from the network usable on this mode: they are never counted.</source>
      <translation>{n} carreaux de population ({pop} habitants) sont à plus de {tol} m du réseau praticable dans ce mode : ils ne sont jamais comptés.</translation>
    </message>
    <message>
      <source>{n} premises are farther than {tol} m from the network: never counted.</source>
      <translation>{n} locaux sont à plus de {tol} m du réseau : jamais comptés.</translation>
    </message>
    <message>
      <source>{n} premises in long-term vacancy</source>
      <translation>{n} locaux en vacance de longue durée</translation>
    </message>
    <message>
      <source>{n} presence row(s) left out (missing or unreadable values)</source>
      <translation>{n} ligne(s) de présence écartée(s) (valeurs manquantes ou illisibles)</translation>
    </message>
    <message>
      <source>{n} producers are farther than {tol} m from the roads usable on this mode and are never reached.</source>
      <translation>{n} producteurs sont à plus de {tol} m des routes utilisables par ce mode et ne sont jamais atteints.</translation>
    </message>
    <message>
      <source>{n} producers or markets are farther than {tol} m from the roads usable on this mode and are never reached.</source>
      <translation>{n} producteurs ou marchés sont à plus de {tol} m des routes praticables par ce mode et ne sont jamais atteints.</translation>
    </message>
    <message>
      <source>{n} resources written to {folder}: {rows}</source>
      <translation>{n} ressources écrites dans {folder} : {rows}</translation>
    </message>
    <message>
      <source>{n} respondents live outside the home zones ({places}): add their zones to the layer, give an 'outside' home_zone margin, or leave them out of the weighting.</source>
      <translation>{n} répondants résident hors des zones de résidence ({places}) : ajoutez leurs zones à la couche, donnez une marge home_zone « outside », ou écartez-les du calage.</translation>
    </message>
    <message>
      <source>{n} respondents live outside the home zones and are left out of the weighting ({places}).</source>
      <translation>{n} répondants résident hors des zones de résidence et sont écartés du calage ({places}).</translation>
    </message>
    <message>
      <source>{n} responses weighted by the run {run} are no longer in the questionnaire table: weight the answers again.</source>
      <translation>{n} réponses pondérées par le calage {run} ne sont plus dans la table du questionnaire : pondérez à nouveau les réponses.</translation>
    </message>
    <message>
      <source>{n} results have gaps or no data: see the warning column.</source>
      <translation>{n} résultats ont des lacunes ou aucune donnée : voir la colonne warning.</translation>
    </message>
    <message>
      <source>{n} roads read; writing and building the network…</source>
      <translation>{n} routes lues ; écriture et construction du réseau…</translation>
    </message>
    <message>
      <source>{n} session(s) entering outside the analysis window {start} – {end} left out</source>
      <translation>{n} session(s) entrées hors de la période d'analyse {start} – {end} écartée(s)</translation>
    </message>
    <message>
      <source>{n} sessions a week</source>
      <translation>{n} séances par semaine</translation>
    </message>
    <message>
      <source>{n} sessions without exit: kept as open sessions (counted apart, left out of the dwell statistics)</source>
      <translation>{n} sessions sans sortie : conservées comme sessions ouvertes (comptées à part, hors des statistiques de durée)</translation>
    </message>
    <message>
      <source>{origin} ({n} nodes)</source>
      <translation>{origin} ({n} nœuds)</translation>
    </message>
    <message>
      <source>{pages} pages written to {path} ({n} centralities).</source>
      <translation>{pages} pages écrites dans {path} ({n} centralités).</translation>
    </message>
    <message>
      <source>{parameter} {field!r} is not a field of the layer. Its fields: {fields}.</source>
      <translation>{parameter} {field!r} n'est pas un champ de la couche. Ses champs : {fields}.</translation>
    </message>
    <message>
      <source>{parameter}: {error}. Write class=km/h items separated by commas, e.g. residential=30, footway=0.</source>
      <translation>{parameter} : {error}. Écrivez des éléments classe=km/h séparés par des virgules, par ex. residential=30, footway=0.</translation>
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
      <source>{path} cannot be read: {error}</source>
      <translation>{path} ne peut pas être lu : {error}</translation>
    </message>
    <message>
      <source>{path} cannot be written (read-only file or folder): check its permissions, then run again. The GeoPackage was not changed.</source>
      <translation>{path} ne peut pas être écrit (fichier ou dossier en lecture seule) : vérifiez ses droits, puis relancez. Le GeoPackage n'a pas été modifié.</translation>
    </message>
    <message>
      <source>{path} has schema version {old}: it is upgraded to {new} in the same transaction as this run, so that neither is written if the run fails or is canceled.</source>
      <translation>{path} a la version de schéma {old} : il est mis à niveau vers {new} dans la même transaction que ce traitement, de sorte que ni l'un ni l'autre n'est écrit si le traitement échoue ou est annulé.</translation>
    </message>
    <message>
      <source>{path} has schema version {old}; this version of the plugin works on version {new}. Upgrade it first with “Upgrade an observatory GeoPackage” (observatoire:upgrade_geopackage; a copy of the file as it is is kept beside it), or import data into it: imports upgrade it in their own transaction. Nothing was changed.</source>
      <translation>{path} est au schéma de version {old} ; cette version de l’extension travaille sur la version {new}. Mettez-le d’abord à niveau avec « Mettre à niveau un GeoPackage d’observatoire » (observatoire:upgrade_geopackage ; une copie du fichier tel qu’il est est gardée à côté), ou importez-y des données : les imports le mettent à niveau dans leur propre transaction. Rien n’a été modifié.</translation>
    </message>
    <message>
      <source>{path} has schema version {old}; this version of the plugin works on {new}. Upgrade it (a copy of the file as it is is kept beside it) before running analyses.</source>
      <translation>{path} est au schéma de version {old} ; cette version de l’extension travaille sur la version {new}. Mettez-le à niveau (une copie du fichier tel qu’il est est gardée à côté) avant de lancer des analyses.</translation>
    </message>
    <message>
      <source>{path} has schema version {version}, newer than this plugin understands ({latest}): update the plugin.</source>
      <translation>{path} a la version de schéma {version}, plus récente que celles que ce plugin connaît ({latest}) : mettez le plugin à jour.</translation>
    </message>
    <message>
      <source>{path} holds no centrality yet.</source>
      <translation>{path} ne contient encore aucune centralité.</translation>
    </message>
    <message>
      <source>{path} is a symbolic link: a field package is never read through a link (copy the real file into the package folder)</source>
      <translation>{path} est un lien symbolique : un paquet de terrain n'est jamais lu à travers un lien (copiez le vrai fichier dans le dossier du paquet)</translation>
    </message>
    <message>
      <source>{path} is already at schema version {version}: nothing to do.</source>
      <translation>{path} est déjà au schéma de version {version} : rien à faire.</translation>
    </message>
    <message>
      <source>{path} is damaged or is not a GeoPackage ("{error}").</source>
      <translation>{path} est endommagé ou n'est pas un GeoPackage (« {error} »).</translation>
    </message>
    <message>
      <source>{path} is in use by another program (an editing session in QGIS, a synchronisation or an import): save or stop it, then run again. The GeoPackage was not changed.</source>
      <translation>{path} est utilisé par un autre programme (une session d'édition dans QGIS, une synchronisation ou un import) : enregistrez ou arrêtez-le, puis relancez. Le GeoPackage n'a pas été modifié.</translation>
    </message>
    <message>
      <source>{path} is not a regular file</source>
      <translation>{path} n'est pas un fichier ordinaire</translation>
    </message>
    <message>
      <source>{path} is not an observatory GeoPackage.</source>
      <translation>{path} n’est pas un GeoPackage d’observatoire.</translation>
    </message>
    <message>
      <source>{path} is not an observatory GeoPackage: {error}</source>
      <translation>{path} n’est pas un GeoPackage d’observatoire : {error}</translation>
    </message>
    <message>
      <source>{path} lacks a table or column the algorithm needs ("{error}"): open it with this version of the plugin to upgrade it, or check it is an observatory GeoPackage.</source>
      <translation>Il manque à {path} une table ou une colonne nécessaire à l'algorithme (« {error} ») : ouvrez-le avec cette version de l'extension pour le mettre à niveau, ou vérifiez qu'il s'agit bien d'un GeoPackage d'observatoire.</translation>
    </message>
    <message>
      <source>{path} was upgraded from schema {old} to {new} in the same transaction as this run; a copy of the previous file is kept at {backup}.</source>
      <translation>{path} a été mis à niveau du schéma {old} au schéma {new} dans la même transaction que ce traitement ; une copie du fichier précédent est conservée dans {backup}.</translation>
    </message>
    <message>
      <source>{path} was upgraded from schema {old} to {new}; a copy of the file as it was is kept at {backup}.</source>
      <translation>{path} a été mis à niveau du schéma {old} au schéma {new} ; une copie du fichier tel qu’il était est gardée dans {backup}.</translation>
    </message>
    <message>
      <source>{path}: QGIS stored no project named {name}</source>
      <translation>{path} : QGIS n'a enregistré aucun projet nommé {name}</translation>
    </message>
    <message>
      <source>{path}: expected an .osm, .osm.pbf or .geojson file.</source>
      <translation>{path} : un fichier .osm, .osm.pbf ou .geojson est attendu.</translation>
    </message>
    <message>
      <source>{path}: file already exists</source>
      <translation>{path} : le fichier existe déjà</translation>
    </message>
    <message>
      <source>{path}: malformed manifest (wrong type for {keys})</source>
      <translation>{path} : manifeste mal formé (type incorrect pour {keys})</translation>
    </message>
    <message>
      <source>{path}: manifest lacks {keys}</source>
      <translation>{path} : il manque au manifeste {keys}</translation>
    </message>
    <message>
      <source>{path}: no field_packages registry (schema too old)</source>
      <translation>{path} : pas de registre field_packages (schéma trop ancien)</translation>
    </message>
    <message>
      <source>{path}: no such GeoPackage file</source>
      <translation>{path} : fichier GeoPackage introuvable</translation>
    </message>
    <message>
      <source>{path}: no such file</source>
      <translation>{path} : fichier introuvable</translation>
    </message>
    <message>
      <source>{path}: not a GeoPackage (application_id {app_id})</source>
      <translation>{path} : ce n'est pas un GeoPackage (application_id {app_id})</translation>
    </message>
    <message>
      <source>{path}: not a GeoPackage ({error})</source>
      <translation>{path} : ce n'est pas un GeoPackage ({error})</translation>
    </message>
    <message>
      <source>{path}: not a readable GeoPackage ({error})</source>
      <translation>{path} : GeoPackage illisible ({error})</translation>
    </message>
    <message>
      <source>{path}: not an Observatoire field package manifest</source>
      <translation>{path} : ce n'est pas un manifeste de paquet terrain de l'Observatoire</translation>
    </message>
    <message>
      <source>{path}: schema version {version} is newer than this plugin understands (up to {latest}); update the Observatoire du commerce plugin</source>
      <translation>{path} : la version {version} du schéma est plus récente que celles que comprend cette extension (jusqu'à {latest}) ; mettez à jour l'extension Observatoire du commerce</translation>
    </message>
    <message>
      <source>{path}: schema version {version} needs migrating to {latest}</source>
      <translation>{path} : la version {version} du schéma doit être migrée vers la version {latest}</translation>
    </message>
    <message>
      <source>{path}: the background layer {table} could not be written ({error})</source>
      <translation>{path} : la couche de fond {table} n'a pas pu être écrite ({error})</translation>
    </message>
    <message>
      <source>{path}: the project could not be stored ({error})</source>
      <translation>{path} : le projet n'a pas pu être enregistré dans le GeoPackage ({error})</translation>
    </message>
    <message>
      <source>{path}: the project could not be written ({error})</source>
      <translation>{path} : le projet n'a pas pu être écrit ({error})</translation>
    </message>
    <message>
      <source>{path}: the table {table} cannot be loaded as a layer</source>
      <translation>{path} : la table {table} ne peut pas être chargée comme couche</translation>
    </message>
    <message>
      <source>{path}: unreadable manifest ({error})</source>
      <translation>{path} : manifeste illisible ({error})</translation>
    </message>
    <message>
      <source>{path}: upgrading the schema from version {current} to {target} failed at version {version} ({error}); the file was left unchanged</source>
      <translation>{path} : la mise à niveau du schéma de la version {current} à la version {target} a échoué à la version {version} ({error}) ; le fichier n'a pas été modifié</translation>
    </message>
    <message>
      <source>{photo} was not copied: {reason}.</source>
      <translation>{photo} n'a pas été copié : {reason}.</translation>
    </message>
    <message>
      <source>{rank}. {group} (score {score:.2f}: {missing:.0f} % miss it, density {density:.2f} vs {median:.2f} per 1 000)</source>
      <translation>{rank}. {group} (score {score:.2f} : {missing:.0f} % le regrettent, densité {density:.2f} contre {median:.2f} pour 1 000)</translation>
    </message>
    <message>
      <source>{read} rows read: {added} added, {updated} updated, {unchanged} unchanged, {rejected} rejected; {warnings} warnings</source>
      <translation>{read} lignes lues : {added} ajoutées, {updated} mises à jour, {unchanged} inchangées, {rejected} rejetées ; {warnings} avertissements</translation>
    </message>
    <message>
      <source>{roads} roads imported ({oneway} one-way, {closed} closed to cars); network of {nodes} nodes and {edges} edges in {parts} connected part(s).</source>
      <translation>{roads} routes importées ({oneway} à sens unique, {closed} interdites aux voitures) ; réseau de {nodes} nœuds et {edges} arcs en {parts} partie(s) connexe(s).</translation>
    </message>
    <message>
      <source>{role} value {value}: {n} roads → {meaning}</source>
      <translation>{role}, valeur {value} : {n} routes → {meaning}</translation>
    </message>
    <message>
      <source>{role} {field!r} is not a field of the layer. Its fields: {fields}.</source>
      <translation>{role} {field!r} n'est pas un champ de la couche. Ses champs : {fields}.</translation>
    </message>
    <message>
      <source>{role} {field!r}: values with no meaning given, imported as {meaning}: {values}.</source>
      <translation>{role} {field!r} : valeurs sans signification donnée, importées en {meaning} : {values}.</translation>
    </message>
    <message>
      <source>{rows} premises of campaign {campaign} written to {path}.</source>
      <translation>{rows} locaux de la campagne {campaign} écrits dans {path}.</translation>
    </message>
    <message>
      <source>{sign}{value} pts since {period}</source>
      <translation>{sign}{value} pts depuis {period}</translation>
    </message>
    <message>
      <source>{sign}{value} since {period}</source>
      <translation>{sign}{value} depuis {period}</translation>
    </message>
    <message>
      <source>{size} bytes, more than the {limit} bytes a photo may have</source>
      <translation>{size} octets, plus que les {limit} octets permis pour une photo</translation>
    </message>
    <message>
      <source>{source} (licence: {licence})</source>
      <translation>{source} (licence : {licence})</translation>
    </message>
    <message>
      <source>{source} (no licence recorded)</source>
      <translation>{source} (aucune licence enregistrée)</translation>
    </message>
    <message>
      <source>{table} row {uuid}: this uuid already exists in the shared GeoPackage</source>
      <translation>{table}, ligne {uuid} : cet uuid existe déjà dans le GeoPackage partagé</translation>
    </message>
    <message>
      <source>{table}: {added} added, {updated} updated, {unchanged} unchanged</source>
      <translation>{table} : {added} ajoutées, {updated} mises à jour, {unchanged} inchangées</translation>
    </message>
    <message>
      <source>{table}: {count} rows</source>
      <translation>{table} : {count} lignes</translation>
    </message>
    <message>
      <source>{tag} has no activity group in osm_activity_map.csv; add it</source>
      <translation>{tag} n'a pas de groupe d'activité dans osm_activity_map.csv ; ajoutez-le</translation>
    </message>
    <message>
      <source>{tag} not a shop front</source>
      <translation>{tag} n'est pas une devanture commerciale</translation>
    </message>
    <message>
      <source>{total} interviews in all; {received} received so far.</source>
      <translation>{total} entretiens en tout ; {received} reçus jusqu'ici.</translation>
    </message>
    <message>
      <source>{tz} is not a known time zone (e.g. Europe/Paris)</source>
      <translation>{tz} n'est pas un fuseau horaire connu (par exemple Europe/Paris)</translation>
    </message>
    <message>
      <source>{value!r} ({n} features)</source>
      <translation>{value!r} ({n} entités)</translation>
    </message>
    <message>
      <source>{value!r} disagrees with the option columns ({ticked})</source>
      <translation>{value!r} ne correspond pas aux colonnes d'options ({ticked})</translation>
    </message>
    <message>
      <source>{value!r} does not belong to {other} {other_value!r}</source>
      <translation>{value!r} n'appartient pas à {other} {other_value!r}</translation>
    </message>
    <message>
      <source>{value!r} does not match {regex}</source>
      <translation>{value!r} ne correspond pas au format {regex}</translation>
    </message>
    <message>
      <source>{value!r} is not a choice of list {choice_list} ({choices})</source>
      <translation>{value!r} n'est pas un choix de la liste {choice_list} ({choices})</translation>
    </message>
    <message>
      <source>{value!r} is not a code of the field's list ({codes})</source>
      <translation>{value!r} n'est pas un code de la liste du champ ({codes})</translation>
    </message>
    <message>
      <source>{value!r} is not a whole number</source>
      <translation>{value!r} n'est pas un nombre entier</translation>
    </message>
    <message>
      <source>{value!r} is outside the field's range</source>
      <translation>{value!r} est hors de l'intervalle du champ</translation>
    </message>
    <message>
      <source>{value} ({n} roads)</source>
      <translation>{value} ({n} routes)</translation>
    </message>
    <message>
      <source>{value} is not a date: write it as YYYY-MM-DD (e.g. 2025-03-01).</source>
      <translation>{value} n'est pas une date : écrivez-la sous la forme AAAA-MM-JJ (par ex. 2025-03-01).</translation>
    </message>
    <message>
      <source>{value} is not in the table {table} of the shared GeoPackage (refused or deleted)</source>
      <translation>{value} n'est pas dans la table {table} du GeoPackage partagé (refusé ou supprimé)</translation>
    </message>
    <message>
      <source>{value} respondents are too many for the exact clustering: give a number of pre-clusters (e.g. 100)</source>
      <translation>{value} répondants sont trop nombreux pour la classification exacte : donnez un nombre de pré-classes (p. ex. 100)</translation>
    </message>
    <message>
      <source>{value} types cannot be formed from so few respondents</source>
      <translation>{value} types ne peuvent pas être formés avec si peu de répondants</translation>
    </message>
    <message>
      <source>{value}%</source>
      <translation>{value} %</translation>
    </message>
    <message>
      <source>{what} value {value!r} is given two meanings: {first} and {second}.</source>
      <translation>La valeur {what} {value!r} reçoit deux significations : {first} et {second}.</translation>
    </message>
    <message>
      <source>{what} {key}: field {field} = {value!r} is not published in the national schema ({reason})</source>
      <translation>{what} {key} : champ {field} = {value!r}, non publié dans le schéma national ({reason})</translation>
    </message>
    <message>
      <source>{what}, row {row}</source>
      <translation>{what}, ligne {row}</translation>
    </message>
    <message>
      <source>{what}, row {row} ({id})</source>
      <translation>{what}, ligne {row} ({id})</translation>
    </message>
    <message>
      <source>{what}, row {row}: expected a mapping of field names to values, got {type}</source>
      <translation>{what}, ligne {row} : un dictionnaire champ → valeur est attendu, reçu {type}</translation>
    </message>
    <message>
      <source>{what}: field extracted (date of extraction) must be a date YYYY-MM-DD, got {value!r}</source>
      <translation>{what} : le champ extracted (date d'extraction) doit être une date AAAA-MM-JJ, reçu {value!r}</translation>
    </message>
    <message>
      <source>{what}: field {field} is required</source>
      <translation>{what} : le champ {field} est obligatoire</translation>
    </message>
    <message>
      <source>{what}: language {value!r} is not available (available: {languages})</source>
      <translation>{what} : la langue {value!r} n'est pas disponible (disponibles : {languages})</translation>
    </message>
    <message>
      <source>{where}: a key figure must be a mapping ({{'text': …}} or {{'label': …, 'value': …}}), got {value!r}</source>
      <translation>{where} : un chiffre clé doit être un dictionnaire ({{'text': …}} ou {{'label': …, 'value': …}}), reçu {value!r}</translation>
    </message>
    <message>
      <source>{where}: a key figure needs either text, or label and value; got {value!r}</source>
      <translation>{where} : un chiffre clé demande soit text, soit label et value ; reçu {value!r}</translation>
    </message>
    <message>
      <source>{where}: a road needs geometry or coordinates</source>
      <translation>{where} : une voie demande geometry ou coordinates</translation>
    </message>
    <message>
      <source>{where}: centrality {code!r} is not among the centralities given (known: {known}) and the row has no centrality_name</source>
      <translation>{where} : la centralité {code!r} ne fait pas partie des centralités fournies (connues : {known}) et la ligne n'a pas de centrality_name</translation>
    </message>
    <message>
      <source>{where}: code {code!r} is given twice</source>
      <translation>{where} : le code {code!r} est donné deux fois</translation>
    </message>
    <message>
      <source>{where}: coordinates must be [longitude, latitude] pairs</source>
      <translation>{where} : les coordonnées doivent être des paires [longitude, latitude]</translation>
    </message>
    <message>
      <source>{where}: expected a GeoJSON geometry of type {types}, got {value}</source>
      <translation>{where} : une géométrie GeoJSON de type {types} est attendue, reçu {value}</translation>
    </message>
    <message>
      <source>{where}: field code is required</source>
      <translation>{where} : le champ code est obligatoire</translation>
    </message>
    <message>
      <source>{where}: field days holds {value!r}; expected French weekday names ({days})</source>
      <translation>{where} : le champ days contient {value!r} ; des noms de jours en français sont attendus ({days})</translation>
    </message>
    <message>
      <source>{where}: field figures must be a list of key figures, got {type}</source>
      <translation>{where} : le champ figures doit être une liste de chiffres clés, reçu {type}</translation>
    </message>
    <message>
      <source>{where}: field id is required</source>
      <translation>{where} : le champ id est obligatoire</translation>
    </message>
    <message>
      <source>{where}: field kind must be one of {kinds}, got {value!r}</source>
      <translation>{where} : le champ kind doit valoir {kinds}, reçu {value!r}</translation>
    </message>
    <message>
      <source>{where}: field name is required</source>
      <translation>{where} : le champ name est obligatoire</translation>
    </message>
    <message>
      <source>{where}: field {field} must be a WGS 84 coordinate in degrees, got {value!r}</source>
      <translation>{where} : le champ {field} doit être une coordonnée WGS 84 en degrés, reçu {value!r}</translation>
    </message>
    <message>
      <source>{where}: field {field} must be a finite number, got {value!r}</source>
      <translation>{where} : le champ {field} doit être un nombre fini, reçu {value!r}</translation>
    </message>
    <message>
      <source>{where}: field {field} must be yes/no (true/false, 1/0, oui/non), got {value!r}</source>
      <translation>{where} : le champ {field} doit valoir oui/non (true/false, 1/0, oui/non), reçu {value!r}</translation>
    </message>
    <message>
      <source>{where}: field(s) {fields} are never published on the web map (field agents' names, notes, photos and survey answers stay in the socle); drop them before exporting</source>
      <translation>{where} : le ou les champs {fields} ne sont jamais publiés sur la carte web (les noms des agents de terrain, les notes, les photos et les réponses aux enquêtes restent dans le socle) ; retirez-les avant l'export</translation>
    </message>
    <message>
      <source>{where}: figure {label!r} rests on {n} respondents; survey figures under {min} respondents are never published</source>
      <translation>{where} : le chiffre {label!r} repose sur {n} répondants ; un chiffre d'enquête sous {min} répondants n'est jamais publié</translation>
    </message>
    <message>
      <source>{where}: geometry text is not GeoJSON ({error})</source>
      <translation>{where} : le texte de géométrie n'est pas du GeoJSON ({error})</translation>
    </message>
    <message>
      <source>{where}: group {group!r} is labelled {label!r} here and {other!r} on row {other_row}</source>
      <translation>{where} : le groupe {group!r} est libellé {label!r} ici et {other!r} à la ligne {other_row}</translation>
    </message>
    <message>
      <source>{where}: id {id!r} is already used by row {other}</source>
      <translation>{where} : l'identifiant {id!r} est déjà utilisé à la ligne {other}</translation>
    </message>
    <message>
      <source>{where}: the outline has no ring of at least 3 distinct points</source>
      <translation>{where} : le contour n'a aucun anneau d'au moins 3 points distincts</translation>
    </message>
    <message>
      <source>{where}: {field} = {value} is not a WGS 84 coordinate (expected -{limit} to {limit} degrees); reproject to EPSG:4326 first</source>
      <translation>{where} : {field} = {value} n'est pas une coordonnée WGS 84 (de -{limit} à {limit} degrés attendus) ; reprojetez d'abord en EPSG:4326</translation>
    </message>
    <message>
      <source>{where}: {field}={value!r}: {reason}</source>
      <translation>{where} : {field}={value!r} : {reason}</translation>
    </message>
    <message>
      <source>{where}: {reason}</source>
      <translation>{where} : {reason}</translation>
    </message>
    <message>
      <source>{who}, survey {period}</source>
      <translation>{who}, enquête {period}</translation>
    </message>
    <message>
      <source>{years} years</source>
      <translation>{years} ans</translation>
    </message>
    <message>
      <source>² Inhabitants within 10 minutes' walk (network_catchments).</source>
      <translation>² Habitants à 10 minutes à pied (network_catchments).</translation>
    </message>
    <message>
      <source>¹ Pedestrian footfall: mean passages per day and counter in {years}; its change over the ISO weeks complete in both years.</source>
      <translation>¹ Fréquentation piétonne : passages moyens par jour et par compteur en {years} ; évolution sur les semaines ISO complètes les deux années.</translation>
    </message>
    <message>
      <source>† low precision: fewer than {n} respondents</source>
      <translation>† précision faible : moins de {n} répondants</translation>
    </message>
    <message>
      <source>… and {n} more</source>
      <translation>… et {n} autres</translation>
    </message>
    <message>
      <source>… {n} more entries in the rejected rows table</source>
      <translation>… {n} autres entrées dans la table des lignes rejetées</translation>
    </message>
  </context>
</TS>
