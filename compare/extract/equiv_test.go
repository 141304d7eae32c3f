package extract

// Reference implementations: the straightforward forms of the tokenizer,
// the gazetteer trie, NormalizeQuote, SortClaims and TermEvidence that the
// optimised ones replaced. The tests below hold the optimised code to
// their output on every input, Unicode and broken UTF-8 included.

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/kb"
)

func refTokenize(text []byte, masked func(int) bool) []Token {
	s := string(text)
	var toks []Token
	brk := true
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\n' {
			brk = true
			i++
			continue
		}
		if c == ' ' || c == '\t' || c == '\r' {
			i++
			continue
		}
		if masked != nil && masked(i) {
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		var kind TokenKind
		switch {
		case isDigit(c):
			kind = Number
			i = scanNumber(s, i)
		case unicode.IsLetter(r):
			kind = Word
			i = refScanWord(s, i)
		case (r == '\'' || r == '’') && possessiveAt(s, i+size):
			kind = Word
			i += size + 1
		default:
			kind = Punct
			i += size
		}
		t := s[start:i]
		toks = append(toks, Token{
			Span:  compare.Span{Start: start, End: i},
			Kind:  kind,
			Text:  t,
			Lower: strings.ToLower(t),
			Upper: kind == Word && startsUpper(t),
			Break: brk,
		})
		brk = false
	}
	return toks
}

func refScanWord(s string, i int) int {
	start := i
	for i < len(s) {
		r, size := rune(s[i]), 1
		if s[i] >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			i += size
		case r == '-' && isPrefixWord(s[start:i]):
			return i
		case r == '-' || r == '\'' || r == '’':
			if i+size < len(s) {
				n, _ := utf8.DecodeRuneInString(s[i+size:])
				if unicode.IsLetter(n) && !(r != '-' && possessiveAt(s, i+size)) {
					i += size
					continue
				}
			}
			return i
		case r == '.' && i+1 < len(s) && isUpperASCII(s[i+1]) && i+2 < len(s) && s[i+2] == '.':
			i++
		default:
			if r == '.' && i > 0 && isUpperASCII(s[i-1]) && i-2 >= 0 && s[i-2] == '.' {
				return i + 1
			}
			return i
		}
	}
	return i
}

// refLex is the lexicon flags of a lower-case word, read off the lists.
func refLex(w string) lexFlags {
	var f lexFlags
	set := func(flag lexFlags, in bool) {
		if in {
			f |= flag
		}
	}
	_, ok := eventNouns[w]
	set(lxEventNoun, ok)
	_, ok = predicateVerbs[w]
	set(lxPredicateVerb, ok)
	set(lxEventVerb, eventVerbs[w])
	set(lxSelfEventVerb, selfEventVerbs[w])
	set(lxReportingVerb, reportingVerbs[w])
	set(lxOtherEventWord, otherEventWords[w])
	set(lxFutureWord, futureWords[w])
	set(lxPastOtherWord, pastOtherWords[w])
	set(lxNotParticiple, notParticiple[w])
	set(lxSubordinator, subordinators[w])
	set(lxMonth, monthNames[w] || qtyMonths[w])
	_, ok = ordinals[w]
	set(lxOrdinal, ok)
	set(lxLocativePrep, locativePreps[w])
	set(lxHostWord, hostWords[w])
	set(lxGovernmentNoun, governmentNouns[w])
	_, ok = officeMarkers[w]
	set(lxOfficeMarker, ok)
	set(lxNameParticle, nameParticles[w])
	set(lxTitleWord, titleWords[strings.TrimSuffix(w, ".")])
	set(lxContrast, contrastWords[w])
	first, _, _ := strings.Cut(w, "-")
	_, ok = qtyWords[first]
	set(lxQtyStart, ok && first != "a" && first != "an" || first == "half")
	_, ok = qtyScales[w]
	set(lxQtyScale, ok)
	_, ok = qtyUnits[w]
	set(lxQtyUnit, ok)
	_, ok = casualtyWords[w]
	set(lxCasualty, ok)
	set(lxQtySkipNoun, qtySkipNouns[w])
	set(lxSpeechVerb, speechVerbs[w])
	set(lxSayVerb, sayVerbs[w])
	set(lxCharacterize, characterizeVerbs[w])
	set(lxNPBoundary, npBoundary[w])
	set(lxBeForm, beForms[w])
	set(lxNPAdverb, npAdverbs[w])
	set(lxNPStopAfter, npStopAfter[w])
	return f
}

