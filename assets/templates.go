package assets

import (
	"embed"
	"maps"
	"slices"
)

// The journey templates, one parcours/v1 file per template and language:
// templates/NAME.LANG.json. They share their ids across languages, so a
// French and an English map made from the same template line up.
//
//go:embed templates/*.json
var templateFS embed.FS

// Template describes a journey template `parcours new --template NAME` can
// start from.
type Template struct {
	Name        string
	Description map[string]string // one line each, keyed "fr" and "en"
}

// DefaultTemplate is the template `parcours new` uses when none is named.
const DefaultTemplate = "purchase"

var templates = []Template{
	{Name: "blank", Description: map[string]string{
		"fr": "Parcours vierge\u00a0: trois étapes (Avant, Pendant, Après), deux couloirs, aucun point de contact",
		"en": "Blank journey: three stages (Before, During, After), two lanes, no touchpoints",
	}},
	{Name: "delivery", Description: map[string]string{
		"fr": "Livraison à domicile\u00a0: commande, avis d’expédition par SMS, e-mail et push, page de suivi, transporteur sous-traité",
		"en": "Home delivery: order, shipping notices by text, e-mail and push, tracking page, outsourced carrier",
	}},
	{Name: "onboarding", Description: map[string]string{
		"fr": "Arrivée d’un nouveau collaborateur vue par le service desk IT, de la pré-arrivée à l’intégration durable",
		"en": "New employee onboarding through the IT service desk, from pre-boarding to settling in",
	}},
	{Name: "purchase", Description: map[string]string{
		"fr": "Achat en ligne en six étapes, de la découverte à la fidélisation",
		"en": "Online purchase in six stages, from awareness to loyalty",
	}},
}

// Templates lists the templates in the order `parcours templates` prints
// them: blank, delivery, onboarding, purchase. The result is a copy.
func Templates() []Template {
	out := make([]Template, len(templates))
	for i, t := range templates {
		out[i] = Template{Name: t.Name, Description: maps.Clone(t.Description)}
	}
	return out
}

// TemplateJSON returns the parcours/v1 JSON of template name in language
// lang ("fr" or "en"); ok is false when either is unknown.
func TemplateJSON(name, lang string) ([]byte, bool) {
	if lang != "fr" && lang != "en" {
		return nil, false
	}
	if !slices.ContainsFunc(templates, func(t Template) bool { return t.Name == name }) {
		return nil, false
	}
	b, err := templateFS.ReadFile("templates/" + name + "." + lang + ".json")
	if err != nil {
		return nil, false
	}
	return b, true
}
