package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/compare/config"
	"github.com/crosscheck/crosscheck/compare/corpus"
	"github.com/crosscheck/crosscheck/compare/extract"
	"github.com/crosscheck/crosscheck/compare/source"
)

type corpusFlags struct {
	inputFlags
	out        string
	workers    int
	disable    []string
	only       []string
	severity   []string
	window     int
	truth      string
	noProgress bool
	quiet      bool
}

func newCorpusCmd(env *cliEnv) *cobra.Command {
	f := &corpusFlags{}
	cmd := &cobra.Command{
		Use:   "corpus [flags] PATH...",
		Short: "Check a corpus: group thousands of articles into stories and check each story",
		Long: `Corpus reads many articles (directories, JSON Lines, gzipped JSON Lines), groups them into
stories — by their "story" field when they have one, otherwise by the similarity of headline and
lede, the names they share and their publication days — checks each story, and writes to --out:

  stories.jsonl   one line per story: its articles and its findings (JSON report contract)
  findings.csv    one row per finding, with its story
  summary.json, summary.csv, summary.md, summary.html (with a chart)
                  per outlet: articles, claims, contradictions and anachronisms per 1,000
                  claims; per rule: findings and stories

The Markdown summary is also printed on standard output (unless --quiet). A progress bar shows
on a terminal. Output is the same for any --workers and any input order.

Exit status: 0 done, 2 a usage or input error (the other articles are still checked).`,
		Example: `  crosscheck corpus --out results/ crawl-2025-04.jsonl.gz
  crosscheck corpus --out /tmp/c --truth truth.json corpus.jsonl.gz`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runCorpus(env, f, args) },
	}
	f.register(cmd)
	fl := cmd.Flags()
	fl.StringVarP(&f.out, "out", "o", "crosscheck-corpus", "directory for the results (created if missing)")
	fl.IntVar(&f.workers, "workers", 0, "workers (default: number of CPUs)")
	fl.StringArrayVar(&f.disable, "disable", nil, "rule to turn off (repeatable)")
	fl.StringArrayVar(&f.only, "rule", nil, "run only this rule (repeatable)")
	fl.StringArrayVar(&f.severity, "severity", nil, "override a rule's severity: RULE=error|warning|info (repeatable)")
	fl.IntVar(&f.window, "window", 3, "largest gap in days between the publication dates of articles of one story")
	fl.StringVar(&f.truth, "truth", "", "ground truth JSON of a generated corpus: print grouping and finding precision and recall")
	fl.BoolVar(&f.noProgress, "no-progress", false, "no progress bar, even on a terminal")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "do not print the summary on standard output")
	return cmd
}

