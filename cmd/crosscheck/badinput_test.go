package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// goodArticle is the file every bad input is checked next to: where the
// run can go on, it must still be loaded and checked.
const goodArticle = "# Talks resume in Muscat\n\nThe talks between Iran and the United States began on Friday in Muscat, officials said.\n"

// badInput is one row of the bad-input matrix.
type badInput struct {
	name  string
	files map[string]string // relative path → content
	// setup makes what files cannot: permissions, links, sparse files.
	// It returns a reason to skip the row on this machine, or "".
	setup func(t *testing.T, dir string) string
	args  []string // after "check"; good.md is appended when goOn
	stdin string
	// exitOK: exit 0 (a warning, or input handled); otherwise exit 2.
	exitOK bool
	// stderr must match the one line of standard error (anchored).
	stderr string
	// goOn: the rest can go on, so the JSON report lists the problem
	// under errors (errPath) and good.md among the documents.
	goOn    bool
	errPath string
	// alsoDoc is a document the bad input itself must yield.
	alsoDoc string
}

// TestBadInput runs the bad-input matrix in-process through the CLI: every
// bad input gives one line on stderr naming the file and the problem, and
// exit 2 (0 for a warning); where the rest can go on, the report carries a
// per-document error and the other files are still checked. Never a panic
// or a stack trace. The test changes directory, so it must not run in
// parallel.
func TestBadInput(t *testing.T) {
	deepHTML := "<html><head><title>Deep</title></head><body>" + strings.Repeat("<div>", 100_000) +
		"The talks between Iran and the United States began on Friday in Muscat." +
		strings.Repeat("</div>", 100_000) + "</body></html>"
	bigRegex := "(?P<value>" + strings.Repeat("x", 1000) + ")"
	aliasBomb := "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"

	cases := []badInput{
		{name: "missing path", args: []string{"missing.md"}, goOn: true, errPath: "missing.md",
			stderr: `missing\.md: no such file or directory`},
		{name: "directory without articles", files: map[string]string{"notes/data.csv": "a,b\n", "notes/.hidden.md": "# x\n\nHidden.\n"},
			args: []string{"notes"}, goOn: true, errPath: "notes",
			stderr: `notes: no articles in directory \(looked for \.txt, \.md, .*\)`},
		{name: "unreadable file", files: map[string]string{"secret.txt": goodArticle},
			setup: func(t *testing.T, dir string) string {
				if os.Geteuid() == 0 {
					return "root reads any file; the symbolic-link and read-error rows cover this"
				}
				if err := os.Chmod(filepath.Join(dir, "secret.txt"), 0); err != nil {
					t.Fatal(err)
				}
				return ""
			},
			args: []string{"secret.txt"}, goOn: true, errPath: "secret.txt",
			stderr: `secret\.txt: permission denied`},
		{name: "unreadable: symbolic-link loop",
			setup: func(t *testing.T, dir string) string {
				if err := os.Symlink("loop.txt", filepath.Join(dir, "loop.txt")); err != nil {
					return "no symbolic links here: " + err.Error()
				}
				return ""
			},
			args: []string{"loop.txt"}, goOn: true, errPath: "loop.txt",
			stderr: `loop\.txt: too many levels of symbolic links`},
		{name: "unreadable: read error",
			setup: func(t *testing.T, dir string) string {
				// Reading /proc/self/mem at offset 0 fails with EIO, even as root.
				if runtime.GOOS != "linux" {
					return "needs Linux's /proc/self/mem"
				}
				if _, err := os.Stat("/proc/self/mem"); err != nil {
					return "no /proc: " + err.Error()
				}
				return ""
			},
			args: []string{"/proc/self/mem"}, goOn: true, errPath: "/proc/self/mem",
			stderr: `/proc/self/mem: read: input/output error`},
		{name: "binary file", files: map[string]string{"blob.txt": "\x7fELF\x02\x01\x01\x00\x00\x00" + strings.Repeat("\x00\x01\x02", 100)},
			args: []string{"blob.txt"}, goOn: true, errPath: "blob.txt",
			stderr: `blob\.txt: binary file \(not text\)`},
		{name: "empty file", files: map[string]string{"empty.md": ""},
			args: []string{"empty.md"}, goOn: true, errPath: "empty.md",
			stderr: `empty\.md: empty file`},
		{name: "blank file", files: map[string]string{"blank.txt": " \n\t\r\n"},
			args: []string{"blank.txt"}, goOn: true, errPath: "blank.txt",
			stderr: `blank\.txt: empty file`},
		{name: "empty standard input", args: []string{"-"}, goOn: true, errPath: "-",
			stderr: `-: empty file`},
		{name: "unknown --stdin-format", args: []string{"--stdin-format", "docx", "-"}, stdin: goodArticle, goOn: true, errPath: "-",
			stderr: `-: unknown format "docx" \(want txt, md, html or jsonl\)`},
		{name: "binary standard input", args: []string{"-"}, stdin: "\x00\x01\x02binary", goOn: true, errPath: "-",
			stderr: `-: binary file \(not text\)`},
		{name: "over --max-bytes", files: map[string]string{"big.txt": strings.Repeat("The talks began on Friday. ", 100)},
			args: []string{"--max-bytes", "1000", "big.txt"}, goOn: true, errPath: "big.txt",
			stderr: `big\.txt: file is 2700 bytes, over the limit of 1000 bytes \(raise it with --max-bytes\)`},
		{name: "over the default --max-bytes",
			setup: func(t *testing.T, dir string) string {
				// A sparse file: the size is checked before reading.
				fh, err := os.Create(filepath.Join(dir, "huge.txt"))
				if err != nil {
					t.Fatal(err)
				}
				defer fh.Close()
				if err := fh.Truncate(11 << 20); err != nil {
					t.Fatal(err)
				}
				return ""
			},
			args: []string{"huge.txt"}, goOn: true, errPath: "huge.txt",
			stderr: `huge\.txt: file is 11 MiB, over the limit of 10 MiB \(raise it with --max-bytes\)`},
		{name: "JSONL record over --max-bytes", files: map[string]string{"big.jsonl": `{"id":"x","text":"` + strings.Repeat("a", 2000) + "\"}\n"},
			args: []string{"--max-bytes", "1000", "big.jsonl"}, goOn: true, errPath: "big.jsonl:1",
			stderr: `big\.jsonl:1: record is over the limit of 1000 bytes \(raise it with --max-bytes\)`},
		{name: "invalid UTF-8 (kept, with a warning)", files: map[string]string{"latin1.txt": "Talks\n\nThe talks in Caf\xe9 Muscat began on Friday.\n"},
			args: []string{"latin1.txt"}, exitOK: true, goOn: true, errPath: "latin1.txt",
			stderr: `latin1\.txt: warning: invalid UTF-8 at byte 23 \(left in place\)`},
		{name: "broken front matter", files: map[string]string{"fm.md": "---\ntitle: [unclosed\ndate: 2025-04-12\n---\n# Talks\n\nThe talks began on Friday.\n"},
			args: []string{"fm.md"}, goOn: true, errPath: "fm.md",
			stderr: `fm\.md: front matter: yaml: line \d+: did not find expected ',' or '\]'`},
		{name: "HTML nested 100,000 levels deep (loaded)", files: map[string]string{"deep.html": deepHTML},
			args: []string{"deep.html"}, exitOK: true, goOn: true, alsoDoc: "deep"},
		{name: "JSONL line that is not JSON", files: map[string]string{"feed.jsonl": "{\"id\":\"a\",\"text\":\"The talks began on Friday.\"}\nnot json\n{\"id\":\"b\",\"text\":\"They met on Friday.\"}\n"},
			args: []string{"feed.jsonl"}, goOn: true, errPath: "feed.jsonl:2",
			stderr: `feed\.jsonl:2: not JSON: invalid character 'o' in literal null \(expecting 'u'\)`},
		{name: "JSONL line that is not an object", files: map[string]string{"feed.jsonl": "{\"id\":\"a\",\"text\":\"The talks began on Friday.\"}\n[1, 2]\n"},
			args: []string{"feed.jsonl"}, goOn: true, errPath: "feed.jsonl:2",
			stderr: `feed\.jsonl:2: not a JSON object`},
		{name: "bad --as-of", args: []string{"--as-of", "2025-13-45", "good.md"},
			stderr: `crosscheck: --as-of "2025-13-45": want a date like 2025-04-12`},
		{name: "unknown --format", args: []string{"--format", "yaml", "good.md"},
			stderr: `crosscheck: --format: unknown format "yaml" \(valid: csv, .*\)`},
		{name: "unknown flag", args: []string{"--colour", "good.md"},
			stderr: `crosscheck: unknown flag: --colour \(see --help\)`},
		{name: "malformed config", files: map[string]string{"c.yaml": "rules:\n  weekday-mismatch: off\n date-mismatch: [off\n"},
			args:   []string{"--config", "c.yaml", "good.md"},
			stderr: `crosscheck: c\.yaml:\d+:\d+: .+`},
		{name: "config with an unknown key", files: map[string]string{"c.yaml": "rules:\n  weekday-mismatch: off\ntolerance: {date: month}\n"},
			args:   []string{"--config", "c.yaml", "good.md"},
			stderr: `crosscheck: c\.yaml:3:1: config: unknown key "tolerance" .*`},
		{name: "config extends a directory (found by FuzzLoad)", files: map[string]string{"c.yaml": "extends: sub/..\n", "sub/x.md": goodArticle},
			args:   []string{"--config", "c.yaml", "good.md"},
			stderr: `crosscheck: c\.yaml:1:10: extends: sub/\.\. is a directory, not a config file`},
		{name: "missing config", args: []string{"--config", "nope.yaml", "good.md"},
			stderr: `crosscheck: config: open nope\.yaml: no such file or directory`},
		{name: "config alias bomb", files: map[string]string{"c.yaml": aliasBomb},
			args:   []string{"--config", "c.yaml", "good.md"},
			stderr: `crosscheck: c\.yaml:2:\d+: YAML aliases \(\*a\) are not allowed in config files`},
		{name: "config regex over the size limit", files: map[string]string{"c.yaml": "patterns:\n  - {name: big, kind: quantity, subject: s, attr: a, regex: '" + bigRegex + "'}\n"},
			args:   []string{"--config", "c.yaml", "good.md"},
			stderr: `crosscheck: c\.yaml:2:\d+: patterns\[\]\.regex: 1011 bytes, limit 1000`},
		{name: "config regex with too large a repeat", files: map[string]string{"c.yaml": "patterns:\n  - {name: big, kind: quantity, subject: s, attr: a, regex: '(?P<value>(x{1000}){1000})'}\n"},
			args:   []string{"--config", "c.yaml", "good.md"},
			stderr: `crosscheck: c\.yaml:2:\d+: patterns\[\]\.regex: error parsing regexp: invalid repeat count: .*`},
		{name: "malformed kb", files: map[string]string{"k.yaml": "people:\n  - id: x\n    name: [\n"},
			args:   []string{"--kb", "k.yaml", "good.md"},
			stderr: `crosscheck: k\.yaml:3:1: did not find expected node content`},
		{name: "kb with an unknown field", files: map[string]string{"k.yaml": "people:\n  - {id: x, nme: X}\n"},
			args:   []string{"--kb", "k.yaml", "good.md"},
			stderr: `crosscheck: k\.yaml:2:13: unknown field "nme" \(valid: .*\)`},
		{name: "kb alias bomb", files: map[string]string{"k.yaml": aliasBomb},
			args:   []string{"--kb", "k.yaml", "good.md"},
			stderr: `crosscheck: k\.yaml:2:\d+: YAML aliases \(\*a\) are not allowed in kb files`},
		{name: "missing kb", args: []string{"--kb", "nope.yaml", "good.md"},
			stderr: `crosscheck: --kb: open nope\.yaml: no such file or directory`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { runBadInput(t, tc) })
	}
}

