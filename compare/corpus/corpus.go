// Package corpus checks a corpus: thousands of articles from many outlets,
// grouped into stories and checked story by story, in two passes with
// bounded memory.
//
// Pass 1 streams the articles (source.WalkDeferred) through a bounded pool of
// workers; each worker computes an article's grouping Features and its
// claims (extract), then drops the article's text, keeping only metadata,
// the claims (which carry their own text) and the file positions of their
// spans. Pass 2 groups the articles into stories (Group) and runs the
// rules over each story on the pool (check.RunRules, check.Finish),
// emitting the stories in a fixed order. The per-article and per-story
// steps are pure functions of serialisable values — the seam a
// distributed runner (docs/scaling.md) would cut along.
package corpus

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/align"
	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/compare/extract"
	"github.com/crosscheck/crosscheck/compare/source"
)

// Config is what a corpus run needs besides the paths.
type Config struct {
	// Check carries the rules, kb, gazetteer (built once when nil), --as-of,
	// run date, severity overrides, post-processing and extract options.
	// Its Workers and Progress are not used: see Workers and Progress.
	Check  check.Config
	Source source.Options
	Group  GroupOptions
	// Workers is the size of the pool in both passes (0 = GOMAXPROCS).
	Workers int
	// Progress, when set, is called from one goroutine after each article
	// of pass 1 with the running totals.
	Progress func(articles int, bytes int64)
	// OnError receives each load problem as it happens (may be nil); the
	// summary keeps them too.
	OnError func(compare.DocError)
	// Render, when set, is called on the pass-2 worker that checked a
	// story, concurrently and in any order, before the story is emitted
	// in order on one goroutine: the place for work on a result that
	// need not be serial, such as encoding it (into Rendered). An error
	// stops the run as a story's error does.
	Render func(*StoryResult) error
}

// StoryResult is one checked story.
type StoryResult struct {
	Story Story
	// Report holds the story's documents (metadata only: their text is
	// dropped after extraction), eras and findings.
	Report *compare.Report
	// Claims counts the claims extracted from the story's articles, by
	// document ID.
	Claims map[string]int
	// Rendered is what Config.Render made of the story, for emit; corpus
	// never reads it.
	Rendered any
}

// Article is what pass 1 keeps of one document.
type Article struct {
	// Doc is the document's metadata; its text is dropped once the
	// claims are extracted (see Prepare).
	Doc      *compare.Document
	Features Features
	// Packed are the article's claims (PackClaims): one pointer-free
	// block, which the collector does not scan while the corpus waits
	// for pass 2; NClaims counts them. It is a string, so that the
	// unpacked claims take their strings from it without a copy.
	Packed  string
	NClaims int
	Bytes   int // size of the text as loaded
	// Deferred: undated, with no --as-of. Its reference time is its
	// story's, known only after grouping, so extraction waits for pass 2
	// and the text is kept until then.
	Deferred bool
	// dict is the run's dictionary that Packed refers to; nil when the
	// block is self-contained (Prepare).
	dict *stringDict
}

// Run checks a corpus and calls emit once per story, in the order of
// Group (by first member ID) whatever the worker count or input order,
// from a single goroutine. It returns the corpus summary; an error from
// emit or the context stops the run.
func Run(ctx context.Context, paths []string, cfg Config, emit func(*StoryResult) error) (*Summary, error) {
	if cfg.Check.Now.IsZero() {
		cfg.Check.Now = time.Now().UTC()
	}
	if cfg.Check.Gazetteer == nil {
		cfg.Check.Gazetteer = extract.NewGazetteer(cfg.Check.KB)
	}
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	sum := newSummary()
	start := time.Now()
	arts, err := pass1(ctx, paths, cfg, workers, sum)
	if err != nil {
		return nil, err
	}
	sum.Timing.Read = time.Since(start)

	t := time.Now()
	ids := make([]string, len(arts))
	feats := make([]Features, len(arts))
	for i, a := range arts {
		ids[i], feats[i] = a.Doc.ID, a.Features
		arts[i].Features = Features{} // Group holds them now
	}
	gopt := cfg.Group
	if gopt.Workers <= 0 {
		gopt.Workers = workers
	}
	stories := Group(ids, feats, gopt)
	feats = nil
	sum.Timing.Group = time.Since(t)

	t = time.Now()
	if err := pass2(ctx, arts, stories, cfg, workers, sum, emit); err != nil {
		return nil, err
	}
	sum.Timing.Check = time.Since(t)
	sum.Timing.Total = time.Since(start)
	sum.finish()
	return sum, nil
}

