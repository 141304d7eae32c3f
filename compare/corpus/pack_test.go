package corpus

import (
	"bytes"
	"context"
	"reflect"
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
	for _, d := range docs {
		var cs []compare.Claim
		for _, c := range byDoc {
			if c.Doc == d {
				cs = append(cs, c)
				kinds[c.Kind] = true
			}
		}
		total += len(cs)
		roundTrip(t, d, cs)
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
	roundTrip(t, d, []compare.Claim{
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
	})
	if out, err := UnpackClaims(nil, d); err != nil || out != nil {
		t.Errorf("empty block: %v, %v", out, err)
	}
}

func roundTrip(t *testing.T, d *compare.Document, cs []compare.Claim) {
	t.Helper()
	b := PackClaims(cs)
	for _, prefix := range [][]compare.Claim{nil, {{Kind: "x"}}} {
		got, err := appendUnpacked(prefix, b, d)
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
}

// FuzzUnpackClaims: any block unpacks or fails, never panics, and what
// unpacks packs back to the same claims.
func FuzzUnpackClaims(f *testing.F) {
	d := &compare.Document{ID: "x"}
	from := time.Date(2024, 5, 19, 0, 0, 0, 0, time.UTC)
	f.Add(PackClaims([]compare.Claim{{Kind: compare.KindWeekday, Doc: d, Value: "Friday", Text: "on Friday", When: compare.TimeRef{From: from}}}))
	f.Add(PackClaims([]compare.Claim{{Kind: compare.KindOffice, Doc: d, Valid: &compare.Window{From: from}, Evidence: []compare.Evidence{{Text: "t", From: &from}}}}))
	f.Add([]byte{packVersion, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		cs, err := UnpackClaims(b, d)
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