// refGaz is the gazetteer as a trie of maps from lower-case words.
type refGaz struct{ root *refNode }

type refNode struct {
	next    map[string]*refNode
	entries []Entry
}

func (g *refGaz) add(phrase string, e Entry) {
	toks := refTokenize([]byte(phrase), nil)
	if len(toks) == 0 {
		return
	}
	n := g.root
	for _, t := range toks {
		if n.next == nil {
			n.next = map[string]*refNode{}
		}
		c := n.next[t.Lower]
		if c == nil {
			c = &refNode{}
			n.next[t.Lower] = c
		}
		n = c
	}
	if !slices.Contains(n.entries, e) {
		n.entries = append(n.entries, e)
	}
}

func (g *refGaz) longest(toks []Token, i int) (Match, bool) {
	var best Match
	n := g.root
	for j := i; j < len(toks) && n != nil; j++ {
		if j > i && toks[j].Break {
			break
		}
		n = n.next[toks[j].Lower]
		if n == nil {
			break
		}
		if len(n.entries) > 0 {
			var es []Entry
			for _, e := range n.entries {
				if !e.Proper || toks[i].Upper || toks[i].Kind != Word {
					es = append(es, e)
				}
			}
			if len(es) > 0 {
				best = Match{From: i, To: j + 1, Entries: es}
			}
		}
	}
	return best, best.Entries != nil
}

func (g *refGaz) scan(toks []Token) []Match {
	var out []Match
	for i := 0; i < len(toks); {
		if m, ok := g.longest(toks, i); ok {
			out = append(out, m)
			i = m.To
			continue
		}
		i++
	}
	return out
}

// newRefGaz indexes what NewGazetteer indexes, by feeding the reference
// trie the phrases the real one was given.
func newRefGaz(k *kb.KB) *refGaz {
	g := &refGaz{root: &refNode{}}
	addKBPhrases(k, g.add)
	return g
}

var equivKB = sync.OnceValues(func() (*kb.KB, error) { return kb.Embedded() })

type equivFixture struct {
	k   *kb.KB
	gaz *Gazetteer
	ref *refGaz
}

var equivFix = sync.OnceValues(func() (equivFixture, error) {
	k, err := equivKB()
	if err != nil {
		return equivFixture{}, err
	}
	return equivFixture{k, NewGazetteer(k), newRefGaz(k)}, nil
})

