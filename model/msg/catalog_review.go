package msg

// Messages of periodic reviews (issue 13): validation, edits, the reviews
// table and the KPI drift insight.
var _ = lazily(func() {
	add(map[string]wording{
		"where.review":          {"review %s", "revue %s"},
		"valid.date":            {"%s: %s %q is not a date written YYYY-MM-DD", "%s : %s %q n'est pas une date écrite AAAA-MM-JJ"},
		"valid.review_same_day": {"%s: reviews %q and %q are both dated %s (one review a day)", "%s : les revues %q et %q sont toutes deux datées du %s (une revue par jour)"},
		"valid.review_order":    {"%s: review %q is out of date order", "%s : la revue %q n'est pas dans l'ordre des dates"},
		"edit.no_review":        {"no review %q in journey %q", "aucune revue %q dans le parcours %q"},
		"edit.review_add":       {"New review", "Nouvelle revue"},
		"edit.review_rename":    {"Rename review", "Renommer la revue"},
		"edit.review_delete":    {"Delete review", "Supprimer la revue"},
		"insight.text.review_stages": {"Review these stages, a KPI moved away from its target since the previous review: %d",
			"Étapes à revoir, un KPI s'est éloigné de sa cible depuis la revue précédente : %d"},
		"insight.text.drift": {"  - %s — %s: %s → %s (target %s) since %s",
			"  - %s — %s : %s → %s (cible %s) depuis le %s"},
		"review.trend.percent":           {"%s %% since %s", "%s %% depuis le %s"},
		"review.trend.delta":             {"%s since %s", "%s depuis le %s"},
		"review.trend.same":              {"no change since %s", "inchangé depuis le %s"},
		"review.measure.average_emotion": {"average emotion", "émotion moyenne"},
		"review.measure.average_score":   {"average score", "note moyenne"},
		"review.measure.score":           {"score", "note"},
		"review.measure.responses":       {"responses", "réponses"},
		"review.measure.listened":        {"listened", "écouté"},
		"review.kpi_of":                  {"KPI %s", "KPI %s"},
		"review.yes":                     {"yes", "oui"},
		"review.no":                      {"no", "non"},
		"review.text.title":              {"Reviews of %s [%s]: %d", "Revues de %s [%s] : %d"},
		"review.text.none":               {"No review yet: take one with parcours review add, or Journey → New review… in the window.", "Aucune revue pour l'instant : faites-en une avec parcours review add, ou Parcours → Nouvelle revue… dans la fenêtre."},
		"review.text.touchpoints":        {"Touchpoints", "Points de contact"},
		"review.text.measure":            {"Measure", "Mesure"},
		"review.col.measure":             {"Measure", "Mesure"},
		"review.col.stage":               {"Stage", "Étape"},
		"review.col.touchpoint":          {"Touchpoint", "Point de contact"},
		"review.col.name":                {"Name", "Nom"},
	})
})

