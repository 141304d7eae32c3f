package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/kb"
)

// GenOptions configure the corpus generator.
type GenOptions struct {
	// Articles is the number of articles to write (at least 1).
	Articles int
	// Seed makes the corpus: the same seed and kb give the same bytes.
	Seed uint64
	// From and To bound the days of the stories' events (default
	// 2016-01-01 to 2024-12-31).
	From, To time.Time
	// ErrorRate is the share of stories with planted inconsistencies
	// (default 0.5).
	ErrorRate float64
}

// Truth is the generator's ground truth: the stories and the
// inconsistencies planted in them.
type Truth struct {
	Seed     uint64       `json:"seed"`
	Articles int          `json:"articles"`
	Stories  []TruthStory `json:"stories"`
}

// TruthStory is one generated story.
type TruthStory struct {
	ID      string   `json:"id"`
	Event   string   `json:"event"` // "talks" or "visit"
	Date    string   `json:"date"`  // the event's day
	Docs    []string `json:"docs"`  // sorted
	Planted []Plant  `json:"planted"`
}

// Plant is one planted inconsistency.
type Plant struct {
	Doc     string       `json:"doc"`
	Type    compare.Type `json:"type"` // contradiction or anachronism
	Kind    compare.Kind `json:"kind"` // weekday, ordinal, location, office, administration
	Written string       `json:"written"`
	Correct string       `json:"correct"`
}

// genRecord is one JSON Lines article; it carries no story field, so the
// grouping has to find the stories.
type genRecord struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Text      string `json:"text"`
}

// genCountry is a country with a foreign minister in office on the day of
// a story.
type genCountry struct {
	code, name, demonym, capital string
	fm, fmPrev                   string // names; fmPrev left office before the day ("" when unknown)
	cities                       []string
}

// generator holds what every story draws from.
type generator struct {
	k       *kb.KB
	rng     *rand.Rand
	opt     GenOptions
	cities  map[string][]string // by country code
	fmCodes []string            // countries with a foreign-minister office
}

// Generate writes a deterministic corpus of multi-outlet news stories as
// JSON Lines to w and returns its ground truth. Office holders, places and
// US administrations come from k, so planted anachronisms are the kb's.
func Generate(w io.Writer, k *kb.KB, opt GenOptions) (*Truth, error) {
	if opt.Articles < 1 {
		return nil, fmt.Errorf("generate: %d articles: want at least 1", opt.Articles)
	}
	if opt.From.IsZero() {
		opt.From = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if opt.To.IsZero() {
		opt.To = time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	if !opt.From.Before(opt.To) {
		return nil, fmt.Errorf("generate: empty date range %s – %s", opt.From.Format(time.DateOnly), opt.To.Format(time.DateOnly))
	}
	if opt.ErrorRate == 0 {
		opt.ErrorRate = 0.5
	}
	g := &generator{k: k, rng: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x5eed5eed5eed5eed)), opt: opt, cities: map[string][]string{}}
	// Cities are the places nothing else lies within (regions contain
	// cities); each is keyed by the country its ID names ("US/cleveland").
	parents := map[string]bool{}
	for _, p := range k.Places() {
		parents[p.Within] = true
	}
	for _, p := range k.Places() {
		country, _, ok := strings.Cut(p.ID, "/")
		if ok && !parents[p.ID] && isPlainName(p.Name) {
			g.cities[country] = append(g.cities[country], p.Name)
		}
	}
	for _, c := range k.Countries() {
		if o, ok := k.OfficeFor(c.Code, "foreign-minister"); ok && len(k.Terms(o.ID)) > 0 && len(c.Demonyms) > 0 && isPlainName(c.Name) {
			g.fmCodes = append(g.fmCodes, c.Code)
		}
	}
	if len(g.fmCodes) < 3 {
		return nil, fmt.Errorf("generate: the knowledge base has %d countries with foreign ministers; need 3", len(g.fmCodes))
	}

	var stories []*genStory
	total := 0
	for total < opt.Articles {
		s := g.story()
		if s == nil {
			continue
		}
		// A series: the next round of the same talks a week or more later,
		// about the same countries — the hard negative for grouping.
		for s != nil && total < opt.Articles {
			n := min(len(s.articles), opt.Articles-total)
			s.articles = s.articles[:n]
			stories = append(stories, s)
			total += n
			s = g.followUp(s)
		}
	}
	return g.write(w, stories)
}

