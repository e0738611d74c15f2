package msg

// Pages of their own after the posters in a PDF: each journey's action
// plan (the impact/effort matrix and the opportunities by priority) and
// the comparisons of a current and a target journey.
var _ = lazily(func() {
	add(map[string]wording{
		// Action plan pages.
		"print.plan.title":   {"Action plan — %s", "Plan d'action — %s"},
		"print.plan.running": {"Action plan — %s (continued)", "Plan d'action — %s (suite)"},
		"print.plan.summary": {"Opportunities: %d · quick wins: %d", "Opportunités : %d · gains rapides : %d"},
		"print.plan.matrix":  {"Impact/effort matrix", "Matrice impact/effort"},
		"print.plan.list":    {"Opportunities by priority", "Opportunités par priorité"},
		"print.plan.number":  {"No.", "N°"},
		// The table's column; the CSV's header stays as CONTRACTS fixes it.
		"print.plan.quick_win": {"Quick win", "Gain rapide"},
		"print.plan.none": {"No opportunity yet: the action plan fills in as opportunities are added to the journey.",
			"Aucune opportunité pour l'instant : le plan d'action se remplit à mesure que des opportunités sont ajoutées au parcours."},
		"print.plan.quadrant": {"%s (%d)", "%s (%d)"},

		// Comparison pages.
		"print.compare.title": {"Current vs target — %s → %s",
			"Parcours actuel et cible — %s → %s"},
		"print.compare.running": {"Current vs target — %s → %s (continued)",
			"Parcours actuel et cible — %s → %s (suite)"},
		"print.compare.axis": {"Each curve runs along its own journey's timeline, from its first touchpoint to its last.",
			"Chaque courbe suit la chronologie de son parcours, de son premier point de contact au dernier."},
		"print.compare.changes": {"Differences", "Différences"},
	})
})
