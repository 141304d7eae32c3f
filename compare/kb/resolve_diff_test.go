package kb

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"time"
)

// resolveRef is AppendResolve as it was before its lookup tables: fold
// and match every name, scan for fuzzy matches without a memo. The
// differential tests below hold the faster paths to it.
func (k *KB) resolveRef(name string, day time.Time, officeID string) []Match {
	return k.rankRef(k.candsRef(name), day, officeID)
}

// candsRef is the candidates of the reference resolver, before ranking:
// a function of the name alone.
func (k *KB) candsRef(name string) matches {
	cands := k.exact(nil, name)
	if len(cands) == 0 {
		stripped := stripHonorifics(name)
		if stripped != name {
			cands = k.exact(cands, stripped)
		}
		if len(cands) == 0 {
			cands = k.fuzzyScan(stripped)
		}
	}
	return cands
}

// rankRef is the reference resolver's filtering and ranking of cands.
func (k *KB) rankRef(cands matches, day time.Time, officeID string) []Match {
	var out []Match
	for _, m := range cands {
		p := k.people[m.Person]
		if !day.IsZero() && !p.Born.IsZero() && day.Before(p.Born) {
			continue
		}
		if officeID != "" {
			for _, t := range k.idx.byPerson[m.Person] {
				if t.Office == officeID && (day.IsZero() || (!day.Before(t.From) && (t.To.IsZero() || day.Before(t.To)))) {
					m.Holds = true
					break
				}
			}
		}
		out = append(out, m)
	}
	alive := func(id string) int {
		p := k.people[id]
		if day.IsZero() || p.Died.IsZero() || day.Before(p.Died) {
			return 1
		}
		return 0
	}
	slices.SortFunc(out, func(a, b Match) int {
		return cmp.Or(
			boolCmp(b.Holds, a.Holds),
			cmp.Compare(b.Score, a.Score),
			cmp.Compare(alive(b.Person), alive(a.Person)),
			cmp.Compare(a.Person, b.Person))
	})
	return out
}

// resolveNames is every name, alias and surname of the kb's people, as
// written and with a title before it.
func resolveNames(k *KB) []string {
	var names []string
	for _, p := range k.People() {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			names = append(names, n, "President "+n, "Ayatollah "+n, strings.ToUpper(n))
			if f := strings.Fields(n); len(f) >= 2 {
				names = append(names, f[len(f)-1])
			}
		}
	}
	return names
}

// oneEdit returns spellings one edit from name: a letter in the middle
// dropped or changed, and two letters there swapped.
func oneEdit(name string) []string {
	r := []rune(name)
	var out []string
	if i := len(r) / 2; i+1 < len(r) {
		out = append(out,
			string(r[:i])+string(r[i+1:]),
			string(r[:i])+"q"+string(r[i+1:]),
			string(r[:i])+string(r[i+1])+string(r[i])+string(r[i+2:]))
	}
	return out
}

// TestResolveMatchesReference: AppendResolve returns what the reference
// resolver does for every kb name and alias, their surnames and spellings
// one edit away, at several dates and with and without an office.
func TestResolveMatchesReference(t *testing.T) {
	k := embeddedKB(t)
	days := []time.Time{{}, mustDate(t, "1950-01-01"), mustDate(t, "2013-08-04"), mustDate(t, "2021-08-25"), mustDate(t, "2024-06-01"), mustDate(t, "2026-06-01")}
	var names []string
	for _, p := range k.People() {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			names = append(names, oneEdit(n)...)
		}
	}
	names = append(names, resolveNames(k)...)
	names = append(names, "", " ", "S", "Nobody Atall", "al", "Al Busaidi", "Mr.", "President")
	checked := 0
	for _, name := range names {
		cands := k.candsRef(name)
		ref0 := k.rankRef(cands, time.Time{}, "")
		offices := []string{"", "IR/foreign-minister", "US/president"}
		if len(ref0) > 0 {
			for tm := range k.TenuresSeq(ref0[0].Person) {
				offices = append(offices, tm.Office)
				break
			}
		}
		for _, day := range days {
			for _, office := range offices {
				want := k.rankRef(cands, day, office)
				got := k.Resolve(name, day, office)
				if !slices.Equal(got, want) {
					t.Errorf("Resolve(%q, %v, %q) = %v, want %v", name, day, office, got, want)
				}
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Errorf("checked only %d lookups", checked)
	}
}

// FuzzResolve: Resolve agrees with the reference resolver on any name.
func FuzzResolve(f *testing.F) {
	k := embeddedKB(f)
	for _, n := range []string{"Abbas Araghchi", "Mevlüt Çavuşoğlu", "Ayatollah Khamenei", "Araqchi", "S", ""} {
		f.Add(n, int64(0), "")
		f.Add(n, int64(1700000000), "IR/foreign-minister")
	}
	f.Fuzz(func(t *testing.T, name string, sec int64, office string) {
		var day time.Time
		if sec != 0 {
			day = time.Unix(sec%(1<<40), 0).UTC()
		}
		want := k.resolveRef(name, day, office)
		if got := k.Resolve(name, day, office); !slices.Equal(got, want) {
			t.Errorf("Resolve(%q, %v, %q) = %v, want %v", name, day, office, got, want)
		}
	})
}
