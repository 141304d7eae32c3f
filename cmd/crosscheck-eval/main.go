// Command crosscheck-eval prints precision, recall and F1 per finding type
// and kind on the annotated evaluation set (testdata/eval), then every
// miss and false alarm; then the seeds' figures, the alarms raised on real
// published articles checked one by one, and TempEval-3's figures.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/crosscheck/crosscheck/compare/comparetest"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("crosscheck-eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	set := fs.String("set", "testdata/eval/*.txtar", "cases to evaluate (glob)")
	seeds := fs.String("seeds", "testdata/rules/seeds/*.txtar", "the annotated seed articles (glob)")
	real := fs.String("real", "testdata/tempeval/gold/*/*.txt testdata/source/html/*/*.html",
		"real published articles to check one by one (globs, space-separated); every alarm on them is a likely false alarm")
	quiet := fs.Bool("q", false, "scores only, no list of misses")
	timex := fs.Bool("timex", true, "also score the temporal tagger on TempEval-3 (needs python3)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	tmp, err := os.MkdirTemp("", "crosscheck-eval")
	if err != nil {
		fmt.Fprintln(stderr, "crosscheck-eval:", err)
		return 2
	}
	defer os.RemoveAll(tmp)

	fmt.Fprintln(stdout, "== evaluation set:", *set)
	ev, err := comparetest.Evaluate(*set, filepath.Join(tmp, "eval"))
	if err != nil {
		fmt.Fprintln(stderr, "crosscheck-eval:", err)
		return 2
	}
	ev.Print(stdout, !*quiet)

	fmt.Fprintln(stdout, "\n== seeds:", *seeds)
	sv, err := comparetest.Evaluate(*seeds, filepath.Join(tmp, "seeds"))
	if err != nil {
		fmt.Fprintln(stderr, "crosscheck-eval:", err)
		return 2
	}
	sv.Print(stdout, !*quiet)

	fmt.Fprintln(stdout, "\n== real articles, each checked alone:", *real)
	rt, err := checkRealAlone(*real, filepath.Join(tmp, "real"))
	if err != nil {
		fmt.Fprintln(stderr, "crosscheck-eval:", err)
		return 2
	}
	rt.Print(stdout, !*quiet)

	if *timex {
		fmt.Fprintln(stdout, "\n== TempEval-3 platinum test (temporal tagger)")
		out := filepath.Join(tmp, "timex.jsonl")
		cmds := [][]string{
			{"go", "run", "./cmd/timexeval", "-gold", "testdata/tempeval/gold/test", "-o", out},
			{"python3", "testdata/tempeval/score.py", "testdata/tempeval/gold/test", out},
		}
		for _, c := range cmds {
			cmd := exec.Command(c[0], c[1:]...)
			cmd.Stdout, cmd.Stderr = stdout, stderr
			if err := cmd.Run(); err != nil {
				fmt.Fprintf(stdout, "(skipped: %s: %v)\n", c[0], err)
				break
			}
		}
	}
	return 0
}

// checkRealAlone checks every file the globs match, each alone.
func checkRealAlone(globs, tmp string) (*comparetest.RealText, error) {
	var paths []string
	for _, g := range strings.Fields(globs) {
		m, err := filepath.Glob(g)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", g, err)
		}
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no real articles match %s", globs)
	}
	r, err := comparetest.NewRunner()
	if err != nil {
		return nil, err
	}
	return r.CheckAlone(paths, tmp)
}
