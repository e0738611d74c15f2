package msg

// Messages of periodic reviews (issue 13): validation, edits, the reviews
// table and the KPI drift insight.
func init() {
	add(map[string]wording{
		"where.review":          {"review %s", "revue %s"},
		"valid.date":            {"%s: %s %q is not a date written YYYY-MM-DD", "%s : %s %q n'est pas une date écrite AAAA-MM-JJ"},
		"valid.review_same_day": {"%s: reviews %q and %q are both dated %s (one review a day)", "%s : les revues %q et %q sont toutes deux datées du %s (une revue par jour)"},
		"valid.review_order":    {"%s: review %q is out of date order", "%s : la revue %q n'est pas dans l'ordre des dates"},
		"edit.no_review":        {"no review %q in journey %q", "aucune revue %q dans le parcours %q"},
		"edit.review_add":       {"New review", "Nouvelle revue"},
		"edit.review_rename":    {"Rename review", "Renommer la revue"},
		"edit.review_delete":    {"Delete review", "Supprimer la revue"},
		"insight.text.review_stages": {"Review these stages, a KPI moved away from its target since the previous review: %d",
			"Étapes à revoir, un KPI s'est éloigné de sa cible depuis la revue précédente : %d"},
		"insight.text.drift": {"  - %s — %s: %s → %s (target %s) since %s",
			"  - %s — %s : %s → %s (cible %s) depuis le %s"},
	})
}