// isPlainName keeps names the generator can write without ambiguity.
func isPlainName(s string) bool {
	return s != "" && !strings.ContainsAny(s, "()/,")
}

// genStory is a story before it is written out.
type genStory struct {
	event          string // "talks" or "visit"
	day            time.Time
	a, b           genCountry
	venue, venueCC string
	round          int
	topic          string
	president      string // US president's surname on the day ("" when unknown)
	presidentPrev  string
	articles       []genArticle
	followUpOf     *genStory
}

type genArticle struct {
	outlet    int
	published time.Time
	title     string
	text      string
	plants    []Plant
}

var genTopics = []string{
	"trade", "energy cooperation", "border security", "migration", "water sharing",
	"fisheries", "the nuclear programme", "a prisoner exchange", "climate finance",
	"grain exports", "maritime boundaries", "counter-terrorism", "investment", "visa rules",
	"the ceasefire", "humanitarian aid", "arms control", "pipeline transit fees",
}

var genOutlets = []struct{ name, domain string }{
	{"The Morning Ledger", "morningledger.example"}, {"Global Wire Service", "globalwire.example"},
	{"Evening Courier", "eveningcourier.example"}, {"The Continental Post", "continentalpost.example"},
	{"Harbor Times", "harbortimes.example"}, {"Atlas News Agency", "atlasnews.example"},
	{"The Daily Meridian", "dailymeridian.example"}, {"Northern Tribune", "northerntribune.example"},
	{"Capital Dispatch", "capitaldispatch.example"}, {"The Observer Review", "observerreview.example"},
	{"Pacific Herald", "pacificherald.example"}, {"Levant Report", "levantreport.example"},
	{"The Diplomatic Desk", "diplomaticdesk.example"}, {"Crossroads Daily", "crossroadsdaily.example"},
	{"Westbridge Gazette", "westbridge.example"}, {"Southern Chronicle", "southernchronicle.example"},
	{"The World Bulletin", "worldbulletin.example"}, {"Riverside Journal", "riversidejournal.example"},
	{"Eastern Standard", "easternstandard.example"}, {"The Policy Record", "policyrecord.example"},
	{"Metro Week", "metroweek.example"}, {"Newsline International", "newsline.example"},
	{"The Public Register", "publicregister.example"}, {"Highland Courier", "highlandcourier.example"},
}

var ordinals = []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"}

func (g *generator) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

// day draws a day in the range.
func (g *generator) day() time.Time {
	span := int(g.opt.To.Sub(g.opt.From).Hours() / 24)
	return g.opt.From.AddDate(0, 0, g.rng.IntN(span+1))
}

// country builds a country's facts on a day; ok is false when the kb has
// no foreign minister in office then.
func (g *generator) country(code string, day time.Time) (genCountry, bool) {
	c, ok := g.k.Country(code)
	if !ok {
		return genCountry{}, false
	}
	o, ok := g.k.OfficeFor(code, "foreign-minister")
	if !ok {
		return genCountry{}, false
	}
	hs := g.k.Holders(o.ID, day)
	if len(hs) != 1 || hs[0].Acting {
		return genCountry{}, false
	}
	p, ok := g.k.Person(hs[0].Person)
	if !ok || !isPlainName(p.Name) {
		return genCountry{}, false
	}
	gc := genCountry{code: code, name: c.Name, demonym: c.Demonyms[0], capital: c.Capital, fm: p.Name, cities: g.cities[code]}
	// The predecessor, for a planted anachronism: out of office (and not
	// back in it) by the story's day.
	for _, t := range g.k.Terms(o.ID) {
		if !t.To.IsZero() && t.To.Before(day.AddDate(0, -6, 0)) && t.Person != hs[0].Person {
			if pp, ok := g.k.Person(t.Person); ok && isPlainName(pp.Name) && !g.holdsAny(t.Person, day) {
				gc.fmPrev = pp.Name
			}
		}
	}
	return gc, true
}

