package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/compare/config"
	"github.com/crosscheck/crosscheck/compare/extract"
	"github.com/crosscheck/crosscheck/compare/kb"
	"github.com/crosscheck/crosscheck/compare/source"
	"github.com/crosscheck/crosscheck/reports"
	"github.com/crosscheck/crosscheck/rules"
)

// inputFlags are the flags every command that reads articles shares.
type inputFlags struct {
	asOf     string
	kbFiles  []string
	maxBytes int64
	dayFirst bool
	stdinFmt string
}

func (f *inputFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.asOf, "as-of", "", "reference date YYYY-MM-DD for every document (default: each document's publication date)")
	fl.StringArrayVar(&f.kbFiles, "kb", nil, "extra knowledge-base YAML file (repeatable); adds or overrides facts")
	fl.Int64Var(&f.maxBytes, "max-bytes", source.DefaultMaxBytes, "largest input file to read, in bytes")
	fl.BoolVar(&f.dayFirst, "day-first", false, "read numeric dates like 12/04/2025 day-first")
	fl.StringVar(&f.stdinFmt, "stdin-format", "", "format of - (standard input): txt, md, html or jsonl (default: sniffed)")
}

// parseAsOf parses --as-of; empty means none.
func (f *inputFlags) parseAsOf() (*time.Time, error) {
	if f.asOf == "" {
		return nil, nil
	}
	t, err := time.Parse("2006-01-02", f.asOf)
	if err != nil {
		return nil, fmt.Errorf("--as-of %q: want a date like 2025-04-12", f.asOf)
	}
	return &t, nil
}

// loadKB loads the embedded knowledge base and the --kb files.
func (f *inputFlags) loadKB() (*kb.KB, error) { return f.loadKBWith(config.Default()) }

func loadEmbeddedKB() (*kb.KB, error) {
	k, err := kb.Embedded()
	if err != nil {
		return nil, fmt.Errorf("loading the embedded knowledge base: %w", err)
	}
	return k, nil
}

// load reads the articles; load errors are returned for the report.
func (f *inputFlags) load(env *cliEnv, paths []string) ([]*compare.Document, []compare.DocError) {
	return source.Load(paths, source.Options{MaxBytes: f.maxBytes, Stdin: env.stdin, StdinFormat: f.stdinFmt})
}

type checkFlags struct {
	inputFlags
	configFlags
	showSuppressed bool
	baseline       string
	writeBaseline  string
	newFromRev     string
	formats        []string
	failOn         string
	max            []string
	noColor        bool
	disable        []string
	only           []string
	workers        int
	severity       []string
}

func newCheckCmd(env *cliEnv) *cobra.Command {
	f := &checkFlags{}
	cmd := &cobra.Command{
		Use:   "check [flags] PATH...",
		Short: "Check articles about one story against each other and the knowledge base",
		Long: `Check reads the articles (files, directories, - for standard input) as one story and
reports agreements, contradictions and anachronisms.

Exit status: 0 no finding at or above --fail-on, 1 findings at or above it (or over a --max
limit), 2 a usage or input error (the other files are still checked and reported).

Settings come from .crosscheck.yaml (see crosscheck config, crosscheck init and
docs/configuration.md); findings can be suppressed inline, by a --baseline, or limited
to lines changed since a git revision with --new-from-rev.`,
		Example: `  crosscheck check --as-of 2025-04-12 testdata/seeds/
  crosscheck check --format table --format sarif=out.sarif --format html=report.html drafts/*.md`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(env, f, args, cmd.Flags().Changed("fail-on"))
		},
	}
	f.inputFlags.register(cmd)
	f.configFlags.register(cmd)
	fl := cmd.Flags()
	fl.BoolVar(&f.showSuppressed, "show-suppressed", false, "also print suppressed findings (inline, config, baseline, --new-from-rev), marked with why")
	fl.StringVar(&f.baseline, "baseline", "", "JSON baseline file: findings it holds are suppressed (matched by fingerprint, not line)")
	fl.StringVar(&f.writeBaseline, "write-baseline", "", "write the reported findings to this baseline file and exit 0")
	fl.StringVar(&f.newFromRev, "new-from-rev", "", "report only findings with a claim on a line changed since this git revision")
	fl.StringArrayVarP(&f.formats, "format", "f", []string{"table"}, "output format, or FORMAT=FILE to write a file (repeatable): "+strings.Join(reports.Names(), ", "))
	fl.StringVar(&f.failOn, "fail-on", "error", "exit 1 when a finding has this severity or higher: error, warning, info, none")
	fl.StringArrayVar(&f.max, "max", nil, "exit 1 when more than N findings of a type: TYPE=N (repeatable), e.g. anachronism=0")
	fl.BoolVar(&f.noColor, "no-color", false, "no colour in the table (also NO_COLOR)")
	fl.StringArrayVar(&f.disable, "disable", nil, "rule to turn off (repeatable)")
	fl.StringArrayVar(&f.only, "rule", nil, "run only this rule (repeatable)")
	fl.StringArrayVar(&f.severity, "severity", nil, "override a rule's severity: RULE=error|warning|info (repeatable)")
	fl.IntVar(&f.workers, "workers", 0, "extraction workers (default: number of CPUs)")
	return cmd
}

