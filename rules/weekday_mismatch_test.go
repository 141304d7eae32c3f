package rules_test

import (
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/compare/comparetest"
)

func TestWeekdayMismatch(t *testing.T) {
	comparetest.Run(t, filepath.Join("..", "testdata", "rules", "weekday-mismatch", "*.txtar"))
}
