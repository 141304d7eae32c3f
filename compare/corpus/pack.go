package corpus

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// Pass 1 keeps every article's claims until its story is checked. As Go
// values they are pointer-rich (a claim is ~350 bytes and a dozen
// strings), so at 100k articles the collector spent most of the run
// scanning them. Packed, an article's claims are one pointer-free byte
// block: the collector never looks inside, and the block is what a
// distributed runner would ship between the extract and check stages.

// packVersion starts every block, so that a block from another version is
// an error, not garbage.
const packVersion = 2

// A block is: the version; a string table (count, then each string with
// its length); the claim count; the claims, whose strings are 1-based
// indexes into the table (0 is ""). Claims of one article repeat their
// kinds, slots, kb IDs and evidence, so each is written once.

// PackClaims encodes one document's claims. Doc pointers are not encoded:
// UnpackClaims sets them to the document it is given.
func PackClaims(claims []compare.Claim) []byte {
	var pk Packer
	return pk.Pack(claims)
}

// Packer is PackClaims keeping its working buffers (the string index and
// table, the claims' bytes) from one article to the next: per article
// they were several times the size of the block. The zero value is ready;
// a Packer is not safe for concurrent use.
type Packer struct {
	p   packer
	n   int    // the claims encoded
	out []byte // packString's block, assembled
}

// maxKeptStrings bounds the string table a Packer keeps between articles.
const maxKeptStrings = 1 << 14

// Pack is PackClaims. The block it returns is the caller's.
func (pk *Packer) Pack(claims []compare.Claim) []byte {
	size := pk.encode(claims)
	return pk.finish(make([]byte, 0, size))
}

// packString is Pack returning the block as a string, as Article.Packed
// holds it: unpacking takes the claims' strings from it without a copy.
// The block is assembled in a buffer kept from one article to the next,
// then copied once.
func (pk *Packer) packString(claims []compare.Claim) string {
	size := pk.encode(claims)
	pk.out = pk.finish(slices.Grow(pk.out[:0], size))
	s := string(pk.out)
	if cap(pk.out) > maxKeptBlock {
		pk.out = nil
	}
	return s
}

// maxKeptBlock bounds the block buffer a Packer keeps.
const maxKeptBlock = 1 << 20

// encode encodes the claims and their string table into the Packer's
// buffers and returns the size the block will have at most.
func (pk *Packer) encode(claims []compare.Claim) int {
	p := &pk.p
	if p.index == nil {
		// An article's claims hold about five distinct strings each and
		// take about 50 bytes besides: a fresh Packer sizes its buffers
		// for them rather than growing them step by step.
		p.index = make(map[string]int, 6*len(claims))
		p.table = make([]string, 0, 6*len(claims))
		p.b = make([]byte, 0, 64*len(claims))
	}
	p.b, p.table, p.last = p.b[:0], p.table[:0], [nFields]lastString{}
	for i := range claims {
		p.claim(&claims[i])
	}
	pk.n = len(claims)
	size := 12 + len(p.b)
	for _, s := range p.table {
		size += len(s) + 2
	}
	return size
}

// finish appends the block encode made to dst and lets go of the
// article's strings.
func (pk *Packer) finish(dst []byte) []byte {
	p := &pk.p
	out := packer{b: dst}
	out.b = append(out.b, packVersion)
	out.uint(uint64(len(p.table)))
	for _, s := range p.table {
		out.uint(uint64(len(s)))
		out.b = append(out.b, s...)
	}
	out.uint(uint64(pk.n))
	block := append(out.b, p.b...)
	// The table and index hold the article's strings: let them go, so
	// that the buffers do not keep the article alive.
	clear(p.index)
	clear(p.table)
	p.last = [nFields]lastString{}
	if cap(p.table) > maxKeptStrings {
		*p = packer{}
	}
	return block
}

// UnpackClaims decodes a block of PackClaims; every claim's Doc is doc.
// It fails on a truncated or foreign block, never panics.
func UnpackClaims(b []byte, doc *compare.Document) ([]compare.Claim, error) {
	var u unpacker
	return u.appendClaims(nil, string(b), doc)
}

type packer struct {
	b     []byte
	index map[string]int // string → 1-based table index
	table []string
	// last is the string each field wrote last and its index: the kind,
	// attribute, segment, unit, … of a claim are often the previous
	// claim's, and comparing is cheaper than hashing.
	last [nFields]lastString
}

// lastString is a string a field wrote and its table index.
type lastString struct {
	s string
	i int
}

// A field is a string field of a claim, for packer.last.
type field int

