package source

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
)

// streamJSONL loads one article per line: id, title, outlet (or source,
// site), url, published (or date), text, story. A bad line is a DocError
// naming file:line; the other lines still load. The size limit applies to
// each line. Records reach fn checked, with their metadata read, but
// their text neither decoded nor analysed: Pending.Document does that,
// possibly on another goroutine.
func streamJSONL(path string, r io.Reader, gz bool, opt Options, fn deliverFunc, onErr func(compare.DocError)) error {
	zr, err := gunzip(r, gz)
	if err != nil {
		onErr(errf(path, "%v", err))
		return nil
	}
	br := bufio.NewReaderSize(zr, 64<<10)
	limit := opt.maxBytes()
	records := 0
	var buf []byte // for lines longer than br's buffer, reused
	for lineNo := 1; ; lineNo++ {
		line, tooLong, err := readLine(br, limit, &buf)
		if err != nil && !errors.Is(err, io.EOF) {
			onErr(errf(path, "read: %s", describeErr(err)))
			return nil
		}
		if line == nil && errors.Is(err, io.EOF) {
			break
		}
		switch {
		case tooLong:
			records++ // a record, if too long: the file is not also "empty"
			onErr(errf(path+":"+strconv.Itoa(lineNo), "record is over the limit of %s (raise it with --max-bytes)", humanBytes(limit)))
		case lineNo == 1 && isBinary(line):
			onErr(errf(path, "binary file (not text)"))
			return nil
		case len(bytes.TrimSpace(line)) == 0:
		default:
			records++
			p, errs := parseRecord(path, lineNo, line)
			for _, e := range errs {
				onErr(e)
			}
			if p != nil {
				if err := fn(p); err != nil {
					return err
				}
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if records == 0 {
		onErr(errf(path, "empty file"))
	}
	return nil
}

// readLine reads one line without its terminator. A line longer than
// limit is skipped to its end and reported as tooLong. The line is valid
// until the next read: it is br's buffer, or *buf for a line longer than
// that (*buf is kept for the next long line).
func readLine(br *bufio.Reader, limit int64, buf *[]byte) (line []byte, tooLong bool, err error) {
	chunk, e := br.ReadSlice('\n')
	if e == nil || errors.Is(e, io.EOF) { // the common case: the whole line at once
		if int64(len(chunk)) > limit+1 {
			chunk, tooLong = chunk[:0], true
		}
		if e == nil {
			return trimEOL(chunk), tooLong, nil
		}
		if len(chunk) == 0 && !tooLong {
			return nil, false, io.EOF
		}
		return bytes.TrimSuffix(chunk, []byte("\r")), tooLong, io.EOF
	}
	acc := (*buf)[:0]
	for {
		if !tooLong {
			acc = append(acc, chunk...)
			if int64(len(acc)) > limit+1 {
				tooLong, acc = true, acc[:0]
			}
		}
		*buf = acc[:0] // keep the grown buffer for the next long line
		switch {
		case e == nil:
			return trimEOL(acc), tooLong, nil
		case errors.Is(e, bufio.ErrBufferFull):
		case errors.Is(e, io.EOF):
			if len(acc) == 0 && !tooLong {
				return nil, false, io.EOF
			}
			return bytes.TrimSuffix(acc, []byte("\r")), tooLong, io.EOF
		default:
			return nil, false, e
		}
		chunk, e = br.ReadSlice('\n')
	}
}

// trimEOL drops a trailing "\n", then a trailing "\r".
func trimEOL(b []byte) []byte {
	return bytes.TrimSuffix(bytes.TrimSuffix(b, []byte("\n")), []byte("\r"))
}

// ParseRecord loads one JSON Lines record: raw is line lineNo of the file
// path, without its line terminator; raw is not kept. It is what Walk does
// with each line of a JSONL file, except what belongs to the file: the ID
// is not made unique (Load and Walk do that), and blank lines, the size
// limit and binary files are the caller's concern (a blank line is "not
// JSON" here; Walk skips it). A document with only warnings is returned
// with them. Safe for concurrent use.
func ParseRecord(path string, lineNo int, raw []byte) (*compare.Document, []compare.DocError) {
	p, errs := parseRecord(path, lineNo, raw)
	if p == nil {
		return nil, errs
	}
	return p.Document(), errs
}

// parseRecord reads one JSON line as far as the reading goroutine must:
// the errors, the metadata and a copy of the line; Pending.Document
// decodes and analyses the text (Title holds the record's title until
// then). raw is not kept. The fast reader handles well-formed flat
// records; anything else goes through encoding/json.
func parseRecord(path string, lineNo int, raw []byte) (*Pending, []compare.DocError) {
	var rec scannedRecord
	if !scanRecord(raw, &rec) {
		return parseRecordStd(path, lineNo, raw)
	}
	return buildRecord(path, lineNo, raw, rec.textOff, rec.textEnd, func(f int) []byte { return rec.fields[f] })
}

// parseRecordStd is parseRecord through encoding/json: its errors name
// what is wrong with the line.
func parseRecordStd(path string, lineNo int, raw []byte) (*Pending, []compare.DocError) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		at := path + ":" + strconv.Itoa(lineNo)
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return nil, []compare.DocError{errf(at, "not a JSON object")}
		}
		return nil, []compare.DocError{errf(at, "not JSON: %s", strings.TrimPrefix(err.Error(), "json: "))}
	}
	textOff, textEnd := fieldOffset(raw, "text"), -1
	if textOff >= 0 {
		s := recordScanner{b: raw, i: textOff}
		if _, ok := s.str(); ok {
			textEnd = s.i - 1
		} else {
			textOff = -1 // cannot happen: encoding/json read the string
		}
	}
	return buildRecord(path, lineNo, raw, textOff, textEnd, func(f int) []byte {
		v, ok := fields[fieldNames[f]]
		if !ok {
			return nil
		}
		return v
	})
}

