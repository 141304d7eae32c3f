package kb

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/agnivade/levenshtein"
)

// Scores of the kinds of match, best first. A fuzzy match scores its
// similarity times fuzzyWeight, so it always ranks below an exact one.
const (
	scoreExact   = 1.0
	scoreSurname = 0.9
	fuzzyWeight  = 0.9
	// minSimilarity is the folded-Levenshtein similarity a fuzzy match
	// needs (measured: 87% right on same-person pairs vs hard negatives);
	// short names need more, as one edit is a larger share of them
	// ("Jalili" vs "Jalali").
	minSimilarity      = 0.80
	minSimilarityShort = 0.85
	shortName          = 10
)

// honorifics are words that precede names in news text but are not part
// of the names the kb stores.
var honorifics = map[string]bool{
	"ayatollah": true, "grand": true, "hojatoleslam": true, "imam": true, "sheikh": true, "shaikh": true,
	"sayyid": true, "sayed": true, "seyed": true, "seyyed": true, "mr": true, "mrs": true, "ms": true,
	"dr": true, "sir": true, "dame": true, "lord": true, "lady": true, "president": true, "king": true,
	"queen": true, "emir": true, "sultan": true, "prince": true, "crown": true,
	"general": true, "gen": true, "senator": true, "sen": true, "minister": true, "premier": true,
	"chancellor": true, "secretary": true, "pope": true, "prime": true, "foreign": true,
}

// Resolve finds the people a name may denote, best first. It matches the
// name and aliases after folding (Fold), a surname alone, and near
// spellings (Levenshtein similarity of the folded forms >= 0.80). day and
// officeID, when given, disambiguate: people who held officeID on day
// (or at any time, when day is zero) come first, then better scores, then
// people alive on day. A person born after day is never returned.
func (k *KB) Resolve(name string, day time.Time, officeID string) []Match {
	return k.AppendResolve(nil, name, day, officeID)
}

// AppendResolve is Resolve appending the matches to dst, sorted among
// themselves (dst is left as it was; nil when it stays empty): a caller
// with a buffer of its own (a few matches on the stack) allocates
// nothing.
func (k *KB) AppendResolve(dst []Match, name string, day time.Time, officeID string) []Match {
	kn, known := k.idx.exactByText[name]
	cands := kn.ms
	if !known {
		var local [4]Match
		cands = k.exact(local[:0], name)
	}
	if len(cands) == 0 {
		stripped := stripHonorifics(name)
		if stripped != name {
			cands = k.exact(cands, stripped)
		}
		if len(cands) == 0 {
			cands = k.fuzzy(stripped)
		}
	}
	if len(cands) == 0 {
		return dst
	}
	out, start := dst, len(dst)
	for i, m := range cands {
		// A known name brings its people and terms: no lookups by id.
		var p *Person
		var terms []Term
		if known {
			p, terms = kn.people[i], kn.terms[i]
		} else {
			p, terms = k.people[m.Person], k.idx.byPerson[m.Person]
		}
		if !day.IsZero() && !p.Born.IsZero() && day.Before(p.Born) {
			continue
		}
		if officeID != "" {
			m.Holds = heldIn(terms, officeID, day)
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
	slices.SortFunc(out[start:], func(a, b Match) int {
		return cmp.Or(
			boolCmp(b.Holds, a.Holds),
			cmp.Compare(b.Score, a.Score),
			cmp.Compare(alive(b.Person), alive(a.Person)),
			cmp.Compare(a.Person, b.Person))
	})
	if len(out) == 0 {
		return nil
	}
	return out
}

func boolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// heldIn reports whether one of a person's terms is of office and covers
// day (any time if day is zero).
func heldIn(terms []Term, office string, day time.Time) bool {
	for _, t := range terms {
		if t.Office != office {
			continue
		}
		if day.IsZero() || (!day.Before(t.From) && (t.To.IsZero() || day.Before(t.To))) {
			return true
		}
	}
	return false
}

// matches holds the best match of each person, Person set, in the order
// first found.
type matches []Match

// add keeps the best match of each person.
func (ms matches) add(id string, m Match) matches {
	m.Person = id
	for i := range ms {
		if ms[i].Person == id {
			if m.Score > ms[i].Score {
				ms[i] = m
			}
			return ms
		}
	}
	return append(ms, m)
}

// exact matches name against names and aliases after folding, and a
// single word against surnames, appending to out.
func (k *KB) exact(out matches, name string) matches {
	var buf [64]byte
	f := appendFold(buf[:0], name)
	if len(f) == 0 {
		return out
	}
	for _, ref := range k.idx.names[string(f)] {
		via := "name"
		if ref.alias {
			via = "alias"
		}
		out = out.add(ref.person, Match{Score: scoreExact, Exact: true, Via: via})
	}
	if oneField(name) || len(out) == 0 {
		for _, id := range k.idx.surnames[string(f)] {
			out = out.add(id, Match{Score: scoreSurname, Via: "surname"})
		}
	}
	return out
}

// oneField reports whether len(strings.Fields(s)) == 1.
func oneField(s string) bool {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			n++
			in = true
		}
	}
	return n == 1
}

// fuzzy matches name against every folded name and surname of similar
// length.
func (k *KB) fuzzy(name string) matches {
	if k.idx.fuzzyMemo != nil {
		if m, ok := k.idx.fuzzyMemo.Load(name); ok {
			return m.(matches)
		}
		m := k.fuzzyScan(name)
		// A copy of the name: it may be a substring of an article's text,
		// which the memo must not keep alive.
		if k.idx.fuzzyMemoLen.Add(1) <= maxFuzzyMemo {
			k.idx.fuzzyMemo.Store(strings.Clone(name), m)
		}
		return m
	}
	return k.fuzzyScan(name)
}

// fuzzyScan compares a name with every folded name and surname.
func (k *KB) fuzzyScan(name string) matches {
	var out matches
	f := Fold(name)
	if f == "" {
		return out
	}
	fr := []rune(f)
	for key, refs := range k.idx.names {
		if s := similarity(fr, key); s > 0 {
			for _, ref := range refs {
				out = out.add(ref.person, Match{Score: s * fuzzyWeight, Via: "fuzzy"})
			}
		}
	}
	if len(strings.Fields(name)) == 1 {
		for key, ids := range k.idx.surnames {
			if s := similarity(fr, key); s > 0 {
				for _, id := range ids {
					out = out.add(id, Match{Score: s * fuzzyWeight * scoreSurname, Via: "fuzzy"})
				}
			}
		}
	}
	return out
}

// similarity is 1 - distance/longer length of two folded names, or 0 when
// below the threshold for their length.
func similarity(a []rune, key string) float64 {
	b := []rune(key)
	la, lb := len(a), len(b)
	longer := max(la, lb)
	need := minSimilarity
	if longer < shortName {
		need = minSimilarityShort
	}
	// The length difference bounds the distance from below: skip early.
	if float64(abs(la-lb)) > (1-need)*float64(longer) {
		return 0
	}
	s := 1 - float64(levenshtein.ComputeDistance(string(a), key))/float64(longer)
	if s < need {
		return 0
	}
	return s
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// stripHonorifics drops leading titles ("Ayatollah", "Sheikh", "President").
func stripHonorifics(name string) string {
	fields := strings.Fields(name)
	i := 0
	for i < len(fields)-1 && honorifics[strings.Trim(strings.ToLower(fields[i]), ".")] {
		i++
	}
	return strings.Join(fields[i:], " ")
}
