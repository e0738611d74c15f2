package msg

// Words of the window's panels, dialogs and export flow.
func init() {
	add(map[string]wording{
		"ui.plan_exported":  {"Action plan exported to %s", "Plan d'action exporté dans %s"},
		"ui.show_palette":   {"Palette panel", "Panneau de la palette"},
		"ui.show_inspector": {"Inspector panel", "Panneau de l'inspecteur"},
	})
}