// holdsAny reports whether the person holds any office on the day.
func (g *generator) holdsAny(person string, day time.Time) bool {
	for _, t := range g.k.Tenures(person) {
		if !t.From.After(day) && (t.To.IsZero() || t.To.After(day)) {
			return true
		}
	}
	return false
}

// presidents returns the surnames of the US president on the day and of
// the one before.
func (g *generator) presidents(day time.Time) (cur, prev string) {
	terms := g.k.Terms("US/president")
	sort.Slice(terms, func(i, j int) bool { return terms[i].From.Before(terms[j].From) })
	for i, t := range terms {
		if !t.From.After(day) && (t.To.IsZero() || t.To.After(day)) {
			cur = g.surname(t.Person)
			for j := i - 1; j >= 0; j-- {
				if s := g.surname(terms[j].Person); s != "" && s != cur {
					prev = s
					break
				}
			}
			return cur, prev
		}
	}
	return "", ""
}

func (g *generator) surname(person string) string {
	p, ok := g.k.Person(person)
	if !ok {
		return ""
	}
	f := strings.Fields(p.Name)
	return f[len(f)-1]
}

// story draws a new story; nil when the draw found no usable countries.
func (g *generator) story() *genStory {
	day := g.day()
	var cs []genCountry
	for range 8 {
		if len(cs) == 2 {
			break
		}
		c, ok := g.country(g.pick(g.fmCodes), day)
		if ok && (len(cs) == 0 || cs[0].code != c.code) {
			cs = append(cs, c)
		}
	}
	if len(cs) < 2 {
		return nil
	}
	s := &genStory{day: day, a: cs[0], b: cs[1], topic: g.pick(genTopics)}
	s.president, s.presidentPrev = g.presidents(day)
	if g.rng.IntN(3) == 0 {
		s.event = "visit"
		s.venue, s.venueCC = s.b.capital, s.b.code
	} else {
		s.event = "talks"
		s.round = 1 + g.rng.IntN(4)
		s.venue, s.venueCC = g.venueFor(s.a.code, s.b.code)
	}
	if s.venue == "" {
		return nil
	}
	g.articles(s)
	return s
}

// venueFor picks a third country's city as the host of talks.
func (g *generator) venueFor(a, b string) (string, string) {
	for range 20 {
		cc := g.pick(g.fmCodes)
		if cc == a || cc == b || len(g.cities[cc]) == 0 {
			continue
		}
		return g.pick(g.cities[cc]), cc
	}
	return "", ""
}

// followUp is the next round of a talks story 7–21 days later, or nil.
func (g *generator) followUp(s *genStory) *genStory {
	if s.event != "talks" || s.round >= len(ordinals)-2 || g.rng.IntN(4) != 0 {
		return nil
	}
	day := s.day.AddDate(0, 0, 7+g.rng.IntN(15))
	if day.After(g.opt.To) {
		return nil
	}
	a, ok1 := g.country(s.a.code, day)
	b, ok2 := g.country(s.b.code, day)
	if !ok1 || !ok2 {
		return nil
	}
	n := &genStory{event: "talks", day: day, a: a, b: b, topic: s.topic, round: s.round + 1, venue: s.venue, venueCC: s.venueCC, followUpOf: s}
	if g.rng.IntN(2) == 0 {
		if v, cc := g.venueFor(a.code, b.code); v != "" {
			n.venue, n.venueCC = v, cc
		}
	}
	n.president, n.presidentPrev = g.presidents(day)
	g.articles(n)
	return n
}

