// Package pdf is the PDF backend of the posters (canvas/poster): a
// Surface that writes page content itself, operator by operator, the
// embedding of the DejaVu fonts as subsets with their CMaps, and the
// compression of the streams on every core. fpdf keeps the structure of
// the document — pages, forms, pictures, cross-references —; this package
// is the only one that imports it, and guards against its traps:
// characters above U+FFFF never reach it (canvas/poster's safe), and its
// content is checked by two independent readers in the tests (qpdf and
// MuPDF). What goes on the pages is canvas/poster's.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"parcours/canvas"
	"parcours/model/msg"
)

// Document is a PDF being made: fpdf's document and what its surfaces
// share (Doc). Close it when done, written or not.
type Document struct {
	f   *fpdf.Fpdf
	doc *Doc
}

// NewDocument makes an empty document, in millimetres, without automatic
// page breaks, whose first page will be w × h mm; a date that is not zero
// dates it, so that the same map on the same date gives the same bytes.
// It has no fonts: the text is written here, with fonts embedded here
// (see fontSet).
func NewDocument(w, h float64, date time.Time) *Document {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm",
		Size: fpdf.SizeType{Wd: w, Ht: h}})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	// Streams are compressed afterwards, all at once (deflateStreams).
	f.SetCompression(false)
	f.SetCatalogSort(true)
	f.SetCreator("Parcours", true)
	if !date.IsZero() {
		// The same map on the same date gives the same bytes.
		f.SetCreationDate(date)
		f.SetModificationDate(date)
	}
	return &Document{f: f, doc: newDoc()}
}

// Close stops the document's compressors.
func (d *Document) Close() { d.doc.deflater.stop() }

// SetTitle and SetSubject set the document's properties (UTF-8, within
// the Basic Multilingual Plane).
func (d *Document) SetTitle(s string)   { d.f.SetTitle(s, true) }
func (d *Document) SetSubject(s string) { d.f.SetSubject(s, true) }

// Doc is what the document's surfaces share.
func (d *Document) Doc() *Doc { return d.doc }

// Surface returns a surface painting the document's pages.
func (d *Document) Surface() *Surface { return newSurface(d.f, d.doc) }

// Error is the first error fpdf met, if any.
func (d *Document) Error() error { return d.f.Error() }

// RegisterImage adds img to the document's pictures, once: forms drawn
// afterwards share it.
func (d *Document) RegisterImage(img *canvas.Image) { registerImage(d.f, img) }

// PageForm is a drawing kept whole to be shown on other pages, clipped
// and scaled: a tiled poster drawn once for all its sheets.
type PageForm struct{ tpl fpdf.Template }

// PageForm paints a w × h mm drawing with draw. Its surface keeps forms
// of its own, nested in it: the cards, faces and pictograms of a tiled
// poster are drawn once each, as on a poster page.
func (d *Document) PageForm(w, h float64, draw func(*Surface)) *PageForm {
	tpl := d.f.CreateTemplateCustom(fpdf.PointType{}, fpdf.SizeType{Wd: w, Ht: h}, func(tp *fpdf.Tpl) {
		surface := newSurface(&tp.Fpdf, d.doc)
		draw(surface)
		surface.Flush()
	})
	return &PageForm{tpl: &fixedID{Template: tpl, id: tpl.ID()}}
}

// UseForm shows form scaled into the box (x, y, w, h), page mm, on the
// page being painted, whose surface has been flushed.
func (d *Document) UseForm(form *PageForm, x, y, w, h float64) {
	d.f.UseTemplateScaled(form.tpl, fpdf.PointType{X: x, Y: y}, fpdf.SizeType{Wd: w, Ht: h})
}

// ClipRect clips what follows to a rectangle, page mm, until ClipEnd.
func (d *Document) ClipRect(x, y, w, h float64) { d.f.ClipRect(x, y, w, h, false) }

// ClipEnd ends the clip.
func (d *Document) ClipEnd() { d.f.ClipEnd() }

// fixedID is a template whose id — a hash of its whole content, which fpdf
// otherwise computes again at each use — is computed once.
type fixedID struct {
	fpdf.Template
	id string
}

func (t *fixedID) ID() string { return t.id }

// Later is the content of a page to come: painted on a detached surface
// (NewDetachedSurface), on any goroutine, and handed over with Deliver
// while the document is written.
type Later struct{ j *deflateJob }

// Later makes the content of the page just started one to come.
func (d *Document) Later() *Later {
	l := &Later{j: &deflateJob{}}
	d.f.RawWriteStr(d.doc.marker(l.j))
	return l
}

// Deliver hands the content of a page to come to the compressors.
func (d *Doc) Deliver(l *Later, content []byte) {
	l.j.in = content
	d.deflater.add(l.j)
}

// NewCharacters is a Doc that only notes characters, to be adopted by a
// document's.
func NewCharacters() *Doc { return &Doc{fonts: newFonts()} }

// Fonts is the regular or the bold font, to note the characters a text
// will write with it before it is written (see Later).
func (d *Doc) Fonts(bold bool) *Font {
	if bold {
		return d.font(canvas.FamilyBold)
	}
	return d.font(canvas.FamilyRegular)
}

// Output writes the document to w once its pages are all painted (their
// surfaces flushed): the fonts' subsets are made while fpdf writes the
// document; meanwhile, which may be nil, runs then too — it delivers the
// pages still to come.
func (d *Document) Output(w io.Writer, meanwhile func()) error {
	// Every character is known: the fonts' subsets are made meanwhile.
	var fonts *fontSet
	var fontsErr error
	var fontsDone sync.WaitGroup
	fontsDone.Add(1)
	defer fontsDone.Wait() // before the compressors stop
	go func() {
		defer fontsDone.Done()
		defer func() {
			if r := recover(); r != nil {
				fontsErr = errors.New(msg.T("pdf.crash", r))
			}
		}()
		fonts, fontsErr = prepareFonts(d.doc, d.doc.deflater)
	}()
	var c capture
	if err := d.f.Output(&c); err != nil {
		return fmt.Errorf("%s: %w", msg.T("pdf.failed"), err)
	}
	if meanwhile != nil {
		meanwhile()
	}
	fontsDone.Wait()
	if fontsErr != nil {
		return fmt.Errorf("%s: %w", msg.T("pdf.failed"), fontsErr)
	}
	if err := deflateStreams(w, c.b, d.doc, fonts); err != nil {
		return fmt.Errorf("%s: %w", msg.T("pdf.failed"), err)
	}
	return nil
}
