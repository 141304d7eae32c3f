package rules_test

import (
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/compare/comparetest"
)

func TestEraMismatch(t *testing.T) {
	comparetest.Run(t, filepath.Join("..", "testdata", "rules", "era-mismatch", "*.txtar"))
}
