package msg

func init() {
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
}
