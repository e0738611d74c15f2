package msg

var _ = lazily(func() {
	add(map[string]wording{
		"channel.web":           {"Website", "Site web"},
		"channel.app":           {"App", "Appli"},
		"channel.email":         {"E-mail", "E-mail"},
		"channel.sms":           {"SMS", "SMS"},
		"channel.push":          {"Push", "Notification push"},
		"channel.tracking_page": {"Tracking page", "Page de suivi"},
		"channel.phone":         {"Phone", "Téléphone"},
		"channel.chat":          {"Chat", "Chat"},
		"channel.social":        {"Social media", "Réseaux sociaux"},
		"channel.store":         {"Store", "Magasin"},
		"channel.face_to_face":  {"Face to face", "Face à face"},
		"channel.paper":         {"Paper", "Courrier"},
		"channel.other":         {"Other", "Autre"},
		"marker.pain":           {"Pain point", "Point de douleur"},
		"marker.enchantment":    {"Enchantment", "Moment d'enchantement"},
		"marker.truth":          {"Moment of truth", "Moment de vérité"},
		"marker.maker":          {"Maker", "« Ça passe »"},
		"marker.breaker":        {"Breaker", "« Ça casse »"},
		"canvas.curve":          {"Emotion curve", "Courbe émotionnelle"},
		"canvas.owned":          {"owned", "détenu"},
		"canvas.not_owned":      {"not owned", "non détenu"},
		"canvas.leverage":       {"not owned, with leverage", "non détenu, avec levier"},
	})
})

var _ = lazily(func() {
	add(map[string]wording{
		"band.summary":        {"Summary", "Synthèse"},
		"band.actions":        {"Customer actions", "Actions du client"},
		"band.thoughts":       {"Thoughts", "Pensées"},
		"band.customer_goals": {"Customer goals", "Objectifs du client"},
		"band.business_goals": {"Business goals", "Objectifs business"},
		"band.kpis":           {"KPIs", "Indicateurs (KPI)"},
		"band.opportunities":  {"Opportunities", "Opportunités"},
		"band.quotes":         {"Customer quotes", "Verbatims"},
		"canvas.kpi":          {"%s: %s (target %s)", "%s : %s (cible %s)"},
		"canvas.opportunity":  {"%s (%s, impact %d, effort %d)", "%s (%s, impact %d, effort %d)"},
		"canvas.quick_win":    {"quick win", "gain rapide"},
		"kind.repair":         {"repair", "réparer"},
		"kind.optimize":       {"optimize", "optimiser"},
		"kind.innovate":       {"innovate", "innover"},
		"kind.transform":      {"transform", "transformer"},
	})
})

var _ = lazily(func() {
	addCounted(map[string]counted{
		// A stage's summary in the macro view: goals, averages, hidden cards.
		"canvas.summary": {3,
			"%s\nEmotion %s · score %s · %d hidden", "%s\nEmotion %s · score %s · %d hidden",
			"%s\nÉmotion %s · note %s · %d masqué", "%s\nÉmotion %s · note %s · %d masqués"},
	})
})
