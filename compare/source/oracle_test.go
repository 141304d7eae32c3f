package source

// The loader's JSONL record code as it was before the fast record reader:
// the oracle the differential tests and fuzz targets compare against.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
)

// readLine reads one line without its terminator. A line longer than
// limit is skipped to its end and reported as tooLong.
func readLineOrig(br *bufio.Reader, limit int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, e := br.ReadSlice('\n')
		if !tooLong {
			line = append(line, chunk...)
			if int64(len(line)) > limit+1 {
				tooLong, line = true, line[:0]
			}
		}
		switch {
		case e == nil:
			line = bytes.TrimSuffix(line, []byte("\n"))
			return bytes.TrimSuffix(line, []byte("\r")), tooLong, nil
		case errors.Is(e, bufio.ErrBufferFull):
			continue
		case errors.Is(e, io.EOF):
			if len(line) == 0 && !tooLong {
				return nil, false, io.EOF
			}
			return bytes.TrimSuffix(line, []byte("\r")), tooLong, io.EOF
		default:
			return nil, false, e
		}
	}
}

// parseRecord turns one JSON line into a document.
func parseRecordOrig(path string, lineNo int, raw []byte) (*compare.Document, []compare.DocError) {
	at := path + ":" + strconv.Itoa(lineNo)
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return nil, []compare.DocError{errf(at, "not a JSON object")}
		}
		return nil, []compare.DocError{errf(at, "not JSON: %s", strings.TrimPrefix(err.Error(), "json: "))}
	}
	var errs []compare.DocError
	if off := invalidUTF8(raw); off >= 0 {
		errs = append(errs, warnf(at, "invalid UTF-8 at byte %d of the line (left in place)", off))
	}
	str := func(keys ...string) (string, string) {
		for _, k := range keys {
			v, ok := fields[k]
			if !ok || string(v) == "null" {
				continue
			}
			var s string
			if json.Unmarshal(v, &s) == nil {
				return strings.TrimSpace(s), k
			}
			var n json.Number
			if json.Unmarshal(v, &n) == nil {
				return n.String(), k
			}
			errs = append(errs, warnf(at, "field %q: want a string", k))
		}
		return "", ""
	}
	textOff := fieldOffsetOrig(raw, "text")
	if textOff < 0 {
		errs = append(errs, errf(at, "no \"text\" string field"))
		return nil, errs
	}
	text, cks := decodeJSONStringOrig(raw, textOff)
	if len(bytes.TrimSpace(text)) == 0 {
		errs = append(errs, errf(at, "empty text"))
		return nil, errs
	}
	d := &compare.Document{Path: at, Text: text}
	id, _ := str("id")
	if id == "" {
		id = stem(path) + "#" + strconv.Itoa(lineNo)
	}
	d.ID = id
	title, _ := str("title", "headline")
	d.Outlet, _ = str("outlet", "source", "site", "publisher")
	d.URL, _ = str("url", "link")
	d.Story, _ = str("story")
	if s, key := str("published", "date", "datePublished", "published_at", "publishedAt"); s != "" {
		if t, ok := parseDate(s); ok {
			d.Published, d.PublishedFrom = &t, "jsonl"
		} else {
			errs = append(errs, errf(at, "bad date %q in field %q (want YYYY-MM-DD or RFC 3339)", s, key))
		}
	}
	line := append([]byte(nil), raw...)
	d.Source = func(off int) (string, int, int) {
		i := sort.Search(len(cks), func(i int) bool { return cks[i].dec > off }) - 1
		r := textOff + 1 + off
		if i >= 0 {
			r = cks[i].raw + (off - cks[i].dec)
		}
		r = min(max(r, 0), len(line))
		return path, lineNo, utf8.RuneCount(line[:r]) + 1
	}
	pub, _ := maskResidue(d)
	if t, ok := parseDate(pub); ok && d.Published == nil {
		d.Published, d.PublishedFrom = &t, "dateline"
	}
	structure(d, paragraphs(nil, d.Text, d.Mask, nil, isWrapped(d.Text)), title, false)
	setDateline(d)
	finish(d, isWrapped(d.Text))
	return d, errs
}

// fieldOffset returns the offset of the opening quote of a top-level
// string field's value, or -1.
func fieldOffsetOrig(raw []byte, name string) int {
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

// checkpoint maps a decoded offset to a raw offset after an escape.
type checkpointOrig struct{ dec, raw int }

// decodeJSONString decodes the JSON string literal at raw[q] (the opening
// quote), keeping a checkpoint after every escape so decoded offsets map
// back to the line. Invalid UTF-8 is copied as is, so offsets stay true.
func decodeJSONStringOrig(raw []byte, q int) ([]byte, []checkpointOrig) {
	var out []byte
	var cks []checkpointOrig
	for i := q + 1; i < len(raw); {
		c := raw[i]
		if c == '"' {
			break
		}
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(raw) {
			break
		}
		e := raw[i+1]
		i += 2
		switch e {
		case 'n':
			out = append(out, '\n')
		case 't':
			out = append(out, '\t')
		case 'r':
			out = append(out, '\r')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'u':
			r := hex4Orig(raw, i)
			i += 4
			if utf16.IsSurrogate(r) {
				if i+6 <= len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
					r2 := hex4Orig(raw, i+2)
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
			out = utf8.AppendRune(out, r)
		default:
			out = append(out, e)
		}
		cks = append(cks, checkpointOrig{dec: len(out), raw: i})
	}
	return out, cks
}

func hex4Orig(b []byte, i int) rune {
	if i+4 > len(b) {
		return utf8.RuneError
	}
	n, err := strconv.ParseUint(string(b[i:i+4]), 16, 32)
	if err != nil {
		return utf8.RuneError
	}
	return rune(n)
}
