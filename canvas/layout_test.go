package canvas_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"parcours/canvas"
	"parcours/model"
	"parcours/model/modeltest"
)

func livraison(t testing.TB) *model.Document { return modeltest.Reference(t) }

func TestLayoutPutsEachCardInItsCellAndSlot(t *testing.T) {
	d := livraison(t)
	j := d.Journeys[0]
	s := canvas.Layout(d, j)
	if len(s.Cards) != len(j.Touchpoints) || len(s.Curve.Points) != len(j.Touchpoints) {
		t.Fatalf("%d cards, %d curve points for %d touchpoints", len(s.Cards), len(s.Curve.Points), len(j.Touchpoints))
	}
	checkDense(t, s, j)
	// The tracking stage's three touchpoints go down the lanes, then up:
	// two columns of cards.
	if n := len(s.Columns[1].Slots); n != 2 {
		t.Errorf("stage Suivi has %d columns of cards, want 2", n)
	}
	if !s.Numbered {
		t.Error("cards share columns but are not numbered")
	}
	if !s.Rows[0].Owned || s.Rows[3].Owned {
		t.Errorf("ownership lost: %+v %+v", s.Rows[0].Owned, s.Rows[3].Owned)
	}
}

// checkDense holds the dense layout's rules on s, the map of j: each card
// in its stage's column and its lane's row, in a column of cards of its
// stage, none overlapping; the timeline read back left to right across
// the columns, top to bottom within one; touchpoints that follow one
// another in a stage share a column exactly when the second's lane is
// below the first's; one curve point per touchpoint, in timeline order,
// always moving right, each inside its card's column.
func checkDense(t *testing.T, s *canvas.Scene, j *model.Journey) {
	t.Helper()
	lane := map[string]int{}
	for i, l := range j.Lanes {
		lane[l.ID] = i
	}
	for i, c := range s.Cards {
		tp := j.Touchpoint(c.TouchpointID)
		col, row := s.Columns[c.Column], s.Rows[c.Row]
		if col.StageID != tp.Stage || row.LaneID != tp.Lane {
			t.Errorf("%s drawn in %s/%s, belongs to %s/%s", tp.ID, col.StageID, row.LaneID, tp.Stage, tp.Lane)
		}
		if !contains(col.Body, c.Rect) || !contains(row.Rect, c.Rect) {
			t.Errorf("%s card %+v outside its cell", tp.ID, c.Rect)
		}
		if c.Step < 0 || c.Step >= len(col.Slots) || c.Rect.X < col.Slots[c.Step] || c.Rect.X+c.Rect.W > col.Slots[c.Step]+canvas.SlotWidth {
			t.Errorf("%s card %+v outside its column of cards %d", tp.ID, c.Rect, c.Step)
		}
		if c.Number != tp.Order {
			t.Errorf("%s numbered %d, its order is %d", tp.ID, c.Number, tp.Order)
		}
		p := s.Curve.Points[i]
		if p.TouchpointID != tp.ID || p.X <= c.Rect.X || p.X >= c.Rect.X+c.Rect.W || p.Y != s.Curve.Levels[tp.Emotion+2] {
			t.Errorf("curve point %+v not under card %s %+v", p, tp.ID, c.Rect)
		}
		if i > 0 && s.Curve.Points[i-1].X >= p.X {
			t.Errorf("curve goes back at %s", tp.ID)
		}
		for k := 0; k < i; k++ {
			if overlap(s.Cards[k].Rect, c.Rect) {
				t.Errorf("cards %s and %s overlap", s.Cards[k].TouchpointID, tp.ID)
			}
		}
		if i == 0 {
			continue
		}
		prev := s.Cards[i-1]
		before := prev.Column < c.Column || (prev.Column == c.Column && (prev.Step < c.Step || (prev.Step == c.Step && prev.Row < c.Row)))
		if !before {
			t.Errorf("card %s does not read after %s", tp.ID, prev.TouchpointID)
		}
		shared := prev.Column == c.Column && prev.Step == c.Step
		if prev.Column == c.Column && shared != (lane[tp.Lane] > lane[j.Touchpoint(prev.TouchpointID).Lane]) {
			t.Errorf("cards %s and %s: sharing a column is %v", prev.TouchpointID, tp.ID, shared)
		}
		if prev.Column == c.Column && !shared && c.Step != prev.Step+1 {
			t.Errorf("card %s skips a column after %s", tp.ID, prev.TouchpointID)
		}
	}
}

