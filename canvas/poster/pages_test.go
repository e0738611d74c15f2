package poster_test

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"parcours/canvas"
	"parcours/canvas/poster"
	"parcours/model"
	"parcours/model/compare"
	"parcours/model/msg"
	"parcours/model/plan"
)

// planDoc is the reference document with more opportunities on its
// current journey, one in each quadrant at least, and a target journey
// made from it with some changes: an emotion raised, a touchpoint
// removed, one renamed. It returns the document, the current journey,
// the reference's own target (without opportunities) and the new target.
func planDoc(t *testing.T) (d *model.Document, cur, empty, tgt *model.Journey) {
	t.Helper()
	d = livraison(t)
	cur, empty = d.Journeys[0], d.Journeys[1]
	if len(empty.Opportunities) != 0 {
		t.Fatalf("the reference target journey has %d opportunities: this test expects none", len(empty.Opportunities))
	}
	tp := cur.Touchpoints[0].ID
	cur.Opportunities = append(cur.Opportunities,
		&model.Opportunity{ID: "o-sms", Title: "SMS la veille de la livraison", Kind: model.Optimize,
			Touchpoints: []string{tp}, Impact: 5, Effort: 1, Owner: "Relation client", Status: model.Planned},
		&model.Opportunity{ID: "o-faq", Title: "FAQ livraison à jour", Kind: model.Repair,
			Impact: 2, Effort: 1, Status: model.Proposed},
		&model.Opportunity{ID: "o-casiers", Title: "Casiers automatiques en gare", Kind: model.Transform,
			Impact: 2, Effort: 5, Owner: "Logistique", Status: model.Proposed})
	tgt = d.Duplicate(cur.ID, "Livraison sans souci")
	tgt.Touchpoints[1].Emotion = 2
	tgt.Touchpoints[2].Title = "Choix du créneau en un clic"
	tgt.DeleteTouchpoints(tgt.Touchpoints[len(tgt.Touchpoints)-1].ID)
	return d, cur, empty, tgt
}

// extras writes the PDF of scenes with opts and returns its path, the
// text of each page (white space made single spaces), how many pages the
// posters take and how many the pages after them, before the appendix.
// The posters and the appendix are counted from the same PDF written
// without Journeys, Plan and Comparisons, then with Journeys alone.
func extras(t *testing.T, name string, scenes []*canvas.Scene, opts poster.Options) (path string, texts []string, posters, extra int) {
	t.Helper()
	bare := opts
	bare.Plan, bare.Comparisons, bare.Journeys = false, nil, nil
	posters = pages(t, poppler(t, "pdfinfo", write(t, "bare-"+name, scenes, bare)))
	bare.Journeys = opts.Journeys
	appendix := pages(t, poppler(t, "pdfinfo", write(t, "appendix-"+name, scenes, bare))) - posters
	path = write(t, name, scenes, opts)
	n := pages(t, poppler(t, "pdfinfo", path))
	for _, page := range strings.Split(poppler(t, "pdftotext", path, "-"), "\f")[:n] {
		texts = append(texts, strings.Join(strings.Fields(page), " "))
	}
	extra = n - posters - appendix
	for i := posters + extra; i < n; i++ {
		if !strings.HasPrefix(texts[i], strings.TrimSpace(msg.T("print.appendix.title", ""))) {
			t.Errorf("%s: page %d, after the pages after the posters, is not the appendix:\n%s", name, i+1, texts[i])
		}
	}
	return path, texts, posters, extra
}

// inOrder checks that each of wants appears in text after the former.
func inOrder(t *testing.T, what, text string, wants []string) {
	t.Helper()
	at := 0
	for _, w := range wants {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Errorf("%s: %q missing, or out of order, in:\n%s", what, w, text)
			return
		}
		at += i + len(w)
	}
}

func sizeIs(sz [2]float64, w, h float64) bool {
	return math.Abs(sz[0]-w) < 0.1 && math.Abs(sz[1]-h) < 0.1
}

