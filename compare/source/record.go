package source

import (
	"encoding/binary"
	"unicode/utf8"
)

// The fast JSONL record reader. A record is nearly always a flat object of
// ASCII keys and string values; scanRecord reads such a line in one pass
// without encoding/json's reflection, maps and copies. It accepts only
// input encoding/json accepts and reads it the same way; anything it does
// not handle (a non-object, a syntax error, an escaped or non-ASCII key,
// deep nesting) makes it give up, and parseRecord falls back to the
// encoding/json path, so errors and their messages stay those of
// encoding/json.

// Known record fields, in the order parseRecord looks them up.
const (
	fID = iota
	fTitle
	fHeadline
	fOutlet
	fSource
	fSite
	fPublisher
	fURL
	fLink
	fStory
	fPublished
	fDate
	fDatePublished
	fPublishedAt
	fPublishedAtCamel
	fText
	numFields
)

// fieldNames are the JSON keys of the known fields, by index.
var fieldNames = [numFields]string{
	fID: "id", fTitle: "title", fHeadline: "headline", fOutlet: "outlet", fSource: "source", fSite: "site",
	fPublisher: "publisher", fURL: "url", fLink: "link", fStory: "story", fPublished: "published", fDate: "date",
	fDatePublished: "datePublished", fPublishedAt: "published_at", fPublishedAtCamel: "publishedAt", fText: "text",
}

// fieldIndex returns the index of a known key, or -1.
func fieldIndex(key []byte) int {
	switch string(key) { // no allocation: the compiler compares in place
	case "id":
		return fID
	case "title":
		return fTitle
	case "headline":
		return fHeadline
	case "outlet":
		return fOutlet
	case "source":
		return fSource
	case "site":
		return fSite
	case "publisher":
		return fPublisher
	case "url":
		return fURL
	case "link":
		return fLink
	case "story":
		return fStory
	case "published":
		return fPublished
	case "date":
		return fDate
	case "datePublished":
		return fDatePublished
	case "published_at":
		return fPublishedAt
	case "publishedAt":
		return fPublishedAtCamel
	case "text":
		return fText
	}
	return -1
}

// maxScanDepth bounds the nesting scanRecord follows; deeper values go to
// encoding/json, whose own limit and message then apply.
const maxScanDepth = 100

// scannedRecord is what scanRecord finds: for each known field the raw
// value of its last occurrence (quotes included), as encoding/json's map
// would hold it.
type scannedRecord struct {
	fields [numFields][]byte
	// textOff is the offset of the opening quote of the last "text" value,
	// textEnd that of its closing quote; textOff is -1 when "text" is
	// missing or any occurrence of it is not a string (fieldOffset's rule).
	textOff, textEnd int
	textBad          bool
	// esc is set on a string value holding a backslash.
	esc [numFields]bool
}

// recordScanner walks one line.
type recordScanner struct {
	b []byte
	i int
}

// scanRecord reads raw as a JSON object. ok is false when raw is not
// something it reads exactly as encoding/json would.
func scanRecord(raw []byte, rec *scannedRecord) (ok bool) {
	*rec = scannedRecord{textOff: -1, textEnd: -1}
	s := recordScanner{b: raw}
	s.ws()
	if !s.eat('{') {
		return false
	}
	s.ws()
	if s.eat('}') {
		return s.end()
	}
	for {
		ks, ke, ok := s.key()
		if !ok {
			return false
		}
		s.ws()
		if !s.eat(':') {
			return false
		}
		s.ws()
		vs := s.i
		str, esc, ok := s.value(0)
		if !ok {
			return false
		}
		if f := fieldIndex(raw[ks:ke]); f >= 0 {
			rec.fields[f], rec.esc[f] = raw[vs:s.i], esc
			if f == fText {
				if str {
					rec.textOff, rec.textEnd = vs, s.i-1
				} else {
					rec.textBad = true
				}
			}
		}
		s.ws()
		if s.eat('}') {
			break
		}
		if !s.eat(',') {
			return false
		}
		s.ws()
	}
	if rec.textBad {
		rec.textOff, rec.textEnd = -1, -1
	}
	return s.end()
}

// end reports whether only white space is left.
func (s *recordScanner) end() bool {
	s.ws()
	return s.i == len(s.b)
}

