package rules_test

import (
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck/compare/comparetest"
)

func TestDateMismatch(t *testing.T) {
	comparetest.Run(t, filepath.Join("..", "testdata", "rules", "date-mismatch", "*.txtar"))
}