func runCorpus(env *cliEnv, f *corpusFlags, args []string) error {
	asOf, err := f.parseAsOf()
	if err != nil {
		return err
	}
	if f.window < 0 {
		return fmt.Errorf("--window %d: want 0 or more days", f.window)
	}
	var truth *corpus.Truth
	if f.truth != "" {
		if truth, err = readTruth(f.truth); err != nil {
			return err
		}
	}
	rs, sev, err := selectRules(config.Default(), f.only, f.disable, f.severity)
	if err != nil {
		return err
	}
	k, err := f.loadKB()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(f.out, 0o755); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	w, err := newCorpusWriter(f.out)
	if err != nil {
		return err
	}
	defer w.close()

	defer corpus.UseMemorySettings()()
	bar := newCorpusProgress(env.stderr, args, f.noProgress)
	loadErrs := 0
	var errOut []string
	cfg := corpus.Config{
		Check: check.Config{
			Rules: rs, KB: k, Gazetteer: extract.NewGazetteer(k), AsOf: asOf, Now: nowUTC(),
			Severity: sev, Extract: extract.Options{DayFirst: f.dayFirst},
		},
		Source:   source.Options{MaxBytes: f.maxBytes, Stdin: env.stdin, StdinFormat: f.stdinFmt},
		Group:    corpus.GroupOptions{WindowDays: max(f.window, 0)},
		Workers:  f.workers,
		Progress: bar.update,
		OnError: func(e compare.DocError) {
			// Printed after the bar is done, so that lines do not tear it.
			if !source.IsWarning(e) {
				loadErrs++
			}
			errOut = append(errOut, oneLine(e.Error()))
		},
	}
	// Stories are encoded on the workers that check them; emit, in story
	// order on one goroutine, only writes the bytes.
	cfg.Render = func(r *corpus.StoryResult) error {
		rs, err := w.renderStory(r)
		if err != nil {
			return err
		}
		r.Rendered = rs
		return nil
	}
	var score *corpus.Scorer
	if truth != nil {
		score = corpus.NewScorer(truth)
	}
	sum, err := corpus.Run(context.Background(), args, cfg, func(r *corpus.StoryResult) error {
		if score != nil {
			score.Observe(r)
		}
		return w.story(r)
	})
	bar.done()
	printCapped(env.stderr, errOut, 20)
	if err != nil {
		return err
	}
	if err := w.summary(sum); err != nil {
		return err
	}
	if err := w.close(); err != nil {
		return err
	}
	if !f.quiet {
		if err := corpus.WriteSummaryMarkdown(env.stdout, sum); err != nil {
			return err
		}
	}
	rate := func(n float64) float64 { return n / max(sum.Timing.Total.Seconds(), 1e-9) }
	ms := func(d time.Duration) time.Duration { return d.Round(time.Millisecond) }
	fmt.Fprintf(env.stderr, "crosscheck: %d articles, %.1f MB in %s (%.0f articles/s, %.1f MB/s; read and extract %s, group %s, check %s); results in %s\n",
		sum.Articles, float64(sum.Bytes)/1e6, ms(sum.Timing.Total),
		rate(float64(sum.Articles)), rate(float64(sum.Bytes)/1e6),
		ms(sum.Timing.Read), ms(sum.Timing.Group), ms(sum.Timing.Check), f.out)
	if score != nil {
		fmt.Fprintln(env.stdout)
		if err := score.Write(env.stdout); err != nil {
			return err
		}
	}
	if loadErrs > 0 {
		return exitError{ExitError}
	}
	return nil
}

// printCapped prints at most n lines and a count of the rest.
func printCapped(w io.Writer, lines []string, n int) {
	for i, l := range lines {
		if i == n {
			fmt.Fprintf(w, "… and %d more problems\n", len(lines)-n)
			return
		}
		fmt.Fprintln(w, l)
	}
}

func readTruth(p string) (*corpus.Truth, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("--truth: %w", err)
	}
	var t corpus.Truth
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("--truth %s: %w", p, err)
	}
	return &t, nil
}

// corpusWriter writes the result files of a corpus run.
type corpusWriter struct {
	dir      string
	files    []*os.File
	stories  *bufio.Writer
	findings *bufio.Writer
	closed   bool
	// free holds *renderedStory whose bytes are written: the workers
	// render into them again instead of growing new buffers per story
	// (several hundred MB at 100k articles, all garbage).
	free sync.Pool
}

// renderedStory is a story's line of stories.jsonl and rows of
// findings.csv.
type renderedStory struct{ jsonl, csv []byte }

// renderStory encodes a story into free buffers; it runs on the workers,
// concurrently.
func (w *corpusWriter) renderStory(r *corpus.StoryResult) (*renderedStory, error) {
	rs, _ := w.free.Get().(*renderedStory)
	if rs == nil {
		rs = &renderedStory{}
	}
	var err error
	if rs.jsonl, err = corpus.AppendStoryJSONL(rs.jsonl[:0], r); err != nil {
		return nil, err
	}
	if rs.csv, err = corpus.AppendFindingsCSV(rs.csv[:0], r); err != nil {
		return nil, err
	}
	return rs, nil
}

