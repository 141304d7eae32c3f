package rules_test

import (
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/compare/comparetest"
)

func TestOrdinalMismatch(t *testing.T) {
	comparetest.Run(t, filepath.Join("..", "testdata", "rules", "ordinal-mismatch", "*.txtar"))
}
