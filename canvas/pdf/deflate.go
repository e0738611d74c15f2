package pdf

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"hash/adler32"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
)

// fpdf compresses each stream with a zlib writer of its own — over a
// megabyte of tables to allocate and clear, for every one of the hundred
// pages of an appendix — one stream after the other, once the document is
// complete. Instead the document is made uncompressed, and its streams are
// compressed here: the page content piece by piece while it is painted
// (Surface.flush), the rest at the end (deflateStreams), on every core,
// with one reused compressor per core. Each piece is a run of complete
// deflate blocks ending on a byte boundary, so that the pieces join into
// one stream. The compression is fpdf's own: zlib at best speed.

// deflateChunk is the size of the pieces of a long stream compressed at
// the end.
const deflateChunk = 256 << 10

// deflateJob is one piece of a stream to compress.
type deflateJob struct {
	in  []byte
	out []byte
	sum uint32 // in's Adler-32 checksum
	buf *bytes.Buffer
}

var deflateBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (j *deflateJob) release() {
	if j.buf != nil {
		j.buf.Reset()
		deflateBuffers.Put(j.buf)
		j.buf, j.out = nil, nil
	}
}

// deflater compresses jobs in the background, on every core.
type deflater struct {
	jobs chan *deflateJob
	wg   sync.WaitGroup // jobs given and not done
	done sync.WaitGroup // workers
}

func newDeflater() *deflater {
	d := &deflater{jobs: make(chan *deflateJob, 1024)}
	for range runtime.GOMAXPROCS(0) {
		d.done.Add(1)
		go func() {
			defer d.done.Done()
			var fw *flate.Writer
			for j := range d.jobs {
				fw = compress(fw, j)
				d.wg.Done()
			}
		}()
	}
	return d
}

// add queues j (waiting when the queue is full).
func (d *deflater) add(j *deflateJob) {
	d.wg.Add(1)
	d.jobs <- j
}

// wait returns once every job given is done.
func (d *deflater) wait() { d.wg.Wait() }

// stop ends the workers; the deflater takes no more jobs.
func (d *deflater) stop() {
	close(d.jobs)
	d.done.Wait()
}

// compress deflates j.in with fw (made if nil), ending with an empty
// stored block that leaves the output on a byte boundary and is not the
// final block, and returns fw for the next job.
func compress(fw *flate.Writer, j *deflateJob) *flate.Writer {
	j.buf = deflateBuffers.Get().(*bytes.Buffer)
	j.buf.Grow(len(j.in)/3 + 64)
	if fw == nil {
		fw, _ = flate.NewWriter(j.buf, flate.BestSpeed)
	} else {
		fw.Reset(j.buf)
	}
	// Writes to a bytes.Buffer do not fail.
	_, _ = fw.Write(j.in)
	_ = fw.Flush()
	j.out = j.buf.Bytes()
	j.sum = adler32.Checksum(j.in)
	return fw
}

// adler32Combine is the Adler-32 checksum of a then b, from a's and b's,
// and b's length (zlib's adler32_combine).
func adler32Combine(a, b uint32, lenB int) uint32 {
	const base = 65521
	rem := uint32(lenB % base)
	sum1 := a & 0xffff
	sum2 := rem * sum1 % base
	sum1 += (b & 0xffff) + base - 1
	sum2 += (a >> 16) + (b >> 16) + base - rem
	if sum1 >= base {
		sum1 -= base
	}
	if sum1 >= base {
		sum1 -= base
	}
	if sum2 >= 2*base {
		sum2 -= 2 * base
	}
	if sum2 >= base {
		sum2 -= base
	}
	return sum1 | sum2<<16
}

// finalBlock ends a deflate stream: an empty final block of fixed codes.
var finalBlock = []byte{0x03, 0x00}