// buildRecord reads a record known to be a JSON object: textOff and
// textEnd are the quotes of its "text" string (textOff -1 when there is
// none), field returns the raw value of a known field (nil when absent).
// It does what must be done in line order (the errors, the ID) and copies
// the line; record.finish does the rest.
func buildRecord(path string, lineNo int, raw []byte, textOff, textEnd int, field func(int) []byte) (*Pending, []compare.DocError) {
	var num [20]byte
	lineStr := strconv.AppendInt(num[:0], int64(lineNo), 10)
	// The record's strings share one allocation, sized for the values
	// used: decoded values are never longer than written.
	var sb strings.Builder
	size, hasID := metaSize(field)
	size += len(path) + 1 + len(lineStr)
	if !hasID {
		size += len(path) + 1 + len(lineStr) // room for the default ID, stem#line
	}
	sb.Grow(size)
	sb.WriteString(path)
	sb.WriteByte(':')
	sb.Write(lineStr)
	at := sb.String()
	var errs []compare.DocError
	if off := invalidUTF8(raw); off >= 0 {
		errs = append(errs, warnf(at, "invalid UTF-8 at byte %d of the line (left in place)", off))
	}
	if textOff < 0 {
		errs = append(errs, errf(at, "no \"text\" string field"))
		return nil, errs
	}
	if blankLiteral(raw[textOff+1 : textEnd]) {
		errs = append(errs, errf(at, "empty text"))
		return nil, errs
	}
	str := func(keys ...int) (string, string) {
		for _, k := range keys {
			v := field(k)
			if v == nil || string(v) == "null" {
				continue
			}
			switch {
			case v[0] != '"' && v[0] != '-' && (v[0] < '0' || v[0] > '9'):
				errs = append(errs, warnf(at, "field %q: want a string", fieldNames[k]))
				continue
			case v[0] == '"' && !plainJSONString(v):
				return strings.TrimSpace(jsonString(v)), fieldNames[k]
			case v[0] == '"':
				v = bytes.TrimSpace(v[1 : len(v)-1])
			} // else a number, as written
			start := sb.Len()
			sb.Write(v)
			return sb.String()[start:], fieldNames[k]
		}
		return "", ""
	}
	rd := &recordDoc{}
	d := &rd.doc
	d.Path = at
	id, _ := str(fID)
	if id == "" {
		start := sb.Len()
		sb.WriteString(stem(path))
		sb.WriteByte('#')
		sb.Write(lineStr)
		id = sb.String()[start:]
	}
	d.ID = id
	d.Title, _ = str(fTitle, fHeadline)
	d.Outlet, _ = str(fOutlet, fSource, fSite, fPublisher)
	d.URL, _ = str(fURL, fLink)
	d.Story, _ = str(fStory)
	if s, key := str(fPublished, fDate, fDatePublished, fPublishedAt, fPublishedAtCamel); s != "" {
		if t, ok := parseDate(s); ok {
			rd.published = t
			d.Published, d.PublishedFrom = &rd.published, "jsonl"
		} else {
			errs = append(errs, errf(at, "bad date %q in field %q (want YYYY-MM-DD or RFC 3339)", s, key))
		}
	}
	pr := &pendingRecord{rec: record{line: bytes.Clone(raw), path: path, lineNo: lineNo, textOff: textOff, textEnd: textEnd}}
	pr.p = Pending{doc: d, rec: &pr.rec}
	return &pr.p, errs
}

