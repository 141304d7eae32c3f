package kb

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

//go:embed data/*.yaml
var embedded embed.FS

// maxFileSize bounds a user file; the embedded data is far below it.
const maxFileSize = 32 << 20

// Embedded returns a fresh KB holding the embedded data. Each call parses
// the data again, so callers may Add to the result without affecting others.
func Embedded() (*KB, error) {
	return loadFS(embedded, "data")
}

func loadFS(fsys fs.FS, dir string) (*KB, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("kb: reading embedded data: %w", err)
	}
	var files []*parsedFile
	for _, e := range entries { // ReadDir sorts by name: a stable load order
		if e.IsDir() || path.Ext(e.Name()) != ".yaml" {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("kb: %w", err)
		}
		pf, err := parseFile(name, data)
		if err != nil {
			return nil, err
		}
		files = append(files, pf)
	}
	k := New()
	if err := k.merge(files...); err != nil {
		return nil, err
	}
	return k, nil
}

// Add merges a user YAML file (same format as data/*.yaml, see
// data/SCHEMA.md) into k. An entry whose id exists overrides the fields it
// sets; a term overrides the term with the same person, office and from.
// Errors name file:line:col. On error k is unchanged.
func (k *KB) Add(name string, data []byte) error {
	pf, err := parseFile(name, data)
	if err != nil {
		return err
	}
	return k.merge(pf)
}

// date is a YAML date of day, month or year precision.
type date struct {
	t time.Time
}

func (d *date) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return errors.New("a date must be a scalar (YYYY-MM-DD)")
	}
	if n.Tag == "!!null" || n.Value == "" {
		d.t = time.Time{}
		return nil
	}
	t, err := ParseDate(n.Value)
	if err != nil {
		return err
	}
	d.t = t
	return nil
}

// ParseDate parses YYYY-MM-DD, YYYY-MM or YYYY (the first day of the
// month or year) as a UTC day.
func ParseDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if t, err := time.Parse(layout, s); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
}

// The YAML shapes of the data files. Field names are the schema.
type (
	yFile struct {
		Meta      *yMeta     `yaml:"meta"`
		Countries []yCountry `yaml:"countries"`
		Places    []yPlace   `yaml:"places"`
		Roles     []yRole    `yaml:"roles"`
		People    []yPerson  `yaml:"people"`
		Offices   []yOffice  `yaml:"offices"`
		Terms     []yTerm    `yaml:"terms"`
		Events    []yEvent   `yaml:"events"`
	}
	yMeta struct {
		Snapshot date   `yaml:"snapshot"`
		Source   string `yaml:"source"`
	}
	yCountry struct {
		Code     string   `yaml:"code"`
		Name     string   `yaml:"name"`
		Aliases  []string `yaml:"aliases"`
		Demonyms []string `yaml:"demonyms"`
		Capital  string   `yaml:"capital"`
		Source   string   `yaml:"source"`
	}
	yPlace struct {
		ID      string   `yaml:"id"`
		Name    string   `yaml:"name"`
		Aliases []string `yaml:"aliases"`
		Within  string   `yaml:"within"`
		Source  string   `yaml:"source"`
	}
	yRole struct {
		Text    string `yaml:"text"`
		Role    string `yaml:"role"`
		Country string `yaml:"country"`
		Source  string `yaml:"source"`
	}
	yPerson struct {
		ID        string   `yaml:"id"`
		Name      string   `yaml:"name"`
		Aliases   []string `yaml:"aliases"`
		Ambiguous []string `yaml:"ambiguous"`
		Born      date     `yaml:"born"`
		Died      date     `yaml:"died"`
		Source    string   `yaml:"source"`
	}
	yOffice struct {
		ID      string   `yaml:"id"`
		Country string   `yaml:"country"`
		Role    string   `yaml:"role"`
		Title   string   `yaml:"title"`
		Names   []string `yaml:"names"`
		Seats   int      `yaml:"seats"`
		Source  string   `yaml:"source"`
	}
	yTerm struct {
		Person string `yaml:"person"`
		Office string `yaml:"office"`
		From   date   `yaml:"from"`
		To     date   `yaml:"to"`
		Acting bool   `yaml:"acting"`
		Note   string `yaml:"note"`
		Source string `yaml:"source"`
	}
	yEvent struct {
		ID      string   `yaml:"id"`
		Name    string   `yaml:"name"`
		Aliases []string `yaml:"aliases"`
		From    date     `yaml:"from"`
		To      date     `yaml:"to"`
		Source  string   `yaml:"source"`
	}
)