// deflateStreams writes the PDF src — as fpdf writes it: objects, then a
// cross-reference table of fixed-width entries, the trailer, startxref —
// to w, with every stream that has no filter yet compressed, the pieces
// of content of doc put back in place of their markers, the fonts' objects
// added after fpdf's and listed in the resources, and the cross-reference
// table written again. Objects it does not recognise are copied as they
// are.
func deflateStreams(w io.Writer, src []byte, doc *Doc, fonts *fontSet) error {
	file, ok := parsePDF(src)
	if !ok {
		return errors.New("pdf: fpdf wrote what deflateStreams does not know")
	}
	// The fonts go after fpdf's objects, in the /Font dictionaries of the
	// resources — fpdf's, empty, as it has no fonts.
	fontEntries, fontObjs := fonts.objects(len(file.objs) + 1)
	const noFonts = "/Font <<\n>>\n"
	withFonts := []byte("/Font <<\n" + fontEntries + ">>\n")
	fontsPlaced := false
	placeFonts := func(b []byte) []byte {
		if !bytes.Contains(b, []byte(noFonts)) {
			return b
		}
		fontsPlaced = true
		return bytes.ReplaceAll(b, []byte(noFonts), withFonts)
	}
	d := doc.deflater
	for i := range file.objs {
		o := &file.objs[i]
		if o.data == nil {
			continue
		}
		o.parts = splitContent(o.data, doc.segments)
		for k := range o.parts {
			pt := &o.parts[k]
			if pt.seg != nil {
				continue
			}
			for at := 0; at < len(pt.raw); at += deflateChunk {
				j := &deflateJob{in: pt.raw[at:min(at+deflateChunk, len(pt.raw))]}
				pt.jobs = append(pt.jobs, j)
			}
		}
	}
	// Biggest first, so that the cores finish together.
	var jobs []*deflateJob
	for i := range file.objs {
		for _, pt := range file.objs[i].parts {
			jobs = append(jobs, pt.jobs...)
		}
	}
	slices.SortStableFunc(jobs, func(a, b *deflateJob) int { return len(b.in) - len(a.in) })
	for _, j := range jobs {
		d.add(j)
	}
	d.wait()

	// Room for it all at once: fpdf's file (compressed parts take less
	// room than they did), the pieces of content, the fonts.
	room := len(src) + (len(file.objs)+len(fontObjs)+1)*(20+len(withFonts)) + 1024
	for _, j := range doc.segments {
		room += len(j.out)
	}
	for _, fo := range fontObjs {
		room += len(fo.dict) + 128
		if fo.job != nil {
			room += len(fo.job.out)
		}
	}
	out := make([]byte, 0, room)
	out = append(out, src[:file.head]...)
	offsets := make([]int, len(file.objs))
	for i := range file.objs {
		o := &file.objs[i]
		offsets[i] = len(out)
		if o.data == nil {
			dict := o.raw
			if s := bytes.Index(dict, []byte("\nstream\n")); s >= 0 {
				dict = dict[:s]
			}
			out = append(out, placeFonts(dict)...)
			out = append(out, o.raw[len(dict):]...)
			continue
		}
		n := 2 + len(finalBlock) + 4 // zlib header, final block, checksum
		sum := uint32(1)             // of nothing
		for _, pt := range o.parts {
			jobs := pt.jobs
			if pt.seg != nil {
				jobs = []*deflateJob{pt.seg}
			}
			for _, j := range jobs {
				n += len(j.out)
				sum = adler32Combine(sum, j.sum, len(j.in))
			}
		}
		out = append(out, o.raw[:o.dictAt]...)
		out = append(out, "<</Filter /FlateDecode "...)
		if dict := o.raw[o.dictAt+2 : o.lenAt]; bytes.Contains(dict, []byte("/Subtype /Form")) && !o.hasText() {
			// A form without text (a card, a face, an emoji) names no
			// fonts: readers that load a form's fonts at each placement
			// (Poppler) would load them a thousand times.
			out = append(out, dict...)
		} else {
			out = append(out, placeFonts(dict)...)
		}
		out = strconv.AppendInt(out, int64(n), 10)
		out = append(out, o.raw[o.lenEnd:o.dataAt]...)
		out = append(out, 0x78, 0x01) // zlib, deflate, 32 KiB window, fastest
		for _, pt := range o.parts {
			if pt.seg != nil {
				out = append(out, pt.seg.out...)
				continue
			}
			for _, j := range pt.jobs {
				out = append(out, j.out...)
				j.release()
			}
		}
		out = append(out, finalBlock...)
		out = binary.BigEndian.AppendUint32(out, sum)
		out = append(out, o.raw[o.dataAt+len(o.data):]...)
	}
	for _, j := range doc.segments {
		j.release()
	}
	if !fontsPlaced {
		return errors.New("pdf: no /Font dictionary for the fonts")
	}
	byNumber := make([]int, len(file.objs), len(file.objs)+len(fontObjs))
	for i := range file.objs {
		byNumber[file.objs[i].num-1] = offsets[i]
	}
	for k, fo := range fontObjs {
		byNumber = append(byNumber, len(out))
		out = strconv.AppendInt(out, int64(len(file.objs)+1+k), 10)
		out = append(out, " 0 obj\n"...)
		if fo.job == nil {
			out = append(out, fo.dict...)
		} else {
			out = append(out, "<<"...)
			out = append(out, fo.dict...)
			out = append(out, "/Filter /FlateDecode /Length "...)
			out = strconv.AppendInt(out, int64(2+len(fo.job.out)+len(finalBlock)+4), 10)
			if fo.length1 > 0 {
				out = append(out, " /Length1 "...)
				out = strconv.AppendInt(out, int64(fo.length1), 10)
			}
			out = append(out, ">>\nstream\n"...)
			out = append(out, 0x78, 0x01)
			out = append(out, fo.job.out...)
			out = append(out, finalBlock...)
			out = binary.BigEndian.AppendUint32(out, fo.job.sum)
			out = append(out, "\nendstream"...)
			fo.job.release()
		}
		out = append(out, "\nendobj\n"...)
	}
	xref := len(out)
	out = append(out, "xref\n0 "...)
	out = strconv.AppendInt(out, int64(len(byNumber)+1), 10)
	out = append(out, "\n0000000000 65535 f \n"...)
	for _, off := range byNumber {
		s := strconv.Itoa(off)
		for k := len(s); k < 10; k++ {
			out = append(out, '0')
		}
		out = append(out, s...)
		out = append(out, " 00000 n \n"...)
	}
	size := []byte("/Size " + strconv.Itoa(len(file.objs)+1) + "\n")
	if !bytes.Contains(file.trailer, size) {
		return errors.New("pdf: no /Size in the trailer")
	}
	out = append(out, bytes.Replace(file.trailer, size, []byte("/Size "+strconv.Itoa(len(byNumber)+1)+"\n"), 1)...)
	out = append(out, "startxref\n"...)
	out = strconv.AppendInt(out, int64(xref), 10)
	out = append(out, "\n%%EOF\n"...)
	_, err := w.Write(out)
	return err
}