func TestPlanAndComparisonPages(t *testing.T) {
	defer msg.SetLanguage(msg.Language())
	msg.SetLanguage(msg.English)
	d, cur, empty, tgt := planDoc(t)
	scenes := []*canvas.Scene{canvas.Layout(d, cur), canvas.Layout(d, empty)}
	r := compare.Compare(cur, tgt)
	if len(r.Changes) < 3 {
		t.Fatalf("only %d changes", len(r.Changes))
	}
	opts := poster.Options{Journeys: []*model.Journey{cur, empty}, Plan: true, Comparisons: []compare.Result{r},
		Footer: "Confidential", Version: "2.1", Date: time.Date(2026, 5, 14, 0, 0, 0, 0, time.UTC)}
	path, texts, posters, extra := extras(t, "pages-a0.pdf", scenes, opts)
	if posters != 2 || extra != 2+1 {
		t.Fatalf("%d poster pages and %d after them, want 2 posters, then 2 action plans and 1 comparison", posters, extra)
	}
	for i, sz := range pageSizes(t, path, len(texts))[:posters+extra] {
		if !sizeIs(sz, 3370.39, 2383.94) {
			t.Errorf("page %d: %v pt, want A0 landscape as the posters", i+1, sz)
		}
	}

	// The action plan of the current journey: the matrix's quadrants and
	// the opportunities in priority order.
	p3 := texts[2]
	for _, want := range []string{"Action plan — " + cur.Title, "Impact/effort matrix", "Opportunities by priority",
		"Quick wins (1)", "Major projects (2)", "Fill-ins (2)", "Thankless tasks (1)", plan.QuickWins.Advice(),
		"Opportunities: 6 · quick wins: 1", "Relation client", "Touchpoints", "Confidential", "Version 2.1 · 2026-05-14"} {
		if !strings.Contains(p3, want) {
			t.Errorf("action plan page lacks %q:\n%s", want, p3)
		}
	}
	rows := plan.Rows(cur)
	plan.Sort(rows, plan.ByPriority, false)
	var titles []string
	for _, r := range rows {
		titles = append(titles, r.Title)
	}
	if titles[0] != "SMS la veille de la livraison" || titles[len(titles)-1] != "Casiers automatiques en gare" {
		t.Fatalf("priority order: %v", titles)
	}
	inOrder(t, "action plan", p3, titles)

	// The reference target has no opportunity: an empty matrix and a line.
	p4 := texts[3]
	for _, want := range []string{"Action plan — " + empty.Title, "No opportunity yet", "Quick wins (0)", "Opportunities: 0", "Confidential"} {
		if !strings.Contains(p4, want) {
			t.Errorf("empty action plan page lacks %q:\n%s", want, p4)
		}
	}

	// The comparison: both titles, the legend, every change in the
	// report's words.
	p5 := texts[4]
	for _, want := range []string{"Current vs target — " + cur.Title + " → " + tgt.Title,
		"Current journey: " + cur.Title, "Target journey: " + tgt.Title, "Differences", "+2", "−2",
		"removed from", "emotion", "changed: title", "Confidential"} {
		if !strings.Contains(p5, want) {
			t.Errorf("comparison page lacks %q:\n%s", want, p5)
		}
	}
	inOrder(t, "comparison", p5, changeLines(r))
}

// changeLines are the lines of the text report for r's changes, their
// white space made single spaces.
func changeLines(r compare.Result) []string {
	var lines []string
	for _, c := range r.Changes {
		lines = append(lines, strings.Join(strings.Fields(compare.ChangeLine(c)), " "))
	}
	return lines
}

// manyOpportunities gives j n opportunities, all over the matrix.
func manyOpportunities(j *model.Journey, n int) {
	j.Opportunities = nil
	for i := range n {
		j.Opportunities = append(j.Opportunities, &model.Opportunity{ID: fmt.Sprintf("o-%02d", i+1),
			Title: fmt.Sprintf("Opportunity %02d to improve the delivery", i+1), Kind: model.Optimize,
			Impact: 1 + i%5, Effort: 1 + (i/5)%5, Owner: "Team " + itoa(i%4), Status: model.Proposed,
			Touchpoints: []string{j.Touchpoints[i%len(j.Touchpoints)].ID}})
	}
}

func TestLongPlanContinues(t *testing.T) {
	defer msg.SetLanguage(msg.Language())
	msg.SetLanguage(msg.English)
	d := livraison(t)
	j := d.Journeys[0]
	manyOpportunities(j, 64)
	rows := plan.Rows(j)
	plan.Sort(rows, plan.ByPriority, false)
	var titles []string
	for _, r := range rows {
		titles = append(titles, r.Title)
	}
	for _, c := range []struct{ paper, orientation string }{{"A4", "portrait"}, {"A0", "landscape"}} {
		pp := paper(t, c.paper, c.orientation)
		path, texts, posters, extra := extras(t, "long-plan-"+c.paper+".pdf", []*canvas.Scene{canvas.Layout(d, j)},
			poster.Options{Paper: pp, Journeys: []*model.Journey{j}, Plan: true})
		if posters != 1 || extra < 2 {
			t.Fatalf("%s: %d poster pages and %d after them, want the poster and the action plan continued", c.paper, posters, extra)
		}
		for i, sz := range pageSizes(t, path, posters+extra) {
			if !sizeIs(sz, pp.W*72/25.4, pp.H*72/25.4) {
				t.Errorf("%s: page %d is %v pt, want the poster's paper", c.paper, i+1, sz)
			}
		}
		if first := texts[1]; !strings.Contains(first, "Action plan — "+j.Title) || strings.Contains(first, "(continued)") {
			t.Errorf("%s: page 2 is not the first action plan page:\n%s", c.paper, first)
		}
		for i := 2; i < posters+extra; i++ {
			if !strings.HasPrefix(texts[i], "Action plan — "+j.Title+" (continued)") {
				t.Errorf("%s: page %d lacks the heading (continued):\n%s", c.paper, i+1, texts[i])
			}
		}
		inOrder(t, c.paper+" long action plan", strings.Join(texts[1:posters+extra], " "), titles)
		if last := texts[posters+extra-1]; !strings.Contains(last, titles[len(titles)-1]) {
			t.Errorf("%s: the last opportunity is not on the last page:\n%s", c.paper, last)
		}
	}
}

