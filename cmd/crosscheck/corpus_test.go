package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCorpusCmd runs the corpus command in-process.
func runCorpusCmd(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	cmd := newCorpusCmd(env)
	cmd.SetArgs(args)
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	err = cmd.Execute()
	return out.String(), errb.String(), err
}

func TestCorpusCmdManual(t *testing.T) {
	in := os.Getenv("CORPUS_IN")
	if in == "" {
		t.Skip("CORPUS_IN not set")
	}
	dir := t.TempDir()
	args := []string{"--out", dir, in}
	if tr := os.Getenv("CORPUS_TRUTH"); tr != "" {
		args = append(args, "--truth", tr)
	}
	out, errs, err := runCorpusCmd(t, args...)
	t.Log(out)
	t.Log(errs)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"stories.jsonl", "findings.csv", "summary.html"} {
		b, _ := os.ReadFile(filepath.Join(dir, f))
		t.Logf("%s: %d bytes\n%s", f, len(b), b[:min(len(b), 1500)])
	}
}