// metaGroups are the fields buildRecord reads, by the value they give:
// the first present and not null of each group is used.
var metaGroups = [][]int{
	{fID}, {fTitle, fHeadline}, {fOutlet, fSource, fSite, fPublisher}, {fURL, fLink}, {fStory},
	{fPublished, fDate, fDatePublished, fPublishedAt, fPublishedAtCamel},
}

// metaSize is the written size, quotes excluded, of the metadata values
// a record's document will most likely keep, and whether it has an ID
// (a value that is not a string gives way to the next field of its
// group, or to the default ID, which may then need more room).
func metaSize(field func(int) []byte) (n int, hasID bool) {
	for i, g := range metaGroups {
		for _, k := range g {
			if v := field(k); v != nil && string(v) != "null" {
				n += len(v)
				if v[0] == '"' {
					n -= 2
				}
				hasID = hasID || i == 0
				break
			}
		}
	}
	return n, hasID
}

// recordDoc is a record's document with room for its publication date,
// so that both take one allocation.
type recordDoc struct {
	doc       compare.Document
	published time.Time
}

// record is what is left to do of a record once read: its line, the text
// still escaped in it.
type record struct {
	line                     []byte // a copy of the line; nil once finished
	path                     string
	lineNo, textOff, textEnd int
}

// pendingRecord is a record's Pending with its record, in one allocation.
type pendingRecord struct {
	p   Pending
	rec record
}

// finish decodes the record's text in place in its copy of the line,
// which then holds the text and, for mapping offsets to columns, the
// bytes around the literal; and analyses the text.
func (r *record) finish(d *compare.Document) {
	lit := r.line[r.textOff+1 : r.textEnd]
	n, cks := decodeJSONString(lit)
	m := lineMap{path: r.path, lineNo: r.lineNo, text: lit[:n:n], cks: cks, litLen: len(lit),
		head: r.line[:r.textOff+1], tail: r.line[r.textEnd:], headRunes: runeCount(r.line[:r.textOff+1])}
	d.Text = m.text
	d.Source = m.source // one allocation: the method value holds a copy of m
	r.line = nil
	analyzeRecord(d)
}