func TestLongComparisonContinues(t *testing.T) {
	defer msg.SetLanguage(msg.Language())
	msg.SetLanguage(msg.English)
	d := livraison(t)
	cur := d.Journeys[0]
	// Many touchpoints, each with another emotion in the target.
	for i := range 80 {
		tp := *cur.Touchpoints[i%len(cur.Touchpoints)]
		tp.ID, tp.Title, tp.Order = fmt.Sprintf("t-more-%02d", i), fmt.Sprintf("Extra moment %02d", i), 1000+i
		cur.Touchpoints = append(cur.Touchpoints, &tp)
	}
	cur.Timeline()
	tgt := d.Duplicate(cur.ID, "Target")
	for _, tp := range tgt.Touchpoints {
		tp.Emotion = 2 - (tp.Emotion+4)%5
	}
	r := compare.Compare(cur, tgt)
	if r.Count(compare.Emotion) < 60 {
		t.Fatalf("only %d emotion changes", r.Count(compare.Emotion))
	}
	// On portrait paper the differences are in one column, read in order
	// by pdftotext.
	_, texts, posters, extra := extras(t, "long-compare.pdf", []*canvas.Scene{canvas.Layout(d, d.Journeys[1])},
		poster.Options{Paper: paper(t, "A4", "portrait"), Comparisons: []compare.Result{r}})
	if extra < 2 {
		t.Fatalf("%d pages after the poster, want the comparison continued", extra)
	}
	for i := posters + 1; i < posters+extra; i++ {
		if !strings.HasPrefix(texts[i], "Current vs target — "+cur.Title+" → Target (continued)") {
			t.Errorf("page %d lacks the heading (continued):\n%s", i+1, texts[i])
		}
	}
	inOrder(t, "long comparison", strings.Join(texts[posters:], " "), changeLines(r))

	// On landscape paper, in two columns: every line is there.
	_, texts, posters, extra = extras(t, "long-compare-landscape.pdf", []*canvas.Scene{canvas.Layout(d, d.Journeys[1])},
		poster.Options{Paper: paper(t, "A4", "landscape"), Comparisons: []compare.Result{r}})
	all := strings.Join(texts[posters:posters+extra], " ")
	for _, l := range changeLines(r) {
		if !strings.Contains(all, l) {
			t.Errorf("landscape comparison lacks %q", l)
		}
	}
}

func TestTiledHandoutsOnLandscapeTilePaper(t *testing.T) {
	defer msg.SetLanguage(msg.Language())
	msg.SetLanguage(msg.English)
	d, cur, _, tgt := planDoc(t)
	a4 := paper(t, "A4", "portrait")
	opts := poster.Options{Tile: &a4, Journeys: []*model.Journey{cur}, Plan: true,
		Comparisons: []compare.Result{compare.Compare(cur, tgt)}}
	tl, err := poster.Tile(poster.A0Landscape, a4)
	if err != nil {
		t.Fatal(err)
	}
	path, texts, posters, extra := extras(t, "pages-tiled.pdf", []*canvas.Scene{canvas.Layout(d, cur)}, opts)
	if posters != 1+len(tl.Sheets) || extra != 2 {
		t.Fatalf("%d poster pages and %d after them, want the guide and %d sheets, the action plan and the comparison",
			posters, extra, len(tl.Sheets))
	}
	sizes := pageSizes(t, path, posters+extra)
	for i := posters; i < posters+extra; i++ {
		if !sizeIs(sizes[i], 841.89, 595.28) {
			t.Errorf("page %d: %v pt, want A4 landscape", i+1, sizes[i])
		}
	}
	if p := texts[posters]; !strings.HasPrefix(p, "Action plan — "+cur.Title) {
		t.Errorf("page %d is not the action plan:\n%s", posters+1, p)
	}
	if p := texts[posters+1]; !strings.HasPrefix(p, "Current vs target — ") {
		t.Errorf("page %d is not the comparison:\n%s", posters+2, p)
	}
}

