package workbook

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"parcours/model/msg"
)

// errTooBig is the budget of unpacked bytes spent; errLongRun is a run
// of bytes without markup longer than maxRun.
var (
	errTooBig  = errors.New("too big")
	errLongRun = errors.New("long run")
)

// maxRun bounds the bytes between two "<" of a part: a token of the XML
// (a text, a tag) is held whole in memory before it is given, and the
// longest a cell's text can be written is about 256 KB (32 767 characters
// as &#65535;).
const maxRun = 1 << 20

// budget reads a part, taking what it reads from the bytes the workbook
// may still unpack: the sizes a zip file announces are not trusted. It
// refuses a run of more than maxRun bytes without a "<".
type budget struct {
	r    io.Reader
	left *int64
	run  int
}

func (b *budget) Read(p []byte) (int, error) {
	if *b.left <= 0 {
		// Spent: only the end of the part may come.
		var one [1]byte
		if n, err := b.r.Read(one[:]); n > 0 {
			return 0, errTooBig
		} else {
			return 0, err
		}
	}
	if int64(len(p)) > *b.left {
		p = p[:*b.left]
	}
	n, err := b.r.Read(p)
	*b.left -= int64(n)
	for rest := p[:n]; ; {
		i := bytes.IndexByte(rest, '<')
		if i < 0 {
			b.run += len(rest)
			break
		}
		if b.run += i; b.run > maxRun {
			break
		}
		b.run, rest = 0, rest[i+1:]
	}
	if b.run > maxRun {
		return 0, errLongRun
	}
	return n, err
}

// parser walks the elements of one part, knowing how deep it is and the
// names of the elements it is in (path[0] the root).
type parser struct {
	d        *xml.Decoder
	part     string
	limit    int64 // the budget of unpacked bytes, for messages
	depth    int
	path     []string // local names
	prefixes []string // their prefixes
}

// next is the part's next token; an error is worded for people, io.EOF
// the end of the part.
func (p *parser) next() (xml.Token, error) {
	// RawToken, not Token: names are matched by their local part, so
	// Token's translation of prefixes to namespaces would be time spent
	// for nothing; the end tags are checked here instead.
	tok, err := p.d.RawToken()
	switch {
	case err == io.EOF && p.depth > 0:
		line, _ := p.d.InputPos()
		return nil, errors.New(msg.T("workbook.xml", p.part, line))
	case err == io.EOF:
		return nil, err
	case errors.Is(err, errTooBig):
		return nil, errors.New(msg.T("workbook.too_big", megabytes(p.limit)))
	case errors.Is(err, errLongRun):
		return nil, errors.New(msg.T("workbook.long_run", p.part, maxRun>>20))
	case err != nil:
		var syntax *xml.SyntaxError
		if errors.As(err, &syntax) {
			return nil, errors.New(msg.T("workbook.xml", p.part, syntax.Line))
		}
		return nil, errors.New(msg.T("workbook.damaged", p.part))
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if p.depth == maxDepth {
			return nil, errors.New(msg.T("workbook.deep", p.part, maxDepth))
		}
		p.depth++
		p.path = append(p.path, t.Name.Local)
		p.prefixes = append(p.prefixes, t.Name.Space)
	case xml.EndElement:
		if p.depth == 0 || t.Name.Local != p.path[p.depth-1] || t.Name.Space != p.prefixes[p.depth-1] {
			line, _ := p.d.InputPos()
			return nil, errors.New(msg.T("workbook.xml", p.part, line))
		}
		p.depth--
		p.path, p.prefixes = p.path[:p.depth], p.prefixes[:p.depth]
	}
	return tok, nil
}

// inner is next inside an element: the part cannot end there.
func (p *parser) inner() (xml.Token, error) {
	tok, err := p.next()
	if err == io.EOF {
		return nil, errors.New(msg.T("workbook.damaged", p.part))
	}
	return tok, err
}

// text reads the rest of the element just started: the character data
// right in it, as it is (spaces kept).
func (p *parser) text() (string, error) {
	var b strings.Builder
	depth := p.depth
	for {
		tok, err := p.inner()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if p.depth == depth {
				b.Write(t)
			}
		case xml.EndElement:
			if p.depth < depth {
				return b.String(), nil
			}
		}
	}
}

// parse reads the part name, calling start at each element it begins and
// end, if given, at each it ends.
func (rd *reader) parse(name string, start func(*parser, xml.StartElement) error, end ...func(*parser, xml.EndElement)) error {
	f := rd.parts[strings.ToLower(name)]
	if f == nil {
		return errors.New(msg.T("workbook.missing", name))
	}
	rc, err := f.Open()
	if err != nil {
		return errors.New(msg.T("workbook.damaged", name))
	}
	defer rc.Close()
	br := bufio.NewReader(&budget{r: rc, left: &rd.left})
	if bom, _ := br.Peek(3); string(bom) == "\xef\xbb\xbf" {
		br.Discard(3)
	}
	p := &parser{d: xml.NewDecoder(br), part: name, limit: rd.lim.unpacked}
	for {
		tok, err := p.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := start(p, t); err != nil {
				return err
			}
		case xml.EndElement:
			if len(end) > 0 {
				end[0](p, t)
			}
		}
	}
}
