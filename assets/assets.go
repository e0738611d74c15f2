// Package assets holds the files Parcours ships inside its binary: the
// TrueType fonts used alike by the screen, the layout's text measurement and
// the PDF; the app icon; the journey templates; and the sample document.
package assets

import (
	_ "embed"
)

// Fonts: DejaVu Sans covers French (accents, œ, « », €) and most European
// scripts. The same bytes feed Fyne's theme, the layout and the PDF, so text
// wraps identically on screen and on paper.
var (
	//go:embed fonts/DejaVuSans.ttf
	FontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	FontBold []byte
)

// FontEmoji is Noto Emoji (monochrome outlines, SIL Open Font License 1.1,
// fonts/NotoEmoji-OFL.txt): the characters DejaVu lacks that it has —
// emoji — are drawn from its outlines, as paths, on screen and on paper.
//
//go:embed fonts/NotoEmoji-Regular.ttf
var FontEmoji []byte

// Sample is the home-delivery map that `make run` opens on a fresh machine.
//
//go:embed sample/livraison.json
var Sample []byte

// Icon is the application icon (also named in FyneApp.toml).
//
//go:embed icon.png
var Icon []byte
