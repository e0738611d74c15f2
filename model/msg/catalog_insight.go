package msg

// Messages of model/insight (what the map says: listening points, peaks,
// stage scores) and model/survey (importing survey answers from a CSV file).
var _ = lazily(func() {
	add(map[string]wording{
		// Why a touchpoint is key (reason codes of CONTRACTS.md §4).
		"insight.reason.pain":        {"pain point", "point de douleur"},
		"insight.reason.truth":       {"moment of truth", "moment de vérité"},
		"insight.reason.breaker":     {"breaker", "« ça casse »"},
		"insight.reason.low_emotion": {"negative emotion", "émotion négative"},

		// Advice on a key touchpoint without a listening point yet: its reasons, then its lane.
		"insight.advice.owned": {
			"Key moment (%s) without a listening point yet, on a lane we own (%s): put a listening point here, a short survey right after this moment, to know how customers live it and act on the answers.",
			"Moment clé (%s) sans point d'écoute, sur un couloir détenu (%s) : placez ici un point d'écoute, une courte enquête juste après ce moment, pour savoir comment les clients le vivent et agir sur les réponses."},
		"insight.advice.leverage": {
			"Key moment (%s) without a listening point yet, on a partner's lane (%s) that acts on our feedback: put a listening point here and share the answers with the partner so that it acts on them.",
			"Moment clé (%s) sans point d'écoute, sur le couloir d'un prestataire (%s) qui tient compte de nos retours : placez ici un point d'écoute et partagez les réponses avec le prestataire pour qu'il agisse."},
		"insight.advice.no_lever": {
			"Key moment (%s) on a partner's lane (%s) that gives us no leverage: a survey here would frustrate customers whose feedback cannot change anything. Work with the partner instead (its own surveys, contract terms) and look for the causes on our side.",
			"Moment clé (%s) sur le couloir d'un prestataire (%s) qui ne nous laisse aucune marge de manœuvre : une enquête ici frustrerait des clients dont l'avis ne peut rien changer. Travaillez plutôt avec le prestataire (ses propres enquêtes, les termes du contrat) et cherchez les causes de notre côté."},

		// The readable report (parcours insights --format text).
		"insight.text.title":  {"Insights: %s [%s]", "Enseignements : %s [%s]"},
		"insight.text.target": {"Target experience score: %s/10", "Note d'expérience cible : %s/10"},
		"insight.text.stages": {"Stages", "Étapes"},
		"insight.text.stage": {
			"%s — touchpoints: %d; average emotion: %s; average score: %s (measured: %d, responses: %d), %s",
			"%s — points de contact : %d ; émotion moyenne : %s ; note moyenne : %s (mesurés : %d, réponses : %d), %s"},
		"insight.text.stage_unmeasured": {
			"%s — touchpoints: %d; average emotion: %s; average score: not measured",
			"%s — points de contact : %d ; émotion moyenne : %s ; note moyenne : non mesurée"},
		"insight.text.stage_empty": {"%s — no touchpoints", "%s — aucun point de contact"},
		"insight.text.below":       {"below the target %s", "sous la cible %s"},
		"insight.text.meets":       {"at or above the target %s", "au niveau de la cible %s ou au-dessus"},
		"insight.text.listening": {"Listening points to set up: %d",
			"Points d'écoute à mettre en place : %d"},
		"insight.text.no_lever": {"Key moments without lever (no survey there, act otherwise): %d",
			"Moments clés sans levier (pas d'enquête à cet endroit, agir autrement) : %d"},
		"insight.text.advice":         {"  - %s — %s", "  - %s — %s"},
		"insight.text.named":          {"%s [%s]", "%s [%s]"},
		"insight.text.none":           {"  (none)", "  (néant)"},
		"insight.text.none_inline":    {"none", "néant"},
		"insight.text.peaks":          {"Emotional peaks to reinforce: %s", "Pics émotionnels à renforcer : %s"},
		"insight.text.drops":          {"Drops to remove: %s", "Creux à supprimer : %s"},
		"insight.text.first":          {"First touchpoint: %s", "Premier point de contact : %s"},
		"insight.text.last":           {"Last touchpoint: %s", "Dernier point de contact : %s"},
		"insight.text.no_touchpoints": {"No touchpoints yet.", "Aucun point de contact pour l'instant."},
		"insight.text.per_channel":    {"Touchpoints per channel: %s", "Points de contact par canal : %s"},
		"insight.text.per_lane":       {"Touchpoints per lane: %s", "Points de contact par couloir : %s"},
		"insight.text.count":          {"%s (%d)", "%s (%d)"},
		"insight.text.sep":            {"; ", " ; "},

		// Survey import. A bad row: file, line, what is wrong, how many rows are bad.
		"survey.at":   {"%s line %d: %s (%s)", "%s ligne %d : %s (%s)"},
		"survey.at1":  {"%s line %d: %s", "%s ligne %d : %s"},
		"survey.file": {"%s: %s", "%s : %s"},

		"survey.read":       {"cannot read %s: %v", "impossible de lire %s : %v"},
		"survey.scale":      {"survey scale %d is not supported: use 10 or 5", "l'échelle d'enquête %d n'est pas prise en charge : utilisez 10 ou 5"},
		"survey.no_journey": {"no journey to import the survey into", "aucun parcours où importer l'enquête"},
		"survey.empty": {"the file is empty: its first line must name the touchpoint and score columns",
			"le fichier est vide : sa première ligne doit nommer les colonnes point de contact et note"},
		"survey.no_rows": {"no answers below the header line",
			"aucune réponse sous la ligne d'en-tête"},

		// Header (line 1).
		"survey.role.touchpoint": {"touchpoint", "point de contact"},
		"survey.role.score":      {"score", "note"},
		"survey.role.verbatim":   {"verbatim", "verbatim"},
		"survey.header.missing": {"no %s column (its header must be one of: %s)",
			"aucune colonne %s (son en-tête doit être l'un de : %s)"},
		"survey.header.twice": {"columns %q and %q are both a %s column: keep only one",
			"les colonnes %q et %q sont toutes deux une colonne %s : n'en gardez qu'une"},

		// Bad rows.
		"survey.row.utf8": {"the text is not UTF-8: save the file as “CSV UTF-8”",
			"le texte n'est pas en UTF-8 : enregistrez le fichier au format « CSV UTF-8 »"},
		"survey.row.few": {"too few fields (%d): the %s is in column %d",
			"trop peu de champs (%d) : la colonne %s est la n° %d"},
		"survey.row.many": {"too many fields (%d, the header has %d): put quotes around texts and decimal commas that hold the separator",
			"trop de champs (%d, l'en-tête en a %d) : mettez entre guillemets les textes et les virgules décimales qui contiennent le séparateur"},
		"survey.row.bare_quote": {"a quote inside a field that does not start with one: put quotes around the whole field and double the quotes inside it",
			"un guillemet dans un champ qui ne commence pas par un guillemet : entourez tout le champ de guillemets et doublez ceux qu'il contient"},
		"survey.row.quote": {"a quoted field is not closed properly: a quote inside it must be doubled, and the closing quote must be followed by the separator or the end of the line",
			"un champ entre guillemets est mal fermé : un guillemet à l'intérieur doit être doublé, et le guillemet fermant doit être suivi du séparateur ou de la fin de ligne"},
		"survey.row.syntax": {"the line cannot be read (%v)",
			"la ligne est illisible (%v)"},
		"survey.row.no_touchpoint": {"the touchpoint is empty",
			"le point de contact est vide"},
		"survey.row.unknown": {"no touchpoint has the id or title %q in journey %s",
			"aucun point de contact n'a l'identifiant ou le titre %q dans le parcours %s"},
		"survey.row.ambiguous": {"touchpoints %s share the title %q: give the id instead",
			"les points de contact %s ont le même titre %q : indiquez plutôt l'identifiant"},
		"survey.row.no_score": {"the score is empty",
			"la note est vide"},
		"survey.row.not_number": {"score %q is not a plain number such as 7 or 6.5",
			"la note %q n'est pas un nombre simple comme 7 ou 6,5"},
		"survey.row.split": {"score %q is followed by %q: with a comma as separator, put a decimal comma in quotes (\"%s,%s\")",
			"la note %q est suivie de %q : avec la virgule comme séparateur, mettez la virgule décimale entre guillemets (\"%s,%s\")"},
		"survey.row.range": {"score %q is not between %d and %d",
			"la note %q n'est pas comprise entre %d et %d"},

		// Applying the import.
		"survey.label": {"Import survey", "Importer une enquête"},
		"survey.gone": {"touchpoint %q is no longer in journey %q",
			"le point de contact %q n'est plus dans le parcours %q"},
		"survey.gone_journey": {"journey %q no longer exists", "le parcours %q n'existe plus"},
	})
})

// How many rows of a survey are bad (the end of a survey error).
var _ = lazily(func() {
	addCounted(map[string]counted{
		"survey.count": {0,
			"%d bad row", "%d bad rows",
			"%d ligne erronée", "%d lignes erronées"},
		"survey.count.stopped": {0,
			"%d bad row up to line %d, past which the file cannot be read", "%d bad rows up to line %d, past which the file cannot be read",
			"%d ligne erronée jusqu'à la ligne %d, au-delà de laquelle le fichier est illisible", "%d lignes erronées jusqu'à la ligne %d, au-delà de laquelle le fichier est illisible"},
	})
})
