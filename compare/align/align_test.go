package align

import (
	"fmt"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func dateClaim(doc, value, from, to string) compare.Claim {
	return compare.Claim{Kind: compare.KindDate, Doc: &compare.Document{ID: doc}, Subject: "event:meeting", Attr: "date",
		Value: value, When: compare.TimeRef{From: day(from), To: day(to)}}
}

func TestCompatibleDates(t *testing.T) {
	april := dateClaim("a", "2025-04", "2025-04-01", "2025-05-01")
	d11 := dateClaim("b", "2025-04-11", "2025-04-11", "2025-04-12")
	d12 := dateClaim("c", "2025-04-12", "2025-04-12", "2025-04-13")
	tests := []struct {
		name string
		a, b compare.Claim
		want bool
	}{
		{"month contains day", april, d12, true},
		{"day in month", d11, april, true},
		{"two days", d11, d12, false},
		{"same day", d12, d12, true},
	}
	for _, tt := range tests {
		if got := Compatible(nil, &tt.a, &tt.b); got != tt.want {
			t.Errorf("%s: Compatible = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCompatibleQuantities(t *testing.T) {
	q := func(lo, hi float64) compare.Claim {
		return compare.Claim{Kind: compare.KindQuantity, Value: fmt.Sprint(lo, hi), Low: lo, High: hi}
	}
	compatible := func(a, b compare.Claim) bool { return Compatible(nil, &a, &b) }
	if !compatible(q(4, 1e9), q(5.1, 6.9)) {
		t.Error("over four hours and around six hours should be compatible")
	}
	if compatible(q(5.1, 6.9), q(7, 1e9)) {
		t.Error("around six hours and more than seven hours should not be compatible")
	}
}

func TestGroupAndValues(t *testing.T) {
	cs := []compare.Claim{
		dateClaim("b", "2025-04-12", "2025-04-12", "2025-04-13"),
		dateClaim("a", "2025-04-11", "2025-04-11", "2025-04-12"),
		dateClaim("c", "2025-04-12", "2025-04-12", "2025-04-13"),
		{Kind: compare.KindWeekday, Doc: &compare.Document{ID: "a"}, Subject: "event:meeting", Attr: "weekday", Value: "Friday"},
	}
	gs := Group(cs)
	if len(gs) != 2 || gs[0].Slot > gs[1].Slot {
		t.Fatalf("groups = %+v, want two sorted by slot", gs)
	}
	var dates compare.Group
	for _, g := range gs {
		if g.Kind == compare.KindDate {
			dates = g
		}
	}
	if ids := dates.Docs(); len(ids) != 3 || ids[0] != "a" || ids[2] != "c" {
		t.Errorf("claims not sorted by document: %v", ids)
	}
	vs := Values(dates)
	if len(vs) != 2 || vs[0].Value != "2025-04-11" || len(vs[1].Docs()) != 2 {
		t.Errorf("values = %+v", vs)
	}
}

func TestEras(t *testing.T) {
	a := &compare.Document{ID: "a"}
	b := &compare.Document{ID: "b"}
	c := &compare.Document{ID: "c"}
	valid := func(doc *compare.Document, from, to string) compare.Claim {
		w := compare.Window{From: day(from)}
		if to != "" {
			w.To = day(to)
		}
		return compare.Claim{Doc: doc, Valid: &w}
	}
	eras := Eras([]*compare.Document{a, b, c}, []compare.Claim{
		valid(a, "2021-08-25", "2024-05-19"), valid(a, "2021-01-20", "2025-01-20"),
		valid(b, "2021-08-25", "2024-05-19"), valid(b, "2025-01-20", ""),
	})
	if e := eras["a"]; e.Empty || e.From == nil || !e.From.Equal(day("2021-08-25")) || !e.To.Equal(day("2024-05-19")) {
		t.Errorf("era of a = %+v, want 2021-08-25 – 2024-05-19", e)
	}
	if !eras["b"].Empty {
		t.Errorf("era of b should be empty: %+v", eras["b"])
	}
	if e := eras["c"]; e.Empty || e.From != nil || e.To != nil {
		t.Errorf("era of c should be open: %+v", e)
	}
}

func TestAppendSlot(t *testing.T) {
	for _, c := range []compare.Claim{
		{Kind: compare.KindDate, Subject: "event:talks", Attr: "date"},
		{Kind: compare.KindOffice, Subject: "IR/foreign-minister", Attr: "holder"},
		{Kind: compare.KindQuote},
	} {
		if got, want := string(appendSlot([]byte("x"), &c)), "x"+c.Slot(); got != want {
			t.Errorf("appendSlot = %q, want %q", got, want)
		}
	}
}

// TestGroupShared checks that groups sharing one array of claims cannot
// overwrite each other, and that unsorted claims are sorted.
func TestGroupShared(t *testing.T) {
	cs := []compare.Claim{
		dateClaim("b", "2025-04-12", "2025-04-12", "2025-04-13"),
		{Kind: compare.KindWeekday, Doc: &compare.Document{ID: "a"}, Subject: "event:meeting", Attr: "weekday", Value: "Friday"},
		dateClaim("a", "2025-04-11", "2025-04-11", "2025-04-12"),
	}
	gs := Group(cs)
	if len(gs) != 2 || gs[0].Slot != "date:event:meeting/date" || len(gs[0].Claims) != 2 {
		t.Fatalf("groups = %+v", gs)
	}
	if gs[0].Claims[0].Doc.ID != "a" || gs[0].Claims[1].Doc.ID != "b" {
		t.Errorf("claims not sorted by document: %s, %s", gs[0].Claims[0].Doc.ID, gs[0].Claims[1].Doc.ID)
	}
	_ = append(gs[0].Claims, compare.Claim{Value: "appended"})
	if gs[1].Claims[0].Value != "Friday" {
		t.Errorf("appending to one group overwrote another: %q", gs[1].Claims[0].Value)
	}
}

// TestValuesMany checks the map lookup of groups with many values and
// that each value's claims are its own.
func TestValuesMany(t *testing.T) {
	var g compare.Group
	for i := range 40 {
		g.Claims = append(g.Claims, compare.Claim{Doc: &compare.Document{ID: fmt.Sprint(i % 3)}, Value: fmt.Sprint(i % 20)})
	}
	vs := Values(g)
	if len(vs) != 20 {
		t.Fatalf("%d values, want 20", len(vs))
	}
	for i, v := range vs {
		if v.Value != fmt.Sprint(i) || len(v.Claims) != 2 || v.Claims[0] != &g.Claims[i] || v.Claims[1] != &g.Claims[i+20] {
			t.Errorf("value %d = %q with %d claims", i, v.Value, len(v.Claims))
		}
	}
	_ = append(vs[0].Claims, &compare.Claim{Value: "appended"})
	if vs[1].Claims[0].Value != "1" {
		t.Errorf("appending to one value overwrote another")
	}
	if ids := vs[0].Docs(); len(ids) != 2 || ids[0] != "0" || ids[1] != "2" {
		t.Errorf("docs of value 0 = %v, want [0 2]", ids)
	}
}