// checkEquivalent compares the optimised tokenizer and gazetteer with the
// references on one text.
func checkEquivalent(t *testing.T, fx equivFixture, text []byte, masked func(int) bool) {
	t.Helper()
	want := refTokenize(text, masked)
	got, s := tokenize(nil, text, masked, fx.gaz)
	pub := Tokenize(text, masked)
	if s != string(text) {
		t.Fatalf("tokenize text %q, want %q", s, text)
	}
	if len(got) != len(want) || len(pub) != len(want) {
		t.Fatalf("%q: %d tokens (public %d), want %d", text, len(got), len(pub), len(want))
	}
	for i := range want {
		w := want[i]
		for _, g := range []Token{got[i], pub[i]} {
			if g.Span != w.Span || g.Kind != w.Kind || g.Text != w.Text || g.Lower != w.Lower || g.Upper != w.Upper || g.Break != w.Break {
				t.Fatalf("%q: token %d = %+v, want %+v", text, i, g, w)
			}
			lex := refLex(w.Lower)
			wy, wok := refYearToken(w)
			if wok {
				lex |= lxYear
			}
			if g.lex != lex {
				t.Fatalf("%q: token %d %q lex %b, want %b", text, i, w.Lower, g.lex, lex)
			}
			if y, ok := yearToken(g); y != wy || ok != wok {
				t.Fatalf("%q: yearToken(%q) = %d %v, want %d %v", text, g.Text, y, ok, wy, wok)
			}
		}
	}
	for _, w := range want {
		if r, _ := utf8.DecodeRuneInString(w.Text); w.Kind == Word && unicode.IsLetter(r) {
			if end, sh := scanWord(s, w.Span.Start); end != w.Span.End || sh != shapeOf(w.Text) {
				t.Fatalf("%q: scanWord at %d = %d, shape %b; want %d, %b", text, w.Span.Start, end, sh, w.Span.End, shapeOf(w.Text))
			}
		}
	}
	wantM := fx.ref.scan(want)
	for _, gotM := range [][]Match{fx.gaz.Scan(pub), fx.gaz.scan(got, true), fx.gaz.Scan(got)} {
		if !matchesEqual(gotM, wantM) {
			t.Fatalf("%q: Scan = %v, want %v", text, gotM, wantM)
		}
	}
	env := &Env{Gaz: fx.gaz, Tokens: got, tokGaz: fx.gaz}
	for i := range want {
		wm, wok := fx.ref.longest(want, i)
		for _, try := range []func() (Match, bool){
			func() (Match, bool) { return fx.gaz.Longest(pub, i) },
			func() (Match, bool) { return env.longest(i) },
			func() (Match, bool) { return env.longestAt(i) },
		} {
			gm, gok := try()
			if gok != wok || gok && !matchesEqual([]Match{gm}, []Match{wm}) {
				t.Fatalf("%q: Longest(%d) = %v %v, want %v %v", text, i, gm, gok, wm, wok)
			}
		}
	}
	if got, want := findQuotes(text, masked), refFindQuotes(text, masked); !slices.Equal(got, want) {
		t.Fatalf("findQuotes(%q) = %v, want %v", text, got, want)
	}
	if got, want := NormalizeQuote(string(text)), refNormalizeQuote(string(text)); got != want {
		t.Fatalf("NormalizeQuote(%q) = %q, want %q", text, got, want)
	}
}

func matchesEqual(a, b []Match) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].From != b[i].From || a[i].To != b[i].To || !slices.Equal(a[i].Entries, b[i].Entries) {
			return false
		}
	}
	return true
}

// refFindQuotes and refQuotesInLine are findQuotes as first written.
func refFindQuotes(text []byte, masked func(int) bool) []quoteSpan {
	var out []quoteSpan
	for ls := 0; ls < len(text); {
		le := ls
		for le < len(text) && text[le] != '\n' {
			le++
		}
		out = refQuotesInLine(text, ls, le, masked, out)
		ls = le + 1
	}
	return out
}