const (
	fZone field = iota
	fKind
	fSubject
	fAttr
	fValue
	fBasis
	fText
	fSegment
	fTimex
	fTimexType
	fSpeaker
	fMarker
	fUnit
	fEvText
	fEvSource
	fEvPerson
	fEvOffice
	nFields
)

func (p *packer) uint(v uint64) { p.b = binary.AppendUvarint(p.b, v) }
func (p *packer) int(v int64)   { p.b = binary.AppendVarint(p.b, v) }

func (p *packer) str(f field, s string) {
	if s == "" {
		p.uint(0)
		return
	}
	last := &p.last[f]
	if last.i == 0 || s != last.s {
		i, ok := p.index[s]
		if !ok {
			p.table = append(p.table, s)
			i = len(p.table)
			p.index[s] = i
		}
		last.s, last.i = s, i
	}
	p.uint(uint64(last.i))
}

// float: a zero byte for +0 (most claims carry no figure), else 1 and
// the bits.
func (p *packer) float(f float64) {
	bits := math.Float64bits(f)
	if bits == 0 {
		p.b = append(p.b, 0)
		return
	}
	p.b = append(p.b, 1)
	p.b = binary.LittleEndian.AppendUint64(p.b, bits)
}

func (p *packer) bool(v bool) {
	if v {
		p.b = append(p.b, 1)
	} else {
		p.b = append(p.b, 0)
	}
}

// Times: a tag byte, then seconds and nanoseconds since 1970, and for a
// location other than UTC its zone's name and offset (a fixed zone on
// unpacking: the instant and the printed zone stay the same).
const (
	timeZero = iota
	timeUTC
	timeZoned
)

func (p *packer) time(t time.Time) {
	switch {
	case t.IsZero():
		p.b = append(p.b, timeZero)
		return
	case t.Location() == time.UTC:
		p.b = append(p.b, timeUTC)
	default:
		p.b = append(p.b, timeZoned)
	}
	p.int(t.Unix())
	p.uint(uint64(t.Nanosecond()))
	if t.Location() != time.UTC {
		name, off := t.Zone()
		p.str(fZone, name)
		p.int(int64(off))
	}
}

func (p *packer) timePtr(t *time.Time) {
	if t == nil {
		p.bool(false)
		return
	}
	p.bool(true)
	p.time(*t)
}

func (p *packer) span(s compare.Span) {
	p.int(int64(s.Start))
	p.int(int64(s.End))
}

func (p *packer) claim(c *compare.Claim) {
	p.str(fKind, string(c.Kind))
	p.span(c.Span)
	p.str(fSubject, c.Subject)
	p.str(fAttr, c.Attr)
	p.str(fValue, c.Value)
	p.time(c.When.From)
	p.time(c.When.To)
	p.int(int64(c.When.Gran))
	p.str(fBasis, c.When.Basis)
	p.str(fText, c.Text)
	p.str(fSegment, string(c.Segment))
	p.str(fTimex, c.Timex)
	p.str(fTimexType, c.TimexType)
	p.str(fSpeaker, c.Speaker)
	p.str(fMarker, c.Marker)
	p.float(c.Low)
	p.float(c.High)
	p.str(fUnit, c.Unit)
	p.bool(c.Related != nil)
	p.uint(uint64(len(c.Related)))
	for _, r := range c.Related {
		p.span(r)
	}
	p.bool(c.Valid != nil)
	if c.Valid != nil {
		p.time(c.Valid.From)
		p.time(c.Valid.To)
	}
	p.bool(c.Evidence != nil)
	p.uint(uint64(len(c.Evidence)))
	for _, e := range c.Evidence {
		p.str(fEvText, e.Text)
		p.str(fEvSource, e.Source)
		p.str(fEvPerson, e.Person)
		p.str(fEvOffice, e.Office)
		p.timePtr(e.From)
		p.timePtr(e.To)
		p.timePtr(e.Died)
	}
}

// appendClaims appends the claims of a block to dst. The unpacker may
// decode several blocks (a story's) in turn: it keeps the zones it made
// and hands out the claims' times, windows, spans and evidence from
// chunks, one allocation for many.
func (u *unpacker) appendClaims(dst []compare.Claim, block string, doc *compare.Document) ([]compare.Claim, error) {
	if len(block) == 0 {
		return dst, nil
	}
	u.s, u.p, u.err = block, 0, nil
	if v := u.byte(); v != packVersion {
		return dst, fmt.Errorf("unpacking claims: version %d, want %d", v, packVersion)
	}
	n := u.count() // each string takes a byte at least
	u.table = slices.Grow(u.table[:0], n)[:n]
	for i := range u.table {
		n := u.count()
		u.table[i] = strRef{u.p, u.p + n}
		u.p += n
	}
	n = u.count() // each claim takes more than a byte
	if u.err != nil {
		return dst, fmt.Errorf("unpacking claims: %w", u.err)
	}
	start := len(dst)
	dst = slices.Grow(dst, n)[:start+n]
	for i := start; i < len(dst); i++ {
		dst[i] = compare.Claim{}
		u.claim(&dst[i], doc)
	}
	if u.err != nil {
		return dst[:start], fmt.Errorf("unpacking claims: %w", u.err)
	}
	if u.p != len(u.s) {
		return dst[:start], errors.New("unpacking claims: trailing bytes")
	}
	return dst, nil
}

