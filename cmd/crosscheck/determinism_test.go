package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/crosscheck/crosscheck/reports"
)

// determinismCorpus copies a mixed corpus into dir and returns its paths
// relative to dir: the seeds (text), the source samples (Markdown, JSON
// Lines), an HTML page, and the articles of two eval stories.
func determinismCorpus(t *testing.T, dir string) []string {
	t.Helper()
	td := filepath.Join("..", "..", "testdata")
	var paths []string
	add := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, name)
	}
	files, err := filepath.Glob(filepath.Join(td, "seeds", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join(td, "source", "samples", "feed.jsonl"), filepath.Join(td, "source", "samples", "hugo.md"),
		filepath.Join(td, "source", "html", "readability", "bbc-1.html"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		add(filepath.Base(f), data)
	}
	for _, story := range []string{"iran-us-2025-muscat-round1", "raisi-helicopter-crash-2024"} {
		ar, err := txtar.ParseFile(filepath.Join(td, "eval", story+".txtar"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			if strings.HasSuffix(f.Name, ".md") || strings.HasSuffix(f.Name, ".txt") || strings.HasSuffix(f.Name, ".html") {
				add(story+"-"+f.Name, f.Data)
			}
		}
	}
	if len(paths) < 10 {
		t.Fatalf("corpus has %d files, want at least 10", len(paths))
	}
	return paths
}

// determinismRun runs check once, writing every report format to a file,
// and extract (with the input flags only); it returns the outputs by name.
func determinismRun(t *testing.T, out string, input, args, paths []string) map[string][]byte {
	t.Helper()
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	names := reports.Names()
	check := append(append([]string{"check", "--fail-on", "none", "--no-color"}, input...), args...)
	for _, n := range names {
		check = append(check, "--format", n+"="+filepath.Join(out, n))
	}
	check = append(check, paths...)
	got := map[string][]byte{}
	var stdout, stderr bytes.Buffer
	if code := run(check, strings.NewReader(""), &stdout, &stderr); code != ExitOK && code != ExitError {
		t.Fatalf("check: exit %d\n%s", code, stderr.String())
	}
	got["check stdout"], got["check stderr"] = bytes.Clone(stdout.Bytes()), bytes.Clone(stderr.Bytes())
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(out, n))
		if err != nil {
			t.Fatal(err)
		}
		if len(data) == 0 {
			t.Fatalf("format %s: empty output", n)
		}
		got[n] = data
	}
	stdout.Reset()
	stderr.Reset()
	extract := append(append([]string{"extract", "--format", "jsonl"}, input...), paths...)
	run(extract, strings.NewReader(""), &stdout, &stderr)
	got["extract stdout"], got["extract stderr"] = bytes.Clone(stdout.Bytes()), bytes.Clone(stderr.Bytes())
	if len(got["extract stdout"]) == 0 {
		t.Fatalf("extract: no output\n%s", stderr.String())
	}
	return got
}

