package rules_test

import (
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/compare/comparetest"
)

func TestEventYearMismatch(t *testing.T) {
	comparetest.Run(t, filepath.Join("..", "testdata", "rules", "event-year-mismatch", "*.txtar"))
}
