package msg

// SVG export of a poster page (canvas/svg).
var _ = lazily(func() {
	add(map[string]wording{
		"svg.failed":  {"cannot make the SVG file", "impossible de produire le fichier SVG"},
		"svg.write":   {"cannot write the SVG file", "impossible d'écrire le fichier SVG"},
		"svg.picture": {"cannot embed the picture", "impossible d'incorporer l'image"},
	})
})