func refQuotesInLine(text []byte, ls, le int, masked func(int) bool, out []quoteSpan) []quoteSpan {
	var stack []qmark
	// held counts the marks of each class on the stack, so that has is
	// O(1): a line of unmatched openers would otherwise be quadratic.
	var held [qmGuillemet + 1]int
	push := func(class, end int) {
		stack = append(stack, qmark{class, end})
		held[class]++
	}
	found := false // a balanced quote was already found on this line
	prev := rune(0)
	prevAt := -1 // offset of prev, for the mask check at quote marks
	for i := ls; i < le; {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(text[i:le])
		}
		if !isQuoteRune(r) {
			// Most runes are not quote marks: remember them and move on;
			// the mask matters only around marks.
			prev, prevAt = r, i
			i += size
			continue
		}
		if masked != nil && masked(i) {
			prev, prevAt = ' ', i
			i += size
			continue
		}
		if prevAt >= 0 && masked != nil && masked(prevAt) {
			prev = ' '
		}
		next := rune(0)
		if i+size < le {
			next, _ = utf8.DecodeRune(text[i+size : le])
		}
		openCtx := isOpenBefore(prev) && next != 0 && !unicode.IsSpace(next)
		closeCtx := prev != 0 && !unicode.IsSpace(prev) && (next == 0 || !isWordRune(next))
		closeTo := func(class int) bool {
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].class == class {
					if k == 0 {
						out = append(out, quoteSpan{
							Outer: compare.Span{Start: stack[0].end - markLen(text, stack[0].end), End: i + size},
							Inner: compare.Span{Start: stack[0].end, End: i},
							Open:  true,
						})
						found = true
					}
					for _, m := range stack[k:] {
						held[m.class]--
					}
					stack = stack[:k]
					return true
				}
			}
			return false
		}
		has := func(class int) bool { return held[class] > 0 }
		unbalanced := func() {
			// The headline form: a closing mark with no opener, the quote
			// running from the start of the line to it, followed by a colon
			// or a dash or the end of the line.
			if len(stack) > 0 || found || !headlineCloser(text, i+size, le) {
				return
			}
			start := ls
			for start < i && (text[start] == ' ' || text[start] == '\t') {
				start++
			}
			if start < i {
				out = append(out, quoteSpan{Outer: compare.Span{Start: start, End: i + size}, Inner: compare.Span{Start: start, End: i}})
				found = true
			}
		}
		switch r {
		case '“', '„':
			if has(qmCurlyDouble) && closeCtx && !openCtx {
				closeTo(qmCurlyDouble) // a misused opening mark that closes
			} else {
				push(qmCurlyDouble, i+size)
			}
		case '”':
			switch {
			case has(qmCurlyDouble):
				closeTo(qmCurlyDouble)
			case has(qmStraightDouble):
				closeTo(qmStraightDouble)
			case openCtx && !closeCtx:
				push(qmCurlyDouble, i+size)
			default:
				unbalanced()
			}
		case '«':
			push(qmGuillemet, i+size)
		case '»':
			closeTo(qmGuillemet)
		case '"':
			switch {
			case has(qmStraightDouble) && (closeCtx || !openCtx):
				closeTo(qmStraightDouble)
			case has(qmCurlyDouble) && closeCtx && !openCtx:
				closeTo(qmCurlyDouble)
			case openCtx:
				push(qmStraightDouble, i+size)
			case closeCtx:
				unbalanced()
			}
		case '‘':
			if openCtx && !unicode.IsDigit(next) {
				push(qmCurlySingle, i+size)
			}
		case '’', '\'':
			class := qmCurlySingle
			if r == '\'' {
				class = qmStraightSingle
			}
			switch {
			case isWordRune(prev) && isWordRune(next):
				// an apostrophe inside a word
			case has(class) && closeCtx:
				closeTo(class)
			case class == qmCurlySingle && has(qmStraightSingle) && closeCtx:
				closeTo(qmStraightSingle)
			case class == qmStraightSingle && has(qmCurlySingle) && closeCtx:
				closeTo(qmCurlySingle)
			case class == qmStraightSingle && openCtx && unicode.IsLetter(next):
				push(qmStraightSingle, i+size)
			case closeCtx && unicode.IsLetter(prev):
				unbalanced()
			}
		}
		prev = r
		i += size
	}
	// A double quote left open at the end of a paragraph runs to its end:
	// quotes over several paragraphs repeat the opening mark only.
	if len(stack) > 0 && stack[0].class != qmCurlySingle && stack[0].class != qmStraightSingle {
		end := le
		for end > stack[0].end && (text[end-1] == ' ' || text[end-1] == '\t' || text[end-1] == '\r') {
			end--
		}
		if end > stack[0].end {
			out = append(out, quoteSpan{
				Outer: compare.Span{Start: stack[0].end - markLen(text, stack[0].end), End: end},
				Inner: compare.Span{Start: stack[0].end, End: end},
				Open:  true,
			})
		}
	}
	return out
}

