package msg

// Messages of parcours diff and merge (issue 13): things and changes in
// the user's language; the JSON uses the codes.
func init() {
	add(map[string]wording{
		"diff.kind.document":    {"document", "document"},
		"diff.kind.persona":     {"persona", "persona"},
		"diff.kind.journey":     {"journey", "parcours"},
		"diff.kind.stage":       {"stage", "étape"},
		"diff.kind.lane":        {"lane", "couloir"},
		"diff.kind.touchpoint":  {"touchpoint", "point de contact"},
		"diff.kind.opportunity": {"opportunity", "opportunité"},
		"diff.kind.review":      {"review", "revue"},
		"diff.added":            {"%s added", "%s ajouté"},
		"diff.removed":          {"%s removed", "%s supprimé"},
		"diff.moved":            {"%s moved: place %s → %s", "%s déplacé : place %s → %s"},
		"diff.changed":          {"%s: %s %s → %s", "%s : %s %s → %s"},
		"diff.summary": {"Differences — added: %d, removed: %d, moved: %d, fields changed: %d",
			"Différences — ajouts : %d, suppressions : %d, déplacements : %d, champs modifiés : %d"},
		"diff.conflict.field": {"%s: %s %s → ours %s, theirs %s",
			"%s : %s %s → de notre côté %s, de leur côté %s"},
		"diff.conflict.removed_ours": {"%s removed on our side, changed on theirs",
			"%s supprimé de notre côté, modifié de leur côté"},
		"diff.conflict.removed_theirs": {"%s removed on their side, changed on ours",
			"%s supprimé de leur côté, modifié de notre côté"},
		"diff.conflict.moved": {"%s moved both ways: place %s → ours %s, theirs %s",
			"%s déplacé des deux côtés : place %s → de notre côté %s, de leur côté %s"},
		"diff.invalid": {"the merge would make an invalid document", "la fusion donnerait un document invalide"},
	})
}
