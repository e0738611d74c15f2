package msg

// Messages of the desktop integration (the editor window that `parcours`
// starts, the running Parcours that opens the files of later `parcours
// FILE` commands) and of the other formats:
// Mermaid journeys and spreadsheets of touchpoints.
var _ = lazily(func() {
	add(map[string]wording{
		"cli.instance.failed": {"the running Parcours could not open it: %s",
			"le Parcours déjà ouvert n'a pas pu l'ouvrir : %s"},
		"cli.instance.relative": {"%s is not an absolute path",
			"%s n'est pas un chemin absolu"},
		"cli.editor.missing": {"the editor window is not installed: no %s next to %s nor on PATH (reinstall Parcours; from the sources, make build builds both programs)",
			"la fenêtre d'édition n'est pas installée : pas de %s à côté de %s ni dans le PATH (réinstallez Parcours ; depuis les sources, make build construit les deux programmes)"},
		"cli.editor.start": {"cannot start the editor window %s: %v",
			"impossible de lancer la fenêtre d'édition %s : %v"},
		"formats.one_journey": {"a %s export holds one journey: give its id to --journey",
			"un export %s contient un seul parcours : donnez son identifiant à --journey"},
		"formats.help.import.format": {"json, mermaid, csv or xlsx (default: from the extension of IN; JSON otherwise)",
			"json, mermaid, csv ou xlsx (par défaut : d'après l'extension de IN ; JSON sinon)"},
	})
})

// Mermaid journeys (model/mermaid).
var _ = lazily(func() {
	add(map[string]wording{
		"mermaid.read":       {"cannot read %s: %v", "impossible de lire %s : %v"},
		"mermaid.file":       {"%s: %s", "%s : %s"},
		"mermaid.at":         {"%s line %d: %s (%s)", "%s ligne %d : %s (%s)"},
		"mermaid.count.one":  {"1 bad line", "1 ligne erronée"},
		"mermaid.count.many": {"%d bad lines", "%d lignes erronées"},
		"mermaid.too_big": {"more than %d MB: not a journey diagram",
			"plus de %d Mo : ce n'est pas un diagramme de parcours"},
		"mermaid.no_journey": {"no Mermaid journey diagram in it (the first line should be \"journey\")",
			"aucun diagramme Mermaid journey (la première ligne devrait être « journey »)"},
		"mermaid.not_journey": {"a Mermaid journey diagram starts with \"journey\", not %q",
			"un diagramme Mermaid journey commence par « journey », pas par %q"},
		"mermaid.unclosed": {"opened here and never closed",
			"ouvert ici et jamais refermé"},
		"mermaid.utf8": {"the text is not UTF-8 (save the file as UTF-8)",
			"le texte n'est pas en UTF-8 (enregistrer le fichier en UTF-8)"},
		"mermaid.semicolon": {"Mermaid does not accept \";\" in a journey",
			"Mermaid n'accepte pas « ; » dans un parcours"},
		"mermaid.journey_twice": {"a second \"journey\": one diagram per file",
			"un second « journey » : un diagramme par fichier"},
		"mermaid.section_colon": {"a section name cannot hold \":\"",
			"un nom de section ne peut pas contenir « : »"},
		"mermaid.no_score": {"%q is not a task: write \"Task: score: actors\"",
			"%q n'est pas une tâche : écrire « Tâche: note: acteurs »"},
		"mermaid.no_name": {"a task needs a name before its \":\"",
			"une tâche a besoin d'un nom avant son « : »"},
		"mermaid.colons": {"too many \":\" in a task: \"Task: score: actors\"",
			"trop de « : » dans une tâche : « Tâche: note: acteurs »"},
		"mermaid.bad_score": {"the score %q is not a whole number (1 to 5)",
			"la note %q n'est pas un nombre entier (1 à 5)"},
		// Written into the imported document, in its language.
		"mermaid.other_actors": {"Other actors: %s", "Autres acteurs : %s"},
		"mermaid.no_actor":     {"Customer", "Client"},
	})
})

// Touchpoint tables (model/table).
var _ = lazily(func() {
	add(map[string]wording{
		"table.col.stage":       {"Stage", "Étape"},
		"table.col.lane":        {"Lane", "Couloir"},
		"table.col.title":       {"Title", "Titre"},
		"table.col.channel":     {"Channel", "Canal"},
		"table.col.emotion":     {"Emotion", "Émotion"},
		"table.col.markers":     {"Markers", "Marqueurs"},
		"table.col.description": {"Description", "Description"},
		"table.col.score":       {"Score", "Note"},
		"table.col.quotes":      {"Quotes", "Verbatims"},
		"table.sheet":           {"Touchpoints", "Points de contact"},

		"table.read":  {"cannot read %s: %v", "impossible de lire %s : %v"},
		"table.file":  {"%s: %s", "%s : %s"},
		"table.line":  {"%s line %d: %s%s", "%s ligne %d : %s%s"},
		"table.row":   {"%s, sheet %s, row %d: %s%s", "%s, feuille %s, ligne %d : %s%s"},
		"table.count": {" (%d bad rows)", " (%d lignes erronées)"},
		"table.empty": {"the file is empty", "le fichier est vide"},
		"table.no_rows": {"a header but no touchpoint below it",
			"un en-tête mais aucun point de contact en dessous"},
		"table.not_xlsx": {"not an Excel workbook (.xlsx): %v",
			"ce n'est pas un classeur Excel (.xlsx) : %v"},
		"table.header.missing": {"no %s column (its header may be: %s)",
			"pas de colonne %s (son en-tête peut être : %s)"},
		"table.header.twice": {"columns %q and %q both give the %s",
			"les colonnes %q et %q donnent toutes deux la colonne %s"},
		"table.row.utf8": {"the text is not UTF-8 (save as \"CSV UTF-8\")",
			"le texte n'est pas en UTF-8 (enregistrer au format « CSV UTF-8 »)"},
		"table.row.many": {"%d fields where the header has %d",
			"%d champs alors que l'en-tête en a %d"},
		"table.row.empty": {"no %s", "pas de %s"},
		"table.row.channel": {"unknown channel %q (channels: %s)",
			"canal %q inconnu (canaux : %s)"},
		"table.row.marker": {"unknown marker %q (markers: %s)",
			"marqueur %q inconnu (marqueurs : %s)"},
		"table.row.emotion": {"emotion %q is not a whole number from -2 to 2",
			"émotion %q : un nombre entier de -2 à 2 est attendu"},
		"table.row.score": {"score %q is not a number from 0 to 10",
			"note %q : un nombre de 0 à 10 est attendu"},
		"table.too_long": {"the %s of %q is %d characters long, more than a spreadsheet cell holds (%d)",
			"la colonne %s de %q fait %d caractères, plus qu'une cellule de tableur n'en contient (%d)"},
	})
})
