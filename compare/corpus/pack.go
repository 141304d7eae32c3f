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
// block: the collector never looks inside. The packed blocks are then
// the largest thing pass 1 keeps, so they are kept small: most of their
// bytes were strings that recur across articles (kinds, slots, kb IDs
// and evidence, dates), which a run packs against one shared dictionary.

// packVersion starts every block, so that a block from another version is
// an error, not garbage.
const packVersion = 3

// A block is: the version; a table of the block's own strings (count,
// then each string with its length); the claim count; the claims. A
// string is a reference: a table index or, when packed against a
// dictionary, a dictionary ID (see packer.str). A claim starts with the
// mask of its fields that are set, XOR the previous claim's (claims of
// one kind set the same fields, so it is mostly 0), and writes only
// those; spans are deltas from the previous claim's, times deltas from
// the previous time, in days when they fall on midnight UTC.

// PackClaims encodes one document's claims into a self-contained block.
// Doc pointers are not encoded: UnpackClaims sets them to the document
// it is given.
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
	p.b, p.table = p.b[:0], p.table[:0]
	p.reset()
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
	p.reset()
	if cap(p.table) > maxKeptStrings {
		*p = packer{dict: p.dict, ids: p.ids}
	}
	return block
}

// UnpackClaims decodes a block of PackClaims; every claim's Doc is doc.
// It fails on a truncated or foreign block, never panics.
func UnpackClaims(b []byte, doc *compare.Document) ([]compare.Claim, error) {
	var u unpacker
	return u.appendClaims(nil, string(b), nil, doc)
}

type packer struct {
	b     []byte
	index map[string]int // string → 1-based table index
	table []string
	// last is the string each field wrote last and its reference: the
	// kind, attribute, segment, unit, … of a claim are often the
	// previous claim's, and comparing is cheaper than hashing.
	last [nFields]lastString
	// dict, when set, is the run's dictionary, and ids caches the IDs
	// this packer had from it: most strings are found there without
	// taking the dictionary's lock. The keys are the dictionary's copies,
	// so the cache keeps no article alive.
	dict *stringDict
	ids  map[string]uint32
	// mask, sec and start are the previous claim's field mask, time (in
	// seconds since 1970) and span start, that the next is written
	// against.
	mask  uint64
	sec   int64
	start int
}

// reset forgets what the next claim would be written against: each
// block starts afresh.
func (p *packer) reset() {
	p.last = [nFields]lastString{}
	p.mask, p.sec, p.start = 0, 0, 0
}

