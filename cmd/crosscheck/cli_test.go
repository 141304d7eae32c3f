package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected stdout, stderr and exit of testdata/cli/*.txtar")

// TestCLI runs every testdata/cli/*.txtar case in-process. A case holds:
//
//   - args: one command per line, run in order in a fresh temporary
//     directory holding the archive's other files. A line starting with
//     "! " is a harness step instead: "! cp SRC DST", "! rm FILE…" or "! git …"
//     (run with a neutral identity; the case is skipped without git).
//   - stdin (optional): standard input of every command.
//   - stdout, stderr: the expected outputs of all commands, concatenated;
//     the temporary directory's path reads $WORK. Instead of stdout, a
//     case may give stdout-contains: lines that must each occur in it (for
//     output other work changes often, such as the list of rules).
//   - exit: the exit code of each command, one per line.
//
// The test changes the working directory, so it must not run in parallel.
func TestCLI(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "cli", "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no cases in testdata/cli")
	}
	for _, p := range paths {
		p, err := filepath.Abs(p) // the cases chdir
		if err != nil {
			t.Fatal(err)
		}
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) { runCLICase(t, p) })
	}
}

// harnessFiles are the archive files that are not inputs.
var harnessFiles = map[string]bool{"args": true, "stdin": true, "stdout": true, "stdout-contains": true, "stderr": true, "exit": true}

func runCLICase(t *testing.T, archivePath string) {
	ar, err := txtar.ParseFile(archivePath)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	if _, ok := files["args"]; !ok {
		t.Fatal("no args file")
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if harnessFiles[f.Name] {
			continue
		}
		dst := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	// A neutral environment: no colour, no user git config.
	t.Setenv("NO_COLOR", "1")
	t.Setenv("HOME", dir)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_AUTHOR_NAME", "test")
	t.Setenv("GIT_AUTHOR_EMAIL", "test@example.com")
	t.Setenv("GIT_COMMITTER_NAME", "test")
	t.Setenv("GIT_COMMITTER_EMAIL", "test@example.com")

	var stdout, stderr bytes.Buffer
	var exits []string
	for i, line := range strings.Split(strings.TrimSpace(files["args"]), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if step, ok := strings.CutPrefix(line, "! "); ok {
			harnessStep(t, dir, step)
			continue
		}
		args, err := splitArgs(line)
		if err != nil {
			t.Fatalf("args line %d: %v", i+1, err)
		}
		code := run(args, strings.NewReader(files["stdin"]), &stdout, &stderr)
		exits = append(exits, strconv.Itoa(code))
	}
	got := map[string]string{
		"stdout": scrub(stdout.String(), dir),
		"stderr": scrub(stderr.String(), dir),
		"exit":   strings.Join(exits, "\n") + "\n",
	}
	contains, partial := files["stdout-contains"]
	if partial {
		for _, l := range strings.Split(contains, "\n") {
			if l != "" && !strings.Contains(got["stdout"], l) {
				t.Errorf("stdout lacks %q\n--- got ---\n%s", l, got["stdout"])
			}
		}
		delete(got, "stdout")
	}
	if *update {
		writeGolden(t, archivePath, ar, got)
		return
	}
	for _, name := range []string{"stdout", "stderr", "exit"} {
		if _, ok := got[name]; !ok {
			continue
		}
		if want := files[name]; got[name] != want {
			t.Errorf("%s differs (go test ./cmd/crosscheck -run TestCLI -update to accept)\n--- got ---\n%s--- want ---\n%s", name, got[name], want)
		}
	}
}

// harnessStep runs one "! …" line of args.
func harnessStep(t *testing.T, dir, step string) {
	t.Helper()
	args, err := splitArgs(step)
	if err != nil || len(args) == 0 {
		t.Fatalf("harness step %q: %v", step, err)
	}
	switch args[0] {
	case "cp":
		if len(args) != 3 {
			t.Fatalf("! cp SRC DST, got %q", step)
		}
		data, err := os.ReadFile(filepath.Join(dir, args[1]))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, args[2]), data, 0o644); err != nil {
			t.Fatal(err)
		}
	case "rm":
		for _, a := range args[1:] {
			if err := os.Remove(filepath.Join(dir, a)); err != nil {
				t.Fatal(err)
			}
		}
	case "git":
		if _, err := exec.LookPath("git"); err != nil {
			t.Skip("git not installed")
		}
		cmd := exec.Command("git", args[1:]...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", step, err, out)
		}
	default:
		t.Fatalf("unknown harness step %q", step)
	}
}

// splitArgs splits a command line on blanks; single or double quotes keep
// blanks inside an argument.
func splitArgs(s string) ([]string, error) {
	var out []string
	var b strings.Builder
	in, quote := false, rune(0)
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			b.WriteRune(r)
		case r == '"' || r == '\'':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				out = append(out, b.String())
				b.Reset()
				in = false
			}
		default:
			b.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated quote in %q", s)
	}
	if in {
		out = append(out, b.String())
	}
	return out, nil
}

// scrub replaces the temporary directory with $WORK so goldens are stable.
func scrub(s, dir string) string {
	if real, err := filepath.EvalSymlinks(dir); err == nil && real != dir {
		s = strings.ReplaceAll(s, real, "$WORK")
	}
	return strings.ReplaceAll(s, dir, "$WORK")
}

func writeGolden(t *testing.T, path string, ar *txtar.Archive, got map[string]string) {
	t.Helper()
	seen := map[string]bool{}
	for i, f := range ar.Files {
		if v, ok := got[f.Name]; ok {
			ar.Files[i].Data = []byte(v)
			seen[f.Name] = true
		}
	}
	for _, name := range []string{"stdout", "stderr", "exit"} {
		if _, ok := got[name]; ok && !seen[name] {
			ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(got[name])})
		}
	}
	if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSplitArgs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		err  bool
	}{
		{"check a.md", []string{"check", "a.md"}, false},
		{`check --format 'json' "a b.md"`, []string{"check", "--format", "json", "a b.md"}, false},
		{`check ""`, []string{"check", ""}, false},
		{`check "a`, nil, true},
	}
	for _, tt := range tests {
		got, err := splitArgs(tt.in)
		if (err != nil) != tt.err || fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("splitArgs(%q) = %q, %v; want %q, err %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}