// output is one --format: a printer and where it writes.
type output struct {
	name, path string
	print      reports.Printer
}

func parseFormats(specs []string) ([]output, error) {
	var outs []output
	for _, s := range specs {
		name, path, _ := strings.Cut(s, "=")
		p, err := reports.Get(name)
		if err != nil {
			return nil, fmt.Errorf("--format: %w", err)
		}
		outs = append(outs, output{name: name, path: path, print: p})
	}
	return outs, nil
}

// policy is the exit policy: a severity threshold and per-type limits.
type policy struct {
	failOn compare.Severity
	max    map[compare.Type]int
}

func parsePolicy(failOn string, max []string) (policy, error) {
	p := policy{max: map[compare.Type]int{}}
	s, ok := compare.ParseSeverity(failOn)
	if !ok {
		return p, fmt.Errorf("--fail-on %q: want error, warning, info or none", failOn)
	}
	p.failOn = s
	for _, m := range max {
		t, n, ok := strings.Cut(m, "=")
		v, err := strconv.Atoi(n)
		typ := compare.Type(t)
		if !ok || err != nil || v < 0 || (typ != compare.Contradiction && typ != compare.Anachronism && typ != compare.Agreement) {
			return p, fmt.Errorf("--max %q: want TYPE=N with TYPE contradiction, anachronism or agreement", m)
		}
		p.max[typ] = v
	}
	return p, nil
}

// exitCode applies the policy to a report; suppressed findings (shown
// with --show-suppressed) do not count.
func (p policy) exitCode(r *compare.Report) int {
	active := check.Active(r.Findings)
	counts := map[compare.Type]int{}
	for _, f := range active {
		counts[f.Type]++
	}
	for t, limit := range p.max {
		if counts[t] > limit {
			return ExitFindings
		}
	}
	if p.failOn == compare.SeverityNone {
		return ExitOK
	}
	for _, f := range active {
		if f.Severity >= p.failOn {
			return ExitFindings
		}
	}
	return ExitOK
}

// selectRules applies the config, then --rule, --disable and --severity:
// a rule the config turns off runs only when --rule names it; flags
// override the config's severities.
func selectRules(cfg *config.Config, only, disable, severity []string) ([]*compare.Rule, map[string]compare.Severity, error) {
	all := rules.All()
	for _, p := range cfg.Patterns {
		r := p.Rule()
		if err := r.Validate(); err != nil {
			return nil, nil, fmt.Errorf("config pattern at %s: %w", p.At, err)
		}
		all = append(all, r)
	}
	known := func(name string) bool {
		for _, r := range all {
			if r.Name == name {
				return true
			}
		}
		return false
	}
	for _, n := range append(append([]string{}, only...), disable...) {
		if !known(n) {
			return nil, nil, fmt.Errorf("unknown rule %q (see `crosscheck rules`)", n)
		}
	}
	var out []*compare.Rule
	for _, r := range all {
		if len(only) > 0 && !contains(only, r.Name) {
			continue
		}
		if len(only) == 0 && !cfg.Enabled(r.Name) {
			continue
		}
		if contains(disable, r.Name) {
			continue
		}
		out = append(out, r)
	}
	sev := cfg.Severities()
	for _, s := range severity {
		name, level, ok := strings.Cut(s, "=")
		lv, ok2 := compare.ParseSeverity(level)
		if !ok || !ok2 || lv == compare.SeverityNone || !known(name) {
			return nil, nil, fmt.Errorf("--severity %q: want RULE=error|warning|info with a known rule", s)
		}
		sev[name] = lv
	}
	return out, sev, nil
}

