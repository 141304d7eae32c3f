package reports

import (
	"bytes"
	"encoding/json"

	"github.com/crosscheck/crosscheck/compare"
)

// ReferenceFindingJSON is the finding object as encoding/json writes the
// contract type, the reference AppendFindingJSON must match byte for
// byte (for the tests of package reports_test, which can import the
// packages that produce real findings).
func ReferenceFindingJSON(f compare.Finding) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(toJSONFinding(f)); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