func TestFrenchPlanAndComparison(t *testing.T) {
	defer msg.SetLanguage(msg.Language())
	msg.SetLanguage(msg.French)
	d, cur, _, tgt := planDoc(t)
	r := compare.Compare(cur, tgt)
	_, texts, posters, extra := extras(t, "pages-fr.pdf", []*canvas.Scene{canvas.Layout(d, cur)},
		poster.Options{Paper: paper(t, "A4", "portrait"), Journeys: []*model.Journey{cur}, Plan: true, Comparisons: []compare.Result{r}})
	if posters != 1 || extra != 2 {
		t.Fatalf("%d poster pages and %d after them, want the poster, the action plan and the comparison", posters, extra)
	}
	p2 := texts[1]
	for _, want := range []string{"Plan d'action — " + cur.Title, "Matrice impact/effort", "Opportunités par priorité",
		"Gains rapides (1)", "Projets structurels (2)", "Petites améliorations (2)", "Tâches ingrates (1)",
		"Opportunités : 6 · gains rapides : 1", "Gain rapide", "Responsable", "Points de contact", "planifiée", "optimiser", "oui"} {
		if !strings.Contains(p2, want) {
			t.Errorf("French action plan lacks %q:\n%s", want, p2)
		}
	}
	p3 := texts[2]
	for _, want := range []string{"Parcours actuel et cible — " + cur.Title + " → " + tgt.Title,
		"Parcours actuel : " + cur.Title, "Parcours cible : " + tgt.Title, "Différences",
		"supprimé de l'étape", "modifié : titre"} {
		if !strings.Contains(p3, want) {
			t.Errorf("French comparison lacks %q:\n%s", want, p3)
		}
	}
	inOrder(t, "French comparison", p3, changeLines(r))
}

var (
	bboxPage = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	bboxBox  = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">`)
)

// Texts far too long for a page are cut rather than drawn off the page:
// every word of every page after the poster lies inside its margins.
func TestHugeTextsStayOnThePage(t *testing.T) {
	defer msg.SetLanguage(msg.Language())
	msg.SetLanguage(msg.English)
	d, cur, _, tgt := planDoc(t)
	huge := strings.Repeat("an opportunity with a title far too long for any table 📦 ", 120)
	cur.Opportunities[0].Title = huge
	cur.Opportunities[1].Owner = strings.Repeat("Owner ", 400)
	tgt.Touchpoints[3].Title = huge
	cur.Title = strings.Repeat("A very long journey title ", 12)
	r := compare.Compare(cur, tgt)
	path, _, posters, extra := extras(t, "huge.pdf", []*canvas.Scene{canvas.Layout(d, cur)},
		poster.Options{Paper: paper(t, "A4", "portrait"), Journeys: []*model.Journey{cur}, Plan: true,
			Comparisons: []compare.Result{r}, Footer: "Confidential"})
	if extra < 2 || extra > 8 {
		t.Fatalf("%d pages after the poster", extra)
	}
	out := poppler(t, "pdftotext", "-bbox", "-f", itoa(posters+1), "-l", itoa(posters+extra), path, "-")
	pagesOut := bboxPage.FindAllStringSubmatchIndex(out, -1)
	if len(pagesOut) != extra {
		t.Fatalf("pdftotext -bbox gave %d pages, want %d", len(pagesOut), extra)
	}
	for i, m := range pagesOut {
		w, h := atof(out[m[2]:m[3]]), atof(out[m[4]:m[5]])
		end := len(out)
		if i+1 < len(pagesOut) {
			end = pagesOut[i+1][0]
		}
		for _, b := range bboxBox.FindAllStringSubmatch(out[m[1]:end], -1) {
			// Inside the 12 mm margins (34 pt), with a little leeway.
			const m = 30
			if x0, y0, x1, y1 := atof(b[1]), atof(b[2]), atof(b[3]), atof(b[4]); x0 < m || y0 < m || x1 > w-m || y1 > h-m {
				t.Errorf("page %d: a word at %v lies outside the margins of the %v × %v pt page", posters+1+i, b[1:], w, h)
			}
		}
	}
	if text := flatText(t, path); !strings.Contains(text, "📦") || strings.Contains(text, "[U+1F4E6]") {
		t.Error("the emoji is not drawn with its character behind")
	}
}

func flatText(t *testing.T, path string) string {
	t.Helper()
	return strings.Join(strings.Fields(poppler(t, "pdftotext", path, "-")), " ")
}