func (s *recordScanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *recordScanner) eat(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// key reads an object key and returns the span of its content. Keys with
// escapes or non-ASCII bytes are left to encoding/json, which decodes
// them (and replaces invalid UTF-8) before comparing.
func (s *recordScanner) key() (start, end int, ok bool) {
	if !s.eat('"') {
		return 0, 0, false
	}
	start = s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			return start, s.i - 1, true
		case c == '\\' || c < 0x20 || c >= utf8.RuneSelf:
			return 0, 0, false
		}
		s.i++
	}
	return 0, 0, false
}

// value skips one JSON value, checking its syntax; str is set for a
// string, esc for a string holding a backslash.
func (s *recordScanner) value(depth int) (str, esc, ok bool) {
	if s.i >= len(s.b) {
		return false, false, false
	}
	switch c := s.b[s.i]; {
	case c == '"':
		esc, ok = s.str()
		return true, esc, ok
	case c == '-' || c >= '0' && c <= '9':
		return false, false, s.number()
	case c == 't':
		return false, false, s.literal("true")
	case c == 'f':
		return false, false, s.literal("false")
	case c == 'n':
		return false, false, s.literal("null")
	case c == '{' || c == '[':
		if depth >= maxScanDepth {
			return false, false, false
		}
		return false, false, s.container(depth + 1)
	}
	return false, false, false
}

// str skips a string literal. Control characters are errors, invalid
// UTF-8 is not (encoding/json accepts it).
func (s *recordScanner) str() (esc, ok bool) {
	b := s.b
	i := s.i + 1
	for i < len(b) {
		// Eight bytes at a time while none needs a look.
		for i+8 <= len(b) && !hasSpecial(binary.LittleEndian.Uint64(b[i:])) {
			i += 8
		}
		if i >= len(b) {
			break
		}
		c := b[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			i++
			continue
		}
		switch c {
		case '"':
			s.i = i + 1
			return esc, true
		case '\\':
			esc = true
			if i+1 >= len(b) {
				return esc, false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(b) || !isHex(b[i+2]) || !isHex(b[i+3]) || !isHex(b[i+4]) || !isHex(b[i+5]) {
					return esc, false
				}
				i += 6
			default:
				return esc, false
			}
		default: // a control character
			return esc, false
		}
	}
	return esc, false
}

// hasSpecial reports whether any byte of w is a quote, a backslash or a
// control character (below 0x20). These are the exact "has a zero byte"
// and "has a byte below n" word tests: borrows may mark more bytes than
// those that qualify, but only when one does.
func hasSpecial(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q := w ^ (ones * '"')
	bs := w ^ (ones * '\\')
	return ((q-ones)&^q|(bs-ones)&^bs|(w-ones*0x20)&^w)&highs != 0
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// number skips a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *recordScanner) number() bool {
	b := s.b
	i := s.i
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		i = digits(b, i)
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		j := digits(b, i+1)
		if j == i+1 {
			return false
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := digits(b, i)
		if j == i {
			return false
		}
		i = j
	}
	s.i = i
	return true
}

func digits(b []byte, i int) int {
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i
}

func (s *recordScanner) literal(lit string) bool {
	if len(s.b)-s.i < len(lit) || string(s.b[s.i:s.i+len(lit)]) != lit {
		return false
	}
	s.i += len(lit)
	return true
}

// container skips an object or array whose opening bracket is at s.i.
func (s *recordScanner) container(depth int) bool {
	obj := s.b[s.i] == '{'
	closer := byte(']')
	if obj {
		closer = '}'
	}
	s.i++
	s.ws()
	if s.eat(closer) {
		return true
	}
	for {
		if obj {
			if !s.anyKey() {
				return false
			}
			s.ws()
			if !s.eat(':') {
				return false
			}
			s.ws()
		}
		if _, _, ok := s.value(depth); !ok {
			return false
		}
		s.ws()
		if s.eat(closer) {
			return true
		}
		if !s.eat(',') {
			return false
		}
		s.ws()
	}
}

// anyKey skips a key of a nested object, which is never looked up.
func (s *recordScanner) anyKey() bool {
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return false
	}
	_, ok := s.str()
	return ok
}