func TestLayoutKeepsEmoji(t *testing.T) {
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	c := s.Cards[s.CardIndex("t-page-suivi")]
	var text []string
	for _, l := range c.Title.Lines {
		text = append(text, l.Text)
	}
	got := strings.Join(text, " ")
	if !strings.Contains(got, "📦") || strings.Contains(got, "[U+") || strings.Contains(got, "?") {
		t.Errorf("title lines %q: want the parcel emoji kept, to be drawn from the emoji font", got)
	}
}

func TestEmojiAreMeasuredAndDrawn(t *testing.T) {
	reg, _ := canvas.Fonts()
	if !reg.IsEmoji('📦') || reg.IsEmoji('é') || reg.IsEmoji('✓') || reg.IsEmoji('\uE000') {
		t.Errorf("IsEmoji: 📦 %v, é %v, ✓ (DejaVu's own) %v, U+E000 (no font's) %v",
			reg.IsEmoji('📦'), reg.IsEmoji('é'), reg.IsEmoji('✓'), reg.IsEmoji('\uE000'))
	}
	if w, a := reg.Width("a📦", 10), reg.Width("a", 10); !(w > a+2) {
		t.Errorf("the parcel is measured %.2f mm wide at 10 pt, want some 3.5 mm", w-a)
	}
	g := canvas.EmojiGlyph('📦')
	if g == nil || len(g.Path) < 4 || !(g.Advance > 0.5) {
		t.Fatalf("EmojiGlyph(📦) = %+v, want an outline", g)
	}
	if canvas.EmojiGlyph('\uE000') != nil {
		t.Error("EmojiGlyph(U+E000): the emoji font has no such glyph")
	}
}

func TestLongTitleWrapsAndEndsWithEllipsis(t *testing.T) {
	d := livraison(t)
	j := d.Journeys[0]
	j.Touchpoint("t-panier").Title = strings.Repeat("Choix du créneau de livraison au panier, ", 8)
	s := canvas.Layout(d, j)
	c := s.Cards[s.CardIndex("t-panier")]
	reg, bold := canvas.Fonts()
	_ = reg
	if !c.Title.Cut || len(c.Title.Lines) != 4 {
		t.Fatalf("long title: cut=%v, %d lines", c.Title.Cut, len(c.Title.Lines))
	}
	for _, l := range c.Title.Lines {
		if w := bold.Width(l.Text, c.Title.Size); l.X+w > c.Rect.X+c.Rect.W {
			t.Errorf("line %q (%.1f mm) overflows the card", l.Text, w)
		}
		if l.Y+c.Title.LineHeight > c.Face.Center.Y-c.Face.Radius+0.01 {
			t.Errorf("line %q runs into the bottom row", l.Text)
		}
	}
	if last := c.Title.Lines[3].Text; !strings.HasSuffix(last, canvas.Ellipsis) {
		t.Errorf("last line %q has no ellipsis", last)
	}
}

func TestWrapBreaksWordsLongerThanALine(t *testing.T) {
	reg, _ := canvas.Fonts()
	lines, cut := reg.Wrap(strings.Repeat("x", 200), 9, 30, 20)
	if cut || len(lines) < 2 || strings.Join(lines, "") != strings.Repeat("x", 200) {
		t.Fatalf("got %d lines, cut=%v", len(lines), cut)
	}
	for _, l := range lines {
		if reg.Width(l, 9) > 30 {
			t.Errorf("line %q too wide", l)
		}
	}
}

