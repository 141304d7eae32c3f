package corpus

import (
	"bytes"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/extract"
)

// SigLen is the number of MinHash values in a signature.
const SigLen = 64

// NoDay marks an article without a publication date.
const NoDay = int32(-1 << 30)

// Features are what story grouping needs of one article: the content
// words of its headline and lede (hashed), which of them are capitalised
// (names mostly), its publication day and an explicit story, if any. They
// are small plain values (no text), so pass 1 keeps them for the whole
// corpus and a distributed runner can ship them.
type Features struct {
	// Words are the hashes of the distinct content words, sorted; at most
	// MaxWords of them.
	Words []uint64
	// Names are the hashes of the words written capitalised outside the
	// headline, sorted (a subset of Words).
	Names []uint64
	// Probe are the hashes of further words (the paragraph after the
	// lede), sorted: they make LSH candidates but do not count in the
	// similarity that confirms them.
	Probe []uint64
	// Day is the publication day (days since 1970-01-01), or NoDay.
	Day int32
	// Story is the front-matter or JSONL story field; it overrides grouping.
	Story string
}

// MaxWords bounds the words kept per article: a headline and a lede have
// fewer; a page without structure does not blow up memory.
const MaxWords = 96

// Seeds of the MinHash permutations (multiply-shift hashing), derived once
// from a fixed splitmix64 sequence, so identical in every run.
var minhashA, minhashB = func() (a, b [SigLen]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	next := func() uint64 {
		x += 0x9e3779b97f4a7c15
		z := x
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range a {
		a[i] = next() | 1
		b[i] = next()
	}
	return a, b
}()

// wordHash is FNV-1a over the lower-cased word: stable across processes
// and machines.
func wordHash(w string) uint64 { return hashMore(14695981039346656037, w) }

// hashMore continues FNV-1a hash h over s: hashMore(wordHash(a), b) is
// wordHash(a+b), without building a+b.
func hashMore(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// FeaturesOf computes an article's features from its title, headline and
// lede. Names the gazetteer knows count as one canonical entity whatever
// their surface form ("Iran", "Iranian" and "Tehran's" are the country
// IR), so that outlets' wording matters less; gaz may be nil. It reads
// doc.Text, so call it before the text is dropped.
func FeaturesOf(doc *compare.Document, gaz *extract.Gazetteer) Features {
	return features(doc, gaz, compare.Span{}, func(s compare.Span) ([]extract.Token, []extract.Match) {
		toks := extract.Tokenize(masked(doc, s), nil)
		if gaz == nil {
			return toks, nil
		}
		return toks, gaz.Scan(toks)
	})
}

// featuresOfEnv is FeaturesOf from an extraction Env's tokens and
// gazetteer matches, which pass 1 computes anyway: nothing is tokenized
// twice.
func featuresOfEnv(env *extract.Env) Features {
	toks, ms := env.Tokens, env.Matches()
	// The caller is done with one span's matches before it asks for the
	// next: one buffer serves them all.
	var sub []extract.Match
	return features(env.Doc, env.Gaz, titleSpan(env.Doc), func(s compare.Span) ([]extract.Token, []extract.Match) {
		lo := tokenAt(toks, s.Start)
		hi := lo + tokenAt(toks[lo:], s.End)
		for hi > lo && toks[hi-1].Span.End > s.End {
			hi--
		}
		// The matches inside [lo, hi), renumbered from lo.
		sub = sub[:0]
		for k := matchAt(ms, lo); k < len(ms) && ms[k].From < hi; k++ {
			if m := ms[k]; m.To <= hi {
				m.From, m.To = m.From-lo, m.To-lo
				sub = append(sub, m)
			}
		}
		return toks[lo:hi], sub
	})
}

// titleSpan is where the text holds the title as a paragraph of its own
// in the headline block (empty: nowhere). The tokens and gazetteer
// matches of that span are those of the title alone: it is the same
// bytes, unmasked, with a line break (or the text's edge) on either side,
// so its first token starts a line, no token or match runs across its
// edges, and the tokenizer's look-ahead past its end sees a line break,
// as it sees the end of the title alone.
func titleSpan(doc *compare.Document) compare.Span {
	title, text := doc.Title, doc.Text
	if title == "" {
		return compare.Span{}
	}
	for _, s := range doc.Sections {
		if s.Segment != compare.SegHeadline || s.Span.Start < 0 || s.Span.End > len(text) || s.Span.Start >= s.Span.End {
			continue
		}
		// The title starts a line: try each line of the block.
		for start := s.Span.Start; start < s.Span.End; {
			end := start + len(title)
			if end <= s.Span.End && string(text[start:end]) == title && lineEdges(text, start, end) && !maskedIn(doc.Mask, start, end) {
				return compare.Span{Start: start, End: end}
			}
			nl := bytes.IndexByte(text[start:s.Span.End], '\n')
			if nl < 0 {
				break
			}
			start += nl + 1
		}
	}
	return compare.Span{}
}

// lineEdges reports whether text[start:end] has a line break or the
// text's edge on either side, and no dot two bytes before it (the
// tokenizer looks that far back for the last dot of "U.S.").
func lineEdges(text []byte, start, end int) bool {
	if start > 0 && text[start-1] != '\n' || start > 1 && text[start-2] == '.' {
		return false
	}
	switch {
	case end == len(text) || text[end] == '\n':
		return true
	case text[end] == '\r':
		return end+1 < len(text) && text[end+1] == '\n'
	}
	return false
}

// maskedIn reports whether a mask span overlaps [start, end).
func maskedIn(mask []compare.Span, start, end int) bool {
	for _, m := range mask {
		if m.Start < end && m.End > start {
			return true
		}
	}
	return false
}

// tokenAt is the index of the first token starting at or after offset
// off. (slices.BinarySearchFunc would copy a whole Token a step.)
func tokenAt(toks []extract.Token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if toks[m].Span.Start < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// matchAt is the index of the first match from token i or later.
func matchAt(ms []extract.Match, i int) int {
	lo, hi := 0, len(ms)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ms[m].From < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// features computes an article's features; title is where the text
// holds the title (titleSpan), if tokens should take it from there;
// tokens returns the tokens and
// gazetteer matches of a span of its text.
func features(doc *compare.Document, gaz *extract.Gazetteer, title compare.Span, tokens func(compare.Span) ([]extract.Token, []extract.Match)) Features {
	f := Features{Day: NoDay, Story: doc.Story}
	if doc.Published != nil {
		f.Day = DayOf(*doc.Published)
	}
	// The hashes are collected in scratch space on the stack; the
	// features get one exact-size array.
	var scratch [3][128]uint64
	fs := featureSet{words: scratch[0][:0], names: scratch[1][:0], probe: scratch[2][:0]}
	// Headlines are often title case: their capitals say nothing.
	if title.End > title.Start {
		// The title as the text holds it: already tokenized.
		fs = fs.scanSpan(tokens, title, false)
	} else if doc.Title != "" {
		toks := extract.Tokenize([]byte(doc.Title), nil)
		var ms []extract.Match
		if gaz != nil {
			ms = gaz.Scan(toks)
		}
		fs = fs.scan(toks, ms, false)
	}
	lede, second := false, false
	for _, s := range doc.Sections {
		if s.Span.Start < 0 || s.Span.End > len(doc.Text) || s.Span.Start >= s.Span.End {
			continue
		}
		switch s.Segment {
		case compare.SegHeadline:
			// The block holds the headline, maybe repeated, and often a
			// standfirst or the first sentences of the story: those are
			// prose, whose capitals mark names.
			for _, p := range paragraphs(doc, s.Span) {
				prose := endsLikeSentence(masked(doc, p))
				if prose || doc.Title == "" {
					fs = fs.scanSpan(tokens, p, prose)
				}
			}
		case compare.SegLede:
			if !lede {
				fs = fs.scanSpan(tokens, s.Span, true)
				lede = true
			}
		case compare.SegBody:
			// The paragraph after the lede names who took part more often
			// than the lede does; a lede may hold no rare word but the
			// venue, the very thing a wrong report gets wrong. Its words
			// only make candidates: as similarity they would join the
			// different meetings of the same people.
			if lede && !second {
				if ps := paragraphs(doc, s.Span); len(ps) > 0 {
					words, names := fs.words, fs.names
					fs = fs.scanSpan(tokens, ps[0], false)
					fs.probe = append(fs.probe, fs.words[len(words):]...)
					fs.words, fs.names = words, names
				}
				second = true
			}
		}
	}
	if !lede && len(doc.Sentences) > 0 {
		// No lede found: the first two sentences stand in for it.
		for _, s := range doc.Sentences[:min(2, len(doc.Sentences))] {
			if s.Start >= 0 && s.End <= len(doc.Text) && s.Start < s.End {
				fs = fs.scanSpan(tokens, s, true)
			}
		}
	}
	slices.Sort(fs.words)
	words := slices.Compact(fs.words)
	if len(words) > MaxWords {
		words = words[:MaxWords]
	}
	slices.Sort(fs.names)
	slices.Sort(fs.probe)
	names, probe := slices.Compact(fs.names), slices.Compact(fs.probe)
	all := make([]uint64, 0, len(words)+len(names)+len(probe))
	all = append(append(append(all, words...), names...), probe...)
	nw, nn := len(words), len(words)+len(names)
	f.Words, f.Names, f.Probe = all[:nw:nw], all[nw:nn:nn], all[nn:len(all):len(all)]
	return f
}

// paragraphs splits a span of the text at blank lines, trimming space.
func paragraphs(doc *compare.Document, s compare.Span) []compare.Span {
	var out []compare.Span
	b := masked(doc, s)
	for start := 0; start < len(b); {
		end := bytes.Index(b[start:], []byte("\n\n"))
		if end < 0 {
			end = len(b)
		} else {
			end += start
		}
		p := b[start:end]
		lead, trail := 0, 0
		for lead < len(p) && blank(p[lead]) {
			lead++
		}
		for trail < len(p)-lead && blank(p[len(p)-1-trail]) {
			trail++
		}
		if lead < len(p) {
			out = append(out, compare.Span{Start: s.Start + start + lead, End: s.Start + end - trail})
		}
		start = end + 2
	}
	return out
}

// blank reports whether c is a space, a tab or a line break.
func blank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// endsLikeSentence reports whether a paragraph ends as prose does (a
// headline does not).
func endsLikeSentence(p []byte) bool {
	p = bytes.TrimRight(p, " \t\r\n\"'\u201d\u2019)")
	return len(p) > 0 && bytes.ContainsAny(p[len(p)-1:], ".!?")
}

// featureSet collects word and name hashes. Its methods take and return
// it by value: through a pointer, the compiler would move the scratch
// arrays behind it to the heap.
type featureSet struct{ words, names, probe []uint64 }

// scanSpan scans a span of the text.
func (fs featureSet) scanSpan(tokens func(compare.Span) ([]extract.Token, []extract.Match), s compare.Span, names bool) featureSet {
	toks, ms := tokens(s)
	return fs.scan(toks, ms, names)
}

// scan adds the content words of toks (ms are their gazetteer matches);
// names says whether capitals mark names there (prose, not a title-case
// headline).
func (fs featureSet) scan(toks []extract.Token, ms []extract.Match, names bool) featureSet {
	m := 0
	for i := 0; i < len(toks); i++ {
		for m < len(ms) && ms[m].To <= i {
			m++
		}
		if m < len(ms) && ms[m].From == i {
			if h, ok := entityHash(ms[m]); ok {
				fs.words = append(fs.words, h)
				fs.names = append(fs.names, h)
				i = ms[m].To - 1
				continue
			}
		}
		t := toks[i]
		if t.Kind != extract.Word || len(t.Lower) < 2 || stopword(t.Lower) {
			continue
		}
		h := wordHash(t.Lower)
		fs.words = append(fs.words, h)
		if names && t.Upper && !sentenceStart(toks, i) {
			fs.names = append(fs.names, h)
		}
	}
	return fs
}

// entityHash is the hash of the canonical key of a gazetteer match (a
// kind prefix and an ID): countries (by name, demonym or capital),
// places, people and events; roles are common words, not entities.
func entityHash(m extract.Match) (uint64, bool) {
	prefix, id, ok := entityKey(m)
	if !ok {
		return 0, false
	}
	return hashMore(wordHash(prefix), id), true
}

// entityKey is the canonical key of a gazetteer match, as a kind prefix
// and an ID (not concatenated: no allocation).
func entityKey(m extract.Match) (prefix, id string, ok bool) {
	// A city that is also a capital is the city here: the venue matters.
	rank := 0
	for _, e := range m.Entries {
		p, key, r := "", "", 0
		switch e.Kind {
		case extract.EntryPerson:
			p, key, r = "\x00n:", e.ID, 4
		case extract.EntryPlace:
			p, key, r = "\x00p:", e.ID, 3
		case extract.EntryEvent:
			p, key, r = "\x00e:", e.ID, 2
		case extract.EntryCountry, extract.EntryDemonym, extract.EntryCapital:
			p, key, r = "\x00c:", e.ID, 1
		case extract.EntryOffice, extract.EntryRole:
			// "Lebanese Foreign Minister" names Lebanon.
			country := e.Country
			if i := strings.IndexByte(e.ID, '/'); e.Kind == extract.EntryOffice && i > 0 {
				country = e.ID[:i]
			}
			if country != "" {
				p, key, r = "\x00c:", country, 1
			}
		}
		if r > rank {
			prefix, id, rank = p, key, r
		}
	}
	return prefix, id, rank > 0
}

// sentenceStart reports whether token i begins a sentence (its capital is
// grammar, not a name).
func sentenceStart(toks []extract.Token, i int) bool {
	if toks[i].Break {
		return true
	}
	for j := i - 1; j >= 0; j-- {
		switch toks[j].Text {
		case "\"", "'", "(", "\u201c", "\u2018":
			continue
		case ".", "!", "?", ":":
			return true
		}
		return false
	}
	return true
}

// minhash lowers sig to the word's MinHash values where they are lower.
func minhash(sig *[SigLen]uint32, h uint64) {
	for i := range sig {
		if v := uint32((h*minhashA[i] + minhashB[i]) >> 32); v < sig[i] {
			sig[i] = v
		}
	}
}

// masked returns the bytes of a span with markup blanked out.
func masked(doc *compare.Document, s compare.Span) []byte {
	b := doc.Text[s.Start:s.End]
	if len(doc.Mask) == 0 {
		return b
	}
	var out []byte
	for _, m := range doc.Mask {
		if m.End <= s.Start || m.Start >= s.End {
			continue
		}
		if out == nil {
			out = slices.Clone(b)
		}
		for i := max(m.Start, s.Start); i < min(m.End, s.End); i++ {
			out[i-s.Start] = ' '
		}
	}
	if out == nil {
		return b
	}
	return out
}

// stopword reports whether a lower-cased word carries no story identity:
// function words, reporting verbs, calendar words (a weekday can be the
// very thing articles disagree on).
func stopword(w string) bool {
	// A switch: faster than a map lookup, and it runs for every word.
	switch w {
	case "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with",
		"as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its", "this",
		"that", "these", "those", "their", "they", "them", "he", "his", "she", "her", "we", "our", "you",
		"after", "before", "over", "under", "into", "about", "amid", "amidst", "against", "between",
		"during", "while", "which", "who", "whom", "whose", "what", "when", "where", "why", "how",
		"not", "no", "new", "will", "would", "could", "should", "may", "might", "can", "also", "more",
		"than", "then", "there", "here", "up", "out", "off", "said", "says", "say", "told", "according",
		"first", "second", "third", "fourth", "fifth", "sixth", "latest", "next", "last",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
		"today", "tomorrow", "week", "weekend", "month", "year", "day", "days",
		"january", "february", "march", "april", "june", "july", "august", "september",
		"october", "november", "december", "s", "via", "per", "both", "two", "one", "three":
		return true
	}
	return false
}

// DayOf is the day number of t (UTC).
func DayOf(t time.Time) int32 {
	return int32(t.UTC().Unix() / 86400)
}
