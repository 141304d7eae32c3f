package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/rules"
)

// TestRulesDocUpToDate keeps docs/rules.md generated from the rule docs
// (make docs regenerates it).
func TestRulesDocUpToDate(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "rules.md")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := rulesMarkdown(rules.All()); string(got) != want {
		t.Errorf("%s is out of date: run make docs", path)
	}
}