func ruleNames(rs []*compare.Rule) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.Name)
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func runCheck(env *cliEnv, f *checkFlags, args []string, failOnSet bool) error {
	asOf, err := f.parseAsOf()
	if err != nil {
		return err
	}
	outs, err := parseFormats(f.formats)
	if err != nil {
		return err
	}
	cfg, err := f.loadConfig()
	if err != nil {
		return err
	}
	failOn := f.failOn
	if !failOnSet && cfg.FailOn != "" {
		failOn = cfg.FailOn
	}
	pol, err := parsePolicy(failOn, f.max)
	if err != nil {
		return err
	}
	rs, sev, err := selectRules(cfg, f.only, f.disable, f.severity)
	if err != nil {
		return err
	}
	var base *check.Baseline
	if f.baseline != "" {
		if base, err = readBaseline(f.baseline); err != nil {
			return err
		}
	}
	k, err := f.loadKBWith(cfg)
	if err != nil {
		return err
	}
	var changed check.ChangedLines
	if f.newFromRev != "" {
		if changed, err = gitChanged(f.newFromRev, args); err != nil {
			return err
		}
	}
	docs, loadErrs := f.load(env, args)
	failed := printLoadErrors(env.stderr, loadErrs)

	// Post-processing: config overrides and tolerances, inline
	// suppressions, the baseline, --new-from-rev; the findings they
	// suppress are dropped last unless --show-suppressed.
	post := []func([]compare.Finding) []compare.Finding{
		cfg.OverrideStep(cfg.RelPath),
		cfg.ToleranceStep(),
		check.Suppression{Docs: docs, Now: nowUTC(), Ran: ruleNames(rs), Warn: func(l string) { fmt.Fprintln(env.stderr, l) }}.Step(),
	}
	if base != nil {
		post = append(post, base.Step())
	}
	if changed != nil {
		post = append(post, check.OnlyChanged(changed, f.newFromRev, canonicalPath))
	}
	var beforeDrop []compare.Finding
	post = append(post, func(fs []compare.Finding) []compare.Finding {
		beforeDrop = append([]compare.Finding(nil), fs...)
		return fs
	}, check.Drop(f.showSuppressed))
	var extra []func(*extract.Env) []compare.Claim
	for _, p := range cfg.Patterns {
		extra = append(extra, p.Extract)
	}

	rep, err := check.Run(context.Background(), docs, check.Config{
		Rules:    rs,
		KB:       k,
		AsOf:     asOf,
		Severity: sev,
		Post:     post,
		Extra:    extra,
		Extract:  extract.Options{DayFirst: f.dayFirst},
		Workers:  f.workers,
	})
	if err != nil {
		return err
	}
	rep.Errors = loadErrs
	opt := reports.Options{Color: useColor(env.stdout, f.noColor), Width: termWidth(env.stdout), ToolVersion: version}
	for _, o := range outs {
		if err := writeOutput(env, o, rep, opt); err != nil {
			return err
		}
	}
	if failed {
		return exitError{ExitError} // and no baseline from a partial run
	}
	if f.writeBaseline != "" {
		return writeBaseline(env, f.writeBaseline, beforeDrop)
	}
	if code := pol.exitCode(rep); code != ExitOK {
		return exitError{code}
	}
	return nil
}

// loadKBWith loads the embedded kb, then the config's kb files and
// inline entries, then --kb files: later ones add or override facts.
func (f *inputFlags) loadKBWith(cfg *config.Config) (*kb.KB, error) {
	k, err := loadEmbeddedKB()
	if err != nil {
		return nil, err
	}
	for _, p := range cfg.KBFiles {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("config kb.files: %w", err)
		}
		if err := k.Add(p, data); err != nil {
			return nil, err
		}
	}
	for _, in := range cfg.KBInline {
		if err := k.Add(in.Name, in.Data); err != nil {
			return nil, err
		}
	}
	for _, p := range f.kbFiles {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("--kb: %w", err)
		}
		if err := k.Add(p, data); err != nil {
			return nil, err
		}
	}
	return k, nil
}

func readBaseline(p string) (*check.Baseline, error) {
	fh, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("--baseline: %w", err)
	}
	defer fh.Close()
	return check.ReadBaseline(p, fh)
}

// writeBaseline records the findings that are reported now, and those the
// old baseline (if any) suppressed, so that rewriting keeps them.
func writeBaseline(env *cliEnv, p string, fs []compare.Finding) error {
	var keep []compare.Finding
	for _, f := range fs {
		if f.Suppressed == "baseline" {
			f.Suppressed = ""
		}
		keep = append(keep, f)
	}
	b := check.NewBaseline(keep)
	fh, err := os.Create(p)
	if err != nil {
		return fmt.Errorf("--write-baseline: %w", err)
	}
	if err := b.Write(fh); err != nil {
		fh.Close()
		return err
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("--write-baseline: %w", err)
	}
	fmt.Fprintf(env.stderr, "wrote %d finding(s) to baseline %s\n", len(b.Findings), p)
	return nil
}

