package reports

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
)

// A hand-written encoder of the finding object (jsonFinding): corpus runs
// write one per finding, and encoding/json's reflection was most of the
// cost of writing them. It must produce exactly the bytes encoding/json
// produces for toJSONFinding(f) with SetEscapeHTML(false), without the
// newline; TestAppendFindingJSONMatchesEncodingJSON and FuzzFindingJSON
// hold it to that. A field added to jsonFinding must be added here too.

// AppendFindingJSON appends the finding object of the JSON contract,
// compact and without a newline: one line of the jsonl format.
func AppendFindingJSON(dst []byte, f compare.Finding) []byte {
	dst = append(dst, `{"id":`...)
	dst = AppendJSONString(dst, f.ID)
	dst = append(dst, `,"rule":`...)
	dst = AppendJSONString(dst, f.Rule)
	dst = append(dst, `,"type":`...)
	dst = AppendJSONString(dst, string(f.Type))
	dst = append(dst, `,"kind":`...)
	dst = AppendJSONString(dst, string(f.Kind))
	dst = append(dst, `,"severity":`...)
	dst = AppendJSONString(dst, f.Severity.String())
	dst = append(dst, `,"subject":`...)
	dst = AppendJSONString(dst, f.Subject)
	dst = append(dst, `,"message":`...)
	dst = AppendJSONString(dst, f.Message)
	dst = append(dst, `,"claims":[`...)
	for i, c := range f.Claims {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendClaimJSON(dst, c)
	}
	dst = append(dst, `],"evidence":[`...)
	for i, e := range f.Evidence {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = AppendJSONString(dst, e.Text)
	}
	dst = append(dst, `],"evidence_detail":[`...)
	for i, e := range f.Evidence {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendEvidenceJSON(dst, e)
	}
	dst = append(dst, `],"diff":`...)
	dst = appendDiffJSON(dst, f.Diff)
	dst = append(dst, `,"fingerprint":`...)
	dst = AppendJSONString(dst, fingerprint(f))
	if f.Suppressed != "" { // omitempty
		dst = append(dst, `,"suppressed":`...)
		dst = AppendJSONString(dst, f.Suppressed)
	}
	return append(dst, '}')
}

// appendClaimJSON appends a jsonClaim.
func appendClaimJSON(dst []byte, c compare.Claim) []byte {
	path, line, col := claimStart(c)
	dst = append(dst, `{"doc":`...)
	dst = AppendJSONString(dst, docID(c))
	dst = append(dst, `,"path":`...)
	dst = AppendJSONString(dst, path)
	dst = append(dst, `,"line":`...)
	dst = strconv.AppendInt(dst, int64(line), 10)
	dst = append(dst, `,"column":`...)
	dst = strconv.AppendInt(dst, int64(col), 10)
	dst = append(dst, `,"start":`...)
	dst = strconv.AppendInt(dst, int64(c.Span.Start), 10)
	dst = append(dst, `,"end":`...)
	dst = strconv.AppendInt(dst, int64(c.Span.End), 10)
	dst = append(dst, `,"text":`...)
	dst = AppendJSONString(dst, c.Text)
	dst = append(dst, `,"value":`...)
	dst = AppendJSONString(dst, c.Value)
	dst = append(dst, `,"segment":`...)
	dst = AppendJSONString(dst, string(segment(c)))
	if c.Speaker != "" { // omitempty
		dst = append(dst, `,"speaker":`...)
		dst = AppendJSONString(dst, c.Speaker)
	}
	if c.Timex != "" { // omitempty
		dst = append(dst, `,"timex":`...)
		dst = AppendJSONString(dst, c.Timex)
	}
	return append(dst, '}')
}

// claimStart is the start of locate(c): the only part of it the JSON
// contract reports, without the work of locating the end.
func claimStart(c compare.Claim) (path string, line, col int) {
	d := c.Doc
	switch {
	case d == nil:
		return "", 0, 0
	case d.Source != nil:
		return d.Source(c.Span.Start)
	default:
		p := d.Position(c.Span.Start)
		return d.Path, p.Line, p.Column
	}
}

// appendEvidenceJSON appends a jsonEvidence.
func appendEvidenceJSON(dst []byte, e compare.Evidence) []byte {
	dst = append(dst, `{"text":`...)
	dst = AppendJSONString(dst, e.Text)
	dst = append(dst, `,"source":`...)
	dst = AppendJSONString(dst, e.Source)
	dst = append(dst, `,"person":`...)
	dst = AppendJSONString(dst, e.Person)
	dst = append(dst, `,"office":`...)
	dst = AppendJSONString(dst, e.Office)
	dst = append(dst, `,"from":`...)
	dst = AppendJSONDate(dst, e.From)
	dst = append(dst, `,"to":`...)
	dst = AppendJSONDate(dst, e.To)
	dst = append(dst, `,"died":`...)
	dst = AppendJSONDate(dst, e.Died)
	return append(dst, '}')
}

// appendDiffJSON appends a compare.Diff as toJSONFinding passes it on
// (nil Ops as []), or null.
func appendDiffJSON(dst []byte, d *compare.Diff) []byte {
	if d == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, `{"a":`...)
	dst = AppendJSONString(dst, d.A)
	dst = append(dst, `,"b":`...)
	dst = AppendJSONString(dst, d.B)
	dst = append(dst, `,"ops":[`...)
	for i, op := range d.Ops {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"op":`...)
		dst = AppendJSONString(dst, op.Op)
		dst = append(dst, `,"text":`...)
		dst = AppendJSONString(dst, op.Text)
		dst = append(dst, '}')
	}
	dst = append(dst, `],"unified":`...)
	dst = AppendJSONString(dst, d.Unified)
	return append(dst, '}')
}

// AppendJSONDate appends strOrNull(date(t)) as encoding/json writes it:
// null for a nil or zero time, else the day as a string. A formatted day
// is digits and '-' only, which JSON never escapes.
func AppendJSONDate(dst []byte, t *time.Time) []byte {
	if t == nil || t.IsZero() {
		return append(dst, "null"...)
	}
	dst = append(dst, '"')
	dst = t.AppendFormat(dst, time.DateOnly)
	return append(dst, '"')
}

// AppendJSONString appends s as a JSON string exactly as encoding/json
// writes it with SetEscapeHTML(false): '"', '\\' and control characters
// escaped (\b \f \n \r \t short, the rest \u00XX), each byte of invalid
// UTF-8 as \ufffd, and U+2028 and U+2029 escaped; <, > and & kept.
func AppendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
