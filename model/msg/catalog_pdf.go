package msg

var _ = lazily(func() {
	add(map[string]wording{
		"pdf.persona":             {"Persona: %s", "Persona : %s"},
		"pdf.objective":           {"Objective: %s", "Objectif : %s"},
		"pdf.date":                {"Date: %s", "Date : %s"},
		"pdf.date_layout":         {"2006-01-02", "02/01/2006"},
		"pdf.legend.measured":     {"Measured emotion", "Émotion mesurée"},
		"pdf.legend.assumed":      {"Assumed emotion", "Émotion supposée"},
		"pdf.legend.listened":     {"Listening point in place", "Point d'écoute en place"},
		"print.persona.channels":  {"Preferred channels", "Canaux préférés"},
		"pdf.legend.advise":       {"Listening point advised", "Point d'écoute conseillé"},
		"pdf.legend.no_lever":     {"Key moment, no lever", "Moment clé sans levier"},
		"pdf.legend.peak":         {"Emotional peak", "Pic émotionnel"},
		"pdf.legend.drop":         {"Emotional drop", "Creux émotionnel"},
		"pdf.legend.below_target": {"Stage below target score", "Étape sous la note cible"},
		"pdf.legend.owned":        {"Department owned", "Département détenu"},
		"pdf.legend.not_owned":    {"Not owned (partner)", "Non détenu (partenaire)"},
		"pdf.paper.unknown": {"unknown paper %q: expected A0, A1, A2, A3, A4 or a size such as 600x400mm",
			"format de papier %q inconnu : A0, A1, A2, A3, A4 ou une taille comme 600x400mm attendu"},
		"pdf.paper.range": {"paper %q: each side must be more than 0 and at most %v mm",
			"papier %q : chaque côté doit mesurer plus de 0 et au plus %v mm"},
		"pdf.orientation": {"unknown orientation %q: expected landscape or portrait",
			"orientation %q inconnue : landscape (paysage) ou portrait attendu"},
		"pdf.margin": {"margin of %v mm leaves no room on a %s sheet of %v × %v mm",
			"une marge de %v mm ne laisse aucune place sur une feuille %s de %v × %v mm"},
		"pdf.no_scene": {"nothing to print: no journey map was given", "rien à imprimer : aucune carte de parcours fournie"},
		"pdf.failed":   {"cannot make the PDF", "impossible de produire le PDF"},
		"pdf.crash":    {"PDF library failure: %v", "échec de la bibliothèque PDF : %v"},
	})
})
