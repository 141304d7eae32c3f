package check

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

// The first implementations of Fingerprint, Sort and dropSubsumed, kept as
// the reference the faster ones must match on random findings.

func refFingerprint(f compare.Finding) string {
	parts := []string{f.Rule, string(f.Type), string(f.Kind), f.Subject}
	var cs []string
	for _, c := range f.Claims {
		cs = append(cs, c.Doc.ID+"|"+c.Slot()+"|"+c.Value+"|"+strings.ToLower(strings.Join(strings.Fields(c.Text), " ")))
	}
	sort.Strings(cs)
	h := sha256.Sum256([]byte(strings.Join(append(parts, cs...), "\x00")))
	return hex.EncodeToString(h[:8])
}

func refSort(fs []compare.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if typeOrder[a.Type] != typeOrder[b.Type] {
			return typeOrder[a.Type] < typeOrder[b.Type]
		}
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		ka, kb := refPrimaryKey(a), refPrimaryKey(b)
		if ka != kb {
			return ka < kb
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Message != b.Message {
			return a.Message < b.Message
		}
		return a.Fingerprint < b.Fingerprint
	})
}

func refPrimaryKey(f compare.Finding) string {
	if len(f.Claims) == 0 {
		return ""
	}
	c := f.Claims[0]
	return fmt.Sprintf("%s\x00%010d", c.Doc.ID, c.Span.Start)
}

func refDropSubsumed(fs []compare.Finding) []compare.Finding {
	type key struct {
		doc   string
		start int
	}
	var others []map[key]bool
	var kinds []compare.Kind
	for _, f := range fs {
		if f.Type == compare.Contradiction && f.Kind != compare.KindEra {
			kinds = append(kinds, f.Kind)
			m := map[key]bool{}
			for _, c := range f.Claims {
				m[key{c.Doc.ID, c.Span.Start}] = true
			}
			others = append(others, m)
		}
	}
	out := fs[:0]
	for _, f := range fs {
		ids := map[string]bool{}
		for _, c := range f.Claims {
			ids[c.Doc.ID] = true
		}
		if (f.Kind == compare.KindEra || f.Kind == compare.KindWeekday) && f.Type == compare.Contradiction && len(ids) > 1 {
			subsumed := false
			for i, m := range others {
				if kinds[i] == f.Kind {
					continue
				}
				all := true
				for _, c := range f.Claims {
					if !m[key{c.Doc.ID, c.Span.Start}] {
						all = false
						break
					}
				}
				if all {
					subsumed = true
					break
				}
			}
			if subsumed {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

// randomFindings makes findings that collide often: few documents (one
// with a NUL in its ID), offsets that repeat (some negative or past ten
// digits), texts with odd spacing, case, unicode and invalid UTF-8.
func randomFindings(r *rand.Rand, n int) []compare.Finding {
	docs := []*compare.Document{{ID: "a"}, {ID: "ab"}, {ID: "a\x00!"}, {ID: "b"}, {ID: ""}}
	texts := []string{"", " ", "Friday", "FRIDAY ", " on  Friday\t", "Ünïcode  ÇASE", "İstanbul\u00a0x", "a\u2003b\u3000", "bad\xffbyte", "x\xc3", "\ufffd", "ǅ ﬁ ß", "Σ\u0085ς", "a\vb\fc\rd\ne"}
	values := []string{"", "1", "2", "Friday", "v\xfe"}
	types := []compare.Type{compare.Contradiction, compare.Anachronism, compare.Agreement, Notice, "other"}
	kinds := []compare.Kind{compare.KindEra, compare.KindWeekday, compare.KindDate, compare.KindQuote}
	starts := []int{0, 1, 2, 19, 19, 100, -5, -3, 12345678901}
	pick := func(n int) int { return r.IntN(n) }
	fs := make([]compare.Finding, n)
	for i := range fs {
		f := compare.Finding{
			Rule:     []string{"r1", "r2", "weekday-mismatch"}[pick(3)],
			Type:     types[pick(len(types))],
			Kind:     kinds[pick(len(kinds))],
			Severity: compare.Severity(pick(4)),
			Subject:  []string{"", "talks", "İ"}[pick(3)],
			Message:  []string{"m", "n", ""}[pick(3)],
		}
		for range pick(4) {
			s := starts[pick(len(starts))]
			f.Claims = append(f.Claims, compare.Claim{
				Doc: docs[pick(len(docs))], Kind: kinds[pick(len(kinds))], Subject: "s", Attr: []string{"a", "b"}[pick(2)],
				Value: values[pick(len(values))], Text: texts[pick(len(texts))] + texts[pick(len(texts))], Span: compare.Span{Start: s, End: s + 3},
			})
		}
		fs[i] = f
	}
	return fs
}

func TestFinishMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		fs := randomFindings(r, r.IntN(40))
		var fp fingerprinter
		for i := range fs {
			want := refFingerprint(fs[i])
			if got := Fingerprint(fs[i]); got != want {
				t.Fatalf("round %d finding %d: Fingerprint = %s, want %s", round, i, got, want)
			}
			if got := fp.of(&fs[i]); got != want {
				t.Fatalf("round %d finding %d: reused fingerprinter = %s, want %s", round, i, got, want)
			}
			if r.IntN(3) == 0 { // some equal fingerprints, so the last key ties too
				fs[i].Fingerprint = "f"
			} else {
				fs[i].Fingerprint = want
			}
		}
		want := slices.Clone(fs)
		refSort(want)
		got := slices.Clone(fs)
		Sort(got)
		for i := range want {
			if !sameFinding(got[i], want[i]) {
				t.Fatalf("round %d: Sort differs at %d: got %+v, want %+v", round, i, got[i], want[i])
			}
		}
		wantD := refDropSubsumed(slices.Clone(fs))
		gotD := dropSubsumed(slices.Clone(fs))
		if len(gotD) != len(wantD) {
			t.Fatalf("round %d: dropSubsumed kept %d, want %d", round, len(gotD), len(wantD))
		}
		for i := range wantD {
			if !sameFinding(gotD[i], wantD[i]) {
				t.Fatalf("round %d: dropSubsumed differs at %d", round, i)
			}
		}
	}
}

// sameFinding compares the fields the random findings set; the claims by
// identity of their first element, which is enough to tell findings apart
// here since each finding has its own claim slice.
func sameFinding(a, b compare.Finding) bool {
	if a.Rule != b.Rule || a.Type != b.Type || a.Kind != b.Kind || a.Severity != b.Severity || a.Subject != b.Subject ||
		a.Message != b.Message || a.Fingerprint != b.Fingerprint || len(a.Claims) != len(b.Claims) {
		return false
	}
	return len(a.Claims) == 0 || &a.Claims[0] == &b.Claims[0]
}
