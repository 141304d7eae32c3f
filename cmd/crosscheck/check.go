package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/check"
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
func (f *inputFlags) loadKB() (*kb.KB, error) {
	k, err := loadEmbeddedKB()
	if err != nil {
		return nil, err
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
	formats  []string
	failOn   string
	max      []string
	noColor  bool
	disable  []string
	only     []string
	workers  int
	severity []string
}

func newCheckCmd(env *cliEnv) *cobra.Command {
	f := &checkFlags{}
	cmd := &cobra.Command{
		Use:   "check [flags] PATH...",
		Short: "Check articles about one story against each other and the knowledge base",
		Long: `Check reads the articles (files, directories, - for standard input) as one story and
reports agreements, contradictions and anachronisms.

Exit status: 0 no finding at or above --fail-on, 1 findings at or above it (or over a --max
limit), 2 a usage or input error (the other files are still checked and reported).`,
		Example: `  crosscheck check --as-of 2025-04-12 testdata/seeds/
  crosscheck check --format table --format sarif=out.sarif --format html=report.html drafts/*.md`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runCheck(env, f, args) },
	}
	f.register(cmd)
	fl := cmd.Flags()
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

// exitCode applies the policy to a report.
func (p policy) exitCode(r *compare.Report) int {
	counts := r.Count()
	for t, limit := range p.max {
		if counts[t] > limit {
			return ExitFindings
		}
	}
	if p.failOn == compare.SeverityNone {
		return ExitOK
	}
	for _, f := range r.Findings {
		if f.Severity >= p.failOn {
			return ExitFindings
		}
	}
	return ExitOK
}

// selectRules applies --rule, --disable and --severity.
func selectRules(only, disable, severity []string) ([]*compare.Rule, map[string]compare.Severity, error) {
	all := rules.All()
	for _, n := range append(append([]string{}, only...), disable...) {
		if _, err := rules.Get(n); err != nil {
			return nil, nil, err
		}
	}
	var out []*compare.Rule
	for _, r := range all {
		if len(only) > 0 && !contains(only, r.Name) {
			continue
		}
		if contains(disable, r.Name) {
			continue
		}
		out = append(out, r)
	}
	sev := map[string]compare.Severity{}
	for _, s := range severity {
		name, level, ok := strings.Cut(s, "=")
		lv, ok2 := compare.ParseSeverity(level)
		if _, err := rules.Get(name); !ok || !ok2 || err != nil {
			return nil, nil, fmt.Errorf("--severity %q: want RULE=error|warning|info with a known rule", s)
		}
		sev[name] = lv
	}
	return out, sev, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func runCheck(env *cliEnv, f *checkFlags, args []string) error {
	asOf, err := f.parseAsOf()
	if err != nil {
		return err
	}
	outs, err := parseFormats(f.formats)
	if err != nil {
		return err
	}
	pol, err := parsePolicy(f.failOn, f.max)
	if err != nil {
		return err
	}
	rs, sev, err := selectRules(f.only, f.disable, f.severity)
	if err != nil {
		return err
	}
	k, err := f.loadKB()
	if err != nil {
		return err
	}
	docs, loadErrs := f.load(env, args)
	failed := printLoadErrors(env.stderr, loadErrs)
	rep, err := check.Run(context.Background(), docs, check.Config{
		Rules:    rs,
		KB:       k,
		AsOf:     asOf,
		Severity: sev,
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
		return exitError{ExitError}
	}
	if code := pol.exitCode(rep); code != ExitOK {
		return exitError{code}
	}
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