// parsedFile is one decoded file with the position of each entry.
type parsedFile struct {
	name string
	f    yFile
	// pos[section][i] is the position of entry i of that section.
	pos map[string][]string
}

var (
	slugRE    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	codeRE    = regexp.MustCompile(`^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$`)
	officeRE  = regexp.MustCompile(`^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$`)
	placeIDRE = regexp.MustCompile(`^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$`)
)

func posOf(file string, n *yaml.Node) string {
	return fmt.Sprintf("%s:%d:%d", file, n.Line, n.Column)
}

// parseFile decodes and validates one file on its own (references to
// other files are checked by merge).
func parseFile(name string, data []byte) (*parsedFile, error) {
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("%s: file too large (%d bytes, limit %d)", name, len(data), maxFileSize)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s:%s", name, yamlErrPos(err))
	}
	pf := &parsedFile{name: name, pos: map[string][]string{}}
	if root.Kind == 0 { // empty file
		return pf, nil
	}
	// Aliases are refused outright: data files never need them, and a
	// chain of aliases expands exponentially (a "billion laughs").
	if n := findAlias(&root); n != nil {
		return nil, fmt.Errorf("%s: YAML aliases (*%s) are not allowed in kb files", posOf(name, n), n.Value)
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode {
		if len(doc.Content) == 0 {
			return pf, nil
		}
		doc = doc.Content[0]
	}
	if doc.Kind == yaml.ScalarNode && doc.Tag == "!!null" {
		return pf, nil
	}
	if err := decodeNode(name, doc, reflect.ValueOf(&pf.f).Elem(), pf.pos, ""); err != nil {
		return nil, err
	}
	if err := pf.validate(); err != nil {
		return nil, err
	}
	return pf, nil
}

// yamlErrPos turns yaml.v3's "yaml: line N: msg" into "N:1: msg".
func yamlErrPos(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	var rest string
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		if i := strings.Index(msg, ":"); i >= 0 {
			rest = strings.TrimSpace(msg[i+1:])
		}
		return fmt.Sprintf("%d:1: %s", line, rest)
	}
	return "1:1: " + msg
}

func findAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		return n
	}
	for _, c := range n.Content {
		if a := findAlias(c); a != nil {
			return a
		}
	}
	return nil
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

