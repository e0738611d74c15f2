package msg

// Messages of the desktop integration (the running Parcours that opens the
// files of later `parcours FILE` commands) and of the other formats:
// Mermaid journeys and spreadsheets of touchpoints.
func init() {
	add(map[string]wording{
		"cli.instance.failed": {"the running Parcours could not open %s: %s",
			"le Parcours déjà ouvert n'a pas pu ouvrir %s : %s"},
		"cli.instance.relative": {"%s is not an absolute path",
			"%s n'est pas un chemin absolu"},
	})
}