// blankLiteral reports whether the content of a valid JSON string literal
// decodes to white space only, as bytes.TrimSpace sees it, without
// decoding it: it stops at the first rune that is not a space.
func blankLiteral(lit []byte) bool {
	for i := 0; i < len(lit); {
		c := lit[i]
		var r rune
		switch {
		case c == '\\':
			if i+1 >= len(lit) {
				return true // cannot happen: decodeJSONString would drop it
			}
			e := lit[i+1]
			i += 2
			switch e {
			case 'n':
				r = '\n'
			case 't':
				r = '\t'
			case 'r':
				r = '\r'
			case 'b':
				r = '\b'
			case 'f':
				r = '\f'
			case 'u':
				// A surrogate decodes to a rune beyond the BMP or to
				// U+FFFD: not a space either way.
				r = hex4(lit, i)
				i += 4
			default:
				r = rune(e)
			}
		case c < utf8.RuneSelf:
			r = rune(c)
			i++
		default:
			var size int
			r, size = utf8.DecodeRune(lit[i:])
			i += size
		}
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// analyzeRecord finishes a record's document once its text is decoded:
// page residue, sections and title, dateline, sentences. It needs
// nothing but the document.
func analyzeRecord(d *compare.Document) {
	title := d.Title
	pub, _ := maskResidue(d)
	if t, ok := parseDate(pub); ok && d.Published == nil {
		d.Published, d.PublishedFrom = timePtr(t), "dateline"
	}
	wrapped := isWrapped(d.Text)
	var paras [32]para // most articles fit: no allocation
	structure(d, paragraphs(paras[:0], d.Text, d.Mask, nil, wrapped), title, false)
	setDateline(d)
	finish(d, wrapped)
}

// plainJSONString reports whether a string literal decodes to its bytes
// between the quotes: no escapes, valid UTF-8.
func plainJSONString(v []byte) bool {
	return bytes.IndexByte(v, '\\') < 0 && utf8.Valid(v)
}

// jsonString decodes a JSON string literal as encoding/json does (invalid
// UTF-8 and lone surrogates become U+FFFD).
func jsonString(v []byte) string {
	var s string
	_ = json.Unmarshal(v, &s) // v is a string literal encoding/json has read or would read
	return s
}

// fieldOffset returns the offset of the opening quote of a top-level
// string field's value, or -1.
func fieldOffset(raw []byte, name string) int {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return -1
	}
	found := -1
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return -1
		}
		key, _ := kt.(string)
		start := int(dec.InputOffset())
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return -1
		}
		if key == name {
			i := bytes.IndexByte(raw[start:], '"')
			if i < 0 || len(v) == 0 || v[0] != '"' {
				return -1
			}
			found = start + i // the last duplicate wins, as in encoding/json
		}
	}
	return found
}

// checkpoint maps a decoded offset to a raw offset after an escape; raw
// counts from the literal's first byte after the opening quote, and runes
// are the code points of the raw literal before raw, so that a column
// costs one run's counting, not the line's.
type checkpoint struct{ dec, raw, runes int }

// escapeLens returns how long the escape before a checkpoint is written
// and decoded, from the growth of both offsets since the previous one:
// a verbatim run adds the same to both, and the difference tells the
// escapes apart: \n and the like (2 bytes to 1), \uXXXX (6 to 1, 2 or 3,
// U+FFFD for a lone surrogate being 3), a surrogate pair (12 to 4).
func escapeLens(prev, ck checkpoint) (rawLen, decLen int) {
	switch (ck.raw - prev.raw) - (ck.dec - prev.dec) {
	case 1:
		return 2, 1
	case 3:
		return 6, 3
	case 4:
		return 6, 2
	case 5:
		return 6, 1
	}
	return 12, 4
}

