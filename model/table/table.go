// Package table owns a journey as a spreadsheet of touchpoints, one row
// each, the way CX teams start their maps in Excel: columns stage, lane,
// title, channel, emotion, markers, description, score and quotes, found
// by their French or English names. Write gives the table of a journey as
// CSV or XLSX; Read makes a document of one journey from such a table,
// stages and lanes created in the order they first appear, all rows or
// none. The CSV rules are those of the survey import (model/sheet).
package table

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"parcours/model"
	"parcours/model/msg"
)

// Columns, in the order Write puts them.
const (
	colStage = iota
	colLane
	colTitle
	colChannel
	colEmotion
	colMarkers
	colDescription
	colScore
	colQuotes
	nCols
)

var codes = [nCols]string{"stage", "lane", "title", "channel", "emotion", "markers", "description", "score", "quotes"}

// names are the headers Read recognises for each column, folded (see
// fold); the first two are Write's, in English and French.
var names = [nCols][]string{
	colStage:       {"stage", "etape", "phase"},
	colLane:        {"lane", "couloir", "department", "departement", "service"},
	colTitle:       {"title", "titre", "touchpoint", "point de contact"},
	colChannel:     {"channel", "canal"},
	colEmotion:     {"emotion"},
	colMarkers:     {"markers", "marqueurs", "marker", "marqueur"},
	colDescription: {"description"},
	colScore:       {"score", "note"},
	colQuotes:      {"quotes", "verbatims", "verbatim", "citations"},
}

// required columns; the others may be left out.
var required = []int{colStage, colLane, colTitle}

// fold is how names are compared: trimmed, lower case, without accents,
// guillemets, quotes or apostrophes, runs of spaces as one.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(strings.TrimSpace(s))) {
		switch {
		case unicode.Is(unicode.Mn, r), strings.ContainsRune("«»\"'’‘“”", r):
			continue
		case unicode.IsSpace(r) || r == '_' || r == '-':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// tr words key in lang, whatever the current language.
func tr(lang, key string) string {
	en, fr := msg.Pair(key)
	if lang == msg.French && fr != "" {
		return fr
	}
	return en
}

// channelWord and markerWord are how a table in lang names a channel and
// a marker: as the window does.
func channelWord(c model.Channel, lang string) string { return tr(lang, "channel."+string(c)) }
func markerWord(m model.Marker, lang string) string   { return tr(lang, "marker."+string(m)) }

// channels and markers find a channel or a marker by its code or its
// English or French word, folded. They are made when a table is first
// read, not at start: every command would pay for them, and for the
// message catalogs they are made from (issue 12).
var (
	wordsOnce sync.Once
	channels  map[string]model.Channel
	markers   map[string]model.Marker
)

// words returns channels and markers, made on first use.
func words() (map[string]model.Channel, map[string]model.Marker) {
	wordsOnce.Do(func() {
		channels, markers = map[string]model.Channel{}, map[string]model.Marker{}
		for _, c := range model.Channels {
			for _, k := range []string{string(c), channelWord(c, msg.English), channelWord(c, msg.French)} {
				channels[fold(k)] = c
			}
		}
		for _, m := range model.AllMarkers {
			for _, k := range []string{string(m), markerWord(m, msg.English), markerWord(m, msg.French)} {
				markers[fold(k)] = m
			}
		}
	})
	return channels, markers
}

// Header is the table's first row in lang.
func Header(lang string) []string {
	h := make([]string, nCols)
	for i, c := range codes {
		h[i] = tr(lang, "table.col."+c)
	}
	return h
}