var genQuotes = []string{
	"We had a frank and useful exchange of views",
	"There is still a great deal of work to do before anything can be signed",
	"Both delegations showed goodwill and a readiness to listen",
	"Nobody should expect miracles from a single session",
	"We are closer than we were, but we are not there yet",
	"The door remains open and we intend to keep it that way",
	"Our position has not changed and it will not change under pressure",
	"This was a serious conversation between serious partners",
}

var genInstitutes = []string{
	"Centre for Strategic Dialogue", "Institute for Regional Affairs", "Foreign Policy Forum",
	"Council on Global Relations", "Bridgeway Institute", "Hollis Centre for Diplomacy",
}

var genAnalysts = []string{
	"Maria Lindqvist", "Tomasz Berger", "Aisha Rahmani", "Daniel Okafor", "Elena Petrova",
	"Samuel Hart", "Nadia Haddad", "Kenji Mori", "Lucia Ferreira", "Omar Saleh",
}

// articles writes 1–8 articles of a story, from different outlets, and
// plants inconsistencies in some.
func (g *generator) articles(s *genStory) {
	n := 1 + g.rng.IntN(8)
	if g.rng.IntN(10) == 0 {
		n = 1
	}
	outlets := g.rng.Perm(len(genOutlets))[:n]
	quote := g.pick(genQuotes)
	quoteBy := g.rng.IntN(2)
	admin := s.president != "" && g.rng.IntN(3) == 0
	var plantAt = -1
	var plantKind compare.Kind
	if g.rng.Float64() < g.opt.ErrorRate {
		var kinds []compare.Kind
		if n >= 3 {
			kinds = append(kinds, compare.KindWeekday, compare.KindLocation)
			if s.event == "talks" {
				kinds = append(kinds, compare.KindOrdinal)
			}
		}
		if s.a.fmPrev != "" {
			kinds = append(kinds, compare.KindOffice)
		}
		if admin && s.presidentPrev != "" {
			kinds = append(kinds, compare.KindAdministration)
		}
		if len(kinds) > 0 {
			plantKind = kinds[g.rng.IntN(len(kinds))]
			plantAt = g.rng.IntN(n)
			if plantKind != compare.KindOffice && plantKind != compare.KindAdministration {
				plantAt = 1 + g.rng.IntN(n-1)
			}
		}
	}
	for i, o := range outlets {
		v := variant{
			weekday: s.day.Weekday().String(), round: s.round, venue: s.venue,
			fmA: s.a.fm, president: s.president, admin: admin, quote: quote, quoteBy: quoteBy,
		}
		var plants []Plant
		if i == plantAt {
			p := Plant{Kind: plantKind, Type: compare.Contradiction}
			switch plantKind {
			case compare.KindWeekday:
				v.weekday = s.day.AddDate(0, 0, 1+g.rng.IntN(6)).Weekday().String()
				p.Written, p.Correct = v.weekday, s.day.Weekday().String()
			case compare.KindOrdinal:
				v.round = s.round + 1 + g.rng.IntN(2)
				if s.round > 1 && (g.rng.IntN(2) == 0 || v.round >= len(ordinals)) {
					v.round = s.round - 1
				}
				p.Written, p.Correct = ordinals[v.round], ordinals[s.round]
			case compare.KindLocation:
				for try := 0; try < 100 && (v.venue == s.venue || v.venue == s.a.capital || v.venue == s.b.capital); try++ {
					cc := g.pick(g.fmCodes)
					if cc != s.venueCC && cc != s.a.code && cc != s.b.code && len(g.cities[cc]) > 0 {
						v.venue = g.pick(g.cities[cc])
					}
				}
				if v.venue == s.venue {
					plants = nil
					break
				}
				p.Written, p.Correct = v.venue, s.venue
			case compare.KindOffice:
				v.fmA = s.a.fmPrev
				p.Type, p.Written, p.Correct = compare.Anachronism, s.a.fmPrev, s.a.fm
			case compare.KindAdministration:
				v.president = s.presidentPrev
				p.Type, p.Written, p.Correct = compare.Anachronism, s.presidentPrev, s.president
			}
			if p.Written != "" {
				plants = append(plants, p)
			}
		}
		lag := 0
		switch r := g.rng.IntN(20); {
		case r >= 19:
			lag = 2
		case r >= 12:
			lag = 1
		}
		title, text := g.compose(s, v)
		s.articles = append(s.articles, genArticle{outlet: o, published: s.day.AddDate(0, 0, lag), title: title, text: text, plants: plants})
	}
}

