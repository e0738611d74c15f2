package msg

// Words of the window's panels, dialogs and export flow.
var _ = lazily(func() {
	add(map[string]wording{
		"ui.no_display":     {"cannot open a window: no display (no X11 or Wayland session; DISPLAY and WAYLAND_DISPLAY tell where it is)", "impossible d'ouvrir une fenêtre : pas d'affichage (pas de session X11 ou Wayland ; DISPLAY et WAYLAND_DISPLAY indiquent où elle est)"},
		"ui.plan_exported":  {"Action plan exported to %s", "Plan d'action exporté dans %s"},
		"ui.show_palette":   {"Palette panel", "Panneau de la palette"},
		"ui.unlinks":        {"These opportunities will lose their link to them (Undo brings it back):", "Ces opportunités perdront leur lien avec eux (Annuler le rétablit) :"},
		"ui.unlinks_last":   {"— its only touchpoint", "— son seul point de contact"},
		"ui.export.split":   {"Posters per journey", "Posters par parcours"},
		"ui.show_inspector": {"Inspector panel", "Panneau de l'inspecteur"},
	})
})

// The window's counted messages (see counted).
var _ = lazily(func() {
	addCounted(map[string]counted{
		"ui.delete_cards_q": {0,
			"Delete %d touchpoint?", "Delete %d touchpoints?",
			"Supprimer %d point de contact ?", "Supprimer %d points de contact ?"},
	})
})
