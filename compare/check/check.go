// Package check runs the pipeline: reference times, extraction, alignment,
// rules, then post-processing (severity, suppression, dedupe, sort). It is
// the one place that knows the order of the stages.
package check

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/align"
	"github.com/crosscheck/crosscheck/compare/extract"
	"github.com/crosscheck/crosscheck/compare/kb"
)

// Config is what a run needs besides the documents.
type Config struct {
	Rules []*compare.Rule
	KB    *kb.KB
	// Gazetteer is built from KB when nil; pass one to share it across runs.
	Gazetteer *extract.Gazetteer
	AsOf      *time.Time
	// Now is the run date, the last fallback for reference times.
	Now time.Time
	// Severity overrides a rule's default severity, by rule name.
	Severity map[string]compare.Severity
	// Post are extra post-processing steps, run after the built-in ones.
	Post    []func([]compare.Finding) []compare.Finding
	Extract extract.Options
	// Extra are extra claim extractors (user patterns from a config
	// file), run on every document after the built-in ones; their claims
	// are kept when the rules need their kind.
	Extra    []func(env *extract.Env) []compare.Claim
	Workers  int // 0 = GOMAXPROCS
	Progress func(done int)
}

// Run checks documents together as one story.
func Run(ctx context.Context, docs []*compare.Document, cfg Config) (*compare.Report, error) {
	if cfg.Now.IsZero() {
		cfg.Now = time.Now().UTC()
	}
	gaz := cfg.Gazetteer
	if gaz == nil {
		gaz = extract.NewGazetteer(cfg.KB)
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	SetReferences(docs, cfg.AsOf, cfg.Now)

	kinds := NeededKinds(cfg.Rules)
	claims, err := Extract(ctx, docs, cfg.KB, gaz, kinds, cfg)
	if err != nil {
		return nil, err
	}
	rep := &compare.Report{AsOf: cfg.AsOf, Documents: docs, Rules: cfg.Rules}
	// Eras come from the claims about each article's own event time, as
	// the era rule reads them.
	var timed []compare.Claim
	for _, c := range claims {
		if c.Valid != nil && c.AtEventTime() {
			timed = append(timed, c)
		}
	}
	rep.Eras = align.Eras(docs, timed)
	var findings []compare.Finding
	for _, story := range Stories(docs) {
		fs, err := RunRules(ctx, story, claimsOf(claims, story), cfg)
		if err != nil {
			return nil, err
		}
		findings = append(findings, fs...)
	}
	rep.Findings = Finish(findings, cfg)
	return rep, nil
}

// storyGap is the longest silence between two reports of one story: a
// content repository's posts of March and of September are not reports of
// one event, and comparing them would only cry wolf.
const storyGap = 30 * 24 * time.Hour

// Stories splits the documents of a run into the stories they report: by
// their `story` field where they have one, else by reference time, a new
// story starting after a gap of more than 30 days. Documents given one
// --as-of (or none with a date) form one story. Each story is sorted by ID.
func Stories(docs []*compare.Document) [][]*compare.Document {
	byStory := map[string][]*compare.Document{}
	var rest []*compare.Document
	for _, d := range docs {
		if d.Story != "" {
			byStory[d.Story] = append(byStory[d.Story], d)
		} else {
			rest = append(rest, d)
		}
	}
	var out [][]*compare.Document
	keys := make([]string, 0, len(byStory))
	for k := range byStory {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out = append(out, byStory[k])
	}
	sorted := append([]*compare.Document(nil), rest...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Reference.Before(sorted[j].Reference) })
	var cur []*compare.Document
	for i, d := range sorted {
		if i > 0 && d.Reference.Sub(sorted[i-1].Reference) > storyGap {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, d)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	for _, st := range out {
		sort.SliceStable(st, func(i, j int) bool { return st[i].ID < st[j].ID })
	}
	return out
}

// claimsOf keeps the claims of the given documents, in order.
func claimsOf(claims []compare.Claim, docs []*compare.Document) []compare.Claim {
	in := make(map[*compare.Document]bool, len(docs))
	for _, d := range docs {
		in[d] = true
	}
	var out []compare.Claim
	for _, c := range claims {
		if in[c.Doc] {
			out = append(out, c)
		}
	}
	return out
}

// SetReferences fills each document's reference time: --as-of, else its
// publication date, else the median publication date of the dated
// documents of the run (the time of their story), else the run date.
func SetReferences(docs []*compare.Document, asOf *time.Time, now time.Time) {
	var dated []time.Time
	for _, d := range docs {
		if d.Published != nil {
			dated = append(dated, *d.Published)
		}
	}
	sort.Slice(dated, func(i, j int) bool { return dated[i].Before(dated[j]) })
	for _, d := range docs {
		switch {
		case asOf != nil:
			d.Reference, d.ReferenceFrom = dayOf(*asOf), "as-of"
		case d.Published != nil:
			d.Reference, d.ReferenceFrom = dayOf(*d.Published), "published"
		case len(dated) > 0:
			d.Reference, d.ReferenceFrom = dayOf(dated[len(dated)/2]), "story"
		default:
			d.Reference, d.ReferenceFrom = dayOf(now), "run-date"
		}
	}
}

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// NeededKinds lists the claim kinds the rules read: their needs and kinds,
// and office and administration claims when eras are checked. Corpus mode
// extracts the same set.
func NeededKinds(rules []*compare.Rule) []compare.Kind {
	seen := map[compare.Kind]bool{}
	var out []compare.Kind
	for _, r := range rules {
		for _, k := range append(append([]compare.Kind{}, r.Needs...), r.Kind) {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	// Era windows come from office and administration claims.
	for _, k := range []compare.Kind{compare.KindOffice, compare.KindAdministration} {
		if seen[compare.KindEra] && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Extract runs the extractors over every document on a bounded pool of
// workers; the result is in document order whatever the worker count.
func Extract(ctx context.Context, docs []*compare.Document, k *kb.KB, gaz *extract.Gazetteer, kinds []compare.Kind, cfg Config) ([]compare.Claim, error) {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	per := make([][]compare.Claim, len(docs))
	// A panic in a worker goroutine would kill the process with a stack
	// trace, past the CLI's recover: it becomes this document's error.
	panics := make([]any, len(docs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// One document after another on the same buffers; each
			// document's claims are copied out of buf to be kept.
			var sc extract.Scratch
			var buf []compare.Claim
			for i := range jobs {
				func() {
					defer func() { panics[i] = recover() }()
					buf = AppendClaimsOf(buf[:0], sc.NewEnv(docs[i], k, gaz, cfg.Extract), kinds, cfg.Extra)
					if len(buf) > 0 {
						per[i] = slices.Clone(buf)
					}
				}()
				if cfg.Progress != nil {
					mu.Lock()
					done++
					cfg.Progress(done)
					mu.Unlock()
				}
			}
		}()
	}
	var err error
feed:
	for i := range docs {
		select {
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		case jobs <- i:
		}
	}
	close(jobs)
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("extracting claims: %w", err)
	}
	for i, p := range panics {
		if p != nil {
			return nil, fmt.Errorf("extracting claims from %s: internal error: %v (please report this)", docs[i].Path, p)
		}
	}
	total := 0
	for _, cs := range per {
		total += len(cs)
	}
	claims := make([]compare.Claim, 0, total)
	for _, cs := range per {
		claims = append(claims, cs...)
	}
	return claims, nil
}

// ClaimsOf extracts one document's claims of the given kinds (all kinds
// when empty): the built-in extractors, then the extra ones (a config's
// patterns), sorted.
func ClaimsOf(env *extract.Env, kinds []compare.Kind, extra []func(*extract.Env) []compare.Claim) []compare.Claim {
	return appendExtra(extract.Run(env, kinds), 0, env, kinds, extra)
}

// AppendClaimsOf is ClaimsOf appending the claims to dst, as
// extract.AppendRun does: with a dst and an extract.Scratch reused from
// document to document, a worker allocates little per document. The
// claims appended may be copied and kept; dst's array is the caller's to
// reuse.
func AppendClaimsOf(dst []compare.Claim, env *extract.Env, kinds []compare.Kind, extra []func(*extract.Env) []compare.Claim) []compare.Claim {
	return appendExtra(extract.AppendRun(dst, env, kinds), len(dst), env, kinds, extra)
}

// appendExtra appends the extra extractors' claims of the given kinds to
// cs and sorts cs[from:], the document's claims.
func appendExtra(cs []compare.Claim, from int, env *extract.Env, kinds []compare.Kind, extra []func(*extract.Env) []compare.Claim) []compare.Claim {
	if len(extra) == 0 {
		return cs
	}
	want := map[compare.Kind]bool{}
	for _, k := range kinds {
		want[k] = true
	}
	for _, x := range extra {
		for _, c := range x(env) {
			if len(kinds) == 0 || want[c.Kind] {
				cs = append(cs, c)
			}
		}
	}
	extract.SortClaims(cs[from:])
	return cs
}

// RunRules runs every rule over the claims it needs.
func RunRules(ctx context.Context, docs []*compare.Document, claims []compare.Claim, cfg Config) ([]compare.Finding, error) {
	var sc Scratch
	// The scratch is dropped: its findings are the caller's.
	return sc.RunRules(ctx, docs, claims, cfg)
}

// Scratch holds the buffers of RunRules and Finish, reused from story to
// story by one worker (corpus mode's pass 2): the claims of each kind and
// their groups, the findings, the fingerprints' and the sort's buffers.
// Allocated afresh for every story they were most of what checking one
// cost. The zero value is ready; a Scratch is not safe for concurrent use.
type Scratch struct {
	in       ruleInputs
	findings []compare.Finding
	fp       fingerprinter
	sort     sorter
	// pass is the one Pass the rules get in turn, with report bound to it
	// once: rules keep nothing of their pass.
	pass   compare.Pass
	report func(compare.Finding)
}

// maxKeptFindings bounds the findings buffer a Scratch keeps.
const maxKeptFindings = 1 << 12

// RunRules is the package's RunRules on the scratch's buffers. The
// findings are in the scratch: they stay valid until the next call on it,
// and are meant for sc.Finish, which returns the caller's own copy. Like
// RunRules it returns nil when no rule reports anything.
func (sc *Scratch) RunRules(ctx context.Context, docs []*compare.Document, claims []compare.Claim, cfg Config) ([]compare.Finding, error) {
	clear(sc.findings)
	sc.findings = sc.findings[:0]
	if cap(sc.findings) > maxKeptFindings {
		sc.findings = nil
	}
	sc.in.reset(claims)
	if sc.report == nil {
		sc.report = sc.add
	}
	defer func() { sc.pass = compare.Pass{} }() // nothing of the story stays behind
	for _, r := range cfg.Rules {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("running rules: %w", err)
		}
		cs, groups := sc.in.forKinds(r.Needs)
		sc.pass = compare.Pass{
			Rule:      r,
			Documents: docs,
			Claims:    cs,
			Groups:    groups,
			KB:        cfg.KB,
			AsOf:      cfg.AsOf,
			Report:    sc.report,
		}
		if err := r.Run(&sc.pass); err != nil {
			return nil, fmt.Errorf("rule %s: %w", r.Name, err)
		}
	}
	if len(sc.findings) == 0 {
		return nil, nil
	}
	return sc.findings, nil
}

// add is the Report of the running rule's pass: the rule's name, type,
// kind and severity fill what the finding leaves zero.
func (sc *Scratch) add(f compare.Finding) {
	rule := sc.pass.Rule
	if f.Rule == "" {
		f.Rule = rule.Name
	}
	if f.Type == "" {
		f.Type = rule.Type
	}
	if f.Kind == "" {
		f.Kind = rule.Kind
	}
	if f.Severity == compare.SeverityNone {
		f.Severity = rule.Severity
	}
	sc.findings = append(sc.findings, f)
}

// ruleInputs are the sorted claims and slot groups of each kind, built
// once per story and shared by the rules: copying and grouping a story's
// claims once per rule was most of what checking a story cost. Rules
// read them only; the slices are clipped, so a rule that appends to one
// gets its own copy. Its buffers are reused from story to story (reset).
type ruleInputs struct {
	// all are the claims in extract.SortClaims order.
	all    []compare.Claim
	sorted []compare.Claim // all, when the claims needed sorting
	// byKind holds the claims of each kind end to end; kinds says where.
	byKind  []compare.Claim
	kinds   []kindInput
	which   []int // the number of each claim's kind in kinds
	grouper align.Grouper
	// merged caches the inputs of rules that need several kinds, by the
	// kinds' list; entries stay from story to story for their buffers,
	// valid for the story numbered gen.
	merged []mergedInput
	gen    uint64
	key    []byte // the key of merged being looked up
}

// kindInput is the claims of one kind and their groups.
type kindInput struct {
	kind   compare.Kind
	n      int // the story's claims of the kind
	claims []compare.Claim
	groups []compare.Group
}

// mergedInput is the claims and groups of a list of kinds; claimBuf and
// groupBuf are its own buffers (claims may be ruleInputs.all instead).
type mergedInput struct {
	key string
	// kinds are the key's kinds sorted, without repeats: made once, not
	// per story.
	kinds    []compare.Kind
	gen      uint64
	claims   []compare.Claim
	groups   []compare.Group
	claimBuf []compare.Claim
	groupBuf []compare.Group
}

// maxKeptClaims bounds the claims a ruleInputs keeps between stories.
const maxKeptClaims = 1 << 14

// reset builds the inputs of a story's claims, dropping the last story's.
func (in *ruleInputs) reset(claims []compare.Claim) {
	in.gen++
	// Cleared, so that the buffers do not keep the last story alive; the
	// claims of each kind are overwritten below, only what lies past this
	// story's is cleared.
	for i := range in.merged {
		m := &in.merged[i]
		clear(m.claimBuf)
		clear(m.groupBuf)
		m.claims, m.groups = nil, nil
	}
	clear(in.sorted)
	clear(in.kinds)
	used := len(in.byKind)
	if cap(in.byKind) > maxKeptClaims || cap(in.sorted) > maxKeptClaims {
		*in = ruleInputs{gen: in.gen}
		used = 0
	}
	// Claims usually come sorted (each article's are, and articles come in
	// ID order); a copy is sorted otherwise, the caller's stays as it is.
	in.all = claims
	in.sorted = in.sorted[:0]
	if !extract.ClaimsSorted(claims) {
		in.sorted = append(in.sorted, claims...)
		extract.SortClaims(in.sorted)
		in.all = in.sorted
	}
	claims = in.all
	// The claims of each kind, in order, one kind after another; each
	// claim's kind is looked up once.
	in.kinds = in.kinds[:0]
	in.which = slices.Grow(in.which[:0], len(claims))
	last := -1
	for i := range claims {
		if last < 0 || in.kinds[last].kind != claims[i].Kind {
			last = in.kind(claims[i].Kind)
		}
		in.kinds[last].n++
		in.which = append(in.which, last)
	}
	in.byKind = slices.Grow(in.byKind[:0], len(claims))[:len(claims)]
	start := 0
	for n := range in.kinds {
		k := &in.kinds[n]
		k.claims = in.byKind[start : start : start+k.n]
		start += k.n
	}
	for i := range claims {
		k := &in.kinds[in.which[i]]
		k.claims = append(k.claims, claims[i])
	}
	if used > len(in.byKind) {
		clear(in.byKind[len(in.byKind):used])
	}
	// On the copies: the caller's claims keep their subjects.
	align.SplitSeries(in.byKind)
	in.grouper.Reset(len(claims))
	for n := range in.kinds {
		k := &in.kinds[n]
		k.groups = in.grouper.Group(k.claims) // clipped, each group's claims too
	}
}

// kind returns the number of the input of a kind, added when new.
func (in *ruleInputs) kind(k compare.Kind) int {
	if n := in.index(k); n >= 0 {
		return n
	}
	in.kinds = append(in.kinds, kindInput{kind: k})
	return len(in.kinds) - 1
}

// index is the number of a kind's input, or -1: a story has a dozen kinds
// at most.
func (in *ruleInputs) index(k compare.Kind) int {
	for n := range in.kinds {
		if in.kinds[n].kind == k {
			return n
		}
	}
	return -1
}

// forKinds returns the claims of the given kinds in extract.SortClaims
// order and their groups sorted by slot: what align.Group would make of
// them, since a slot belongs to one kind.
func (in *ruleInputs) forKinds(kinds []compare.Kind) ([]compare.Claim, []compare.Group) {
	if len(kinds) == 1 {
		if n := in.index(kinds[0]); n >= 0 {
			return in.kinds[n].claims, in.kinds[n].groups
		}
		return nil, nil
	}
	in.key = in.key[:0]
	for _, k := range kinds {
		in.key = append(append(in.key, k...), 0)
	}
	m := in.mergedFor(in.key, kinds)
	if m.gen == in.gen {
		return m.claims, m.groups
	}
	m.gen = in.gen
	kinds = m.kinds
	nc, ng, present, only := 0, 0, 0, -1
	for _, k := range kinds {
		if n := in.index(k); n >= 0 {
			nc, ng = nc+len(in.kinds[n].claims), ng+len(in.kinds[n].groups)
			present, only = present+1, n
		}
	}
	if present <= 1 {
		// The story has claims of one of the kinds at most (the era rule's
		// offices and administrations, often): that kind's inputs are the
		// answer, as for a rule that needs it alone.
		if present == 1 {
			m.claims, m.groups = in.kinds[only].claims, in.kinds[only].groups
		}
		return m.claims, m.groups
	}
	if nc == len(in.all) && nc > 0 {
		// Every claim is of one of the kinds (the agreement rule needs
		// them all): the sorted claims are the answer, no copy needed.
		m.claims = slices.Clip(in.all)
	} else {
		// Filtering the sorted claims keeps them sorted.
		m.claimBuf = slices.Grow(m.claimBuf[:0], nc)
		for i := range in.all {
			if slices.Contains(kinds, in.all[i].Kind) {
				m.claimBuf = append(m.claimBuf, in.all[i])
			}
		}
		m.claims = slices.Clip(m.claimBuf)
	}
	m.groupBuf = slices.Grow(m.groupBuf[:0], ng)
	for _, k := range kinds {
		if n := in.index(k); n >= 0 {
			m.groupBuf = append(m.groupBuf, in.kinds[n].groups...)
		}
	}
	// A slot starts with its kind: the groups of kinds in order are most
	// often in slot order already, and a sort would move them for nothing.
	if !groupsSorted(m.groupBuf) {
		slices.SortStableFunc(m.groupBuf, func(a, b compare.Group) int { return strings.Compare(a.Slot, b.Slot) })
	}
	m.groups = slices.Clip(m.groupBuf)
	return m.claims, m.groups
}

// groupsSorted reports whether groups are sorted by slot, comparing them
// in place.
func groupsSorted(gs []compare.Group) bool {
	for i := 1; i < len(gs); i++ {
		if gs[i-1].Slot > gs[i].Slot {
			return false
		}
	}
	return true
}

// mergedFor returns the cache entry of a key, the list of kinds, added
// when new.
func (in *ruleInputs) mergedFor(key []byte, kinds []compare.Kind) *mergedInput {
	for i := range in.merged {
		if in.merged[i].key == string(key) {
			return &in.merged[i]
		}
	}
	sorted := slices.Compact(slices.Sorted(slices.Values(kinds)))
	in.merged = append(in.merged, mergedInput{key: string(key), kinds: sorted})
	return &in.merged[len(in.merged)-1]
}

// Finish applies severity overrides, fingerprints, dedupes, sorts and
// numbers findings, then runs the configured post-processing steps.
func Finish(fs []compare.Finding, cfg Config) []compare.Finding {
	var fp fingerprinter
	var so sorter
	return finish(fs, cfg, &fp, &so)
}

// Finish is the package's Finish on the scratch's buffers, for the
// findings of sc.RunRules (or any others). What it returns is the
// caller's: a new slice, never the scratch's. The post-processing steps
// must not keep the slice they are given.
func (sc *Scratch) Finish(fs []compare.Finding, cfg Config) []compare.Finding {
	fs = finish(fs, cfg, &sc.fp, &sc.sort)
	if fs == nil {
		return nil
	}
	out := make([]compare.Finding, len(fs))
	copy(out, fs)
	clear(fs) // the scratch's copy need not keep the story alive
	return out
}

func finish(fs []compare.Finding, cfg Config, fp *fingerprinter, so *sorter) []compare.Finding {
	for i := range fs {
		if s, ok := cfg.Severity[fs[i].Rule]; ok {
			fs[i].Severity = s
		}
	}
	fp.setAll(fs)
	fs = dedupe(fs)
	fs = dropSubsumed(fs)
	for _, step := range cfg.Post {
		fs = step(fs)
	}
	so.sort(fs)
	setIDs(fs)
	return fs
}

// setIDs numbers the findings F1, F2, …: the IDs are cut from one string,
// not made one by one.
func setIDs(fs []compare.Finding) {
	var b strings.Builder
	b.Grow(len(fs) * (2 + len(strconv.Itoa(len(fs)))))
	for i := range fs {
		b.WriteByte('F')
		var num [20]byte
		b.Write(strconv.AppendInt(num[:0], int64(i+1), 10))
	}
	ids := b.String()
	start := 0
	for i := range fs {
		end := start + 1 + digits(i+1)
		fs[i].ID = ids[start:end]
		start = end
	}
}

// digits is the number of decimal digits of n > 0.
func digits(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

// Fingerprint identifies a finding by its rule and normalised claims —
// document, slot and value, never offsets — so baselines survive edits.
// It is the first 8 bytes, in hex, of the sha256 of the rule, type, kind,
// subject and the sorted claim strings (document|slot|value|text, the
// text's spaces collapsed and lower-cased) joined by NUL bytes; baselines
// hold these, so the bytes must never change.
func Fingerprint(f compare.Finding) string {
	var fp fingerprinter
	return fp.of(&f)
}

// fingerprintLen is the length of a fingerprint: 8 bytes in hex.
const fingerprintLen = 16

// fingerprinter holds the buffers of Fingerprint, reused across the
// findings of a run: it was most of what finishing a story cost.
type fingerprinter struct {
	buf    []byte   // what is hashed
	claims []byte   // the claim strings, end to end
	ends   []int    // where each claim string ends in claims
	order  [][]byte // the claim strings, to sort
}

func (fp *fingerprinter) of(f *compare.Finding) string {
	var b [fingerprintLen]byte
	return string(fp.append(b[:0], f))
}

// setAll sets the fingerprint of each finding: they are cut from one
// string, not made one by one.
func (fp *fingerprinter) setAll(fs []compare.Finding) {
	var b strings.Builder
	b.Grow(len(fs) * fingerprintLen)
	for i := range fs {
		var sum [fingerprintLen]byte
		b.Write(fp.append(sum[:0], &fs[i]))
	}
	all := b.String()
	for i := range fs {
		fs[i].Fingerprint = all[i*fingerprintLen : (i+1)*fingerprintLen]
	}
}

// append appends the fingerprint of f to dst.
func (fp *fingerprinter) append(dst []byte, f *compare.Finding) []byte {
	fp.claims, fp.ends, fp.order = fp.claims[:0], fp.ends[:0], fp.order[:0]
	for i := range f.Claims {
		c := &f.Claims[i]
		b := append(fp.claims, c.Doc.ID...)
		b = append(b, '|')
		b = append(b, c.Kind...)
		b = append(b, ':')
		b = append(b, c.Subject...)
		b = append(b, '/')
		b = append(b, c.Attr...)
		b = append(b, '|')
		b = append(b, c.Value...)
		b = append(b, '|')
		fp.claims = appendNormalText(b, c.Text)
		fp.ends = append(fp.ends, len(fp.claims))
	}
	start := 0
	for _, end := range fp.ends {
		fp.order = append(fp.order, fp.claims[start:end])
		start = end
	}
	if len(fp.order) > 1 {
		slices.SortFunc(fp.order, bytes.Compare) // sort.Strings' order
	}
	b := append(fp.buf[:0], f.Rule...)
	b = append(b, 0)
	b = append(b, f.Type...)
	b = append(b, 0)
	b = append(b, f.Kind...)
	b = append(b, 0)
	b = append(b, f.Subject...)
	for _, c := range fp.order {
		b = append(b, 0)
		b = append(b, c...)
	}
	fp.buf = b
	h := sha256.Sum256(b)
	return hex.AppendEncode(dst, h[:fingerprintLen/2])
}

// appendNormalText appends
// strings.ToLower(strings.Join(strings.Fields(s), " ")) to dst without
// building the intermediate strings. Invalid UTF-8 takes that expression
// itself: ToLower replaces the bad bytes, which is not worth copying.
func appendNormalText(dst []byte, s string) []byte {
	start := len(dst)
	space := false // a space is due before the next word
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if plainByte[c] {
				// A run of bytes that stand as they are, appended at once.
				j := i + 1
				for j < len(s) && plainByte[s[j]] {
					j++
				}
				if space {
					dst, space = append(dst, ' '), false
				}
				dst = append(dst, s[i:j]...)
				i = j
				continue
			}
			i++
			if asciiSpace(c) {
				space = len(dst) > start
				continue
			}
			if space {
				dst, space = append(dst, ' '), false
			}
			dst = append(dst, c+'a'-'A') // an upper-case letter
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return append(dst[:start], strings.ToLower(strings.Join(strings.Fields(s), " "))...)
		}
		i += n
		if unicode.IsSpace(r) {
			space = len(dst) > start
			continue
		}
		if space {
			dst, space = append(dst, ' '), false
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// plainByte tells the bytes that stand as they are in a normalised text:
// ASCII, neither a space nor an upper-case letter. It is never written
// after it is made.
var plainByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !asciiSpace(byte(c)) && (c < 'A' || c > 'Z')
	}
	return t
}()

// asciiSpace is strings.Fields' set of ASCII spaces.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func dedupe(fs []compare.Finding) []compare.Finding {
	if len(fs) < 2 {
		return fs
	}
	if len(fs) <= fewFindings {
		return dedupeFew(fs)
	}
	seen := make(map[string]bool, len(fs))
	out := fs[:0]
	for _, f := range fs {
		if seen[f.Fingerprint] {
			continue
		}
		seen[f.Fingerprint] = true
		out = append(out, f)
	}
	return out
}

// fewFindings is the number of findings up to which dedupe compares
// each fingerprint with the ones kept rather than building a map.
const fewFindings = 32

// dedupeFew is dedupe for a few findings.
func dedupeFew(fs []compare.Finding) []compare.Finding {
	n := 0
next:
	for i := range fs {
		for k := range n {
			if fs[k].Fingerprint == fs[i].Fingerprint {
				continue next
			}
		}
		if n != i {
			fs[n] = fs[i]
		}
		n++
	}
	return fs[:n]
}

var typeOrder = map[compare.Type]int{compare.Contradiction: 0, compare.Anachronism: 1, compare.Agreement: 2, Notice: 3}

// Sort orders findings: by type (contradictions, anachronisms,
// agreements), severity, then the primary claim's document and offset,
// rule and message. The order is stable.
func Sort(fs []compare.Finding) {
	var so sorter
	so.sort(fs)
}

// sorter is Sort keeping its keys from one call to the next.
type sorter struct{ keys []sortKey }

func (so *sorter) sort(fs []compare.Finding) {
	if len(fs) < 2 {
		return
	}
	// The keys are computed once per finding, not per comparison, and the
	// sort moves them, not the findings.
	keys := so.keys[:0]
	for i := range fs {
		keys = append(keys, newSortKey(&fs[i], i))
	}
	so.keys = keys
	slices.SortStableFunc(keys, func(a, b sortKey) int {
		if c := cmp.Compare(a.typ, b.typ); c != 0 {
			return c
		}
		if c := cmp.Compare(b.sev, a.sev); c != 0 {
			return c
		}
		if c := comparePrimary(&a, &b); c != 0 {
			return c
		}
		fa, fb := &fs[a.i], &fs[b.i]
		if c := strings.Compare(fa.Rule, fb.Rule); c != 0 {
			return c
		}
		if c := strings.Compare(fa.Message, fb.Message); c != 0 {
			return c
		}
		return strings.Compare(fa.Fingerprint, fb.Fingerprint)
	})
	// Position k takes fs[keys[k].i]: follow each cycle of the permutation
	// with one finding held aside, rather than copying them all twice.
	for k := range keys {
		if keys[k].i == k {
			continue
		}
		held := fs[k]
		j := k
		for {
			next := keys[j].i
			keys[j].i = j
			if next == k {
				fs[j] = held
				break
			}
			fs[j] = fs[next]
			j = next
		}
	}
	clear(keys) // the keys hold the findings' document IDs
}

// sortKey is what Sort compares of a finding at fs[i].
type sortKey struct {
	typ int
	sev compare.Severity
	// The primary claim's document and offset; claim is false when the
	// finding has none.
	doc   string
	start int
	claim bool
	i     int
}

func newSortKey(f *compare.Finding, i int) sortKey {
	k := sortKey{typ: typeOrder[f.Type], sev: f.Severity, i: i}
	if len(f.Claims) > 0 {
		k.doc, k.start, k.claim = f.Claims[0].Doc.ID, f.Claims[0].Span.Start, true
	}
	return k
}

// comparePrimary orders as the strings of primaryKey do, without building
// them in the usual case: an ID with no NUL byte and an offset of ten
// digits at most.
func comparePrimary(a, b *sortKey) int {
	switch {
	case !a.claim || !b.claim:
		return cmp.Compare(boolInt(a.claim), boolInt(b.claim)) // "" first
	case !plainKey(a) || !plainKey(b):
		return strings.Compare(primaryKey(a.doc, a.start), primaryKey(b.doc, b.start))
	case a.doc != b.doc:
		return strings.Compare(a.doc, b.doc)
	default:
		return cmp.Compare(a.start, b.start)
	}
}

// plainKey reports whether comparing a key's document and offset as such
// orders it as its primaryKey string.
func plainKey(k *sortKey) bool {
	return k.start >= 0 && k.start < 1e10 && strings.IndexByte(k.doc, 0) < 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func primaryKey(doc string, start int) string {
	return fmt.Sprintf("%s\x00%010d", doc, start)
}

// dropSubsumed drops an era or weekday contradiction whose claims all
// stand in a contradiction of another kind: "the Biden administration" vs
// "the Trump administration" is one error, not two; so is "Thursday" vs
// "last Wednesday" when the date rule already compared the two dates.
func dropSubsumed(fs []compare.Finding) []compare.Finding {
	if !slices.ContainsFunc(fs, droppable) {
		return fs // most stories: no index to build
	}
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
		if droppable(f) {
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

// droppable reports whether dropSubsumed may drop f: an era or weekday
// contradiction across documents.
func droppable(f compare.Finding) bool {
	return (f.Kind == compare.KindEra || f.Kind == compare.KindWeekday) && f.Type == compare.Contradiction && multiDoc(f)
}

// multiDoc reports whether f's claims come from more than one document.
func multiDoc(f compare.Finding) bool {
	for _, c := range f.Claims[min(1, len(f.Claims)):] {
		if c.Doc.ID != f.Claims[0].Doc.ID {
			return true
		}
	}
	return false
}