// variant is what one article says (planted values included).
type variant struct {
	weekday   string
	round     int
	venue     string
	fmA       string
	president string
	admin     bool
	quote     string
	quoteBy   int
}

func lastName(s string) string {
	f := strings.Fields(s)
	return f[len(f)-1]
}

// compose writes an article: headline, lede, then body paragraphs drawn
// from pools in a varying order.
func (g *generator) compose(s *genStory, v variant) (string, string) {
	A, B := s.a, s.b
	ord := ordinals[v.round]
	r := strings.NewReplacer(
		"{A}", A.name, "{B}", B.name, "{Adem}", A.demonym, "{Bdem}", B.demonym,
		"{Acap}", A.capital, "{Bcap}", B.capital, "{V}", v.venue, "{W}", v.weekday,
		"{ord}", ord, "{topic}", s.topic, "{FA}", v.fmA, "{FB}", B.fm,
		"{FAsur}", lastName(v.fmA), "{FBsur}", lastName(B.fm), "{P}", v.president,
	)
	var heads, ledes []string
	if s.event == "talks" {
		heads = []string{
			"{A} and {B} hold {ord} round of talks in {V}",
			"{Adem} and {Bdem} negotiators meet in {V} for {ord} round on {topic}",
			"{V} hosts {ord} round of {A}-{B} talks on {topic}",
			"{A}, {B} resume talks on {topic} in {V}",
			"{FAsur} and {FBsur} hold {ord} round of talks in {V}",
		}
		ledes = []string{
			"{Adem} and {Bdem} officials held a {ord} round of talks on {topic} in {V} on {W}, the two governments said.",
			"Negotiators from {A} and {B} met in {V} on {W} for a {ord} round of talks on {topic}.",
			"The {ord} round of talks between {A} and {B} on {topic} took place in {V} on {W}, with both sides describing the atmosphere as constructive.",
			"{A} and {B} held a {ord} round of negotiations over {topic} in {V} on {W}, officials from both countries said.",
		}
	} else {
		heads = []string{
			"{FA} visits {V} for talks with {FB}",
			"{Adem} foreign minister arrives in {V} for talks on {topic}",
			"{A}'s top diplomat holds talks in {V} on {topic}",
			"{FAsur} meets {FBsur} in {V} as {A} and {B} discuss {topic}",
		}
		ledes = []string{
			"{Adem} Foreign Minister {FA} met {Bdem} counterpart {FB} in {V} on {W} for talks on {topic}.",
			"{FA}, the foreign minister of {A}, held talks with {Bdem} Foreign Minister {FB} in {V} on {W}, focusing on {topic}.",
			"The foreign ministers of {A} and {B} met in {V} on {W} to discuss {topic}, their ministries said.",
		}
	}
	body := []string{
		"{Adem} Foreign Minister {FA} led the delegation from {Acap}, while the {Bdem} side was headed by Foreign Minister {FB}.",
		"Officials on both sides have described {topic} as a priority for the coming months, although they differ on how quickly an agreement could be reached.",
		"Earlier contacts between the two governments had stalled over details of {topic}, and diplomats cautioned that the gaps remain wide.",
		"The two delegations exchanged written proposals and agreed to set up working groups of experts, according to a statement issued afterwards.",
		"Business groups in both countries have pressed for a quick deal, saying the uncertainty over {topic} has held back planning and investment.",
		"Opposition politicians in {Acap} criticised the government for what they called a lack of transparency about the agenda.",
		"Diplomats familiar with the process said the atmosphere was businesslike and that neither side had walked away from its core demands.",
		"Officials declined to say when the delegations would meet again, but both ministries said contacts would continue at the technical level.",
	}
	analyst := g.pick(genAnalysts)
	body = append(body,
		analyst+", an analyst at the "+g.pick(genInstitutes)+", said expectations had been modest and that a framework text would already count as progress.",
		"\"{quote}\", "+g.pickSpeaker(v)+" told reporters afterwards.",
	)
	if v.admin {
		body = append(body, "The {P} administration said it welcomed any progress on {topic} and was following the discussions closely.")
	}
	g.rng.Shuffle(len(body)-2, func(i, j int) { body[i+2], body[j+2] = body[j+2], body[i+2] })
	keep := 6 + g.rng.IntN(len(body)-5)
	if keep > len(body) {
		keep = len(body)
	}
	// The office sentence (first) stays; the others are a random subset,
	// with the quote and administration sentences kept when present.
	paras := append([]string{body[0]}, body[1:keep]...)
	for _, p := range body[keep:] {
		if strings.Contains(p, "{quote}") || strings.Contains(p, "{P}") {
			paras = append(paras, p)
		}
	}
	title := r.Replace(g.pick(heads))
	var sb strings.Builder
	sb.WriteString(title)
	sb.WriteString("\n\n")
	sb.WriteString(r.Replace(g.pick(ledes)))
	for _, p := range paras {
		sb.WriteString("\n\n")
		sb.WriteString(strings.ReplaceAll(r.Replace(p), "{quote}", v.quote))
	}
	sb.WriteString("\n")
	return title, sb.String()
}

