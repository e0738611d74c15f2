package msg

// The map on screen: presentation mode and the emotion curve's handles.
var _ = lazily(func() {
	add(map[string]wording{
		"ui.present":      {"Present", "Présenter"},
		"ui.present_hint": {"%s — stage %d of %d · ← → to change stage · Esc to leave", "%s — étape %d sur %d · ← → pour changer d'étape · Échap pour quitter"},
		"ui.key.curve":    {"Drag a point of the emotion curve", "Glisser un point de la courbe des émotions"},
		"ui.key.curve_do": {"Set the emotion (−2 … +2)", "Régler l'émotion (−2 … +2)"},
	})
})