func newCorpusWriter(dir string) (*corpusWriter, error) {
	w := &corpusWriter{dir: dir}
	sf, err := os.Create(filepath.Join(dir, "stories.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("--out: %w", err)
	}
	ff, err := os.Create(filepath.Join(dir, "findings.csv"))
	if err != nil {
		sf.Close()
		return nil, fmt.Errorf("--out: %w", err)
	}
	w.files = []*os.File{sf, ff}
	w.stories = bufio.NewWriterSize(sf, 1<<20)
	w.findings = bufio.NewWriterSize(ff, 1<<20)
	header := csv.NewWriter(w.findings)
	if err := header.Write(corpus.FindingsCSVHeader); err != nil {
		w.close()
		return nil, fmt.Errorf("--out: %w", err)
	}
	header.Flush()
	return w, nil
}

// story writes a story rendered by renderStory, and frees its buffers.
func (w *corpusWriter) story(r *corpus.StoryResult) error {
	rs, ok := r.Rendered.(*renderedStory)
	if !ok || rs == nil {
		var err error
		if rs, err = w.renderStory(r); err != nil {
			return err
		}
	}
	r.Rendered = nil // the buffers are reused: nothing may read them later
	if _, err := w.stories.Write(rs.jsonl); err != nil {
		return err
	}
	if _, err := w.findings.Write(rs.csv); err != nil {
		return err
	}
	w.free.Put(rs)
	return nil
}

func (w *corpusWriter) summary(s *corpus.Summary) error {
	for _, o := range []struct {
		name  string
		write func(io.Writer, *corpus.Summary) error
	}{
		{"summary.json", corpus.WriteSummaryJSON},
		{"summary.csv", corpus.WriteSummaryCSV},
		{"summary.md", corpus.WriteSummaryMarkdown},
		{"summary.html", corpus.WriteSummaryHTML},
	} {
		p := filepath.Join(w.dir, o.name)
		fh, err := os.Create(p)
		if err != nil {
			return fmt.Errorf("--out: %w", err)
		}
		if err := o.write(fh, s); err != nil {
			fh.Close()
			return fmt.Errorf("writing %s: %w", p, err)
		}
		if err := fh.Close(); err != nil {
			return fmt.Errorf("writing %s: %w", p, err)
		}
	}
	return nil
}

// close flushes and closes the streamed files; later calls do nothing.
func (w *corpusWriter) close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	var errs []error
	if w.stories != nil {
		errs = append(errs, w.stories.Flush())
	}
	if w.findings != nil {
		errs = append(errs, w.findings.Flush())
	}
	for _, f := range w.files {
		errs = append(errs, f.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("writing results: %w", err)
	}
	return nil
}

// corpusProgress is a progress bar on a terminal (articles/s, MB/s, ETA
// by bytes of input), and nothing otherwise.
type corpusProgress struct {
	p     *mpb.Progress
	bar   *mpb.Bar
	total int64
	start time.Time
	n     atomic.Int64 // articles read; the bar's goroutine reads it
}

func newCorpusProgress(w io.Writer, paths []string, off bool) *corpusProgress {
	cp := &corpusProgress{start: time.Now()}
	fh, ok := w.(*os.File)
	if off || !ok || !term.IsTerminal(int(fh.Fd())) || os.Getenv("TERM") == "dumb" {
		return cp
	}
	cp.total = inputBytes(paths)
	cp.p = mpb.New(mpb.WithOutput(w), mpb.WithWidth(32), mpb.WithRefreshRate(200*time.Millisecond))
	cp.bar = cp.p.AddBar(max(cp.total, 1),
		mpb.PrependDecorators(decor.Name("reading "), decor.Any(func(decor.Statistics) string {
			return fmt.Sprintf("%d articles", cp.n.Load())
		}, decor.WCSyncSpaceR)),
		mpb.AppendDecorators(
			decor.Any(func(s decor.Statistics) string {
				el := time.Since(cp.start).Seconds()
				return fmt.Sprintf("%.0f art/s %.1f MB/s", float64(cp.n.Load())/max(el, 1e-3), float64(s.Current)/1e6/max(el, 1e-3))
			}, decor.WCSyncSpace),
			decor.Name(" ETA "), decor.AverageETA(decor.ET_STYLE_GO),
		),
	)
	return cp
}

// update is corpus.Config.Progress: called from one goroutine.
func (cp *corpusProgress) update(articles int, bytes int64) {
	cp.n.Store(int64(articles))
	if cp.bar != nil {
		// Gzipped input grows past its file size: keep the bar below full
		// until the end.
		cp.bar.SetCurrent(min(bytes, max(cp.total-1, 0)))
	}
}

func (cp *corpusProgress) done() {
	if cp.bar == nil {
		return
	}
	cp.bar.SetTotal(-1, true)
	cp.p.Wait()
}

// inputBytes sums the sizes of the input files, for the ETA.
func inputBytes(paths []string) int64 {
	var n int64
	for _, p := range paths {
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				size := info.Size()
				if strings.HasSuffix(strings.ToLower(path), ".gz") {
					size *= 4 // news text compresses about fourfold
				}
				n += size
			}
			return nil
		})
	}
	return n
}