// pickSpeaker names who said the story's quote: the same person in every
// article of the story, so that quotes agree.
func (g *generator) pickSpeaker(v variant) string {
	if v.quoteBy == 0 {
		return "a senior official"
	}
	return "a spokesperson for the delegation"
}

// write numbers the articles in publication order and writes them with
// the truth.
func (g *generator) write(w io.Writer, stories []*genStory) (*Truth, error) {
	type ref struct {
		s *genStory
		a int
	}
	var all []ref
	for _, s := range stories {
		for i := range s.articles {
			all = append(all, ref{s, i})
		}
	}
	// Publication order, ties in generation order: what a crawl sorted by
	// date looks like.
	sort.SliceStable(all, func(i, j int) bool {
		return all[i].s.articles[all[i].a].published.Before(all[j].s.articles[all[j].a].published)
	})
	ids := map[*genArticle]string{}
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for n, r := range all {
		a := &r.s.articles[r.a]
		id := fmt.Sprintf("a%07d", n+1)
		ids[a] = id
		o := genOutlets[a.outlet]
		rec := genRecord{
			ID: id, Title: a.title, Outlet: o.name, Published: a.published.Format(time.DateOnly),
			URL:  "https://" + o.domain + "/" + a.published.Format("2006/01/02") + "/" + slug(a.title),
			Text: a.text,
		}
		if err := enc.Encode(rec); err != nil {
			return nil, fmt.Errorf("generate: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return nil, fmt.Errorf("generate: %w", err)
	}
	t := &Truth{Seed: g.opt.Seed, Articles: len(all)}
	for i, s := range stories {
		ts := TruthStory{ID: fmt.Sprintf("t%06d", i+1), Event: s.event, Date: s.day.Format(time.DateOnly), Planted: []Plant{}}
		for j := range s.articles {
			a := &s.articles[j]
			ts.Docs = append(ts.Docs, ids[a])
			for _, p := range a.plants {
				p.Doc = ids[a]
				ts.Planted = append(ts.Planted, p)
			}
		}
		sort.Strings(ts.Docs)
		t.Stories = append(t.Stories, ts)
	}
	return t, nil
}

// slug makes a URL path segment of a title.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