// decodeJSONString decodes the content of a valid JSON string literal
// (between the quotes) in place: the text is lit[:n]. It keeps a
// checkpoint after every escape so decoded offsets map back to the line.
// Invalid UTF-8 is copied as is, so offsets stay true. Decoding never
// writes past what it has read: no escape decodes longer than written.
func decodeJSONString(lit []byte) (n int, cks []checkpoint) {
	if k := bytes.Count(lit, []byte{'\\'}); k > 0 {
		cks = make([]checkpoint, 0, k)
	}
	w, runes := 0, 0
	for i := 0; i < len(lit); {
		j := bytes.IndexByte(lit[i:], '\\')
		if j < 0 {
			copy(lit[w:], lit[i:])
			w += len(lit) - i
			break
		}
		runes += runeCount(lit[i : i+j])
		copy(lit[w:], lit[i:i+j])
		w += j
		i += j
		if i+1 >= len(lit) {
			break
		}
		start := i
		e := lit[i+1]
		i += 2
		switch e {
		case 'n':
			lit[w] = '\n'
		case 't':
			lit[w] = '\t'
		case 'r':
			lit[w] = '\r'
		case 'b':
			lit[w] = '\b'
		case 'f':
			lit[w] = '\f'
		case 'u':
			r := hex4(lit, i)
			i += 4
			if utf16.IsSurrogate(r) {
				if i+6 <= len(lit) && lit[i] == '\\' && lit[i+1] == 'u' {
					r2 := hex4(lit, i+2)
					if dr := utf16.DecodeRune(r, r2); dr != utf8.RuneError {
						r = dr
						i += 6
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			w += utf8.EncodeRune(lit[w:], r) - 1
		default:
			lit[w] = e
		}
		w++
		runes += i - start // an escape is ASCII
		cks = append(cks, checkpoint{dec: w, raw: i, runes: runes})
	}
	return w, cks
}

// hex4 reads four hex digits at b[i:], or gives U+FFFD.
func hex4(b []byte, i int) rune {
	if i < 0 || i+4 > len(b) {
		return utf8.RuneError
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return utf8.RuneError
		}
	}
	return r
}

// lineMap maps offsets in a record's decoded text to columns of its line
// without keeping the line as written: the bytes before and after the
// text literal are kept, and between escapes the literal is the decoded
// text itself.
type lineMap struct {
	path   string
	lineNo int
	text   []byte
	cks    []checkpoint
	litLen int    // the raw length of the text literal, quotes excluded
	head   []byte // the line up to and including the opening quote
	tail   []byte // the line from the closing quote on
	// headRunes is the code points of head, counted once: every claim of
	// the record would count them again.
	headRunes int
}

// source is Document.Source for a record: the column is one plus the
// number of code points before the byte of the line the offset maps to.
// (A value receiver: the method value is then a single allocation.)
func (m lineMap) source(off int) (string, int, int) {
	lit := len(m.head)
	i := sort.Search(len(m.cks), func(i int) bool { return m.cks[i].dec > off }) - 1
	r := lit + off
	if i >= 0 {
		r = lit + m.cks[i].raw + (off - m.cks[i].dec)
	}
	r = min(max(r, 0), lit+m.litLen+len(m.tail))
	return m.path, m.lineNo, m.runesBefore(r) + 1
}

// runesBefore counts the code points of the line before byte r. The
// pieces add up: each one starts after an ASCII byte (a quote or the last
// byte of an escape) and ends before one, so no sequence spans two.
func (m lineMap) runesBefore(r int) int {
	lit := len(m.head)
	if r <= lit {
		return runeCount(m.head[:r])
	}
	n := m.headRunes
	if r >= lit+m.litLen {
		return n + m.literalRunes(m.litLen) + runeCount(m.tail[:r-lit-m.litLen])
	}
	return n + m.literalRunes(r-lit)
}

// literalRunes counts the code points of the first k raw bytes of the
// text literal.
func (m lineMap) literalRunes(k int) int {
	// The first checkpoint at or after k closes the run k is in.
	j := sort.Search(len(m.cks), func(i int) bool { return k <= m.cks[i].raw })
	var prev checkpoint // where the run starts, and the code points before it
	if j > 0 {
		prev = m.cks[j-1]
	}
	n := prev.runes
	if j == len(m.cks) {
		return n + runeCount(m.text[prev.dec:min(prev.dec+k-prev.raw, len(m.text))])
	}
	ck := m.cks[j]
	rawLen, decLen := escapeLens(prev, ck)
	rawStart := min(max(ck.raw-rawLen, prev.raw), ck.raw)
	decStart := min(max(ck.dec-decLen, prev.dec), ck.dec)
	if k <= rawStart {
		return n + runeCount(m.text[prev.dec:prev.dec+k-prev.raw])
	}
	// Inside the escape, which is ASCII.
	return n + runeCount(m.text[prev.dec:decStart]) + k - rawStart
}

// runeCount is utf8.RuneCount without its allocation: that converts the
// part of its input from the first non-ASCII byte on to a string, a copy
// on the heap past 32 bytes.
func runeCount(p []byte) int {
	n, i := 0, 0
	for i < len(p) {
		// Eight ASCII bytes at a time.
		if i+8 <= len(p) && binary.LittleEndian.Uint64(p[i:])&0x8080808080808080 == 0 {
			n, i = n+8, i+8
			continue
		}
		if p[i] < utf8.RuneSelf {
			n, i = n+1, i+1
			continue
		}
		_, size := utf8.DecodeRune(p[i:])
		n, i = n+1, i+size
	}
	return n
}
