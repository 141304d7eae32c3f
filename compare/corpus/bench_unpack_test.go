package corpus

import (
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

// BenchmarkUnpackClaims unpacks every article's claims of a 2000-article
// corpus on one pass-2 worker's unpacker, a story's worth at a time.
func BenchmarkUnpackClaims(b *testing.B) {
	in := preparedCorpus(b, 2000)
	var u unpacker
	var claims []compare.Claim
	b.ReportAllocs()
	for b.Loop() {
		for i := range in.arts {
			a := &in.arts[i]
			var err error
			if claims, err = u.appendClaims(claims[:0], a.Packed, a.dict, a.Doc); err != nil {
				b.Fatal(err)
			}
			u.release()
		}
	}
}
