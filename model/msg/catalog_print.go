package msg

// Poster-grade printing: tiling and its assembly guide, the appendix of
// full texts, branding, and the PNG pictures.
var _ = lazily(func() {
	add(map[string]wording{
		// Branding.
		"print.logo.bad": {"the logo is not a PNG or JPEG image (%v)",
			"le logo n'est pas une image PNG ou JPEG (%v)"},
		"print.logo.read": {"cannot read the logo %s: %v",
			"impossible de lire le logo %s : %v"},
		"print.footer.version": {"Version %s", "Version %s"},

		// Tiling.
		"print.tile.paper": {"tile paper %q is too small to print on",
			"le papier de mosaïque %q est trop petit pour y imprimer"},
		"print.paper.portrait":  {"%s portrait", "%s portrait"},
		"print.paper.landscape": {"%s landscape", "%s paysage"},
		"print.sheet.label": {"Sheet %s — row %s, column %d (%d × %d sheets)",
			"Feuille %s — rangée %s, colonne %d (%d × %d feuilles)"},
		"print.guide.title": {"Assembly guide", "Guide d'assemblage"},
		"print.guide.summary": {"This poster (%s, %s × %s mm) is printed on %s of %s paper, in %s and %s; neighbouring sheets overlap by %v mm. Each sheet is named by its row letter and column number: B3 is the sheet of row B, column 3.",
			"Ce poster (%s, %s × %s mm) est imprimé sur %s %s, en %s et %s ; les feuilles voisines se chevauchent de %v mm. Chaque feuille porte la lettre de sa rangée et le numéro de sa colonne : B3 est la feuille de la rangée B, colonne 3."},
		"print.guide.rows_one":  {"one row (%s)", "une rangée (%s)"},
		"print.guide.rows_many": {"rows %s to %s", "rangées %s à %s"},
		"print.guide.cols_one":  {"one column (1)", "une colonne (1)"},
		"print.guide.cols_many": {"columns %d to %d", "colonnes %d à %d"},
		"print.guide.step.print": {"Print every sheet at actual size (100 %%, no \"fit to page\") on %s paper.",
			"Imprimez chaque feuille en taille réelle (100 %%, sans « ajuster à la page ») sur du papier %s."},
		"print.guide.step.layout": {"Lay the sheets out as in the picture above, in the order of their names printed in the top-left corner.",
			"Disposez les feuilles comme sur l'image ci-dessus, dans l'ordre des noms imprimés dans leur coin supérieur gauche."},
		"print.guide.step.cut": {"On every sheet except those of column 1, cut off the left edge along the crop marks (✂); on every sheet except those of row A, cut off the top edge.",
			"Sur chaque feuille sauf celles de la colonne 1, coupez le bord gauche le long des traits de coupe (✂) ; sur chaque feuille sauf celles de la rangée A, coupez le bord supérieur."},
		"print.guide.step.overlap": {"Lay each sheet over its left and upper neighbours so that the drawing matches across the %v mm overlap and the crop marks meet, then tape the sheets together on the back.",
			"Posez chaque feuille sur ses voisines de gauche et du dessus pour que le dessin se raccorde sur les %v mm de chevauchement et que les traits de coupe se rejoignent, puis assemblez-les au ruban adhésif par l'arrière."},
		"print.guide.step.trim": {"Finally, trim the outer edges of the poster along the remaining crop marks.",
			"Pour finir, rognez les bords extérieurs du poster le long des traits de coupe restants."},

		// Appendix.
		"print.appendix.title": {"Full texts — %s", "Textes complets — %s"},
		"print.appendix.running": {"Full texts — %s (continued)",
			"Textes complets — %s (suite)"},
		"print.appendix.intro": {"Some texts were shortened to fit on the poster. Here is every touchpoint of the journey with its full texts, stage by stage, in the order of the timeline, then the opportunities.",
			"Certains textes ont été raccourcis pour tenir sur le poster. Voici chaque point de contact du parcours avec ses textes complets, étape par étape, dans l'ordre chronologique, puis les opportunités."},
		"print.appendix.current":       {"Current journey", "Parcours actuel"},
		"print.appendix.target":        {"Target journey", "Parcours cible"},
		"print.appendix.target_score":  {"target experience score: %s/10", "note d'expérience cible : %s/10"},
		"print.appendix.stage":         {"Stage %d — %s", "Étape %d — %s"},
		"print.appendix.no_touchpoint": {"No touchpoint in this stage.", "Aucun point de contact dans cette étape."},
		"print.field":                  {"%s: %s", "%s : %s"},
		"print.quote":                  {"“%s”", "« %s »"},
		"print.tp.lane":                {"Lane: %s (%s)", "Couloir : %s (%s)"},
		"print.tp.channel":             {"Channel: %s", "Canal : %s"},
		"print.tp.emotion":             {"Emotion: %s", "Émotion : %s"},
		"print.tp.score":               {"Score: %s/10", "Note : %s/10"},
		"print.tp.no_score":            {"Score not measured", "Note non mesurée"},
		"print.tp.listened":            {"Listening point in place", "Point d'écoute en place"},
		"print.tp.markers":             {"Markers: %s", "Marqueurs : %s"},
		"print.tp.description":         {"Description", "Description"},
		"print.tp.note":                {"Note", "Note"},
		"print.tp.quotes":              {"Customer quotes:", "Verbatims :"},
		"print.opp.impact":             {"impact %d/5", "impact %d/5"},
		"print.opp.effort":             {"effort %d/5", "effort %d/5"},
		"print.opp.owner":              {"owner: %s", "responsable : %s"},
		"print.opp.touchpoints":        {"Touchpoints", "Points de contact"},
		"print.opp.status.proposed":    {"proposed", "proposée"},
		"print.opp.status.planned":     {"planned", "planifiée"},
		"print.opp.status.done":        {"done", "réalisée"},

		// PNG pictures.
		"png.dpi.range": {"a resolution of %d dpi is outside 10…1200",
			"une résolution de %d ppp sort de l'intervalle 10…1200"},
		"png.dpi.budget": {"%s at %d dpi would be %d × %d pixels, more than the limit of %d million: use --dpi %d or less",
			"%s à %d ppp ferait %d × %d pixels, plus que la limite de %d millions : utilisez --dpi %d ou moins"},
		"png.failed": {"cannot make the PNG picture", "impossible de produire l'image PNG"},

		// Command line.
		"print.help.logo": {"PNG or JPEG logo drawn in the title block (PDF and PNG)",
			"logo PNG ou JPEG dessiné dans le cartouche (PDF et PNG)"},
		"print.help.footer": {"footer line on every page, such as a confidentiality notice",
			"ligne de pied de page sur chaque page, par exemple une mention de confidentialité"},
		"print.help.doc_version": {"document version printed in the footer, with the date",
			"version du document imprimée en pied de page, avec la date"},
		"print.help.with": {"pages to add after the posters, comma-separated: plan (impact/effort matrix and action plan), compare (current vs target); and trends, each KPI's values over the reviews drawn beside it on the poster (PDF, PNG, SVG)",
			"pages à ajouter après les posters, séparées par des virgules : plan (matrice impact/effort et plan d'action), compare (parcours actuel et cible) ; et trends, les valeurs de chaque KPI au fil des revues tracées à côté de lui sur le poster (PDF, PNG, SVG)"},
		"print.help.without": {"parts to leave out of the poster, comma-separated: persona (the persona card), opportunities, quotes",
			"éléments à retirer du poster, séparés par des virgules : persona (la fiche persona), opportunities (opportunités), quotes (verbatims)"},
		"print.compare.none": {"no journey printed has a counterpart to compare with: make a target journey with Journey → Duplicate as target journey",
			"aucun parcours imprimé n'a de parcours à comparer : créez un parcours cible avec Parcours → Dupliquer en parcours cible"},
		"print.cli.not_for_picture": {"option %s does not apply to a %s export: a picture is one page",
			"l'option %s ne s'applique pas à un export %s : une image est une seule page"},
		// Readable posters: a long journey split over several posters, and
		// the warning when card titles would print too small.
		"print.split.title": {"%s (%d/%d)", "%s (%d/%d)"},
		"print.help.split": {"PDF: print each journey on N posters, its stages shared out among them (never split), each with the title block, lane labels and stage headers",
			"PDF : imprimer chaque parcours sur N posters, ses étapes réparties entre eux (jamais coupées), chacun avec son cartouche, ses couloirs et ses en-têtes d'étapes"},
		"print.split.range": {"a whole number from 1 to %d", "un nombre entier de 1 à %d"},
		"print.small.head": {"the card titles of “%s” would print at %s pt, under the %v pt a poster can be read at: ",
			"les titres des cartes de « %s » s'imprimeraient en %s pt, sous les %v pt lisibles sur un poster : "},
		"print.small.split": {"split its stages over %d posters (--split %[1]d)",
			"répartissez ses étapes sur %d posters (--split %[1]d)"},
		"print.small.paper": {"print it on a larger paper (--paper %s, tiled on office sheets with --tile A3)",
			"imprimez-le sur un papier plus grand (--paper %s, en mosaïque de feuilles avec --tile A3)"},
		"print.small.split_ui": {"share its stages out over %d posters (Posters per journey)",
			"répartissez ses étapes sur %d posters (Posters par parcours)"},
		"print.small.paper_ui": {"print it on a larger paper (%s, or the same on office sheets)",
			"imprimez-le sur un papier plus grand (%s, ou le même en mosaïque de feuilles)"},
		"print.small.none_ui": {"show its key moments only (Macro view), or cut the journey into shorter ones",
			"n'affichez que ses moments clés (vue Macro), ou découpez le parcours en parcours plus courts"},
		"print.small.or": {", or ", ", ou "},
		"print.small.none": {"show its key moments only (--view macro), or cut the journey into shorter ones",
			"n'affichez que ses moments clés (--view macro), ou découpez le parcours en parcours plus courts"},
		"print.cli.all_to_stdout": {"--journey all makes one %s file per journey: give a file name with -o, not -",
			"--journey all produit un fichier %s par parcours : donnez un nom de fichier avec -o, pas -"},
	})
})

// Printed messages that take a count.
var _ = lazily(func() {
	addCounted(map[string]counted{
		"print.guide.sheets": {0,
			"%d sheet", "%d sheets",
			"%d feuille", "%d feuilles"},
		"print.tp.score_n": {1,
			"Score: %s/10 (%d response)", "Score: %s/10 (%d responses)",
			"Note : %s/10 (%d réponse)", "Note : %s/10 (%d réponses)"},
	})
})
