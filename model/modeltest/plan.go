package modeltest

import (
	"parcours/model"
	"parcours/model/msg"
	"parcours/model/plan"
)

// TrickyPlanRows are action-plan rows whose texts a spreadsheet file must
// carry as they are: both separators, quotes, guillemets, a line break, a
// leading space, emoji, empty lists and a formula.
func TrickyPlanRows() []plan.Row {
	return []plan.Row{
		{ID: "o-1", Title: "Créneaux du soir, du samedi; « vite »", Kind: model.Optimize, Impact: 4, Effort: 2, QuickWin: true,
			Owner: "Équipe \"Web\"", Status: model.Planned,
			Touchpoints: []string{"Page de suivi 📦", "Appel ; « où est mon colis ? »"}, Stages: []string{"Suivi", "Livraison"}},
		{ID: "o-2", Title: "Deux lignes\nsur le ticket 🎫", Kind: model.Transform, Impact: 1, Effort: 5,
			Owner: " espace devant", Status: model.Done, Touchpoints: []string{}, Stages: []string{}},
		{ID: "o-3", Title: "=SUM(1,2)", Kind: model.Repair, Impact: 3, Effort: 3, Owner: "", Status: model.Proposed,
			Touchpoints: []string{"x"}, Stages: []string{"y"}},
	}
}

// TrickyPlanCells are TrickyPlanRows as a spreadsheet in lang reads them
// back, written out by hand: the header, then one line per row, impact
// and effort as text, the formula neutralised by an apostrophe.
func TrickyPlanCells(lang string) [][]string {
	if lang == msg.French {
		return [][]string{
			{"Identifiant", "Titre", "Type", "Impact", "Effort", "Quick win", "Responsable", "Statut", "Points de contact", "Étapes"},
			{"o-1", "Créneaux du soir, du samedi; « vite »", "optimiser", "4", "2", "oui", "Équipe \"Web\"", "planifiée",
				"Page de suivi 📦, Appel ; « où est mon colis ? »", "Suivi, Livraison"},
			{"o-2", "Deux lignes\nsur le ticket 🎫", "transformer", "1", "5", "non", " espace devant", "réalisée", "", ""},
			{"o-3", "'=SUM(1,2)", "réparer", "3", "3", "non", "", "proposée", "x", "y"},
		}
	}
	return [][]string{
		{"ID", "Title", "Kind", "Impact", "Effort", "Quick win", "Owner", "Status", "Touchpoints", "Stages"},
		{"o-1", "Créneaux du soir, du samedi; « vite »", "optimize", "4", "2", "yes", "Équipe \"Web\"", "planned",
			"Page de suivi 📦; Appel ; « où est mon colis ? »", "Suivi; Livraison"},
		{"o-2", "Deux lignes\nsur le ticket 🎫", "transform", "1", "5", "no", " espace devant", "done", "", ""},
		{"o-3", "'=SUM(1,2)", "repair", "3", "3", "no", "", "proposed", "x", "y"},
	}
}