// printLoadErrors prints one line per document error and reports whether
// any was an error rather than a warning.
func printLoadErrors(w io.Writer, errs []compare.DocError) bool {
	failed := false
	for _, e := range errs {
		fmt.Fprintln(w, oneLine(e.Error()))
		if !source.IsWarning(e) {
			failed = true
		}
	}
	return failed
}

func writeOutput(env *cliEnv, o output, rep *compare.Report, opt reports.Options) error {
	if o.path == "" || o.path == "-" {
		return o.print(env.stdout, rep, opt)
	}
	fh, err := os.Create(o.path)
	if err != nil {
		return fmt.Errorf("--format %s: %w", o.name, err)
	}
	opt.Color = false
	if err := o.print(fh, rep, opt); err != nil {
		fh.Close()
		return fmt.Errorf("writing %s: %w", o.path, err)
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", o.path, err)
	}
	return nil
}

// useColor is true on a terminal unless NO_COLOR, TERM=dumb or --no-color.
func useColor(w io.Writer, noColor bool) bool {
	if noColor || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	fh, ok := w.(*os.File)
	return ok && term.IsTerminal(int(fh.Fd()))
}

func termWidth(w io.Writer) int {
	if fh, ok := w.(*os.File); ok {
		if wd, _, err := term.GetSize(int(fh.Fd())); err == nil && wd > 40 {
			return wd
		}
	}
	return 0
}

func newRulesCmd(env *cliEnv) *cobra.Command {
	var markdown bool
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules with their titles (--markdown: the full docs)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			rs := rules.All()
			sort.Slice(rs, func(i, j int) bool { return rs[i].Name < rs[j].Name })
			if markdown {
				fmt.Fprint(env.stdout, rulesMarkdown(rs))
				return nil
			}
			width := 0
			for _, r := range rs {
				width = max(width, len(r.Name))
			}
			for _, r := range rs {
				fmt.Fprintf(env.stdout, "%-*s  %-13s %-8s %s\n", width, r.Name, r.Type, r.Severity, r.Title())
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&markdown, "markdown", false, "print the rule docs as Markdown (docs/rules.md)")
	return cmd
}

// rulesMarkdown renders the rule docs; docs/rules.md is generated from it.
func rulesMarkdown(rs []*compare.Rule) string {
	var b strings.Builder
	b.WriteString("# Rules\n\nGenerated by `crosscheck rules --markdown`; do not edit.\n\n")
	b.WriteString("| rule | type | kind | severity | title |\n|---|---|---|---|---|\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s | %s |\n", r.Name, r.Name, r.Type, r.Kind, r.Severity, r.Title())
	}
	for _, r := range rs {
		_, body, _ := strings.Cut(r.Doc, "\n")
		fmt.Fprintf(&b, "\n## %s\n\n**%s** — %s, %s, default severity %s.\n\n%s\n", r.Name, r.Title(), r.Type, r.Kind, r.Severity, strings.TrimSpace(body))
	}
	return b.String()
}

// gitChanged asks git which lines of the inputs changed since rev: the
// diff of the working tree against rev, and untracked files as wholly
// new. It runs git locally only; no network.
func gitChanged(rev string, paths []string) (check.ChangedLines, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("--new-from-rev %q: not a revision", rev)
	}
	top, err := gitOutput("rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: not in a git repository: %w", err)
	}
	root := canonicalPath(strings.TrimSpace(string(top)))
	if _, err := gitOutput("rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--new-from-rev %q: unknown revision", rev)
	}
	var files []string
	for _, p := range paths {
		if p != "-" {
			files = append(files, p)
		}
	}
	diff, err := gitOutput(append([]string{"diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames", rev, "--"}, files...)...)
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: git diff: %w", err)
	}
	changed, err := check.ParseUnifiedDiff(bytes.NewReader(diff), root)
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: %w", err)
	}
	untracked, err := gitOutput(append([]string{"ls-files", "--others", "--exclude-standard", "-z", "--full-name", "--"}, files...)...)
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: git ls-files: %w", err)
	}
	for _, name := range strings.Split(string(untracked), "\x00") {
		if name != "" {
			changed[filepath.Join(root, filepath.FromSlash(name))] = nil
		}
	}
	return changed, nil
}

func gitOutput(args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := oneLine(stderr.String()); msg != "" {
			return nil, fmt.Errorf("%w: %s", err, msg)
		}
		return nil, err
	}
	return out, nil
}

// canonicalPath is an absolute path with symbolic links resolved, so that
// git's paths and the command line's meet.
func canonicalPath(p string) string {
	p, _, _ = strings.Cut(p, "#") // JSONL records: path#line
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}