// decodeNode decodes n into v, refusing unknown and duplicate keys (the
// strictness of yaml.Decoder.KnownFields(true)) and reporting every error
// at the line and column of the offending node. section names the
// top-level list being decoded; the position of each of its items is
// recorded in pos.
func decodeNode(file string, n *yaml.Node, v reflect.Value, pos map[string][]string, section string) error {
	if reflect.PointerTo(v.Type()).Implements(unmarshalerType) {
		if err := v.Addr().Interface().(yaml.Unmarshaler).UnmarshalYAML(n); err != nil {
			return fmt.Errorf("%s: %w", posOf(file, n), err)
		}
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer:
		if n.Tag == "!!null" {
			return nil
		}
		p := reflect.New(v.Type().Elem())
		if err := decodeNode(file, n, p.Elem(), pos, section); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return fmt.Errorf("%s: expected a mapping, found %s", posOf(file, n), kindName(n))
		}
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, val := n.Content[i], n.Content[i+1]
			f, ok := fieldByTag(v, key.Value)
			if !ok {
				return fmt.Errorf("%s: unknown field %q (valid: %s)", posOf(file, key), key.Value, strings.Join(tagsOf(v.Type()), ", "))
			}
			if seen[key.Value] {
				return fmt.Errorf("%s: duplicate field %q", posOf(file, key), key.Value)
			}
			seen[key.Value] = true
			sub := ""
			if section == "" && v.Type() == reflect.TypeFor[yFile]() {
				sub = key.Value
			}
			if err := decodeNode(file, val, f, pos, sub); err != nil {
				return err
			}
		}
		return nil
	case reflect.Slice:
		if n.Tag == "!!null" {
			return nil
		}
		if n.Kind != yaml.SequenceNode {
			return fmt.Errorf("%s: expected a list, found %s", posOf(file, n), kindName(n))
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			if section != "" {
				pos[section] = append(pos[section], posOf(file, c))
			}
			if err := decodeNode(file, c, s.Index(i), pos, ""); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	default:
		if n.Kind != yaml.ScalarNode {
			return fmt.Errorf("%s: expected a single value, found %s", posOf(file, n), kindName(n))
		}
		if v.Kind() == reflect.String && n.Tag == "!!null" {
			return nil
		}
		if err := n.Decode(v.Addr().Interface()); err != nil {
			msg := err.Error()
			if i := strings.LastIndex(msg, ": "); i >= 0 {
				msg = msg[i+2:]
			}
			return fmt.Errorf("%s: %s", posOf(file, n), msg)
		}
		return nil
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

func fieldByTag(v reflect.Value, tag string) (reflect.Value, bool) {
	t := v.Type()
	for i := range t.NumField() {
		if t.Field(i).Tag.Get("yaml") == tag {
			return v.Field(i), true
		}
	}
	return reflect.Value{}, false
}

func tagsOf(t reflect.Type) []string {
	var tags []string
	for i := range t.NumField() {
		tags = append(tags, t.Field(i).Tag.Get("yaml"))
	}
	sort.Strings(tags)
	return tags
}

// validate checks what a file can show on its own: required fields, id
// shapes, date order.
func (pf *parsedFile) validate() error {
	at := func(section string, i int) string { return pf.pos[section][i] }
	f := &pf.f
	for i, c := range f.Countries {
		if !codeRE.MatchString(c.Code) {
			return fmt.Errorf("%s: country code %q: want upper-case letters and digits (ISO 3166-1 alpha-2 or an organisation code)", at("countries", i), c.Code)
		}
	}
	for i, p := range f.Places {
		if !placeIDRE.MatchString(p.ID) {
			return fmt.Errorf("%s: place id %q: want COUNTRY/slug", at("places", i), p.ID)
		}
	}
	for i, r := range f.Roles {
		if strings.TrimSpace(r.Text) == "" || !slugRE.MatchString(r.Role) {
			return fmt.Errorf("%s: a role needs text and a role id (lower-case slug), got %q → %q", at("roles", i), r.Text, r.Role)
		}
		if r.Country != "" && !codeRE.MatchString(r.Country) {
			return fmt.Errorf("%s: role country %q: want a country code", at("roles", i), r.Country)
		}
	}
	for i, p := range f.People {
		if !slugRE.MatchString(p.ID) {
			return fmt.Errorf("%s: person id %q: want a lower-case slug like hossein-amir-abdollahian", at("people", i), p.ID)
		}
		if !p.Born.t.IsZero() && !p.Died.t.IsZero() && p.Died.t.Before(p.Born.t) {
			return fmt.Errorf("%s: %s died (%s) before being born (%s)", at("people", i), p.ID, day(p.Died.t), day(p.Born.t))
		}
	}
	for i, o := range f.Offices {
		if !officeRE.MatchString(o.ID) {
			return fmt.Errorf("%s: office id %q: want COUNTRY/role-slug like IR/foreign-minister", at("offices", i), o.ID)
		}
		if o.Seats < 0 {
			return fmt.Errorf("%s: seats must be positive", at("offices", i))
		}
		if o.Role != "" && !slugRE.MatchString(o.Role) {
			return fmt.Errorf("%s: role %q: want a lower-case slug", at("offices", i), o.Role)
		}
	}
	for i, t := range f.Terms {
		if t.Person == "" || t.Office == "" {
			return fmt.Errorf("%s: a term needs person and office", at("terms", i))
		}
		if t.From.t.IsZero() {
			return fmt.Errorf("%s: term of %s as %s has no from date", at("terms", i), t.Person, t.Office)
		}
		if !t.To.t.IsZero() && !t.From.t.Before(t.To.t) {
			return fmt.Errorf("%s: term of %s as %s ends (%s) before it starts (%s)", at("terms", i), t.Person, t.Office, day(t.To.t), day(t.From.t))
		}
	}
	for i, e := range f.Events {
		if !slugRE.MatchString(e.ID) {
			return fmt.Errorf("%s: event id %q: want a lower-case slug", at("events", i), e.ID)
		}
		if e.From.t.IsZero() {
			return fmt.Errorf("%s: event %s has no from date", at("events", i), e.ID)
		}
		if !e.To.t.IsZero() && e.To.t.Before(e.From.t) {
			return fmt.Errorf("%s: event %s ends before it starts", at("events", i), e.ID)
		}
	}
	return nil
}

func day(t time.Time) string { return t.Format("2006-01-02") }