// appendUnpacked appends the claims of a block to dst.
func appendUnpacked(dst []compare.Claim, b []byte, doc *compare.Document) ([]compare.Claim, error) {
	var u unpacker
	return u.appendClaims(dst, string(b), doc)
}

// release drops what the unpacker holds of the blocks decoded so far, so
// that it does not keep them alive, and starts new chunks: those handed
// out belong to the claims. The zones stay.
func (u *unpacker) release() {
	u.table = u.table[:0]
	if cap(u.table) > maxKeptStrings {
		u.table = nil
	}
	u.s, u.p, u.err = "", 0, nil
	u.times, u.windows, u.spans, u.evidence = nil, nil, nil, nil
}

// unpacker reads a block held as one string: the strings it returns are
// substrings of it, so unpacking a claim allocates no string (the block
// lives as long as any of its claims). The first problem sticks in err
// and every later read returns zero values.
type unpacker struct {
	// s is the block, p the position in it: reading moves p only, so
	// that it writes no pointer (a write barrier while the collector
	// runs) per byte.
	s     string
	p     int
	table []strRef
	err   error
	// zones are the fixed zones made so far: an article's times share
	// one or two, and making one allocates.
	zones []zone
	// times, windows, spans and evidence are chunks that claims' pointers
	// and slices are handed out from: never written again once handed
	// out, so claims and findings can keep them.
	times    []time.Time
	windows  []compare.Window
	spans    []compare.Span
	evidence []compare.Evidence
}

// maxZones bounds the zones an unpacker keeps.
const maxZones = 64

// chunkLen is the capacity of a new chunk after one of capacity last.
func chunkLen(last int) int { return min(2*last+4, 64) }

// strRef is a string of the table: where it lies in the block. Offsets,
// not strings, so that the table holds no pointer.
type strRef struct{ from, to int }

var errShort = errors.New("truncated block")

func (u *unpacker) fail(err error) {
	if u.err == nil {
		u.err = err
	}
	u.p = len(u.s)
}

func (u *unpacker) byte() byte {
	if u.p >= len(u.s) {
		u.fail(errShort)
		return 0
	}
	v := u.s[u.p]
	u.p++
	return v
}

// uint reads a uvarint (encoding/binary's format).
func (u *unpacker) uint() uint64 {
	if p := u.p; p < len(u.s) && u.s[p] < 0x80 {
		// One byte: most string indexes, counts and tags.
		u.p = p + 1
		return uint64(u.s[p])
	}
	return u.uintSlow()
}

func (u *unpacker) uintSlow() uint64 {
	var v uint64
	s := u.s[u.p:]
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		c := s[i]
		if i == binary.MaxVarintLen64-1 && c > 1 {
			break // overflow
		}
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			u.p += i + 1
			return v
		}
	}
	u.fail(errShort)
	return 0
}

// int reads a zig-zag varint (encoding/binary's format).
func (u *unpacker) int() int64 {
	ux := u.uint()
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	return x
}

// count reads a length that must fit in what is left of the block.
func (u *unpacker) count() int {
	n := u.uint()
	if n > uint64(len(u.s)-u.p) {
		u.fail(errShort)
		return 0
	}
	return int(n)
}

// str reads a string: its index in the block's table.
func (u *unpacker) str() string {
	i := u.uint()
	if i == 0 {
		return ""
	}
	if i > uint64(len(u.table)) {
		u.fail(fmt.Errorf("string %d of %d", i, len(u.table)))
		return ""
	}
	r := u.table[i-1]
	return u.s[r.from:r.to]
}

func (u *unpacker) float() float64 {
	if u.byte() == 0 {
		return 0
	}
	if len(u.s)-u.p < 8 {
		u.fail(errShort)
		return 0
	}
	var bits uint64
	for i := 7; i >= 0; i-- {
		bits = bits<<8 | uint64(u.s[u.p+i])
	}
	u.p += 8
	return math.Float64frombits(bits)
}

func (u *unpacker) bool() bool { return u.byte() != 0 }

