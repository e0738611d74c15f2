package msg

// Messages of parcours diff and merge (issue 13): things and changes in
// the user's language; the JSON uses the codes.
var _ = lazily(func() {
	add(map[string]wording{
		"diff.kind.document":    {"document", "document"},
		"diff.kind.persona":     {"persona", "persona"},
		"diff.kind.journey":     {"journey", "parcours"},
		"diff.kind.stage":       {"stage", "étape"},
		"diff.kind.lane":        {"lane", "couloir"},
		"diff.kind.touchpoint":  {"touchpoint", "point de contact"},
		"diff.kind.opportunity": {"opportunity", "opportunité"},
		"diff.kind.review":      {"review", "revue"},
		"diff.added":            {"%s added", "ajout : %s"},
		"diff.removed":          {"%s removed", "suppression : %s"},
		"diff.moved":            {"%s moved: place %s → %s", "déplacement : %s, place %s → %s"},
		"diff.changed":          {"%s: %s %s → %s", "%s : %s %s → %s"},
		"diff.summary": {"Differences — added: %d, removed: %d, moved: %d, fields changed: %d",
			"Différences — ajouts : %d, suppressions : %d, déplacements : %d, champs modifiés : %d"},
		"diff.conflict.field": {"%s: %s %s → ours %s, theirs %s",
			"%s : %s %s → de notre côté %s, de leur côté %s"},
		"diff.conflict.removed_ours": {"%s removed on our side, changed on theirs",
			"%s : suppression de notre côté, modification de leur côté"},
		"diff.conflict.removed_theirs": {"%s removed on their side, changed on ours",
			"%s : suppression de leur côté, modification de notre côté"},
		"diff.conflict.moved": {"%s moved both ways: place %s → ours %s, theirs %s",
			"%s : déplacement des deux côtés, place %s → de notre côté %s, de leur côté %s"},
		"diff.invalid": {"the merge would make an invalid document", "la fusion donnerait un document invalide"},
	})
})

// The command line of diff and merge.
var _ = lazily(func() {
	add(map[string]wording{
		"cli.help.diff": {"list what changed between two versions of a document, by id: things added, removed or moved, and each changed field, old → new (.parcours or parcours/v1 JSON)",
			"lister ce qui a changé entre deux versions d'un document, par identifiant : ajouts, suppressions, déplacements, et chaque champ modifié, ancien → nouveau (.parcours ou JSON parcours/v1)"},
		"cli.help.diff.format": {"text or json (default text; json is the same in every language)",
			"text ou json (text par défaut ; le json est le même dans toutes les langues)"},
		"cli.help.merge": {"merge two versions of a document made from a common base, by id; the same field changed two ways is a conflict: OUT is not written (exit 1) unless --prefer settles it",
			"fusionner deux versions d'un document faites à partir d'une base commune, par identifiant ; un même champ modifié de deux façons est un conflit : OUT n'est pas écrit (sortie 1) sauf si --prefer le règle"},
		"cli.help.merge.o": {"the merged document: .parcours or JSON after its extension, else as OURS is; replaced whole or not at all; it may be OURS",
			"le document fusionné : .parcours ou JSON selon son extension, sinon comme OURS ; remplacé entièrement ou pas du tout ; ce peut être OURS"},
		"cli.help.merge.prefer": {"settle conflicts for ours or theirs", "régler les conflits en faveur de ours ou de theirs"},
		"cli.diff.not_document": {"%s is not a Parcours document (neither a .parcours file nor parcours/v1 JSON)",
			"%s n'est pas un document Parcours (ni un fichier .parcours ni du JSON parcours/v1)"},
		"cli.diff.unrelated": {"%s and %s share no journey or persona id: they are not versions of one document",
			"%s et %s n'ont aucun identifiant de parcours ou de persona en commun : ce ne sont pas des versions d'un même document"},
		"cli.merge.unrelated": {"%s, %s and %s share no journey or persona id: they are not versions of one document",
			"%s, %s et %s n'ont aucun identifiant de parcours ou de persona en commun : ce ne sont pas des versions d'un même document"},
		"cli.merge.conflicts": {"%d conflicts: %s not written (settle them with --prefer ours or --prefer theirs)",
			"%d conflits : %s n'est pas écrit (réglez-les avec --prefer ours ou --prefer theirs)"},
		"cli.merge.settled": {"%d conflicts settled for %s:", "%d conflits réglés en faveur de %s :"},
	})
})