// The command line of reviews.
var _ = lazily(func() {
	add(map[string]wording{
		"cli.help.review": {"take a review of a journey's measures (add, dated --date, named by --note), rename one (--id, --note) or delete one (--id); each is one undoable step",
			"faire une revue des mesures d'un parcours (add, datée par --date, nommée par --note), en renommer une (--id, --note) ou en supprimer une (--id) ; chacune est une étape annulable"},
		"cli.help.review.journey": {"journey to review (default: the first; rename and delete find the review's own)",
			"parcours à revoir (par défaut : le premier ; rename et delete trouvent celui de la revue)"},
		"cli.help.review.date": {"the review's date, YYYY-MM-DD (add; one review a day per journey)",
			"date de la revue, AAAA-MM-JJ (add ; une revue par jour et par parcours)"},
		"cli.help.review.note": {"what the review is called (add, rename)", "nom de la revue (add, rename)"},
		"cli.help.review.id":   {"the review to rename or delete", "la revue à renommer ou supprimer"},
		"cli.help.reviews": {"print every measure of a journey over its reviews: KPIs, stage averages, touchpoint scores, responses and listening",
			"afficher chaque mesure d'un parcours au fil de ses revues : KPI, moyennes des étapes, notes, réponses et écoute des points de contact"},
		"cli.help.reviews.journey": {"journey whose reviews to print (default: the first)", "parcours dont afficher les revues (par défaut : le premier)"},
		"cli.help.reviews.format": {"text, json or csv (default text); CSV follows the system language: French \";\" with a byte order mark, English \",\"",
			"text, json ou csv (text par défaut) ; le CSV suit la langue du système : « ; » et une marque d'ordre des octets en français, « , » en anglais"},
		"cli.help.import-survey.review": {"also take a review of the journey, dated YYYY-MM-DD, once the scores are in (same undoable step)",
			"faire aussi une revue du parcours, datée AAAA-MM-JJ, une fois les notes importées (même étape annulable)"},
		"cli.review.action": {"unknown review action %q: expected add, rename or delete",
			"action de revue %q inconnue : add, rename ou delete attendu"},
		"cli.review.needs":    {"review %s needs %s", "review %s demande %s"},
		"cli.review.not_with": {"%s does not apply to review %s", "%s ne s'applique pas à review %s"},
		"cli.review.date": {"invalid date %q: expected YYYY-MM-DD, a day of the calendar",
			"date %q invalide : AAAA-MM-JJ attendu, un jour du calendrier"},
		"cli.review.no_review": {"%s has no review %q (%s)", "%s n'a pas de revue %q (%s)"},
		"cli.review.none":      {"it has no review", "il n'a aucune revue"},
		"cli.review.ids":       {"its reviews: %s", "ses revues : %s"},
		"cli.review.same_day": {"journey %[2]q of %[1]s already has a review on %[3]s (%[4]s): one review a day",
			"le parcours %[2]q de %[1]s a déjà une revue le %[3]s (%[4]s) : une revue par jour"},
		"cli.review.added":       {"review %s of journey %s taken on %s", "revue %s du parcours %s faite le %s"},
		"cli.review.survey_note": {"Survey %s", "Enquête %s"},
	})
})

// The window's reviews, trends and comparison with another document.
var _ = lazily(func() {
	add(map[string]wording{
		"ui.review.new":          {"New Review…", "Nouvelle revue…"},
		"ui.review.list":         {"Reviews…", "Revues…"},
		"ui.review.new_title":    {"New review of %s", "Nouvelle revue de %s"},
		"ui.review.take":         {"Take review", "Faire la revue"},
		"ui.review.date":         {"Date", "Date"},
		"ui.review.note":         {"Note", "Note"},
		"ui.review.note_hint":    {"Q3 review, after the survey…", "Revue T3, après l'enquête…"},
		"ui.review.bad_date":     {"a date written YYYY-MM-DD", "une date écrite AAAA-MM-JJ"},
		"ui.review.taken":        {"Review of %s taken: %d touchpoints measured", "Revue du %s faite : %d points de contact mesurés"},
		"ui.review.none":         {"No review yet: Journey → New Review… takes one.", "Aucune revue pour l'instant : Parcours → Nouvelle revue… en fait une."},
		"ui.review.list_title":   {"Reviews of %s", "Revues de %s"},
		"ui.review.rename_title": {"Rename the review of %s", "Renommer la revue du %s"},
		"ui.review.delete_q":     {"Delete the review %s? (Undo brings it back.)", "Supprimer la revue %s ? (Annuler la fait revenir.)"},
		"ui.review.with_survey":  {"Also take a review of the journey dated %s", "Faire aussi une revue du parcours datée du %s"},
		"ui.trends":              {"Trends over %d reviews", "Tendances sur %d revues"},
		"ui.trends.row":          {"%s: %s", "%s : %s"},
		"ui.trends.score":        {"Average score", "Note moyenne"},
		"ui.trends.emotion":      {"Average emotion", "Émotion moyenne"},
		"ui.trends.review":       {"Review these stages: %d", "Étapes à revoir : %d"},
		"ui.trends.drift":        {"%s — %s: %s → %s (target %s) since %s", "%s — %s : %s → %s (cible %s) depuis le %s"},
		"ui.compare_with":        {"Compare With…", "Comparer avec…"},
		"ui.compare_with.title":  {"Changes from %s to this document", "Modifications de %s à ce document"},
		"ui.compare_with.ringed": {"%d cards of this journey changed since %s: ringed on the map (Find clears them)", "%d points de contact de ce parcours ont changé depuis %s : entourés sur la carte (Rechercher les efface)"},
		"ui.compare_with.none":   {"No difference with %s.", "Aucune différence avec %s."},
	})
})