// contentPart is a stretch of a stream: bytes fpdf wrote, or a piece of
// content that stood behind a marker.
type contentPart struct {
	raw  []byte
	jobs []*deflateJob
	seg  *deflateJob
}

// splitContent cuts a stream at the marker lines of segments.
// hasText tells whether the stream's content writes text (a BT operator
// starting a line, as Surface and fpdf write them).
func (o *pdfObject) hasText() bool {
	bt := []byte("\nBT ")
	for _, pt := range o.parts {
		in := pt.raw
		if pt.seg != nil {
			in = pt.seg.in
		}
		if bytes.HasPrefix(in, bt[1:]) || bytes.Contains(in, bt) {
			return true
		}
	}
	return false
}

func splitContent(data []byte, segments []*deflateJob) []contentPart {
	var parts []contentPart
	marker := []byte(segmentMarker)
	for {
		at := bytes.Index(data, marker)
		if at < 0 {
			break
		}
		end := bytes.IndexByte(data[at:], '\n')
		if end < 0 {
			break
		}
		n, err := strconv.Atoi(string(data[at+len(marker) : at+end]))
		if err != nil || n < 0 || n >= len(segments) {
			break
		}
		if at > 0 {
			parts = append(parts, contentPart{raw: data[:at]})
		}
		parts = append(parts, contentPart{seg: segments[n]})
		data = data[at+end+1:]
	}
	if len(data) > 0 || len(parts) == 0 {
		parts = append(parts, contentPart{raw: data})
	}
	return parts
}

// capture keeps what fpdf's Output writes — its whole buffer, in one
// write — without copying it.
type capture struct{ b []byte }

func (c *capture) Write(p []byte) (int, error) {
	if c.b == nil {
		c.b = p
	} else {
		c.b = append(c.b, p...)
	}
	return len(p), nil
}