func refNormalizeQuote(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case '“', '”', '„', '«', '»':
			r = '"'
		case '‘', '’', '`':
			r = '\''
		case '—', '–':
			b.WriteString(" - ")
			space = false
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	return strings.TrimFunc(out, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '…'
	})
}

// equivTexts are the repository's articles and a few hard cases.
func equivTexts(t testing.TB) [][]byte {
	texts := [][]byte{
		[]byte(""), []byte("\n"), []byte("İstanbul ǅemal ΣΊΣΥΦΟΣ Straße ﬁnance"), []byte("\xff\xfe broken \xc3 utf8 \xe2\x80"),
		[]byte("U.S. officials, the then-Foreign Minister and ex-President said 'it's Tehran's' 2015 1,000 2-1/2"),
		[]byte("Secretary of State Antony Blinken met Iranian Foreign Minister Abbas Araghchi in Muscat, Oman."),
		[]byte("the white house  White House WHITE HOUSE\nHouse"), []byte("“Quote” — ‘single’ «guillemets» …"),
		[]byte("x\u00a0y\u2028z\u0085w\vv\ff"), []byte("e\u0301 a\u0308b Zürich café"),
	}
	filepath.WalkDir(filepath.Join("..", "..", "testdata"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, "tempeval") {
			return nil
		}
		if b, err := os.ReadFile(p); err == nil && len(b) < 1<<20 {
			texts = append(texts, b)
		}
		return nil
	})
	return texts
}

func TestTokenizeAndGazetteerMatchReference(t *testing.T) {
	fx, err := equivFix()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range equivTexts(t) {
		checkEquivalent(t, fx, text, nil)
		checkEquivalent(t, fx, text, func(i int) bool { return i%7 == 3 })
	}
	// Every phrase the gazetteer knows, in several cases.
	var phrases []string
	for _, c := range fx.k.CountryNames() {
		phrases = append(phrases, c.Text)
	}
	for _, p := range fx.k.People() {
		phrases = append(phrases, p.Name)
		phrases = append(phrases, p.Aliases...)
	}
	for _, r := range fx.k.RoleTitles() {
		phrases = append(phrases, r.Text)
	}
	for _, o := range fx.k.OfficeNames() {
		phrases = append(phrases, o.Text)
	}
	text := strings.Join(phrases, " and ") + "\n" + strings.ToLower(strings.Join(phrases, ", ")) + "\n" + strings.ToUpper(strings.Join(phrases, "; "))
	checkEquivalent(t, fx, []byte(text), nil)
}

func FuzzTokenizeAndGazetteer(f *testing.F) {
	for _, s := range []string{"Iranian Foreign Minister Abbas Araghchi", "the White House's envoy", "U.S. 2015 then-Secretary", "\xff x’s «y»"} {
		f.Add([]byte(s))
	}
	fx, err := equivFix()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		checkEquivalent(t, fx, text, nil)
	})
}

func refYearToken(t Token) (int, bool) {
	if t.Kind != Number || len(t.Text) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(t.Text)
	if err != nil || y < 1900 || y > 2100 {
		return 0, false
	}
	return y, true
}

func refSortClaims(cs []compare.Claim) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.Doc.ID != b.Doc.ID {
			return a.Doc.ID < b.Doc.ID
		}
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Span.End != b.Span.End {
			return a.Span.End < b.Span.End
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Slot() != b.Slot() {
			return a.Slot() < b.Slot()
		}
		return a.Value < b.Value
	})
}

func TestSortClaimsMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	docs := []*compare.Document{{ID: "a"}, {ID: "b"}}
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	for range 300 {
		cs := make([]compare.Claim, r.IntN(150))
		for i := range cs {
			start := r.IntN(4)
			cs[i] = compare.Claim{
				Doc: docs[r.IntN(2)], Span: compare.Span{Start: start, End: start + r.IntN(3)},
				Kind:    compare.Kind(pick("date", "office", "quote")),
				Subject: pick("event", "event:meeting", "event/x", "eve", "", "event:meeting/a", "IR/foreign-minister"),
				Attr:    pick("date", "", "a", "holder", "/", "date/x"),
				Value:   pick("1", "2", ""),
				Speaker: fmt.Sprint(i), // tells the stable order apart
			}
		}
		want := slices.Clone(cs)
		refSortClaims(want)
		SortClaims(cs)
		for i := range cs {
			if cs[i].Speaker != want[i].Speaker {
				t.Fatalf("SortClaims order differs at %d: %+v, want %+v", i, cs[i], want[i])
			}
		}
	}
}

