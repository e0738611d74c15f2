package msg

var _ = lazily(func() {
	add(map[string]wording{
		"file.no_dir":       {"folder %s does not exist", "le dossier %s n'existe pas"},
		"file.cannot_write": {"cannot write %s", "impossible d'écrire %s"},
		"file.not_regular":  {"%s exists and is not a regular file (a link, a pipe, a device…)", "%s existe et n'est pas un fichier ordinaire (un lien, un tube, un périphérique…)"},
	})
})

var _ = lazily(func() {
	add(map[string]wording{
		"template.unknown": {"unknown template %q in language %q (see: parcours templates)", "modèle %q inconnu en langue %q (voir : parcours templates)"},
	})
})
