package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare/kb"
	"github.com/spf13/cobra"
)

// kbCommand is `crosscheck kb`: query and validate the knowledge base.
// load returns the kb the run uses (embedded data plus any --kb files).
func kbCommand(load func() (*kb.KB, error)) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "kb",
		Short: "Query and validate the knowledge base of offices, people and events",
		Long: `The knowledge base holds who held which office when, people's births and deaths,
and dated events, each fact with its source. --kb FILE adds to or overrides it.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(kbWhoCommand(load), kbPersonCommand(load), kbCheckCommand(load))
	return cmd
}

func kbWhoCommand(load func() (*kb.KB, error)) *cobra.Command {
	var at string
	cmd := &cobra.Command{
		Use:   "who OFFICE",
		Short: "Print who held an office on a day",
		Long: `OFFICE is an office id (IR/foreign-minister) or a name of it ("foreign minister of Iran",
"Iran's foreign minister", "Tehran's top diplomat", "Secretary of State").`,
		Example: `  crosscheck kb who "foreign minister of Iran" --at 2024-06-01`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := load()
			if err != nil {
				return err
			}
			day := nowUTC().Truncate(24 * time.Hour)
			if at != "" {
				if day, err = kb.ParseDate(at); err != nil {
					return fmt.Errorf("--at: %w", err)
				}
			}
			o, ok := k.Office(args[0])
			if !ok {
				if o, ok = k.OfficeNamed(args[0]); !ok {
					return fmt.Errorf("no office in the kb is named %q (try an id like IR/foreign-minister)", args[0])
				}
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%s (%s) on %s:\n", o.Title, o.ID, day.Format(time.DateOnly))
			holders := k.Holders(o.ID, day)
			if len(holders) == 0 {
				fmt.Fprintln(w, "  nobody in the kb")
				printNeighbours(w, k, o.ID, day)
				return nil
			}
			for _, t := range holders {
				printTerm(w, k, t, false)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&at, "at", "", "the day (YYYY-MM-DD; default today)")
	return cmd
}

// printNeighbours names the last holder before day and the first after it.
func printNeighbours(w io.Writer, k *kb.KB, office string, day time.Time) {
	var before, after *kb.Term
	for _, t := range k.Terms(office) {
		if t.From.After(day) {
			after = &t
			break
		}
		before = &t
	}
	if before != nil {
		fmt.Fprint(w, "  before:")
		printTerm(w, k, *before, false)
	}
	if after != nil {
		fmt.Fprint(w, "  after:")
		printTerm(w, k, *after, false)
	}
}

func personName(k *kb.KB, id string) string {
	if p, ok := k.Person(id); ok && p.Name != "" {
		return p.Name
	}
	return id
}

// printTerm prints one term on one line: the holder (or, with byOffice,
// the office), acting, dates, death in office, source.
func printTerm(w io.Writer, k *kb.KB, t kb.Term, byOffice bool) {
	indent := "  "
	if byOffice {
		indent = "    " // under "offices:"
	}
	who := personName(k, t.Person)
	if byOffice {
		who = t.Office
		if o, ok := k.Office(t.Office); ok && o.Title != "" {
			who = o.Title + " (" + o.ID + ")"
		}
	}
	if t.Acting {
		who += " (acting)"
	}
	to := "present"
	if !t.To.IsZero() {
		to = t.To.Format(time.DateOnly)
	}
	var extra []string
	if p, ok := k.Person(t.Person); ok && !p.Died.IsZero() && !byOffice {
		extra = append(extra, "died "+p.Died.Format(time.DateOnly))
	}
	if t.Note != "" {
		extra = append(extra, t.Note)
	}
	line := fmt.Sprintf("%s%s  %s – %s", indent, who, t.From.Format(time.DateOnly), to)
	if len(extra) > 0 {
		line += " (" + strings.Join(extra, "; ") + ")"
	}
	fmt.Fprintf(w, "%s\n%s  source: %s\n", line, indent, orNone(t.Source))
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func kbPersonCommand(load func() (*kb.KB, error)) *cobra.Command {
	return &cobra.Command{
		Use:     "person NAME",
		Short:   "Print a person's offices, birth and death",
		Long:    `NAME is a person id or any spelling of the name ("Araqchi", "Amirabdollahian", "Said Badr").`,
		Example: `  crosscheck kb person Abdollahian`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := load()
			if err != nil {
				return err
			}
			ids := []string{args[0]}
			if _, ok := k.Person(args[0]); !ok {
				ms := k.Resolve(args[0], time.Time{}, "")
				if len(ms) == 0 {
					return fmt.Errorf("no person in the kb matches %q", args[0])
				}
				ids = ids[:0]
				// Every match as good as the best: the name is ambiguous.
				for _, m := range ms {
					if m.Score == ms[0].Score {
						ids = append(ids, m.Person)
					}
				}
			}
			w := cmd.OutOrStdout()
			for i, id := range ids {
				if i > 0 {
					fmt.Fprintln(w)
				}
				printPerson(w, k, id)
			}
			return nil
		},
	}
}

func printPerson(w io.Writer, k *kb.KB, id string) {
	p, _ := k.Person(id)
	fmt.Fprintf(w, "%s (%s)\n", p.Name, p.ID)
	if len(p.Aliases) > 0 {
		fmt.Fprintf(w, "  also: %s\n", strings.Join(p.Aliases, ", "))
	}
	if !p.Born.IsZero() {
		fmt.Fprintf(w, "  born: %s\n", p.Born.Format(time.DateOnly))
	}
	if !p.Died.IsZero() {
		fmt.Fprintf(w, "  died: %s\n", p.Died.Format(time.DateOnly))
	}
	fmt.Fprintf(w, "  source: %s\n", orNone(p.Source))
	terms := k.Tenures(id)
	if len(terms) == 0 {
		fmt.Fprintln(w, "  no offices in the kb")
		return
	}
	fmt.Fprintln(w, "  offices:")
	for _, t := range terms {
		printTerm(w, k, t, true)
	}
}

func kbCheckCommand(load func() (*kb.KB, error)) *cobra.Command {
	return &cobra.Command{
		Use:   "check FILE",
		Short: "Validate a kb file: format, references and consistency with the kb",
		Long: `check loads FILE over the knowledge base and reports, as file:line:col, what is wrong:
unknown keys, bad dates, unknown people or offices, facts without a source, overlapping
holders of a single-seat office, terms after a death, names shared without being marked
ambiguous. It exits 1 when it finds problems.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := load()
			if err != nil {
				return err
			}
			data, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			known := map[string]bool{}
			for _, p := range k.Check() {
				known[p.String()] = true
			}
			if err := k.Add(args[0], data); err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			n := 0
			for _, p := range k.Check() {
				if !known[p.String()] {
					fmt.Fprintln(w, p)
					n++
				}
			}
			if n > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d problem(s)\n", args[0], n)
				return exitError{ExitFindings}
			}
			fmt.Fprintf(w, "%s: ok\n", args[0])
			return nil
		},
	}
}
