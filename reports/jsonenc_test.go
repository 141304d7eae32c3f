package reports

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// assertFindingJSON fails unless AppendFindingJSON writes what
// encoding/json writes for the contract type.
func assertFindingJSON(t *testing.T, f compare.Finding) {
	t.Helper()
	want, err := ReferenceFindingJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	prefix := []byte("prefix")
	got := AppendFindingJSON(prefix, f)
	if !bytes.HasPrefix(got, prefix) {
		t.Fatalf("%s: the bytes before dst's end were changed: %q", f.ID, got)
	}
	if got = got[len(prefix):]; !bytes.Equal(got, want) {
		t.Fatalf("%s:\n got %s\nwant %s", f.ID, got, want)
	}
}

// TestAppendFindingJSONReport: the findings of the report the printers
// are tested with (omitempty fields set and not, evidence with and
// without dates, a diff, claims with a Source map and without).
func TestAppendFindingJSONReport(t *testing.T) {
	for _, f := range testReport(t).Findings {
		assertFindingJSON(t, f)
	}
}

// TestAppendFindingJSONEdges: the values encoding/json treats specially.
func TestAppendFindingJSONEdges(t *testing.T) {
	zero := time.Time{}
	bc := time.Date(-44, 3, 15, 0, 0, 0, 0, time.UTC)
	far := time.Date(12025, 1, 2, 23, 59, 0, 0, time.FixedZone("x", 5*3600))
	doc := &compare.Document{ID: "d<1>", Path: "a&b/\u2028.txt", Text: []byte("Line one\nline \xff two\n"),
		Sections: []compare.Section{{Segment: compare.SegHeadline, Span: compare.Span{Start: 0, End: 8}}}}
	cases := []compare.Finding{
		{ID: "empty"},
		{ID: "html <script>&amp;</script>", Message: "a > b && c < d"},
		{ID: "controls", Message: "\x00\x01\b\f\n\r\t\x1f\x7f \"quoted\" back\\slash"},
		{ID: "utf8", Message: "ok é ✓ 😀 bad \xff\xfe \xe2\x80 \xed\xa0\x80 cut \xf0\x9f\x98"},
		{ID: "separators", Message: "\u2028 and \u2029 and \u2027 \u202a"},
		{ID: "severity", Severity: compare.Severity(9), Type: "other", Kind: "kind\n"},
		{ID: "nil diff ops", Diff: &compare.Diff{A: "a", B: "b"}},
		{ID: "empty diff ops", Diff: &compare.Diff{Ops: []compare.DiffOp{}}},
		{ID: "fingerprint derived", Rule: "r", Claims: []compare.Claim{{Doc: doc, Text: " a \n b ", Value: "v"}}},
		{ID: "suppressed", Suppressed: "why\n", Fingerprint: "given"},
		{ID: "claims", Claims: []compare.Claim{
			{Doc: doc, Span: compare.Span{Start: 14, End: 18}, Text: "two", Speaker: "s", Timex: "2025-W01"},
			{Doc: doc, Span: compare.Span{Start: -3, End: 500}, Segment: "custom"},
			{Span: compare.Span{Start: 1, End: 2}, Text: "no doc"},
		}},
		{ID: "evidence", Evidence: []compare.Evidence{
			{Text: "t", Source: "s", Person: "p", Office: "o", From: &bc, To: &far, Died: &zero},
			{},
		}},
	}
	for _, f := range cases {
		t.Run(f.ID, func(t *testing.T) { assertFindingJSON(t, f) })
	}
}

// TestAppendJSONString compares every byte and some runes with
// encoding/json, alone and between other text.
func TestAppendJSONString(t *testing.T) {
	var inputs []string
	for b := 0; b < 256; b++ {
		inputs = append(inputs, string([]byte{byte(b)}), "a"+string([]byte{byte(b)})+"z")
	}
	for _, r := range []rune{0x80, 0x7ff, 0x800, 0x2028, 0x2029, 0xfffd, 0xffff, 0x10000, 0x10ffff} {
		inputs = append(inputs, string(r), "x"+string(r)+"y")
	}
	for _, s := range inputs {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := AppendJSONString(nil, s); !bytes.Equal(got, bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
			t.Errorf("%q: got %s, want %s", s, got, want.Bytes())
		}
	}
}

// FuzzFindingJSON feeds arbitrary strings into every string field of a
// finding (and its claims, evidence and diff), arbitrary spans and
// dates: AppendFindingJSON must write what encoding/json writes.
func FuzzFindingJSON(f *testing.F) {
	f.Add("F1", "date-mismatch", "Talks began on Friday.\nThey ended late.", 15, 21, int64(0), uint8(0))
	f.Add("<b>&amp;</b>", "\u2028\u2029", "\xff\xfe bad \r\n utf-8 \x00\x1f\x7f", -5, 100, int64(-1e12), uint8(255))
	f.Add("", "\"\\/", "😀 \xf0\x9f\x98", 3, 1, int64(1e15), uint8(7))
	f.Fuzz(func(t *testing.T, a, b, c string, start, end int, unix int64, flags uint8) {
		day := time.Unix(unix, 0).UTC()
		doc := &compare.Document{ID: a, Path: b, Text: []byte(c),
			Sections: []compare.Section{{Segment: compare.Segment(a), Span: compare.Span{Start: 0, End: min(len(c), 5)}}}}
		mapped := &compare.Document{ID: c, Path: a}
		mapped.Source = func(off int) (string, int, int) { return b, off / 7, off % 7 }
		span := compare.Span{Start: start, End: end}
		fd := compare.Finding{
			ID: a, Rule: b, Type: compare.Type(c), Kind: compare.Kind(a), Severity: compare.Severity(int(flags%6) - 1),
			Subject: b, Message: c, Suppressed: c,
			Claims: []compare.Claim{
				{Doc: doc, Span: span, Text: a, Value: b, Speaker: c, Timex: a},
				{Doc: mapped, Span: span, Text: c, Value: a, Segment: compare.Segment(b)},
				{Span: span, Text: b},
			},
			Evidence: []compare.Evidence{
				{Text: a, Source: b, Person: c, Office: a, From: &day, Died: &day},
				{Text: c, Source: a, Person: b, Office: c, To: &day},
			},
			Diff: &compare.Diff{A: a, B: b, Unified: c, Ops: []compare.DiffOp{{Op: a, Text: b}, {Op: c, Text: a}}},
		}
		if flags&1 != 0 {
			fd.Fingerprint = b
		}
		if flags&2 != 0 {
			fd.Diff.Ops = nil
		}
		if flags&4 != 0 {
			fd.Diff = nil
		}
		assertFindingJSON(t, fd)
	})
}