func TestPrintable(t *testing.T) {
	reg, _ := canvas.Fonts()
	for in, want := range map[string]string{
		"Été « œuvre » 10 €": "Été « œuvre » 10 €",
		"⚠️ colis":           "⚠ colis",
		"a📦b":                "a📦b",
		"a\uE000b":           "a[U+E000]b",
		"漢":                  "[U+6F22]",
		"tab\there":          "tab here",
	} {
		if got := reg.Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDropAt(t *testing.T) {
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	// Right of the first card of stage Suivi (t-preparation), in lane l-sav.
	first := s.Cards[s.CardIndex("t-preparation")].Rect
	row := s.Rows[4].Rect
	drop, ok := s.DropAt(first.X+first.W*0.75, row.Y+row.H/2, "t-panier")
	if !ok || drop.Column != 1 || drop.Row != 4 || drop.Slot != 1 {
		t.Fatalf("drop %+v ok=%v, want column 1 row 4 slot 1", drop, ok)
	}
	if _, ok := s.DropAt(1, 1, ""); ok {
		t.Error("a drop on the lane labels landed somewhere")
	}
	if _, ok := s.DropAt(s.Width+10, row.Y, ""); ok {
		t.Error("a drop right of the grid landed somewhere")
	}
	if i := s.CardAt(first.X+1, first.Y+1); i < 0 || s.Cards[i].TouchpointID != "t-preparation" {
		t.Errorf("CardAt found %d", i)
	}
}

// TestChannelIconSitsBetweenFaceAndChannelName checks the bottom row of
// every card: face, channel pictogram, channel name, badges, left to right,
// inside the card and without overlapping — on the reference, on a card
// with every marker, and on a generated map.
func TestChannelIconSitsBetweenFaceAndChannelName(t *testing.T) {
	ref := livraison(t)
	crowded := livraison(t)
	tp := crowded.Journeys[0].Touchpoint("t-panier")
	for _, m := range model.AllMarkers {
		tp.Markers = tp.Markers.With(m)
	}
	reg, _ := canvas.Fonts()
	for name, d := range map[string]*model.Document{"reference": ref, "every marker": crowded,
		"generated": modeltest.Generated(200, 6, 8)} {
		j := d.Journeys[0]
		s := canvas.Layout(d, j)
		if len(s.Cards) == 0 {
			t.Fatalf("%s: no cards", name)
		}
		for _, c := range s.Cards {
			ic := c.ChannelIcon
			where := fmt.Sprintf("%s: card %s", name, c.TouchpointID)
			if want := j.Touchpoint(c.TouchpointID).Channel; ic.Channel != want {
				t.Errorf("%s: icon of %s, want %s", where, ic.Channel, want)
			}
			box := ic.Box
			// 3 mm within rounding: the room is exactly that with every marker.
			if !(box.W >= 3-1e-9 && box.W <= 4) || box.H != box.W {
				t.Errorf("%s: icon box %+v, want a square of 3 to 4 mm", where, box)
			}
			if !contains(c.Rect, box) {
				t.Errorf("%s: icon %+v outside the card %+v", where, box, c.Rect)
			}
			f := c.Face
			face := canvas.Rect{X: f.Center.X - f.Radius, Y: f.Center.Y - f.Radius, W: 2 * f.Radius, H: 2 * f.Radius}
			if overlap(face, box) || box.X < face.X+face.W {
				t.Errorf("%s: icon %+v not right of the face %+v", where, box, face)
			}
			if mid := box.Y + box.H/2; math.Abs(mid-f.Center.Y) > 1e-9 {
				t.Errorf("%s: icon centred at y %.2f, face at %.2f", where, mid, f.Center.Y)
			}
			for _, l := range c.Channel.Lines {
				text := canvas.Rect{X: l.X, Y: l.Y, W: reg.Width(l.Text, c.Channel.Size), H: c.Channel.LineHeight}
				if overlap(text, box) || text.X < box.X+box.W {
					t.Errorf("%s: channel name %+v not right of the icon %+v", where, text, box)
				}
				if !contains(c.Rect, text) {
					t.Errorf("%s: channel name %+v outside the card", where, text)
				}
				for _, b := range c.Badges {
					if overlap(text, b.Rect) {
						t.Errorf("%s: channel name %+v overlaps badge %s %+v", where, text, b.Marker, b.Rect)
					}
				}
			}
			for _, b := range c.Badges {
				if overlap(box, b.Rect) || box.X+box.W > b.Rect.X {
					t.Errorf("%s: icon %+v not left of badge %s %+v", where, box, b.Marker, b.Rect)
				}
			}
		}
	}
	// The reference's first card keeps its channel's name beside the icon.
	c := canvas.Layout(ref, ref.Journeys[0]).Cards[0]
	if len(c.Channel.Lines) != 1 || c.Channel.Lines[0].Text != "Website" {
		t.Errorf("first card's channel line %+v, want Website", c.Channel.Lines)
	}
}

func contains(outer, inner canvas.Rect) bool {
	return inner.X >= outer.X && inner.Y >= outer.Y && inner.X+inner.W <= outer.X+outer.W && inner.Y+inner.H <= outer.Y+outer.H
}

func overlap(a, b canvas.Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

func BenchmarkLayout1000(b *testing.B) {
	d := modeltest.Generated(1000, 6, 8)
	j := d.Journeys[0]
	canvas.Fonts()
	b.ReportAllocs()
	for b.Loop() {
		canvas.Layout(d, j)
	}
}

// BenchmarkLayout1000Quotes is the layout of the poster, with the quotes
// row: a thousand quotes, of which each cell shows a few.
func BenchmarkLayout1000Quotes(b *testing.B) {
	d := modeltest.Generated(1000, 6, 8)
	j := d.Journeys[0]
	canvas.Fonts()
	b.ReportAllocs()
	for b.Loop() {
		canvas.LayoutWith(d, j, canvas.Options{Quotes: true})
	}
}

// A quotes row shows the quotes of each stage's touchpoints, one a
// paragraph between quotation marks, cut (calling for the appendix) when
// they do not fit.
func TestQuotesRow(t *testing.T) {
	d := livraison(t)
	j := d.Journeys[0]
	if canvas.Layout(d, j).BelowBand(canvas.BandQuotes) != nil {
		t.Error("the screen's layout has a quotes row")
	}
	s := canvas.LayoutWith(d, j, canvas.Options{Quotes: true, NoOpportunities: true})
	q := s.BelowBand(canvas.BandQuotes)
	reg, _ := canvas.Fonts()
	if q == nil || s.BelowBand(canvas.BandOpportunities) != nil {
		t.Fatalf("rows under the curve: %+v", s.Below)
	}
	if s.Height != q.Rect.Y+q.Rect.H || q.Rect.Y < s.Curve.Rect.Y+s.Curve.Rect.H {
		t.Errorf("the quotes row %+v is not under the curve %+v, at the bottom (%v)", q.Rect, s.Curve.Rect, s.Height)
	}
	for i, st := range j.Stages {
		var want []string
		for _, tp := range model.TimelineOf(j) {
			if tp.Stage == st.ID {
				for _, qt := range tp.Quotes {
					want = append(want, reg.Printable(canvas.Quoted(qt)))
				}
			}
		}
		var got []string
		for _, l := range q.Cells[i].Text.Lines {
			got = append(got, l.Text)
		}
		if strings.Join(strings.Fields(strings.Join(got, " ")), " ") != strings.Join(strings.Fields(strings.Join(want, " ")), " ") {
			t.Errorf("stage %s: quotes %q, want %q", st.Name, got, want)
		}
	}
	// A hundred quotes in one stage: the cell is cut, with an ellipsis.
	for _, tp := range j.Touchpoints[:1] {
		for k := range 100 {
			tp.Quotes = append(tp.Quotes, fmt.Sprintf("Verbatim %d", k))
		}
	}
	s = canvas.LayoutWith(d, j, canvas.Options{Quotes: true})
	cell := s.BelowBand(canvas.BandQuotes).Cells[s.Cards[0].Column].Text
	if !cell.Cut || !strings.HasSuffix(cell.Lines[len(cell.Lines)-1].Text, canvas.Ellipsis) {
		t.Errorf("a hundred quotes are not cut: %+v", cell)
	}
}

func TestStageBandsAdviceAndTargets(t *testing.T) {
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	kinds := []canvas.BandKind{}
	for _, b := range s.Bands {
		kinds = append(kinds, b.Kind)
		if len(b.Cells) != len(s.Columns) {
			t.Errorf("band %s has %d cells for %d stages", b.Kind, len(b.Cells), len(s.Columns))
		}
	}
	want := []canvas.BandKind{canvas.BandActions, canvas.BandThoughts, canvas.BandCustomerGoals, canvas.BandBusinessGoals, canvas.BandKPIs}
	if fmt.Sprint(kinds) != fmt.Sprint(want) {
		t.Errorf("bands %v, want %v", kinds, want)
	}
	last := s.Bands[len(s.Bands)-1].Rect
	if s.Grid.Y != last.Y+last.H {
		t.Errorf("grid starts at %.1f, bands end at %.1f", s.Grid.Y, last.Y+last.H)
	}
	if got := s.Bands[0].Cells[0].Text.Lines[0].Text; !strings.HasPrefix(got, "Remplit son panier") {
		t.Errorf("actions of Commande: %q", got)
	}
	if got := s.Bands[4].Cells[1].Text.Lines[0].Text; !strings.Contains(got, "18 000 / mois") {
		t.Errorf("KPI of Suivi: %q", got)
	}
	// Opportunities sit in the stage of their first touchpoint.
	if got := s.BelowBand(canvas.BandOpportunities).Cells[1].Text.Lines; len(got) == 0 || !strings.HasPrefix(got[0].Text, "Suivi en temps réel") {
		t.Errorf("opportunities of Suivi: %+v", got)
	}
	// CONTRACTS §4 on the example: Commande and Suivi are below 7.
	for i, below := range []bool{true, true, false, false} {
		if s.Columns[i].BelowTarget != below {
			t.Errorf("stage %s below target: %v", s.Columns[i].StageID, s.Columns[i].BelowTarget)
		}
	}
	for id, want := range map[string]canvas.Advice{"t-panier": canvas.AdviseListening, "t-remise": canvas.NoLever,
		"t-confirmation": canvas.NoAdvice, "t-push-jour": canvas.NoAdvice} {
		if got := s.Cards[s.CardIndex(id)].Advice; got != want {
			t.Errorf("%s advice %v, want %v", id, got, want)
		}
	}
}

func TestMacroViewKeepsKeyMomentsCompactly(t *testing.T) {
	d := livraison(t)
	j := d.Journeys[0]
	micro := canvas.Layout(d, j)
	macro := canvas.LayoutWith(d, j, canvas.Options{View: canvas.Macro})
	for _, c := range macro.Cards {
		if j.Touchpoint(c.TouchpointID).Markers == 0 {
			t.Errorf("macro view shows %s, which has no marker", c.TouchpointID)
		}
	}
	// 11 touchpoints, 2 without any marker (t-confirmation, t-preparation, t-avis have none: 3).
	if len(macro.Cards) != 8 || len(macro.Curve.Points) != 8 {
		t.Errorf("macro view: %d cards, %d curve points, want 8", len(macro.Cards), len(macro.Curve.Points))
	}
	if macro.Width >= micro.Width {
		t.Errorf("macro view is not more compact: %.0f mm vs %.0f mm", macro.Width, micro.Width)
	}
	if macro.Bands[0].Kind != canvas.BandSummary {
		t.Fatalf("first band %s, want the summary", macro.Bands[0].Kind)
	}
	// Suivi: t-preparation hidden; average emotion -1, score 3.75.
	var text []string
	for _, l := range macro.Bands[0].Cells[1].Text.Lines {
		text = append(text, l.Text)
	}
	got := strings.Join(text, " ")
	for _, want := range []string{"Savoir où en est mon colis", "-1", "3.75", "1 hidden"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary of Suivi %q lacks %q", got, want)
		}
	}
}

func TestHitAt(t *testing.T) {
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	c := s.Cards[s.CardIndex("t-remise")].Rect
	for _, tc := range []struct {
		x, y float64
		want canvas.Hit
	}{
		{c.X + 2, c.Y + 2, canvas.Hit{Kind: canvas.HitCard, Index: s.CardIndex("t-remise")}},
		{s.Columns[2].Header.X + 3, 3, canvas.Hit{Kind: canvas.HitStage, Index: 2}},
		{5, s.Rows[3].Rect.Y + 5, canvas.Hit{Kind: canvas.HitLane, Index: 3}},
		{s.Columns[1].Header.X + 3, s.Bands[1].Rect.Y + 1, canvas.Hit{Kind: canvas.HitBand, Index: 1, Band: canvas.BandThoughts}},
		{s.Columns[3].Header.X + 3, s.BelowBand(canvas.BandOpportunities).Rect.Y + 1, canvas.Hit{Kind: canvas.HitBand, Index: 3, Band: canvas.BandOpportunities}},
		{s.Columns[0].Header.X + 1, s.Rows[4].Rect.Y + 1, canvas.Hit{Kind: canvas.HitCell, Index: 0, Row: 4}},
		{s.Width + 5, 5, canvas.Hit{}},
	} {
		if got := s.HitAt(tc.x, tc.y); got != tc.want {
			t.Errorf("HitAt(%.0f, %.0f) = %+v, want %+v", tc.x, tc.y, got, tc.want)
		}
	}
	all := s.CardsIn(canvas.Rect{X: 0, Y: 0, W: s.Width, H: s.Height})
	if len(all) != len(s.Cards) {
		t.Errorf("a band over everything holds %d of %d cards", len(all), len(s.Cards))
	}
	if got := s.CardsIn(canvas.Rect{X: c.X + 1, Y: c.Y + 1, W: 1, H: 1}); len(got) != 1 {
		t.Errorf("a small band in t-remise holds %v", got)
	}
}

func TestPeaksAndDropsOnTheCurve(t *testing.T) {
	d := livraison(t)
	s := canvas.Layout(d, d.Journeys[0])
	var peaks, drops []string
	for _, p := range s.Curve.Points {
		if p.Peak {
			peaks = append(peaks, p.TouchpointID)
			if m := canvas.PeakMark(p); m[2].Y >= p.Y-p.Face.Radius {
				t.Errorf("peak mark of %s is not above its face", p.TouchpointID)
			}
		}
		if p.Drop {
			drops = append(drops, p.TouchpointID)
		}
	}
	if fmt.Sprint(peaks) != "[t-confirmation t-remise t-rembourse]" || fmt.Sprint(drops) != "[t-panier t-appel-ou t-absent t-retour]" {
		t.Errorf("peaks %v, drops %v", peaks, drops)
	}
}

// A card dropped anywhere on the grid lands, once the map is laid out
// again, in the cell and the column of cards DropAt said, right of the
// insertion mark; the dense layout's rules still hold after the drop.
func TestDropLandsWhereItSays(t *testing.T) {
	for _, d := range []*model.Document{livraison(t), modeltest.Generated(60, 6, 8)} {
		j := d.Journeys[0]
		s := canvas.Layout(d, j)
		n := 0
		for x := s.Grid.X + 0.7; x < s.Grid.X+s.Grid.W; x += 7.3 {
			for y := s.Grid.Y + 0.9; y < s.Grid.Y+s.Grid.H; y += 9.1 {
				n++
				if len(j.Touchpoints) > 20 && n%7 != 0 {
					continue // a sample of the big map's points
				}
				drop, ok := s.DropAt(x, y, "")
				if !ok {
					t.Fatalf("no drop at %.1f, %.1f inside the grid", x, y)
				}
				c := model.Clone(d)
				cj := c.Journeys[0]
				tp := &model.Touchpoint{ID: "t-new", Title: "Nouveau", Channel: model.ChannelEmail}
				cj.Place(tp, s.Columns[drop.Column].StageID, s.Rows[drop.Row].LaneID, drop.Slot)
				after := canvas.Layout(c, cj)
				got := after.Cards[after.CardIndex("t-new")]
				if got.Column != drop.Column || got.Row != drop.Row || got.Step != drop.Step || got.Slot != drop.Slot {
					t.Fatalf("dropped at %.1f, %.1f: DropAt says %+v, the card lands in column %d row %d step %d slot %d",
						x, y, drop, got.Column, got.Row, got.Step, got.Slot)
				}
				if l := drop.Line; l.X+l.W > got.Rect.X || got.Rect.X-(l.X+l.W) > canvas.SlotWidth-canvas.CardWidth || l.Y < got.Rect.Y-canvas.LaneHeight || l.Y > got.Rect.Y+got.Rect.H {
					t.Fatalf("dropped at %.1f, %.1f: mark %+v is not at the left of the card %+v", x, y, l, got.Rect)
				}
				checkDense(t, after, cj)
			}
		}
	}
}

// Moving a card keeps it out of the count: dropped on its own place, it
// stays where it is.
func TestDropOnItselfMovesNothing(t *testing.T) {
	d := livraison(t)
	j := d.Journeys[0]
	s := canvas.Layout(d, j)
	for _, c := range s.Cards {
		drop, ok := s.DropAt(c.Rect.X+c.Rect.W/2, c.Rect.Y+c.Rect.H/2, c.TouchpointID)
		if !ok || drop.Column != c.Column || drop.Row != c.Row || drop.Slot != c.Slot || drop.Step != c.Step {
			t.Errorf("%s dropped on itself: %+v, it is in column %d row %d slot %d step %d", c.TouchpointID, drop, c.Column, c.Row, c.Slot, c.Step)
		}
	}
}

// The first line of an indented text leaves the indent free; a word that
// only the indent keeps off it starts the next line whole rather than
// being broken.
func TestWrapIndent(t *testing.T) {
	_, bold := canvas.Fonts()
	const size, indent = 11.0, 5.0
	word := "Remboursement"
	width := bold.Width(word, size) + 1
	lines, cut := bold.WrapIndent("Choix du créneau de livraison au panier", size, width, indent, 6)
	if cut || len(lines) < 2 || bold.Width(lines[0], size) > width-indent {
		t.Errorf("lines %q: the first is wider than the indented line", lines)
	}
	lines, _ = bold.WrapIndent(word+" confirmé", size, width, indent, 4)
	if len(lines) != 3 || lines[0] != "" || lines[1] != word {
		t.Errorf("lines %q, want an empty first line then %q whole", lines, word)
	}
	s := canvas.Layout(livraison(t), livraison(t).Journeys[0])
	c := s.Cards[s.CardIndex("t-panier")]
	if n := c.NumberText; len(n.Lines) != 1 || n.Lines[0].Text != "1" || n.Lines[0].Y != c.Title.Lines[0].Y ||
		n.Baseline != c.Title.Baseline || c.Title.Lines[0].X <= n.Lines[0].X+bold.Width("1", n.Size) {
		t.Errorf("number %+v does not stand before the title's first line %+v", n, c.Title.Lines[0])
	}
	// A word too long for the card makes its title smaller, not broken.
	c = s.Cards[s.CardIndex("t-rembourse")]
	if c.Title.Size >= s.Cards[0].Title.Size || c.Title.Size < 0.8*s.Cards[0].Title.Size || len(c.Title.Lines) < 2 || c.Title.Lines[1].Text != "Remboursement" {
		t.Errorf("title of t-rembourse at %.1f pt: %+v", c.Title.Size, c.Title.Lines)
	}
	for _, l := range c.Title.Lines {
		if l.X+bold.Width(l.Text, c.Title.Size) > c.Rect.X+c.Rect.W {
			t.Errorf("line %q overflows the card", l.Text)
		}
	}
}

// BenchmarkRelayout is what a drop costs the window's layout: a card
// moved to the next stage and back, and the journey laid out again by the
// window's Layouter after each move (the move itself included, a small
// part of it).
func BenchmarkRelayout(b *testing.B) {
	for _, n := range []int{1000, 20000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			d := modeltest.Generated(n, 6, 8)
			j := d.Journeys[0]
			var lt canvas.Layouter
			lt.Layout(d, j, canvas.Options{})
			t := j.Touchpoints[3]
			b.ReportAllocs()
			defer modeltest.CPUPerOp(b)()
			i := 0
			for b.Loop() {
				i++
				m := &model.MoveTouchpoint{Journey: j.ID, Touchpoint: t.ID, Stage: j.Stages[i%2].ID, Lane: t.Lane, Slot: 1}
				if _, err := m.Apply(d); err != nil {
					b.Fatal(err)
				}
				lt.Layout(d, j, canvas.Options{})
			}
		})
	}
}

// BenchmarkLayout20000 is the layout of a map of 20 000 touchpoints from
// nothing, as a poster is.
func BenchmarkLayout20000(b *testing.B) {
	d := modeltest.Generated(20000, 6, 8)
	j := d.Journeys[0]
	canvas.Fonts()
	canvas.Layout(d, j)
	b.ReportAllocs()
	for b.Loop() {
		canvas.Layout(d, j)
	}
}