// pass1 streams, extracts and compacts every article; the result is
// sorted by document ID.
func pass1(ctx context.Context, paths []string, cfg Config, workers int, sum *Summary) ([]Article, error) {
	kinds := check.NeededKinds(cfg.Check.Rules)
	// The reader only reads and decodes records (keeping IDs and errors
	// in input order); the workers finish loading them. Articles travel
	// in batches: a channel operation and a goroutine switch per article
	// cost more than reading a short one.
	jobs := make(chan []*source.Pending, workers)
	results := make(chan []Article, workers)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var readErr error
	var errMu sync.Mutex
	go func() {
		defer close(jobs)
		batch := make([]*source.Pending, 0, pass1Batch)
		send := func() error {
			if len(batch) == 0 {
				return nil
			}
			select {
			case jobs <- batch:
				batch = make([]*source.Pending, 0, pass1Batch)
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		readErr = source.WalkDeferred(paths, cfg.Source, func(p *source.Pending) error {
			batch = append(batch, p)
			if len(batch) < pass1Batch {
				return nil
			}
			return send()
		}, func(e compare.DocError) {
			errMu.Lock()
			sum.Errors = append(sum.Errors, e)
			errMu.Unlock()
			if cfg.OnError != nil {
				cfg.OnError(e)
			}
		})
		if readErr == nil {
			readErr = send()
		}
	}()
	dict := newStringDict()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := scratch{pack: Packer{p: packer{dict: dict}}}
			for ps := range jobs {
				out := make([]Article, len(ps))
				for i, p := range ps {
					out[i] = sc.prepare(p.Document(), cfg.Check, kinds)
				}
				results <- out
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var arts []Article
	var bytes int64
	for out := range results {
		for _, a := range out {
			arts = append(arts, a)
			bytes += int64(a.Bytes)
			if cfg.Progress != nil {
				cfg.Progress(len(arts), bytes)
			}
		}
	}
	if readErr != nil {
		return nil, fmt.Errorf("reading the corpus: %w", readErr)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("reading the corpus: %w", err)
	}
	sort.Slice(arts, func(i, j int) bool { return arts[i].Doc.ID < arts[j].Doc.ID })
	sum.Bytes = bytes
	return arts, nil
}

// pass1Batch is how many articles travel together from the reader to a
// worker and back.
const pass1Batch = 32

// Prepare is pass 1 for one article: its features and, when its reference
// time is known (--as-of or a publication date), its claims; then its
// text is dropped unless a rule still needs it. It is a pure function of
// the document and the configuration.
func Prepare(d *compare.Document, cfg check.Config, kinds []compare.Kind) Article {
	var sc scratch
	return sc.prepare(d, cfg, kinds)
}

// scratch is a pass-1 worker's buffers, reused from article to article:
// the extraction scratch and the claims, which are packed before the next
// article and so need no copy.
type scratch struct {
	ex     extract.Scratch
	claims []compare.Claim
	pack   Packer
}

// maxKeptClaims bounds the claims buffer a pass-1 worker keeps.
const maxKeptClaims = 4096

// prepare is Prepare on the worker's buffers.
func (sc *scratch) prepare(d *compare.Document, cfg check.Config, kinds []compare.Kind) Article {
	a := Article{Doc: d, Bytes: len(d.Text)}
	if cfg.AsOf == nil && d.Published == nil {
		a.Features = FeaturesOf(d, cfg.Gazetteer)
		a.Deferred = true
		return a
	}
	check.SetReferences([]*compare.Document{d}, cfg.AsOf, cfg.Now)
	env := sc.ex.NewEnv(d, cfg.KB, cfg.Gazetteer, cfg.Extract)
	a.Features = featuresOfEnv(env)
	claims := check.AppendClaimsOf(sc.claims[:0], env, kinds, cfg.Extra)
	a.NClaims = len(claims)
	compact(d, claims)
	a.Packed, a.dict = sc.pack.packString(claims), sc.pack.p.dict
	// Cleared, so that the buffer does not keep the article alive; one
	// page with claims by the thousand does not leave its buffer behind.
	clear(claims)
	sc.claims = claims[:0]
	if cap(claims) > maxKeptClaims {
		sc.claims = nil
	}
	return a
}

// pass2 checks the stories on the pool and emits them in order. Stories
// travel in batches of about pass1Batch articles (a channel operation
// per small story costs more than checking it); at most a window of
// batches is in flight, so a slow story cannot make the finished ones
// behind it pile up.
func pass2(ctx context.Context, arts []Article, stories []Story, cfg Config, workers int, sum *Summary, emit func(*StoryResult) error) error {
	kinds := check.NeededKinds(cfg.Check.Rules)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type batch struct{ i, lo, hi int }
	type done struct {
		i   int
		res []*StoryResult
		err error
	}
	window := workers * 4
	slots := make(chan struct{}, window)
	jobs := make(chan batch)
	out := make(chan done, window)
	go func() {
		defer close(jobs)
		for i, lo := 0, 0; lo < len(stories); i++ {
			hi, n := lo, 0
			for hi < len(stories) && (hi == lo || n+len(stories[hi].Members) <= pass1Batch) {
				n += len(stories[hi].Members)
				hi++
			}
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- batch{i, lo, hi}:
			case <-ctx.Done():
				return
			}
			lo = hi
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sc storyScratch
			var members []*Article
			for b := range jobs {
				d := done{i: b.i, res: make([]*StoryResult, 0, b.hi-b.lo)}
				for i := b.lo; i < b.hi && d.err == nil; i++ {
					members = members[:0]
					for _, m := range stories[i].Members {
						members = append(members, &arts[m])
					}
					res, err := sc.checkStory(ctx, stories[i], members, cfg.Check, kinds)
					if err == nil && cfg.Render != nil {
						if err = cfg.Render(res); err != nil {
							err = fmt.Errorf("story %s: %w", stories[i].ID, err)
						}
					}
					d.res, d.err = append(d.res, res), err
				}
				out <- d
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	pending := map[int][]*StoryResult{}
	next, emitted := 0, 0
	var firstErr error
	for d := range out {
		if d.err != nil && firstErr == nil {
			firstErr = d.err
			cancel()
		}
		if firstErr != nil {
			continue
		}
		pending[d.i] = d.res
		for firstErr == nil {
			rs, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			for _, r := range rs {
				sum.add(r)
				if err := emit(r); err != nil {
					firstErr = fmt.Errorf("writing story %s: %w", r.Story.ID, err)
					cancel()
					break
				}
				emitted++
			}
		}
	}
	if firstErr != nil {
		return firstErr
	}
	if err := ctx.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	if emitted != len(stories) {
		return fmt.Errorf("checking stories: %w", context.Canceled)
	}
	return nil
}

// CheckStory is pass 2 for one story: reference times (for undated
// articles, the story's), the deferred extractions, eras, rules and
// post-processing, over the story's articles (sorted by ID) only. It
// unpacks the articles' claims and drops the packed blocks.
func CheckStory(ctx context.Context, st Story, members []*Article, cfg check.Config, kinds []compare.Kind) (*StoryResult, error) {
	var sc storyScratch
	return sc.checkStory(ctx, st, members, cfg, kinds)
}

// storyScratch is a pass-2 worker's buffers, reused from story to story:
// the story's claims, the unpacker's string table, check's buffers. A
// StoryResult holds none of them (its findings are copies, their claims'
// strings, times and evidence come from the blocks and from chunks the
// unpacker never reuses), so it outlives the next story.
type storyScratch struct {
	claims []compare.Claim
	u      unpacker
	check  check.Scratch
	post   []func([]compare.Finding) []compare.Finding
	// ran are the names of the rules of ranFor, made once per worker.
	ran    []string
	ranFor []*compare.Rule
}

// checkStory is CheckStory on the worker's buffers.
func (sc *storyScratch) checkStory(ctx context.Context, st Story, members []*Article, cfg check.Config, kinds []compare.Kind) (*StoryResult, error) {
	docs := make([]*compare.Document, len(members))
	deferred := false
	for k, a := range members {
		docs[k] = a.Doc
		deferred = deferred || a.Deferred
	}
	if deferred {
		check.SetReferences(docs, cfg.AsOf, cfg.Now)
	}
	res := &StoryResult{Story: st, Claims: make(map[string]int, len(members))}
	total := 0
	for _, a := range members {
		total += a.NClaims
	}
	defer sc.release()
	claims := slices.Grow(sc.claims[:0], total)
	for _, a := range members {
		if a.Deferred {
			// Extracted only now: the claims go straight to the story.
			cs := check.ClaimsOf(extract.NewEnv(a.Doc, cfg.KB, cfg.Gazetteer, cfg.Extract), kinds, cfg.Extra)
			compact(a.Doc, cs)
			a.NClaims, a.Deferred = len(cs), false
			res.Claims[a.Doc.ID] = a.NClaims
			claims = append(claims, cs...)
			continue
		}
		res.Claims[a.Doc.ID] = a.NClaims
		var err error
		claims, err = sc.u.appendClaims(claims, a.Packed, a.dict, a.Doc)
		sc.claims = claims // released even on error
		if err != nil {
			return nil, fmt.Errorf("story %s, article %s: %w", st.ID, a.Doc.ID, err)
		}
		a.Packed = ""
	}
	sc.claims = claims
	rep := &compare.Report{AsOf: cfg.AsOf, Documents: docs, Rules: cfg.Rules}
	rep.Eras = align.Eras(docs, claims)
	findings, err := sc.check.RunRules(ctx, docs, claims, cfg)
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", st.ID, err)
	}
	sc.post = append(sc.post[:0],
		check.Suppression{Docs: docs, Now: cfg.Now, Ran: sc.ruleNames(cfg.Rules)}.Step(),
		check.Drop(false),
	)
	cfg.Post = append(sc.post, cfg.Post...)
	rep.Findings = sc.check.Finish(findings, cfg)
	res.Report = rep
	return res, nil
}

// maxKeptStoryClaims bounds the claims buffer a pass-2 worker keeps.
const maxKeptStoryClaims = 1 << 14

// release lets the buffers go of what the story holds, so that they do
// not keep it alive.
func (sc *storyScratch) release() {
	clear(sc.claims)
	sc.claims = sc.claims[:0]
	if cap(sc.claims) > maxKeptStoryClaims {
		sc.claims = nil
	}
	clear(sc.post)
	sc.post = sc.post[:0]
	sc.u.release()
}

// ruleNames returns the names of the rules, made once for a worker's
// list of rules.
func (sc *storyScratch) ruleNames(rs []*compare.Rule) []string {
	if sc.ran == nil || !slices.Equal(sc.ranFor, rs) {
		sc.ran, sc.ranFor = ruleNames(rs), slices.Clone(rs)
	}
	return sc.ran
}

func ruleNames(rs []*compare.Rule) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name
	}
	return out
}