func runBadInput(t *testing.T, tc badInput) {
	dir := t.TempDir()
	files := map[string]string{"good.md": goodArticle}
	for name, data := range tc.files {
		files[name] = data
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if tc.setup != nil {
		if why := tc.setup(t, dir); why != "" {
			t.Skip(why)
		}
	}
	t.Chdir(dir)
	t.Setenv("NO_COLOR", "1")
	args := append([]string{"check", "--as-of", "2025-04-12", "--fail-on", "none", "--format", "json"}, tc.args...)
	if tc.goOn {
		args = append(args, "good.md")
	}
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(tc.stdin), &stdout, &stderr)
	errText := stderr.String()
	if strings.Contains(errText, "goroutine ") || strings.Contains(errText, "panic") || strings.Contains(errText, "internal error") {
		t.Fatalf("crash on stderr:\n%s", errText)
	}
	want := ExitError
	if tc.exitOK {
		want = ExitOK
	}
	if code != want {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, want, errText)
	}
	lines := strings.Split(strings.TrimSuffix(errText, "\n"), "\n")
	switch {
	case tc.stderr == "" && errText != "":
		t.Errorf("stderr %q, want nothing", errText)
	case tc.stderr != "" && len(lines) != 1:
		t.Errorf("stderr has %d lines, want one:\n%s", len(lines), errText)
	case tc.stderr != "" && !regexp.MustCompile(`^`+tc.stderr+`$`).MatchString(lines[0]):
		t.Errorf("stderr line\n  %q\ndoes not match\n  %q", lines[0], tc.stderr)
	}
	if !tc.goOn {
		if stdout.Len() != 0 {
			t.Errorf("stdout %q, want nothing: a usage or input error stops before checking", stdout.String())
		}
		return
	}
	var rep struct {
		Documents []struct{ ID string }
		Errors    []struct{ Path, Message string }
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("stdout is not a JSON report: %v\n%s", err, stdout.String())
	}
	var ids []string
	for _, d := range rep.Documents {
		ids = append(ids, d.ID)
	}
	if !contains(ids, "good") {
		t.Errorf("documents %q: the good file was not checked", ids)
	}
	if tc.alsoDoc != "" && !contains(ids, tc.alsoDoc) {
		t.Errorf("documents %q: want %s too", ids, tc.alsoDoc)
	}
	if tc.errPath == "" {
		if len(rep.Errors) != 0 {
			t.Errorf("report errors %+v, want none", rep.Errors)
		}
		return
	}
	if len(rep.Errors) != 1 || rep.Errors[0].Path != tc.errPath || rep.Errors[0].Message == "" {
		t.Errorf("report errors %+v, want one for %s", rep.Errors, tc.errPath)
	}
}
