package msg

// Messages of model/sheet/workbook: why an Excel workbook cannot be read.
// They follow "not an Excel workbook (.xlsx): ", so they say what the file
// is or holds.
func init() {
	add(map[string]wording{
		"workbook.not_zip": {"the file is not a zip archive, as an .xlsx file is",
			"le fichier n'est pas une archive zip, comme l'est un fichier .xlsx"},
		"workbook.compound": {"the file is an old Excel workbook (.xls) or one protected by a password: save it as .xlsx without a password",
			"le fichier est un ancien classeur Excel (.xls) ou un classeur protégé par un mot de passe : l'enregistrer au format .xlsx sans mot de passe"},
		"workbook.too_big": {"it holds more than %d MB once unpacked",
			"il dépasse %d Mo une fois décompressé"},
		"workbook.long_run": {"its part %s holds more than %d MB in one piece, without markup, more than any cell holds",
			"sa partie %s contient plus de %d Mo d'un seul tenant, sans balise, plus qu'aucune cellule n'en contient"},
		"workbook.too_many_cells": {"it holds more than %d cells",
			"il contient plus de %d cellules"},
		"workbook.too_many_strings": {"it holds more than %d texts",
			"il contient plus de %d textes"},
		"workbook.too_many_parts": {"its zip archive holds more than %d files",
			"son archive zip contient plus de %d fichiers"},
		"workbook.too_many_sheets": {"it holds more than %d sheets",
			"il contient plus de %d feuilles"},
		"workbook.missing": {"its part %s is missing",
			"sa partie %s manque"},
		"workbook.no_sheet_part": {"the part of sheet %s is missing",
			"la partie de la feuille %s manque"},
		"workbook.damaged": {"its part %s is damaged",
			"sa partie %s est abîmée"},
		"workbook.xml": {"its part %s is not well-formed XML (line %d)",
			"sa partie %s n'est pas du XML bien formé (ligne %d)"},
		"workbook.deep": {"its part %s nests elements more than %d deep",
			"sa partie %s imbrique des éléments sur plus de %d niveaux"},
		"workbook.bad_row": {"sheet %s: row %q is not a row of a sheet (1 to 1048576)",
			"feuille %s : la ligne %q n'est pas une ligne de feuille (de 1 à 1048576)"},
		"workbook.bad_cell": {"sheet %s: %q is not a cell of a sheet (A1 to XFD1048576)",
			"feuille %s : %q n'est pas une cellule de feuille (de A1 à XFD1048576)"},
		"workbook.bad_text": {"sheet %s, cell %s: text number %q is not in the workbook",
			"feuille %s, cellule %s : le texte numéro %q n'est pas dans le classeur"},
	})
}
