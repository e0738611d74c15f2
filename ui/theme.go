package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"parcours/assets"
)

var (
	fontRegular = fyne.NewStaticResource("DejaVuSans.ttf", assets.FontRegular)
	fontBold    = fyne.NewStaticResource("DejaVuSans-Bold.ttf", assets.FontBold)
)

// parcoursTheme is Fyne's default theme drawing text with the fonts the
// layout measures with, so that a title wraps on screen exactly where it
// wraps on the poster.
type parcoursTheme struct{ fyne.Theme }

var _ fyne.Theme = parcoursTheme{}

func newTheme() fyne.Theme { return parcoursTheme{theme.DefaultTheme()} }

func (t parcoursTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace || s.Symbol {
		return t.Theme.Font(s)
	}
	if s.Bold {
		return fontBold
	}
	return fontRegular
}

func (t parcoursTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, v)
}