func (u *unpacker) time() time.Time {
	tag := u.byte()
	if tag == timeZero {
		return time.Time{}
	}
	if tag != timeUTC && tag != timeZoned {
		u.fail(fmt.Errorf("bad time tag %d", tag))
		return time.Time{}
	}
	sec, nsec := u.int(), u.uint()
	if nsec >= 1e9 {
		u.fail(errors.New("bad nanoseconds"))
		return time.Time{}
	}
	t := time.Unix(sec, int64(nsec)).UTC()
	if tag == timeZoned {
		name, off := u.str(), u.int()
		if off < -18*3600 || off > 18*3600 {
			u.fail(fmt.Errorf("bad zone offset %d", off))
			return time.Time{}
		}
		t = t.In(u.zone(name, int(off)))
	}
	return t
}

type zone struct {
	name string
	off  int
	loc  *time.Location
}

// zone returns time.FixedZone(name, off), made once per block.
func (u *unpacker) zone(name string, off int) *time.Location {
	for _, z := range u.zones {
		if z.name == name && z.off == off {
			return z.loc
		}
	}
	// The name is a substring of a block: a copy keeps the zone, which
	// outlives the block, from holding it.
	name = strings.Clone(name)
	loc := time.FixedZone(name, off)
	if len(u.zones) == maxZones {
		u.zones = u.zones[:0]
	}
	u.zones = append(u.zones, zone{name, off, loc})
	return loc
}

func (u *unpacker) timePtr() *time.Time {
	if !u.bool() {
		return nil
	}
	t := u.time()
	if len(u.times) == cap(u.times) {
		u.times = make([]time.Time, 0, chunkLen(cap(u.times)))
	}
	u.times = append(u.times, t)
	return &u.times[len(u.times)-1]
}

// window returns a new window from the chunk.
func (u *unpacker) window() *compare.Window {
	if len(u.windows) == cap(u.windows) {
		u.windows = make([]compare.Window, 0, chunkLen(cap(u.windows)))
	}
	u.windows = append(u.windows, compare.Window{})
	return &u.windows[len(u.windows)-1]
}

// spanList returns n zero spans from the chunk, clipped: a slice that is
// empty but not nil when n is 0.
func (u *unpacker) spanList(n int) []compare.Span {
	if cap(u.spans)-len(u.spans) < n || u.spans == nil {
		if n > 64 {
			return make([]compare.Span, n)
		}
		u.spans = make([]compare.Span, 0, max(n, chunkLen(cap(u.spans))))
	}
	i := len(u.spans)
	u.spans = u.spans[:i+n]
	return u.spans[i : i+n : i+n]
}

// evidenceList returns n zero evidences from the chunk, clipped: a slice
// that is empty but not nil when n is 0.
func (u *unpacker) evidenceList(n int) []compare.Evidence {
	if cap(u.evidence)-len(u.evidence) < n || u.evidence == nil {
		if n > 64 {
			return make([]compare.Evidence, n)
		}
		u.evidence = make([]compare.Evidence, 0, max(n, chunkLen(cap(u.evidence))))
	}
	i := len(u.evidence)
	u.evidence = u.evidence[:i+n]
	return u.evidence[i : i+n : i+n]
}

func (u *unpacker) span() compare.Span {
	return compare.Span{Start: int(u.int()), End: int(u.int())}
}

func (u *unpacker) claim(c *compare.Claim, doc *compare.Document) {
	c.Doc = doc
	c.Kind = compare.Kind(u.str())
	c.Span = u.span()
	c.Subject = u.str()
	c.Attr = u.str()
	c.Value = u.str()
	c.When.From = u.time()
	c.When.To = u.time()
	c.When.Gran = compare.Granularity(u.int())
	c.When.Basis = u.str()
	c.Text = u.str()
	c.Segment = compare.Segment(u.str())
	c.Timex = u.str()
	c.TimexType = u.str()
	c.Speaker = u.str()
	c.Marker = u.str()
	c.Low = u.float()
	c.High = u.float()
	c.Unit = u.str()
	hasRelated := u.bool()
	if n := u.count(); n > 0 || hasRelated {
		c.Related = u.spanList(n)
		for i := range c.Related {
			c.Related[i] = u.span()
		}
	}
	if u.bool() {
		w := u.window()
		w.From = u.time()
		w.To = u.time()
		c.Valid = w
	}
	hasEvidence := u.bool()
	if n := u.count(); n > 0 || hasEvidence {
		c.Evidence = u.evidenceList(n)
		for i := range c.Evidence {
			e := &c.Evidence[i]
			e.Text, e.Source, e.Person, e.Office = u.str(), u.str(), u.str(), u.str()
			e.From, e.To, e.Died = u.timePtr(), u.timePtr(), u.timePtr()
		}
	}
}
