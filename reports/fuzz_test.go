package reports

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

// FuzzPrinters feeds every printer documents of arbitrary bytes (invalid
// UTF-8, markup, CRLF) and arbitrary spans, including spans outside the
// text: no printer may fail or panic, and the JSON and XML formats must
// stay well formed.
func FuzzPrinters(f *testing.F) {
	f.Add([]byte("Talks began on Friday.\nThey ended <b>late</b>."), 15, 21, "began on Friday", "x|y")
	f.Add([]byte("\xff\xfe bad \r\n utf-8 \x00"), 0, 3, "\xff", "]]>")
	f.Add([]byte(""), -5, 100, "", "<script>alert(1)</script>")
	f.Add([]byte("---\ntitle: t\n---\nbody ‘quoted’ text"), 20, 10, "=cmd|' /C calc'!A0", "%0A::error::")
	f.Fuzz(func(t *testing.T, text []byte, start, end int, claimText, message string) {
		d := &compare.Document{ID: "d", Path: "in put/d#1.txt", Title: message, Text: text,
			Mask: []compare.Span{{Start: 0, End: min(len(text), 4)}}}
		c := compare.Claim{Kind: compare.KindDate, Doc: d, Span: compare.Span{Start: start, End: end}, Text: claimText, Value: claimText}
		r := &compare.Report{
			Documents: []*compare.Document{d},
			Eras:      map[string]compare.Era{"d": {Empty: true}},
			Findings: []compare.Finding{
				{ID: "F1", Rule: "date-mismatch", Type: compare.Contradiction, Kind: compare.KindDate, Severity: compare.Error,
					Message: message, Claims: []compare.Claim{c, c},
					Diff: &compare.Diff{A: claimText, B: message, Unified: message, Ops: []compare.DiffOp{{Op: "delete", Text: claimText}, {Op: "insert", Text: message}}}},
				{ID: "F2", Rule: message, Type: compare.Agreement, Severity: compare.Info, Message: message, Claims: []compare.Claim{c}},
			},
			Errors: []compare.DocError{{Path: message, Message: message}},
		}
		for _, name := range Names() {
			p, _ := Get(name)
			var buf bytes.Buffer
			if err := p(&buf, r, Options{Width: 40, Color: len(text)%2 == 0}); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			switch name {
			case "json", "sarif":
				if !json.Valid(buf.Bytes()) {
					t.Fatalf("%s: invalid JSON", name)
				}
			case "junit":
				var v junitSuites
				if err := xml.Unmarshal(buf.Bytes(), &v); err != nil {
					t.Fatalf("junit: %v", err)
				}
			}
		}
	})
}