// lastString is a string a field wrote and its reference.
type lastString struct {
	s   string
	ref uint64
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

// The bits of a claim's field mask, the fields most claims set first so
// that a mask fits a byte or two when it does not repeat.
const (
	mSubject = 1 << iota
	mAttr
	mValue
	mFrom
	mTo
	mBasis
	mText
	mSegment
	mGran
	mTimex
	mTimexType
	mSpeaker
	mMarker
	mLow
	mHigh
	mUnit
	mRelated  // Related is not nil
	mValid    // Valid is not nil
	mEvidence // Evidence is not nil
	mAll      = 1<<iota - 1
)

// The bits of an evidence's mask.
const (
	eText = 1 << iota
	eSource
	ePerson
	eOffice
	eFrom
	eTo
	eDied
	eAll = 1<<iota - 1
)

func (p *packer) uint(v uint64) { p.b = binary.AppendUvarint(p.b, v) }
func (p *packer) int(v int64)   { p.b = binary.AppendVarint(p.b, v) }

// maxShared is the longest string of a claim's own fields that goes to
// the dictionary: longer ones are quotes, which seldom recur, and in the
// dictionary would stay for the whole run with an index entry besides.
// Evidence comes from the kb and always goes.
const maxShared = 48

// str writes a non-empty string as a reference: a table index i as 2i,
// a dictionary ID d as 2d+1.
func (p *packer) str(f field, s string) {
	last := &p.last[f]
	if last.ref == 0 || s != last.s {
		last.s, last.ref = s, p.ref(f, s)
	}
	p.uint(last.ref - 1)
}

// ref returns the reference of s plus one (0 is none).
func (p *packer) ref(f field, s string) uint64 {
	if p.dict != nil && (len(s) <= maxShared || f >= fEvText) {
		if id, ok := p.sharedID(s); ok {
			return 2*uint64(id) + 2
		}
	}
	i, ok := p.index[s]
	if !ok {
		p.table = append(p.table, s)
		i = len(p.table) - 1
		p.index[s] = i
	}
	return 2*uint64(i) + 1
}

// maxCachedIDs bounds the dictionary IDs a packer caches.
const maxCachedIDs = 1 << 16

// sharedID returns the dictionary ID of s, false when the dictionary is
// full.
func (p *packer) sharedID(s string) (uint32, bool) {
	if id, ok := p.ids[s]; ok {
		return id, true
	}
	id, kept, ok := p.dict.id(s)
	if !ok {
		return 0, false
	}
	if p.ids == nil || len(p.ids) >= maxCachedIDs {
		p.ids = make(map[string]uint32, 1024)
	}
	p.ids[kept] = id
	return id, true
}

// float writes a figure that is not +0: an integer below 2^53 as a
// zig-zag varint shifted left, else 1 and the bits.
func (p *packer) float(f float64) {
	if f == math.Trunc(f) && math.Abs(f) < 1<<53 && f != 0 {
		p.uint(zigzag(int64(f)) << 1)
		return
	}
	p.b = append(p.b, 1)
	p.b = binary.LittleEndian.AppendUint64(p.b, math.Float64bits(f))
}

func zigzag(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }

func unzigzag(u uint64) int64 { return int64(u>>1) ^ -int64(u&1) }

// A time is a uvarint whose two low bits are its form. A time at
// midnight UTC (a date's bounds, the most common) has the rest: the
// zig-zag delta in days from the previous time of the block, mostly
// small. Any other has a varint of the delta in seconds, the
// nanoseconds and, for a location other than UTC, its zone's name and
// offset (a fixed zone on unpacking: the instant and the printed zone
// stay the same).
const (
	timeZero = iota
	timeDay
	timeUTC
	timeZoned
)

const secondsPerDay = 86400

// floorDay is the day since 1970 of a time in seconds.
func floorDay(sec int64) int64 {
	d := sec / secondsPerDay
	if sec%secondsPerDay < 0 {
		d--
	}
	return d
}

func (p *packer) time(t time.Time) {
	if t.IsZero() {
		p.b = append(p.b, timeZero)
		return
	}
	sec, nsec, utc := t.Unix(), t.Nanosecond(), t.Location() == time.UTC
	last := p.sec
	p.sec = sec
	if utc && nsec == 0 && sec%secondsPerDay == 0 {
		p.uint(zigzag(sec/secondsPerDay-floorDay(last))<<2 | timeDay)
		return
	}
	// Other times are rarer: their delta gets a varint of its own, which
	// takes any int64.
	if utc {
		p.b = append(p.b, timeUTC)
		p.int(sec - last)
		p.uint(uint64(nsec))
		return
	}
	p.b = append(p.b, timeZoned)
	p.int(sec - last)
	p.uint(uint64(nsec))
	name, off := t.Zone()
	if name == "" {
		p.b = append(p.b, 0)
	} else {
		p.b = append(p.b, 1)
		p.str(fZone, name)
	}
	p.int(int64(off))
}

// span writes a span as its start's delta from the previous claim's
// (or the claim's, for a related span) and its length.
func (p *packer) span(s compare.Span, from int) {
	p.int(int64(s.Start - from))
	p.int(int64(s.End - s.Start))
}

// maskOf returns the fields of a claim that are set.
func maskOf(c *compare.Claim) uint64 {
	var m uint64
	set := func(bit uint64, ok bool) {
		if ok {
			m |= bit
		}
	}
	set(mSubject, c.Subject != "")
	set(mAttr, c.Attr != "")
	set(mValue, c.Value != "")
	set(mFrom, !c.When.From.IsZero())
	set(mTo, !c.When.To.IsZero())
	set(mBasis, c.When.Basis != "")
	set(mText, c.Text != "")
	set(mSegment, c.Segment != "")
	set(mGran, c.When.Gran != 0)
	set(mTimex, c.Timex != "")
	set(mTimexType, c.TimexType != "")
	set(mSpeaker, c.Speaker != "")
	set(mMarker, c.Marker != "")
	set(mLow, math.Float64bits(c.Low) != 0)
	set(mHigh, math.Float64bits(c.High) != 0)
	set(mUnit, c.Unit != "")
	set(mRelated, c.Related != nil)
	set(mValid, c.Valid != nil)
	set(mEvidence, c.Evidence != nil)
	return m
}

func (p *packer) claim(c *compare.Claim) {
	m := maskOf(c)
	p.uint(m ^ p.mask)
	p.mask = m
	p.str(fKind, string(c.Kind))
	p.span(c.Span, p.start)
	p.start = c.Span.Start
	p.opt(m&mSubject, fSubject, c.Subject)
	p.opt(m&mAttr, fAttr, c.Attr)
	p.opt(m&mValue, fValue, c.Value)
	if m&mFrom != 0 {
		p.time(c.When.From)
	}
	if m&mTo != 0 {
		p.time(c.When.To)
	}
	if m&mGran != 0 {
		p.int(int64(c.When.Gran))
	}
	p.opt(m&mBasis, fBasis, c.When.Basis)
	p.opt(m&mText, fText, c.Text)
	p.opt(m&mSegment, fSegment, string(c.Segment))
	p.opt(m&mTimex, fTimex, c.Timex)
	p.opt(m&mTimexType, fTimexType, c.TimexType)
	p.opt(m&mSpeaker, fSpeaker, c.Speaker)
	p.opt(m&mMarker, fMarker, c.Marker)
	if m&mLow != 0 {
		p.float(c.Low)
	}
	if m&mHigh != 0 {
		p.float(c.High)
	}
	p.opt(m&mUnit, fUnit, c.Unit)
	if m&mRelated != 0 {
		p.uint(uint64(len(c.Related)))
		for _, r := range c.Related {
			p.span(r, c.Span.Start)
		}
	}
	if m&mValid != 0 {
		p.time(c.Valid.From)
		p.time(c.Valid.To)
	}
	if m&mEvidence != 0 {
		p.uint(uint64(len(c.Evidence)))
		for i := range c.Evidence {
			p.evidence(&c.Evidence[i])
		}
	}
}

// opt writes a string whose bit in the claim's mask is set.
func (p *packer) opt(bit uint64, f field, s string) {
	if bit != 0 {
		p.str(f, s)
	}
}

func (p *packer) evidence(e *compare.Evidence) {
	var m byte
	if e.Text != "" {
		m |= eText
	}
	if e.Source != "" {
		m |= eSource
	}
	if e.Person != "" {
		m |= ePerson
	}
	if e.Office != "" {
		m |= eOffice
	}
	if e.From != nil {
		m |= eFrom
	}
	if e.To != nil {
		m |= eTo
	}
	if e.Died != nil {
		m |= eDied
	}
	p.b = append(p.b, m)
	p.opt(uint64(m&eText), fEvText, e.Text)
	p.opt(uint64(m&eSource), fEvSource, e.Source)
	p.opt(uint64(m&ePerson), fEvPerson, e.Person)
	p.opt(uint64(m&eOffice), fEvOffice, e.Office)
	p.timePtr(e.From)
	p.timePtr(e.To)
	p.timePtr(e.Died)
}

// timePtr writes a time that is set: its bit in the mask says whether.
func (p *packer) timePtr(t *time.Time) {
	if t != nil {
		p.time(*t)
	}
}

// appendClaims appends the claims of a block to dst. The unpacker may
// decode several blocks (a story's) in turn: it keeps the zones it made
// and hands out the claims' times, windows, spans and evidence from
// chunks, one allocation for many. A block packed against a dictionary
// needs that dictionary; dict is nil for a self-contained one.
func (u *unpacker) appendClaims(dst []compare.Claim, block string, dict *stringDict, doc *compare.Document) ([]compare.Claim, error) {
	if len(block) == 0 {
		return dst, nil
	}
	u.s, u.p, u.err = block, 0, nil
	if dict != u.dict {
		u.dict, u.shared = dict, nil
	}
	u.mask, u.sec, u.start = 0, 0, 0
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

// release drops what the unpacker holds of the blocks decoded so far, so
// that it does not keep them alive, and starts new chunks: those handed
// out belong to the claims. The zones and the dictionary stay.
func (u *unpacker) release() {
	u.table = u.table[:0]
	if cap(u.table) > maxKeptStrings {
		u.table = nil
	}
	u.s, u.p, u.err = "", 0, nil
	u.times, u.windows, u.spans, u.evidence = nil, nil, nil, nil
}

// unpacker reads a block held as one string: the strings it returns are
// substrings of it or the dictionary's, so unpacking a claim allocates no
// string (the block lives as long as any of its claims). The first problem sticks in err
// and every later read returns zero values.
type unpacker struct {
	// s is the block, p the position in it: reading moves p only, so
	// that it writes no pointer (a write barrier while the collector
	// runs) per byte.
	s     string
	p     int
	table []strRef
	err   error
	// dict is the dictionary of the blocks and shared its strings as of
	// the last look: it only grows, so what was read stays true without
	// the lock.
	dict   *stringDict
	shared []string
	// mask, sec and start are the previous claim's field mask, time and
	// span start (see packer).
	mask  uint64
	sec   int64
	start int
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

// str reads a string: its reference (see packer.str).
func (u *unpacker) str() string {
	r := u.uint()
	if r&1 != 0 {
		return u.sharedString(r >> 1)
	}
	i := r >> 1
	if i >= uint64(len(u.table)) {
		u.fail(fmt.Errorf("string %d of %d", i, len(u.table)))
		return ""
	}
	t := u.table[i]
	return u.s[t.from:t.to]
}

// sharedString returns the dictionary's string id, looking at the
// dictionary again only when id is newer than the unpacker has seen.
func (u *unpacker) sharedString(id uint64) string {
	if id < uint64(len(u.shared)) {
		return u.shared[id]
	}
	if u.dict != nil {
		u.shared = u.dict.strings()
	}
	if id >= uint64(len(u.shared)) {
		u.fail(fmt.Errorf("shared string %d of %d", id, len(u.shared)))
		return ""
	}
	return u.shared[id]
}

func (u *unpacker) float() float64 {
	h := u.uint()
	if h&1 == 0 {
		return float64(unzigzag(h >> 1))
	}
	if h != 1 || len(u.s)-u.p < 8 {
		u.fail(errors.New("bad figure"))
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
	h := u.uint()
	form := h & 3
	if form == timeDay {
		u.sec = (floorDay(u.sec) + unzigzag(h>>2)) * secondsPerDay
		return time.Unix(u.sec, 0).UTC()
	}
	if h != form {
		u.fail(fmt.Errorf("bad time %#x", h))
		return time.Time{}
	}
	if form == timeZero {
		return time.Time{}
	}
	u.sec += u.int()
	nsec := u.uint()
	if nsec >= 1e9 {
		u.fail(errors.New("bad nanoseconds"))
		return time.Time{}
	}
	t := time.Unix(u.sec, int64(nsec)).UTC()
	if form == timeZoned {
		var name string
		if u.bool() {
			name = u.str()
		}
		off := u.int()
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

func (u *unpacker) timePtr(set bool) *time.Time {
	if !set {
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

// fromChunk returns n zero values from the chunk *buf, clipped: a slice
// that is empty but not nil when n is 0. A full chunk is replaced, never
// reused, because findings keep what was handed out.
func fromChunk[T any](buf *[]T, n int) []T {
	if cap(*buf)-len(*buf) < n || *buf == nil {
		if n > 64 {
			return make([]T, n)
		}
		*buf = make([]T, 0, max(n, chunkLen(cap(*buf))))
	}
	i := len(*buf)
	*buf = (*buf)[:i+n]
	return (*buf)[i : i+n : i+n]
}

func (u *unpacker) span(from int) compare.Span {
	start := from + int(u.int())
	return compare.Span{Start: start, End: start + int(u.int())}
}

func (u *unpacker) claim(c *compare.Claim, doc *compare.Document) {
	c.Doc = doc
	m := u.uint() ^ u.mask
	if m&^mAll != 0 {
		u.fail(fmt.Errorf("bad field mask %#x", m))
		return
	}
	u.mask = m
	c.Kind = compare.Kind(u.str())
	c.Span = u.span(u.start)
	u.start = c.Span.Start
	c.Subject = u.opt(m & mSubject)
	c.Attr = u.opt(m & mAttr)
	c.Value = u.opt(m & mValue)
	if m&mFrom != 0 {
		c.When.From = u.time()
	}
	if m&mTo != 0 {
		c.When.To = u.time()
	}
	if m&mGran != 0 {
		c.When.Gran = compare.Granularity(u.int())
	}
	c.When.Basis = u.opt(m & mBasis)
	c.Text = u.opt(m & mText)
	c.Segment = compare.Segment(u.opt(m & mSegment))
	c.Timex = u.opt(m & mTimex)
	c.TimexType = u.opt(m & mTimexType)
	c.Speaker = u.opt(m & mSpeaker)
	c.Marker = u.opt(m & mMarker)
	if m&mLow != 0 {
		c.Low = u.float()
	}
	if m&mHigh != 0 {
		c.High = u.float()
	}
	c.Unit = u.opt(m & mUnit)
	if m&mRelated != 0 {
		c.Related = fromChunk(&u.spans, u.count())
		for i := range c.Related {
			c.Related[i] = u.span(c.Span.Start)
		}
	}
	if m&mValid != 0 {
		w := u.window()
		w.From = u.time()
		w.To = u.time()
		c.Valid = w
	}
	if m&mEvidence != 0 {
		c.Evidence = fromChunk(&u.evidence, u.count())
		for i := range c.Evidence {
			u.evidenceOf(&c.Evidence[i])
		}
	}
}

// opt reads a string whose bit in the claim's mask is set.
func (u *unpacker) opt(bit uint64) string {
	if bit == 0 {
		return ""
	}
	return u.str()
}

func (u *unpacker) evidenceOf(e *compare.Evidence) {
	m := u.byte()
	if m&^eAll != 0 {
		u.fail(fmt.Errorf("bad evidence mask %#x", m))
		return
	}
	e.Text = u.opt(uint64(m & eText))
	e.Source = u.opt(uint64(m & eSource))
	e.Person = u.opt(uint64(m & ePerson))
	e.Office = u.opt(uint64(m & eOffice))
	e.From = u.timePtr(m&eFrom != 0)
	e.To = u.timePtr(m&eTo != 0)
	e.Died = u.timePtr(m&eDied != 0)
}