// TestDeterminism: the output of every format, and of extract, is
// byte-identical across repeated runs, GOMAXPROCS 1 and 2, worker counts,
// and shuffled input order. The test changes GOMAXPROCS and the working
// directory, so it must not run in parallel.
func TestDeterminism(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline a dozen times")
	}
	dir := t.TempDir()
	paths := determinismCorpus(t, dir)
	t.Chdir(dir) // relative paths in the output
	t.Setenv("NO_COLOR", "1")
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))

	for _, ref := range []struct {
		name string
		args []string
	}{
		// With --as-of, and with each document's own reference time (the
		// seeds are undated: their reference comes from the run's dated
		// articles, not from the clock).
		{"as-of", []string{"--as-of", "2025-04-12"}},
		{"own-dates", nil},
	} {
		t.Run(ref.name, func(t *testing.T) {
			runtime.GOMAXPROCS(2)
			base := determinismRun(t, filepath.Join(dir, ref.name, "base"), ref.args, nil, paths)
			// A determinism test over an empty report proves nothing; and
			// the run date must not leak in (the test would flake at midnight).
			if js := string(base["json"]); !strings.Contains(js, `"id": "F10"`) || strings.Contains(js, `"run-date"`) {
				t.Fatalf("want a report with at least 10 findings and no run-date reference:\n%.2000s", js)
			}
			rng := rand.New(rand.NewPCG(1, 2))
			type variant struct {
				name        string
				procs       int
				args, paths []string
			}
			variants := []variant{
				{name: "again", procs: 2, paths: paths},
				{name: "GOMAXPROCS=1", procs: 1, paths: paths},
				{name: "GOMAXPROCS=1 --workers 4", procs: 1, args: []string{"--workers", "4"}, paths: paths},
				{name: "GOMAXPROCS=2 --workers 1", procs: 2, args: []string{"--workers", "1"}, paths: reversed(paths)},
			}
			for i := range 3 {
				p := slices.Clone(paths)
				rng.Shuffle(len(p), func(a, b int) { p[a], p[b] = p[b], p[a] })
				variants = append(variants, variant{name: fmt.Sprintf("shuffled-%d", i+1), procs: 1 + i%2, args: []string{"--workers", fmt.Sprint(1 + 3*(i%2))}, paths: p})
			}
			if ref.name == "own-dates" {
				// The code paths are those of --as-of but for the story's
				// reference time, which must not depend on the order.
				variants = []variant{variants[1], variants[len(variants)-2]}
			}
			if raceEnabled() {
				// 30 times slower: keep the runs where goroutines meet.
				variants = []variant{{name: "race: GOMAXPROCS=2 --workers 4, shuffled", procs: 2, args: []string{"--workers", "4"}, paths: variants[len(variants)-1].paths}}
				if ref.name == "own-dates" {
					variants[0].paths = reversed(variants[0].paths)
				}
			}
			for i, v := range variants {
				runtime.GOMAXPROCS(v.procs)
				got := determinismRun(t, filepath.Join(dir, ref.name, fmt.Sprint(i)), ref.args, v.args, v.paths)
				for _, name := range sortedKeys(base) {
					if !bytes.Equal(got[name], base[name]) {
						t.Errorf("%s: %s differs from the first run:\n%s", v.name, name, firstDiff(base[name], got[name]))
					}
				}
			}
		})
	}
}

// raceEnabled reports whether the test runs under the race detector.
func raceEnabled() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

func reversed(xs []string) []string {
	out := slices.Clone(xs)
	slices.Reverse(out)
	return out
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// firstDiff shows the first line where two outputs differ.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range max(len(la), len(lb)) {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n  first: %.300q\n  now:   %.300q", i+1, x, y)
		}
	}
	return "(same lines, different bytes)"
}

// TestNoNetwork: a run reads only its inputs. No package of ours imports a
// networking package or calls a library's fetch-by-URL entry point (the
// HTML extractor has one: FromURL), so the output cannot depend on the
// network, and a CI gate cannot hang on it.
func TestNoNetwork(t *testing.T) {
	banned := map[string]bool{"net": true, "net/http": true, "net/rpc": true, "net/smtp": true, "crypto/tls": true, "net/http/httputil": true}
	fetchers := map[string]bool{"FromURL": true, "ParseURL": true}
	root := filepath.Join("..", "..")
	n := 0
	for _, dir := range []string{"cmd", "compare", "reports", "rules"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return err
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			n++
			for _, imp := range f.Imports {
				if p := strings.Trim(imp.Path.Value, `"`); banned[p] {
					t.Errorf("%s imports %s", path, p)
				}
			}
			ast.Inspect(f, func(x ast.Node) bool {
				if sel, ok := x.(*ast.SelectorExpr); ok && fetchers[sel.Sel.Name] {
					t.Errorf("%s calls %s, which fetches over the network", path, sel.Sel.Name)
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 20 {
		t.Fatalf("checked %d files, want the whole module", n)
	}
}