// pdfObject is one object of the file, in file order.
type pdfObject struct {
	num int
	raw []byte // "N 0 obj\n" … "endobj\n"
	// For a stream to compress: where its dictionary starts ("<<"), where
	// the /Length value starts and ends, where the data starts, and the
	// data; nil data otherwise.
	dictAt, lenAt, lenEnd, dataAt int
	data                          []byte
	parts                         []contentPart
}

type pdfFile struct {
	head    int // bytes before the first object
	objs    []pdfObject
	trailer []byte // "trailer\n<<…>>\n"
}

// parsePDF finds the objects of src through its cross-reference table.
func parsePDF(src []byte) (pdfFile, bool) {
	var doc pdfFile
	at := bytes.LastIndex(src, []byte("startxref\n"))
	if at < 0 {
		return doc, false
	}
	rest := src[at+len("startxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 || !bytes.Equal(bytes.TrimSpace(rest[nl:]), []byte("%%EOF")) {
		return doc, false
	}
	xref, err := strconv.Atoi(string(rest[:nl]))
	if err != nil || xref <= 0 || xref >= at || !bytes.HasPrefix(src[xref:], []byte("xref\n0 ")) {
		return doc, false
	}
	p := xref + len("xref\n0 ")
	nl = bytes.IndexByte(src[p:], '\n')
	if nl < 0 {
		return doc, false
	}
	count, err := strconv.Atoi(string(src[p : p+nl]))
	p += nl + 1
	const entry = 20
	if err != nil || count < 2 || p+count*entry > at || string(src[p:p+entry]) != "0000000000 65535 f \n" {
		return doc, false
	}
	offsets := make([]int, count-1)
	for i := range offsets {
		e := src[p+(i+1)*entry : p+(i+2)*entry]
		if string(e[10:]) != " 00000 n \n" {
			return doc, false
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil {
			return doc, false
		}
		offsets[i] = off
	}
	doc.trailer = src[p+count*entry : at]
	if !bytes.HasPrefix(doc.trailer, []byte("trailer\n")) {
		return doc, false
	}
	order := make([]int, len(offsets))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	doc.head = offsets[order[0]]
	doc.objs = make([]pdfObject, len(order))
	for k, i := range order {
		start, end := offsets[i], xref
		if k+1 < len(order) {
			end = offsets[order[k+1]]
		}
		if start <= 0 || end <= start {
			return doc, false
		}
		num := i + 1
		raw := src[start:end]
		prefix := strconv.Itoa(num) + " 0 obj\n"
		if !bytes.HasPrefix(raw, []byte(prefix)) || !bytes.HasSuffix(raw, []byte("endobj\n")) {
			return doc, false
		}
		o := pdfObject{num: num, raw: raw}
		findStream(&o, len(prefix))
		doc.objs[k] = o
	}
	return doc, true
}

// findStream marks o's stream for compression when it is one fpdf left
// uncompressed: a dictionary with a /Length and no /Filter, then exactly
// that many bytes between "stream" and "endstream".
func findStream(o *pdfObject, dictAt int) {
	raw := o.raw
	const begin, end = "\nstream\n", "\nendstream\nendobj\n"
	if !bytes.HasPrefix(raw[dictAt:], []byte("<<")) || !bytes.HasSuffix(raw, []byte(end)) {
		return
	}
	s := bytes.Index(raw, []byte(begin))
	if s < 0 || !bytes.HasSuffix(bytes.TrimRight(raw[dictAt:s], " "), []byte(">>")) {
		return
	}
	dict := raw[dictAt:s]
	if bytes.Contains(dict, []byte("/Filter")) || bytes.Contains(dict, []byte("/Metadata")) ||
		bytes.Count(dict, []byte("/Length")) != 1 {
		return
	}
	l := bytes.Index(dict, []byte("/Length "))
	if l < 0 {
		return
	}
	lenAt := dictAt + l + len("/Length ")
	lenEnd := lenAt
	for lenEnd < s && raw[lenEnd] >= '0' && raw[lenEnd] <= '9' {
		lenEnd++
	}
	n, err := strconv.Atoi(string(raw[lenAt:lenEnd]))
	dataAt := s + len(begin)
	if err != nil || dataAt+n+len(end) != len(raw) {
		return
	}
	o.dictAt, o.lenAt, o.lenEnd, o.dataAt = dictAt, lenAt, lenEnd, dataAt
	o.data = raw[dataAt : dataAt+n]
}
