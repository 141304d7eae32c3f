package source

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare"
)

// recordCases are lines the fast record reader must read exactly as the
// encoding/json path does: well-formed records, and the odd and broken
// ones it hands over.
var recordCases = []string{
	`{"id":"a1","title":"Talks Resume","outlet":"Wire","url":"https://e.x/1","published":"2025-04-12","text":"Talks Resume\n\nThe talks began on Friday. \"They\u2019re over,\" he said."}`,
	`{"id":"a","text":"Line one\n\nHe said \"hi\" \u00e9\ud83d\ude00 and \ud800 lone \udc00x \/ \\ end.","title":"T \u00e9","outlet":5,"url":true,"story":null,"published":"2025-04-12T10:00:00Z"}`,
	`{"text":"x", "text": "Second wins\nBody here.", "id": "dup", "id": 12.5e3}`,
	`{"text":1}`, `{"text":"a","text":null}`, `{"text":null,"text":"a"}`, `null`, `[1]`, `"s"`, `7`, `true`, `{}`, ``, ` `,
	`{"a":[1,{"b":[]}],"text":"Body. More text here."}`,
	`{"text":"  "}`, `{"title":"x"}`, `{"text":"ok", "published":"2016-13-45"}`, `{"text":"ok", "date":"Apr. 12, 2025"}`,
	`{"te\u0078t":"escaped key body"}`, "{\"text\":\"bad \xff utf8 \xe2\x80 here\"}", "{\"text\":\"tab\tin string\"}",
	`  {"text":"lead ws"}  `, "\t{\"text\"\r\n:\n\"ws\"\t}", `{"text":"x"} trailing`, `{"text":"x",}`, `{"text":"unterminated`, `{"text":"x\q"}`,
	`{"text":"x\u12"}`, `{"text":"x\u12G4"}`, `{"text":"x\`, `{"text":"x"`, `{"text"`, `{"text":`, `{`, `{"text" "x"}`, `{"text":"x" "id":"y"}`,
	`{"id":" spaced ","title":"  Big  Headline  Here ","text":"Big Headline Here\n\nBy Jane Doe\n\nPublished: April 12, 2025\n\nWASHINGTON, April 12 (Reuters) - The talks began. 0 comments\nAdvertisement\nMore text."}`,
	`{"headline":"H","source":"S","site":"X","publisher":"P","link":"L","datePublished":"2025-01-02","text":"Body text of it."}`,
	`{"title":null,"headline":"Fallback","outlet":[],"source":{},"site":false,"publisher":"Pub","published_at":"x","publishedAt":"2025-01-02","text":"Body text."}`,
	`{"text":"-0.5e+3 number","id":-0.5e+3}`, `{"text":"x","n":01}`, `{"text":"x","n":1.}`, `{"text":"x","n":tru}`, `{"text":"x","n":-}`,
	`{"text":"x","n":1e}`, `{"text":"x","n":1E+}`, `{"text":"x","n":-0}`, `{"text":"x","id":0.0e-0}`, `{"text":"x","n":nul}`, `{"text":"x","n":falsey}`,
	"{\"title\":\"caf\xc3\xa9 \xff\",\"text\":\"Caf\xc3\xa9 Story Here\\n\\n\xe2\x80\x9cQuote,\xe2\x80\x9d he said.\\u2028Next \xf0\x9f\x98\x80 line.\"}",
	"\xef\xbb\xbf{\"text\":\"bom\"}", `{"text":"x","a":{"b":{"c":[[[[[[[]]]]]]]}}}`, "{\"\xff\":1,\"text\":\"nonascii key\"}",
	`{"text":"x","a":{"b" 1}}`, `{"text":"x","a":[1 2]}`, `{"text":"x","a":{1:2}}`, `{"text":"x","a":[,]}`, `{"text":"x","a":{"k":"\x"}}`,
	`{"id":"\ud800","title":"a\u0000b","text":"x\u0000y\r\nz"}`, `{"id":"é","text":"\u00e9\u00e9 é \\u00e9"}`,
	`{"text":"` + strings.Repeat(`\n`, 5) + `Body` + strings.Repeat(`\"`, 3) + `"}`,
	// Blank or not: escaped and raw spaces, Unicode spaces, and what only looks blank.
	`{"text":"\u00a0\n\t \r\f\u2028\u3000"}`, "{\"text\":\"\xc2\xa0 \xe2\x80\x83\"}", `{"text":"\u000b\u0085"}`, `{"text":"\u00a0x"}`,
	`{"text":" \b "}`, `{"text":"\ud83d\ude00"}`, `{"text":"\ud800 "}`, `{"text":" \/"}`, "{\"text\":\" \xff \"}", `{"text":"\u0000"}`,
	`{"text":"x","a":` + strings.Repeat("[", 150) + strings.Repeat("]", 150) + `}`,
	`{"text":"x","a":` + strings.Repeat("[", 150) + strings.Repeat("]", 149) + `}`,
	`{"text":"x","a":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`,
}

// TestRecordMatchesEncodingJSON checks the fast record reader against the
// loader's original encoding/json code on every case.
func TestRecordMatchesEncodingJSON(t *testing.T) {
	for _, c := range recordCases {
		compareRecord(t, []byte(c))
	}
}

// FuzzRecord is the differential target: on any line the fast reader
// (and its encoding/json fallback) gives the document and errors the
// original encoding/json code gives.
func FuzzRecord(f *testing.F) {
	for _, c := range recordCases[:len(recordCases)-1] {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, raw []byte) { compareRecord(t, raw) })
}

// compareRecord parses raw three ways: the original code, the fast reader
// (with its fallback) and the encoding/json fallback alone.
func compareRecord(t *testing.T, raw []byte) {
	t.Helper()
	want, wantErrs := parseRecordOrig("d/f.jsonl", 3, raw)
	finished := func(parse func(string, int, []byte) (*Pending, []compare.DocError)) func(string, int, []byte) (*compare.Document, []compare.DocError) {
		return func(path string, lineNo int, raw []byte) (*compare.Document, []compare.DocError) {
			p, errs := parse(path, lineNo, raw)
			if p == nil {
				return nil, errs
			}
			clear(raw) // the record must not keep the line
			return p.Document(), errs
		}
	}
	for _, p := range []struct {
		name  string
		parse func(string, int, []byte) (*compare.Document, []compare.DocError)
	}{{"fast", finished(parseRecord)}, {"std", finished(parseRecordStd)}, {"exported", ParseRecord}} {
		in := bytes.Clone(raw)
		got, errs := p.parse("d/f.jsonl", 3, in)
		clear(in) // the document must not keep the line
		if !reflect.DeepEqual(errs, wantErrs) {
			t.Fatalf("%s %q: errors\n %v\nwant\n %v", p.name, raw, errs, wantErrs)
		}
		if diff := docDiff(got, want); diff != "" {
			t.Fatalf("%s %q: %s", p.name, raw, diff)
		}
	}
}

// docDiff describes how two documents differ, Source mappings included.
func docDiff(got, want *compare.Document) string {
	if got == nil || want == nil {
		if got != want {
			return fmt.Sprintf("document %v, want %v", got != nil, want != nil)
		}
		return ""
	}
	g, w := *got, *want
	g.Source, w.Source = nil, nil
	g.IndexLines()
	w.IndexLines()
	if !reflect.DeepEqual(g, w) {
		return fmt.Sprintf("document\n %+v\nwant\n %+v", g, w)
	}
	if (got.Source == nil) != (want.Source == nil) {
		return "Source set on one only"
	}
	if got.Source != nil {
		for off := -3; off <= len(got.Text)+3; off++ {
			gp, gl, gc := got.Source(off)
			wp, wl, wc := want.Source(off)
			if gp != wp || gl != wl || gc != wc {
				return fmt.Sprintf("Source(%d) = %s:%d:%d, want %s:%d:%d", off, gp, gl, gc, wp, wl, wc)
			}
		}
	}
	return ""
}

// FuzzReadLine checks the reusing line reader against the original on a
// reader with a tiny buffer, so long lines take the slow path, and small
// limits. (limit is a uint8: the fuzzer minimizes an int one step at a
// time.)
func FuzzReadLine(f *testing.F) {
	f.Add([]byte("a\nbb\r\n\n\rccc\r"), uint8(3))
	f.Add([]byte(strings.Repeat("x", 40)+"\n"+strings.Repeat("y", 17)+"\r\n\n"), uint8(20))
	f.Add([]byte("0123456789abcdefghij"), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, limit uint8) {
		l := max(1, int(limit%64))
		if a, b := readAllLines(data, l, readLineOrig), readAllLines(data, l, nil); a != b {
			t.Fatalf("limit %d, %q:\n%s\nwant\n%s", l, data, b, a)
		}
	})
}

// readAllLines renders every readLine result; orig nil means the new one.
func readAllLines(data []byte, limit int, orig func(*bufio.Reader, int64) ([]byte, bool, error)) string {
	br := bufio.NewReaderSize(iotestHalf{bytes.NewReader(data)}, 16)
	var buf []byte
	var b strings.Builder
	for range len(data) + 2 {
		var line []byte
		var tooLong bool
		var err error
		if orig != nil {
			line, tooLong, err = orig(br, int64(limit))
		} else {
			line, tooLong, err = readLine(br, int64(limit), &buf)
		}
		fmt.Fprintf(&b, "%q nil=%v long=%v err=%v\n", line, line == nil, tooLong, err)
		if err != nil {
			break
		}
	}
	return b.String()
}

// iotestHalf reads at most half of what is asked (at least one byte), so
// lines arrive in pieces.
type iotestHalf struct{ r io.Reader }

func (h iotestHalf) Read(p []byte) (int, error) {
	return h.r.Read(p[:max(1, len(p)/2)])
}

// TestStreamJSONLLongLines: records longer than the reader's buffer load
// as the short ones do, one after another in the reused buffer.
func TestStreamJSONLLongLines(t *testing.T) {
	long := func(word string) string {
		return `{"text":"` + strings.Repeat(word+" ", 30000) + `end."}`
	}
	in := long("alpha") + "\n" + `{"text":"Short one."}` + "\n" + long("beta") + "\n" + long("gamma") + "\n"
	docs, errs := Parse("f.jsonl", []byte(in), Options{})
	if len(errs) > 0 || len(docs) != 4 {
		t.Fatalf("%d docs, errs %v", len(docs), errs)
	}
	for i, w := range []string{"alpha", "Short", "beta", "gamma"} {
		if !bytes.HasPrefix(docs[i].Text, []byte(w)) {
			t.Errorf("doc %d starts %q, want %q", i, docs[i].Text[:10], w)
		}
	}
	_, errs = Parse("f.jsonl", []byte(in), Options{MaxBytes: 1000})
	if len(errs) != 3 {
		t.Errorf("errs %v, want three records over the limit", errs)
	}
}

// TestWalkDeferred: the documents WalkDeferred hands out, once analysed,
// are those Walk delivers, with the same IDs and errors in the same order.
func TestWalkDeferred(t *testing.T) {
	in := `{"id":"x","title":"Talks Resume","text":"Talks Resume\n\nThe talks began on Friday. He said so."}` + "\n" +
		`{"id":"x","text":"Second body, same id."}` + "\n" + `[1]` + "\n" + `{"text":"Third."}` + "\n"
	opt := Options{Stdin: strings.NewReader(in), StdinFormat: "jsonl"}
	var want []*compare.Document
	var wantErrs []compare.DocError
	err := Walk([]string{"-"}, opt, func(d *compare.Document) error {
		want = append(want, d)
		return nil
	}, func(e compare.DocError) { wantErrs = append(wantErrs, e) })
	if err != nil {
		t.Fatal(err)
	}
	opt.Stdin = strings.NewReader(in)
	var pend []*Pending
	var errs []compare.DocError
	err = WalkDeferred([]string{"-"}, opt, func(p *Pending) error {
		pend = append(pend, p)
		return nil
	}, func(e compare.DocError) { errs = append(errs, e) })
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(errs, wantErrs) || len(pend) != len(want) || len(want) != 3 {
		t.Fatalf("errs %v (want %v), %d pending, %d docs", errs, wantErrs, len(pend), len(want))
	}
	for i, p := range pend {
		d := p.Document()
		if d != p.Document() {
			t.Errorf("Document is not idempotent")
		}
		if diff := docDiff(d, want[i]); diff != "" {
			t.Errorf("doc %d: %s", i, diff)
		}
	}
	stop := errors.New("stop")
	opt.Stdin = strings.NewReader(in)
	if err := WalkDeferred([]string{"-"}, opt, func(*Pending) error { return stop }, nil); !errors.Is(err, stop) {
		t.Errorf("WalkDeferred = %v, want fn's error", err)
	}
}

// TestWalkDeferredConcurrent: Pending documents analysed on several
// goroutines at once (as corpus workers do) are those Walk delivers. Run
// with -race.
func TestWalkDeferredConcurrent(t *testing.T) {
	var in strings.Builder
	for i := range 200 {
		fmt.Fprintf(&in, `{"id":"a%d","title":"Talks Resume %d","published":"2025-04-%02d","text":"Talks Resume %d\n\nBy Jane Doe\n\nWASHINGTON, April 12 (Reuters) - The talks began on Friday. \"Done,\" he said.\n\nShare this article"}`+"\n", i%50, i, i%28+1, i)
	}
	opt := Options{Stdin: strings.NewReader(in.String()), StdinFormat: "jsonl"}
	want, _ := Load([]string{"-"}, opt)
	opt.Stdin = strings.NewReader(in.String())
	jobs := make(chan *Pending)
	got := make([]*compare.Document, 0, len(want))
	var order []*Pending
	done := make(chan struct{})
	for range 4 {
		go func() {
			for p := range jobs {
				p.Document()
			}
			done <- struct{}{}
		}()
	}
	err := WalkDeferred([]string{"-"}, opt, func(p *Pending) error {
		order = append(order, p)
		jobs <- p
		return nil
	}, nil)
	close(jobs)
	for range 4 {
		<-done
	}
	if err != nil || len(order) != len(want) {
		t.Fatalf("%v, %d pending, want %d", err, len(order), len(want))
	}
	for _, p := range order {
		got = append(got, p.Document())
	}
	for i := range want {
		if diff := docDiff(got[i], want[i]); diff != "" {
			t.Fatalf("doc %d: %s", i, diff)
		}
	}
}
