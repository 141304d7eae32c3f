package corpus

import (
	"bytes"
	"context"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/compare/source"
)

// TestPackRoundTrip: every field of every claim survives packing, on the
// claims of real seeds and generated articles and on a claim with every
// field set (non-UTC times, empty but non-nil slices).
func TestPackRoundTrip(t *testing.T) {
	k, gaz := mustKB(t)
	docs, errs := source.Load([]string{"../../testdata/seeds"}, source.Options{})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	var buf bytes.Buffer
	if _, err := Generate(&buf, k, GenOptions{Articles: 300, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	gen, errs := source.Load([]string{"-"}, source.Options{Stdin: &buf, StdinFormat: "jsonl"})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	docs = append(docs, gen...)
	check.SetReferences(docs, nil, time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC))
	byDoc, err := check.Extract(context.Background(), docs, k, gaz, nil, check.Config{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[compare.Kind]bool{}
	total := 0
	var reused Packer // one Packer over every document, as a worker uses it
	// Two workers' packers sharing a dictionary, as pass 1 runs them.
	dict := newStringDict()
	shared := []*Packer{{p: packer{dict: dict}}, {p: packer{dict: dict}}}
	for i, d := range docs {
		var cs []compare.Claim
		for _, c := range byDoc {
			if c.Doc == d {
				cs = append(cs, c)
				kinds[c.Kind] = true
			}
		}
		total += len(cs)
		roundTrip(t, d, cs)
		roundTripShared(t, shared[i%2], dict, d, cs)
		if got, want := reused.Pack(cs), PackClaims(cs); !bytes.Equal(got, want) {
			t.Fatalf("%s: a reused Packer gives %d bytes, a fresh one %d: state leaks between articles", d.ID, len(got), len(want))
		}
	}
	if total < 1000 || len(kinds) < 8 {
		t.Fatalf("only %d claims of %d kinds: the test would prove little", total, len(kinds))
	}

	tehran := time.FixedZone("IRST", 3*3600+1800)
	from, to, died := time.Date(2021, 8, 25, 0, 0, 0, 0, time.UTC), time.Date(2024, 5, 19, 0, 0, 0, 0, time.UTC), time.Date(2024, 5, 19, 13, 30, 0, 0, tehran)
	d := &compare.Document{ID: "x"}
	noName := time.FixedZone("", -5*3600)
	before1970 := time.Date(1969, 7, 20, 0, 0, 0, 0, time.UTC)
	var zero time.Time
	edges := []compare.Claim{
		{
			Kind: compare.KindOffice, Doc: d, Span: compare.Span{Start: 3, End: 40}, Subject: "IR/foreign-minister", Attr: "holder",
			Value: "person/x", When: compare.TimeRef{From: time.Date(2025, 4, 11, 22, 15, 5, 7, tehran), To: to, Gran: 3, Basis: "event"},
			Text: "Foreign Minister X", Segment: compare.SegBody, Timex: "2025-04-11", TimexType: "DATE", Speaker: "s",
			Marker: "former", Low: -1.5, High: 1e308, Unit: "hour", Related: []compare.Span{{Start: 1, End: 2}},
			Valid:    &compare.Window{From: from, To: to},
			Evidence: []compare.Evidence{{Text: "x held office", Source: "https://example.org", Person: "person/x", Office: "IR/fm", From: &from, To: &to, Died: &died}},
		},
		{Kind: compare.KindQuote, Doc: d, Related: []compare.Span{}, Evidence: []compare.Evidence{}},
		{Kind: compare.KindDate, Doc: d, Text: string(bytes.Repeat([]byte("long "), 100))},
		// Backwards spans, figures that are integers, -0 and fractions,
		// times before 1970, off midnight, in a zone with no name, zero
		// where a pointer or window holds one.
		{
			Kind: compare.KindQuantity, Doc: d, Span: compare.Span{Start: 1, End: 0}, Low: 3, High: -7, Unit: "vote",
			When:     compare.TimeRef{From: before1970, To: before1970.Add(time.Second)},
			Related:  []compare.Span{{Start: 0, End: 5}, {Start: 900, End: 800}},
			Valid:    &compare.Window{To: before1970},
			Evidence: []compare.Evidence{{From: &zero}, {Text: "t", Died: &before1970}},
		},
		{Kind: compare.KindQuantity, Doc: d, Low: math.Copysign(0, -1), High: 1 << 60, When: compare.TimeRef{From: time.Date(2025, 1, 2, 3, 4, 5, 0, noName)}},
		{Kind: compare.KindQuantity, Doc: d, Low: 0.25, High: -(1 << 52), When: compare.TimeRef{Gran: -1}},
		{Kind: compare.KindDate, Doc: d, When: compare.TimeRef{From: time.Unix(1<<62, 5).UTC(), To: time.Unix(-1<<62, 0).UTC()}},
	}
	roundTrip(t, d, edges)
	roundTripShared(t, &Packer{p: packer{dict: newStringDict()}}, newStringDict(), d, nil)
	dict = newStringDict()
	roundTripShared(t, &Packer{p: packer{dict: dict}}, dict, d, edges)
	if out, err := UnpackClaims(nil, d); err != nil || out != nil {
		t.Errorf("empty block: %v, %v", out, err)
	}
}

func roundTrip(t *testing.T, d *compare.Document, cs []compare.Claim) {
	t.Helper()
	checkUnpacked(t, string(PackClaims(cs)), nil, d, cs)
}

// roundTripShared packs on a packer with a dictionary: the block unpacks
// with the dictionary only, and is smaller than a self-contained one.
func roundTripShared(t *testing.T, pk *Packer, dict *stringDict, d *compare.Document, cs []compare.Claim) {
	t.Helper()
	b := pk.packString(cs)
	checkUnpacked(t, b, dict, d, cs)
	if self := PackClaims(cs); len(b) > len(self) {
		t.Errorf("%s: %d bytes with the dictionary, %d without", d.ID, len(b), len(self))
	}
	if strings.Contains(b, "person/") {
		if _, err := UnpackClaims([]byte(b), d); err == nil {
			t.Errorf("%s: a block that needs the dictionary unpacks without it", d.ID)
		}
	}
}

func checkUnpacked(t *testing.T, b string, dict *stringDict, d *compare.Document, cs []compare.Claim) {
	t.Helper()
	for _, prefix := range [][]compare.Claim{nil, {{Kind: "x"}}} {
		var u unpacker
		got, err := u.appendClaims(prefix, b, dict, d)
		got = got[len(prefix):]
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		if len(cs) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, cs) {
			for i := range cs {
				if i >= len(got) || !reflect.DeepEqual(got[i], cs[i]) {
					t.Fatalf("%s: claim %d changed:\n got  %+v\n want %+v", d.ID, i, got[min(i, len(got)-1)], cs[i])
				}
			}
			t.Fatalf("%s: %d claims, want %d", d.ID, len(got), len(cs))
		}
	}
}

// TestUnpackRejectsDamage: a truncated, extended or foreign block is an
// error.
func TestUnpackRejectsDamage(t *testing.T) {
	d := &compare.Document{ID: "x"}
	b := PackClaims([]compare.Claim{{Kind: compare.KindWeekday, Doc: d, Value: "Friday", Text: "on Friday"}})
	tests := map[string][]byte{
		"truncated": b[:len(b)-3],
		"trailing":  append(bytes.Clone(b), 0),
		"version":   append([]byte{99}, b[1:]...),
		"count":     {packVersion, 0xff, 0xff, 0xff, 0xff, 0x0f},
	}
	for name, blk := range tests {
		if _, err := UnpackClaims(blk, d); err == nil {
			t.Errorf("%s: no error", name)
		}
	}

	// A block packed against a dictionary, read against another that
	// lacks its strings, or with a claim's mask or an evidence's damaged.
	dict := newStringDict()
	pk := Packer{p: packer{dict: dict}}
	shared := pk.Pack([]compare.Claim{{Kind: compare.KindOffice, Doc: d, Value: "person/x", Evidence: []compare.Evidence{{Text: "t"}}}})
	var u unpacker
	if _, err := u.appendClaims(nil, string(shared), dict, d); err != nil {
		t.Fatal(err)
	}
	other := newStringDict()
	other.id("x")
	// The block is the version, no table of its own, one claim, whose
	// mask comes next: one with bits past the last field.
	mask := append(bytes.Clone(shared[:3]), 0xff, 0xff, 0xff, 0x7f)
	evidence := bytes.Clone(shared)
	evidence[len(evidence)-2] = 0xff // the evidence's mask
	for name, tc := range map[string]struct {
		b    []byte
		dict *stringDict
	}{
		"no dictionary":      {shared, nil},
		"another dictionary": {shared, other},
		"mask":               {mask, dict},
		"evidence mask":      {evidence, dict},
	} {
		var u unpacker
		if _, err := u.appendClaims(nil, string(tc.b), tc.dict, d); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzUnpackClaims: any block unpacks or fails, never panics, and what
// unpacks packs back to the same claims.
func FuzzUnpackClaims(f *testing.F) {
	d := &compare.Document{ID: "x"}
	from := time.Date(2024, 5, 19, 0, 0, 0, 0, time.UTC)
	f.Add(PackClaims([]compare.Claim{{Kind: compare.KindWeekday, Doc: d, Value: "Friday", Text: "on Friday", When: compare.TimeRef{From: from}}}))
	f.Add(PackClaims([]compare.Claim{{Kind: compare.KindOffice, Doc: d, Valid: &compare.Window{From: from}, Evidence: []compare.Evidence{{Text: "t", From: &from}}}}))
	f.Add([]byte{packVersion, 1})
	// Blocks may refer to a dictionary: one holding a few strings.
	dict := newStringDict()
	pk := Packer{p: packer{dict: dict}}
	f.Add(pk.Pack([]compare.Claim{
		{Kind: compare.KindQuantity, Doc: d, Value: "3", Low: 3, High: 3.5, When: compare.TimeRef{From: from, To: from.Add(time.Hour)}},
		{Kind: compare.KindOffice, Doc: d, Span: compare.Span{Start: 9, End: 4}, Related: []compare.Span{{}}, Evidence: []compare.Evidence{{Person: "p", Died: &from}}},
	}))
	f.Fuzz(func(t *testing.T, b []byte) {
		var u unpacker
		cs, err := u.appendClaims(nil, string(b), dict, d)
		if err != nil {
			return
		}
		again, err := UnpackClaims(PackClaims(cs), d)
		if err != nil {
			t.Fatalf("repacked block fails: %v", err)
		}
		if len(again) != len(cs) {
			t.Fatalf("%d claims after repacking, want %d", len(again), len(cs))
		}
	})
}