func refTermEvidence(p *kb.Person, office *kb.Office, terms []kb.Term) []compare.Evidence {
	name := ""
	if p != nil {
		name = p.Name
	}
	timePtr := func(t time.Time) *time.Time {
		if t.IsZero() {
			return nil
		}
		return &t
	}
	var out []compare.Evidence
	for _, t := range terms {
		to := "present"
		if !t.To.IsZero() {
			to = t.To.Format("2006-01-02")
		}
		acting := ""
		if t.Acting {
			acting = " (acting)"
		}
		text := fmt.Sprintf("%s: %s %s – %s%s", name, office.Title, t.From.Format("2006-01-02"), to, acting)
		out = append(out, compare.Evidence{Text: text, Source: t.Source, Person: name, Office: office.Title, From: timePtr(t.From), To: timePtr(t.To)})
	}
	if p != nil && !p.Died.IsZero() {
		d := p.Died
		out = append(out, compare.Evidence{Text: fmt.Sprintf("%s: died %s", p.Name, d.Format("2006-01-02")), Source: p.Source, Person: p.Name, Died: &d})
	}
	return out
}

func TestTermEvidenceMatchesReference(t *testing.T) {
	k, err := equivKB()
	if err != nil {
		t.Fatal(err)
	}
	norm := func(es []compare.Evidence) string {
		var b strings.Builder
		for _, e := range es {
			fmt.Fprintf(&b, "%s|%s|%s|%s|%v|%v|%v\n", e.Text, e.Source, e.Person, e.Office, deref(e.From), deref(e.To), deref(e.Died))
		}
		return b.String()
	}
	n := 0
	for _, p := range append(k.People(), nil) {
		id := ""
		if p != nil {
			id = p.ID
		}
		terms := k.Tenures(id)
		for _, o := range k.Offices() {
			for _, ts := range [][]kb.Term{nil, terms, {{Person: id, Office: o.ID, Acting: true}}} {
				got, want := TermEvidence(p, o, ts), refTermEvidence(p, o, ts)
				if (got == nil) != (want == nil) || norm(got) != norm(want) {
					t.Fatalf("TermEvidence(%v, %s) = %s, want %s", id, o.ID, norm(got), norm(want))
				}
				n++
			}
			if n > 20000 {
				return
			}
		}
	}
}

func deref(t *time.Time) string {
	if t == nil {
		return "nil"
	}
	return t.String()
}

func TestQtyValueMatchesSprintf(t *testing.T) {
	ref := func(low, high float64, unit, hedge string) string {
		f := func(v float64) string {
			if v == Unbounded {
				return "inf"
			}
			return strconv.FormatFloat(v, 'g', 6, 64)
		}
		v := fmt.Sprintf("[%s,%s] %s", f(low), f(high), unit)
		if hedge != "" {
			v += " " + hedge
		}
		return v
	}
	for _, c := range []struct {
		low, high   float64
		unit, hedge string
	}{
		{0, 0, "", ""}, {5.75, 6.25, "hour", "approx"}, {1e9, Unbounded, "USD", "above"}, {0.1 + 0.2, 1234567.89, "people", ""},
		{-1, 1e-7, "%", "cap"}, {123456789, 12345678901234, strings.Repeat("x", 80), strings.Repeat("y", 40)},
	} {
		if got, want := qtyValue(c.low, c.high, c.unit, c.hedge), ref(c.low, c.high, c.unit, c.hedge); got != want {
			t.Errorf("qtyValue = %q, want %q", got, want)
		}
	}
}
